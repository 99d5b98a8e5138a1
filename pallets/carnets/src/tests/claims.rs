//! `raise_claim`, `settle_claim`, `discharge_claim`.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

use super::*;
use crate::{CarnetState, ClaimStatus, Claims, Error};

fn kg() -> pallet_tamga_governance::CountryCode {
	pallet_tamga_governance::CountryCode::new(*b"KG").unwrap()
}

/// The test carnet with 3 items imported into KG, then expired.
fn left_open_past_expiry() {
	issue();
	assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 3));
	assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 3));
	set_day(91);
}

#[test]
fn claims_are_raised_only_after_expiry_by_a_country_holding_goods() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 3));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 3));
		assert_noop!(Carnets::raise_claim(signed(KG), number(NUMBER)), Error::<Test>::NotExpired);
		set_day(91);
		assert_eq!(Carnets::state(&carnet()), CarnetState::Expired);
		assert_noop!(Carnets::raise_claim(signed(UZ), number(NUMBER)), Error::<Test>::NothingOpen);
		assert_noop!(Carnets::raise_claim(signed(KZ), number(NUMBER)), Error::<Test>::NothingOpen);
		assert_noop!(
			Carnets::raise_claim(signed(KG_OFFICER), number(NUMBER)),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
		);
		assert_noop!(
			Carnets::raise_claim(signed(KG), number("KZ/none")),
			Error::<Test>::UnknownCarnet
		);
		assert_ok!(Carnets::raise_claim(signed(KG), number(NUMBER)));
		let claim = Claims::<Test>::get(number(NUMBER), kg()).unwrap();
		assert_eq!(
			(claim.association, claim.items, claim.status),
			(KZ_ASSOCIATION, 3, ClaimStatus::Raised)
		);
		assert_noop!(
			Carnets::raise_claim(signed(KG), number(NUMBER)),
			Error::<Test>::DuplicateClaim
		);
	});
}

#[test]
fn a_claim_is_settled_by_the_claiming_administration_only_once() {
	new_test_ext().execute_with(|| {
		left_open_past_expiry();
		assert_noop!(
			Carnets::settle_claim(signed(KG), number(NUMBER)),
			Error::<Test>::UnknownClaim
		);
		assert_ok!(Carnets::raise_claim(signed(KG), number(NUMBER)));
		assert_noop!(
			Carnets::settle_claim(signed(KZ), number(NUMBER)),
			Error::<Test>::UnknownClaim
		);
		assert_noop!(
			Carnets::settle_claim(signed(KZ_ASSOCIATION), number(NUMBER)),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)
		);
		assert_ok!(Carnets::settle_claim(signed(KG), number(NUMBER)));
		assert_eq!(Claims::<Test>::get(number(NUMBER), kg()).unwrap().status, ClaimStatus::Settled);
		assert_noop!(Carnets::settle_claim(signed(KG), number(NUMBER)), Error::<Test>::ClaimClosed);
		assert_noop!(
			Carnets::discharge_claim(signed(KG), number(NUMBER), H256::zero()),
			Error::<Test>::ClaimClosed
		);
	});
}

#[test]
fn only_the_claiming_administration_settles_or_discharges() {
	new_test_ext().execute_with(|| {
		left_open_past_expiry();
		assert_ok!(Carnets::raise_claim(signed(KG), number(NUMBER)));
		let evidence = H256::repeat_byte(0xee);
		for (who, error) in [
			(OUTSIDER, Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)),
			(KG_OFFICER, Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)),
			(KZ_ASSOCIATION, Error::<Test>::Denied(pallet_tamga_governance::Denied::NotMember)),
			(KZ, Error::<Test>::UnknownClaim),
			(UZ, Error::<Test>::UnknownClaim),
		] {
			let error = sp_runtime::DispatchError::from(error);
			assert_noop!(Carnets::discharge_claim(signed(who), number(NUMBER), evidence), error);
			assert_noop!(Carnets::settle_claim(signed(who), number(NUMBER)), error);
		}
	});
}

#[test]
fn a_claim_is_discharged_with_evidence_and_the_carnet_can_then_close() {
	new_test_ext().execute_with(|| {
		left_open_past_expiry();
		assert_ok!(Carnets::raise_claim(signed(KG), number(NUMBER)));
		// A raised claim keeps the carnet open.
		assert_noop!(
			Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)),
			Error::<Test>::GoodsStillHeld
		);
		let evidence = H256::repeat_byte(0xee);
		assert_ok!(Carnets::discharge_claim(signed(KG), number(NUMBER), evidence));
		let claim = Claims::<Test>::get(number(NUMBER), kg()).unwrap();
		assert_eq!(claim.status, ClaimStatus::Discharged { evidence });
		assert_eq!(claim.closed_at, Some(1));
		assert_ok!(Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)));
		assert_noop!(Carnets::raise_claim(signed(KG), number(NUMBER)), Error::<Test>::CarnetClosed);
	});
}
