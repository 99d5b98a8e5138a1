//! What the exchange reads of the chain, always at the node's last finalized block: who
//! runs each approved node, what an agreement lets through, exchange keys and receipts.

use std::{
	collections::HashMap,
	str::FromStr,
	sync::{Arc, RwLock},
};

use pallet_tamga_certificates::runtime_api::CertificatesApi;
use pallet_tamga_exchange::{runtime_api::ExchangeApi, Appendix, DeliveryRefused, Receipt};
use pallet_tamga_governance::node_admission::NodeAdmissionApi;
use sc_network::PeerId;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use tamga_primitives::{CountryCode, FieldGroups};
use tamga_runtime::{opaque::Block, BlockNumber};

use crate::service::FullClient;

/// The exchange API version the exchange needs: the delivery checks and the receipts of
/// many deliveries at once (with `record_receipts`, spec 118).
const EXCHANGE_API: u32 = 3;
/// The node admission API version it needs: the approved nodes' countries.
const ADMISSION_API: u32 = 2;

/// Why the chain could not answer.
#[derive(Debug)]
pub struct ChainError(pub String);

impl core::fmt::Display for ChainError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		f.write_str(&self.0)
	}
}

/// The chain as the exchange reads it, with the approved nodes' administrations of the
/// last finalized block.
pub struct Chain {
	client: Arc<FullClient>,
	nodes: RwLock<HashMap<PeerId, CountryCode>>,
}

impl Chain {
	/// Reads `client`.
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client, nodes: RwLock::new(HashMap::new()) }
	}

	/// The last finalized block and its number.
	pub fn finalized(&self) -> (H256, BlockNumber) {
		let info = self.client.info();
		(info.finalized_hash, info.finalized_number)
	}

	/// The best block and its number.
	pub fn best(&self) -> (H256, BlockNumber) {
		let info = self.client.info();
		(info.best_hash, info.best_number)
	}

	/// Whether the finalized runtime offers what the exchange needs.
	pub fn supported(&self) -> Result<bool, ChainError> {
		let (at, _) = self.finalized();
		let api = self.client.runtime_api();
		let exchange = api
			.api_version::<dyn ExchangeApi<Block, BlockNumber>>(at)
			.map_err(|e| ChainError(format!("cannot read the runtime's version at {at}: {e}")))?;
		let admission = api
			.api_version::<dyn NodeAdmissionApi<Block>>(at)
			.map_err(|e| ChainError(format!("cannot read the runtime's version at {at}: {e}")))?;
		Ok(exchange.is_some_and(|v| v >= EXCHANGE_API)
			&& admission.is_some_and(|v| v >= ADMISSION_API))
	}

	/// Re-reads who runs each approved node.
	pub fn refresh_nodes(&self) -> Result<(), ChainError> {
		let (at, _) = self.finalized();
		let listed = self
			.client
			.runtime_api()
			.approved_node_countries(at)
			.map_err(|e| ChainError(format!("cannot read the approved nodes at {at}: {e}")))?;
		let nodes = listed
			.into_iter()
			.filter_map(|(peer, country)| {
				let peer = PeerId::from_str(core::str::from_utf8(&peer).ok()?).ok()?;
				Some((peer, country))
			})
			.collect();
		*self.nodes.write().unwrap_or_else(|e| e.into_inner()) = nodes;
		Ok(())
	}

	/// The administration that runs approved node `peer`.
	pub fn country_of(&self, peer: &PeerId) -> Option<CountryCode> {
		self.nodes.read().unwrap_or_else(|e| e.into_inner()).get(peer).copied()
	}

	/// The approved nodes of `country`, in a stable order.
	pub fn nodes_of(&self, country: CountryCode) -> Vec<PeerId> {
		let nodes = self.nodes.read().unwrap_or_else(|e| e.into_inner());
		let mut peers: Vec<PeerId> =
			nodes.iter().filter(|(_, c)| **c == country).map(|(p, _)| *p).collect();
		peers.sort();
		peers
	}

	/// Whether `from` may deliver `groups` of `document` to `to` now, and the commitment to
	/// check them against.
	pub fn delivery_check(
		&self,
		from: CountryCode,
		to: CountryCode,
		document: H256,
		groups: FieldGroups,
	) -> Result<Result<H256, DeliveryRefused>, ChainError> {
		let (at, _) = self.finalized();
		self.client
			.runtime_api()
			.delivery_check(at, from, to, document, groups)
			.map_err(|e| ChainError(format!("cannot check a delivery at {at}: {e}")))
	}

	/// `country`'s exchange key.
	pub fn exchange_key(&self, country: CountryCode) -> Result<Option<[u8; 32]>, ChainError> {
		let (at, _) = self.finalized();
		self.client
			.runtime_api()
			.exchange_key(at, country)
			.map_err(|e| ChainError(format!("cannot read {country}'s exchange key at {at}: {e}")))
	}

	/// The receipts `to` recorded of `deliveries` (sender, document, payload), finalized,
	/// in their order: one read for a whole round.
	pub fn receipts_of(
		&self,
		to: CountryCode,
		deliveries: Vec<(CountryCode, H256, H256)>,
	) -> Result<Vec<Option<Receipt<BlockNumber>>>, ChainError> {
		if deliveries.is_empty() {
			return Ok(Vec::new());
		}
		let (at, _) = self.finalized();
		self.client
			.runtime_api()
			.receipts_of(at, to, deliveries)
			.map_err(|e| ChainError(format!("cannot read receipts at {at}: {e}")))
	}

	/// Record `index` appended to `document`, finalized.
	pub fn appendix(
		&self,
		document: H256,
		index: u32,
	) -> Result<Option<Appendix<BlockNumber>>, ChainError> {
		let (at, _) = self.finalized();
		let all = self
			.client
			.runtime_api()
			.appendices(at, document)
			.map_err(|e| ChainError(format!("cannot read appended records at {at}: {e}")))?;
		Ok(all.into_iter().find(|(number, _)| *number == index).map(|(_, appendix)| appendix))
	}

	/// The administration whose document `document` is (its issuer's), finalized.
	pub fn document_country(&self, document: H256) -> Result<Option<CountryCode>, ChainError> {
		let (at, _) = self.finalized();
		let verified =
			self.client.runtime_api().verify_document(at, document).map_err(|e| {
				ChainError(format!("cannot read document {document:?} at {at}: {e}"))
			})?;
		Ok(verified.map(|v| v.exporting))
	}

	/// The client, for signing and submitting.
	pub fn client(&self) -> &Arc<FullClient> {
		&self.client
	}
}
