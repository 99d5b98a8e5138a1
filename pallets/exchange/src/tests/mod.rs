//! Unit tests of the exchange pallet: every call's success, each of its errors and who
//! may not make it, every agreement transition, what is granted in each state, and an
//! administration's departure.

mod agreements;
mod commitments;
mod receipts;

use frame_support::dispatch::DispatchResult;
use pallet_tamga_governance::CountryCode;
use tamga_primitives::{Access, DocumentKind, FieldGroup, Grants};

use crate::{mock::*, Terms};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::new(*code).unwrap()
}

/// Veterinary certificates' goods and parties at `read`: the grant of issue 23's story.
fn goods_and_parties() -> Grants {
	Grants::NONE.with(DocumentKind::Veterinary, FieldGroup::Goods, Access::Read).with(
		DocumentKind::Veterinary,
		FieldGroup::Parties,
		Access::Read,
	)
}

/// `proposer` proposes `gives` (and `receives`, or the same) to `partner`.
fn propose(
	proposer: u64,
	partner: &[u8; 2],
	gives: Grants,
	receives: Option<Grants>,
) -> DispatchResult {
	Exchange::propose(signed(proposer), *partner, gives, receives)
}

/// The terms pending between `a` and `b`, as stored.
fn proposed_terms(a: &[u8; 2], b: &[u8; 2]) -> Terms {
	let pair = crate::Pair::of(country(a), country(b)).unwrap();
	crate::Agreements::<Test>::get(pair.first, pair.second).unwrap().proposal.unwrap().terms
}

/// `acceptor` accepts what `partner` proposed.
fn accept(acceptor: u64, own: &[u8; 2], partner: &[u8; 2]) -> DispatchResult {
	Exchange::accept(signed(acceptor), *partner, proposed_terms(own, partner))
}
