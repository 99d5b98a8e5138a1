//! Signed extrinsics made here, with the runtime's own types, many at a time: the
//! benchmark must not be limited by its own client.

use codec::Encode;
use sp_core::{crypto::Pair as _, sr25519, H256};
use tamga_runtime::{AccountId, RuntimeCall};

/// What a signature commits to besides the call: the chain and its runtime version.
#[derive(Clone, Copy, Debug)]
pub struct ChainContext {
	/// The genesis hash.
	pub genesis: H256,
	/// The runtime's `spec_version`.
	pub spec_version: u32,
	/// The runtime's `transaction_version`.
	pub transaction_version: u32,
}

/// An sr25519 account of a development secret URI.
#[derive(Clone)]
pub struct Signer {
	/// Its key pair.
	pub pair: sr25519::Pair,
}

impl Signer {
	/// The signer of `suri` (e.g. `//Alice`, `//Issuer7`).
	pub fn dev(suri: &str) -> Self {
		Self { pair: sr25519::Pair::from_string(suri, None).expect("a valid dev URI") }
	}

	/// Its account.
	pub fn account(&self) -> AccountId {
		self.pair.public().into()
	}

	/// `call` signed with `nonce`, SCALE-encoded as `author_submitExtrinsic` takes it.
	pub fn sign(&self, context: &ChainContext, nonce: u32, call: RuntimeCall) -> Vec<u8> {
		tamga_runtime::sign(
			&self.pair,
			call,
			nonce,
			context.spec_version,
			context.transaction_version,
			context.genesis,
			// Signed far ahead of submission, in windows of thousands.
			tamga_runtime::Lifetime::Immortal,
		)
		.encode()
	}
}
