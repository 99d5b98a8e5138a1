//! `record_voucher`: every rule of `crate::vouchers`.

use frame_support::{assert_noop, assert_ok};

use super::*;
use crate::{types::Action, Error};

#[test]
fn exportation_and_reimportation_belong_to_the_issuing_country() {
	new_test_ext().execute_with(|| {
		issue();
		assert_noop!(
			voucher(KG_OFFICER, Voucher::Exportation, 1),
			Error::<Test>::NotIssuingCountry
		);
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 3));
		assert_eq!((carnet().at_home(), carnet().in_motion()), (7, 3));
		assert_noop!(
			voucher(KG_OFFICER, Voucher::ReImportation, 1),
			Error::<Test>::NotIssuingCountry
		);
		assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 3));
		assert_eq!((carnet().at_home(), carnet().in_motion()), (10, 0));
	});
}

#[test]
fn no_more_is_exported_than_is_at_home() {
	new_test_ext().execute_with(|| {
		issue();
		assert_noop!(
			voucher(KZ_OFFICER, Voucher::Exportation, 11),
			Error::<Test>::ExceedsItemsAtHome
		);
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 10));
		assert_noop!(
			voucher(KZ_OFFICER, Voucher::Exportation, 1),
			Error::<Test>::ExceedsItemsAtHome
		);
	});
}

#[test]
fn reimportation_only_after_exportation() {
	new_test_ext().execute_with(|| {
		issue();
		assert_noop!(
			voucher(KZ_OFFICER, Voucher::ReImportation, 1),
			Error::<Test>::ExceedsItemsInMotion
		);
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 2));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 2));
		// Both items sit in KG: none can come home before KG re-exports them.
		assert_noop!(
			voucher(KZ_OFFICER, Voucher::ReImportation, 1),
			Error::<Test>::ExceedsItemsInMotion
		);
	});
}

#[test]
fn no_importation_into_a_country_not_listed_nor_by_the_issuing_country() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 2));
		assert_noop!(voucher(UZ_OFFICER, Voucher::Importation, 1), Error::<Test>::CountryNotListed);
		assert_noop!(
			voucher(UZ_OFFICER, Voucher::TransitStart, 1),
			Error::<Test>::CountryNotListed
		);
		assert_noop!(voucher(KZ_OFFICER, Voucher::Importation, 1), Error::<Test>::IssuingCountry);
	});
}

#[test]
fn importation_takes_only_goods_in_motion() {
	new_test_ext().execute_with(|| {
		issue();
		assert_noop!(
			voucher(KG_OFFICER, Voucher::Importation, 1),
			Error::<Test>::ExceedsItemsInMotion
		);
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 5));
		assert_noop!(
			voucher(KG_OFFICER, Voucher::Importation, 6),
			Error::<Test>::ExceedsItemsInMotion
		);
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 5));
		assert_eq!(held(b"KG"), (5, 0));
		assert_eq!(carnet().in_motion(), 0);
	});
}

#[test]
fn no_reexportation_of_more_than_was_imported_there() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 5));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 3));
		assert_noop!(
			voucher(KG_OFFICER, Voucher::ReExportation, 4),
			Error::<Test>::ExceedsImported
		);
		// The other two items are in motion, but TJ never imported them.
		assert_noop!(voucher(KZ_OFFICER, Voucher::ReExportation, 1), Error::<Test>::IssuingCountry);
		assert_ok!(voucher(KG_OFFICER, Voucher::ReExportation, 3));
		assert_eq!(held(b"KG"), (0, 0));
		assert_eq!(carnet().in_motion(), 5);
	});
}

#[test]
fn goods_move_on_from_one_country_of_use_to_another() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 4));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 4));
		assert_ok!(voucher(KG_OFFICER, Voucher::ReExportation, 4));
		// TJ has no officer in this runtime's consortium; transit is through KG instead.
		assert_ok!(voucher(KG_OFFICER, Voucher::TransitStart, 4));
		assert_eq!(held(b"KG"), (0, 4));
		assert_noop!(voucher(KG_OFFICER, Voucher::TransitEnd, 5), Error::<Test>::ExceedsInTransit);
		assert_noop!(
			voucher(KZ_OFFICER, Voucher::ReImportation, 1),
			Error::<Test>::ExceedsItemsInMotion
		);
		assert_ok!(voucher(KG_OFFICER, Voucher::TransitEnd, 4));
		assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 4));
		assert_eq!(carnet().at_home(), 10);
	});
}

#[test]
fn only_officers_record_vouchers_and_zero_items_is_refused() {
	new_test_ext().execute_with(|| {
		issue();
		assert_noop!(
			voucher(OUTSIDER, Voucher::Exportation, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(
			voucher(KZ_ASSOCIATION, Voucher::Exportation, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::WrongRole)
		);
		assert_noop!(
			voucher(KZ, Voucher::Exportation, 1),
			Error::<Test>::Denied(pallet_tamga_governance::Denied::NotAccredited)
		);
		assert_noop!(voucher(KZ_OFFICER, Voucher::Exportation, 0), Error::<Test>::ZeroItems);
		assert_noop!(
			Carnets::record_voucher(signed(KZ_OFFICER), number("KZ/none"), Voucher::Exportation, 1),
			Error::<Test>::UnknownCarnet
		);
	});
}

#[test]
fn nothing_is_recorded_after_expiry() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 2));
		set_day(90);
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 1));
		set_day(91);
		assert_noop!(voucher(KG_OFFICER, Voucher::Importation, 1), Error::<Test>::CarnetExpired);
		assert_noop!(voucher(KZ_OFFICER, Voucher::ReImportation, 1), Error::<Test>::CarnetExpired);
	});
}

#[test]
fn vouchers_are_in_the_history_however_many_there_are() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 1));
		let history = full_history(NUMBER);
		let country = pallet_tamga_governance::CountryCode::new(*b"KZ").unwrap();
		assert_eq!(history[1].actor, KZ_OFFICER);
		assert_eq!(
			history[1].action,
			Action::Movement { voucher: Voucher::Exportation, country, items: 1 }
		);
		// An officer alternating exportation and re-importation cannot crowd out the
		// vouchers that follow: the goods still travel and the carnet still closes.
		for _ in 0..200 {
			assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 1));
			assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 1));
		}
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 1));
		assert_ok!(voucher(KG_OFFICER, Voucher::ReExportation, 1));
		assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 1));
		assert_ok!(Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)));
		let history = full_history(NUMBER);
		assert_eq!(history.len(), 1 + 1 + 400 + 3 + 1);
		assert_eq!(history.last().map(|e| e.action), Some(Action::Closed));
	});
}
