//! The two carnet stories of issue 5, end to end on the test runtime.

use frame_support::assert_ok;

use super::*;
use crate::{types::Action, CarnetState, ClaimStatus};

#[test]
fn issued_in_kz_used_in_kg_and_brought_home_then_closed() {
	new_test_ext().execute_with(|| {
		issue();
		System::set_block_number(2);
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 10));
		System::set_block_number(3);
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 10));
		set_day(30);
		System::set_block_number(4);
		assert_ok!(voucher(KG_OFFICER, Voucher::ReExportation, 10));
		System::set_block_number(5);
		assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 10));
		assert_ok!(Carnets::close(signed(KZ_ASSOCIATION), number(NUMBER)));

		let view = Carnets::view(NUMBER.as_bytes()).expect("issued");
		assert_eq!(view.state, CarnetState::Closed);
		assert_eq!((view.at_home, view.in_motion), (10, 0));
		assert!(view.countries.iter().all(|b| b.open() == 0));
		assert_eq!(view.association_name, b"Chamber of Commerce".to_vec());
		assert!(view.claims.is_empty());
		let actions: Vec<(u64, u64, Action)> =
			full_history(NUMBER).iter().map(|e| (e.block, e.actor, e.action)).collect();
		let kz = pallet_tamga_governance::CountryCode::new(*b"KZ").unwrap();
		let kg = pallet_tamga_governance::CountryCode::new(*b"KG").unwrap();
		let moved = |voucher, country| Action::Movement { voucher, country, items: 10 };
		assert_eq!(
			actions,
			vec![
				(1, KZ_ASSOCIATION, Action::Issued),
				(2, KZ_OFFICER, moved(Voucher::Exportation, kz)),
				(3, KG_OFFICER, moved(Voucher::Importation, kg)),
				(4, KG_OFFICER, moved(Voucher::ReExportation, kg)),
				(5, KZ_OFFICER, moved(Voucher::ReImportation, kz)),
				(5, KZ_ASSOCIATION, Action::Closed),
			]
		);
	});
}

#[test]
fn left_open_in_kg_past_expiry_it_becomes_kg_s_claim() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 6));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 6));
		assert_ok!(voucher(KG_OFFICER, Voucher::ReExportation, 2));
		assert_ok!(voucher(KZ_OFFICER, Voucher::ReImportation, 2));
		set_day(91);
		assert_eq!(Carnets::view(NUMBER.as_bytes()).unwrap().state, CarnetState::Expired);
		assert_ok!(Carnets::raise_claim(signed(KG), number(NUMBER)));
		let view = Carnets::view(NUMBER.as_bytes()).unwrap();
		assert_eq!(view.claims.len(), 1);
		let (country, claim) = &view.claims[0];
		assert_eq!(country.as_bytes(), b"KG");
		assert_eq!((claim.items, claim.status, claim.raised_by), (4, ClaimStatus::Raised, KG));
		assert_ok!(Carnets::settle_claim(signed(KG), number(NUMBER)));
		assert_eq!(
			Carnets::view(NUMBER.as_bytes()).unwrap().claims[0].1.status,
			ClaimStatus::Settled
		);
	});
}
