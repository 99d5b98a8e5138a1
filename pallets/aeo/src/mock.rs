//! A test runtime: the governance pallet with KZ, KG, UZ and TJ, an AEO office of KZ and
//! other parties, and the AEO pallet, on a clock the tests set.

use frame_support::{derive_impl, traits::ConstU32};
use pallet_tamga_governance::{DocumentKind, Role};
use pallet_tamga_governance_testing::{set_clock, test_externalities, TestClock};

use crate as pallet_aeo;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_tamga_governance,
		Aeo: pallet_aeo,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pallet_tamga_governance_testing::impl_test_governance!(Test, Aeo);

impl pallet_aeo::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Time = TestClock;
	type MaxPartners = ConstU32<2>;
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
/// TJ's member account.
pub const TJ: u64 = 4;
/// KZ's AEO office (an issuer accredited for AEO certification).
pub const KZ_AEO_OFFICE: u64 = 10;
/// A KZ chamber accredited for certificates of origin only.
pub const KZ_ORIGIN_ISSUER: u64 = 11;
/// A customs office of KZ.
pub const KZ_OFFICER: u64 = 12;
/// An account nobody accredited.
pub const OUTSIDER: u64 = 99;

/// Moves the chain's clock to an hour into the day `days` after [`TODAY`].
pub fn set_day(days: u32) {
	set_clock(u64::from(TODAY + days) * 86_400 + 3_600);
}

/// Externalities with KZ, KG, UZ and TJ and KZ's parties, at block 1, today.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_day(0);
	test_externalities::<Test>(
		&[
			("KZ", "Kazakhstan", KZ),
			("KG", "Kyrgyzstan", KG),
			("UZ", "Uzbekistan", UZ),
			("TJ", "Tajikistan", TJ),
		],
		&[
			(KZ, KZ_AEO_OFFICE, Role::Issuer, &[DocumentKind::Aeo]),
			(KZ, KZ_ORIGIN_ISSUER, Role::Issuer, &[DocumentKind::Origin]),
			(KZ, KZ_OFFICER, Role::Officer, &[]),
		],
	)
}
