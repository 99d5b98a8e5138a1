//! `certify`, `suspend`, `reinstate`, `revoke`: who may, and every transition.

use frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{AeoState, AeoStatus, Certifications, Changes, Error, StatusReason};

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
		assert_noop!(try_certify(OUTSIDER), Error::<Test>::NotAccredited);
		assert_noop!(try_certify(KZ_OFFICER), Error::<Test>::WrongRole);
		assert_noop!(try_certify(KZ_ORIGIN_ISSUER), Error::<Test>::KindNotAccredited);
		assert_ok!(Governance::suspend(signed(KZ), KZ_AEO_OFFICE));
		assert_noop!(try_certify(KZ_AEO_OFFICE), Error::<Test>::AccreditationSuspended);
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
			(OUTSIDER, Error::<Test>::NotAccredited),
			(KZ_OFFICER, Error::<Test>::WrongRole),
			(KZ_ORIGIN_ISSUER, Error::<Test>::KindNotAccredited),
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
			Error::<Test>::WrongRole
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
