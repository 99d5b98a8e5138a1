//! `tamga_exchangeAgreements`, `tamga_exchangeKey`, `tamga_exchangeCommitment`,
//! `tamga_exchangeReceipts` and `tamga_exchangeAppendices`: the information space's
//! agreements as one administration sees them (what it gives and receives, per kind of
//! document and field group), the key partners encrypt to, a document's field commitment,
//! the receipts an administration recorded and the records appended to a document. Consortium nodes serve them; the verifier profile does not
//! (border posts and single windows verify documents; they have no use for the members'
//! agreements).

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use pallet_tamga_exchange::{
	runtime_api::ExchangeApi, AgreementView, Receipt, MAX_LISTED_RECEIPTS,
};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::{Block as BlockT, NumberFor};
use tamga_primitives::CountryCode;

use crate::{
	aeo::parse_country,
	api::Tamga,
	blocks::{block_at, invalid, runtime_error},
	errors::{self, error},
	hex,
	paging::Page,
	verdict::BlockRef,
};

pub use tamga_rpc_types::exchange::{
	grants_json, AgreementJson, AgreementsJson, AppendicesJson, AppendixJson, CommitmentJson,
	ExchangeKeyJson, ProposalJson, ReceiptJson, ReceiptsJson,
};
use tamga_rpc_types::exchange::{DisclosedGroupJson, DisclosureFile};

/// `groups` of `document` as disclosure files hold them.
pub fn disclosure_file(
	document: &H256,
	groups: &[tamga_primitives::exchange::DisclosedGroup],
) -> DisclosureFile {
	use tamga_primitives::exchange::DisclosedGroup;
	let groups = groups
		.iter()
		.map(|group| match group {
			DisclosedGroup::Revealed { group, salt, content } => DisclosedGroupJson::Revealed {
				group: *group,
				salt: hex::encode(salt),
				content: hex::encode(content),
			},
			DisclosedGroup::Hidden { group, leaf } => {
				DisclosedGroupJson::Hidden { group: *group, leaf: hex::encode(leaf) }
			},
		})
		.collect();
	DisclosureFile { document: hex::encode(document.as_bytes()), groups }
}

/// The document and the groups of `file` as the primitives take them; the error says
/// which value is malformed.
pub fn disclosure_groups(
	file: &DisclosureFile,
) -> Result<(H256, Vec<tamga_primitives::exchange::DisclosedGroup>), String> {
	use tamga_primitives::exchange::DisclosedGroup;
	let document = hex::parse_h256("document", &file.document)?;
	let groups = file
		.groups
		.iter()
		.map(|g| match g {
			DisclosedGroupJson::Revealed { group, salt, content } => Ok(DisclosedGroup::Revealed {
				group: *group,
				salt: hex::parse_h256("salt", salt)?.0,
				content: hex::parse_bytes("content", content)?,
			}),
			DisclosedGroupJson::Hidden { group, leaf } => {
				Ok(DisclosedGroup::Hidden { group: *group, leaf: hex::parse_h256("leaf", leaf)?.0 })
			},
		})
		.collect::<Result<_, String>>()?;
	Ok((document, groups))
}

/// The exchange methods of the `tamga` namespace.
#[rpc(server, namespace = "tamga")]
pub trait ExchangeRpc {
	/// The agreements of `country` (ISO code) not terminated as of block `at` (default: the
	/// best block), as it sees them; with `partner`, that one agreement (a terminated one
	/// too) or none.
	#[method(name = "exchangeAgreements")]
	fn exchange_agreements(
		&self,
		country: String,
		partner: Option<String>,
		at: Option<String>,
	) -> RpcResult<AgreementsJson>;

	/// `country`'s exchange key as of block `at`.
	#[method(name = "exchangeKey")]
	fn exchange_key(&self, country: String, at: Option<String>) -> RpcResult<ExchangeKeyJson>;

	/// The field commitment of `document` (`0x` and 64 hex digits) as of block `at`.
	#[method(name = "exchangeCommitment")]
	fn exchange_commitment(
		&self,
		document: String,
		at: Option<String>,
	) -> RpcResult<CommitmentJson>;

	/// Page `page` (from 0) of the receipts `administration` recorded (of deliveries from
	/// `partner` only, if given) as of block `at`, oldest change first, `limit` a page
	/// (default and at most [`MAX_LISTED_RECEIPTS`]).
	#[method(name = "exchangeReceipts")]
	fn exchange_receipts(
		&self,
		administration: String,
		partner: Option<String>,
		page: Option<u32>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<ReceiptsJson>;

	/// The records appended to `document` as of block `at`.
	#[method(name = "exchangeAppendices")]
	fn exchange_appendices(
		&self,
		document: String,
		at: Option<String>,
	) -> RpcResult<AppendicesJson>;
}

/// The receipt of delivery `payload` of `document` from `from` as JSON.
pub fn receipt_json<N: Into<u64>>(
	from: CountryCode,
	document: H256,
	payload: H256,
	receipt: Receipt<N>,
) -> ReceiptJson {
	ReceiptJson {
		from,
		document: hex::encode(document.as_bytes()),
		payload: hex::encode(payload.as_bytes()),
		status: receipt.status.name(),
		reason: receipt.status.refusal(),
		groups: receipt.groups.iter().collect(),
		block: receipt.at.into(),
	}
}

/// `view` as JSON.
pub fn agreement_json<N: Into<u64>>(view: AgreementView<N>) -> AgreementJson {
	AgreementJson {
		partner: view.partner,
		state: view.state.name().as_str().into(),
		by: view.state.by(),
		symmetric: view.gives == view.receives,
		gives: grants_json(&view.gives),
		receives: grants_json(&view.receives),
		proposal: view.proposal.map(|p| ProposalJson {
			by: p.by,
			gives: grants_json(&p.gives),
			receives: grants_json(&p.receives),
			block: p.at.into(),
		}),
		since: view.since.map(Into::into),
		changed: view.changed.into(),
	}
}

fn country_param(what: &str, text: &str) -> Result<CountryCode, ErrorObjectOwned> {
	parse_country(what, text).map_err(invalid)
}

impl<C, Block> Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ExchangeApi<Block, NumberFor<Block>>,
{
	/// Refuses a block whose runtime predates the information space.
	fn ensure_exchange(&self, hash: H256, block: &BlockRef) -> Result<(), ErrorObjectOwned> {
		let api = self.client.runtime_api();
		if api.has_api::<dyn ExchangeApi<Block, NumberFor<Block>>>(hash).map_err(runtime_error)? {
			return Ok(());
		}
		Err(error(
			errors::UNSUPPORTED_BY_RUNTIME,
			format!(
				"the runtime of block #{} predates data-sharing agreements; ask about a later \
				 block",
				block.number
			),
		))
	}
}

impl<C, Block> ExchangeRpcServer for Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ExchangeApi<Block, NumberFor<Block>>,
{
	fn exchange_agreements(
		&self,
		country: String,
		partner: Option<String>,
		at: Option<String>,
	) -> RpcResult<AgreementsJson> {
		let country = country_param("country", &country)?;
		let partner = partner.map(|p| country_param("partner", &p)).transpose()?;
		let (hash, block) = block_at(&*self.client, at)?;
		self.ensure_exchange(hash, &block)?;
		let api = self.client.runtime_api();
		let views = match partner {
			Some(partner) => {
				api.agreement(hash, country, partner).map_err(runtime_error)?.into_iter().collect()
			},
			None => api.agreements(hash, country).map_err(runtime_error)?,
		};
		Ok(AgreementsJson {
			country,
			agreements: views.into_iter().map(agreement_json).collect(),
			at: block,
		})
	}

	fn exchange_key(&self, country: String, at: Option<String>) -> RpcResult<ExchangeKeyJson> {
		let country = country_param("country", &country)?;
		let (hash, block) = block_at(&*self.client, at)?;
		self.ensure_exchange(hash, &block)?;
		let key = self.client.runtime_api().exchange_key(hash, country).map_err(runtime_error)?;
		Ok(ExchangeKeyJson { country, key: key.map(|k| hex::encode(&k)), at: block })
	}

	fn exchange_commitment(
		&self,
		document: String,
		at: Option<String>,
	) -> RpcResult<CommitmentJson> {
		let id = hex::parse_h256("document", &document).map_err(invalid)?;
		let (hash, block) = block_at(&*self.client, at)?;
		self.ensure_exchange(hash, &block)?;
		let commitment =
			self.client.runtime_api().field_commitment(hash, id).map_err(runtime_error)?;
		Ok(CommitmentJson {
			document: hex::encode(id.as_bytes()),
			root: commitment.as_ref().map(|c| hex::encode(c.root.as_bytes())),
			committed_at: commitment.as_ref().map(|c| c.at.into()),
			void: commitment.is_some_and(|c| c.void),
			at: block,
		})
	}

	fn exchange_receipts(
		&self,
		administration: String,
		partner: Option<String>,
		page: Option<u32>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<ReceiptsJson> {
		let administration = country_param("administration", &administration)?;
		let partner = partner.map(|p| country_param("partner", &p)).transpose()?;
		let Page { page, limit } = Page::from_params(page, limit, MAX_LISTED_RECEIPTS)?;
		let (hash, block) = block_at(&*self.client, at)?;
		self.ensure_exchange(hash, &block)?;
		let answer = self
			.client
			.runtime_api()
			.receipts(hash, administration, partner, page, limit)
			.map_err(runtime_error)?;
		Ok(ReceiptsJson {
			administration,
			total: answer.total,
			page,
			limit,
			receipts: answer
				.receipts
				.into_iter()
				.map(|(from, document, payload, receipt)| {
					receipt_json(from, document, payload, receipt)
				})
				.collect(),
			at: block,
		})
	}

	fn exchange_appendices(
		&self,
		document: String,
		at: Option<String>,
	) -> RpcResult<AppendicesJson> {
		let id = hex::parse_h256("document", &document).map_err(invalid)?;
		let (hash, block) = block_at(&*self.client, at)?;
		self.ensure_exchange(hash, &block)?;
		let listed = self.client.runtime_api().appendices(hash, id).map_err(runtime_error)?;
		Ok(AppendicesJson {
			document: hex::encode(id.as_bytes()),
			appendices: listed
				.into_iter()
				.map(|(index, appendix)| AppendixJson {
					index,
					by: appendix.by,
					kind: appendix.kind,
					hash: hex::encode(appendix.hash.as_bytes()),
					block: appendix.at.into(),
				})
				.collect(),
			at: block,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_tamga_exchange::{AgreementState, ProposalView};
	use tamga_primitives::{Access, DocumentKind, FieldGroup, Grants};

	#[test]
	fn an_agreement_reads_as_its_sides_grants() {
		let kg = CountryCode::new(*b"KG").unwrap();
		let gives = Grants::NONE.with(DocumentKind::Veterinary, FieldGroup::Goods, Access::Read);
		let view = AgreementView {
			partner: kg,
			state: AgreementState::Suspended { by: kg },
			gives,
			receives: Grants::NONE,
			proposal: Some(ProposalView { by: kg, gives, receives: gives, at: 7u32 }),
			since: Some(3u32),
			changed: 9u32,
		};
		let json = agreement_json(view);
		assert_eq!((json.state.as_str(), json.by, json.symmetric), ("suspended", Some(kg), false));
		assert_eq!(json.gives.len(), 1);
		assert!(json.receives.is_empty());
		assert_eq!(json.proposal.unwrap().block, 7);
		let text = serde_json::to_string(&json.gives[0]).unwrap();
		assert_eq!(text, r#"{"kind":"veterinary","group":"goods","access":"read"}"#);
	}
}
