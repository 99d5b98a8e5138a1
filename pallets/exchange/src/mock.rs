//! A test runtime: the governance pallet with KZ, KG, UZ and TJ, an issuer of KZ and an
//! officer, and the exchange pallet, with documents a test anchors by hand.

use core::cell::RefCell;
use std::collections::BTreeMap;

use frame_support::{derive_impl, traits::ConstU32};
use pallet_tamga_governance::{CountryCode, DocumentKind, Role};
use pallet_tamga_governance_testing::test_externalities;
use sp_core::H256;

use crate::{self as pallet_exchange, AnchoredDocument};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_tamga_governance,
		Exchange: pallet_exchange,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pallet_tamga_governance_testing::impl_test_governance!(Test, Exchange);

impl pallet_exchange::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Documents = TestDocuments;
	type MaxPartners = ConstU32<2>;
	type MaxAppendices = ConstU32<2>;
	type MaxReceiptsPerCall = ConstU32<4>;
	type WeightInfo = crate::weights::TamgaWeight<Test>;
}

std::thread_local! {
	static DOCUMENTS: RefCell<BTreeMap<H256, AnchoredDocument<u64>>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// Documents a test anchors with [`anchor`].
pub struct TestDocuments;

impl crate::AnchoredDocuments<u64> for TestDocuments {
	fn document(id: &H256) -> Option<AnchoredDocument<u64>> {
		DOCUMENTS.with(|documents| documents.borrow().get(id).cloned())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_document(id: &H256, author: &u64) {
		anchor(*id, *author);
	}
}

/// Records a veterinary certificate `id` of KZ authored by `author`.
pub fn anchor(id: H256, author: u64) {
	let country = CountryCode::new(*b"KZ").expect("assigned");
	let document =
		AnchoredDocument { author, country, kind: DocumentKind::Veterinary, role: Role::Issuer };
	DOCUMENTS.with(|documents| documents.borrow_mut().insert(id, document));
}

/// KZ's member account.
pub const KZ: u64 = 1;
/// KG's member account.
pub const KG: u64 = 2;
/// UZ's member account.
pub const UZ: u64 = 3;
/// TJ's member account.
pub const TJ: u64 = 4;
/// A veterinary service of KZ (issues veterinary certificates).
pub const KZ_VET: u64 = 10;
/// A customs officer of KZ.
pub const KZ_OFFICER: u64 = 12;
/// KG's exchange node (records receipts for KG).
pub const KG_NODE: u64 = 20;
/// KZ's exchange node.
pub const KZ_NODE: u64 = 21;
/// An account nobody accredited.
pub const OUTSIDER: u64 = 99;

/// Externalities with KZ, KG, UZ and TJ and KZ's parties, at block 1, no documents.
pub fn new_test_ext() -> sp_io::TestExternalities {
	DOCUMENTS.with(|documents| documents.borrow_mut().clear());
	test_externalities::<Test>(
		&[
			("KZ", "Kazakhstan", KZ),
			("KG", "Kyrgyzstan", KG),
			("UZ", "Uzbekistan", UZ),
			("TJ", "Tajikistan", TJ),
		],
		&[
			(KZ, KZ_VET, Role::Issuer, &[DocumentKind::Veterinary]),
			(KZ, KZ_OFFICER, Role::Officer, &[]),
			(KG, KG_NODE, Role::ExchangeNode, &[]),
			(KZ, KZ_NODE, Role::ExchangeNode, &[]),
		],
	)
}
