//! A test runtime: the governance pallet with KZ and KG, an issuer and an officer in each,
//! and the certificates pallet, on a clock the tests set.

use frame_support::{derive_impl, traits::ConstU32};
use pallet_tamga_governance::{DocumentKind, Role};
pub use pallet_tamga_governance_testing::set_clock;

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

pallet_tamga_governance_testing::impl_test_governance!(Test, Certificates);

impl pallet_certificates::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Permissions = Governance;
	type Time = pallet_tamga_governance_testing::TestClock;
	type MaxNumberLength = ConstU32<16>;
	type MaxHsCodes = ConstU32<4>;
	type MaxHistory = ConstU32<6>;
	type MaxBatchSize = ConstU32<1_000>;
	type MaxPendingApplications = ConstU32<2>;
	type MaxMaterials = ConstU32<4>;
	type RuleEngine = TestRules;
	/// In the unit tests `Root` stands for the consortium's two-thirds vote (the runtime's
	/// tests pass a real proposal).
	type RegistryOrigin = frame_system::EnsureRoot<u64>;
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
/// A plant-protection organisation of KZ: issues phytosanitary certificates only.
pub const KZ_PHYTO: u64 = 14;
/// A conformity-assessment body of KZ: issues conformity certificates only.
pub const KZ_CONFORMITY: u64 = 15;
/// An account nobody accredited.
pub const OUTSIDER: u64 = 99;

/// Externalities with KZ and KG, their issuers and officers accredited, at block 1, with
/// the clock an hour into [`TODAY`] and the built-in document types in the registry.
pub fn new_test_ext() -> sp_io::TestExternalities {
	pallet_tamga_governance_testing::set_clock(u64::from(TODAY) * 86_400 + 3_600);
	let mut ext = pallet_tamga_governance_testing::test_externalities::<Test>(
		&[("KZ", "Kazakhstan", KZ), ("KG", "Kyrgyzstan", KG)],
		&[
			(KZ, KZ_ISSUER, Role::Issuer, &[DocumentKind::Origin, DocumentKind::Veterinary]),
			(KG, KG_ISSUER, Role::Issuer, &[DocumentKind::Origin]),
			(KG, KG_OFFICER, Role::Officer, &[]),
			(KZ, KZ_OFFICER, Role::Officer, &[]),
			(KZ, KZ_APPROVED_EXPORTER, Role::ApprovedExporter, &[]),
			(KZ, KZ_EXPORTER, Role::Exporter, &[]),
			(KG, KG_EXPORTER, Role::Exporter, &[]),
			(KZ, KZ_PHYTO, Role::Issuer, &[DocumentKind::Phytosanitary]),
			(KZ, KZ_CONFORMITY, Role::Issuer, &[DocumentKind::Conformity]),
		],
	);
	ext.execute_with(|| {
		crate::Pallet::<Test>::store_built_in_types();
	});
	ext
}

/// A contract whose verdict the test sets (see [`TestRules`]).
pub const RULES: u64 = 500;
/// A second test contract.
pub const OTHER_RULES: u64 = 501;
/// The weight every test contract call reports.
pub const RULE_CALL_WEIGHT: frame_support::weights::Weight =
	frame_support::weights::Weight::from_parts(7_000_000, 100);

std::thread_local! {
	/// Each test contract's answer.
	static ANSWERS: core::cell::RefCell<
		std::collections::BTreeMap<u64, Result<tamga_rules::Verdict, crate::RuleFailure>>,
	> = Default::default();
	/// What the test contracts were asked, in order: (contract, caller, input).
	static ASKED: core::cell::RefCell<Vec<(u64, u64, tamga_rules::RuleInput)>> = Default::default();
}

/// Makes `contract` a contract answering `answer`.
pub fn set_answer(contract: u64, answer: Result<tamga_rules::Verdict, crate::RuleFailure>) {
	ANSWERS.with(|answers| answers.borrow_mut().insert(contract, answer));
}

/// What the test contracts were asked so far (and forgets it).
pub fn asked() -> Vec<(u64, u64, tamga_rules::RuleInput)> {
	ASKED.with(|asked| asked.take())
}

/// A rule engine whose contracts answer what the test set ([`set_answer`]).
pub struct TestRules;

impl crate::RuleEngine<u64> for TestRules {
	fn is_contract(account: &u64) -> bool {
		ANSWERS.with(|answers| answers.borrow().contains_key(account))
	}

	fn max_weight() -> frame_support::weights::Weight {
		RULE_CALL_WEIGHT.saturating_mul(3)
	}

	fn validate(
		contract: &u64,
		caller: &u64,
		input: &tamga_rules::RuleInput,
	) -> (frame_support::weights::Weight, Result<tamga_rules::Verdict, crate::RuleFailure>) {
		ASKED.with(|asked| asked.borrow_mut().push((*contract, *caller, input.clone())));
		let answer = ANSWERS.with(|answers| answers.borrow().get(contract).copied());
		(RULE_CALL_WEIGHT, answer.unwrap_or(Err(crate::RuleFailure::NoContract)))
	}
}
