//! `certify`, `suspend`, `reinstate`, `revoke`: who may, and every transition.

use frame_support::{assert_noop, assert_ok, dispatch::DispatchResult};

use super::*;
use crate::{AeoState, AeoStatus, Authority, Certifications, Changes, Error, StatusReason};

#[test]
fn an_administration_or_its_aeo_office_certifies_its_own_operators() {
	new_test_ext().execute_with(|| {
		certify(Programme::Security);
		let certification = Certifications::<Test>::get(kz_acme()).unwrap();
		assert_eq!(
			(certification.status, certification.programme),
			(AeoStatus::Certified, Programme::Security)
		);
		assert_eq!(certification.changed_by, KZ);
		// The office certifies in KZ's name: the operator's country is the office's.
		let other = sp_core::H256::repeat_byte(1);
		assert_ok!(Aeo::certify(signed(KZ_AEO_OFFICE), other, Programme::Both, TODAY, TODAY + 10));
		assert!(Certifications::<Test>::contains_key(Operator {
			country: country(b"KZ"),
			commitment: other
		}));
		// KG certifying the same commitment makes another operator, KG's.
		assert_ok!(Aeo::certify(signed(KG), acme(), Programme::Security, TODAY, TODAY + 10));
		assert!(Certifications::<Test>::contains_key(Operator {
			country: country(b"KG"),
			commitment: acme()
		}));
	});
}

#[test]
fn nobody_else_certifies() {
	new_test_ext().execute_with(|| {
		let try_certify =
			|who| Aeo::certify(signed(who), acme(), Programme::Security, TODAY, TODAY + 10);
		assert_noop!(
			try_certify(OUTSIDER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(
			try_certify(KZ_OFFICER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_noop!(
			try_certify(KZ_ORIGIN_ISSUER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::KindNotAccredited)
		);
		assert_ok!(Governance::suspend(signed(KZ), KZ_AEO_OFFICE));
		assert_noop!(
			try_certify(KZ_AEO_OFFICE),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Suspended)
		);
	});
}

#[test]
fn validity_must_be_a_window_that_has_not_ended() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Aeo::certify(signed(KZ), acme(), Programme::Security, TODAY, TODAY - 1),
			Error::<Test>::InvalidValidity
		);
		assert_noop!(
			Aeo::certify(signed(KZ), acme(), Programme::Security, TODAY - 9, TODAY - 1),
			Error::<Test>::InvalidValidity
		);
	});
}

#[test]
fn suspend_reinstate_revoke_follow_the_rules() {
	new_test_ext().execute_with(|| {
		let text = sp_core::H256::repeat_byte(0x7e);
		assert_noop!(
			Aeo::suspend(signed(KZ), acme(), StatusReason::CriteriaNotMet, text),
			Error::<Test>::UnknownOperator
		);
		certify(Programme::Both);
		assert_noop!(Aeo::reinstate(signed(KZ), acme()), Error::<Test>::NotSuspended);
		assert_ok!(Aeo::suspend(signed(KZ), acme(), StatusReason::CriteriaNotMet, text));
		let view = Aeo::status(kz_acme()).unwrap();
		assert_eq!(
			(view.state, view.reason),
			(AeoState::Suspended, Some((StatusReason::CriteriaNotMet, text)))
		);
		assert_noop!(
			Aeo::suspend(signed(KZ), acme(), StatusReason::CriteriaNotMet, text),
			Error::<Test>::CertificationSuspended
		);
		// A suspended certification is reinstated or revoked, not certified over.
		assert_noop!(
			Aeo::certify(signed(KZ), acme(), Programme::Both, TODAY, TODAY + 5),
			Error::<Test>::CertificationSuspended
		);
		assert_ok!(Aeo::reinstate(signed(KZ), acme()));
		assert_eq!(Aeo::status(kz_acme()).unwrap().reason, None);
		assert_ok!(Aeo::revoke(signed(KZ), acme(), StatusReason::Infringement, text));
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Revoked);
		assert_noop!(Aeo::reinstate(signed(KZ), acme()), Error::<Test>::CertificationRevoked);
		assert_noop!(
			Aeo::revoke(signed(KZ), acme(), StatusReason::Infringement, text),
			Error::<Test>::CertificationRevoked
		);
		// After a new audit the operator may be certified anew.
		certify(Programme::Security);
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
	});
}

#[test]
fn another_administration_cannot_touch_kz_s_operator() {
	new_test_ext().execute_with(|| {
		certify(Programme::Security);
		let text = sp_core::H256::zero();
		for (who, error) in [
			(KG, Error::<Test>::UnknownOperator),
			(OUTSIDER, Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)),
			(KZ_OFFICER, Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)),
			(
				KZ_ORIGIN_ISSUER,
				Error::<Test>::Denied(pallet_tamga_governance::Denied::KindNotAccredited),
			),
		] {
			let error = sp_runtime::DispatchError::from(error);
			assert_noop!(Aeo::revoke(signed(who), acme(), StatusReason::Other, text), error);
			assert_noop!(Aeo::reinstate(signed(who), acme()), error);
		}
		// KG acting on the same commitment addresses KG's operator, which does not exist.
		assert_noop!(
			Aeo::suspend(signed(KG), acme(), StatusReason::Other, Default::default()),
			Error::<Test>::UnknownOperator
		);
		assert_noop!(
			Aeo::suspend(signed(KZ_OFFICER), acme(), StatusReason::Other, Default::default()),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
	});
}

#[test]
fn expiry_is_computed_and_an_expired_certification_is_renewed_by_certifying() {
	new_test_ext().execute_with(|| {
		assert_ok!(Aeo::certify(signed(KZ), acme(), Programme::Security, TODAY + 1, TODAY + 10));
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::NotYetValid);
		set_day(10);
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
		set_day(11);
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Expired);
		assert_noop!(
			Aeo::suspend(signed(KZ), acme(), StatusReason::Other, Default::default()),
			Error::<Test>::CertificationExpired
		);
		assert_ok!(Aeo::certify(signed(KZ), acme(), Programme::Security, TODAY + 11, TODAY + 400));
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
	});
}

#[test]
fn every_change_is_numbered_and_linked_to_the_previous_one() {
	new_test_ext().execute_with(|| {
		certify(Programme::Security);
		System::set_block_number(2);
		assert_ok!(Aeo::suspend(
			signed(KZ_AEO_OFFICE),
			acme(),
			StatusReason::OperatorRequest,
			Default::default()
		));
		System::set_block_number(3);
		assert_ok!(Aeo::reinstate(signed(KZ), acme()));
		let view = Aeo::status(kz_acme()).unwrap();
		let listed: Vec<(u64, AeoStatus, u64, Option<u64>)> =
			view.changes.iter().map(|(id, c)| (*id, c.status, c.block, c.previous)).collect();
		assert_eq!(
			listed,
			vec![
				(2, AeoStatus::Certified, 3, Some(1)),
				(1, AeoStatus::Suspended, 2, Some(0)),
				(0, AeoStatus::Certified, 1, None),
			]
		);
		assert_eq!(Changes::<Test>::get(1).unwrap().actor, KZ_AEO_OFFICE);
		assert_eq!(view.administration_name, b"Kazakhstan".to_vec());
	});
}

// ---- the administration is the offices' headquarters (issue 18) ----

/// Certifies KZ's test operator by `who`, valid a year from today.
fn certify_by(who: u64) -> DispatchResult {
	Aeo::certify(signed(who), acme(), Programme::Security, TODAY, TODAY + 365)
}

/// Revokes KZ's test operator by `who`.
fn revoke_by(who: u64) -> DispatchResult {
	Aeo::revoke(signed(who), acme(), StatusReason::Infringement, sp_core::H256::zero())
}

/// Who last changed KZ's test operator, and in which capacity.
fn changed() -> (u64, Authority) {
	let certification = Certifications::<Test>::get(kz_acme()).unwrap();
	(certification.changed_by, certification.changed_as)
}

#[test]
fn an_office_cannot_certify_over_its_administrations_revocation() {
	new_test_ext().execute_with(|| {
		// Certified by the office, revoked by headquarters.
		assert_ok!(certify_by(KZ_AEO_OFFICE));
		assert_eq!(changed(), (KZ_AEO_OFFICE, Authority::Office));
		assert_ok!(revoke_by(KZ));
		assert_eq!(changed(), (KZ, Authority::Administration));
		assert_noop!(certify_by(KZ_AEO_OFFICE), Error::<Test>::RevokedByAdministration);
		// Still refused once the certification's dates are long past.
		set_day(400);
		assert_noop!(
			Aeo::certify(signed(KZ_AEO_OFFICE), acme(), Programme::Both, TODAY + 400, TODAY + 800),
			Error::<Test>::RevokedByAdministration
		);
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Revoked);
	});
}

#[test]
fn the_administration_may_certify_anew_over_its_own_revocation() {
	new_test_ext().execute_with(|| {
		certify(Programme::Security);
		assert_ok!(revoke_by(KZ));
		assert_ok!(certify_by(KZ));
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
		assert_eq!(changed(), (KZ, Authority::Administration));
		// Once headquarters certified anew, the office acts on the operator again.
		assert_ok!(certify_by(KZ_AEO_OFFICE));
		assert_eq!(changed(), (KZ_AEO_OFFICE, Authority::Office));
	});
}

#[test]
fn an_office_may_certify_anew_over_an_offices_revocation() {
	new_test_ext().execute_with(|| {
		// Headquarters certified, the office revoked: the office's decision, which the
		// office may undo after a new audit.
		certify(Programme::Security);
		assert_ok!(revoke_by(KZ_AEO_OFFICE));
		assert_eq!(changed(), (KZ_AEO_OFFICE, Authority::Office));
		assert_ok!(certify_by(KZ_AEO_OFFICE));
		assert_eq!(Aeo::status(kz_acme()).unwrap().state, AeoState::Certified);
		// And headquarters may certify over an office's revocation too.
		assert_ok!(revoke_by(KZ_AEO_OFFICE));
		assert_ok!(certify_by(KZ));
		assert_eq!(changed(), (KZ, Authority::Administration));
	});
}

#[test]
fn a_revocation_stays_headquarters_after_the_member_account_is_removed() {
	new_test_ext().execute_with(|| {
		const KZ_DEPUTY: u64 = 5;
		assert_ok!(Governance::add_member(signed(KZ), KZ_DEPUTY));
		certify(Programme::Security);
		assert_ok!(revoke_by(KZ_DEPUTY));
		assert_ok!(Governance::remove_member(signed(KZ), KZ_DEPUTY));
		// The capacity was recorded when it acted, not looked up now.
		assert_noop!(certify_by(KZ_AEO_OFFICE), Error::<Test>::RevokedByAdministration);
		assert_ok!(certify_by(KZ));
	});
}
