//! Node admission: on a consortium chain a node connects only to the nodes the consortium
//! approved on chain (`Governance::approve_node`), and accepts connections only from them.
//!
//! The node runs reserved-only (non-reserved peers are refused, inbound and outbound),
//! and this task keeps its reserved peers equal to the approved nodes of the last
//! finalized block: when an approval is finalized the node dials the new peer, when a
//! removal is finalized it drops it. An unknown node can therefore neither connect to a
//! consortium node nor sync from one. The same set feeds the network's admission gate
//! ([`crate::network::gate`]), which refuses the requests of every other peer. The
//! single-validator `dev` chain is exempt.

use std::{
	collections::{HashMap, HashSet},
	str::FromStr,
	sync::Arc,
};

use futures::StreamExt;
use pallet_tamga_governance::node_admission::NodeAdmissionApi;
use sc_client_api::BlockchainEvents;
use sc_network::{config::MultiaddrWithPeerId, service::traits::NetworkService, Multiaddr, PeerId};
use sc_service::{ChainType, Configuration};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use tamga_runtime::opaque::Block;

use crate::network::ApprovedPeers;

const LOG_TARGET: &str = "tamga-admission";

/// Whether node admission applies to the chain `config` runs: every chain but a
/// development one.
pub fn enforced(config: &Configuration) -> bool {
	config.chain_spec.chain_type() != ChainType::Development
}

/// The approved nodes a runtime reports, parsed; entries that do not parse are logged
/// and skipped.
fn parse_approved(approved: Vec<(Vec<u8>, Vec<u8>)>) -> HashMap<PeerId, Multiaddr> {
	let mut nodes = HashMap::new();
	for (peer, address) in approved {
		let peer_text = String::from_utf8_lossy(&peer);
		let address_text = String::from_utf8_lossy(&address);
		let parsed = PeerId::from_str(&peer_text)
			.map_err(|e| format!("PeerId `{peer_text}`: {e}"))
			.and_then(|peer| {
				Multiaddr::from_str(&address_text)
					.map(|address| (peer, address))
					.map_err(|e| format!("address `{address_text}`: {e}"))
			});
		match parsed {
			Ok((peer, address)) => {
				nodes.insert(peer, address);
			},
			Err(error) => log::warn!(target: LOG_TARGET, "ignoring an approved node: {error}"),
		}
	}
	nodes
}

/// The approved nodes of `client`'s last finalized block, for the admission gate the
/// network starts with.
pub fn approved_at_finalized<C>(client: &Arc<C>) -> Result<ApprovedPeers, sc_service::Error>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: NodeAdmissionApi<Block>,
{
	let at = client.info().finalized_hash;
	let approved = client.runtime_api().approved_nodes(at).map_err(|error| {
		sc_service::Error::Other(format!("cannot read the approved nodes at {at}: {error}"))
	})?;
	Ok(ApprovedPeers::new(parse_approved(approved).into_keys()))
}

/// Keeps `network`'s reserved peers, and the `gate`'s approved set, equal to the approved
/// nodes of the last finalized block, for as long as the node runs.
pub async fn run<C>(client: Arc<C>, network: Arc<dyn NetworkService>, gate: ApprovedPeers)
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + BlockchainEvents<Block> + 'static,
	C::Api: NodeAdmissionApi<Block>,
{
	let local = network.local_peer_id();
	let mut admitted: HashSet<PeerId> = HashSet::new();
	let mut finality = client.finality_notification_stream();
	let mut at = client.info().finalized_hash;
	loop {
		match client.runtime_api().approved_nodes(at) {
			Ok(approved) => {
				let mut wanted = parse_approved(approved);
				gate.replace(wanted.keys().copied());
				wanted.remove(&local);
				for peer in admitted.iter().filter(|p| !wanted.contains_key(p)) {
					log::info!(target: LOG_TARGET, "🚫 node {peer} is no longer approved: disconnecting");
					network.remove_reserved_peer(*peer);
				}
				for (peer, address) in wanted.iter().filter(|(p, _)| !admitted.contains(p)) {
					let entry = MultiaddrWithPeerId { multiaddr: address.clone(), peer_id: *peer };
					match network.add_reserved_peer(entry) {
						Ok(()) => {
							log::info!(target: LOG_TARGET, "🤝 approved node {peer} at {address}")
						},
						Err(e) => log::warn!(target: LOG_TARGET, "cannot reserve node {peer}: {e}"),
					}
				}
				admitted = wanted.into_keys().collect();
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "cannot read the approved nodes at {at}: {error}")
			},
		}
		match finality.next().await {
			Some(notification) => at = notification.hash,
			None => return,
		}
	}
}
