//! Assembles the node: client and RocksDB backend, transaction pool, libp2p networking,
//! Aura block authoring, GRANDPA finality and the RPC server.

use std::{sync::Arc, time::Duration};

use sc_client_api::BlockBackend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair};
use tamga_runtime::{apis::RuntimeApi, opaque::Block};

/// The client: state, blocks and the Wasm runtime executor.
pub type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
/// The transaction pool.
pub type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLinkHalf = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// GRANDPA stores the justification of every block it finalizes (each round's target), so
/// that `tamga proof` can prove any record as of the finalized head to an auditor who
/// trusts no node, and light clients and warp sync never replay rounds. A justification
/// of four validators is ~0.5 KiB per finalized block.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 1;

/// How often GRANDPA gossips votes. One third of a second keeps finality within ~1 s of
/// a block's import on a LAN.
const GRANDPA_GOSSIP_DURATION: Duration = Duration::from_millis(333);

/// The parts of the node that the import/export subcommands also need.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	FullPool,
	(GrandpaBlockImport, GrandpaLinkHalf, Option<Telemetry>),
>;

/// Inherent data for a block built or checked at `slot_duration`: the current time and
/// the Aura slot it falls in.
fn slot_inherents(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Builds the client, database, transaction pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let cidp_client = client.clone();
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |parent_hash, _| {
				let cidp_client = cidp_client.clone();
				async move {
					let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
						&*cidp_client,
						parent_hash,
					)?;
					Ok(slot_inherents(slot_duration))
				}
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry),
	})
}

/// Builds and starts a full node (a validator if `--validator`) on network backend `N`,
/// with the verifier RPC profile if `verifier` asks for it.
pub fn new_full<N: crate::network::InboundQueue>(
	mut config: Configuration,
	verifier: &crate::verifier_rpc::VerifierRpcArgs,
	exchange_args: &crate::exchange::ExchangeArgs,
) -> Result<TaskManager, ServiceError> {
	let admission = crate::admission::enforced(&config);
	if admission {
		// Only approved nodes, which the admission task reserves, may connect.
		config.network.default_peers_set.non_reserved_mode =
			sc_network::config::NonReservedPeerMode::Deny;
	}
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, grandpa_link, mut telemetry),
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let genesis_hash = client.block_hash(0).ok().flatten().expect("the genesis block exists");
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let approved =
		if admission { Some(crate::admission::approved_at_finalized(&client)?) } else { None };
	// Deliveries between administrations: on a consortium chain only (a development chain
	// has one administration).
	let (gated, exchange_protocol) = if admission {
		let (config, inbound, name) = crate::exchange::protocol::<N>(&genesis_hash.0);
		(vec![config], Some((inbound, name)))
	} else {
		(Vec::new(), None)
	};
	let (network, system_rpc_tx, tx_handler_controller, sync_service) =
		crate::network::build(crate::network::NetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			pool: transaction_pool.clone(),
			import_queue,
			spawn: task_manager.spawn_handle(),
			spawn_essential: task_manager.spawn_essential_handle(),
			warp_sync: WarpSyncConfig::WithProvider(warp_sync),
			metrics,
			approved: approved.clone(),
			gated,
		})?;

	let exchange = match exchange_protocol {
		Some((inbound, protocol)) => {
			let data_dir = config.base_path.config_dir(config.chain_spec.id()).join("exchange");
			Some(
				crate::exchange::start(crate::exchange::ExchangeParts {
					args: exchange_args.clone(),
					data_dir,
					client: client.clone(),
					network: network.clone(),
					protocol,
					inbound,
					pool: transaction_pool.clone(),
					keystore: keystore_container.keystore(),
					spawn: task_manager.spawn_handle(),
					registry: config.prometheus_registry().cloned(),
				})
				.map_err(ServiceError::Other)?,
			)
		},
		None => {
			if !exchange_args.secrets.is_empty() {
				return Err(ServiceError::Other(
					"--exchange-secret: a development chain exchanges nothing".into(),
				));
			}
			None
		},
	};

	if let Some(approved) = approved {
		task_manager.spawn_essential_handle().spawn(
			"node-admission",
			Some("networking"),
			crate::admission::run(client.clone(), network.clone(), approved),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let tamga_metrics = Arc::new(
		crate::metrics::TamgaMetrics::new(prometheus_registry.as_ref())
			.map_err(|e| ServiceError::Other(format!("cannot register Tamga's metrics: {e}")))?,
	);
	if prometheus_registry.is_some() {
		task_manager.spawn_handle().spawn(
			"tamga-metrics",
			None,
			crate::metrics::watch::run(
				client.clone(),
				sync_service.clone(),
				network.local_peer_id(),
				tamga_metrics.clone(),
			),
		);
	}

	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let native =
			Arc::new(crate::native_verify::NativeVerdicts::new(backend.clone(), tamga_metrics));
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				native: native.clone(),
				exchange: exchange.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let tokio_handle = config.tokio_handle.clone();
	let rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder,
		backend: backend.clone(),
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;
	if let Some(server) = crate::verifier_rpc::start(verifier, rpc_handlers, &tokio_handle)
		.map_err(ServiceError::Other)?
	{
		task_manager.keep_alive(server);
	}

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);

		let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&*client)?;
		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client: client.clone(),
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					Ok(slot_inherents(slot_duration))
				},
				force_authoring,
				backoff_authoring_blocks: Option::<()>::None,
				keystore: keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				compatibility_mode: Default::default(),
			},
		)?;
		// Block authoring is essential: if it fails, the node stops.
		task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		// Only a validator votes; other nodes follow finality with justifications.
		let keystore = role.is_authority().then(|| keystore_container.keystore());
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: GRANDPA_GOSSIP_DURATION,
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};
		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			// Vote on the best block itself: the default rules hold votes 2 blocks behind
			// the best one, which would add 4 s to every document's finality. Validators
			// are known administrations on low-latency links, so forks are short.
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::new().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};
		// The voter is essential too: a validator that stops voting stops the node.
		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}
	Ok(task_manager)
}
