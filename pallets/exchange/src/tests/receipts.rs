//! Receipts and appendices: what a receiving administration records of each delivery
//! (named by the hash of what arrived), only for committed documents and granted groups
//! (a rejection within an agreement always), final once acknowledged or rejected; records
//! appended only to documents received under `readAppend` or `full`, a bounded number per
//! administration.

use frame_support::{assert_noop, assert_ok, dispatch::DispatchResult};
use sp_core::H256;
use tamga_primitives::{
	Access, AppendixKind, Denied, DocumentKind, FieldGroup, FieldGroups, Grants, ReceiptStatus,
	Refusal,
};

use super::{accept, country, goods_and_parties, propose, signed};
use crate::{mock::*, Error, Event, ReceiptEntry};

fn document() -> H256 {
	H256::repeat_byte(0xd0)
}

fn goods() -> FieldGroups {
	FieldGroups::of(&[FieldGroup::Goods])
}

fn delivery(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// KZ's veterinary certificate with its field commitment, and an active KZ–KG agreement
/// on its goods and parties.
fn shared() {
	anchor(document(), KZ_VET);
	assert_ok!(Exchange::commit_fields(signed(KZ_VET), document(), H256::repeat_byte(0x5e)));
	assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
	assert_ok!(accept(KG, b"KG", b"KZ"));
}

fn receipt(who: u64, from: &[u8; 2], groups: FieldGroups, status: ReceiptStatus) -> DispatchResult {
	Exchange::record_receipt(signed(who), *from, document(), groups, delivery(0xaa), status)
}

#[test]
fn the_receiver_records_delivery_then_acknowledgement_of_granted_groups() {
	new_test_ext().execute_with(|| {
		shared();
		let both = FieldGroups::of(&[FieldGroup::Parties, FieldGroup::Goods]);
		assert_ok!(receipt(KG, b"KZ", both, ReceiptStatus::Delivered));
		assert_noop!(
			receipt(KG, b"KZ", goods(), ReceiptStatus::Acknowledged),
			Error::<Test>::GroupsMismatch
		);
		// Acknowledging what was delivered needs no grant any more.
		assert_ok!(Exchange::suspend(signed(KZ), *b"KG"));
		assert_ok!(receipt(KG, b"KZ", both, ReceiptStatus::Acknowledged));
		System::assert_last_event(
			Event::ReceiptRecorded {
				document: document(),
				from: country(b"KZ"),
				to: country(b"KG"),
				payload: delivery(0xaa),
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
		let (from, listed_document, payload, listed) = page.receipts[0];
		assert_eq!((from, listed_document, payload), (country(b"KZ"), document(), delivery(0xaa)));
		assert_eq!(listed.status, ReceiptStatus::Acknowledged);
		assert_eq!(Exchange::receipts(country(b"KG"), Some(country(b"UZ")), 0, 10).total, 0);
		assert_eq!(Exchange::receipts(country(b"KZ"), None, 0, 10).total, 0, "KZ received nothing");
	});
}

#[test]
fn the_receivers_exchange_node_records_receipts_for_its_administration_only() {
	new_test_ext().execute_with(|| {
		shared();
		assert_ok!(receipt(KG_NODE, b"KZ", goods(), ReceiptStatus::Delivered));
		System::assert_last_event(
			Event::ReceiptRecorded {
				document: document(),
				from: country(b"KZ"),
				to: country(b"KG"),
				payload: delivery(0xaa),
				status: ReceiptStatus::Delivered,
			}
			.into(),
		);
		// The same delivery twice is one receipt; KG's member may acknowledge it.
		assert_noop!(
			receipt(KG_NODE, b"KZ", goods(), ReceiptStatus::Delivered),
			Error::<Test>::AlreadyRecorded
		);
		assert_ok!(receipt(KG, b"KZ", goods(), ReceiptStatus::Acknowledged));
		// KZ's node cannot record for KG, nor for KZ's own document to itself.
		assert_noop!(
			Exchange::record_receipt(
				signed(KZ_NODE),
				*b"KG",
				document(),
				goods(),
				delivery(0xbb),
				ReceiptStatus::Delivered
			),
			Error::<Test>::NotGranted
		);
		assert_noop!(
			receipt(KZ_NODE, b"KZ", goods(), ReceiptStatus::Delivered),
			Error::<Test>::SelfAgreement
		);
		// An officer is no exchange node, an outsider is nobody.
		assert_noop!(
			receipt(KZ_OFFICER, b"KG", goods(), ReceiptStatus::Delivered),
			Error::<Test>::Denied(Denied::WrongRole)
		);
		assert_noop!(
			receipt(OUTSIDER, b"KZ", goods(), ReceiptStatus::Delivered),
			Error::<Test>::Denied(Denied::NotMember)
		);
		// A node account makes no agreement calls.
		assert_noop!(
			Exchange::propose(signed(KG_NODE), *b"KZ", goods_and_parties(), None),
			Error::<Test>::Denied(Denied::NotMember)
		);
	});
}

#[test]
fn every_delivery_has_a_receipt_of_its_own() {
	new_test_ext().execute_with(|| {
		shared();
		assert_ok!(receipt(KG, b"KZ", goods(), ReceiptStatus::Rejected(Refusal::Unreadable)));
		// Sent again: another delivery, receipted in its own right.
		assert_ok!(Exchange::record_receipt(
			signed(KG),
			*b"KZ",
			document(),
			goods(),
			delivery(0xab),
			ReceiptStatus::Acknowledged
		));
		let page = Exchange::receipts(country(b"KG"), Some(country(b"KZ")), 0, 10);
		assert_eq!(page.total, 2);
		assert_eq!(Exchange::receipts(country(b"KG"), None, 1, 1).receipts.len(), 1, "paged");
	});
}

#[test]
fn groups_not_granted_or_documents_not_committed_are_refused_but_rejections_recorded() {
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
		// A rejection needs an agreement between the two.
		assert_noop!(
			receipt(UZ, b"KZ", goods(), ReceiptStatus::Rejected(Refusal::NotGranted)),
			Error::<Test>::NoAgreement
		);
		// A document without a commitment cannot be receipted as delivered.
		let uncommitted = H256::repeat_byte(0xd1);
		anchor(uncommitted, KZ_VET);
		let deliver = |status| {
			Exchange::record_receipt(signed(KG), *b"KZ", uncommitted, goods(), delivery(1), status)
		};
		assert_noop!(deliver(ReceiptStatus::Delivered), Error::<Test>::NoCommitment);
		assert_ok!(deliver(ReceiptStatus::Rejected(Refusal::NoCommitment)));
		// Suspension stops new deliveries.
		assert_ok!(Exchange::suspend(signed(KZ), *b"KG"));
		assert_noop!(
			Exchange::record_receipt(
				signed(KG),
				*b"KZ",
				document(),
				goods(),
				delivery(2),
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
fn receipts_are_recorded_by_the_receivers_members_and_exchange_nodes_only() {
	new_test_ext().execute_with(|| {
		shared();
		for (who, denied) in [
			(KZ_VET, Denied::WrongRole),
			(KZ_OFFICER, Denied::WrongRole),
			(OUTSIDER, Denied::NotMember),
		] {
			assert_noop!(
				receipt(who, b"KZ", goods(), ReceiptStatus::Delivered),
				Error::<Test>::Denied(denied)
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
fn appending_needs_the_document_received_under_read_and_append() {
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
		assert_noop!(append(KG), Error::<Test>::NotReceived);
		assert_ok!(receipt(KG, b"KZ", goods(), ReceiptStatus::Acknowledged));
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
		// MaxAppendices is 2 here, per administration: KG's do not use up KZ's.
		assert_ok!(append(KG));
		assert_noop!(append(KG), Error::<Test>::TooManyAppendices);
		assert_ok!(append(KZ));
		let listed = Exchange::appendices(document());
		let by: Vec<_> = listed.iter().map(|(i, a)| (*i, a.by)).collect();
		assert_eq!(by, [(0, country(b"KG")), (1, country(b"KG")), (2, country(b"KZ"))]);
	});
}

#[test]
fn a_suspended_agreement_stops_appending() {
	new_test_ext().execute_with(|| {
		shared();
		let appendable = Grants::NONE.with_kind(DocumentKind::Veterinary, Access::ReadAppend);
		assert_ok!(propose(KZ, b"KG", appendable, None));
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_ok!(receipt(KG, b"KZ", goods(), ReceiptStatus::Delivered));
		assert_ok!(Exchange::suspend(signed(KG), *b"KZ"));
		assert_noop!(
			Exchange::append(signed(KG), document(), AppendixKind::Release, H256::zero()),
			Error::<Test>::AppendNotGranted
		);
	});
}

#[test]
fn a_delivery_is_checked_as_a_new_delivered_receipt_would_be() {
	new_test_ext().execute_with(|| {
		use crate::DeliveryRefused;
		let (kz, kg, uz) = (country(b"KZ"), country(b"KG"), country(b"UZ"));
		let check = |from, to, groups| Exchange::delivery_check(from, to, document(), groups);
		assert_eq!(check(kz, kg, goods()), Err(DeliveryRefused::UnknownDocument));
		anchor(document(), KZ_VET);
		assert_eq!(check(kz, kg, goods()), Err(DeliveryRefused::NoAgreement));
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_eq!(
			check(kz, kg, goods()),
			Err(DeliveryRefused::Refused(Refusal::AgreementNotActive)),
			"proposed, not accepted"
		);
		assert_ok!(accept(KG, b"KG", b"KZ"));
		let transport = FieldGroups::of(&[FieldGroup::Transport]);
		assert_eq!(check(kz, kg, transport), Err(DeliveryRefused::Refused(Refusal::NotGranted)));
		assert_eq!(
			check(kz, kg, FieldGroups::default()),
			Err(DeliveryRefused::Refused(Refusal::NotGranted))
		);
		assert_eq!(check(kz, kg, goods()), Err(DeliveryRefused::Refused(Refusal::NoCommitment)));
		assert_ok!(Exchange::commit_fields(signed(KZ_VET), document(), H256::repeat_byte(0x5e)));
		assert_eq!(check(kz, kg, goods()), Ok(H256::repeat_byte(0x5e)));
		assert_eq!(check(kz, uz, goods()), Err(DeliveryRefused::NoAgreement));
		// KG may not pass KZ's document on: that needs `full` from KZ.
		assert_eq!(check(kg, kz, goods()), Err(DeliveryRefused::Refused(Refusal::NotGranted)));
		assert_eq!(Exchange::receipt(kg, kz, document(), delivery(0xaa)), None);
		assert_ok!(receipt(KG_NODE, b"KZ", goods(), ReceiptStatus::Delivered));
		let recorded = Exchange::receipt(kg, kz, document(), delivery(0xaa)).unwrap();
		assert_eq!((recorded.status, recorded.groups), (ReceiptStatus::Delivered, goods()));
		assert_ok!(Exchange::suspend(signed(KG), *b"KZ"));
		assert_eq!(
			check(kz, kg, goods()),
			Err(DeliveryRefused::Refused(Refusal::AgreementNotActive))
		);
	});
}

/// `n` receipts of deliveries `first..`, of `groups`, with `status`.
fn entries(first: u8, n: u8, groups: FieldGroups, status: ReceiptStatus) -> Vec<ReceiptEntry> {
	(first..first + n)
		.map(|byte| ReceiptEntry {
			from: *b"KZ",
			document: document(),
			groups,
			payload: delivery(byte),
			status,
		})
		.collect()
}

fn batch(who: u64, receipts: Vec<ReceiptEntry>) -> DispatchResult {
	Exchange::record_receipts(signed(who), receipts.try_into().expect("within the bound"))
}

#[test]
fn a_receiving_node_records_many_receipts_at_once_and_names_those_refused() {
	new_test_ext().execute_with(|| {
		shared();
		let mut receipts = entries(0xa1, 2, goods(), ReceiptStatus::Delivered);
		let transport = FieldGroups::of(&[FieldGroup::Transport]);
		receipts.extend(entries(0xa3, 1, transport, ReceiptStatus::Delivered));
		receipts.extend(entries(0xa1, 1, goods(), ReceiptStatus::Delivered));
		assert_ok!(batch(KG_NODE, receipts.clone()));
		let recorded = |byte| {
			crate::Receipts::<Test>::get((
				country(b"KG"),
				country(b"KZ"),
				document(),
				delivery(byte),
			))
		};
		assert!(recorded(0xa1).is_some() && recorded(0xa2).is_some());
		assert!(recorded(0xa3).is_none(), "transport is not granted");
		for (index, error) in [(2, Error::<Test>::NotGranted), (3, Error::<Test>::AlreadyRecorded)]
		{
			System::assert_has_event(
				Event::ReceiptNotRecorded {
					index,
					receipt: receipts[index as usize],
					error: error.into(),
				}
				.into(),
			);
		}
		// Acknowledged together later, by the same node.
		assert_ok!(batch(KG_NODE, entries(0xa1, 2, goods(), ReceiptStatus::Acknowledged)));
		assert_eq!(recorded(0xa2).map(|r| r.status), Some(ReceiptStatus::Acknowledged));
	});
}

#[test]
fn only_the_receivers_members_and_exchange_nodes_record_receipts_in_batches() {
	new_test_ext().execute_with(|| {
		shared();
		let receipts = entries(0xb1, 2, goods(), ReceiptStatus::Delivered);
		for (who, denied) in [
			(KZ_VET, Denied::WrongRole),
			(KZ_OFFICER, Denied::WrongRole),
			(OUTSIDER, Denied::NotMember),
		] {
			assert_noop!(batch(who, receipts.clone()), Error::<Test>::Denied(denied));
		}
		assert_noop!(batch(KG_NODE, Vec::new()), Error::<Test>::NoReceipts);
		// KZ's node, recording for KZ, gets each one refused: KZ's document to itself.
		assert_ok!(batch(KZ_NODE, receipts.clone()));
		System::assert_has_event(
			Event::ReceiptNotRecorded {
				index: 1,
				receipt: receipts[1],
				error: Error::<Test>::SelfAgreement.into(),
			}
			.into(),
		);
		assert_eq!(crate::Receipts::<Test>::iter().count(), 0);
		// More than `MaxReceiptsPerCall` do not make a call.
		let too_many = entries(0xc0, 5, goods(), ReceiptStatus::Delivered);
		let bounded: Result<
			frame_support::BoundedVec<_, <Test as crate::Config>::MaxReceiptsPerCall>,
			_,
		> = too_many.try_into();
		assert!(bounded.is_err());
	});
}
