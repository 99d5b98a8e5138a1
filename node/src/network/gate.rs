//! The admission gate of the request-response protocols: a consortium node answers block,
//! state, warp-proof and light-client requests only from the nodes the consortium approved.
//!
//! Reserved-only mode closes the notification protocols (block announces, transactions,
//! GRANDPA) to every node that is not approved, but upstream serves requests to any peer
//! that completes a connection: a custom client that never opens a notification substream
//! would otherwise read every block body and any state with its proof. The gate sits
//! between the network and each protocol's handler: requests from approved peers pass
//! through unchanged, the others are refused (the requester sees its request rejected).

use std::{
	collections::HashSet,
	sync::{Arc, RwLock},
};

use sc_network::{
	config::{IncomingRequest, OutgoingResponse},
	NetworkBackend, PeerId,
};
use sc_service::SpawnTaskHandle;
use tamga_runtime::opaque::Block;

const LOG_TARGET: &str = "tamga-admission";

/// Requests waiting for the gate's decision, per protocol. The handlers keep their own,
/// larger queues behind it; when this one is full the network refuses the request.
const GATE_QUEUE: usize = 64;

/// How many refused peers the gate remembers to log each of them once.
const REMEMBERED_REFUSALS: usize = 1024;

type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// The nodes a consortium node serves: the approved nodes of its last finalized block,
/// kept up to date by the admission task.
#[derive(Clone, Default)]
pub struct ApprovedPeers(Arc<RwLock<HashSet<PeerId>>>);

impl ApprovedPeers {
	/// A set holding `peers`.
	pub fn new(peers: impl IntoIterator<Item = PeerId>) -> Self {
		Self(Arc::new(RwLock::new(peers.into_iter().collect())))
	}

	/// Replaces the set with `peers`.
	pub fn replace(&self, peers: impl IntoIterator<Item = PeerId>) {
		let mut set = self.0.write().unwrap_or_else(|e| e.into_inner());
		*set = peers.into_iter().collect();
	}

	/// Whether `peer` is approved.
	pub fn contains(&self, peer: &PeerId) -> bool {
		self.0.read().unwrap_or_else(|e| e.into_inner()).contains(peer)
	}
}

/// A network backend whose request-response configuration exposes the queue on which the
/// network hands inbound requests to the protocol's handler.
pub trait InboundQueue: NetworkBackend<Block, Hash> {
	/// The queue `config` delivers inbound requests to (`None`: outbound only).
	fn inbound_queue(
		config: &mut Self::RequestResponseProtocolConfig,
	) -> &mut Option<async_channel::Sender<IncomingRequest>>;
}

impl InboundQueue for sc_network::Litep2pNetworkBackend {
	fn inbound_queue(
		config: &mut Self::RequestResponseProtocolConfig,
	) -> &mut Option<async_channel::Sender<IncomingRequest>> {
		&mut config.inbound_queue
	}
}

impl InboundQueue for sc_network::NetworkWorker<Block, Hash> {
	fn inbound_queue(
		config: &mut Self::RequestResponseProtocolConfig,
	) -> &mut Option<async_channel::Sender<IncomingRequest>> {
		&mut config.inbound_queue
	}
}

/// Puts the gate in front of the handler of `config`'s protocol, if `approved` is given
/// (a consortium chain); a development chain's protocols stay open.
pub fn install<N: InboundQueue>(
	config: &mut N::RequestResponseProtocolConfig,
	approved: Option<&ApprovedPeers>,
	spawn: &SpawnTaskHandle,
) {
	let Some(approved) = approved.cloned() else { return };
	let queue = N::inbound_queue(config);
	let Some(handler) = queue.take() else { return };
	let (to_gate, from_network) = async_channel::bounded(GATE_QUEUE);
	*queue = Some(to_gate);
	let protocol =
		sc_network::service::traits::RequestResponseConfig::protocol_name(config).to_string();
	spawn.spawn("admission-gate", Some("networking"), async move {
		let mut refused: HashSet<PeerId> = HashSet::new();
		while let Ok(request) = from_network.recv().await {
			if approved.contains(&request.peer) {
				if handler.send(request).await.is_err() {
					log::warn!(target: LOG_TARGET, "the {protocol} handler stopped");
					return;
				}
				continue;
			}
			if refused.len() >= REMEMBERED_REFUSALS {
				refused.clear();
			}
			if refused.insert(request.peer) {
				log::warn!(
					target: LOG_TARGET,
					"🚫 refused a {protocol} request from {}: not an approved node",
					request.peer
				);
			}
			let _ = request.pending_response.send(OutgoingResponse {
				result: Err(()),
				reputation_changes: Vec::new(),
				sent_feedback: None,
			});
		}
	});
}
