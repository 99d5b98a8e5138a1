//! Unit tests of the certificates pallet: every call's success and each of its errors.

mod anchoring;
mod applications;
mod departure;
mod document_types;
mod lookup;
mod no_history_poisoning;
mod properties;
mod rules;

use frame_support::assert_ok;
use sp_core::H256;

use tamga_primitives::{CountryCode, HsCode};

use crate::{mock::*, CertificateKind, Documents, FactsOf, Status};

/// The document id `n` (all bytes `n`).
fn id(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The assigned country `code`.
fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::new(*code).expect("an assigned code")
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A CT-1 from KZ to KG for 1,000 kg of two goods, valid 30 days from today.
fn facts(number: &str) -> FactsOf<Test> {
	FactsOf::<Test> {
		kind: CertificateKind::EAEU_CT1,
		number: number.as_bytes().to_vec().try_into().unwrap(),
		exporting: country(b"KZ"),
		importing: country(b"KG"),
		hs_codes: vec![HsCode(*b"100199"), HsCode(*b"020130")].try_into().unwrap(),
		valid_from: TODAY,
		valid_until: TODAY + 30,
		quantity: 1_000,
		unit: *b"KGM",
		exporter_commitment: H256::repeat_byte(0xec),
	}
}

fn register(n: u8) {
	assert_ok!(Certificates::register(signed(KZ_ISSUER), id(n), facts(&format!("KZ-{n}")), None));
}

fn status(n: u8) -> Status {
	Documents::<Test>::get(id(n)).expect("anchored").status
}
