//! Property: whatever vouchers the customs of any country try, in any order and for any
//! number of items, every item of a carnet stays accounted for (at home, held by a
//! country of use, or in motion; nothing negative, nothing created), and a refused voucher
//! changes nothing. Sequences come from a fixed-seed generator, so a failure replays.

use frame_support::BoundedVec;
use pallet_tamga_governance::CountryCode;
use sp_core::H256;

use crate::{mock::Test, types::CountryBalance, vouchers, CarnetOf, Voucher};

/// A xorshift generator: deterministic, good enough to shuffle vouchers.
struct Generator(u64);

impl Generator {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}

	fn pick<T: Copy>(&mut self, from: &[T]) -> T {
		from[(self.next() % from.len() as u64) as usize]
	}
}

fn code(text: &[u8; 2]) -> CountryCode {
	CountryCode::new(*text).unwrap()
}

/// A carnet of KZ for 10 items, usable in KG and TJ.
fn carnet() -> CarnetOf<Test> {
	let balance = |c| CountryBalance { country: code(c), imported: 0, in_transit: 0 };
	CarnetOf::<Test> {
		number: b"KZ/PROPERTY".to_vec().try_into().unwrap(),
		association: 10,
		home: code(b"KZ"),
		holder_commitment: H256::zero(),
		items: 10,
		list_hash: H256::zero(),
		valid_from: 0,
		valid_until: 1,
		abroad: 0,
		countries: BoundedVec::truncate_from(vec![balance(b"KG"), balance(b"TJ")]),
		issued_at: 1,
		closed_at: None,
	}
}

#[test]
fn random_voucher_sequences_keep_every_item_accounted_for() {
	let countries = [code(b"KZ"), code(b"KG"), code(b"TJ"), code(b"UZ")];
	let kinds = [
		Voucher::Exportation,
		Voucher::Importation,
		Voucher::ReExportation,
		Voucher::ReImportation,
		Voucher::TransitStart,
		Voucher::TransitEnd,
	];
	let mut accepted = 0;
	for seed in 1..=300u64 {
		let mut generator = Generator(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
		let mut carnet = carnet();
		for _ in 0..200 {
			let (country, voucher) = (generator.pick(&countries), generator.pick(&kinds));
			let items = (generator.next() % 7) as u32;
			let before = carnet.clone();
			match vouchers::apply(&mut carnet, country, voucher, items) {
				Ok(()) => {
					accepted += 1;
					assert!(items > 0, "seed {seed}: a voucher of no items passed");
				},
				Err(_) => assert_eq!(carnet, before, "seed {seed}: a refused voucher changed it"),
			}
			let held: u32 = carnet.countries.iter().map(CountryBalance::open).sum();
			assert!(held <= carnet.abroad, "seed {seed}: more held abroad than exported");
			assert!(carnet.abroad <= carnet.items, "seed {seed}: more abroad than exist");
			assert_eq!(
				carnet.at_home() + held + carnet.in_motion(),
				carnet.items,
				"seed {seed}: items appeared or vanished"
			);
			assert!(
				carnet.balance(code(b"UZ")).is_none() && carnet.balance(code(b"KZ")).is_none(),
				"seed {seed}: a country not of use holds goods"
			);
		}
	}
	// The sequences exercised the rules rather than being refused wholesale.
	assert!(accepted > 2_000, "only {accepted} vouchers accepted");
}
