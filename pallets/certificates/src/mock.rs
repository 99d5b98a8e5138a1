//! A test runtime: the governance pallet with KZ and KG, an issuer and an officer in each,
//! and the certificates pallet, on a clock the tests set.

use frame_support::{derive_impl, traits::ConstU32};
pub use pallet_tamga_governance::testing::set_clock;
use pallet_tamga_governance::{DocumentKind, Role};

use crate as pallet_certificates;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_tamga_governance,
		Certificates: pallet_certificates,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pallet_tamga_governance::impl_test_governance!(Test);

impl pallet_certificates::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Time = pallet_tamga_governance::testing::TestClock;
	type MaxNumberLength = ConstU32<16>;
	type MaxHsCodes = ConstU32<4>;
	type MaxHistory = ConstU32<6>;
	type MaxBatchSize = ConstU32<1_000>;
	type MaxPendingApplications = ConstU32<2>;
	type WeightInfo = crate::weights::TamgaWeight<Test>;
}

/// The test's "today", in days since 1970-01-01 (2024-10-04).
pub const TODAY: u32 = 20_000;
/// KZ's member account.
pub const KZ: u64 = 1;
/// KG's member account.
pub const KG: u64 = 2;
/// An issuer of KZ for origin and veterinary certificates.
pub const KZ_ISSUER: u64 = 10;
/// An issuer of KG for origin certificates.
pub const KG_ISSUER: u64 = 20;
/// A customs officer of KG.
pub const KG_OFFICER: u64 = 21;
/// A customs officer of KZ.
pub const KZ_OFFICER: u64 = 11;
/// An approved exporter of KZ (self-certifies origin).
pub const KZ_APPROVED_EXPORTER: u64 = 12;
/// An exporter of KZ (applies for certificates).
pub const KZ_EXPORTER: u64 = 13;
/// An exporter of KG.
pub const KG_EXPORTER: u64 = 22;
/// An account nobody accredited.
pub const OUTSIDER: u64 = 99;

/// Externalities with KZ and KG, their issuers and officers accredited, at block 1, with
/// the clock an hour into [`TODAY`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	pallet_tamga_governance::testing::set_clock(u64::from(TODAY) * 86_400 + 3_600);
	pallet_tamga_governance::testing::test_externalities::<Test>(
		&[("KZ", "Kazakhstan", KZ), ("KG", "Kyrgyzstan", KG)],
		&[
			(KZ, KZ_ISSUER, Role::Issuer, &[DocumentKind::Origin, DocumentKind::Veterinary]),
			(KG, KG_ISSUER, Role::Issuer, &[DocumentKind::Origin]),
			(KG, KG_OFFICER, Role::Officer, &[]),
			(KZ, KZ_OFFICER, Role::Officer, &[]),
			(KZ, KZ_APPROVED_EXPORTER, Role::ApprovedExporter, &[]),
			(KZ, KZ_EXPORTER, Role::Exporter, &[]),
			(KG, KG_EXPORTER, Role::Exporter, &[]),
		],
	)
}
