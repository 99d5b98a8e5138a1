//! # Tamga runtime
//!
//! The FRAME runtime of Tamga, the permissioned ledger of a consortium of customs
//! administrations. This crate composes the pallets, fixes the chain's basic types and
//! exposes the runtime APIs the node and standard clients (polkadot.js apps, subxt) use.
//!
//! ## Pallets
//! - `System`, `Timestamp`: FRAME basics.
//! - `Governance`: the consortium of administrations, its 2/3 votes, validator set,
//!   accreditation and the permission check (`pallet-tamga-governance`).
//! - `Session`: rotates the validator set every [`SESSION_LENGTH`] blocks, taking the set
//!   `Governance` voted, and hands its keys to `Aura` and `Grandpa`.
//! - `Certificates`: certificates of origin and veterinary certificates anchored by hash,
//!   with replacement, revocation, uses, Merkle batches and history
//!   (`pallet-tamga-certificates`).
//! - `Carnets`: ATA carnets with voucher movements checked on chain and claims after
//!   expiry (`pallet-tamga-carnets`).
//! - `Aeo`: AEO certifications, mutual recognition agreements, recognition queries and
//!   partner acknowledgements (`pallet-tamga-aeo`).
//! - `Aura` (block production) and `Grandpa` (finality): one slot author per administration's
//!   validator, finality once more than 2/3 of validators agree.
//! - `Balances`: accounts and deposits. Tamga has no token economics and charges no
//!   transaction fees; balances exist so that storage deposits (e.g. for validation
//!   contracts) can be held.
//!
//! There is no `Sudo` pallet: every chain, the single-validator `dev` chain included, is
//! governed by its administrations' votes (on `dev` one administration, so 1 of 1).
//!
//! ## Modules
//! - [`configs`]: the `Config` of every pallet.
//! - [`call_policy`]: which calls each standing may send, and what proposals may carry.
//! - [`apis`]: the runtime APIs.
//! - [`genesis_presets`]: the `development` and `local_testnet` genesis presets.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-style macros expand to large types.
#![recursion_limit = "256"]

#[cfg(all(feature = "std", feature = "wasm-binary"))]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;

pub mod apis;
pub mod call_policy;
#[cfg(feature = "std")]
pub mod client;
pub mod configs;
pub mod contracts;
pub mod db_weight;
pub mod dry_runs;
pub mod genesis_presets;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// A block number.
pub type BlockNumber = u32;
/// A transaction signature (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// An account identifier: the public key of the account's signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance. Used for deposits only: Tamga charges no fees.
pub type Balance = u128;
/// The number of transactions an account has sent.
pub type Nonce = u32;
/// A hash of some data used by the chain (blake2-256).
pub type Hash = sp_core::H256;

/// One unit of the chain's balance (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// One thousandth of a unit.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Target time between blocks, in milliseconds.
///
/// Two seconds: GRANDPA votes on each new block within a few gossip rounds (~1 s on a
/// LAN), so a document is final well inside the 3 s p95 target after inclusion, while a
/// 2-core validator still has ~1.3 s of the slot to author a block.
pub const MILLISECS_PER_BLOCK: u64 = 2_000;
/// The Aura slot duration. It can never change once the chain has started.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Blocks per session: validator-set changes the consortium votes are queued at the next
/// session change and take effect at the one after, so within two sessions (80 s).
/// Short sessions cost nothing here (no staking, no rewards) and keep changes prompt.
pub const SESSION_LENGTH: BlockNumber = 20;

/// Types the client uses without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	/// An opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// An opaque block hash.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: one Aura key to author blocks and one GRANDPA key
	/// to vote on finality.
	pub struct SessionKeys {
		/// The block-authoring key (sr25519).
		pub aura: Aura,
		/// The finality-voting key (ed25519).
		pub grandpa: Grandpa,
	}
}

/// The runtime version. Bump `spec_version` on every change of runtime logic.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tamga"),
	impl_name: alloc::borrow::Cow::Borrowed("tamga"),
	authoring_version: 1,
	spec_version: 118,
	impl_version: 2,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

#[frame_support::runtime]
mod runtime {
	/// The Tamga runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events, runtime code.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block timestamp, set by an inherent.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Account balances (deposits only; no fees).
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	/// The consortium: administrations, votes, validators, accreditation. Its genesis
	/// must be built before `Session`'s, which asks it for the first validator set.
	#[runtime::pallet_index(3)]
	pub type Governance = pallet_tamga_governance;

	/// Validator-set rotation and session keys.
	#[runtime::pallet_index(4)]
	pub type Session = pallet_session;

	/// Aura block production.
	#[runtime::pallet_index(5)]
	pub type Aura = pallet_aura;

	/// GRANDPA finality.
	#[runtime::pallet_index(6)]
	pub type Grandpa = pallet_grandpa;

	/// Certificates of origin and veterinary certificates, anchored by hash.
	#[runtime::pallet_index(8)]
	pub type Certificates = pallet_tamga_certificates;

	/// ATA carnets: issue, voucher movements, claims.
	#[runtime::pallet_index(9)]
	pub type Carnets = pallet_tamga_carnets;

	/// AEO certifications and mutual recognition agreements.
	#[runtime::pallet_index(10)]
	pub type Aeo = pallet_tamga_aeo;

	#[runtime::pallet_index(11)]
	pub type Contracts = pallet_contracts;

	/// Data-sharing agreements between administrations, their exchange keys and the
	/// field-group commitments of anchored documents.
	#[runtime::pallet_index(12)]
	pub type Exchange = pallet_tamga_exchange;
}

/// The address format of extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed transaction carries, checked in this order.
///
/// There is no fee payment: Tamga is a permissioned ledger and its administrations do not
/// charge one another for writing. Spam is bounded by block weight and length, and by
/// `CheckAccess` (in the place of `frame_system::CheckNonce`, with its wire format): only
/// members, validators and accredited parties may transact, each only the calls of its
/// standing (`call_policy`), and parties within size, pool and per-block bounds.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	pallet_tamga_governance::CheckAccess<Runtime>,
	frame_system::CheckWeight<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

#[cfg(feature = "std")]
pub use client::{sign, tx_extension, Lifetime};

/// An extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a transaction's signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade, besides the pallets' own. Each is
/// versioned (it runs only while its pallet's storage version is the one it upgrades from),
/// so it may stay listed until every chain has upgraded past it.
type Migrations = (
	pallet_tamga_certificates::migrations::v1::Migration<Runtime>,
	pallet_tamga_certificates::migrations::v2::Migration<Runtime>,
);

/// Dispatches extrinsics and runs block hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[cfg(test)]
mod tests;
