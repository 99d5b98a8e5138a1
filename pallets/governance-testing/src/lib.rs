//! What the test runtimes of Tamga's pallets share: the governance configuration of a
//! small consortium, a clock the tests set, and externalities holding the administrations
//! and accredited parties a test names.
//!
//! A crate of its own, taken only as a dev-dependency, so none of it is compiled into a
//! node or a chain's runtime, and the governance pallet's features stay the same in tests
//! and in the node (no second build of the runtime for the tests).

use core::{cell::Cell, time::Duration};
use frame_support::traits::UnixTime;
use sp_runtime::BuildStorage;

pub use pallet_tamga_governance as governance;
use pallet_tamga_governance::{DocumentKind, DocumentKinds, Role};

std::thread_local! {
	static NOW_SECONDS: Cell<u64> = const { Cell::new(0) };
}

/// The chain's clock in a test: seconds since 1970 that the test sets ([`set_clock`]).
pub struct TestClock;

impl UnixTime for TestClock {
	fn now() -> Duration {
		Duration::from_secs(NOW_SECONDS.with(Cell::get))
	}
}

/// The origin of a proposal all `total` administrations of a test consortium passed.
pub fn unanimous<O: From<governance::RawOrigin>>(total: u32) -> O {
	governance::RawOrigin::Consortium { ayes: total, total }.into()
}

/// Sets [`TestClock`] to `seconds` since 1970 (for this test's thread).
pub fn set_clock(seconds: u64) {
	NOW_SECONDS.with(|now| now.set(seconds));
}

/// Counts every validator as having session keys (validators play no part in these
/// tests).
pub struct AllRegistered;

impl<AccountId> frame_support::traits::ValidatorRegistration<AccountId> for AllRegistered {
	fn is_registered(_: &AccountId) -> bool {
		true
	}
}

frame_support::parameter_types! {
	/// The heaviest call a test proposal may carry.
	pub const TestMaxProposalWeight: frame_support::weights::Weight =
		frame_support::weights::Weight::from_parts(1_000_000_000_000, 5 * 1024 * 1024);
}

/// Implements the governance pallet's `Config` for test runtime `$runtime` (which names
/// its `RuntimeEvent`, `RuntimeOrigin` and `RuntimeCall` in scope): at most 8
/// administrations of 3 member accounts, the consortium's origin, every validator
/// registered, no call or rate bounds, [`TestClock`]-free. `$on_left` (default `()`) is
/// what ends with an administration that leaves.
#[macro_export]
macro_rules! impl_test_governance {
	($runtime:ty) => {
		$crate::impl_test_governance!($runtime, ());
	};
	($runtime:ty, $on_left:ty) => {
		impl $crate::governance::Config for $runtime {
			type RuntimeEvent = RuntimeEvent;
			type RuntimeOrigin = RuntimeOrigin;
			type RuntimeCall = RuntimeCall;
			type ConsortiumOrigin = $crate::governance::EnsureConsortium<RuntimeOrigin>;
			type MaxAdministrations = frame_support::traits::ConstU32<8>;
			type MaxMembersPerAdministration = frame_support::traits::ConstU32<3>;
			type MaxNameLength = frame_support::traits::ConstU32<64>;
			type MaxCallSize = frame_support::traits::ConstU32<256>;
			type MaxProposalWeight = $crate::TestMaxProposalWeight;
			type ProposalLifetime = frame_support::traits::ConstU64<100>;
			type MaxOpenProposals = frame_support::traits::ConstU32<4>;
			type MaxValidators = frame_support::traits::ConstU32<8>;
			type MinValidators = frame_support::traits::ConstU32<1>;
			type MaxNodes = frame_support::traits::ConstU32<4>;
			type ValidatorRegistration = $crate::AllRegistered;
			type ProposalFilter = frame_support::traits::Everything;
			type RootCalls = frame_support::traits::Nothing;
			type MaxProposalsPerAdministration = frame_support::traits::ConstU32<4>;
			type CallPolicy = ();
			type MaxPartyTransactionLength = frame_support::traits::ConstU32<{ u32::MAX }>;
			type MaxPartyPooled = frame_support::traits::ConstU32<{ u32::MAX }>;
			type MaxPartyTransactionsPerBlock = frame_support::traits::ConstU32<{ u32::MAX }>;
			type OnAdministrationLeft = $on_left;
			type WeightInfo = $crate::governance::weights::TamgaWeight<Self>;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = ();
		}
	};
}

/// A party a test accredits: (member account of its administration, the party, its role,
/// the document kinds of an issuer). Officers get the office code `TESTO`; every party is
/// named "Chamber of Commerce" and valid from block 0 to 1,000,000.
pub type TestParty = (u64, u64, Role, &'static [DocumentKind]);

/// Externalities of test runtime `T` at block 1 holding `administrations` (country, name,
/// member account) and the accredited `parties`.
pub fn test_externalities<T>(
	administrations: &[(&str, &str, u64)],
	parties: &[TestParty],
) -> sp_io::TestExternalities
where
	T: governance::Config<AccountId = u64>,
{
	let mut storage = frame_system::GenesisConfig::<T>::default().build_storage().unwrap();
	governance::GenesisConfig::<T> {
		administrations: administrations
			.iter()
			.map(|(country, name, member)| ((*country).into(), (*name).into(), vec![*member]))
			.collect(),
		validators: vec![],
		nodes: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		for (member, who, role, kinds) in parties {
			governance::Pallet::<T>::accredit(
				frame_system::RawOrigin::Signed(*member).into(),
				*who,
				b"Chamber of Commerce".to_vec(),
				*role,
				DocumentKinds::of(kinds),
				(*role == Role::Officer).then_some(*b"TESTO"),
				0u32.into(),
				1_000_000u32.into(),
			)
			.expect("the test's parties can be offered an accreditation");
			let country = governance::MemberOf::<T>::get(member).expect("a member account");
			governance::Pallet::<T>::accept_accreditation(
				frame_system::RawOrigin::Signed(*who).into(),
				*country.as_bytes(),
			)
			.expect("the test's parties accept their accreditation");
		}
	});
	ext
}
