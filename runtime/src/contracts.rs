//! Smart contracts: `pallet-contracts` configured for administrations' rule contracts.
//!
//! - Bounded and deterministic: no unstable host functions, no runtime calls or XCM from
//!   contracts, every call runs with `Determinism::Enforced` (code that uses floats may be
//!   uploaded as `Relaxed` but never runs on chain), a call stack of 5 frames, code at most
//!   123 KiB.
//! - Only a member account of an administration uploads code or instantiates contracts
//!   ([`AdministrationMember`]); pool gating lets only member accounts send any contract
//!   call (`configs::ContractCalls`); deposits are held in the chain's unit. A contract that
//!   instantiates another is not checked against `InstantiateOrigin` (pallet-contracts
//!   checks extrinsics only); its own deposit pays for it.
//! - Contracts read the certificate registry through [`RegistryExtension`]
//!   (`tamga_rules::extension`).
//! - The certificates pallet asks rule contracts for verdicts through
//!   [`ContractRuleEngine`].

use alloc::vec::Vec;
use codec::{DecodeAll, Encode};
use frame_support::{
	parameter_types,
	storage::{with_transaction, TransactionOutcome},
	traits::{ConstBool, ConstU32, EnsureOrigin, Nothing, Randomness},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use pallet_contracts::{
	chain_extension::{ChainExtension, Environment, Ext, InitState, RetVal},
	CollectEvents, DebugInfo, Determinism, Frame, Schedule,
};
use pallet_tamga_certificates::{RuleEngine, RuleFailure};
use pallet_tamga_governance::Permissions;
use sp_runtime::{DispatchError, Perbill};
use tamga_rules::{DocumentSummary, RuleInput, Verdict};

use super::{
	AccountId, Balance, Balances, Governance, Hash, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, Timestamp, MILLI_UNIT, UNIT,
};

/// The deposit held for `items` storage items of `bytes` bytes: 0.1 UNIT per item and
/// 0.005 MILLI_UNIT per byte (a 50 KB contract holds about 0.25 UNIT).
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance * UNIT + (bytes as Balance) * (5 * MILLI_UNIT / 100)) / 10
}

/// The most gas (weight) one rule contract call may use: 16 ms of compute and 4 MiB of
/// proof. The runtime test measures `origin-rules`' `validate` at about 0.26 ms and 60 KB
/// of proof for an ordinary document, and at its worst (64 materials, each with its own
/// origin evidence read through [`RegistryExtension`], ~0.17 ms and 16 KiB each) at about
/// 10.9 ms and 1.1 MB (`tests/contracts.rs`): this limit leaves a third in reserve. Every
/// anchoring declares room for two such calls and is refunded what they did not use.
pub const RULE_GAS_LIMIT: Weight = Weight::from_parts(16_000_000_000, 4 * 1024 * 1024);

parameter_types! {
	/// pallet-contracts' default limits and instruction costs.
	pub ContractsSchedule: Schedule<Runtime> = Default::default();
	/// 0.1 UNIT per storage item a contract holds.
	pub const DepositPerItem: Balance = deposit(1, 0);
	/// 0.005 MILLI_UNIT per byte a contract holds.
	pub const DepositPerByte: Balance = deposit(0, 1);
	/// The deposit limit of calls that name none.
	pub const DefaultDepositLimit: Balance = deposit(1024, 1024 * 1024);
	/// Uploads are permissioned, so instantiated code needs no extra lock-up.
	pub const CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(0);
}

/// Contracts may not ask for randomness (`seal_random` is deprecated, and code that
/// imports it cannot be uploaded); this source answers a constant.
pub struct NoRandomness;
impl Randomness<Hash, BlockNumberFor<Runtime>> for NoRandomness {
	fn random(_subject: &[u8]) -> (Hash, BlockNumberFor<Runtime>) {
		(Hash::zero(), 0)
	}
}

/// A signed origin from a member account of an administration; its account holds the
/// deposit and owns the code or contract.
pub struct AdministrationMember;
impl EnsureOrigin<RuntimeOrigin> for AdministrationMember {
	type Success = AccountId;

	fn try_origin(origin: RuntimeOrigin) -> Result<AccountId, RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) if Governance::ensure_member(&who).is_ok() => Ok(who),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		let who = AccountId::from([1u8; 32]);
		let country = pallet_tamga_governance::CountryCode::new(*b"KZ").ok_or(())?;
		Governance::set_up_member(&who, country);
		Ok(RawOrigin::Signed(who).into())
	}
}

impl pallet_contracts::Config for Runtime {
	type Time = Timestamp;
	type Randomness = NoRandomness;
	type Currency = Balances;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Contracts dispatch no runtime calls.
	type CallFilter = Nothing;
	/// No transaction fees on this chain, so gas has no price.
	type WeightPrice = ();
	type WeightInfo = pallet_contracts::weights::SubstrateWeight<Runtime>;
	type ChainExtension = RegistryExtension;
	type Schedule = ContractsSchedule;
	type CallStack = [Frame<Runtime>; 5];
	type DepositPerByte = DepositPerByte;
	type DefaultDepositLimit = DefaultDepositLimit;
	type DepositPerItem = DepositPerItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	type AddressGenerator = pallet_contracts::DefaultAddressGenerator;
	/// Within the bound the pallet's integrity test derives from the call stack and the
	/// runtime memory.
	type MaxCodeLen = ConstU32<{ 123 * 1024 }>;
	type MaxStorageKeyLen = ConstU32<128>;
	type MaxTransientStorageSize = ConstU32<{ 1024 * 1024 }>;
	type MaxDelegateDependencies = ConstU32<32>;
	/// Never link host functions still being designed.
	type UnsafeUnstableInterface = ConstBool<false>;
	type MaxDebugBufferLen = ConstU32<{ 2 * 1024 * 1024 }>;
	type UploadOrigin = AdministrationMember;
	type InstantiateOrigin = AdministrationMember;
	type Migrations = ();
	type Debug = ();
	type Environment = ();
	type ApiVersion = ();
	type Xcm = ();
}

/// The chain extension through which contracts read the certificate registry
/// (`tamga_rules::extension`).
#[derive(Default)]
pub struct RegistryExtension;

impl ChainExtension<Runtime> for RegistryExtension {
	fn call<E: Ext<T = Runtime>>(
		&mut self,
		env: Environment<E, InitState>,
	) -> Result<RetVal, DispatchError> {
		if env.ext_id() != tamga_rules::extension::ID {
			return Err(DispatchError::Other("tamga: unknown chain extension"));
		}
		let mut env = env.buf_in_buf_out();
		match env.func_id() {
			tamga_rules::extension::DOCUMENT => {
				// Charged before any work: the record, its issuer's accreditation and
				// administration, and the verdict's computation.
				env.charge_weight(document_weight())?;
				let id: [u8; 32] = env.read_as()?;
				let verification =
					pallet_tamga_certificates::Pallet::<Runtime>::verify(Hash::from(id));
				// A type the consortium added is read from the registry: one read more.
				if verification.as_ref().is_some_and(|v| v.kind.built_in().is_none()) {
					env.charge_weight(<Runtime as frame_system::Config>::DbWeight::get().reads(1))?;
				}
				let summary = verification.and_then(document_summary);
				env.write(&summary.encode(), false, None)?;
				Ok(RetVal::Converging(0))
			},
			_ => Err(DispatchError::Other("tamga: unknown chain extension function")),
		}
	}
}

/// The weight of [`tamga_rules::extension::DOCUMENT`]: what `tamga_verifyDocument` reads
/// (the record, the issuer's accreditation, its administration: 4 reads) and a bound of
/// 50 µs for decoding the record and computing the verdict (the native verifier answers in
/// well under that), with 16 KiB of proof.
pub(crate) fn document_weight() -> Weight {
	Weight::from_parts(50_000_000, 16 * 1024)
		.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(4))
}

/// What the chain tells a contract about the document `verification` is of; `None` for a
/// type no rule contract judges (conformity certificates, licences). A built-in type is
/// known from the code; only a type the consortium added is read from the registry (the
/// extension charges that read).
pub fn document_summary(
	verification: pallet_tamga_certificates::Verification<AccountId, super::BlockNumber>,
) -> Option<DocumentSummary> {
	let document_type = match verification.kind.built_in() {
		Some(built_in) => built_in,
		None => {
			pallet_tamga_certificates::Pallet::<Runtime>::document_type(verification.kind).ok()?
		},
	};
	Some(DocumentSummary {
		kind: pallet_tamga_certificates::rules::rule_kind(document_type.accreditation)?,
		form: pallet_tamga_certificates::rules::rule_form(verification.kind),
		exporting: *verification.exporting.as_bytes(),
		importing: *verification.importing.as_bytes(),
		hs_codes: verification
			.hs_codes
			.iter()
			.map(pallet_tamga_certificates::HsCode::number)
			.collect(),
		in_force: verification.validity == pallet_tamga_certificates::Validity::Valid,
		issuer_accredited: verification.issuer_accredited,
	})
}

/// The selector of an ink! message or constructor: the first four bytes of the
/// blake2-256 hash of its name.
pub fn selector(name: &str) -> [u8; 4] {
	let hash = sp_io::hashing::blake2_256(name.as_bytes());
	[hash[0], hash[1], hash[2], hash[3]]
}

/// Calls rule contracts with `pallet-contracts`: the `validate(RuleInput) -> Verdict`
/// message, with [`RULE_GAS_LIMIT`], no value and no storage deposit, deterministically,
/// inside a storage transaction that is always rolled back: judging changes nothing (no
/// storage written or deleted, no funds moved, no contract terminated), whatever the
/// contract tries.
pub struct ContractRuleEngine;

impl RuleEngine<AccountId> for ContractRuleEngine {
	fn is_contract(account: &AccountId) -> bool {
		pallet_contracts::Pallet::<Runtime>::code_hash(account).is_some()
	}

	fn max_weight() -> Weight {
		call_weight().saturating_add(RULE_GAS_LIMIT)
	}

	fn validate(
		contract: &AccountId,
		caller: &AccountId,
		input: &RuleInput,
	) -> (Weight, Result<Verdict, RuleFailure>) {
		let mut data: Vec<u8> = selector("validate").to_vec();
		input.encode_to(&mut data);
		let result = with_transaction(|| {
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(
				pallet_contracts::Pallet::<Runtime>::bare_call(
					caller.clone(),
					contract.clone(),
					0,
					RULE_GAS_LIMIT,
					Some(0),
					data,
					DebugInfo::Skip,
					CollectEvents::Skip,
					Determinism::Enforced,
				),
			))
		});
		let result = match result {
			Ok(result) => result,
			// Only a transaction nested too deep fails here: no verdict.
			Err(_) => return (Self::max_weight(), Err(RuleFailure::Trapped)),
		};
		let used = call_weight().saturating_add(result.gas_consumed);
		let verdict = match result.result {
			Err(error) => Err(failure(error)),
			Ok(answer) if answer.did_revert() => Err(RuleFailure::Reverted),
			Ok(answer) => tamga_rules::message_answer(&answer.data)
				.and_then(|mut verdict| Verdict::decode_all(&mut verdict).ok())
				.ok_or(RuleFailure::BadAnswer),
		};
		(used, verdict)
	}
}

/// The measured cost of a contract call besides its gas (loading the contract and its
/// code).
fn call_weight() -> Weight {
	<pallet_contracts::weights::SubstrateWeight<Runtime> as pallet_contracts::WeightInfo>::call()
}

/// What a contract call's error means for the registration.
fn failure(error: DispatchError) -> RuleFailure {
	use pallet_contracts::Error;
	let is = |e: Error<Runtime>| error == DispatchError::from(e);
	if is(Error::OutOfGas) {
		RuleFailure::OutOfGas
	} else if is(Error::ContractNotFound) || is(Error::CodeNotFound) {
		RuleFailure::NoContract
	} else if is(Error::StorageDepositLimitExhausted)
		|| is(Error::StorageDepositNotEnoughFunds)
		|| is(Error::TransferFailed)
	{
		RuleFailure::SideEffects
	} else {
		RuleFailure::Trapped
	}
}
