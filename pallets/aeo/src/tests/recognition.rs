//! Recognition (certification × agreement × scope × day), acknowledgements, and the AEO
//! story of issue 5.

use frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{
	Acknowledgements, AeoState, AeoStatus, ChangeId, ChangeOf, Error, MraStatus, Pending,
	RecognitionReason, StatusReason, MAX_LISTED_PENDING,
};

fn recognised_by(code: &[u8; 2]) -> crate::Recognition {
	Aeo::recognition(kz_acme(), country(code), None)
}

/// What administration `code` has not acknowledged: how many changes, and the first page.
fn unacknowledged(code: &[u8; 2]) -> (u32, Vec<(ChangeId, ChangeOf<Test>)>) {
	let page = Aeo::pending_acknowledgements(country(code), 0, MAX_LISTED_PENDING);
	(page.total, page.changes)
}

/// The numbers of the changes on page `page` of `limit` that KG has not acknowledged,
/// with the total the page reports.
fn kg_pending_page(page: u32, limit: u32) -> (Vec<ChangeId>, u32) {
	let answer = Aeo::pending_acknowledgements(country(b"KG"), page, limit);
	(answer.changes.into_iter().map(|(id, _)| id).collect(), answer.total)
}

/// With a KZ–KG agreement in force, KZ certifies `count` operators: changes 0 to
/// `count - 1` wait for KG.
fn changes_for_kg(count: u64) {
	agreement(Programme::Security);
	for i in 0..count {
		let operator = H256::from_low_u64_be(i + 1);
		assert_ok!(Aeo::certify(signed(KZ), operator, Programme::Security, TODAY, TODAY + 9));
	}
}

#[test]
fn recognition_needs_certification_an_agreement_in_force_and_scope() {
	new_test_ext().execute_with(|| {
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::UnknownOperator);
		certify(Programme::Security);
		let own = recognised_by(b"KZ");
		assert!(own.recognised);
		assert_eq!(
			(own.reason, own.programme),
			(RecognitionReason::OwnAdministration, Some(Programme::Security))
		);
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::NoAgreement);
		assert_ok!(propose(KZ, b"KG", Programme::Simplifications));
		let proposed = recognised_by(b"KG");
		assert_eq!(
			(proposed.recognised, proposed.reason),
			(false, RecognitionReason::AgreementNotInForce)
		);
		assert_eq!(proposed.agreement, Some((0, MraStatus::Proposed)));
		assert_ok!(Aeo::accept_mra(signed(KG), 0));
		// In force, but AEO-S is outside an AEO-C agreement.
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::OutOfScope);
		// UZ has no agreement with KZ.
		assert_eq!(recognised_by(b"UZ").reason, RecognitionReason::NoAgreement);
	});
}

#[test]
fn an_aeo_f_operator_is_recognised_for_what_the_scope_covers() {
	new_test_ext().execute_with(|| {
		certify(Programme::Both);
		agreement(Programme::Security);
		let answer = recognised_by(b"KG");
		assert!(answer.recognised);
		assert_eq!(
			(answer.reason, answer.programme),
			(RecognitionReason::UnderAgreement, Some(Programme::Security))
		);
		// Recognition is mutual: KZ recognises KG's operators under the same agreement.
		assert_ok!(Aeo::certify(signed(KG), acme(), Programme::Security, TODAY, TODAY + 9));
		let kg_acme = Operator { country: country(b"KG"), commitment: acme() };
		assert!(Aeo::recognition(kg_acme, country(b"KZ"), None).recognised);
	});
}

#[test]
fn recognition_follows_the_day_and_the_agreement_dates() {
	new_test_ext().execute_with(|| {
		assert_ok!(Aeo::certify(signed(KZ), acme(), Programme::Security, TODAY, TODAY + 100));
		assert_ok!(Aeo::propose_mra(signed(KZ), *b"KG", Programme::Both, TODAY + 10, TODAY + 50));
		assert_ok!(Aeo::accept_mra(signed(KG), 0));
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::AgreementNotInForce);
		set_day(10);
		assert!(recognised_by(b"KG").recognised);
		set_day(51);
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::AgreementNotInForce);
		set_day(101);
		let expired = recognised_by(b"KG");
		assert_eq!(
			(expired.reason, expired.state),
			(RecognitionReason::NotCertified, Some(AeoState::Expired))
		);
	});
}

#[test]
fn suspended_agreements_recognise_nothing_terminated_ones_are_gone() {
	new_test_ext().execute_with(|| {
		certify(Programme::Security);
		let id = agreement(Programme::Security);
		assert_ok!(Aeo::suspend_mra(signed(KZ), id));
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::AgreementNotInForce);
		assert_ok!(Aeo::resume_mra(signed(KZ), id));
		assert!(recognised_by(b"KG").recognised);
		assert_ok!(Aeo::terminate_mra(signed(KG), id));
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::NoAgreement);
	});
}

#[test]
fn partners_acknowledge_each_change_only_once_and_only_their_own() {
	new_test_ext().execute_with(|| {
		// A change before any agreement notifies nobody.
		certify(Programme::Security);
		assert_eq!(unacknowledged(b"KG"), (0, vec![]));
		agreement(Programme::Security);
		// A proposal is not yet a partnership: UZ is not notified.
		assert_ok!(propose(UZ, b"KZ", Programme::Security));
		assert_ok!(Aeo::suspend(
			signed(KZ),
			acme(),
			StatusReason::Infringement,
			Default::default()
		));
		let (total, pending) = unacknowledged(b"KG");
		assert_eq!(total, 1);
		assert_eq!(pending.len(), 1);
		let (change, details) = &pending[0];
		assert_eq!((details.operator, details.status), (kz_acme(), AeoStatus::Suspended));
		assert_eq!(unacknowledged(b"UZ"), (0, vec![]));
		assert_noop!(Aeo::acknowledge(signed(UZ), *change), Error::<Test>::NothingToAcknowledge);
		assert_noop!(
			Aeo::acknowledge(signed(KZ_OFFICER), *change),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
		);
		assert_ok!(Aeo::acknowledge(signed(KG), *change));
		assert_eq!(Acknowledgements::<Test>::get(change, country(b"KG")), Some((KG, 1)));
		assert_eq!(unacknowledged(b"KG"), (0, vec![]));
		assert_noop!(Aeo::acknowledge(signed(KG), *change), Error::<Test>::NothingToAcknowledge);
	});
}

#[test]
fn certified_in_kz_recognised_in_kg_until_suspended_and_kg_acknowledges() {
	new_test_ext().execute_with(|| {
		certify(Programme::Both);
		System::set_block_number(2);
		assert_ok!(propose(KZ, b"KG", Programme::Both));
		System::set_block_number(3);
		assert_ok!(Aeo::accept_mra(signed(KG), 0));
		let before = recognised_by(b"KG");
		assert!(before.recognised);
		assert_eq!(before.programme, Some(Programme::Both));

		System::set_block_number(4);
		assert_ok!(Aeo::suspend(
			signed(KZ_AEO_OFFICE),
			acme(),
			StatusReason::CriteriaNotMet,
			Default::default()
		));
		let after = recognised_by(b"KG");
		assert!(!after.recognised);
		assert_eq!(
			(after.reason, after.state),
			(RecognitionReason::NotCertified, Some(AeoState::Suspended))
		);
		let status = Aeo::status(kz_acme()).unwrap();
		assert_eq!((status.state, status.effective_at), (AeoState::Suspended, 4));

		let (total, pending) = unacknowledged(b"KG");
		assert_eq!(total, 1);
		assert_eq!(pending.len(), 1);
		let change = pending[0].0;
		assert_eq!(Pending::<Test>::get(country(b"KG"), change), Some(4));
		System::set_block_number(5);
		assert_ok!(Aeo::acknowledge(signed(KG), change));
		assert_eq!(Acknowledgements::<Test>::get(change, country(b"KG")), Some((KG, 5)));
		assert_eq!(unacknowledged(b"KG"), (0, vec![]));
	});
}

#[test]
fn recognition_can_be_asked_for_another_day() {
	new_test_ext().execute_with(|| {
		assert_ok!(Aeo::certify(signed(KZ), acme(), Programme::Security, TODAY, TODAY + 100));
		assert_ok!(Aeo::propose_mra(signed(KZ), *b"KG", Programme::Both, TODAY + 10, TODAY + 500));
		assert_ok!(Aeo::accept_mra(signed(KG), 0));
		let on = |day| Aeo::recognition(kz_acme(), country(b"KG"), Some(day));
		assert_eq!(on(TODAY).reason, RecognitionReason::AgreementNotInForce);
		assert!(on(TODAY + 10).recognised);
		assert_eq!(on(TODAY + 10).today, TODAY + 10);
		assert_eq!(on(TODAY + 101).state, Some(AeoState::Expired));
	});
}

#[test]
fn an_administration_that_leaves_takes_its_recognition_with_it() {
	new_test_ext().execute_with(|| {
		certify(Programme::Security);
		agreement(Programme::Security);
		assert!(recognised_by(b"KG").recognised);
		assert_ok!(Governance::remove_administration(
			pallet_tamga_governance_testing::unanimous(4),
			*b"KG"
		));
		assert_eq!(recognised_by(b"KG").reason, RecognitionReason::AdministrationGone);
		// Its departure is no partner's business any more: nothing waits for it.
		assert_ok!(Aeo::suspend(signed(KZ), acme(), StatusReason::Other, Default::default()));
		assert_eq!(unacknowledged(b"KG"), (0, vec![]));
		// Nor is a departed administration's operator recognised anywhere.
		assert_ok!(Governance::remove_administration(
			pallet_tamga_governance_testing::unanimous(4),
			*b"KZ"
		));
		assert_eq!(
			Aeo::recognition(kz_acme(), country(b"KZ"), None).reason,
			RecognitionReason::AdministrationGone
		);
	});
}

/// How a test sets up the operator's certification.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Certification {
	None,
	Certified,
	Suspended,
	Revoked,
	Expired,
}

/// How a test sets up the KZ–KG agreement.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Agreement {
	None,
	Proposed,
	InForce,
	Suspended,
	Lapsed,
}

#[test]
fn recognition_holds_exactly_when_certified_in_force_and_in_scope() {
	let programmes = [Programme::Security, Programme::Simplifications, Programme::Both];
	for certification in [
		Certification::None,
		Certification::Certified,
		Certification::Suspended,
		Certification::Revoked,
		Certification::Expired,
	] {
		for agreement in [
			Agreement::None,
			Agreement::Proposed,
			Agreement::InForce,
			Agreement::Suspended,
			Agreement::Lapsed,
		] {
			for programme in programmes {
				for scope in programmes {
					new_test_ext().execute_with(|| {
						let until = if certification == Certification::Expired { 1 } else { 100 };
						if certification != Certification::None {
							assert_ok!(Aeo::certify(
								signed(KZ),
								acme(),
								programme,
								TODAY,
								TODAY + until
							));
						}
						if certification == Certification::Suspended {
							assert_ok!(Aeo::suspend(
								signed(KZ),
								acme(),
								StatusReason::Other,
								Default::default()
							));
						}
						if certification == Certification::Revoked {
							assert_ok!(Aeo::revoke(
								signed(KZ),
								acme(),
								StatusReason::Other,
								Default::default()
							));
						}
						let last = if agreement == Agreement::Lapsed { 1 } else { 700 };
						if agreement != Agreement::None {
							assert_ok!(Aeo::propose_mra(
								signed(KZ),
								*b"KG",
								scope,
								TODAY,
								TODAY + last
							));
						}
						if matches!(
							agreement,
							Agreement::InForce | Agreement::Suspended | Agreement::Lapsed
						) {
							assert_ok!(Aeo::accept_mra(signed(KG), 0));
						}
						if agreement == Agreement::Suspended {
							assert_ok!(Aeo::suspend_mra(signed(KG), 0));
						}
						set_day(2);
						let expected = certification == Certification::Certified
							&& agreement == Agreement::InForce
							&& programme.within(scope).is_some();
						let answer = recognised_by(b"KG");
						assert_eq!(
							answer.recognised, expected,
							"{certification:?} {agreement:?} {programme:?} in {scope:?}: {answer:?}"
						);
						if expected {
							assert_eq!(answer.programme, programme.within(scope));
						}
					});
				}
			}
		}
	}
}

#[test]
fn ten_pending_changes_by_three_are_pages_of_three_three_three_and_one() {
	new_test_ext().execute_with(|| {
		changes_for_kg(10);
		assert_eq!(kg_pending_page(0, 3), (vec![0, 1, 2], 10));
		assert_eq!(kg_pending_page(1, 3), (vec![3, 4, 5], 10));
		assert_eq!(kg_pending_page(2, 3), (vec![6, 7, 8], 10));
		assert_eq!(kg_pending_page(3, 3), (vec![9], 10));
		// Acknowledged changes leave the list; the pages close up.
		assert_ok!(Aeo::acknowledge(signed(KG), 1));
		assert_eq!(kg_pending_page(0, 3), (vec![0, 2, 3], 9));
	});
}

#[test]
fn a_pending_page_past_the_end_is_empty_and_still_gives_the_total() {
	new_test_ext().execute_with(|| {
		changes_for_kg(10);
		for (page, limit) in [(4, 3), (1, 10), (u32::MAX, 3), (u32::MAX, u32::MAX)] {
			assert_eq!(kg_pending_page(page, limit), (vec![], 10), "page {page} of {limit}");
		}
		// A limit of 0 asks for the total alone.
		assert_eq!(kg_pending_page(0, 0), (vec![], 10));
	});
}

#[test]
fn no_pending_page_holds_more_than_the_cap() {
	new_test_ext().execute_with(|| {
		let count = u64::from(MAX_LISTED_PENDING) + 5;
		changes_for_kg(count);
		let (first, total) = kg_pending_page(0, u32::MAX);
		assert_eq!((first.len(), total), (MAX_LISTED_PENDING as usize, count as u32));
		assert_eq!(first, (0..u64::from(MAX_LISTED_PENDING)).collect::<Vec<_>>());
		let (second, _) = kg_pending_page(1, MAX_LISTED_PENDING + 1);
		assert_eq!(second, (u64::from(MAX_LISTED_PENDING)..count).collect::<Vec<_>>());
	});
}
