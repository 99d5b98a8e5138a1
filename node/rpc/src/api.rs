//! The `tamga_*` JSON-RPC methods and their implementation over a Substrate client.

use std::{marker::PhantomData, sync::Arc};

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_tamga_certificates::{merkle, runtime_api::CertificatesApi};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	AccountId32,
};

use crate::{
	blocks::{block_at, block_hash, invalid, runtime_error},
	errors::{self, error},
	hex,
	native::NativeVerifier,
	verdict::{self, BatchVerdict, DocumentHistory, DocumentVerdict},
};

pub use tamga_rpc_types::ProofParam;

/// The `tamga` JSON-RPC namespace.
#[rpc(server, namespace = "tamga")]
pub trait TamgaApi {
	/// The verdict on document `id` (`0x` + blake2-256 of its bytes) as of block `at`
	/// (default: the best block), with whether that block is finalized; an id nothing is
	/// anchored under has the verdict `notAnchored`.
	#[method(name = "verifyDocument")]
	fn verify_document(&self, id: String, at: Option<String>) -> RpcResult<DocumentVerdict>;

	/// The verdict on document `id` as a member of the batch its `proof` leads to.
	#[method(name = "verifyBatchMember")]
	fn verify_batch_member(
		&self,
		id: String,
		proof: ProofParam,
		at: Option<String>,
	) -> RpcResult<BatchVerdict>;

	/// Every recorded action on document `id` (including the application it was issued
	/// on), oldest first, as of block `at`.
	#[method(name = "documentHistory")]
	fn document_history(&self, id: String, at: Option<String>) -> RpcResult<DocumentHistory>;
}

/// The `tamga` methods over `client`.
pub struct Tamga<C, Block: BlockT> {
	pub(crate) client: Arc<C>,
	native: Option<Arc<dyn NativeVerifier<Block>>>,
	_block: PhantomData<Block>,
}

impl<C, Block: BlockT> Tamga<C, Block> {
	/// The methods, reading through `client`'s runtime APIs.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, native: None, _block: PhantomData }
	}

	/// The same, with `tamga_verifyDocument` answered by `native` where it can (see
	/// [`crate::native`]).
	pub fn with_native_verifier(client: Arc<C>, native: Arc<dyn NativeVerifier<Block>>) -> Self {
		Self { client, native: Some(native), _block: PhantomData }
	}
}

impl<C, Block> TamgaApiServer for Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CertificatesApi<Block, AccountId32, NumberFor<Block>>,
{
	fn verify_document(&self, id: String, at: Option<String>) -> RpcResult<DocumentVerdict> {
		let id = hex::parse_h256("id", &id).map_err(invalid)?;
		let (hash, block) = block_at(&*self.client, at)?;
		let native = self.native.as_ref().and_then(|native| native.verify_document(hash, id));
		let verification = match native {
			Some(answer) => answer,
			None => self.client.runtime_api().verify_document(hash, id).map_err(runtime_error)?,
		};
		let Some(verification) = verification else {
			return Ok(verdict::not_anchored(id, block));
		};
		Ok(verdict::document_verdict(id, verification, block))
	}

	fn verify_batch_member(
		&self,
		id: String,
		proof: ProofParam,
		at: Option<String>,
	) -> RpcResult<BatchVerdict> {
		let id = hex::parse_h256("id", &id).map_err(invalid)?;
		let root = hex::parse_h256("proof.root", &proof.root).map_err(invalid)?;
		if proof.siblings.len() > merkle::MAX_PROOF_LENGTH as usize {
			return Err(invalid(format!(
				"proof.siblings holds {} hashes; a proof has at most {}",
				proof.siblings.len(),
				merkle::MAX_PROOF_LENGTH
			)));
		}
		let siblings = proof
			.siblings
			.iter()
			.enumerate()
			.map(|(i, s)| hex::parse_h256(&format!("proof.siblings[{i}]"), s))
			.collect::<Result<Vec<_>, _>>()
			.map_err(invalid)?;
		let merkle_proof = merkle::Proof {
			index: proof.index,
			count: proof.count,
			siblings: siblings.try_into().expect("length checked above"),
		};
		let (hash, block) = block_at(&*self.client, at)?;
		let verification = self
			.client
			.runtime_api()
			.verify_batch_member(hash, root, id, merkle_proof)
			.map_err(runtime_error)?
			.ok_or_else(|| {
				error(
					errors::UNKNOWN_BATCH,
					format!(
						"no batch with root {} is anchored as of block #{}",
						hex::encode(root.as_bytes()),
						block.number
					),
				)
			})?;
		verdict::batch_verdict(id, root, proof.index, verification, block)
			.map_err(|message| error(errors::NOT_A_MEMBER, message))
	}

	fn document_history(&self, id: String, at: Option<String>) -> RpcResult<DocumentHistory> {
		let id = hex::parse_h256("id", &id).map_err(invalid)?;
		let (hash, block) = block_at(&*self.client, at)?;
		let entries =
			self.client.runtime_api().document_history(hash, id).map_err(runtime_error)?;
		if entries.is_empty() {
			return Err(error(
				errors::UNKNOWN_DOCUMENT,
				format!(
					"nothing was ever recorded about document {} as of block #{}",
					hex::encode(id.as_bytes()),
					block.number
				),
			));
		}
		let block_hash = |number: u64| block_hash(&*self.client, number);
		let entries =
			entries.into_iter().map(|entry| verdict::history_entry(entry, &block_hash)).collect();
		Ok(DocumentHistory { id: hex::encode(id.as_bytes()), entries, at: block })
	}
}
