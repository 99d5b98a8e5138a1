//! Leaving carried through: what a departed administration's parties anchored reads as
//! void from the departure on, and the consortium may void one party's documents.

use super::*;
use crate::{Departures, VoidedParties, Voiding, MAX_DEPARTURES};

fn remove(code: [u8; 2]) {
	assert_ok!(Governance::remove_administration(consortium(), code));
}

#[test]
fn what_a_party_anchored_is_void_from_its_administrations_departure_on() {
	new_test_ext().execute_with(|| {
		accredit_issuer(BY, 60);
		let by = country(b"BY");
		assert_eq!(Governance::voiding(&60, by, 1), None, "in force while BY is a member");
		System::set_block_number(7);
		remove(*b"BY");
		assert_eq!(Departures::<Test>::get(by).into_inner(), vec![7]);
		for anchored_at in [1, 6, 7] {
			assert_eq!(
				<Governance as Permissions<_, _>>::voiding(&60, by, anchored_at),
				Some(Voiding::AdministrationLeft { at: 7 })
			);
		}
		// Re-admitted at block 9: what it anchored before stays void; what a party of
		// the new membership anchors is not.
		System::set_block_number(9);
		assert_ok!(Governance::admit_administration(
			consortium(),
			*b"BY",
			b"BY".to_vec(),
			vec![BY]
		));
		assert_eq!(<Governance as Permissions<_, _>>::member_since(by), Some(9));
		assert_eq!(Governance::voiding(&60, by, 6), Some(Voiding::AdministrationLeft { at: 7 }));
		assert_eq!(Governance::voiding(&61, by, 9), None);
		assert_eq!(Governance::voiding(&60, country(b"KZ"), 6), None, "other countries unaffected");
	});
}

#[test]
fn each_membership_ends_at_its_own_departure_and_the_oldest_are_forgotten_first() {
	new_test_ext().execute_with(|| {
		let by = country(b"BY");
		for round in 0..(MAX_DEPARTURES as u64 + 2) {
			System::set_block_number(10 * round + 5);
			remove(*b"BY");
			System::set_block_number(10 * round + 8);
			assert_ok!(Governance::admit_administration(
				consortium(),
				*b"BY",
				b"BY".to_vec(),
				vec![BY]
			));
		}
		let departures = Departures::<Test>::get(by);
		assert_eq!(departures.len() as u32, MAX_DEPARTURES);
		assert_eq!(departures.first(), Some(&25), "the two oldest departures are forgotten");
		// Anchored in the membership that began at block 38 and ended at 45.
		assert_eq!(Governance::membership_ended(by, 40), Some(45));
		// Older than anything remembered: still void, from the oldest departure known.
		assert_eq!(Governance::membership_ended(by, 2), Some(25));
		// The current membership has not ended.
		assert_eq!(Governance::membership_ended(by, 10 * (MAX_DEPARTURES as u64 + 1) + 8), None);
	});
}

#[test]
fn the_consortium_voids_a_partys_documents_and_revokes_it() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		System::set_block_number(12);
		assert_ok!(Governance::void_documents(consortium(), 50));
		System::assert_last_event(
			Event::DocumentsVoided { country: country(b"KZ"), account: 50 }.into(),
		);
		assert_eq!(VoidedParties::<Test>::get(50), Some(12));
		assert_eq!(Accreditations::<Test>::get(50).unwrap().status, AccreditationStatus::Revoked);
		let kz = country(b"KZ");
		assert_eq!(Governance::voiding(&50, kz, 12), Some(Voiding::VoidedByConsortium { at: 12 }));
		assert_eq!(Governance::voiding(&50, kz, 3), Some(Voiding::VoidedByConsortium { at: 12 }));
		// Removed and bound anew later, what the account anchors then is its own.
		assert_ok!(Governance::remove_accreditation(signed(KZ), 50));
		System::set_block_number(13);
		accredit_issuer(KZ, 50);
		assert_eq!(Governance::voiding(&50, kz, 13), None);
	});
}

#[test]
fn voiding_is_the_consortiums_alone_and_needs_an_accredited_account() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		for origin in [signed(KZ), signed(50), signed(OUTSIDER), RuntimeOrigin::none()] {
			assert_noop!(Governance::void_documents(origin, 50), DispatchError::BadOrigin);
		}
		assert_noop!(
			Governance::void_documents(consortium(), OUTSIDER),
			Error::<Test>::NotAccredited
		);
		assert_eq!(VoidedParties::<Test>::get(50), None);
	});
}
