//! What Tamga's clients (the `tamga` tool, the throughput tool, the tests) need of the
//! runtime to talk to a node: the signed transaction they submit, and the storage keys
//! they read. One definition here, so that no client builds them by hand.

use frame_support::traits::PalletInfoAccess;
use sp_runtime::{generic, MultiAddress, MultiSignature};

use crate::{
	AccountId, BlockNumber, Hash, Nonce, Runtime, RuntimeCall, SignedPayload, System, TxExtension,
	UncheckedExtrinsic,
};

/// The blocks a signed transaction may be included in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
	/// Any block: for tools that sign far ahead of submission (the nonce still prevents a
	/// transaction from being included twice).
	Immortal,
	/// The `period` blocks (a power of two from 4 to 65,536) from block `birth`, whose
	/// hash is `birth_hash`, on: a transaction dropped from the pool cannot be submitted
	/// again and included after that, and it is valid only on the fork holding `birth`.
	Mortal {
		/// How many blocks it lives.
		period: u64,
		/// The block it is born in.
		birth: BlockNumber,
		/// That block's hash.
		birth_hash: Hash,
	},
}

impl Lifetime {
	/// The era the transaction carries.
	fn era(&self) -> generic::Era {
		match *self {
			Self::Immortal => generic::Era::Immortal,
			Self::Mortal { period, birth, .. } => generic::Era::mortal(period, birth.into()),
		}
	}

	/// The hash the era check signs: the birth block's, or the genesis block's.
	fn checkpoint(&self, genesis: Hash) -> Hash {
		match *self {
			Self::Immortal => genesis,
			Self::Mortal { birth_hash, .. } => birth_hash,
		}
	}
}

/// The extensions Tamga's clients attach to a signed transaction with `nonce`, valid for
/// `lifetime`.
pub fn tx_extension(nonce: Nonce, lifetime: Lifetime) -> TxExtension {
	(
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(lifetime.era()),
		pallet_tamga_governance::CheckAccess::from(nonce),
		frame_system::CheckWeight::new(),
		frame_system::WeightReclaim::new(),
	)
}

/// `call` signed by `pair` with `nonce`, for the chain whose genesis block hash is
/// `genesis` and whose runtime has `spec_version` and `transaction_version`, valid for
/// `lifetime`: the extrinsic Tamga's clients submit, with the extensions of
/// [`tx_extension`].
pub fn sign(
	pair: &sp_core::sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
	spec_version: u32,
	transaction_version: u32,
	genesis: Hash,
	lifetime: Lifetime,
) -> UncheckedExtrinsic {
	use sp_core::Pair;
	let versions = Versions { spec_version, transaction_version, genesis };
	sign_with(pair.public(), call, nonce, versions, lifetime, |bytes| Some(pair.sign(bytes)))
		.expect("a key pair always signs")
}

/// What a signature commits to of the chain: its runtime's versions and its genesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Versions {
	/// The runtime's `spec_version`.
	pub spec_version: u32,
	/// The runtime's `transaction_version`.
	pub transaction_version: u32,
	/// The genesis block's hash.
	pub genesis: Hash,
}

/// `call` signed for `signer` by `sign` (e.g. a node's keystore, which never hands out its
/// key), as [`sign`] does; `None` if `sign` gives no signature.
pub fn sign_with(
	signer: sp_core::sr25519::Public,
	call: RuntimeCall,
	nonce: Nonce,
	versions: Versions,
	lifetime: Lifetime,
	sign: impl FnOnce(&[u8]) -> Option<sp_core::sr25519::Signature>,
) -> Option<UncheckedExtrinsic> {
	use codec::Encode;
	let Versions { spec_version, transaction_version, genesis } = versions;
	let extension = tx_extension(nonce, lifetime);
	// The implicit data each extension signs: versions, the genesis hash, the era's
	// birth block hash.
	let implicit = (
		(),
		(),
		spec_version,
		transaction_version,
		genesis,
		lifetime.checkpoint(genesis),
		(),
		(),
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(sign)?;
	Some(UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer.into()),
		MultiSignature::Sr25519(signature),
		extension,
	))
}

/// The storage keys clients read.
pub mod storage_keys {
	use super::*;

	/// `System::Events`: the events of the block the state is read at.
	pub fn system_events() -> Vec<u8> {
		frame_support::storage::storage_prefix(System::name().as_bytes(), b"Events").to_vec()
	}

	/// `System::Number`: the number of the block the state is read at.
	pub fn system_number() -> Vec<u8> {
		frame_support::storage::storage_prefix(System::name().as_bytes(), b"Number").to_vec()
	}

	/// `System::Account` of `account`: its nonce comes first.
	pub fn system_account(account: &AccountId) -> Vec<u8> {
		frame_system::Account::<Runtime>::hashed_key_for(account)
	}
}
