//! Administrations' rule contracts: registering them, and what their verdicts do.

use frame_support::{assert_noop, assert_ok, dispatch::Pays, weights::Weight};
use pallet_tamga_governance::DocumentKind;
use sp_runtime::DispatchError;
use tamga_primitives::HsCode;
use tamga_rules::Verdict;

use super::{country, facts, id, signed};
use crate::{
	mock::*,
	rules::{Material, Production},
	Direction, Documents, Error, Event, RuleContracts, RuleFailure, RuleWarning,
};

/// KZ's member registers `contract` as its export rules for origin certificates.
fn kz_export_rules(contract: u64) {
	assert_ok!(Certificates::set_rules(
		signed(KZ),
		DocumentKind::Origin,
		Direction::Export,
		Some(contract)
	));
}

/// KG's member registers `contract` as its import rules for origin certificates.
fn kg_import_rules(contract: u64) {
	assert_ok!(Certificates::set_rules(
		signed(KG),
		DocumentKind::Origin,
		Direction::Import,
		Some(contract)
	));
}

fn production() -> Production<frame_support::traits::ConstU32<4>> {
	Production {
		wholly_obtained: false,
		ex_works_price: 1_000,
		materials: vec![Material {
			hs: HsCode(*b"110100"),
			origin: *b"TR",
			value: 300,
			evidence: None,
		}]
		.try_into()
		.unwrap(),
	}
}

#[test]
fn only_a_member_account_registers_rules_for_its_own_administration() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(Verdict::Accept));
		for outsider in [KZ_ISSUER, KG_OFFICER, OUTSIDER] {
			assert_noop!(
				Certificates::set_rules(
					signed(outsider),
					DocumentKind::Origin,
					Direction::Export,
					Some(RULES)
				),
				Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
			);
		}
		assert_noop!(
			Certificates::set_rules(
				RuntimeOrigin::root(),
				DocumentKind::Origin,
				Direction::Export,
				Some(RULES)
			),
			DispatchError::BadOrigin
		);
		kz_export_rules(RULES);
		assert_eq!(
			RuleContracts::<Test>::get(
				pallet_tamga_governance::CountryCode::new(*b"KZ").unwrap(),
				(DocumentKind::Origin, Direction::Export)
			),
			Some(RULES)
		);
		System::assert_last_event(
			Event::RulesSet {
				administration: pallet_tamga_governance::CountryCode::new(*b"KZ").unwrap(),
				kind: DocumentKind::Origin,
				direction: Direction::Export,
				contract: Some(RULES),
			}
			.into(),
		);
	});
}

#[test]
fn rules_must_be_a_contract_for_a_certificate_kind() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Certificates::set_rules(
				signed(KZ),
				DocumentKind::Origin,
				Direction::Export,
				Some(OUTSIDER)
			),
			Error::<Test>::NotAContract
		);
		set_answer(RULES, Ok(Verdict::Accept));
		assert_noop!(
			Certificates::set_rules(signed(KZ), DocumentKind::Aeo, Direction::Export, Some(RULES)),
			Error::<Test>::NoRulesForKind
		);
	});
}

#[test]
fn without_rules_no_contract_is_asked() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None));
		assert!(asked().is_empty());
		assert!(Documents::<Test>::get(id(1)).unwrap().warnings.is_empty());
	});
}

#[test]
fn both_administrations_rules_are_asked_with_the_documents_facts() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(Verdict::Accept));
		set_answer(OTHER_RULES, Ok(Verdict::Accept));
		kz_export_rules(RULES);
		kg_import_rules(OTHER_RULES);
		let post = Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), Some(production()))
			.unwrap();
		let asked = asked();
		assert_eq!(
			asked.iter().map(|(c, who, _)| (*c, *who)).collect::<Vec<_>>(),
			[(RULES, KZ_ISSUER), (OTHER_RULES, KZ_ISSUER)]
		);
		let input = &asked[0].2;
		assert_eq!(input.kind, tamga_rules::DocumentKind::Origin);
		assert_eq!(input.form, tamga_rules::Form::EaeuCt1);
		assert_eq!((input.exporting, input.importing), (*b"KZ", *b"KG"));
		assert_eq!(input.hs_codes, [100_199, 20_130]);
		assert_eq!(input.day, TODAY);
		let given = input.production.as_ref().expect("production facts passed");
		assert_eq!(given.materials[0].hs, 110_100);
		assert_eq!(given.materials[0].value, 300);
		// The weight charged covers both calls, not the declared bound.
		let used = post.actual_weight.expect("actual weight");
		assert!(used.all_gte(RULE_CALL_WEIGHT.saturating_mul(2)));
		let declared = <crate::weights::TamgaWeight<Test> as crate::WeightInfo>::register()
			.saturating_add(Certificates::production_weight(&Some(production())))
			.saturating_add(Certificates::rules_weight_bound());
		assert!(used.all_lte(declared) && used.ref_time() < declared.ref_time());
		// A veterinary certificate is not judged by origin rules.
		let mut vet = facts("V");
		vet.kind = crate::CertificateKind::VETERINARY;
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(2), vet, None));
		assert!(super::super::mock::asked().is_empty());
		// The form is passed, for rules that judge some forms only.
		let mut generic = facts("N");
		generic.kind = crate::CertificateKind::NON_PREFERENTIAL;
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(3), generic, Some(production())));
		assert_eq!(super::super::mock::asked()[0].2.form, tamga_rules::Form::NonPreferential);
	});
}

#[test]
fn a_reject_refuses_the_registration_with_the_reason_code() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(Verdict::Reject(104)));
		kg_import_rules(RULES);
		let refused =
			Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None).unwrap_err();
		assert_eq!(
			refused.error,
			Error::<Test>::RejectedByRules { direction: Direction::Import, code: 104 }.into()
		);
		// What the refusal cost is charged, not the bound.
		assert_eq!(refused.post_info.pays_fee, Pays::Yes);
		assert!(refused.post_info.actual_weight.unwrap().all_gte(RULE_CALL_WEIGHT));
		assert!(Documents::<Test>::get(id(1)).is_none());
		// The module error carries the code, for the ExtrinsicFailed event.
		let DispatchError::Module(module) = refused.error else { panic!("a module error") };
		assert_eq!(&module.error[1..], &[1, 104, 0]);
	});
}

#[test]
fn a_warning_is_stored_on_the_record_and_announced() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(Verdict::Warn(105)));
		set_answer(OTHER_RULES, Ok(Verdict::Warn(203)));
		kz_export_rules(RULES);
		kg_import_rules(OTHER_RULES);
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None));
		let kz =
			RuleWarning { administration: country(b"KZ"), direction: Direction::Export, code: 105 };
		let kg =
			RuleWarning { administration: country(b"KG"), direction: Direction::Import, code: 203 };
		assert_eq!(Documents::<Test>::get(id(1)).unwrap().warnings.into_inner(), [kz, kg]);
		System::assert_has_event(Event::RuleWarned { id: id(1), warning: kz }.into());
		System::assert_last_event(Event::RuleWarned { id: id(1), warning: kg }.into());
		let verification = Certificates::verify(id(1)).unwrap();
		assert_eq!(verification.warnings, [kz, kg]);
	});
}

#[test]
fn a_contract_that_fails_refuses_the_registration() {
	new_test_ext().execute_with(|| {
		for failure in [RuleFailure::Trapped, RuleFailure::OutOfGas, RuleFailure::BadAnswer] {
			set_answer(RULES, Err(failure));
			kz_export_rules(RULES);
			let refused =
				Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None).unwrap_err();
			assert_eq!(
				refused.error,
				Error::<Test>::RulesFailed { direction: Direction::Export, failure }.into()
			);
			assert!(Documents::<Test>::get(id(1)).is_none());
		}
		// Removing the rules lets documents through unjudged again.
		assert_ok!(Certificates::set_rules(
			signed(KZ),
			DocumentKind::Origin,
			Direction::Export,
			None
		));
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None));
	});
}

#[test]
fn replacing_and_endorsing_are_judged_too() {
	new_test_ext().execute_with(|| {
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None));
		set_answer(RULES, Ok(Verdict::Reject(102)));
		kz_export_rules(RULES);
		assert_noop!(
			Certificates::replace(signed(KZ_ISSUER), id(1), id(2), facts("A-2"), None)
				.map_err(|e| e.error),
			Error::<Test>::RejectedByRules { direction: Direction::Export, code: 102 }
		);
		assert_ok!(Certificates::apply(signed(KZ_EXPORTER), id(3), facts("B")));
		assert_noop!(
			Certificates::endorse(signed(KZ_ISSUER), id(3), facts("B"), None).map_err(|e| e.error),
			Error::<Test>::RejectedByRules { direction: Direction::Export, code: 102 }
		);
		// The issuer gives the production facts it verified; the contract sees them.
		set_answer(RULES, Ok(Verdict::Accept));
		asked();
		assert_ok!(Certificates::endorse(signed(KZ_ISSUER), id(3), facts("B"), Some(production())));
		assert!(asked()[0].2.production.is_some());
		assert_ok!(Certificates::replace(
			signed(KZ_ISSUER),
			id(1),
			id(2),
			facts("A-2"),
			Some(production())
		));
		assert_eq!(asked()[0].2.production, Some(crate::rules::production_input(&production())));
	});
}

#[test]
fn production_facts_are_checked() {
	new_test_ext().execute_with(|| {
		let mut bad = production();
		bad.materials[0].hs = HsCode(*b"990000");
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), Some(bad))
				.map_err(|e| e.error),
			Error::<Test>::InvalidMaterial
		);
		let mut bad = production();
		bad.materials[0].origin = *b"XX";
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), Some(bad))
				.map_err(|e| e.error),
			Error::<Test>::InvalidMaterial
		);
		assert_noop!(
			Certificates::register(signed(KZ_OFFICER), id(1), facts("A"), Some(production()))
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		// The declared weight grows with the materials; without rules, little is used.
		let declared = Certificates::production_weight(&Some(production()));
		assert!(declared.all_gt(Weight::zero()));
	});
}

#[test]
fn refusals_before_the_contracts_are_charged_without_them() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(Verdict::Accept));
		kz_export_rules(RULES);
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None));
		asked();
		let base = <crate::weights::TamgaWeight<Test> as crate::WeightInfo>::register();
		for (who, number, error) in [
			(KZ_ISSUER, "B", Error::<Test>::DuplicateDocument),
			(KG_OFFICER, "C", Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)),
		] {
			let refused =
				Certificates::register(signed(who), id(1), facts(number), None).unwrap_err();
			let name = format!("{error:?}");
			assert_eq!(refused.error, error.into());
			assert_eq!(refused.post_info.actual_weight, Some(base), "{name}");
		}
		assert!(asked().is_empty(), "no contract was asked");
	});
}

#[test]
fn an_administration_that_left_judges_nothing() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(Verdict::Reject(202)));
		kg_import_rules(RULES);
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None).map_err(|e| e.error),
			Error::<Test>::RejectedByRules { direction: Direction::Import, code: 202 }
		);
		assert_ok!(Governance::remove_administration(
			pallet_tamga_governance_testing::unanimous(4),
			*b"KG"
		));
		asked();
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None));
		assert!(asked().is_empty(), "KG's contract is no longer asked");
	});
}
