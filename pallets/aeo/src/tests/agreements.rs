//! `propose_mra`, `accept_mra`, `suspend_mra`, `resume_mra`, `terminate_mra`.

use frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{Error, MraStatus, Mras, Partners};

#[test]
fn one_administration_proposes_and_the_other_accepts() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", Programme::Both));
		let mra = Mras::<Test>::get(0).unwrap();
		assert_eq!(
			(mra.proposer, mra.partner, mra.status),
			(country(b"KZ"), country(b"KG"), MraStatus::Proposed)
		);
		assert_eq!(Partners::<Test>::get(country(b"KG")).to_vec(), vec![(country(b"KZ"), 0)]);
		// Only the partner accepts; the proposer cannot accept its own proposal.
		assert_noop!(Aeo::accept_mra(signed(KZ), 0), Error::<Test>::NotParty);
		assert_noop!(Aeo::accept_mra(signed(UZ), 0), Error::<Test>::NotParty);
		assert_noop!(
			Aeo::accept_mra(signed(KZ_AEO_OFFICE), 0),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
		);
		assert_noop!(Aeo::accept_mra(signed(KG), 7), Error::<Test>::UnknownMra);
		assert_ok!(Aeo::accept_mra(signed(KG), 0));
		let mra = Mras::<Test>::get(0).unwrap();
		assert_eq!((mra.status, mra.accepted_at), (MraStatus::InForce, Some(1)));
		assert_noop!(Aeo::accept_mra(signed(KG), 0), Error::<Test>::NotProposed);
	});
}

#[test]
fn proposals_need_a_real_distinct_member_partner_and_no_open_agreement() {
	new_test_ext().execute_with(|| {
		assert_noop!(propose(KZ, b"XX", Programme::Both), Error::<Test>::UnknownCountry);
		assert_noop!(propose(KZ, b"KZ", Programme::Both), Error::<Test>::SelfAgreement);
		assert_noop!(propose(KZ, b"CN", Programme::Both), Error::<Test>::UnknownAdministration);
		assert_noop!(
			propose(KZ_AEO_OFFICE, b"KG", Programme::Both),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
		);
		assert_noop!(
			Aeo::propose_mra(signed(KZ), *b"KG", Programme::Both, TODAY, TODAY - 1),
			Error::<Test>::InvalidValidity
		);
		assert_ok!(propose(KZ, b"KG", Programme::Both));
		assert_noop!(propose(KZ, b"KG", Programme::Security), Error::<Test>::DuplicateMra);
		assert_noop!(propose(KG, b"KZ", Programme::Security), Error::<Test>::DuplicateMra);
	});
}

#[test]
fn an_administration_has_at_most_max_partners_agreements() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", Programme::Both));
		assert_ok!(propose(KZ, b"UZ", Programme::Both));
		assert_noop!(propose(KZ, b"TJ", Programme::Both), Error::<Test>::TooManyPartners);
		assert_noop!(propose(TJ, b"KZ", Programme::Both), Error::<Test>::TooManyPartners);
		// Terminating one frees a place.
		assert_ok!(Aeo::terminate_mra(signed(UZ), 1));
		assert_ok!(propose(TJ, b"KZ", Programme::Both));
	});
}

#[test]
fn either_party_suspends_and_only_that_party_resumes() {
	new_test_ext().execute_with(|| {
		let id = agreement(Programme::Both);
		assert_noop!(Aeo::suspend_mra(signed(UZ), id), Error::<Test>::NotParty);
		assert_ok!(Aeo::suspend_mra(signed(KG), id));
		assert_eq!(
			Mras::<Test>::get(id).unwrap().status,
			MraStatus::Suspended { by: country(b"KG") }
		);
		assert_noop!(Aeo::suspend_mra(signed(KZ), id), Error::<Test>::NotInForce);
		assert_noop!(Aeo::resume_mra(signed(KZ), id), Error::<Test>::NotSuspendedByYou);
		assert_noop!(Aeo::resume_mra(signed(UZ), id), Error::<Test>::NotParty);
		assert_ok!(Aeo::resume_mra(signed(KG), id));
		assert_eq!(Mras::<Test>::get(id).unwrap().status, MraStatus::InForce);
		assert_noop!(Aeo::resume_mra(signed(KG), id), Error::<Test>::NotSuspendedByYou);
	});
}

#[test]
fn a_proposal_cannot_be_suspended_but_can_be_declined() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", Programme::Both));
		assert_noop!(Aeo::suspend_mra(signed(KG), 0), Error::<Test>::NotInForce);
		assert_ok!(Aeo::terminate_mra(signed(KG), 0));
		assert_eq!(
			Mras::<Test>::get(0).unwrap().status,
			MraStatus::Terminated { by: country(b"KG") }
		);
		assert!(Partners::<Test>::get(country(b"KZ")).is_empty());
	});
}

#[test]
fn termination_is_final_and_a_new_agreement_may_follow() {
	new_test_ext().execute_with(|| {
		let id = agreement(Programme::Security);
		assert_noop!(Aeo::terminate_mra(signed(UZ), id), Error::<Test>::NotParty);
		assert_ok!(Aeo::terminate_mra(signed(KZ), id));
		assert_noop!(Aeo::terminate_mra(signed(KG), id), Error::<Test>::MraTerminated);
		assert_noop!(Aeo::resume_mra(signed(KZ), id), Error::<Test>::NotSuspendedByYou);
		assert_noop!(Aeo::accept_mra(signed(KG), id), Error::<Test>::NotProposed);
		assert_ok!(propose(KG, b"KZ", Programme::Both));
	});
}

#[test]
fn a_lapsed_proposal_cannot_be_accepted_and_a_lapsed_agreement_gives_way() {
	new_test_ext().execute_with(|| {
		assert_ok!(Aeo::propose_mra(signed(KZ), *b"KG", Programme::Both, TODAY, TODAY + 5));
		set_day(6);
		assert_noop!(Aeo::accept_mra(signed(KG), 0), Error::<Test>::MraLapsed);
		// A new proposal between the two terminates the lapsed one.
		assert_ok!(propose(KG, b"KZ", Programme::Security));
		assert_eq!(
			Mras::<Test>::get(0).unwrap().status,
			MraStatus::Terminated { by: country(b"KG") }
		);
		assert_eq!(Partners::<Test>::get(country(b"KZ")).to_vec(), vec![(country(b"KG"), 1)]);
	});
}

#[test]
fn only_member_accounts_manage_agreements() {
	new_test_ext().execute_with(|| {
		let id = agreement(Programme::Both);
		for who in [KZ_AEO_OFFICE, KZ_OFFICER, OUTSIDER] {
			assert_noop!(
				Aeo::suspend_mra(signed(who), id),
				Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
			);
			assert_noop!(
				Aeo::resume_mra(signed(who), id),
				Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
			);
			assert_noop!(
				Aeo::terminate_mra(signed(who), id),
				Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
			);
			assert_noop!(
				propose(who, b"UZ", Programme::Both),
				Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
			);
		}
	});
}
