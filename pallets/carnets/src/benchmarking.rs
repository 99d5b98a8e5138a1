//! FRAME benchmarks of every carnets call, each in its worst case: the longest number,
//! the most countries of use (vouchers and claims search them; closing reads a claim for
//! each). Appending to a carnet's history costs the same at any length.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use tamga_primitives::{CountryCode, Permissions, Role};

use crate::{
	types::{Action, Claim, ClaimStatus, CountryBalance},
	BenchmarkHelper, Call, CarnetOf, Carnets, Claims, Config, History, HistoryEntryOf,
	HistoryLength, NumberOf, Pallet, Voucher,
};

/// The day the benchmarks run on (2026-11-23).
const TODAY: u32 = 20_780;

fn kz() -> CountryCode {
	CountryCode::new(*b"KZ").expect("assigned")
}

/// The first `MaxCountries` assigned codes other than KZ, in alphabetical order.
fn countries_of_use<T: Config>() -> Vec<CountryCode> {
	let mut codes = Vec::new();
	for first in b'A'..=b'Z' {
		for second in b'A'..=b'Z' {
			if codes.len() == T::MaxCountries::get() as usize {
				return codes;
			}
			if let Some(code) = CountryCode::new([first, second]).filter(|c| *c != kz()) {
				codes.push(code);
			}
		}
	}
	codes
}

/// The longest number a runtime accepts, starting with KZ.
fn longest_number<T: Config>() -> NumberOf<T> {
	let mut number = alloc::vec![b'0'; T::MaxNumberLength::get() as usize];
	number[..3].copy_from_slice(b"KZ/");
	number.try_into().expect("MaxNumberLength bytes fit")
}

/// KZ's guaranteeing association.
fn association<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("association", 0, 0);
	T::Permissions::set_up_party(&who, Role::Issuer, kz());
	who
}

/// A carnet of the longest number for every country of use, each holding `held` items
/// imported, issued today and valid for 300 days, with an entry in its history.
fn issued<T: Config>(held: u32) -> (NumberOf<T>, T::AccountId) {
	T::BenchmarkHelper::set_day(TODAY);
	let association = association::<T>();
	let number = longest_number::<T>();
	let countries: Vec<CountryBalance> = countries_of_use::<T>()
		.into_iter()
		.map(|country| CountryBalance { country, imported: held, in_transit: 0 })
		.collect();
	let abroad = held * countries.len() as u32;
	Carnets::<T>::insert(
		&number,
		CarnetOf::<T> {
			number: number.clone(),
			association: association.clone(),
			home: kz(),
			holder_commitment: H256::repeat_byte(1),
			items: abroad + 10,
			list_hash: H256::repeat_byte(2),
			valid_from: TODAY,
			valid_until: TODAY + 300,
			abroad,
			countries: BoundedVec::truncate_from(countries),
			issued_at: BlockNumberFor::<T>::from(1u32),
			closed_at: None,
		},
	);
	History::<T>::insert(
		&number,
		0,
		HistoryEntryOf::<T> {
			block: BlockNumberFor::<T>::from(1u32),
			extrinsic: 1,
			actor: association.clone(),
			action: Action::Issued,
		},
	);
	HistoryLength::<T>::insert(&number, 1);
	(number, association)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn issue() {
		T::BenchmarkHelper::set_day(TODAY);
		let association = association::<T>();
		let number = longest_number::<T>();
		let countries: Vec<[u8; 2]> =
			countries_of_use::<T>().iter().map(|c| *c.as_bytes()).collect();
		let countries = BoundedVec::truncate_from(countries);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(association),
			number.clone(),
			H256::repeat_byte(1),
			countries,
			u32::MAX,
			H256::repeat_byte(2),
			TODAY,
			TODAY + 364,
		);

		assert!(Carnets::<T>::contains_key(&number));
	}

	#[benchmark]
	fn record_voucher() {
		// The last country of use re-exports: the balance found after a full search.
		let (number, _) = issued::<T>(1);
		let last = *countries_of_use::<T>().last().expect("at least one country");
		let officer: T::AccountId = account("officer", 0, 0);
		T::Permissions::set_up_party(&officer, Role::Officer, last);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), number.clone(), Voucher::ReExportation, 1);

		let carnet = Carnets::<T>::get(&number).expect("issued");
		assert_eq!(carnet.balance(last).map(|b| b.imported), Some(0));
	}

	#[benchmark]
	fn close() {
		// Every country of use holds goods under a settled claim: each claim is read.
		let (number, association) = issued::<T>(1);
		for country in countries_of_use::<T>() {
			Claims::<T>::insert(
				&number,
				country,
				Claim {
					association: association.clone(),
					items: 1,
					raised_by: association.clone(),
					raised_at: BlockNumberFor::<T>::from(1u32),
					status: ClaimStatus::Settled,
					closed_at: Some(BlockNumberFor::<T>::from(1u32)),
				},
			);
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(association), number.clone());

		assert!(Carnets::<T>::get(&number).expect("issued").closed_at.is_some());
	}

	#[benchmark]
	fn raise_claim() {
		let (number, _) = issued::<T>(1);
		let last = *countries_of_use::<T>().last().expect("at least one country");
		let member: T::AccountId = account("member", 0, 0);
		T::Permissions::set_up_member(&member, last);
		T::BenchmarkHelper::set_day(TODAY + 301);

		#[extrinsic_call]
		_(RawOrigin::Signed(member), number.clone());

		assert!(Claims::<T>::contains_key(&number, last));
	}

	#[benchmark]
	fn settle_claim() {
		let (number, _) = issued::<T>(1);
		let last = *countries_of_use::<T>().last().expect("at least one country");
		let member: T::AccountId = account("member", 0, 0);
		T::Permissions::set_up_member(&member, last);
		T::BenchmarkHelper::set_day(TODAY + 301);
		Pallet::<T>::raise_claim(RawOrigin::Signed(member.clone()).into(), number.clone())
			.expect("KZ's goods are held there");

		#[extrinsic_call]
		_(RawOrigin::Signed(member), number.clone());

		assert_eq!(Claims::<T>::get(&number, last).map(|c| c.status), Some(ClaimStatus::Settled));
	}

	#[benchmark]
	fn discharge_claim() {
		let (number, _) = issued::<T>(1);
		let last = *countries_of_use::<T>().last().expect("at least one country");
		let member: T::AccountId = account("member", 0, 0);
		T::Permissions::set_up_member(&member, last);
		T::BenchmarkHelper::set_day(TODAY + 301);
		Pallet::<T>::raise_claim(RawOrigin::Signed(member.clone()).into(), number.clone())
			.expect("KZ's goods are held there");
		let evidence = H256::repeat_byte(9);

		#[extrinsic_call]
		_(RawOrigin::Signed(member), number.clone(), evidence);

		assert_eq!(
			Claims::<T>::get(&number, last).map(|c| c.status),
			Some(ClaimStatus::Discharged { evidence })
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
