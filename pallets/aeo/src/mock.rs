//! A test runtime: the governance pallet with KZ, KG, UZ and TJ, an AEO office of KZ and
//! other parties, and the AEO pallet, on a clock the tests set.

use core::time::Duration;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight};
use frame_system::EnsureRoot;
use pallet_tamga_governance::{DocumentKind, DocumentKinds, Role};
use sp_runtime::BuildStorage;

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

parameter_types! {
	pub const MaxProposalWeight: Weight = Weight::from_parts(1_000_000_000_000, 5 * 1024 * 1024);
	/// The chain's clock, in seconds since 1970; tests move it.
	pub static NowSeconds: u64 = TODAY as u64 * 86_400 + 3_600;
}

impl pallet_tamga_governance::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type ConsortiumOrigin = EnsureRoot<u64>;
	type MaxAdministrations = ConstU32<8>;
	type MaxMembersPerAdministration = ConstU32<3>;
	type MaxNameLength = ConstU32<64>;
	type MaxCallSize = ConstU32<256>;
	type MaxProposalWeight = MaxProposalWeight;
	type ProposalLifetime = frame_support::traits::ConstU64<100>;
	type MaxOpenProposals = ConstU32<4>;
	type MaxValidators = ConstU32<8>;
	type MinValidators = ConstU32<1>;
	type MaxNodes = ConstU32<4>;
	type ValidatorRegistration = AllRegistered;
	type ProposalFilter = frame_support::traits::Everything;
	type WeightInfo = pallet_tamga_governance::weights::TamgaWeight;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Every validator has session keys (validators play no part in these tests).
pub struct AllRegistered;
impl frame_support::traits::ValidatorRegistration<u64> for AllRegistered {
	fn is_registered(_: &u64) -> bool {
		true
	}
}

/// A clock reading [`NowSeconds`].
pub struct TestClock;
impl frame_support::traits::UnixTime for TestClock {
	fn now() -> Duration {
		Duration::from_secs(NowSeconds::get())
	}
}

impl pallet_aeo::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Time = TestClock;
	type MaxPartners = ConstU32<2>;
	type WeightInfo = crate::weights::TamgaWeight;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestClock;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for TestClock {
	fn set_day(day: u32) {
		NowSeconds::set(u64::from(day) * 86_400);
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

/// Moves the chain's clock to `days` after [`TODAY`].
pub fn set_day(days: u32) {
	NowSeconds::set(u64::from(TODAY + days) * 86_400 + 3_600);
}

/// Externalities with KZ, KG, UZ and TJ and KZ's parties, at block 1, today.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_day(0);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_tamga_governance::GenesisConfig::<Test> {
		administrations: vec![
			("KZ".into(), "Kazakhstan".into(), vec![KZ]),
			("KG".into(), "Kyrgyzstan".into(), vec![KG]),
			("UZ".into(), "Uzbekistan".into(), vec![UZ]),
			("TJ".into(), "Tajikistan".into(), vec![TJ]),
		],
		validators: vec![],
		nodes: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		let accredit =
			|member: u64, who: u64, role: Role, kinds: &[DocumentKind], office: Option<[u8; 5]>| {
				Governance::accredit(
					RuntimeOrigin::signed(member),
					who,
					b"AEO Office".to_vec(),
					role,
					DocumentKinds::of(kinds),
					office,
					0,
					1_000_000,
				)
				.unwrap();
			};
		accredit(KZ, KZ_AEO_OFFICE, Role::Issuer, &[DocumentKind::Aeo], None);
		accredit(KZ, KZ_ORIGIN_ISSUER, Role::Issuer, &[DocumentKind::Origin], None);
		accredit(KZ, KZ_OFFICER, Role::Officer, &[], Some(*b"KZALA"));
	});
	ext
}
