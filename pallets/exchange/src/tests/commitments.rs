//! Exchange keys and field commitments: who may set them, and that a commitment is made
//! once by the document's author in good standing.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use tamga_primitives::Denied;

use super::{country, signed};
use crate::{mock::*, Error, Event};

#[test]
fn a_member_sets_and_rotates_its_administrations_key() {
	new_test_ext().execute_with(|| {
		assert_ok!(Exchange::set_exchange_key(signed(KZ), [1; 32]));
		System::assert_last_event(
			Event::ExchangeKeySet { country: country(b"KZ"), key: [1; 32] }.into(),
		);
		assert_ok!(Exchange::set_exchange_key(signed(KZ), [2; 32]));
		assert_eq!(Exchange::exchange_key(country(b"KZ")), Some([2; 32]));
		assert_eq!(Exchange::exchange_key(country(b"KG")), None);
		assert_noop!(Exchange::set_exchange_key(signed(KG), [0; 32]), Error::<Test>::InvalidKey);
		for who in [KZ_VET, KZ_OFFICER, OUTSIDER] {
			assert_noop!(
				Exchange::set_exchange_key(signed(who), [3; 32]),
				Error::<Test>::Denied(Denied::NotMember)
			);
		}
	});
}

#[test]
fn the_author_commits_to_a_documents_field_groups_once() {
	new_test_ext().execute_with(|| {
		let document = H256::repeat_byte(0xd0);
		let root = H256::repeat_byte(0x5e);
		assert_noop!(
			Exchange::commit_fields(signed(KZ_VET), document, root),
			Error::<Test>::UnknownDocument
		);
		anchor(document, KZ_VET);
		for who in [KZ, KG, KZ_OFFICER, OUTSIDER] {
			assert_noop!(
				Exchange::commit_fields(signed(who), document, root),
				Error::<Test>::NotAuthor
			);
		}
		assert_ok!(Exchange::commit_fields(signed(KZ_VET), document, root));
		System::assert_last_event(Event::FieldsCommitted { document, root }.into());
		assert_eq!(Exchange::field_commitment(document).map(|c| c.root), Some(root));
		assert_noop!(
			Exchange::commit_fields(signed(KZ_VET), document, H256::repeat_byte(1)),
			Error::<Test>::AlreadyCommitted
		);
	});
}

#[test]
fn an_author_no_longer_in_good_standing_commits_nothing_and_says_why() {
	new_test_ext().execute_with(|| {
		let document = H256::repeat_byte(0xd1);
		anchor(document, KZ_VET);
		assert_ok!(Governance::suspend(signed(KZ), KZ_VET));
		assert_noop!(
			Exchange::commit_fields(signed(KZ_VET), document, H256::repeat_byte(2)),
			Error::<Test>::Denied(Denied::Suspended)
		);
		assert_eq!(Exchange::field_commitment(document), None);
	});
}

#[test]
fn a_commitment_made_after_the_authors_key_cut_off_reads_as_void_and_may_be_replaced() {
	new_test_ext().execute_with(|| {
		let document = H256::repeat_byte(0xd2);
		anchor(document, KZ_VET);
		System::set_block_number(5);
		assert_ok!(Exchange::commit_fields(signed(KZ_VET), document, H256::repeat_byte(3)));
		let made = Exchange::field_commitment(document).unwrap();
		assert_eq!((made.root, made.at, made.void), (H256::repeat_byte(3), 5, false));
		// KZ learns the key was stolen from block 4 on: the commitment of block 5 is void.
		assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_VET, 4));
		assert!(Exchange::field_commitment(document).unwrap().void);
		// The cut-off key commits nothing more.
		assert_noop!(
			Exchange::commit_fields(signed(KZ_VET), document, H256::repeat_byte(4)),
			Error::<Test>::Denied(Denied::AfterKeyCutoff)
		);
	});
}

#[test]
fn a_commitment_in_force_is_never_replaced() {
	new_test_ext().execute_with(|| {
		let document = H256::repeat_byte(0xd3);
		anchor(document, KZ_VET);
		assert_ok!(Exchange::commit_fields(signed(KZ_VET), document, H256::repeat_byte(5)));
		assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_VET, 100));
		assert!(!Exchange::field_commitment(document).unwrap().void, "made before the cut-off");
		assert_noop!(
			Exchange::commit_fields(signed(KZ_VET), document, H256::repeat_byte(6)),
			Error::<Test>::AlreadyCommitted
		);
	});
}
