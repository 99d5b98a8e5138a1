//! The configuration of every pallet in the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use super::call_policy::{ProposalCalls, RootCalls, TamgaCallPolicy};
use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Governance, Hash, Nonce, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, SessionKeys, System, DAYS, EXISTENTIAL_DEPOSIT, SESSION_LENGTH, SLOT_DURATION,
	VERSION,
};

/// Share of a block that normal (non-operational) extrinsics may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// The most validators (one or a few per administration) the chain supports.
pub const MAX_AUTHORITIES: u32 = 100;

parameter_types! {
	/// Blocks whose hashes `frame_system` keeps (for mortal transactions): ~1 hour.
	pub const BlockHashCount: BlockNumber = 1_800;
	/// The runtime version.
	pub const Version: RuntimeVersion = VERSION;
	/// Two thirds of a second of compute per 2-second block (a third of the slot, the
	/// share polkadot-sdk's own chains give blocks): the author must build the block and
	/// every other validator import it within the slot (`docs/decisions.md`, "Two thirds
	/// of a second per block").
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND * 2 / 3, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// At most 5 MiB per block, 75% of it for normal extrinsics.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The generic Substrate SS58 address prefix.
	pub const SS58Prefix: u16 = 42;
}

/// Calls no signed account may make: `Session::purge_keys` (a current validator dropping
/// its keys would silently shrink the authority set below the voted minimum; keys are
/// rotated with `set_keys`, and a validator leaves by a vote).
pub struct TamgaCallFilter;
impl frame_support::traits::Contains<RuntimeCall> for TamgaCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Session(pallet_session::Call::purge_keys { .. }))
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = TamgaCallFilter;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// Storage read and write costs measured on RocksDB (`db_weight.rs`).
	type DbWeight = crate::db_weight::TamgaDbWeight;
	/// polkadot-sdk's measured costs of the system transaction extensions, with this
	/// chain's storage costs.
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need a session-based key-ownership proof; validators here are
	// known administrations, and misbehaviour is dealt with by a governance vote.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Sessions last [`SESSION_LENGTH`] blocks.
	pub const SessionPeriod: BlockNumber = SESSION_LENGTH;
	/// The first session ends at block `SESSION_LENGTH`.
	pub const SessionOffset: BlockNumber = 0;
	/// A proposal may carry a call using at most half a block's compute: the vote that
	/// passes it dispatches it in the same block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	/// The validator set is the one the consortium voted.
	type SessionManager = Governance;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No staking and no slashing, so nothing to disable automatically; a misbehaving
	/// validator is removed by a vote.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// No token economics: setting keys holds no deposit (only known accounts may send
	/// transactions at all).
	type KeyDeposit = ConstU128<0>;
}

impl pallet_tamga_governance::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	/// A passed proposal is dispatched with the consortium's origin (ayes of all
	/// administrations); only [`RootCalls`] get `Root`, and there is no other way to
	/// `Root` on a chain without a sudo pallet.
	type ConsortiumOrigin = pallet_tamga_governance::EnsureConsortium<RuntimeOrigin>;
	type MaxAdministrations = ConstU32<64>;
	type MaxMembersPerAdministration = ConstU32<16>;
	type MaxNameLength = ConstU32<128>;
	/// Enough for any call but `set_code`; runtime upgrades are voted as
	/// `System::authorize_upgrade(code_hash)` and the code is then supplied by anyone.
	type MaxCallSize = ConstU32<{ 16 * 1024 }>;
	type MaxProposalWeight = MaxProposalWeight;
	/// A week to vote.
	type ProposalLifetime = ConstU32<{ 7 * DAYS }>;
	type MaxOpenProposals = ConstU32<64>;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	/// Four validators tolerate one faulty or offline validator under GRANDPA
	/// (n >= 3f + 1), so the set is never voted below that.
	type MinValidators = ConstU32<4>;
	/// A few nodes per administration (validators, RPC nodes for border posts, archives).
	type MaxNodes = ConstU32<512>;
	type ValidatorRegistration = super::Session;
	/// An allow-list: the consortium's own decisions and runtime upgrades.
	type ProposalFilter = ProposalCalls;
	type RootCalls = RootCalls;
	/// Four open proposals per administration: one member key (or a stolen one) cannot
	/// fill the 64 slots and block the vote that would remove it.
	type MaxProposalsPerAdministration = ConstU32<4>;
	/// Each standing's calls (`call_policy.rs`); contracts are the administrations' own:
	/// parties' documents reach rule contracts only through the certificates pallet.
	type CallPolicy = TamgaCallPolicy;
	/// 8 KiB: a registration with a full bill of materials (64 lines) is ~4.5 KiB, a batch
	/// is a root and a count; a party has no reason to send more.
	type MaxPartyTransactionLength = ConstU32<{ 8 * 1024 }>;
	/// 8,192 transactions ahead of the party's nonce, the node's default pool size. It must
	/// not be smaller than what a party may have had accepted on a fork, which the pool
	/// resubmits when the fork is abandoned (`docs/decisions.md`, "A party's pool bound").
	/// Fairness between parties comes from the priorities and the per-block share below.
	type MaxPartyPooled = ConstU32<8192>;
	/// 128 per block, a fifth of a block of registrations (~658): one party flooding
	/// leaves the rest of every block to everyone else.
	type MaxPartyTransactionsPerBlock = ConstU32<128>;
	/// A leaving administration's agreements, rule slots and exchange key end with it.
	type OnAdministrationLeft = (super::Aeo, (super::Certificates, super::Exchange));
	type WeightInfo = pallet_tamga_governance::weights::TamgaWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkClock;
}

/// Benchmarks only: gives a validator session keys derived from its account.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_tamga_governance::BenchmarkHelper<AccountId> for BenchmarkClock {
	fn register_validator(who: &AccountId) {
		let seed: [u8; 32] = *who.as_ref();
		let keys = super::SessionKeys {
			aura: AuraId::from(sp_core::sr25519::Public::from_raw(seed)),
			grandpa: pallet_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(seed)),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

impl pallet_tamga_certificates::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Issuers and officers are those the administrations accredited.
	type Permissions = Governance;
	/// Validity windows are checked against the block timestamp.
	type Time = super::Timestamp;
	type MaxNumberLength = ConstU32<64>;
	type MaxHsCodes = ConstU32<32>;
	/// Room for many partial imports against one certificate.
	type MaxHistory = ConstU32<256>;
	/// A batch stores only its root and count; ten million documents per batch.
	type MaxBatchSize = ConstU32<10_000_000>;
	/// An exporter waits on at most 1,000 applications at once.
	type MaxPendingApplications = ConstU32<1_000>;
	/// A bill of materials of up to 64 lines.
	type MaxMaterials = ConstU32<64>;
	/// Administrations' rule contracts run on pallet-contracts.
	type RuleEngine = super::contracts::ContractRuleEngine;
	/// Document types are added by a passed proposal (two thirds of the administrations).
	type RegistryOrigin = pallet_tamga_governance::EnsureConsortium<RuntimeOrigin>;
	type WeightInfo = pallet_tamga_certificates::weights::TamgaWeight<Runtime>;
}

impl pallet_tamga_carnets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Guaranteeing associations and officers are those the administrations accredited.
	type Permissions = Governance;
	/// Validity is checked against the block timestamp.
	type Time = super::Timestamp;
	/// Carnet numbers such as `KZ/2026/000123` with room for national formats.
	type MaxNumberLength = ConstU32<32>;
	/// A carnet lists at most 24 countries of use (transit included).
	type MaxCountries = ConstU32<24>;
	type WeightInfo = pallet_tamga_carnets::weights::TamgaWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkClock;
}

/// Benchmarks only: moves the block timestamp the carnets and AEO pallets read.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkClock;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_tamga_carnets::BenchmarkHelper for BenchmarkClock {
	fn set_day(day: u32) {
		pallet_timestamp::Now::<Runtime>::put(u64::from(day) * 86_400_000);
	}
}

impl pallet_tamga_aeo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Administrations and their AEO offices act; the governance pallet knows them.
	type Permissions = Governance;
	/// Validity and agreement dates are checked against the block timestamp.
	type Time = super::Timestamp;
	/// An administration has at most 32 agreements; a status change notifies each partner
	/// (its weight is measured with all 32).
	type MaxPartners = ConstU32<32>;
	type WeightInfo = pallet_tamga_aeo::weights::TamgaWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkClock;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_tamga_aeo::BenchmarkHelper for BenchmarkClock {
	fn set_day(day: u32) {
		pallet_timestamp::Now::<Runtime>::put(u64::from(day) * 86_400_000);
	}
}

impl pallet_tamga_exchange::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Administrations' member accounts act; the governance pallet knows them.
	type Permissions = Governance;
	/// Field commitments are made on the certificates pallet's documents.
	type Documents = AnchoredCertificates;
	/// An administration has at most 32 agreements not terminated, as for MRAs.
	type MaxPartners = ConstU32<32>;
	/// 16 records per administration and document: the controls, releases and uses of
	/// one shipment (a certificate is used a handful of times).
	type MaxAppendices = ConstU32<16>;
	/// 256 receipts per call: a receiving node's receipts of about a block's deliveries at
	/// the 200/s target in one transaction (≈ 70 B each; ≈ 100 ms of weight by the
	/// counted weights, a fifth of a block's normal share).
	type MaxReceiptsPerCall = ConstU32<256>;
	type WeightInfo = pallet_tamga_exchange::weights::TamgaWeight<Runtime>;
}

/// The certificates pallet's documents, as the exchange pallet asks about them.
pub struct AnchoredCertificates;

impl pallet_tamga_exchange::AnchoredDocuments<AccountId> for AnchoredCertificates {
	fn document(id: &sp_core::H256) -> Option<pallet_tamga_exchange::AnchoredDocument<AccountId>> {
		let record = pallet_tamga_certificates::Documents::<Runtime>::get(id)?;
		let document_type = super::Certificates::document_type(record.facts.kind).ok()?;
		Some(pallet_tamga_exchange::AnchoredDocument {
			author: record.issuer,
			// The exporting country is the issuer's own.
			country: record.facts.exporting,
			kind: document_type.accreditation,
			role: document_type.author,
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_document(id: &sp_core::H256, author: &AccountId) {
		use pallet_tamga_certificates::{CertificateKind, FactsOf, RecordOf, Status};
		let kz = pallet_tamga_governance::CountryCode::new(*b"KZ").expect("assigned");
		let facts = FactsOf::<Runtime> {
			kind: CertificateKind(0),
			number: b"BENCH-1".to_vec().try_into().expect("short"),
			exporting: kz,
			importing: kz,
			hs_codes: Default::default(),
			valid_from: 0,
			valid_until: u32::MAX,
			quantity: 1,
			unit: *b"KGM",
			exporter_commitment: Default::default(),
		};
		pallet_tamga_certificates::Documents::<Runtime>::insert(
			id,
			RecordOf::<Runtime> {
				facts,
				issuer: author.clone(),
				registered_at: 0,
				status: Status::Issued,
				replaces: None,
				applicant: None,
				used: 0,
				warnings: Default::default(),
			},
		);
	}
}
