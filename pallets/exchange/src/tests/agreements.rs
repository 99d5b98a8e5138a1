//! Agreements: proposal, acceptance of exactly the terms read, counter-proposals,
//! suspension, resumption, termination, who may do each, and what is granted meanwhile.

use frame_support::{assert_noop, assert_ok};
use tamga_primitives::{Access, Denied, DocumentKind, Grants};

use super::{accept, country, goods_and_parties, propose, proposed_terms, signed};
use crate::{mock::*, AgreementState, Error, Event, Partners, Terms};

fn granted(from: &[u8; 2], to: &[u8; 2]) -> [Access; 6] {
	Exchange::granted(country(from), country(to), DocumentKind::Veterinary)
}

const NOTHING: [Access; 6] = [Access::None; 6];
/// Parties and goods read, in `FieldGroup` order.
const GOODS_AND_PARTIES: [Access; 6] =
	[Access::Read, Access::Read, Access::None, Access::None, Access::None, Access::None];

#[test]
fn a_symmetric_agreement_grants_both_ways_once_accepted() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		System::assert_last_event(
			Event::AgreementProposed {
				by: country(b"KZ"),
				partner: country(b"KG"),
				symmetric: true,
			}
			.into(),
		);
		assert_eq!(granted(b"KZ", b"KG"), NOTHING, "nothing before acceptance");
		let view = Exchange::agreement(country(b"KG"), country(b"KZ")).unwrap();
		assert_eq!(view.state, AgreementState::Proposed);
		assert_eq!(view.proposal.unwrap().by, country(b"KZ"));
		System::set_block_number(3);
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_eq!(granted(b"KZ", b"KG"), GOODS_AND_PARTIES);
		assert_eq!(granted(b"KG", b"KZ"), GOODS_AND_PARTIES);
		assert_eq!(
			Exchange::granted(country(b"KZ"), country(b"KG"), DocumentKind::Origin),
			NOTHING,
			"only the kinds named"
		);
		assert_eq!(granted(b"KZ", b"UZ"), NOTHING, "only the partner");
		let view = Exchange::agreement(country(b"KZ"), country(b"KG")).unwrap();
		assert_eq!(
			(view.state, view.since, view.proposal),
			(AgreementState::Active, Some(3), None)
		);
		assert_eq!(Exchange::agreements(country(b"KG")).len(), 1);
	});
}

#[test]
fn an_asymmetric_agreement_gives_each_side_its_own_terms() {
	new_test_ext().execute_with(|| {
		let kz_gives = goods_and_parties();
		let kz_receives = Grants::NONE.with_kind(DocumentKind::Veterinary, Access::ReadAppend);
		assert_ok!(propose(KZ, b"KG", kz_gives, Some(kz_receives)));
		System::assert_last_event(
			Event::AgreementProposed {
				by: country(b"KZ"),
				partner: country(b"KG"),
				symmetric: false,
			}
			.into(),
		);
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_eq!(granted(b"KZ", b"KG"), GOODS_AND_PARTIES);
		assert_eq!(granted(b"KG", b"KZ"), [Access::ReadAppend; 6]);
		let kg_view = Exchange::agreement(country(b"KG"), country(b"KZ")).unwrap();
		assert_eq!((kg_view.gives, kg_view.receives), (kz_receives, kz_gives));
	});
}

#[test]
fn acceptance_signs_only_the_terms_read() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		let read = proposed_terms(b"KZ", b"KG");
		// KZ replaces its offer before KG accepts: what KG read is no longer on the table.
		assert_ok!(propose(
			KZ,
			b"KG",
			Grants::NONE.with_kind(DocumentKind::Veterinary, Access::Full),
			None
		));
		assert_noop!(Exchange::accept(signed(KG), *b"KZ", read), Error::<Test>::TermsChanged);
		assert_noop!(accept(KZ, b"KZ", b"KG"), Error::<Test>::OwnProposal);
		// A counter-proposal from KG: now KZ accepts.
		assert_ok!(propose(KG, b"KZ", goods_and_parties(), None));
		assert_noop!(accept(KG, b"KG", b"KZ"), Error::<Test>::OwnProposal);
		assert_ok!(accept(KZ, b"KZ", b"KG"));
		assert_eq!(granted(b"KG", b"KZ"), GOODS_AND_PARTIES);
		assert_noop!(
			Exchange::accept(signed(KG), *b"KZ", Terms::default()),
			Error::<Test>::NoProposal
		);
	});
}

#[test]
fn new_terms_apply_only_once_accepted() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_ok!(accept(KG, b"KG", b"KZ"));
		let wider = Grants::NONE.with_kind(DocumentKind::Veterinary, Access::Read);
		assert_ok!(propose(KG, b"KZ", wider, None));
		assert_eq!(granted(b"KZ", b"KG"), GOODS_AND_PARTIES, "the signed terms still apply");
		assert_ok!(accept(KZ, b"KZ", b"KG"));
		assert_eq!(granted(b"KZ", b"KG"), [Access::Read; 6]);
		// Declining new terms keeps the agreement and its terms.
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_ok!(Exchange::decline(signed(KG), *b"KZ"));
		assert_eq!(granted(b"KZ", b"KG"), [Access::Read; 6]);
		assert_noop!(Exchange::decline(signed(KG), *b"KZ"), Error::<Test>::NoProposal);
	});
}

#[test]
fn declining_a_first_proposal_ends_it_and_frees_both_places() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_ok!(Exchange::decline(signed(KG), *b"KZ"));
		let view = Exchange::agreement(country(b"KZ"), country(b"KG")).unwrap();
		assert_eq!(view.state, AgreementState::Terminated { by: country(b"KG") });
		assert!(Partners::<Test>::get(country(b"KZ")).is_empty());
		assert!(Partners::<Test>::get(country(b"KG")).is_empty());
		assert_noop!(
			Exchange::accept(signed(KG), *b"KZ", crate::Terms::default()),
			Error::<Test>::NoAgreement
		);
		// The two may propose again.
		assert_ok!(propose(KG, b"KZ", goods_and_parties(), None));
		assert_eq!(
			Exchange::agreement(country(b"KZ"), country(b"KG")).unwrap().state,
			AgreementState::Proposed
		);
	});
}

#[test]
fn suspension_stops_every_grant_until_the_suspender_resumes() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_noop!(Exchange::suspend(signed(KG), *b"KZ"), Error::<Test>::NotActive);
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_ok!(Exchange::suspend(signed(KG), *b"KZ"));
		assert_eq!(granted(b"KZ", b"KG"), NOTHING);
		assert_eq!(granted(b"KG", b"KZ"), NOTHING);
		assert_noop!(Exchange::suspend(signed(KZ), *b"KG"), Error::<Test>::NotActive);
		assert_noop!(Exchange::resume(signed(KZ), *b"KG"), Error::<Test>::NotSuspendedByYou);
		assert_ok!(Exchange::resume(signed(KG), *b"KZ"));
		assert_eq!(granted(b"KZ", b"KG"), GOODS_AND_PARTIES);
		assert_noop!(Exchange::resume(signed(KG), *b"KZ"), Error::<Test>::NotSuspendedByYou);
	});
}

#[test]
fn either_side_terminates_for_good() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_ok!(Exchange::terminate(signed(KZ), *b"KG"));
		assert_eq!(granted(b"KZ", b"KG"), NOTHING);
		for call in [
			Exchange::terminate(signed(KG), *b"KZ"),
			Exchange::suspend(signed(KG), *b"KZ"),
			Exchange::resume(signed(KZ), *b"KG"),
			Exchange::decline(signed(KG), *b"KZ"),
		] {
			assert_eq!(call, Err(Error::<Test>::NoAgreement.into()));
		}
		assert!(Exchange::agreements(country(b"KZ")).is_empty());
	});
}

#[test]
fn proposals_are_refused_with_their_reason() {
	new_test_ext().execute_with(|| {
		let grants = goods_and_parties();
		assert_noop!(propose(KZ, b"KZ", grants, None), Error::<Test>::SelfAgreement);
		assert_noop!(propose(KZ, b"XX", grants, None), Error::<Test>::UnknownCountry);
		assert_noop!(propose(KZ, b"CN", grants, None), Error::<Test>::UnknownAdministration);
		assert_noop!(propose(KZ, b"KG", Grants::NONE, None), Error::<Test>::EmptyTerms);
		// What KZ receives alone is enough to make terms.
		assert_ok!(propose(KZ, b"KG", Grants::NONE, Some(grants)));
		// MaxPartners is 2 here.
		assert_ok!(propose(KZ, b"UZ", grants, None));
		assert_noop!(propose(KZ, b"TJ", grants, None), Error::<Test>::TooManyPartners);
		assert_noop!(propose(TJ, b"KZ", grants, None), Error::<Test>::TooManyPartners);
	});
}

#[test]
fn only_member_accounts_of_the_two_sides_act_on_an_agreement() {
	new_test_ext().execute_with(|| {
		let grants = goods_and_parties();
		for outsider in [KZ_VET, KZ_OFFICER, OUTSIDER] {
			assert_noop!(
				propose(outsider, b"KG", grants, None),
				Error::<Test>::Denied(Denied::NotMember)
			);
		}
		assert_ok!(propose(KZ, b"KG", grants, None));
		let terms = proposed_terms(b"KZ", b"KG");
		// UZ is no side of the KZ–KG agreement: it only ever reaches its own agreement
		// with KZ or KG, which does not exist.
		assert_noop!(Exchange::accept(signed(UZ), *b"KZ", terms), Error::<Test>::NoAgreement);
		assert_noop!(Exchange::decline(signed(UZ), *b"KG"), Error::<Test>::NoAgreement);
		for who in [KZ_VET, KZ_OFFICER, OUTSIDER] {
			for call in [
				Exchange::accept(signed(who), *b"KZ", terms),
				Exchange::decline(signed(who), *b"KZ"),
				Exchange::suspend(signed(who), *b"KZ"),
				Exchange::resume(signed(who), *b"KZ"),
				Exchange::terminate(signed(who), *b"KZ"),
			] {
				assert_eq!(call, Err(Error::<Test>::Denied(Denied::NotMember).into()));
			}
		}
		assert_eq!(granted(b"KZ", b"KG"), NOTHING);
	});
}

#[test]
fn a_departing_administration_takes_its_agreements_and_key_with_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(propose(KZ, b"KG", goods_and_parties(), None));
		assert_ok!(accept(KG, b"KG", b"KZ"));
		assert_ok!(propose(UZ, b"KZ", goods_and_parties(), None));
		assert_ok!(Exchange::set_exchange_key(signed(KZ), [7; 32]));
		assert_ok!(Governance::remove_administration(
			pallet_tamga_governance_testing::unanimous(4),
			*b"KZ"
		));
		let kz = country(b"KZ");
		assert_eq!(
			Exchange::agreement(country(b"KG"), kz).unwrap().state,
			AgreementState::Terminated { by: kz }
		);
		assert!(Partners::<Test>::get(kz).is_empty());
		assert!(Partners::<Test>::get(country(b"KG")).is_empty());
		assert!(Partners::<Test>::get(country(b"UZ")).is_empty());
		assert_eq!(Exchange::exchange_key(kz), None);
		assert_eq!(granted(b"KZ", b"KG"), NOTHING);
	});
}
