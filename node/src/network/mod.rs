//! The node's peer-to-peer network, assembled so that every protocol a peer can reach is
//! closed to nodes the consortium did not approve.
//!
//! `sc_service::build_network` registers the block, state, warp-proof and light-client
//! request handlers itself, with no way to filter who they answer. This module builds the
//! same network from the same upstream parts (sync engine, handlers, transactions
//! protocol, network worker), with the [`gate`] in front of every request handler. What
//! stays reachable by anyone who can open a connection (identify, ping, the Kademlia DHT)
//! is listed in the root README under "Only approved nodes may connect", with the
//! firewall rules that close it.

pub mod gate;

use std::sync::Arc;

use futures::{FutureExt, StreamExt};
use sc_client_api::BlockchainEvents;
use sc_consensus::ImportQueue;
use sc_network::{
	config::{FullNetworkConfiguration, Params},
	service::traits::{NetworkService, RequestResponseConfig},
	NetworkBackend, NetworkBlock,
};
use sc_network_common::role::Roles;
use sc_network_light::light_client_requests::handler::LightClientRequestHandler;
use sc_network_sync::{
	block_request_handler::BlockRequestHandler,
	engine::SyncingEngine,
	service::{network::NetworkServiceProvider, syncing_service::SyncingService},
	state_request_handler::StateRequestHandler,
	strategy::polkadot::{PolkadotSyncingStrategy, PolkadotSyncingStrategyConfig},
	warp_request_handler::RequestHandler as WarpRequestHandler,
	WarpSyncConfig,
};
use sc_service::{Configuration, Error, SpawnEssentialTaskHandle, SpawnTaskHandle};
use sc_utils::mpsc::{tracing_unbounded, TracingUnboundedSender};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, Header as HeaderT};
use tamga_runtime::opaque::Block;

use crate::service::{FullClient, FullPool};

pub use gate::{ApprovedPeers, InboundQueue};

type Hash = <Block as BlockT>::Hash;

/// What [`build`] needs.
pub struct NetworkParams<'a, N: NetworkBackend<Block, Hash>> {
	/// The node's configuration.
	pub config: &'a Configuration,
	/// The network configuration, with the node's own notification protocols (GRANDPA).
	pub net_config: FullNetworkConfiguration<Block, Hash, N>,
	/// The client.
	pub client: Arc<FullClient>,
	/// The transaction pool the transactions protocol feeds and propagates.
	pub pool: Arc<FullPool>,
	/// The block import queue.
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	/// Spawns the network's tasks.
	pub spawn: SpawnTaskHandle,
	/// Spawns the tasks the node cannot run without (sync engine, network worker).
	pub spawn_essential: SpawnEssentialTaskHandle,
	/// Where warp-sync proofs come from.
	pub warp_sync: WarpSyncConfig<Block>,
	/// The notification metrics of the network backend.
	pub metrics: sc_network::NotificationMetrics,
	/// The approved nodes, on a consortium chain; `None` leaves every protocol open.
	pub approved: Option<ApprovedPeers>,
	/// The node's own request-response protocols, put behind the gate like the others.
	pub gated: Vec<N::RequestResponseProtocolConfig>,
}

/// The running network's handles, as `sc_service::spawn_tasks` takes them.
pub type Network = (
	Arc<dyn NetworkService>,
	TracingUnboundedSender<sc_rpc::system::Request<Block>>,
	sc_network_transactions::TransactionsHandlerController<Hash>,
	Arc<SyncingService<Block>>,
);

/// Builds and starts the network: sync engine, request handlers behind the admission
/// gate, transactions protocol, network worker and the system RPC's network task.
pub fn build<N: InboundQueue>(params: NetworkParams<'_, N>) -> Result<Network, Error> {
	let NetworkParams {
		config,
		mut net_config,
		client,
		pool,
		import_queue,
		spawn,
		spawn_essential,
		warp_sync,
		metrics,
		approved,
		gated,
	} = params;
	let protocol_id = config.protocol_id();
	let fork_id = config.chain_spec.fork_id();
	let registry = config.prometheus_registry();
	let genesis_hash = client.info().genesis_hash;
	let approved = approved.as_ref();
	let provider = NetworkServiceProvider::new();
	let peers_hint = config.network.default_peers_set.in_peers as usize
		+ config.network.default_peers_set.out_peers as usize;

	// Blocks: the downloader syncs this node, the server answers peers through the gate.
	let mut blocks = BlockRequestHandler::new::<N>(
		provider.handle(),
		&protocol_id,
		fork_id,
		client.clone(),
		peers_hint,
	);
	gate::install::<N>(&mut blocks.request_response_config, approved, &spawn);
	let mut block_server = blocks.server;
	spawn.spawn("block-request-handler", Some("networking"), async move {
		block_server.run().await;
	});
	net_config.add_request_response_protocol(blocks.request_response_config);

	// State, for peers that sync state rather than blocks.
	let (state_handler, mut state_config) = StateRequestHandler::new::<N>(
		&protocol_id,
		fork_id,
		client.clone(),
		peers_hint + config.network.default_peers_set.reserved_nodes.len(),
	);
	gate::install::<N>(&mut state_config, approved, &spawn);
	let state_protocol = state_config.protocol_name().clone();
	spawn.spawn("state-request-handler", Some("networking"), state_handler.run());
	net_config.add_request_response_protocol(state_config);

	// Warp-sync proofs (GRANDPA authority-set changes).
	let mut warp_protocol = None;
	if let WarpSyncConfig::WithProvider(warp_provider) = &warp_sync {
		let (warp_handler, mut warp_config) = WarpRequestHandler::new::<_, N>(
			protocol_id.clone(),
			genesis_hash,
			fork_id,
			warp_provider.clone(),
		);
		gate::install::<N>(&mut warp_config, approved, &spawn);
		warp_protocol = Some(warp_config.protocol_name().clone());
		spawn.spawn("warp-sync-request-handler", Some("networking"), warp_handler.run());
		net_config.add_request_response_protocol(warp_config);
	}

	// Light clients' remote reads and calls.
	let (light_handler, mut light_config) =
		LightClientRequestHandler::new::<N>(&protocol_id, fork_id, client.clone());
	gate::install::<N>(&mut light_config, approved, &spawn);
	spawn.spawn("light-client-request-handler", Some("networking"), light_handler.run());
	net_config.add_request_response_protocol(light_config);

	// The node's own protocols (deliveries between administrations).
	for mut protocol in gated {
		gate::install::<N>(&mut protocol, approved, &spawn);
		net_config.add_request_response_protocol(protocol);
	}

	let strategy = PolkadotSyncingStrategy::new(
		PolkadotSyncingStrategyConfig {
			mode: net_config.network_config.sync_mode,
			max_parallel_downloads: net_config.network_config.max_parallel_downloads,
			max_blocks_per_request: net_config.network_config.max_blocks_per_request,
			min_peers_to_start_warp_sync: net_config.network_config.min_peers_to_start_warp_sync,
			metrics_registry: registry.cloned(),
			state_request_protocol_name: state_protocol,
			block_downloader: blocks.downloader,
			gap_sync_body_policy: sc_service::default_gap_sync_body_policy(config.blocks_pruning),
		},
		client.clone(),
		Some(warp_sync),
		warp_protocol,
	)?;
	let (engine, sync_service, block_announce_config) = SyncingEngine::new(
		Roles::from(&config.role),
		client.clone(),
		registry,
		metrics.clone(),
		&net_config,
		protocol_id.clone(),
		fork_id,
		Box::new(sp_consensus::block_validation::DefaultBlockAnnounceValidator),
		Box::new(strategy),
		provider.handle(),
		import_queue.service(),
		net_config.peer_store_handle(),
	)?;
	spawn_essential.spawn_blocking("syncing", None, engine.run());
	let sync_service = Arc::new(sync_service);

	let (transactions, transactions_config) =
		sc_network_transactions::TransactionsHandlerPrototype::new::<_, Block, N>(
			protocol_id.clone(),
			genesis_hash,
			fork_id,
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(transactions_config);

	let peer_store = net_config.take_peer_store();
	spawn.spawn(
		"peer-store",
		Some("networking"),
		sc_network::service::traits::PeerStore::run(peer_store),
	);

	let has_bootnodes = !net_config.network_config.boot_nodes.is_empty();
	let worker = N::new(Params::<Block, Hash, N> {
		role: config.role,
		executor: {
			let spawn = spawn.clone();
			Box::new(move |future| spawn.spawn("libp2p-node", Some("networking"), future))
		},
		network_config: net_config,
		genesis_hash,
		protocol_id,
		fork_id: fork_id.map(ToOwned::to_owned),
		metrics_registry: registry.cloned(),
		block_announce_config,
		ipfs_config: None,
		notification_metrics: metrics,
	})?;
	let network = worker.network_service();

	let (transactions_handler, transactions_controller) = transactions.build(
		network.clone(),
		sync_service.clone(),
		Arc::new(sc_service::TransactionPoolAdapter::new(pool, client.clone())),
		registry,
	)?;
	spawn.spawn_blocking(
		"network-transactions-handler",
		Some("networking"),
		transactions_handler.run(),
	);
	spawn.spawn_blocking(
		"chain-sync-network-service-provider",
		Some("networking"),
		provider.run(Arc::new(network.clone())),
	);
	spawn.spawn("import-queue", None, {
		let sync_service = sync_service.clone();
		async move { import_queue.run(sync_service.as_ref()).await }
	});

	let (system_rpc_tx, system_rpc_rx) = tracing_unbounded("mpsc_system_rpc", 10_000);
	spawn.spawn(
		"system-rpc-handler",
		Some("networking"),
		sc_service::build_system_rpc_future::<_, _, Hash>(
			config.role,
			worker.network_service(),
			sync_service.clone(),
			client.clone(),
			system_rpc_rx,
			has_bootnodes,
		),
	);
	spawn_essential.spawn_blocking(
		"network-worker",
		Some("networking"),
		drive(worker, client, sync_service.clone(), config.announce_block),
	);
	Ok((network, system_rpc_tx, transactions_controller, sync_service))
}

/// Runs the network worker, and tells the sync engine of every block the client imports
/// (announcing it if `announce` holds) and finalizes. Ends when the worker or the client
/// stops.
async fn drive<N: NetworkBackend<Block, Hash>>(
	worker: N,
	client: Arc<FullClient>,
	sync: Arc<SyncingService<Block>>,
	announce: bool,
) {
	let mut imported = client.import_notification_stream().fuse();
	let mut finalized = client.finality_notification_stream().fuse();
	let running = worker.run().fuse();
	futures::pin_mut!(running);
	loop {
		futures::select! {
			notification = imported.next() => {
				let Some(notification) = notification else {
					log::warn!("the block import stream ended: stopping the network");
					return;
				};
				if announce {
					sync.announce_block(notification.hash, None);
				}
				if notification.is_new_best {
					sync.new_best_block_imported(notification.hash, *notification.header.number());
				}
			},
			notification = finalized.select_next_some() => {
				sync.on_block_finalized(notification.hash, notification.header);
			},
			_ = running => {
				log::warn!("the network worker stopped: stopping the network");
				return;
			},
		}
	}
}
