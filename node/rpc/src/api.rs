//! The `tamga_*` JSON-RPC methods and their implementation over a Substrate client.

use std::{marker::PhantomData, sync::Arc};

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_tamga_certificates::{
	merkle,
	runtime_api::{CertificatesApi, DocumentLookupApi, DocumentTypesApi},
	CertificateKind, Verification,
};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	AccountId32,
};
use tamga_primitives::Named;
use tamga_rpc_types::{DocumentTypeJson, DocumentTypes};

use crate::{
	blocks::{block_at, block_hash, invalid, runtime_error},
	errors::{self, error},
	hex,
	native::NativeVerifier,
	verdict::{self, BatchVerdict, DocumentHistory, DocumentMatches, DocumentVerdict},
};

/// The longest certificate number a look-up takes, in bytes (the runtime's bound).
pub const MAX_NUMBER_LENGTH: usize = 64;

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

	/// The documents issuers of `country` (ISO 3166-1 alpha-2) anchored under certificate
	/// `number` (only `issuer`'s, an SS58 account, if named), each with its verdict as of
	/// block `at`: what a border officer holding a paper asks. None found is an empty
	/// list, not an error.
	#[method(name = "findDocument")]
	fn find_document(
		&self,
		country: String,
		number: String,
		issuer: Option<String>,
		at: Option<String>,
	) -> RpcResult<DocumentMatches>;

	/// The registry of document types as of block `at`: each type's id, name, UN/CEFACT
	/// code, accreditation, author and what its facts must carry.
	#[method(name = "documentTypes")]
	fn document_types(&self, at: Option<String>) -> RpcResult<DocumentTypes>;
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

impl<C, Block> Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CertificatesApi<Block, AccountId32, NumberFor<Block>> + DocumentTypesApi<Block>,
{
	/// The name of document type `kind` in block `hash`: a built-in type's from the code,
	/// another's from the registry (one runtime call, only for types added by vote).
	fn kind_name(&self, hash: H256, kind: CertificateKind) -> RpcResult<String> {
		if let Some(name) = kind.built_in_name() {
			return Ok(name.to_string());
		}
		let api = self.client.runtime_api();
		if !api.has_api::<dyn DocumentTypesApi<Block>>(hash).map_err(runtime_error)? {
			return Ok(kind.to_string());
		}
		let types = api.document_types(hash).map_err(runtime_error)?;
		Ok(types
			.into_iter()
			.find(|(id, _)| *id == kind)
			.map(|(_, entry)| String::from_utf8_lossy(&entry.name).into_owned())
			.unwrap_or_else(|| kind.to_string()))
	}

	/// The verdict on document `id` in block `hash` (of number and finality `block`), its
	/// type named from the registry.
	fn named_verdict(
		&self,
		hash: H256,
		id: H256,
		verification: Verification<AccountId32, NumberFor<Block>>,
		block: tamga_rpc_types::BlockRef,
	) -> RpcResult<DocumentVerdict> {
		let name = self.kind_name(hash, verification.kind)?;
		let mut verdict = verdict::document_verdict(id, verification, block);
		if let Some(document) = verdict.document.as_mut() {
			document.kind = name;
		}
		Ok(verdict)
	}

	/// The verification of document `id` in block `hash`: natively where the node can,
	/// else by the runtime API.
	fn verification(
		&self,
		hash: H256,
		id: H256,
	) -> RpcResult<Option<Verification<AccountId32, NumberFor<Block>>>> {
		let native = self.native.as_ref().and_then(|native| native.verify_document(hash, id));
		match native {
			Some(answer) => Ok(answer),
			None => self.client.runtime_api().verify_document(hash, id).map_err(runtime_error),
		}
	}
}

impl<C, Block> TamgaApiServer for Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CertificatesApi<Block, AccountId32, NumberFor<Block>>
		+ DocumentLookupApi<Block, AccountId32>
		+ DocumentTypesApi<Block>,
{
	fn verify_document(&self, id: String, at: Option<String>) -> RpcResult<DocumentVerdict> {
		let id = hex::parse_h256("id", &id).map_err(invalid)?;
		let (hash, block) = block_at(&*self.client, at)?;
		let Some(verification) = self.verification(hash, id)? else {
			return Ok(verdict::not_anchored(id, block));
		};
		self.named_verdict(hash, id, verification, block)
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
		let kind = verification.kind;
		let mut answer = verdict::batch_verdict(id, root, proof.index, verification, block)
			.map_err(|message| error(errors::NOT_A_MEMBER, message))?;
		answer.kind = self.kind_name(hash, kind)?;
		Ok(answer)
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

	fn find_document(
		&self,
		country: String,
		number: String,
		issuer: Option<String>,
		at: Option<String>,
	) -> RpcResult<DocumentMatches> {
		let code: tamga_primitives::CountryCode =
			country.parse().map_err(|e| invalid(format!("country `{country}` {e}")))?;
		if number.is_empty() || number.len() > MAX_NUMBER_LENGTH {
			return Err(invalid(format!(
				"number must be 1 to {MAX_NUMBER_LENGTH} bytes, got {}",
				number.len()
			)));
		}
		let issuer = issuer
			.map(|text| {
				AccountId32::from_ss58check(&text)
					.map_err(|e| invalid(format!("issuer `{text}` is not an SS58 account ({e:?})")))
			})
			.transpose()?;
		let (hash, block) = block_at(&*self.client, at)?;
		let api = self.client.runtime_api();
		let supported = api
			.has_api::<dyn DocumentLookupApi<Block, AccountId32>>(hash)
			.map_err(runtime_error)?;
		if !supported {
			return Err(error(
				errors::UNSUPPORTED_BY_RUNTIME,
				format!(
					"the runtime of block #{} predates the look-up by number; ask about a later \
					 block",
					block.number
				),
			));
		}
		let found = api
			.find_documents(hash, code, number.as_bytes().to_vec(), issuer)
			.map_err(runtime_error)?;
		let mut matches = Vec::with_capacity(found.ids.len());
		for id in found.ids {
			if let Some(verification) = self.verification(hash, id)? {
				let verdict = self.named_verdict(hash, id, verification, block.clone())?;
				matches.push(verdict::found_by_number(verdict, &country, &number));
			}
		}
		Ok(DocumentMatches { country, number, matches, more: found.more, at: block })
	}

	fn document_types(&self, at: Option<String>) -> RpcResult<DocumentTypes> {
		let (hash, block) = block_at(&*self.client, at)?;
		let api = self.client.runtime_api();
		if !api.has_api::<dyn DocumentTypesApi<Block>>(hash).map_err(runtime_error)? {
			return Err(error(
				errors::UNSUPPORTED_BY_RUNTIME,
				format!(
					"the runtime of block #{} predates the registry of document types; ask \
					 about a later block",
					block.number
				),
			));
		}
		let types = api
			.document_types(hash)
			.map_err(runtime_error)?
			.into_iter()
			.map(|(kind, entry)| DocumentTypeJson {
				id: kind.0,
				name: String::from_utf8_lossy(&entry.name).into_owned(),
				un_code: entry.un_code,
				accreditation: entry.accreditation.name().to_string(),
				author: entry.author.name().to_string(),
				hs_codes_required: entry.hs_codes_required,
				bounded_uses: entry.bounded_uses,
				built_in: kind.built_in().is_some(),
			})
			.collect();
		Ok(DocumentTypes { types, at: block })
	}
}
