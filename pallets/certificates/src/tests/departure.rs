//! Leaving carried through: documents of a departed administration's issuers and of
//! issuers the consortium voided read as void and cannot be used; the departed
//! administration's rule slots end with it.

use frame_support::{assert_noop, assert_ok};
use pallet_tamga_governance::{DocumentKind, Voiding};

use super::{id, register, signed};
use crate::{
	merkle, mock::*, BatchValidity, CertificateKind, Direction, Error, RuleContracts, Validity,
};

fn consortium() -> RuntimeOrigin {
	pallet_tamga_governance_testing::unanimous(2)
}

fn validity(n: u8) -> Validity<u64> {
	Certificates::verify(id(n)).expect("anchored").validity
}

#[test]
fn a_document_of_a_departed_administrations_issuer_is_void_and_cannot_be_used() {
	new_test_ext().execute_with(|| {
		register(1);
		let ids: Vec<_> = (0..4u8).map(|n| sp_core::H256::repeat_byte(0xb0 + n)).collect();
		let root = merkle::root(&ids).unwrap();
		let proof = merkle::proof(&ids, 2).unwrap();
		assert_ok!(Certificates::register_batch(signed(KZ_ISSUER), root, 4, CertificateKind::EUR1));
		assert_eq!(validity(1), Validity::Valid);
		System::set_block_number(5);
		assert_ok!(Governance::remove_administration(consortium(), *b"KZ"));
		let left = Voiding::AdministrationLeft { at: 5 };
		assert_eq!(validity(1), Validity::Void(left));
		assert_eq!(
			Certificates::verify_batch_member(root, ids[2], &proof),
			BatchValidity::Void(left)
		);
		assert_eq!(
			Certificates::verify_batch_member(root, ids[1], &proof),
			BatchValidity::NotAMember,
			"a wrong proof still says so first"
		);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), sp_core::H256::zero(), 10),
			Error::<Test>::IssuerAdministrationLeft
		);
		// KZ is admitted again: its earlier issuers' documents stay void.
		System::set_block_number(6);
		assert_ok!(Governance::admit_administration(
			consortium(),
			*b"KZ",
			b"Kazakhstan".to_vec(),
			vec![KZ]
		));
		assert_eq!(validity(1), Validity::Void(left));
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), sp_core::H256::zero(), 10),
			Error::<Test>::IssuerAdministrationLeft
		);
	});
}

#[test]
fn documents_the_consortium_voided_are_void_and_cannot_be_used() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), sp_core::H256::zero(), 10));
		System::set_block_number(3);
		assert_ok!(Governance::void_documents(consortium(), KZ_ISSUER));
		assert_eq!(validity(1), Validity::Void(Voiding::VoidedByConsortium { at: 3 }));
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), sp_core::H256::zero(), 10),
			Error::<Test>::DocumentsVoided
		);
		frame_support::assert_err_ignore_postinfo!(
			Certificates::register(signed(KZ_ISSUER), id(2), super::facts("KZ-2"), None),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Revoked)
		);
	});
}

#[test]
fn a_departed_administrations_rule_slots_end_and_are_not_revived() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(tamga_rules::Verdict::Accept));
		for direction in [Direction::Export, Direction::Import] {
			assert_ok!(Certificates::set_rules(
				signed(KZ),
				DocumentKind::Origin,
				direction,
				Some(RULES)
			));
		}
		let kz = pallet_tamga_governance::CountryCode::new(*b"KZ").unwrap();
		assert_eq!(RuleContracts::<Test>::iter_prefix(kz).count(), 2);
		assert_ok!(Governance::remove_administration(consortium(), *b"KZ"));
		assert_eq!(RuleContracts::<Test>::iter_prefix(kz).count(), 0);
		assert_ok!(Governance::admit_administration(
			consortium(),
			*b"KZ",
			b"Kazakhstan".to_vec(),
			vec![KZ]
		));
		assert_eq!(RuleContracts::<Test>::iter_prefix(kz).count(), 0);
	});
}
