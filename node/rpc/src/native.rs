//! A faster path for the most frequent question, "is this document valid?": the node may
//! answer it by running the pallet's own verification compiled into the node, reading the
//! block's state directly, instead of calling the runtime's Wasm.
//!
//! That is only sound while the runtime at the block is the very code the node was built
//! with, so an implementation must answer `None` for any other runtime (after an upgrade
//! the node has not caught up with), and the method then falls back to the runtime API.

use pallet_tamga_certificates::{DocumentId, Verification};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	AccountId32,
};

/// Verifies documents natively where the node's own runtime is the one on chain.
pub trait NativeVerifier<Block: BlockT>: Send + Sync {
	/// `Some(answer)`: the verification of document `id` as of block `at`, computed natively
	/// because the runtime at `at` is the node's own. `None`: it cannot be computed natively
	/// (another runtime, or the state is unavailable); ask the runtime API instead.
	fn verify_document(
		&self,
		at: Block::Hash,
		id: DocumentId,
	) -> Option<Option<Verification<AccountId32, NumberFor<Block>>>>;
}
