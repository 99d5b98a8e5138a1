//! A raw peer-to-peer client: not a `tamga-node`, but a bare litep2p host that speaks the
//! wire protocols of a Substrate chain directly — the block, state, warp-proof and
//! light-client requests, and the block-announce, transaction and GRANDPA notification
//! substreams — without the reserved-only rules a node follows. Tests use it as the
//! custom client an outsider would write to read a consortium node.

use std::{collections::HashMap, time::Duration};

use futures::StreamExt;
use litep2p::{
	config::ConfigBuilder,
	protocol::{
		notification::{
			ConfigBuilder as NotificationConfigBuilder, NotificationError, NotificationEvent,
			NotificationHandle, ValidationResult,
		},
		request_response::{
			ConfigBuilder as RequestConfigBuilder, DialOptions, RequestResponseEvent,
			RequestResponseHandle,
		},
	},
	transport::tcp::config::Config as TcpConfig,
	types::multiaddr::Multiaddr,
	Litep2p, PeerId, ProtocolName,
};

pub use litep2p::crypto::ed25519::Keypair;

/// How long the client waits for a node's answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(20);

/// The request-response protocols a Substrate node serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
	/// Blocks: headers, bodies, justifications (`/{genesis}/sync/2`).
	Blocks,
	/// State entries with their proof (`/{genesis}/state/2`).
	State,
	/// Warp-sync proofs of GRANDPA authority-set changes (`/{genesis}/sync/warp`).
	WarpProof,
	/// Light clients' remote reads and calls with proofs (`/{genesis}/light/2`).
	Light,
	/// Deliveries between administrations (`/{genesis}/tamga/exchange/1`).
	Exchange,
}

/// The notification protocols of a Substrate node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gossip {
	/// Block announcements (`/{genesis}/block-announces/1`).
	BlockAnnounces,
	/// Transactions (`/{genesis}/transactions/1`).
	Transactions,
	/// GRANDPA votes and commits (`/{genesis}/grandpa/1`).
	Grandpa,
}

impl Service {
	/// Every request-response protocol.
	pub const ALL: [Service; 5] =
		[Service::Blocks, Service::State, Service::WarpProof, Service::Light, Service::Exchange];

	fn suffix(self) -> &'static str {
		match self {
			Service::Blocks => "sync/2",
			Service::State => "state/2",
			Service::WarpProof => "sync/warp",
			Service::Light => "light/2",
			Service::Exchange => "tamga/exchange/1",
		}
	}
}

impl Gossip {
	/// Every notification protocol.
	pub const ALL: [Gossip; 3] = [Gossip::BlockAnnounces, Gossip::Transactions, Gossip::Grandpa];

	fn suffix(self) -> &'static str {
		match self {
			Gossip::BlockAnnounces => "block-announces/1",
			Gossip::Transactions => "transactions/1",
			Gossip::Grandpa => "grandpa/1",
		}
	}
}

/// A litep2p host with its own identity that knows the chain's genesis hash.
pub struct RawPeer {
	runtime: tokio::runtime::Runtime,
	peer_id: PeerId,
	requests: HashMap<Service, RequestResponseHandle>,
	notifications: HashMap<Gossip, NotificationHandle>,
}

impl RawPeer {
	/// A client of the chain with genesis `genesis`, with a fresh ed25519 identity, that
	/// knows where the `nodes` are (multiaddresses ending in `/p2p/<PeerId>`) and listens
	/// on a port of its own.
	pub fn new(genesis: [u8; 32], nodes: &[String]) -> Self {
		Self::with_keypair(genesis, nodes, Keypair::generate(), 0)
	}

	/// A client with the identity of `keypair`, listening on loopback port `port` (0: any).
	pub fn with_keypair(genesis: [u8; 32], nodes: &[String], keypair: Keypair, port: u16) -> Self {
		let runtime = tokio::runtime::Builder::new_multi_thread()
			.worker_threads(1)
			.enable_all()
			.build()
			.expect("a tokio runtime");
		let genesis_hex: String = genesis.iter().map(|b| format!("{b:02x}")).collect();
		let name = |suffix: &str| ProtocolName::from(format!("/{genesis_hex}/{suffix}"));
		// One connection for every question of a test: no idle close between them.
		let mut config = ConfigBuilder::new()
			.with_keypair(keypair.clone())
			.with_keep_alive_timeout(Duration::from_secs(600))
			.with_tcp(TcpConfig {
				listen_addresses: vec![format!("/ip4/127.0.0.1/tcp/{port}")
					.parse()
					.expect("an address")],
				..Default::default()
			});
		let mut requests = HashMap::new();
		for service in Service::ALL {
			let (protocol, handle) = RequestConfigBuilder::new(name(service.suffix()))
				.with_max_size(16 * 1024 * 1024)
				.with_timeout(ANSWER_TIMEOUT)
				.build();
			config = config.with_request_response_protocol(protocol);
			requests.insert(service, handle);
		}
		let mut notifications = HashMap::new();
		for gossip in Gossip::ALL {
			let (protocol, handle) = NotificationConfigBuilder::new(name(gossip.suffix()))
				.with_max_size(1024 * 1024)
				.with_handshake(handshake(gossip, genesis))
				.with_auto_accept_inbound(true)
				.with_dialing_enabled(true)
				.build();
			config = config.with_notification_protocol(protocol);
			notifications.insert(gossip, handle);
		}
		let peer_id = peer_id_of(&keypair).parse().expect("a PeerId");
		let mut host = {
			let _context = runtime.enter();
			Litep2p::new(config.build()).expect("a litep2p host")
		};
		for node in nodes {
			let (peer, address) = parse_address(node);
			host.add_known_address(peer, address.into_iter());
		}
		runtime.spawn(async move { while host.next_event().await.is_some() {} });
		Self { runtime, peer_id, requests, notifications }
	}

	/// The client's PeerId, as a node's approved list writes it.
	pub fn peer_id(&self) -> String {
		self.peer_id.to_string()
	}

	/// Sends `payload` on `service` to the node at `address` (one of the client's known
	/// nodes), dialing it if needed; the node's answer, or why there is none.
	pub fn request(
		&mut self,
		address: &str,
		service: Service,
		payload: Vec<u8>,
	) -> Result<Vec<u8>, String> {
		let (node, _) = parse_address(address);
		let handle = self.requests.get_mut(&service).expect("every service has a handle");
		self.runtime.block_on(async {
			let id = handle
				.send_request(node, payload, DialOptions::Dial)
				.await
				.map_err(|e| format!("cannot send: {e:?}"))?;
			first_outcome(handle, |event| match event {
				RequestResponseEvent::ResponseReceived { request_id, response, .. }
					if request_id == id =>
				{
					Some(Ok(response))
				},
				RequestResponseEvent::RequestFailed { request_id, error, .. }
					if request_id == id =>
				{
					Some(Err(format!("refused: {error:?}")))
				},
				_ => None,
			})
			.await
		})
	}

	/// Opens `gossip`'s substream to the node at `address`: `Ok` once it is open, or why
	/// not. A node opens substreams to its approved peers itself, so the client accepts
	/// the node's own opening (litep2p asks to validate it) as well as opening its side.
	pub fn open(&mut self, address: &str, gossip: Gossip) -> Result<(), String> {
		let (node, _) = parse_address(address);
		let handle = self.notifications.get_mut(&gossip).expect("every protocol has a handle");
		self.runtime.block_on(async {
			match handle.open_substream(node).await {
				// The node opened it first, as it does towards an approved peer.
				Ok(()) | Err(litep2p::Error::PeerAlreadyExists(_)) => {},
				Err(error) => return Err(format!("cannot open: {error:?}")),
			}
			let wait = async {
				while let Some(event) = handle.next().await {
					match event {
						NotificationEvent::ValidateSubstream { peer, .. } if peer == node => {
							handle.send_validation_result(peer, ValidationResult::Accept)
						},
						NotificationEvent::NotificationStreamOpened { peer, .. }
							if peer == node =>
						{
							return Ok(())
						},
						// The node's own opening is being validated: it completes the substream.
						NotificationEvent::NotificationStreamOpenFailure {
							error: NotificationError::ValidationPending,
							..
						} => {},
						NotificationEvent::NotificationStreamOpenFailure { peer, error }
							if peer == node =>
						{
							return Err(format!("refused: {error:?}"))
						},
						_ => {},
					}
				}
				Err("the client stopped".to_string())
			};
			within_answer_time(wait).await
		})
	}
}

/// The first outcome `decide` finds among `events` within [`ANSWER_TIMEOUT`] (events it
/// answers `None` to are skipped), or why there is none.
async fn first_outcome<E, T>(
	events: &mut (impl futures::Stream<Item = E> + Unpin),
	mut decide: impl FnMut(E) -> Option<Result<T, String>>,
) -> Result<T, String> {
	let wait = async {
		while let Some(event) = events.next().await {
			if let Some(outcome) = decide(event) {
				return outcome;
			}
		}
		Err("the client stopped".to_string())
	};
	within_answer_time(wait).await
}

/// `wait`'s outcome, or why there is none if it takes longer than [`ANSWER_TIMEOUT`].
async fn within_answer_time<T>(
	wait: impl std::future::Future<Output = Result<T, String>>,
) -> Result<T, String> {
	tokio::time::timeout(ANSWER_TIMEOUT, wait)
		.await
		.map_err(|_| format!("no answer within {ANSWER_TIMEOUT:?}"))?
}

/// The PeerId of the identity `keypair`, as a node's approved list writes it.
pub fn peer_id_of(keypair: &Keypair) -> String {
	PeerId::from_public_key(&keypair.public().into()).to_string()
}

/// The node's PeerId and address in `address` (`.../p2p/<PeerId>`).
fn parse_address(address: &str) -> (PeerId, Vec<Multiaddr>) {
	let (_, peer) = address.rsplit_once("/p2p/").expect("the address names its PeerId");
	let node: PeerId = peer.parse().expect("a PeerId");
	(node, vec![address.parse().expect("a multiaddress")])
}

/// The handshake a node of `genesis` expects on `gossip`: the roles byte (a full node),
/// and for block announces the best block (genesis) and the genesis hash.
fn handshake(gossip: Gossip, genesis: [u8; 32]) -> Vec<u8> {
	const FULL_NODE: u8 = 0b0000_0001;
	match gossip {
		Gossip::BlockAnnounces => {
			let mut bytes = vec![FULL_NODE];
			bytes.extend_from_slice(&0u32.to_le_bytes());
			bytes.extend_from_slice(&genesis);
			bytes.extend_from_slice(&genesis);
			bytes
		},
		Gossip::Transactions | Gossip::Grandpa => vec![FULL_NODE],
	}
}

/// Protocol Buffers encodings of the requests, by hand: a few fields of the schemas in
/// `sc-network-sync` (`api.v1`) and `sc-network-light` (`api.v1.light`).
pub mod requests {
	fn varint(mut value: u64, out: &mut Vec<u8>) {
		while value >= 0x80 {
			out.push((value as u8) | 0x80);
			value >>= 7;
		}
		out.push(value as u8);
	}

	fn bytes_field(field: u64, bytes: &[u8], out: &mut Vec<u8>) {
		varint(field << 3 | 2, out);
		varint(bytes.len() as u64, out);
		out.extend_from_slice(bytes);
	}

	fn varint_field(field: u64, value: u64, out: &mut Vec<u8>) {
		varint(field << 3, out);
		varint(value, out);
	}

	/// A `BlockRequest` for the headers, bodies and justifications of up to `count`
	/// blocks ascending from block number `from`.
	pub fn blocks(from: u32, count: u32) -> Vec<u8> {
		const HEADER_BODY_JUSTIFICATION: u64 = 0b0001_0011;
		let mut out = Vec::new();
		varint_field(1, HEADER_BODY_JUSTIFICATION << 24, &mut out);
		bytes_field(3, &from.to_le_bytes(), &mut out);
		varint_field(6, u64::from(count), &mut out);
		out
	}

	/// A `StateRequest` for the state of block `hash`, from its first key, with proof.
	pub fn state(hash: &[u8; 32]) -> Vec<u8> {
		let mut out = Vec::new();
		bytes_field(1, hash, &mut out);
		out
	}

	/// A SCALE `WarpProofRequest` starting at block `hash`.
	pub fn warp_proof(hash: &[u8; 32]) -> Vec<u8> {
		hash.to_vec()
	}

	/// A light client's `Request` to read `key` at block `hash`, with proof.
	pub fn remote_read(hash: &[u8; 32], key: &[u8]) -> Vec<u8> {
		let mut read = Vec::new();
		bytes_field(2, hash, &mut read);
		bytes_field(3, key, &mut read);
		let mut out = Vec::new();
		bytes_field(2, &read, &mut out);
		out
	}
}
