//! A test runtime: the governance pallet with KZ, KG and UZ, a guaranteeing association
//! of KZ, officers of each country, and the carnets pallet, on a clock the tests set.

use frame_support::{derive_impl, traits::ConstU32};
use pallet_tamga_governance::{DocumentKind, Role};
use pallet_tamga_governance_testing::{set_clock, test_externalities, TestClock};

use crate as pallet_carnets;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_tamga_governance,
		Carnets: pallet_carnets,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pallet_tamga_governance_testing::impl_test_governance!(Test);

impl pallet_carnets::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Time = TestClock;
	type MaxNumberLength = ConstU32<24>;
	type MaxCountries = ConstU32<4>;
	type WeightInfo = crate::weights::TamgaWeight<Test>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestClock;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for TestClock {
	fn set_day(day: u32) {
		set_clock(u64::from(day) * 86_400);
	}
}

/// The test's "today", in days since 1970-01-01 (2024-10-04).
pub const TODAY: u32 = 20_000;
/// KZ's member account.
pub const KZ: u64 = 1;
/// KG's member account.
pub const KG: u64 = 2;
/// UZ's member account.
pub const UZ: u64 = 3;
/// KZ's ATA guaranteeing association.
pub const KZ_ASSOCIATION: u64 = 10;
/// A KZ chamber accredited for certificates of origin only.
pub const KZ_ORIGIN_ISSUER: u64 = 11;
/// A customs office of KZ.
pub const KZ_OFFICER: u64 = 12;
/// A customs office of KG.
pub const KG_OFFICER: u64 = 20;
/// A customs office of UZ.
pub const UZ_OFFICER: u64 = 30;
/// An account nobody accredited.
pub const OUTSIDER: u64 = 99;

/// Moves the chain's clock to an hour into the day `days` after [`TODAY`].
pub fn set_day(days: u32) {
	set_clock(u64::from(TODAY + days) * 86_400 + 3_600);
}

/// Externalities with KZ, KG and UZ, their association and officers, at block 1, today.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_day(0);
	test_externalities::<Test>(
		&[("KZ", "Kazakhstan", KZ), ("KG", "Kyrgyzstan", KG), ("UZ", "Uzbekistan", UZ)],
		&[
			(KZ, KZ_ASSOCIATION, Role::Issuer, &[DocumentKind::AtaGuarantee]),
			(KZ, KZ_ORIGIN_ISSUER, Role::Issuer, &[DocumentKind::Origin]),
			(KZ, KZ_OFFICER, Role::Officer, &[]),
			(KG, KG_OFFICER, Role::Officer, &[]),
			(UZ, UZ_OFFICER, Role::Officer, &[]),
		],
	)
}
