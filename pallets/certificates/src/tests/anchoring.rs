//! Issuers anchor, replace, revoke; officers use; batches; verification.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError;
use tamga_primitives::HsCode;

use codec::{Decode, Encode};

use super::{country, facts, id, register, signed, status};
use crate::{
	merkle, mock::*, types::Action, CertificateKind, Documents, Error, Event, FactsOf, History,
	RevocationReason, Status,
};

// ---- register ----

#[test]
fn an_accredited_issuer_registers_a_certificate_with_its_history() {
	new_test_ext().execute_with(|| {
		register(1);
		let record = Documents::<Test>::get(id(1)).unwrap();
		assert_eq!((record.issuer, record.status, record.used), (KZ_ISSUER, Status::Issued, 0));
		let history = History::<Test>::get(id(1));
		assert_eq!(history.len(), 1);
		assert_eq!(
			(history[0].actor, history[0].action, history[0].block),
			(KZ_ISSUER, Action::Registered, 1)
		);
		System::assert_last_event(
			Event::Registered { id: id(1), issuer: KZ_ISSUER, kind: CertificateKind::EAEU_CT1 }
				.into(),
		);
	});
}

#[test]
fn only_accredited_issuers_of_the_kind_and_country_register() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Certificates::register(signed(OUTSIDER), id(1), facts("A"), None).map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(
			Certificates::register(signed(KG_OFFICER), id(1), facts("A"), None)
				.map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		// KG's issuer is accredited for origin only, and only for KG exports.
		let mut vet = facts("V");
		vet.kind = CertificateKind::VETERINARY;
		vet.exporting = country(b"KG");
		vet.importing = country(b"KZ");
		assert_noop!(
			Certificates::register(signed(KG_ISSUER), id(1), vet, None).map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::KindNotAccredited)
		);
		assert_noop!(
			Certificates::register(signed(KG_ISSUER), id(1), facts("A"), None).map_err(|e| e.error),
			Error::<Test>::ExportingCountryMismatch
		);
		assert_noop!(
			Certificates::register(RuntimeOrigin::none(), id(1), facts("A"), None)
				.map_err(|e| e.error),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_suspended_or_cut_off_issuer_cannot_register() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::suspend(signed(KZ), KZ_ISSUER));
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None).map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Suspended)
		);
		assert_ok!(Governance::reinstate(signed(KZ), KZ_ISSUER));
		assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_ISSUER, 0));
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), facts("A"), None).map_err(|e| e.error),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::AfterKeyCutoff)
		);
	});
}

#[test]
fn registration_validates_every_fact() {
	new_test_ext().execute_with(|| {
		let bad = |change: fn(&mut FactsOf<Test>), error: Error<Test>| {
			let mut f = facts("B");
			change(&mut f);
			assert_noop!(
				Certificates::register(signed(KZ_ISSUER), id(9), f, None).map_err(|e| e.error),
				error
			);
		};
		bad(|f| f.number = Default::default(), Error::<Test>::EmptyNumber);
		bad(|f| f.importing = country(b"KZ"), Error::<Test>::SameCountry);
		bad(|f| f.hs_codes = Default::default(), Error::<Test>::NoHsCodes);
		bad(
			|f| f.hs_codes = vec![HsCode(*b"12345A")].try_into().unwrap(),
			Error::<Test>::InvalidHsCode,
		);
		bad(
			|f| f.hs_codes = vec![HsCode(*b"990000")].try_into().unwrap(),
			Error::<Test>::InvalidHsCode,
		);
		bad(
			|f| f.hs_codes = vec![HsCode(*b"000101")].try_into().unwrap(),
			Error::<Test>::InvalidHsCode,
		);
		bad(|f| f.valid_until = f.valid_from - 1, Error::<Test>::InvalidValidity);
		bad(|f| f.quantity = 0, Error::<Test>::ZeroQuantity);
		bad(|f| f.unit = *b"kg ", Error::<Test>::InvalidUnit);
		// An unassigned country does not even decode, so a call carrying one is refused
		// before it is dispatched.
		let mut bytes = facts("B").encode();
		assert!(FactsOf::<Test>::decode(&mut &bytes[..]).is_ok());
		let at = bytes.windows(4).position(|w| w == b"KZKG").expect("the two countries") + 2;
		bytes[at..at + 2].copy_from_slice(b"XX");
		assert!(FactsOf::<Test>::decode(&mut &bytes[..]).is_err());
	});
}

#[test]
fn ids_and_numbers_are_unique() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(1), facts("other"), None)
				.map_err(|e| e.error),
			Error::<Test>::DuplicateDocument
		);
		assert_noop!(
			Certificates::register(signed(KZ_ISSUER), id(2), facts("KZ-1"), None)
				.map_err(|e| e.error),
			Error::<Test>::DuplicateNumber
		);
		// Another issuer may use the same number.
		let mut kg = facts("KZ-1");
		(kg.exporting, kg.importing) = (country(b"KG"), country(b"KZ"));
		assert_ok!(Certificates::register(signed(KG_ISSUER), id(2), kg, None));
	});
}

// ---- replace ----

#[test]
fn the_issuer_replaces_a_certificate_and_both_link() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_ok!(Certificates::replace(
			signed(KZ_ISSUER),
			id(1),
			id(2),
			facts("KZ-1-corrected"),
			None
		));
		assert_eq!(status(1), Status::Replaced { by: id(2) });
		assert_eq!(Documents::<Test>::get(id(2)).unwrap().replaces, Some(id(1)));
		assert_eq!(
			History::<Test>::get(id(1)).last().unwrap().action,
			Action::Replaced { by: id(2) }
		);
		System::assert_last_event(Event::Replaced { id: id(1), by: id(2) }.into());
		assert_noop!(
			Certificates::replace(signed(KZ_ISSUER), id(1), id(3), facts("again"), None)
				.map_err(|e| e.error),
			Error::<Test>::DocumentReplaced
		);
	});
}

#[test]
fn only_the_issuer_replaces_and_only_a_known_document() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_noop!(
			Certificates::replace(signed(KG_ISSUER), id(1), id(2), facts("X"), None)
				.map_err(|e| e.error),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Certificates::replace(signed(KZ_ISSUER), id(7), id(2), facts("X"), None)
				.map_err(|e| e.error),
			Error::<Test>::UnknownDocument
		);
	});
}

// ---- revoke ----

#[test]
fn the_issuer_or_its_administration_revokes_and_nobody_else() {
	new_test_ext().execute_with(|| {
		register(1);
		register(2);
		let text = H256::repeat_byte(0x7e);
		assert_noop!(
			Certificates::revoke(signed(KG), id(1), RevocationReason::Fraud, text),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Certificates::revoke(signed(OUTSIDER), id(1), RevocationReason::Fraud, text),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Certificates::revoke(
			signed(KZ_ISSUER),
			id(1),
			RevocationReason::IssuedInError,
			text
		));
		assert_eq!(
			status(1),
			Status::Revoked { reason: RevocationReason::IssuedInError, text_hash: text }
		);
		assert_ok!(Certificates::revoke(signed(KZ), id(2), RevocationReason::Fraud, text));
		System::assert_last_event(
			Event::Revoked { id: id(2), reason: RevocationReason::Fraud }.into(),
		);
		assert_noop!(
			Certificates::revoke(signed(KZ_ISSUER), id(1), RevocationReason::Other, text),
			Error::<Test>::DocumentRevoked
		);
		assert_noop!(
			Certificates::revoke(signed(KZ_ISSUER), id(9), RevocationReason::Other, text),
			Error::<Test>::UnknownDocument
		);
	});
}

// ---- record_use ----

#[test]
fn officers_of_the_importing_country_use_up_to_the_declared_quantity() {
	new_test_ext().execute_with(|| {
		register(1);
		let declaration = H256::repeat_byte(0xdd);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), declaration, 600));
		System::assert_last_event(
			Event::Used { id: id(1), officer: KG_OFFICER, quantity: 600, remaining: 400 }.into(),
		);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), declaration, 401),
			Error::<Test>::QuantityExceeded
		);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), declaration, u128::MAX),
			Error::<Test>::QuantityExceeded
		);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), declaration, 0),
			Error::<Test>::ZeroUse
		);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), declaration, 400));
		assert_eq!(Documents::<Test>::get(id(1)).unwrap().used, 1_000);
		assert_eq!(
			History::<Test>::get(id(1)).last().unwrap().action,
			Action::Used { quantity: 400, declaration }
		);
	});
}

#[test]
fn another_countrys_officer_or_a_non_officer_cannot_record_a_use() {
	new_test_ext().execute_with(|| {
		register(1);
		let d = H256::zero();
		assert_noop!(
			Certificates::record_use(signed(KZ_OFFICER), id(1), d, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongCountry)
		);
		assert_noop!(
			Certificates::record_use(signed(KG_ISSUER), id(1), d, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_noop!(
			Certificates::record_use(signed(OUTSIDER), id(1), d, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(5), d, 1),
			Error::<Test>::UnknownDocument
		);
	});
}

#[test]
fn no_use_after_revocation_replacement_expiry_or_key_cut_off() {
	new_test_ext().execute_with(|| {
		let d = H256::zero();
		register(1);
		assert_ok!(Certificates::revoke(signed(KZ_ISSUER), id(1), RevocationReason::Fraud, d));
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), d, 1),
			Error::<Test>::DocumentRevoked
		);

		register(2);
		assert_ok!(Certificates::replace(signed(KZ_ISSUER), id(2), id(3), facts("KZ-3"), None));
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(2), d, 1),
			Error::<Test>::DocumentReplaced
		);

		set_clock((TODAY as u64 + 31) * 86_400);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(3), d, 1),
			Error::<Test>::DocumentExpired
		);
		set_clock((TODAY as u64 - 1) * 86_400);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(3), d, 1),
			Error::<Test>::DocumentNotYetValid
		);
		set_clock(TODAY as u64 * 86_400);

		// KZ cuts off its issuer's key at block 1: document 3, anchored at block 2, is void.
		System::set_block_number(2);
		register(4);
		assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_ISSUER, 1));
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(4), d, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::AfterKeyCutoff)
		);
	});
}

#[test]
fn a_full_history_refuses_uses_but_keeps_room_to_revoke() {
	new_test_ext().execute_with(|| {
		// MaxHistory is 6: registration, three uses, and two slots kept for the end.
		register(1);
		for _ in 0..3 {
			assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 1));
		}
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 1),
			Error::<Test>::HistoryFull
		);
		assert_ok!(Certificates::revoke(
			signed(KZ_ISSUER),
			id(1),
			RevocationReason::Fraud,
			H256::zero()
		));
		assert_eq!(History::<Test>::get(id(1)).len(), 5);
	});
}

#[test]
fn a_replacement_keeps_what_was_used_and_declares_at_least_that() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 900));
		let mut less = facts("KZ-2");
		less.quantity = 899;
		assert_noop!(
			Certificates::replace(signed(KZ_ISSUER), id(1), id(2), less, None).map_err(|e| e.error),
			Error::<Test>::QuantityBelowUsed
		);
		assert_ok!(Certificates::replace(signed(KZ_ISSUER), id(1), id(2), facts("KZ-2"), None));
		assert_eq!(Documents::<Test>::get(id(2)).unwrap().used, 900);
		assert_eq!(Certificates::verify(id(2)).unwrap().remaining, 100);
		assert_noop!(
			Certificates::record_use(signed(KG_OFFICER), id(2), H256::zero(), 101),
			Error::<Test>::QuantityExceeded
		);
	});
}

#[test]
fn a_cut_off_or_suspended_issuer_key_revokes_nothing_but_its_administration_can() {
	new_test_ext().execute_with(|| {
		register(1);
		System::set_block_number(5);
		assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_ISSUER, 3));
		assert_noop!(
			Certificates::revoke(signed(KZ_ISSUER), id(1), RevocationReason::Fraud, H256::zero()),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::AfterKeyCutoff)
		);
		assert_ok!(Certificates::revoke(signed(KZ), id(1), RevocationReason::Fraud, H256::zero()));
	});
	new_test_ext().execute_with(|| {
		register(1);
		assert_ok!(Governance::suspend(signed(KZ), KZ_ISSUER));
		assert_noop!(
			Certificates::revoke(signed(KZ_ISSUER), id(1), RevocationReason::Fraud, H256::zero()),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Suspended)
		);
		// The verdict warns that its issuer is no longer in good standing.
		assert!(!Certificates::verify(id(1)).unwrap().issuer_accredited);
	});
}

// ---- batches ----

fn batch_ids(n: u32) -> Vec<H256> {
	(0..n).map(|i| H256::from_low_u64_be(1_000 + i as u64)).collect()
}

#[test]
fn an_issuer_anchors_a_batch_and_revokes_one_member_with_its_proof() {
	new_test_ext().execute_with(|| {
		let ids = batch_ids(10);
		let root = merkle::root(&ids).unwrap();
		assert_ok!(Certificates::register_batch(
			signed(KZ_ISSUER),
			root,
			10,
			CertificateKind::FORM_A
		));
		System::assert_last_event(
			Event::BatchRegistered { root, issuer: KZ_ISSUER, count: 10 }.into(),
		);

		let proof = merkle::proof(&ids, 7).unwrap();
		let text = H256::zero();
		let reason = RevocationReason::NotCompliant;
		let wrong = merkle::proof(&ids, 6).unwrap();
		assert_noop!(
			Certificates::revoke_batch_member(signed(KZ_ISSUER), root, ids[7], wrong, reason, text),
			Error::<Test>::InvalidProof
		);
		assert_noop!(
			Certificates::revoke_batch_member(
				signed(KG),
				root,
				ids[7],
				proof.clone(),
				reason,
				text
			),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Certificates::revoke_batch_member(
			signed(KZ_ISSUER),
			root,
			ids[7],
			proof.clone(),
			reason,
			text
		));
		System::assert_last_event(Event::BatchMemberRevoked { root, id: ids[7], reason }.into());
		assert_noop!(
			Certificates::revoke_batch_member(
				signed(KZ),
				root,
				ids[7],
				proof.clone(),
				reason,
				text
			),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(
			Certificates::revoke_batch_member(
				signed(KZ_ISSUER),
				H256::zero(),
				ids[7],
				proof,
				reason,
				text
			),
			Error::<Test>::UnknownBatch
		);
	});
}

#[test]
fn batches_are_bounded_unique_and_for_accredited_issuers() {
	new_test_ext().execute_with(|| {
		let root = H256::repeat_byte(0xbb);
		let kind = CertificateKind::NON_PREFERENTIAL;
		assert_noop!(
			Certificates::register_batch(signed(KZ_ISSUER), root, 0, kind),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			Certificates::register_batch(signed(KZ_ISSUER), root, 1_001, kind),
			Error::<Test>::BatchTooLarge
		);
		assert_noop!(
			Certificates::register_batch(signed(KG_OFFICER), root, 5, kind),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_noop!(
			Certificates::register_batch(signed(KG_ISSUER), root, 5, CertificateKind::VETERINARY),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::KindNotAccredited)
		);
		assert_ok!(Certificates::register_batch(signed(KZ_ISSUER), root, 5, kind));
		assert_noop!(
			Certificates::register_batch(signed(KZ_ISSUER), root, 5, kind),
			Error::<Test>::DuplicateBatch
		);
	});
}

// ---- verification ----

mod verification {
	use super::*;
	use crate::{BatchValidity, Validity};

	fn validity(n: u8) -> Validity<u64> {
		Certificates::verify(id(n)).expect("anchored").validity
	}

	#[test]
	fn the_verdict_follows_the_documents_life() {
		new_test_ext().execute_with(|| {
			assert!(Certificates::verify(id(1)).is_none(), "unknown documents have no verdict");
			register(1);
			let v = Certificates::verify(id(1)).unwrap();
			assert_eq!(
				(v.validity, v.issuer, v.issuer_accredited),
				(Validity::Valid, KZ_ISSUER, true)
			);
			assert_eq!(
				(v.declared, v.remaining, v.exporting, v.importing),
				(1_000, 1_000, country(b"KZ"), country(b"KG"))
			);
			assert_eq!(v.issuer_name, b"Chamber of Commerce".to_vec());
			assert_eq!(v.administration_name, b"Kazakhstan".to_vec());
			assert_eq!((v.number, v.unit, v.on_application), (b"KZ-1".to_vec(), *b"KGM", false));
			assert_eq!(v.hs_codes, vec![HsCode(*b"100199"), HsCode(*b"020130")]);

			assert_ok!(Certificates::record_use(signed(KG_OFFICER), id(1), H256::zero(), 1_000));
			assert_eq!(validity(1), Validity::UsedUp);

			register(2);
			set_clock((TODAY as u64 + 31) * 86_400);
			assert_eq!(validity(2), Validity::Expired);
			set_clock((TODAY as u64 - 1) * 86_400);
			assert_eq!(validity(2), Validity::NotYetValid);
			set_clock(TODAY as u64 * 86_400);

			assert_ok!(Certificates::replace(signed(KZ_ISSUER), id(2), id(3), facts("KZ-3"), None));
			assert_eq!(validity(2), Validity::Replaced { by: id(3) });
			assert_eq!(Certificates::verify(id(3)).unwrap().replaces, Some(id(2)));
			assert_ok!(Certificates::revoke(
				signed(KZ_ISSUER),
				id(3),
				RevocationReason::Fraud,
				H256::zero()
			));
			assert_eq!(validity(3), Validity::Revoked { reason: RevocationReason::Fraud });
		});
	}

	#[test]
	fn documents_anchored_after_a_key_cut_off_verify_as_void() {
		new_test_ext().execute_with(|| {
			register(1);
			System::set_block_number(3);
			register(2);
			assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_ISSUER, 2));
			assert_eq!(validity(1), Validity::Valid, "anchored before the cut-off");
			assert_eq!(validity(2), Validity::IssuerKeyCutOff);
			assert_ok!(Governance::suspend(signed(KZ), KZ_ISSUER));
			assert!(!Certificates::verify(id(1)).unwrap().issuer_accredited);
		});
	}

	#[test]
	fn batch_members_verify_with_their_proofs() {
		new_test_ext().execute_with(|| {
			let ids = batch_ids(100);
			let root = merkle::root(&ids).unwrap();
			let proof = merkle::proof(&ids, 42).unwrap();
			assert_eq!(
				Certificates::verify_batch_member(root, ids[42], &proof),
				BatchValidity::UnknownBatch
			);
			assert_ok!(Certificates::register_batch(
				signed(KZ_ISSUER),
				root,
				100,
				CertificateKind::EUR1
			));
			assert_eq!(
				Certificates::verify_batch_member(root, ids[42], &proof),
				BatchValidity::Valid
			);
			assert_eq!(
				Certificates::verify_batch_member(root, ids[41], &proof),
				BatchValidity::NotAMember
			);
			let reason = RevocationReason::IssuedInError;
			assert_ok!(Certificates::revoke_batch_member(
				signed(KZ_ISSUER),
				root,
				ids[42],
				proof.clone(),
				reason,
				H256::zero()
			));
			assert_eq!(
				Certificates::verify_batch_member(root, ids[42], &proof),
				BatchValidity::Revoked { reason }
			);
			assert_ok!(Governance::set_key_cutoff(signed(KZ), KZ_ISSUER, 0));
			let other = merkle::proof(&ids, 7).unwrap();
			assert_eq!(
				Certificates::verify_batch_member(root, ids[7], &other),
				BatchValidity::IssuerKeyCutOff
			);
		});
	}
}
