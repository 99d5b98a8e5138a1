//! The information space between administrations, the node's part: deliveries of sealed
//! field groups to the receiving administration's nodes over the consortium's own network
//! (`/tamga/exchange/1`, request-response, open only to approved nodes), an outbox and an
//! inbox in one SQLite file under the node's base path that survive restarts, and the
//! receipts the receiving node records on chain.
//!
//! - [`chain`]: what is read of the chain (approved nodes' administrations, what an
//!   agreement lets through, exchange keys, receipts), at the finalized block.
//! - [`inbound`]: the receiver's checks and answers.
//! - [`outbound`]: the outbox worker.
//! - [`receipts`] and [`signer`]: the receiver's receipts, signed by its exchange node.
//! - [`rpc`]: `tamga_exchangeSend`, `tamga_exchangeOutbox`, `tamga_exchangeInbox`,
//!   `tamga_exchangeOpen`, `tamga_exchangeAck`, `tamga_exchangeSubscribeInbox`.
//! - [`metrics`]: `tamga_exchange_outbox{state}`, `tamga_exchange_inbox{state}`,
//!   `tamga_exchange_attempts_total{result}`.
//!
//! The design and its choices: `docs/exchange-delivery-plan.md`.

pub mod chain;
pub mod inbound;
pub mod metrics;
pub mod outbound;
pub mod receipts;
pub mod rpc;
pub mod signer;

use std::{
	path::PathBuf,
	sync::{Arc, Mutex, MutexGuard},
	time::Duration,
};

use futures::{FutureExt, StreamExt};
use sc_client_api::BlockchainEvents;
use sc_network::{config::IncomingRequest, service::traits::NetworkService, PeerId, ProtocolName};
use sc_service::SpawnTaskHandle;
use tamga_exchange::{
	store::{InboxKey, Store},
	wire::{self, MAX_REQUEST, MAX_RESPONSE},
	ExchangeSecret,
};
use tamga_primitives::{CountryCode, FieldGroups};

use crate::service::{FullClient, FullPool};

const LOG_TARGET: &str = "tamga-exchange";

/// How long a sender waits for a receiver's answer: enough for a 4 MiB delivery at
/// ~1 Mbit/s.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Deliveries waiting for the receiver's checks; beyond, the network refuses them and
/// senders back off.
const INBOUND_QUEUE: usize = 16;

/// Inbox changes kept for subscribers that read slowly; one that falls further behind
/// skips the oldest.
const CHANGES: usize = 1_024;

/// How often the outbox is looked at when nothing else wakes it.
const TICK: Duration = Duration::from_secs(1);

/// The node's exchange options.
#[derive(Debug, Clone, clap::Args)]
pub struct ExchangeArgs {
	/// The administration's exchange secret (written by `tamga exchange keygen`, whose
	/// public key the administration published with `tamga exchange set-key`). With it,
	/// this node receives its administration's deliveries; without it, the node only
	/// sends. Repeat it during a key change, newest first, so that deliveries sealed to
	/// the previous key still open. The node's exchange-node account key (keystore type
	/// `tmgx`, accredited with role `exchangeNode`) signs the receipts.
	#[arg(long = "exchange-secret", value_name = "FILE")]
	pub secrets: Vec<PathBuf>,
}

/// The exchange protocol's configuration for network backend `N`, and the queue on which
/// its deliveries arrive.
pub fn protocol<N: crate::network::InboundQueue>(
	genesis: &[u8; 32],
) -> (N::RequestResponseProtocolConfig, async_channel::Receiver<IncomingRequest>, ProtocolName) {
	let (sender, receiver) = async_channel::bounded(INBOUND_QUEUE);
	let name: ProtocolName = wire::protocol_name(genesis).into();
	let config = N::request_response_config(
		name.clone(),
		Vec::new(),
		MAX_REQUEST,
		MAX_RESPONSE,
		REQUEST_TIMEOUT,
		Some(sender),
	);
	(config, receiver, name)
}

/// What [`start`] needs.
pub struct ExchangeParts {
	/// The options.
	pub args: ExchangeArgs,
	/// Where the outbox and inbox file lives (`<base path>/chains/<id>/exchange`).
	pub data_dir: PathBuf,
	/// The client.
	pub client: Arc<FullClient>,
	/// The network, to send deliveries.
	pub network: Arc<dyn NetworkService>,
	/// The protocol's name on this chain.
	pub protocol: ProtocolName,
	/// The deliveries that arrive.
	pub inbound: async_channel::Receiver<IncomingRequest>,
	/// The pool the receipts go to.
	pub pool: Arc<FullPool>,
	/// The keystore holding the exchange-node key.
	pub keystore: sp_keystore::KeystorePtr,
	/// Spawns the exchange's tasks.
	pub spawn: SpawnTaskHandle,
	/// The node's Prometheus registry, if it serves one.
	pub registry: Option<substrate_prometheus_endpoint::Registry>,
}

/// The running exchange, shared by its tasks and its RPC methods.
pub struct Exchange {
	genesis: [u8; 32],
	protocol: ProtocolName,
	local: PeerId,
	secrets: Vec<ExchangeSecret>,
	store: Mutex<Store>,
	chain: chain::Chain,
	network: Arc<dyn NetworkService>,
	signer: signer::Signer,
	wake: tokio::sync::Notify,
	warned: Mutex<Option<String>>,
	changes: tokio::sync::broadcast::Sender<InboxKey>,
	metrics: metrics::ExchangeMetrics,
}

/// Opens the outbox and inbox, reads the secrets and starts the exchange's tasks; `Err`
/// if the store or a secret cannot be read (the node does not start with a half-working
/// exchange).
pub fn start(parts: ExchangeParts) -> Result<Arc<Exchange>, String> {
	let ExchangeParts {
		args,
		data_dir,
		client,
		network,
		protocol,
		inbound,
		pool,
		keystore,
		spawn,
		registry,
	} = parts;
	let metrics = metrics::ExchangeMetrics::new(registry.as_ref())
		.map_err(|e| format!("cannot register the exchange's metrics: {e}"))?;
	let genesis = client.chain_info().genesis_hash.0;
	let secrets = args
		.secrets
		.iter()
		.map(|path| {
			ExchangeSecret::read(path)
				.map_err(|e| format!("cannot read the exchange secret {}: {e}", path.display()))
		})
		.collect::<Result<Vec<_>, _>>()?;
	let path = data_dir.join("exchange.sqlite");
	let store = Store::open(&path, genesis)
		.map_err(|e| format!("cannot open the exchange store {}: {e}", path.display()))?;
	let chain = chain::Chain::new(client.clone());
	let exchange = Arc::new(Exchange {
		genesis,
		protocol,
		local: network.local_peer_id(),
		secrets,
		store: Mutex::new(store),
		chain,
		network,
		signer: signer::Signer::new(keystore, pool),
		wake: tokio::sync::Notify::new(),
		warned: Mutex::new(None),
		changes: tokio::sync::broadcast::channel(CHANGES).0,
		metrics,
	});
	log::info!(
		target: LOG_TARGET,
		"📦 exchange store {} ({}, {} secret(s))",
		path.display(),
		if exchange.secrets.is_empty() { "sending only" } else { "sending and receiving" },
		exchange.secrets.len()
	);
	spawn.spawn_blocking(
		"tamga-exchange-inbound",
		Some("exchange"),
		inbound::serve(exchange.clone(), inbound),
	);
	spawn.spawn_blocking("tamga-exchange", Some("exchange"), run(exchange.clone(), client));
	Ok(exchange)
}

/// The exchange's loop: on each finalized block it re-reads the approved nodes and
/// settles receipts; on each tick, or when woken, it sends what is due.
async fn run(exchange: Arc<Exchange>, client: Arc<FullClient>) {
	let mut finality = client.finality_notification_stream().fuse();
	let mut supported = false;
	let mut counted = std::time::Instant::now() - TICK;
	loop {
		match exchange.chain.supported() {
			Ok(now) if now != supported => {
				supported = now;
				if !now {
					exchange.warn_once(
						"the runtime predates node-to-node delivery: exchange waits for an upgrade"
							.into(),
					);
				}
			},
			Ok(_) => {},
			Err(error) => log::warn!(target: LOG_TARGET, "{error}"),
		}
		if supported {
			if let Err(error) = exchange.chain.refresh_nodes() {
				log::warn!(target: LOG_TARGET, "{error}");
			}
			exchange.follow_receipts();
			exchange.settle_inbox().await;
			exchange.send_due().await;
			// The gauges count whole tables: once a tick is enough.
			if counted.elapsed() >= TICK {
				exchange.metrics.count(&exchange.store());
				counted = std::time::Instant::now();
			}
		}
		let tick = tokio::time::sleep(TICK).fuse();
		let woken = exchange.wake.notified().fuse();
		futures::pin_mut!(tick, woken);
		futures::select! {
			notification = finality.next() => if notification.is_none() { return },
			_ = tick => {},
			_ = woken => {},
		}
	}
}

impl Exchange {
	/// The outbox and inbox.
	fn store(&self) -> MutexGuard<'_, Store> {
		self.store.lock().unwrap_or_else(|e| e.into_inner())
	}

	/// The administration this node is approved for, as of the finalized block.
	pub fn own_country(&self) -> Option<CountryCode> {
		self.chain.country_of(&self.local)
	}

	/// Tells the inbox's subscribers that delivery `key` arrived or changed state.
	fn changed(&self, key: InboxKey) {
		let _ = self.changes.send(key);
	}

	/// Logs `message` as a warning unless it was the last one logged this way.
	fn warn_once(&self, message: String) {
		let mut last = self.warned.lock().unwrap_or_else(|e| e.into_inner());
		if last.as_deref() != Some(message.as_str()) {
			log::warn!(target: LOG_TARGET, "{message}");
			*last = Some(message);
		}
	}
}

/// Milliseconds since 1970.
fn now_ms() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or(0)
}

/// `groups` as their names, comma-separated.
fn group_names(groups: FieldGroups) -> String {
	groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", ")
}
