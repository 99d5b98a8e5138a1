//! The receiving node's own account, an exchange node accredited by its administration
//! (`Role::ExchangeNode`): it signs the receipts of what the node received with the key
//! under type [`KEY_TYPE`] in the node's keystore, which never leaves it.

use std::sync::{Arc, Mutex};

use codec::Encode;
use sc_transaction_pool_api::{TransactionPool, TransactionSource};
use sp_api::{Core, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::KeyTypeId, sr25519};
use sp_keystore::KeystorePtr;
use sp_runtime::OpaqueExtrinsic;
use substrate_frame_rpc_system::AccountNonceApi;
use tamga_runtime::{
	client::{sign_with, Lifetime, Versions},
	AccountId, BlockNumber, Nonce, RuntimeCall,
};

use super::chain::{Chain, ChainError};
use crate::service::FullPool;

/// The keystore type of an exchange node's account key (sr25519).
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"tmgx");

/// How many blocks a receipt transaction lives: if it is not included by then, the
/// node submits it again.
pub const RECEIPT_LIFETIME: u32 = 64;

/// Signs and submits the node's receipts, keeping its own nonce between blocks.
pub struct Signer {
	keystore: KeystorePtr,
	pool: Arc<FullPool>,
	next_nonce: Mutex<Option<Nonce>>,
}

impl Signer {
	/// A signer with `keystore`'s exchange-node key, submitting to `pool`.
	pub fn new(keystore: KeystorePtr, pool: Arc<FullPool>) -> Self {
		Self { keystore, pool, next_nonce: Mutex::new(None) }
	}

	/// The node's exchange account, if its keystore holds the key.
	pub fn account(&self) -> Option<sr25519::Public> {
		self.keystore.sr25519_public_keys(KEY_TYPE).into_iter().next()
	}

	/// Signs `call` with the node's exchange key and submits it on the best block;
	/// returns the last block it may be included in.
	pub async fn submit(
		&self,
		chain: &Chain,
		call: RuntimeCall,
	) -> Result<BlockNumber, ChainError> {
		let public = self.account().ok_or_else(|| {
			ChainError("the keystore holds no exchange-node key (type tmgx)".into())
		})?;
		let (best, number) = chain.best();
		let client = chain.client();
		let api = client.runtime_api();
		let version = api
			.version(best)
			.map_err(|e| ChainError(format!("cannot read the runtime version at {best}: {e}")))?;
		let account = AccountId::from(public);
		let on_chain = api
			.account_nonce(best, account)
			.map_err(|e| ChainError(format!("cannot read the node's nonce at {best}: {e}")))?;
		let nonce = {
			let mut next = self.next_nonce.lock().unwrap_or_else(|e| e.into_inner());
			let nonce = next.map_or(on_chain, |n| n.max(on_chain));
			*next = Some(nonce + 1);
			nonce
		};
		let versions = Versions {
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
			genesis: client.info().genesis_hash,
		};
		let lifetime = Lifetime::Mortal {
			period: u64::from(RECEIPT_LIFETIME),
			birth: number,
			birth_hash: best,
		};
		let keystore = self.keystore.clone();
		let signed = sign_with(public, call, nonce, versions, lifetime, |bytes| {
			keystore.sr25519_sign(KEY_TYPE, &public, bytes).ok().flatten()
		})
		.ok_or_else(|| ChainError("the keystore did not sign".into()))?;
		let extrinsic = OpaqueExtrinsic::try_from_encoded_extrinsic(&signed.encode())
			.map_err(|e| ChainError(format!("a signed receipt does not encode: {e}")))?;
		if let Err(error) = self.pool.submit_one(best, TransactionSource::Local, extrinsic).await {
			// Start again from the chain's nonce next time.
			*self.next_nonce.lock().unwrap_or_else(|e| e.into_inner()) = None;
			return Err(ChainError(format!("the pool refused a receipt: {error}")));
		}
		Ok(number + RECEIPT_LIFETIME)
	}
}
