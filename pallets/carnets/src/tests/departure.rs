//! Leaving carried through: a carnet of a departed administration's association, or of
//! an association the consortium voided, is void and takes no more vouchers.

use frame_support::{assert_noop, assert_ok};
use pallet_tamga_governance::Voiding;

use super::{issue, voucher, NUMBER};
use crate::{mock::*, CarnetState, Error, Voucher};

fn consortium() -> RuntimeOrigin {
	pallet_tamga_governance_testing::unanimous(3)
}

#[test]
fn a_carnet_of_a_departed_administrations_association_takes_no_vouchers() {
	new_test_ext().execute_with(|| {
		issue();
		assert_ok!(voucher(KZ_OFFICER, Voucher::Exportation, 3));
		assert_ok!(voucher(KG_OFFICER, Voucher::Importation, 3));
		System::set_block_number(6);
		assert_ok!(Governance::remove_administration(consortium(), *b"KZ"));
		let view = Carnets::view(NUMBER.as_bytes()).expect("issued");
		assert_eq!(view.state, CarnetState::Void);
		assert_eq!(view.void, Some(Voiding::AdministrationLeft { at: 6 }));
		assert!(!view.association_in_good_standing);
		assert_noop!(voucher(KG_OFFICER, Voucher::ReExportation, 3), Error::<Test>::CarnetVoid);
		// Admitted again, the carnet of its earlier membership stays void.
		assert_ok!(Governance::admit_administration(
			consortium(),
			*b"KZ",
			b"Kazakhstan".to_vec(),
			vec![KZ]
		));
		assert_eq!(Carnets::view(NUMBER.as_bytes()).unwrap().state, CarnetState::Void);
	});
}

#[test]
fn a_carnet_of_an_association_the_consortium_voided_takes_no_vouchers() {
	new_test_ext().execute_with(|| {
		issue();
		assert_eq!(Carnets::view(NUMBER.as_bytes()).unwrap().void, None);
		System::set_block_number(4);
		assert_ok!(Governance::void_documents(consortium(), KZ_ASSOCIATION));
		let view = Carnets::view(NUMBER.as_bytes()).expect("issued");
		assert_eq!(view.state, CarnetState::Void);
		assert_eq!(view.void, Some(Voiding::VoidedByConsortium { at: 4 }));
		assert_noop!(voucher(KZ_OFFICER, Voucher::Exportation, 1), Error::<Test>::CarnetVoid);
	});
}
