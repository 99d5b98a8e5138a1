//! Exporters: approved exporters' own origin declarations; applications that an issuer
//! endorses or rejects; withdrawal.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use tamga_primitives::HsCode;

use super::{country, facts, id, signed};
use crate::{
	mock::*, types::Action, Applications, CertificateKind, Documents, Error, Event, FactsOf,
	History, PendingApplications, RejectionReason, Status, Validity,
};

/// An origin declaration of KZ's approved exporter.
fn declaration(number: &str) -> FactsOf<Test> {
	FactsOf::<Test> { kind: CertificateKind::ORIGIN_DECLARATION, ..facts(number) }
}

fn actions(n: u8) -> Vec<(u64, Action)> {
	History::<Test>::get(id(n)).iter().map(|e| (e.actor, e.action)).collect()
}

// ---- declarations ----

#[test]
fn an_approved_exporter_registers_its_own_origin_declaration() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::register(
			signed(KZ_APPROVED_EXPORTER),
			id(1),
			declaration("D-1"),
			None
		));
		let record = Documents::<Test>::get(id(1)).unwrap();
		assert_eq!((record.issuer, record.status), (KZ_APPROVED_EXPORTER, Status::Issued));
		let verdict = Certificates::verify(id(1)).unwrap();
		assert_eq!(verdict.validity, Validity::Valid);
		assert_eq!(verdict.kind, CertificateKind::ORIGIN_DECLARATION);
		assert!(verdict.issuer_accredited, "an approved exporter is the author of a declaration");
		// It replaces its own declaration like an issuer.
		assert_ok!(Certificates::replace(
			signed(KZ_APPROVED_EXPORTER),
			id(1),
			id(2),
			declaration("D-2"),
			None
		));
		assert_eq!(Documents::<Test>::get(id(1)).unwrap().status, Status::Replaced { by: id(2) });
	});
}

#[test]
fn declarations_are_for_approved_exporters_and_certificates_for_issuers() {
	new_test_ext().execute_with(|| {
		// An issuer does not declare; an approved exporter does not issue certificates.
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), declaration("D-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_noop!(
			Certificates::register(signed(KZ_APPROVED_EXPORTER), id(1), facts("C-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		// A plain exporter may only apply.
		assert_noop!(
			Certificates::register(signed(KZ_EXPORTER), id(1), declaration("D-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		// Its own country only.
		let mut from_kg = declaration("D-1");
		from_kg.exporting = country(b"KG");
		from_kg.importing = country(b"KZ");
		assert_noop!(
			Certificates::register(signed(KZ_APPROVED_EXPORTER), id(1), from_kg, None)
				.map_err(|e| e.error),
			Error::<Test>::ExportingCountryMismatch
		);
	});
}

#[test]
fn an_approved_exporters_key_cut_off_voids_later_declarations() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::register(
			signed(KZ_APPROVED_EXPORTER),
			id(1),
			declaration("D-1"),
			None
		));
		System::set_block_number(5);
		assert_ok!(Certificates::register(
			signed(KZ_APPROVED_EXPORTER),
			id(2),
			declaration("D-2"),
			None
		));
		assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_APPROVED_EXPORTER, 3));
		assert_eq!(Certificates::verify(id(1)).unwrap().validity, Validity::Valid);
		assert_eq!(Certificates::verify(id(2)).unwrap().validity, Validity::IssuerKeyCutOff);
		assert_noop!(
			Certificates::register(signed(KZ_APPROVED_EXPORTER), id(3), declaration("D-3"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::AfterKeyCutoff)
		);
	});
}

// ---- applications ----

#[test]
fn an_exporter_applies_and_an_issuer_of_its_country_endorses() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		System::assert_last_event(
			Event::Applied { id: id(1), applicant: KZ_EXPORTER, kind: CertificateKind::EAEU_CT1 }
				.into(),
		);
		assert_eq!(PendingApplications::<Test>::get(KZ_EXPORTER), 1);
		assert!(Certificates::verify(id(1)).is_none(), "an application is not a document");

		System::set_block_number(2);
		// The issuer certifies exactly what the exporter applied for, nothing else.
		let mut inflated = facts("A-1");
		inflated.quantity = 1_000_000;
		assert_noop!(
			Certificates::endorse(signed(KZ_ISSUER), id(1), inflated, None).map_err(|e| e.error),
			Error::<Test>::FactsMismatch
		);
		assert_ok!(Certificates::endorse(signed(KZ_ISSUER), id(1), facts("A-1"), None));
		System::assert_last_event(
			Event::ApplicationEndorsed { id: id(1), issuer: KZ_ISSUER, applicant: KZ_EXPORTER }
				.into(),
		);
		let record = Documents::<Test>::get(id(1)).unwrap();
		assert_eq!((record.issuer, record.applicant), (KZ_ISSUER, Some(KZ_EXPORTER)));
		assert_eq!(record.registered_at, 2);
		assert!(Certificates::verify(id(1)).unwrap().on_application);
		assert!(!Applications::<Test>::contains_key(id(1)));
		assert!(!PendingApplications::<Test>::contains_key(KZ_EXPORTER), "slot released");
		assert_eq!(
			actions(1),
			vec![(KZ_EXPORTER, Action::Applied), (KZ_ISSUER, Action::Registered)]
		);
		// The issuer's number is taken now.
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(2), facts("A-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::DuplicateNumber
		);
	});
}

#[test]
fn an_approved_exporter_may_apply_too_but_nobody_applies_for_a_declaration() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::apply(signed(KZ_APPROVED_EXPORTER), id(1), facts("A-1")));
		assert_noop!(
			Certificates::apply(signed(KZ_EXPORTER), id(2), declaration("D-1")),
			Error::<Test>::DeclarationNotApplicable
		);
	});
}

#[test]
fn only_known_exporters_of_the_exporting_country_apply_with_valid_facts() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Certificates::apply(signed(OUTSIDER), id(1), facts("A-1")),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(
			Certificates::apply(signed(KZ_ISSUER), id(1), facts("A-1")),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		// KG's exporter cannot apply for a KZ export.
		assert_noop!(
			Certificates::apply(signed(KG_EXPORTER), id(1), facts("A-1")),
			Error::<Test>::ExportingCountryMismatch
		);
		let mut bad_hs = facts("A-1");
		bad_hs.hs_codes = vec![HsCode(*b"99x199")].try_into().unwrap();
		assert_noop!(
			Certificates::apply(signed(KZ_EXPORTER), id(1), bad_hs),
			Error::<Test>::InvalidHsCode
		);
		// A suspended exporter is refused.
		assert_ok!(Governance::suspend(signed(KZ), KZ_EXPORTER));
		assert_noop!(
			Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Suspended)
		);
	});
}

#[test]
fn applications_are_unique_bounded_and_not_for_anchored_documents() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(9), facts("C-9"), None));
		assert_noop!(
			Certificates::apply(signed(KZ_EXPORTER), id(9), facts("A-9")),
			Error::<Test>::DuplicateDocument
		);
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		assert_noop!(
			Certificates::apply(signed(KZ_APPROVED_EXPORTER), id(1), facts("A-1")),
			Error::<Test>::DuplicateApplication
		);
		// The mock allows two pending applications per exporter.
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(2), facts("A-2")));
		assert_noop!(
			Certificates::apply(signed(KZ_EXPORTER), id(3), facts("A-3")),
			Error::<Test>::TooManyApplications
		);
		assert_ok!(Certificates::withdraw(signed(KZ_EXPORTER), id(2)));
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(3), facts("A-3")));
	});
}

#[test]
fn only_an_issuer_of_the_exporting_country_and_kind_endorses_or_rejects() {
	new_test_ext().execute_with(|| {
		let mut vet = facts("V-1");
		vet.kind = CertificateKind::VETERINARY;
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), vet.clone()));
		for (who, error) in [
			(KG_ISSUER, Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongCountry)),
			(KZ_OFFICER, Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)),
			(KZ_EXPORTER, Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)),
			(OUTSIDER, Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)),
		] {
			let error = sp_runtime::DispatchError::from(error);
			assert_noop!(
				Certificates::endorse(signed(who), id(1), facts("V-1"), None).map_err(|e| e.error),
				error
			);
			assert_noop!(
				Certificates::reject(signed(who), id(1), RejectionReason::Incomplete, H256::zero()),
				error
			);
		}
		assert_noop!(
			Certificates::endorse(signed(KZ_ISSUER), id(7), facts("A-7"), None)
				.map_err(|e| e.error),
			Error::<Test>::UnknownApplication
		);
		// KG's issuer holds origin only; an application for a KG veterinary certificate
		// finds no issuer accredited for the kind there.
		let mut kg_vet = facts("V-2");
		kg_vet.kind = CertificateKind::VETERINARY;
		kg_vet.exporting = country(b"KG");
		kg_vet.importing = country(b"KZ");
		assert_ok!(Certificates::apply(signed(KG_EXPORTER), id(2), kg_vet));
		assert_noop!(
			Certificates::endorse(signed(KG_ISSUER), id(2), facts("V-2"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::KindNotAccredited)
		);
		assert_ok!(Certificates::endorse(signed(KZ_ISSUER), id(1), vet, None));
	});
}

#[test]
fn a_rejected_application_is_told_by_its_event_and_leaves_no_history() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		let text = H256::repeat_byte(0x7e);
		assert_ok!(Certificates::reject(
			signed(KZ_ISSUER),
			id(1),
			RejectionReason::NotCompliant,
			text
		));
		System::assert_last_event(
			Event::ApplicationRejected {
				id: id(1),
				issuer: KZ_ISSUER,
				reason: RejectionReason::NotCompliant,
				text_hash: text,
			}
			.into(),
		);
		assert!(!Applications::<Test>::contains_key(id(1)));
		assert!(!Documents::<Test>::contains_key(id(1)));
		assert_eq!(PendingApplications::<Test>::get(KZ_EXPORTER), 0);
		assert!(!History::<Test>::contains_key(id(1)), "a rejection writes no history");
		assert_noop!(
			Certificates::endorse(signed(KZ_ISSUER), id(1), facts("A-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::UnknownApplication
		);
	});
}

#[test]
fn only_the_applicant_withdraws() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(1), facts("A-1")));
		assert_noop!(
			Certificates::withdraw(signed(KZ_APPROVED_EXPORTER), id(1)),
			Error::<Test>::NotApplicant
		);
		assert_noop!(
			Certificates::withdraw(signed(KZ_EXPORTER), id(2)),
			Error::<Test>::UnknownApplication
		);
		assert_ok!(Certificates::withdraw(signed(KZ_EXPORTER), id(1)));
		System::assert_last_event(Event::ApplicationWithdrawn { id: id(1) }.into());
		assert!(!Applications::<Test>::contains_key(id(1)));
		assert!(!History::<Test>::contains_key(id(1)), "a withdrawal writes no history");
	});
}
