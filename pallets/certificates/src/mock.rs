//! A test runtime: the governance pallet with KZ and KG, an issuer and an officer in each,
//! and the certificates pallet, on a clock the tests set.

use core::time::Duration;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight};
use frame_system::EnsureRoot;
use pallet_tamga_governance::{DocumentKind, DocumentKinds, Role};
use sp_runtime::BuildStorage;

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

impl pallet_certificates::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Time = TestClock;
	type MaxNumberLength = ConstU32<16>;
	type MaxHsCodes = ConstU32<4>;
	type MaxHistory = ConstU32<6>;
	type MaxBatchSize = ConstU32<1_000>;
	type MaxPendingApplications = ConstU32<2>;
	type WeightInfo = crate::weights::TamgaWeight;
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

/// Externalities with KZ and KG, their issuers and officers accredited, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_tamga_governance::GenesisConfig::<Test> {
		administrations: vec![
			("KZ".into(), "Kazakhstan".into(), vec![KZ]),
			("KG".into(), "Kyrgyzstan".into(), vec![KG]),
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
					b"Chamber of Commerce".to_vec(),
					role,
					DocumentKinds::of(kinds),
					office,
					0,
					1_000_000,
				)
				.unwrap();
			};
		accredit(
			KZ,
			KZ_ISSUER,
			Role::Issuer,
			&[DocumentKind::Origin, DocumentKind::Veterinary],
			None,
		);
		accredit(KG, KG_ISSUER, Role::Issuer, &[DocumentKind::Origin], None);
		accredit(KG, KG_OFFICER, Role::Officer, &[], Some(*b"KGFRU"));
		accredit(KZ, KZ_OFFICER, Role::Officer, &[], Some(*b"KZALA"));
		accredit(KZ, KZ_APPROVED_EXPORTER, Role::ApprovedExporter, &[], None);
		accredit(KZ, KZ_EXPORTER, Role::Exporter, &[], None);
		accredit(KG, KG_EXPORTER, Role::Exporter, &[], None);
	});
	ext
}
