//! Receipts and appendices: what a receiving administration records of a delivery, only
//! for groups an active agreement grants (a rejection always), final once acknowledged or
//! rejected; records appended only under `readAppend` or `full`.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use tamga_primitives::{
	Access, AppendixKind, Denied, DocumentKind, FieldGroup, FieldGroups, Grants, ReceiptStatus,
	Refusal,
};

use super::{accept, country, goods_and_parties, propose, signed};
use crate::{mock::*, Error, Event};

fn document() -> H256 {
	H256::repeat_byte(0xd0)
}

fn goods() -> FieldGroups {
	FieldGroups::of(&[FieldGroup::Goods])
}

/// KZ's veterinary certificate, and an active KZ–KG agreement on its goods and parties.
fn shared() {
	anchor(document(), KZ_VET);
	assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
	assert_ok!(accept(KG, b"KG", b"KZ"));
}

fn receipt(
	who: u64,
	from: &[u8; 2],
	groups: FieldGroups,
	status: ReceiptStatus,
) -> frame_support::dispatch::DispatchResult {
	Exchange::record_receipt(
		signed(who),
		*from,
		document(),
		groups,
		H256::repeat_byte(0xaa),
		status,
	)
}

#[test]
fn the_receiver_records_delivery_then_acknowledgement_of_granted_groups() {
	new_test_ext().execute_with(|| {
		shared();
		let both = FieldGroups::of(&[FieldGroup::Parties, FieldGroup::Goods]);
		assert_ok!(receipt(KG, b"KZ", both, ReceiptStatus::Delivered));
		assert_ok!(receipt(KG, b"KZ", both, ReceiptStatus::Acknowledged));
		System::assert_last_event(
			Event::ReceiptRecorded {
				document: document(),
				from: country(b"KZ"),
				to: country(b"KG"),
				status: ReceiptStatus::Acknowledged,
			}
			.into(),
		);
		assert_noop!(
			receipt(KG, b"KZ", both, ReceiptStatus::Rejected(Refusal::Tampered)),
			Error::<Test>::ReceiptFinal
		);
		let page = Exchange::receipts(country(b"KG"), None, 0, 10);
		assert_eq!(page.total, 1);
		assert_eq!(page.receipts[0].0, country(b"KZ"));
		assert_eq!(page.receipts[0].2.status, ReceiptStatus::Acknowledged);
		assert_eq!(Exchange::receipts(country(b"KG"), Some(country(b"UZ")), 0, 10).total, 0);
		assert_eq!(Exchange::receipts(country(b"KZ"), None, 0, 10).total, 0, "KZ received nothing");
	});
}

#[test]
fn groups_not_granted_are_refused_but_a_rejection_is_always_recorded() {
	new_test_ext().execute_with(|| {
		shared();
		let transport = FieldGroups::of(&[FieldGroup::Transport]);
		assert_noop!(
			receipt(KG, b"KZ", transport, ReceiptStatus::Delivered),
			Error::<Test>::NotGranted
		);
		assert_noop!(
			receipt(UZ, b"KZ", goods(), ReceiptStatus::Delivered),
			Error::<Test>::NotGranted
		);
		assert_noop!(
			receipt(KG, b"KZ", FieldGroups::default(), ReceiptStatus::Delivered),
			Error::<Test>::NoGroups
		);
		assert_ok!(receipt(KG, b"KZ", transport, ReceiptStatus::Rejected(Refusal::NotGranted)));
		// Suspension stops deliveries.
		assert_ok!(Exchange::suspend(signed(KZ), *b"KG"));
		anchor(H256::repeat_byte(0xd1), KZ_VET);
		assert_noop!(
			Exchange::record_receipt(
				signed(KG),
				*b"KZ",
				H256::repeat_byte(0xd1),
				goods(),
				H256::zero(),
				ReceiptStatus::Delivered
			),
			Error::<Test>::NotGranted
		);
	});
}

#[test]
fn passing_on_another_administrations_document_needs_full_from_it() {
	new_test_ext().execute_with(|| {
		shared();
		// KG and UZ share KZ's kind of document fully; KZ gave KG only `read`.
		let everything = Grants::NONE.with_kind(DocumentKind::Veterinary, Access::Full);
		assert_ok!(propose(KG, b"UZ", everything, None));
		assert_ok!(accept(UZ, b"UZ", b"KG"));
		assert_noop!(
			receipt(UZ, b"KG", goods(), ReceiptStatus::Delivered),
			Error::<Test>::NotGranted
		);
		assert_ok!(propose(KZ, b"KG", everything, None));
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_ok!(receipt(UZ, b"KG", goods(), ReceiptStatus::Delivered));
	});
}

#[test]
fn receipts_are_recorded_by_the_receivers_members_only() {
	new_test_ext().execute_with(|| {
		shared();
		for who in [KZ_VET, KZ_OFFICER, OUTSIDER] {
			assert_noop!(
				receipt(who, b"KZ", goods(), ReceiptStatus::Delivered),
				Error::<Test>::Denied(Denied::NotMember)
			);
		}
		assert_noop!(
			receipt(KZ, b"KZ", goods(), ReceiptStatus::Delivered),
			Error::<Test>::SelfAgreement
		);
		assert_noop!(
			Exchange::record_receipt(
				signed(KG),
				*b"KZ",
				H256::repeat_byte(9),
				goods(),
				H256::zero(),
				ReceiptStatus::Delivered
			),
			Error::<Test>::UnknownDocument
		);
	});
}

#[test]
fn appending_needs_read_and_append_from_the_documents_administration() {
	new_test_ext().execute_with(|| {
		shared();
		let append = |who| {
			Exchange::append(
				signed(who),
				document(),
				AppendixKind::Control,
				H256::repeat_byte(0xc0),
			)
		};
		assert_noop!(append(KG), Error::<Test>::AppendNotGranted);
		assert_noop!(append(UZ), Error::<Test>::AppendNotGranted);
		assert_noop!(append(KZ_VET), Error::<Test>::Denied(Denied::NotMember));
		let appendable = Grants::NONE
			.with(DocumentKind::Veterinary, FieldGroup::Goods, Access::ReadAppend)
			.with(DocumentKind::Veterinary, FieldGroup::Parties, Access::Read);
		assert_ok!(propose(KZ, b"KG", appendable, None));
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_ok!(append(KG));
		System::assert_last_event(
			Event::Appended {
				document: document(),
				index: 0,
				by: country(b"KG"),
				kind: AppendixKind::Control,
			}
			.into(),
		);
		// Its own administration appends to its document without an agreement.
		assert_ok!(append(KZ));
		// MaxAppendices is 2 here.
		assert_noop!(append(KG), Error::<Test>::TooManyAppendices);
		let listed = Exchange::appendices(document());
		assert_eq!(
			listed.iter().map(|(i, a)| (*i, a.by)).collect::<Vec<_>>(),
			[(0, country(b"KG")), (1, country(b"KZ"))]
		);
		// Suspended: nothing more is appended by the partner.
		assert_ok!(Exchange::suspend(signed(KG), *b"KZ"));
		anchor(H256::repeat_byte(0xd2), KZ_VET);
		assert_noop!(
			Exchange::append(
				signed(KG),
				H256::repeat_byte(0xd2),
				AppendixKind::Release,
				H256::zero()
			),
			Error::<Test>::AppendNotGranted
		);
	});
}
