//! Issue 18, "no history poisoning": applications for a document id (applied, withdrawn,
//! rejected) leave nothing in that id's history, so no number of them can fill it and
//! block the document's registration or its use at the border.

use frame_support::assert_ok;
use sp_core::H256;

use super::{facts, id, register, signed};
use crate::{
	mock::*, types::Action, Applications, Documents, History, HistoryEntryOf, PendingApplications,
	RejectionReason,
};

/// Far more cycles than the test runtime's six-entry history (and the runtime's 256).
const CYCLES: u32 = 300;

/// `CYCLES` applications for document 1 by KZ's exporter, each ended by a withdrawal or,
/// every third, by the issuer's rejection.
fn apply_and_end_many_times() {
	for cycle in 0..CYCLES {
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		if cycle % 3 == 2 {
			assert_ok!(Certificates::reject(
				signed(KZ_ISSUER),
				id(1),
				RejectionReason::Incomplete,
				H256::repeat_byte(0x7e)
			));
		} else {
			assert_ok!(Certificates::withdraw(signed(KZ_EXPORTER), id(1)));
		}
	}
	assert!(!History::<Test>::contains_key(id(1)), "applications wrote to the history");
}

/// The (actor, action) of each entry of document `n`'s history.
fn actions(n: u8) -> Vec<(u64, Action)> {
	History::<Test>::get(id(n)).iter().map(|e| (e.actor, e.action)).collect()
}

#[test]
fn many_ended_applications_leave_the_id_endorsable_and_usable_at_the_border() {
	new_test_ext().execute_with(|| {
		apply_and_end_many_times();
		System::set_block_number(5);
		frame_system::Pallet::<Test>::set_extrinsic_index(3);
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		System::set_block_number(6);
		frame_system::Pallet::<Test>::set_extrinsic_index(1);
		assert_ok!(Certificates::endorse(signed(KZ_ISSUER), id(1), facts("A-1"), None));
		// The history starts with the endorsed application's filing, where it was made.
		assert_eq!(
			History::<Test>::get(id(1)).first(),
			Some(&HistoryEntryOf::<Test> {
				block: 5,
				extrinsic: 3,
				actor: KZ_EXPORTER,
				action: Action::Applied
			})
		);
		let declaration = H256::repeat_byte(4);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), declaration, 400));
		assert_eq!(Documents::<Test>::get(id(1)).unwrap().used, 400);
		assert_eq!(
			actions(1),
			vec![
				(KZ_EXPORTER, Action::Applied),
				(KZ_ISSUER, Action::Registered),
				(KG_OFFICER, Action::Used { quantity: 400, declaration }),
			]
		);
	});
}

#[test]
fn many_ended_applications_leave_the_id_registrable_and_usable_at_the_border() {
	new_test_ext().execute_with(|| {
		apply_and_end_many_times();
		register(1);
		let declaration = H256::repeat_byte(4);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), declaration, 1));
		assert_eq!(
			actions(1),
			vec![
				(KZ_ISSUER, Action::Registered),
				(KG_OFFICER, Action::Used { quantity: 1, declaration }),
			]
		);
	});
}

#[test]
fn an_ended_application_leaves_nothing_behind_in_storage() {
	new_test_ext().execute_with(|| {
		// The state root without the block's events: what the pallet keeps, and all else.
		let root = || {
			System::reset_events();
			sp_io::storage::root(sp_runtime::StateVersion::V1)
		};
		let before = root();
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		assert_ne!(root(), before, "a pending application is stored");
		assert_ok!(Certificates::withdraw(signed(KZ_EXPORTER), id(1)));
		assert_eq!(root(), before, "a withdrawn application left something behind");

		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		assert_ok!(Certificates::reject(
			signed(KZ_ISSUER),
			id(1),
			RejectionReason::NotEligible,
			H256::zero()
		));
		assert_eq!(root(), before, "a rejected application left something behind");

		// An endorsed one leaves the document, its number and its history, nothing of the
		// application itself.
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		assert_ok!(Certificates::endorse(signed(KZ_ISSUER), id(1), facts("A-1"), None));
		assert!(!Applications::<Test>::contains_key(id(1)));
		assert!(!PendingApplications::<Test>::contains_key(KZ_EXPORTER));
		assert_eq!(
			actions(1),
			vec![(KZ_EXPORTER, Action::Applied), (KZ_ISSUER, Action::Registered)]
		);
	});
}
