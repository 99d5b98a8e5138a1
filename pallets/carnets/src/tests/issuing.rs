//! `issue` and `close`.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

use super::*;
use crate::{types::Action, CarnetState, Error};

#[test]
fn an_association_issues_a_carnet_with_empty_balances() {
	new_test_ext().execute_with(|| {
		issue();
		let carnet = carnet();
		assert_eq!(carnet.association, KZ_ASSOCIATION);
		assert_eq!(carnet.home.as_bytes(), b"KZ");
		assert_eq!((carnet.items, carnet.at_home(), carnet.in_motion()), (10, 10, 0));
		assert_eq!(held(b"KG"), (0, 0));
		assert_eq!(held(b"TJ"), (0, 0));
		assert_eq!(Carnets::state(&carnet), CarnetState::Open);
		let history = full_history(NUMBER);
		assert_eq!(history.len(), 1);
		assert_eq!((history[0].actor, history[0].action), (KZ_ASSOCIATION, Action::Issued));
	});
}

#[test]
fn only_an_accredited_association_issues() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			issue_as(OUTSIDER, NUMBER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(
			issue_as(KZ_OFFICER, NUMBER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_noop!(
			issue_as(KZ_ORIGIN_ISSUER, NUMBER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::KindNotAccredited)
		);
		assert_ok!(Governance::suspend(signed(KZ), KZ_ASSOCIATION));
		assert_noop!(
			issue_as(KZ_ASSOCIATION, NUMBER),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Suspended)
		);
	});
}

#[test]
fn numbers_are_printable_start_with_the_country_and_are_unique() {
	new_test_ext().execute_with(|| {
		assert_noop!(issue_as(KZ_ASSOCIATION, ""), Error::<Test>::InvalidNumber);
		assert_noop!(issue_as(KZ_ASSOCIATION, "KZ/\n1"), Error::<Test>::InvalidNumber);
		assert_noop!(issue_as(KZ_ASSOCIATION, "KZ/1 "), Error::<Test>::InvalidNumber);
		assert_noop!(issue_as(KZ_ASSOCIATION, "KG/2024/1"), Error::<Test>::NumberCountryMismatch);
		assert_noop!(issue_as(KZ_ASSOCIATION, "KZX1"), Error::<Test>::NumberCountryMismatch);
		assert_noop!(issue_as(KZ_ASSOCIATION, "KZ/"), Error::<Test>::NumberCountryMismatch);
		issue();
		assert_noop!(issue_as(KZ_ASSOCIATION, NUMBER), Error::<Test>::DuplicateCarnet);
	});
}

fn issue_with(
	countries: &[&[u8; 2]],
	items: u32,
	from: u32,
	until: u32,
) -> frame_support::dispatch::DispatchResult {
	Carnets::issue(
		signed(KZ_ASSOCIATION),
		number(NUMBER),
		H256::zero(),
		super::countries(countries),
		items,
		H256::zero(),
		from,
		until,
	)
}

#[test]
fn countries_of_use_are_assigned_distinct_and_foreign() {
	new_test_ext().execute_with(|| {
		assert_noop!(issue_with(&[], 1, TODAY, TODAY), Error::<Test>::NoCountries);
		assert_noop!(issue_with(&[b"XX"], 1, TODAY, TODAY), Error::<Test>::UnknownCountry);
		assert_noop!(issue_with(&[b"KG", b"KG"], 1, TODAY, TODAY), Error::<Test>::DuplicateCountry);
		assert_noop!(
			issue_with(&[b"KG", b"KZ"], 1, TODAY, TODAY),
			Error::<Test>::IssuingCountryListed
		);
		assert_noop!(issue_with(&[b"KG"], 0, TODAY, TODAY), Error::<Test>::NoItems);
	});
}

#[test]
fn validity_is_at_most_one_year_and_not_over() {
	new_test_ext().execute_with(|| {
		// TODAY is 2024-10-04: the anniversary 2025-10-04 is 365 days later.
		assert_noop!(
			issue_with(&[b"KG"], 1, TODAY, TODAY + 365),
			Error::<Test>::ValidityOverOneYear
		);
		assert_noop!(issue_with(&[b"KG"], 1, TODAY, TODAY - 1), Error::<Test>::InvalidValidity);
		assert_noop!(
			issue_with(&[b"KG"], 1, TODAY - 10, TODAY - 1),
			Error::<Test>::InvalidValidity
		);
		assert_ok!(issue_with(&[b"KG"], 1, TODAY, TODAY + 364));
	});
}

#[test]
fn a_carnet_issued_for_later_takes_no_vouchers_yet() {
	new_test_ext().execute_with(|| {
		assert_ok!(issue_with(&[b"KG"], 1, TODAY + 5, TODAY + 50));
		assert_eq!(Carnets::state(&carnet()), CarnetState::NotYetValid);
		assert_noop!(
			voucher(KZ_OFFICER, Voucher::Exportation, 1),
			Error::<Test>::CarnetNotYetValid
		);
	});
}

#[test]
fn the_association_closes_a_carnet_whose_goods_are_home() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 4));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 4));
		assert_noop!(
			Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)),
			Error::<Test>::GoodsStillHeld
		);
		assert_ok!(voucher(KG_OFFICER, Voucher::ReExportation, 4));
		assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 4));
		assert_ok!(Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)));
		assert_eq!(Carnets::state(&carnet()), CarnetState::Closed);
		assert_noop!(voucher(KZ_OFFICER, Voucher::Exportation, 1), Error::<Test>::CarnetClosed);
		assert_noop!(
			Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)),
			Error::<Test>::CarnetClosed
		);
	});
}

#[test]
fn goods_in_motion_keep_the_carnet_open_until_expiry() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 2));
		// Exported, not yet imported anywhere: closing now would void KG's importation.
		assert_noop!(
			Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)),
			Error::<Test>::GoodsInMotion
		);
		set_day(91);
		assert_ok!(Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)));
	});
}

#[test]
fn the_administration_may_close_but_no_other_country_or_party() {
	new_test_ext().execute_with(|| {
		issue();
		assert_noop!(Carnets::close(signed(KG), number(NUMBER)), Error::<Test>::NotAssociation);
		assert_noop!(
			Carnets::close(signed(KZ_OFFICER), number(NUMBER)),
			Error::<Test>::NotAssociation
		);
		assert_noop!(
			Carnets::close(signed(OUTSIDER), number(NUMBER)),
			Error::<Test>::NotAssociation
		);
		assert_noop!(Carnets::close(signed(KZ), number("KZ/none")), Error::<Test>::UnknownCarnet);
		// A suspended association no longer closes; its administration still can.
		assert_ok!(Governance::suspend(signed(KZ), KZ_ASSOCIATION));
		assert_noop!(
			Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::Suspended)
		);
		assert_ok!(Carnets::close(signed(KZ), number(NUMBER)));
	});
}
