//! Unit tests of the AEO pallet: every call's success and each of its errors, every
//! status and agreement transition, recognition, and the AEO story of issue 5.

mod agreements;
mod certification;
mod departure;
mod recognition;

use frame_support::{assert_ok, dispatch::DispatchResult};
use pallet_tamga_governance::CountryCode;
use sp_core::H256;

use crate::{mock::*, MraId, Operator, Programme};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::new(*code).unwrap()
}

/// The commitment of KZ's test operator.
fn acme() -> H256 {
	H256::repeat_byte(0xac)
}

/// KZ's test operator.
fn kz_acme() -> Operator {
	Operator { country: country(b"KZ"), commitment: acme() }
}

/// Certifies KZ's test operator for `programme`, valid a year from today.
fn certify(programme: Programme) {
	assert_ok!(Aeo::certify(signed(KZ), acme(), programme, TODAY, TODAY + 365));
}

/// `proposer` proposes to `partner` an agreement of `scope` valid two years from today.
fn propose(proposer: u64, partner: &[u8; 2], scope: Programme) -> DispatchResult {
	Aeo::propose_mra(signed(proposer), *partner, scope, TODAY, TODAY + 730)
}

/// An agreement KZ–KG of `scope`, accepted; returns its number.
fn agreement(scope: Programme) -> MraId {
	let id = crate::NextMra::<Test>::get();
	assert_ok!(propose(KZ, b"KG", scope));
	assert_ok!(Aeo::accept_mra(signed(KG), id));
	id
}
