//! The registry of document types: phytosanitary certificates (built in), types the
//! consortium adds, what each entry requires, and the migration that fills the registry
//! on chains older than it.

use frame_support::{
	assert_noop, assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use sp_runtime::DispatchError;
use tamga_primitives::{Denied, DocumentKind, Role};

use super::*;
use crate::{
	migrations, verification::Validity, DocumentType, DocumentTypeCount, DocumentTypes, Error,
	Event, Pallet, TypeName,
};

/// A conformity certificate: no HS codes required, uses not bounded.
fn conformity() -> DocumentType {
	DocumentType {
		name: TypeName::truncate_from(b"conformity".to_vec()),
		un_code: 2,
		accreditation: DocumentKind::Conformity,
		author: Role::Issuer,
		hs_codes_required: false,
		bounded_uses: false,
	}
}

fn phyto_facts(number: &str) -> FactsOf<Test> {
	FactsOf::<Test> { kind: CertificateKind::PHYTOSANITARY, ..facts(number) }
}

#[test]
fn a_phytosanitary_certificate_lives_as_a_veterinary_one_does() {
	new_test_ext().execute_with(|| {
		// An issuer of origin and veterinary certificates may not issue it.
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), phyto_facts("PH-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(Denied::KindNotAccredited)
		);
		assert_ok!(Certificates::register(signed(KZ_PHYTO), id(1), phyto_facts("PH-1"), None));
		// Nor may the plant-protection organisation issue a certificate of origin.
		assert_noop!(
			Certificates::register(signed(KZ_PHYTO), id(2), facts("CT-2"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(Denied::KindNotAccredited)
		);
		let verdict = Certificates::verify(id(1)).unwrap();
		assert_eq!(
			(verdict.kind, verdict.validity),
			(CertificateKind::PHYTOSANITARY, Validity::Valid)
		);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 1_000));
		assert_eq!(Certificates::verify(id(1)).unwrap().validity, Validity::UsedUp);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 1),
			Error::<Test>::QuantityExceeded
		);
		// Its re-export form is another built-in type of the same accreditation.
		let reexport =
			FactsOf::<Test> { kind: CertificateKind::PHYTOSANITARY_REEXPORT, ..facts("PH-2") };
		assert_ok!(Certificates::register(signed(KZ_PHYTO), id(3), reexport, None));
		assert_ok!(Certificates::revoke(
			signed(KZ_PHYTO),
			id(3),
			crate::RevocationReason::IssuedInError,
			H256::zero()
		));
	});
}

#[test]
fn only_the_consortium_adds_a_document_type() {
	new_test_ext().execute_with(|| {
		for who in [KZ, KZ_ISSUER, OUTSIDER] {
			assert_noop!(
				Certificates::add_document_type(signed(who), conformity()),
				DispatchError::BadOrigin
			);
		}
		System::set_block_number(1);
		assert_ok!(Certificates::add_document_type(RuntimeOrigin::root(), conformity()));
		let kind = CertificateKind(CertificateKind::BUILT_IN_COUNT);
		assert_eq!(DocumentTypes::<Test>::get(kind), Some(conformity()));
		assert_eq!(DocumentTypeCount::<Test>::get(), 9);
		System::assert_last_event(
			Event::<Test>::DocumentTypeAdded { kind, name: conformity().name }.into(),
		);
		assert_eq!(Pallet::<Test>::document_types().len(), 9);
	});
}

#[test]
fn a_type_added_by_vote_is_anchored_with_what_it_requires() {
	new_test_ext().execute_with(|| {
		let kind = CertificateKind(CertificateKind::BUILT_IN_COUNT);
		let certificate =
			FactsOf::<Test> { kind, hs_codes: Default::default(), quantity: 0, ..facts("Q-1") };
		// Unknown before the vote.
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), certificate.clone(), None)
				.map_err(|e| e.error),
			Error::<Test>::UnknownDocumentType
		);
		assert_ok!(Certificates::add_document_type(RuntimeOrigin::root(), conformity()));
		// KZ_ISSUER holds no conformity accreditation.
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), certificate.clone(), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(Denied::KindNotAccredited)
		);
		// No HS code and no quantity: this type requires neither.
		assert_ok!(Certificates::register(signed(KZ_CONFORMITY), id(1), certificate, None));
		assert_eq!(Certificates::verify(id(1)).unwrap().validity, Validity::Valid);
		// Its uses are counted, never bounded.
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 5_000));
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 7));
		let record = Documents::<Test>::get(id(1)).unwrap();
		assert_eq!(record.used, 5_007);
		assert_eq!(Certificates::verify(id(1)).unwrap().validity, Validity::Valid);
		// A built-in type still requires both.
		let no_hs = FactsOf::<Test> { hs_codes: Default::default(), ..facts("CT-9") };
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(2), no_hs, None).map_err(|e| e.error),
			Error::<Test>::NoHsCodes
		);
		let no_quantity = FactsOf::<Test> { quantity: 0, ..facts("CT-9") };
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(2), no_quantity, None)
				.map_err(|e| e.error),
			Error::<Test>::ZeroQuantity
		);
	});
}

#[test]
fn malformed_or_duplicate_types_are_refused() {
	new_test_ext().execute_with(|| {
		let root = || RuntimeOrigin::root();
		let with = |change: fn(&mut DocumentType)| {
			let mut entry = conformity();
			change(&mut entry);
			entry
		};
		let cases: [(DocumentType, Error<Test>); 5] = [
			(
				with(|e| e.name = TypeName::truncate_from(b"no spaces".to_vec())),
				Error::InvalidTypeName,
			),
			(with(|e| e.un_code = 1_000), Error::InvalidUnCode),
			(
				with(|e| e.accreditation = DocumentKind::AtaGuarantee),
				Error::NotACertificateAccreditation,
			),
			(with(|e| e.author = Role::Officer), Error::InvalidTypeAuthor),
			// A built-in name, spelt otherwise.
			(
				with(|e| e.name = TypeName::truncate_from(b"PHYTO-reexport".to_vec())),
				Error::DuplicateTypeName,
			),
		];
		for (entry, error) in cases {
			assert_noop!(Certificates::add_document_type(root(), entry), error);
		}
	});
}

#[test]
fn the_registry_holds_at_most_256_types() {
	new_test_ext().execute_with(|| {
		for n in CertificateKind::BUILT_IN_COUNT as u16..256 {
			let entry = DocumentType {
				name: TypeName::truncate_from(format!("type-{n}").into_bytes()),
				..conformity()
			};
			assert_ok!(Certificates::add_document_type(RuntimeOrigin::root(), entry));
		}
		assert_eq!(
			DocumentTypes::<Test>::get(CertificateKind(255)).unwrap().name.as_slice(),
			b"type-255"
		);
		let one_more =
			DocumentType { name: TypeName::truncate_from(b"type-256".to_vec()), ..conformity() };
		assert_noop!(
			Certificates::add_document_type(RuntimeOrigin::root(), one_more),
			Error::<Test>::RegistryFull
		);
	});
}

#[test]
fn migration_v2_fills_the_registry_of_an_older_chain_once() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_ok!(Certificates::register(signed(KZ_PHYTO), id(2), phyto_facts("PH-2"), None));
		// The chain as runtime 113 left it: no registry, storage version 1.
		let _ = DocumentTypes::<Test>::clear(u32::MAX, None);
		DocumentTypeCount::<Test>::kill();
		StorageVersion::new(1).put::<Pallet<Test>>();
		let revoke = || {
			Certificates::revoke(
				signed(KZ_ISSUER),
				id(1),
				crate::RevocationReason::IssuedInError,
				H256::zero(),
			)
		};
		assert_noop!(revoke(), Error::<Test>::UnknownDocumentType);

		migrations::v2::Migration::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		for kind in CertificateKind::built_ins() {
			assert_eq!(DocumentTypes::<Test>::get(kind), kind.built_in());
		}
		assert_eq!(DocumentTypeCount::<Test>::get(), 8);
		// The records written before decode and act as before.
		assert_eq!(Certificates::verify(id(1)).unwrap().validity, Validity::Valid);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 1));
		assert_eq!(Certificates::verify(id(2)).unwrap().kind, CertificateKind::PHYTOSANITARY);

		// A second run changes nothing: the version says it ran.
		assert_ok!(Certificates::add_document_type(RuntimeOrigin::root(), conformity()));
		let _ = DocumentTypes::<Test>::clear(1, None);
		let left = DocumentTypes::<Test>::iter().count();
		migrations::v2::Migration::<Test>::on_runtime_upgrade();
		assert_eq!(DocumentTypes::<Test>::iter().count(), left);
	});
}

#[test]
fn phytosanitary_certificates_have_rule_slots_of_their_own() {
	new_test_ext().execute_with(|| {
		set_answer(RULES, Ok(tamga_rules::Verdict::Accept));
		assert_ok!(Certificates::set_rules(
			signed(KZ),
			DocumentKind::Phytosanitary,
			crate::Direction::Export,
			Some(RULES)
		));
		// Origin documents are not judged by the phytosanitary slot.
		assert_ok!(Certificates::register(signed(KZ_ISSUER), id(1), facts("CT-1"), None));
		assert!(asked().is_empty());
		assert_ok!(Certificates::register(signed(KZ_PHYTO), id(2), phyto_facts("PH-1"), None));
		let asked = asked();
		assert_eq!(asked.len(), 1);
		assert_eq!(asked[0].2.kind, tamga_rules::DocumentKind::Phytosanitary);
		assert_eq!(asked[0].2.form, tamga_rules::Form::Phytosanitary);
		// Conformity certificates and licences have no rule slots.
		for kind in [DocumentKind::Conformity, DocumentKind::Licensing] {
			assert_noop!(
				Certificates::set_rules(signed(KZ), kind, crate::Direction::Import, Some(RULES)),
				Error::<Test>::NoRulesForKind
			);
		}
	});
}
