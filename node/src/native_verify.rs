//! `tamga_verifyDocument` without a Wasm call: while the runtime on chain is the one this
//! node was built with (byte for byte the same code), the node runs the certificates
//! pallet's `verify` natively over the block's state. A border officer's check then costs
//! little more than the storage reads it makes. Any other runtime (an upgrade this node's
//! binary predates, or a chain spec built from other sources) is answered through the
//! runtime API as before.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
};

use pallet_tamga_certificates::{DocumentId, Verification};
use sc_client_api::{backend::Backend as _, TrieCacheContext};
use sp_core::{storage::well_known_keys::CODE, H256};
use sp_state_machine::{Backend as _, Ext, OverlayedChanges};
use tamga_runtime::{opaque::Block, AccountId, BlockNumber};

/// The node's database backend.
type FullBackend = sc_service::TFullBackend<Block>;

/// Native verification over the node's database.
pub struct NativeVerdicts {
	backend: Arc<FullBackend>,
	/// Counts the answers by path.
	metrics: Arc<crate::metrics::TamgaMetrics>,
	/// Whether each runtime code seen on chain (by its hash) is this node's own.
	own_code: Mutex<HashMap<H256, bool>>,
}

impl NativeVerdicts {
	/// Verification over `backend`'s state, counted in `metrics`.
	pub fn new(backend: Arc<FullBackend>, metrics: Arc<crate::metrics::TamgaMetrics>) -> Self {
		Self { backend, metrics, own_code: Mutex::new(HashMap::new()) }
	}

	/// Whether the code under `:code` in `state` is the runtime compiled into this node.
	fn is_own_runtime(
		&self,
		state: &<FullBackend as sc_client_api::Backend<Block>>::State,
	) -> bool {
		let Ok(Some(code_hash)) = state.storage_hash(CODE) else { return false };
		let mut known = self.own_code.lock().expect("never poisoned: no panics under the lock");
		*known.entry(code_hash).or_insert_with(|| {
			// The same code, compressed or not (a debug build's own runtime is not; the
			// one a consortium votes in is).
			let plain = |code: &[u8]| {
				sp_maybe_compressed_blob::decompress(
					code,
					sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT,
				)
				.map(|code| code.into_owned())
				.ok()
			};
			let own = tamga_runtime::WASM_BINARY.and_then(plain).is_some_and(|own| {
				state.storage(CODE).ok().flatten().and_then(|code| plain(&code)) == Some(own)
			});
			if own {
				log::info!(
					"tamga_verifyDocument: the runtime on chain (code {code_hash:?}) is this \
					 node's own; documents are verified natively"
				);
			} else {
				log::info!(
					"tamga_verifyDocument: the runtime on chain (code {code_hash:?}) is not \
					 this node's own build; documents are verified through the runtime API"
				);
			}
			own
		})
	}
}

impl tamga_rpc::NativeVerifier<Block> for NativeVerdicts {
	fn verify_document(
		&self,
		at: H256,
		id: DocumentId,
	) -> Option<Option<Verification<AccountId, BlockNumber>>> {
		let answer = self.natively(at, id);
		self.metrics.verified(answer.is_some());
		answer
	}
}

impl NativeVerdicts {
	/// The verification of `id` at `at` computed natively, or `None` if it cannot be.
	fn natively(
		&self,
		at: H256,
		id: DocumentId,
	) -> Option<Option<Verification<AccountId, BlockNumber>>> {
		let state = self.backend.state_at(at, TrieCacheContext::Untrusted).ok()?;
		if !self.is_own_runtime(&state) {
			return None;
		}
		let mut overlay = OverlayedChanges::<sp_runtime::traits::BlakeTwo256>::default();
		let mut ext = Ext::new(&mut overlay, &state, None);
		// A panic in native runtime code must not take the node down (Substrate's panic
		// handler exits the process by default): unwind, log it, and let the runtime API
		// answer instead, where a panic is a trap.
		let answer = {
			let _unwind = sp_panic_handler::AbortGuard::force_unwind();
			std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
				sp_externalities::set_and_run_with_externalities(&mut ext, || {
					tamga_runtime::Certificates::verify(id)
				})
			}))
		};
		match answer {
			Ok(verification) => Some(verification),
			Err(_) => {
				log::warn!(
					"tamga_verifyDocument: native verification of {id:?} at {at:?} panicked; \
					 answering through the runtime API"
				);
				None
			},
		}
	}
}
