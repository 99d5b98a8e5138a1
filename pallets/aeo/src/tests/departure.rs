//! Leaving carried through: a departed administration's agreements end with it, and
//! neither they nor its certifications come back when it is admitted again.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

use super::{acme, agreement, certify, country, kz_acme, propose, signed};
use crate::{
	mock::*, AeoState, Error, MraStatus, Partners, Programme, RecognitionReason, StatusReason,
	MAX_LISTED_PENDING,
};

fn consortium() -> RuntimeOrigin {
	pallet_tamga_governance_testing::unanimous(4)
}

fn readmit_kz() {
	assert_ok!(Governance::admit_administration(
		consortium(),
		*b"KZ",
		b"Kazakhstan".to_vec(),
		vec![KZ]
	));
}

#[test]
fn a_departed_administrations_agreements_end_and_free_its_partners_places() {
	new_test_ext().execute_with(|| {
		let with_kg = agreement(Programme::Both);
		assert_ok!(propose(UZ, b"KZ", Programme::Security));
		assert_eq!(Partners::<Test>::get(country(b"KZ")).len(), 2);
		System::set_block_number(4);
		assert_ok!(Governance::remove_administration(consortium(), *b"KZ"));
		let kz = country(b"KZ");
		assert_eq!(
			crate::Mras::<Test>::get(with_kg).unwrap().status,
			MraStatus::Terminated { by: kz }
		);
		assert!(Partners::<Test>::get(kz).is_empty());
		assert!(Partners::<Test>::get(country(b"KG")).is_empty(), "KG's place is free");
		assert!(Partners::<Test>::get(country(b"UZ")).is_empty(), "so is UZ's");
		System::set_block_number(5);
		readmit_kz();
		assert_eq!(
			crate::Mras::<Test>::get(with_kg).unwrap().status,
			MraStatus::Terminated { by: kz },
			"not revived"
		);
		// The two may agree anew.
		assert_ok!(propose(KZ, b"KG", Programme::Both));
	});
}

#[test]
fn certifications_of_an_earlier_membership_are_void_and_not_revived() {
	new_test_ext().execute_with(|| {
		certify(Programme::Both);
		System::set_block_number(4);
		assert_ok!(Governance::remove_administration(consortium(), *b"KZ"));
		assert_eq!(
			Aeo::recognition(kz_acme(), country(b"KZ"), None).reason,
			RecognitionReason::AdministrationGone
		);
		System::set_block_number(5);
		readmit_kz();
		let view = Aeo::status(kz_acme()).expect("the record is kept for the history");
		assert_eq!(view.state, AeoState::AdministrationLeft);
		let own = Aeo::recognition(kz_acme(), country(b"KZ"), None);
		assert!(!own.recognised);
		assert_eq!(own.reason, RecognitionReason::NotCertified);
		assert_eq!(own.state, Some(AeoState::AdministrationLeft));
		// Nothing to suspend or revoke: only a new certification counts.
		assert_noop!(
			Aeo::suspend(signed(KZ), acme(), StatusReason::Other, H256::zero()),
			Error::<Test>::UnknownOperator
		);
		certify(Programme::Security);
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
		assert!(Aeo::recognition(kz_acme(), country(b"KZ"), None).recognised);
	});
}

#[test]
fn an_earlier_memberships_revocation_does_not_bind_the_new_one() {
	new_test_ext().execute_with(|| {
		certify(Programme::Both);
		assert_ok!(Aeo::revoke(signed(KZ), acme(), StatusReason::Infringement, H256::zero()));
		assert_ok!(Governance::remove_administration(consortium(), *b"KZ"));
		System::set_block_number(5);
		readmit_kz();
		// An office of the new membership certifies the operator after a new audit
		// (the old office's accreditation is void; accredit a new one).
		assert_ok!(Governance::accredit(
			signed(KZ),
			30,
			b"AEO office".to_vec(),
			pallet_tamga_governance::Role::Issuer,
			pallet_tamga_governance::DocumentKinds::of(&[
				pallet_tamga_governance::DocumentKind::Aeo
			]),
			None,
			0,
			1_000
		));
		assert_ok!(Governance::accept_accreditation(signed(30), *b"KZ"));
		assert_ok!(Aeo::certify(signed(30), acme(), Programme::Both, TODAY, TODAY + 365));
	});
}

#[test]
fn an_office_cannot_lift_or_change_a_suspension_its_administration_set() {
	new_test_ext().execute_with(|| {
		certify(Programme::Both);
		assert_ok!(Aeo::suspend(signed(KZ), acme(), StatusReason::Infringement, H256::zero()));
		assert_noop!(
			Aeo::reinstate(signed(KZ_AEO_OFFICE), acme()),
			Error::<Test>::SuspendedByAdministration
		);
		assert_noop!(
			Aeo::revoke(signed(KZ_AEO_OFFICE), acme(), StatusReason::Other, H256::zero()),
			Error::<Test>::SuspendedByAdministration
		);
		assert_ok!(Aeo::reinstate(signed(KZ), acme()));
		// A suspension the office itself set, the office may lift.
		assert_ok!(Aeo::suspend(
			signed(KZ_AEO_OFFICE),
			acme(),
			StatusReason::OperatorRequest,
			H256::zero()
		));
		assert_ok!(Aeo::reinstate(signed(KZ_AEO_OFFICE), acme()));
	});
}

#[test]
fn changes_left_unacknowledged_before_leaving_are_not_owed_after_readmission() {
	new_test_ext().execute_with(|| {
		agreement(Programme::Security);
		certify(Programme::Security);
		assert_ok!(Aeo::suspend(signed(KZ), acme(), StatusReason::Infringement, H256::zero()));
		let owed =
			|code: &[u8; 2]| Aeo::pending_acknowledgements(country(code), 0, MAX_LISTED_PENDING);
		let before = owed(b"KG");
		assert_eq!(before.total, 2, "the certification and the suspension wait for KG");
		let (first, _) = before.changes[0];

		System::set_block_number(4);
		assert_ok!(Governance::remove_administration(consortium(), *b"KG"));
		System::set_block_number(5);
		assert_ok!(Governance::admit_administration(
			consortium(),
			*b"KG",
			b"Kyrgyzstan".to_vec(),
			vec![KG]
		));
		// The new membership owes nothing of the old one, and cannot acknowledge it.
		let after = owed(b"KG");
		assert_eq!((after.total, after.changes.len()), (0, 0));
		assert_noop!(Aeo::acknowledge(signed(KG), first), Error::<Test>::NothingToAcknowledge);

		// What is made during the new membership is owed as before.
		agreement(Programme::Security);
		assert_ok!(Aeo::reinstate(signed(KZ), acme()));
		let owed_now = owed(b"KG");
		assert_eq!(owed_now.total, 1);
		assert_ok!(Aeo::acknowledge(signed(KG), owed_now.changes[0].0));
	});
}
