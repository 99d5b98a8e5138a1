//! A test runtime with the governance pallet: four founding administrations (KZ, KG,
//! AM, BY) with one member account each and one validator each.

use frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight};
use sp_runtime::BuildStorage;

use crate as pallet_governance;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_governance,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const MaxProposalWeight: Weight = Weight::from_parts(1_000_000_000_000, 5 * 1024 * 1024);
	pub const ProposalLifetime: u64 = 100;
}

impl pallet_governance::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type ConsortiumOrigin = crate::EnsureConsortium<RuntimeOrigin>;
	type MaxAdministrations = ConstU32<8>;
	type MaxMembersPerAdministration = ConstU32<3>;
	type MaxNameLength = ConstU32<64>;
	type MaxCallSize = ConstU32<256>;
	type MaxProposalWeight = MaxProposalWeight;
	type ProposalLifetime = ProposalLifetime;
	type MaxOpenProposals = ConstU32<4>;
	type MaxValidators = ConstU32<8>;
	type MinValidators = ConstU32<3>;
	type MaxNodes = ConstU32<6>;
	type ValidatorRegistration = KeysRegistered;
	type ProposalFilter = NoRemarkWithEvent;
	type RootCalls = SystemCalls;
	type MaxProposalsPerAdministration = ConstU32<2>;
	/// `System::remark_with_event` stands for a members-only call.
	type CallPolicy = MembersOnlyRemarkWithEvent;
	type MaxPartyTransactionLength = ConstU32<200>;
	type MaxPartyPooled = ConstU32<3>;
	type MaxPartyTransactionsPerBlock = ConstU32<2>;
	type OnAdministrationLeft = ();
	type WeightInfo = crate::weights::TamgaWeight<Test>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// A validator account that never registered session keys.
pub const KEYLESS: u64 = 40;

/// Every account but [`KEYLESS`] has session keys.
pub struct KeysRegistered;
impl frame_support::traits::ValidatorRegistration<u64> for KeysRegistered {
	fn is_registered(validator: &u64) -> bool {
		*validator != KEYLESS
	}
}

/// The tests' allow-list: `System::remark_with_event` is for member accounts only, and
/// `accept_accreditation` is the one call of an account that was only offered one; every
/// other call is open to any known account.
pub struct MembersOnlyRemarkWithEvent;
impl crate::CallPolicy<RuntimeCall> for MembersOnlyRemarkWithEvent {
	fn permits(standing: &crate::Standing, call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => standing.member,
			RuntimeCall::Governance(crate::Call::accept_accreditation { .. }) => standing.candidate,
			_ => standing.is_privileged() || standing.party.is_some(),
		}
	}
}

/// Calls of `System` need `Root` when a proposal carries them.
pub struct SystemCalls;
impl frame_support::traits::Contains<RuntimeCall> for SystemCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(_))
	}
}

/// The origin of a proposal all four founding administrations passed.
pub fn consortium() -> RuntimeOrigin {
	crate::RawOrigin::Consortium { ayes: 4, total: 4 }.into()
}

/// Proposals may carry any call but `System::remark_with_event`.
pub struct NoRemarkWithEvent;
impl frame_support::traits::Contains<RuntimeCall> for NoRemarkWithEvent {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
	}
}

/// Member account of KZ's administration.
pub const KZ: u64 = 1;
/// Member account of KG's administration.
pub const KG: u64 = 2;
/// Member account of AM's administration.
pub const AM: u64 = 3;
/// Member account of BY's administration.
pub const BY: u64 = 4;
/// The PeerId of KZ's founding node.
pub const KZ_NODE: &str = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
/// A PeerId no administration runs yet.
pub const NEW_NODE: &str = "12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD";
/// An account nobody accredited.
pub const OUTSIDER: u64 = 99;

/// Externalities with the four founding administrations, validators 11..=14, block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_governance::GenesisConfig::<Test> {
		administrations: vec![
			("KZ".into(), "Kazakhstan".into(), vec![KZ]),
			("KG".into(), "Kyrgyzstan".into(), vec![KG]),
			("AM".into(), "Armenia".into(), vec![AM]),
			("BY".into(), "Belarus".into(), vec![BY]),
		],
		validators: vec![
			(11, "KZ".into()),
			(12, "KG".into()),
			(13, "AM".into()),
			(14, "BY".into()),
		],
		nodes: vec![("KZ".into(), KZ_NODE.into(), "/ip4/10.0.0.1/tcp/30333".into())],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
