//! FRAME benchmarks of every exchange call, each in its worst case: the partner lists a
//! call reads and rewrites are as full as the call accepts, the grant tables it compares
//! are full.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use sp_core::H256;
use tamga_primitives::{
	Access, AppendixKind, CountryCode, DocumentKind, FieldGroup, FieldGroups, Grants, Named,
	Permissions, ReceiptStatus, Role,
};

use crate::{
	types::{AgreementState, Pair},
	AnchoredDocuments, Call, Config, ExchangeKeys, FieldCommitments, Pallet, Partners,
	ReceiptEntry, Receipts,
};

fn kz() -> CountryCode {
	CountryCode::new(*b"KZ").expect("assigned")
}

/// The first `n` assigned codes other than KZ, in alphabetical order.
fn other_countries(n: u32) -> Vec<CountryCode> {
	CountryCode::assigned().filter(|code| *code != kz()).take(n as usize).collect()
}

/// A member account of `country`'s administration (admitted if needed).
fn member<T: Config>(country: CountryCode) -> T::AccountId {
	let who: T::AccountId = account(
		"member",
		u32::from_le_bytes([country.as_bytes()[0], country.as_bytes()[1], 0, 0]),
		0,
	);
	T::Permissions::set_up_member(&who, country);
	who
}

/// Every kind's every group at `full`: the largest table.
fn everything() -> Grants {
	DocumentKind::ALL
		.iter()
		.fold(Grants::NONE, |grants, kind| grants.with_kind(*kind, Access::Full))
}

/// Fills `country`'s partner list with `n` proposals to other members; returns them.
fn partners<T: Config>(country: CountryCode, n: u32) -> Vec<CountryCode> {
	let proposer = member::<T>(country);
	let others = other_countries(n);
	for other in &others {
		member::<T>(*other);
		Pallet::<T>::propose(
			RawOrigin::Signed(proposer.clone()).into(),
			*other.as_bytes(),
			everything(),
			None,
		)
		.expect("a member proposes to another");
	}
	others
}

/// KZ with a full partner list whose last entry is an active agreement: KZ's member,
/// the partner and its member.
fn active<T: Config>() -> (T::AccountId, CountryCode, T::AccountId) {
	let listed = partners::<T>(kz(), T::MaxPartners::get());
	let partner = *listed.last().expect("at least one partner");
	let partner_member = member::<T>(partner);
	let pair = Pair::of(kz(), partner).expect("two countries");
	let terms = crate::Agreements::<T>::get(pair.first, pair.second)
		.and_then(|a| a.proposal)
		.expect("proposed")
		.terms;
	Pallet::<T>::accept(RawOrigin::Signed(partner_member.clone()).into(), *kz().as_bytes(), terms)
		.expect("the partner accepts");
	(member::<T>(kz()), partner, partner_member)
}

/// The terms proposed between `a` and `b`.
fn proposal_terms<T: Config>(a: CountryCode, b: CountryCode) -> crate::Terms {
	let pair = Pair::of(a, b).expect("two countries");
	crate::Agreements::<T>::get(pair.first, pair.second)
		.and_then(|a| a.proposal)
		.expect("proposed")
		.terms
}

/// A document of KZ authored by an issuer of KZ, with its field commitment.
fn documented<T: Config>() -> H256 {
	let author: T::AccountId = account("issuer", 0, 0);
	T::Permissions::set_up_party(&author, Role::Issuer, kz());
	let document = H256::repeat_byte(0xd0);
	T::Documents::set_up_document(&document, &author);
	Pallet::<T>::commit_fields(RawOrigin::Signed(author).into(), document, H256::repeat_byte(0x5e))
		.expect("the author commits");
	document
}

fn state_of<T: Config>(partner: CountryCode) -> Option<AgreementState> {
	Pallet::<T>::agreement(kz(), partner).map(|view| view.state)
}

/// The worst case of a receipt: a partner (`first`) passes KZ's document on to `second`
/// (two agreements checked), receipted by `second`'s exchange node (found after the member
/// lookup fails). Returns (first, second, the document, the node's account).
fn passed_on<T: Config>() -> (CountryCode, CountryCode, H256, T::AccountId) {
	let (_, first, _) = active::<T>();
	let second = *other_countries(T::MaxPartners::get() + 1).last().expect("one more");
	let first_member = member::<T>(first);
	let second_member = member::<T>(second);
	Pallet::<T>::propose(
		RawOrigin::Signed(first_member).into(),
		*second.as_bytes(),
		everything(),
		None,
	)
	.expect("a member proposes");
	let terms = proposal_terms::<T>(first, second);
	Pallet::<T>::accept(RawOrigin::Signed(second_member.clone()).into(), *first.as_bytes(), terms)
		.expect("the partner accepts");
	let document = documented::<T>();
	let node: T::AccountId = account("exchange node", 0, 0);
	T::Permissions::set_up_party(&node, Role::ExchangeNode, second);
	(first, second, document, node)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose() {
		let listed = partners::<T>(kz(), T::MaxPartners::get() - 1);
		let partner = other_countries(T::MaxPartners::get()).pop().expect("one more");
		member::<T>(partner);
		let kz_member = member::<T>(kz());

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), *partner.as_bytes(), everything(), Some(everything()));

		assert_eq!(state_of::<T>(partner), Some(AgreementState::Proposed));
		assert_eq!(Partners::<T>::get(kz()).len(), listed.len() + 1);
	}

	#[benchmark]
	fn accept() {
		let listed = partners::<T>(kz(), T::MaxPartners::get());
		let partner = *listed.last().expect("one partner");
		let partner_member = member::<T>(partner);
		let pair = Pair::of(kz(), partner).expect("two countries");
		let terms = crate::Agreements::<T>::get(pair.first, pair.second)
			.and_then(|a| a.proposal)
			.expect("proposed")
			.terms;

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), *kz().as_bytes(), terms);

		assert_eq!(state_of::<T>(partner), Some(AgreementState::Active));
	}

	#[benchmark]
	fn decline() {
		let listed = partners::<T>(kz(), T::MaxPartners::get());
		let partner = *listed.first().expect("one partner");
		let partner_member = member::<T>(partner);

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), *kz().as_bytes());

		assert!(matches!(state_of::<T>(partner), Some(AgreementState::Terminated { .. })));
	}

	#[benchmark]
	fn suspend() {
		let (kz_member, partner, _) = active::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), *partner.as_bytes());

		assert_eq!(state_of::<T>(partner), Some(AgreementState::Suspended { by: kz() }));
	}

	#[benchmark]
	fn resume() {
		let (kz_member, partner, _) = active::<T>();
		Pallet::<T>::suspend(RawOrigin::Signed(kz_member.clone()).into(), *partner.as_bytes())
			.expect("active");

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), *partner.as_bytes());

		assert_eq!(state_of::<T>(partner), Some(AgreementState::Active));
	}

	#[benchmark]
	fn terminate() {
		let (kz_member, partner, _) = active::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), *partner.as_bytes());

		assert_eq!(state_of::<T>(partner), Some(AgreementState::Terminated { by: kz() }));
	}

	#[benchmark]
	fn set_exchange_key() {
		let kz_member = member::<T>(kz());
		ExchangeKeys::<T>::insert(kz(), [1; 32]);

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), [2; 32]);

		assert_eq!(ExchangeKeys::<T>::get(kz()), Some([2; 32]));
	}

	#[benchmark]
	fn commit_fields() {
		member::<T>(kz());
		let author: T::AccountId = account("issuer", 0, 0);
		T::Permissions::set_up_party(&author, Role::Issuer, kz());
		let document = H256::repeat_byte(0xd0);
		T::Documents::set_up_document(&document, &author);

		#[extrinsic_call]
		_(RawOrigin::Signed(author), document, H256::repeat_byte(0x5e));

		assert!(FieldCommitments::<T>::contains_key(document));
	}

	#[benchmark]
	fn record_receipt() {
		let (first, second, document, node) = passed_on::<T>();
		let groups = FieldGroups::of(FieldGroup::ALL);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(node),
			*first.as_bytes(),
			document,
			groups,
			H256::repeat_byte(0xaa),
			ReceiptStatus::Delivered,
		);

		assert!(Receipts::<T>::contains_key((second, first, document, H256::repeat_byte(0xaa))));
	}

	#[benchmark]
	fn record_receipts(n: Linear<1, { T::MaxReceiptsPerCall::get() }>) {
		// Each receipt in the worst case of `record_receipt`.
		let (first, second, document, node) = passed_on::<T>();
		let receipts: Vec<ReceiptEntry> = (0..n)
			.map(|i| ReceiptEntry {
				from: *first.as_bytes(),
				document,
				groups: FieldGroups::of(FieldGroup::ALL),
				payload: H256::from_low_u64_be(u64::from(i) + 1),
				status: ReceiptStatus::Delivered,
			})
			.collect();
		let receipts = BoundedVec::try_from(receipts).expect("within the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(node), receipts);

		let last = H256::from_low_u64_be(u64::from(n));
		assert!(Receipts::<T>::contains_key((second, first, document, last)));
	}

	#[benchmark]
	fn append() {
		let (_, _, partner_member) = active::<T>();
		let document = documented::<T>();
		Pallet::<T>::record_receipt(
			RawOrigin::Signed(partner_member.clone()).into(),
			*kz().as_bytes(),
			document,
			FieldGroups::of(FieldGroup::ALL),
			H256::repeat_byte(0xaa),
			ReceiptStatus::Acknowledged,
		)
		.expect("the partner receipts the document");

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), document, AppendixKind::Control, H256::zero());

		assert_eq!(crate::NextAppendix::<T>::get(document), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
