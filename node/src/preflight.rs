//! Checks made before the node starts, so that a misconfiguration fails at once with one
//! clear line instead of half-starting.
//!
//! Upstream, an RPC port already in use makes the server quietly listen on a random port,
//! and a peer-to-peer port in use only logs a warning. For an administration's validator
//! both mean "another node is already running here": Tamga refuses to start instead.
//! A node key file that cannot be read or parsed is reported with its path. No Tamga node
//! serves IPFS: `--ipfs-server`'s Bitswap protocol would serve block bodies to any peer,
//! past the admission gate. A live chain whose genesis names a well-known development key
//! (`//Alice`…, whose secrets everyone knows) is refused: such a chain can be taken over
//! by anyone.

use std::net::{IpAddr, SocketAddr, TcpListener};

use sc_network::{
	config::{NodeKeyConfig, Secret},
	multiaddr::Protocol,
};
use sc_service::Configuration;

/// Runs every check; the first failure is returned as a one-line message.
pub fn check(config: &mut Configuration) -> Result<(), String> {
	check_development_keys(config.chain_spec.as_ref())?;
	check_node_key(config)?;
	check_ipfs(config)?;
	check_ports(config)
}

/// Refuses a live chain (`chainType: Live`) whose genesis state names a well-known
/// development key anywhere, in a storage key or value (the runtime code aside): a member,
/// a validator's session key, a party. Development and local chains may use them.
pub fn check_development_keys(spec: &dyn sc_service::ChainSpec) -> Result<(), String> {
	if spec.chain_type() != sc_service::ChainType::Live {
		return Ok(());
	}
	let storage = spec
		.as_storage_builder()
		.build_storage()
		.map_err(|e| format!("cannot build the genesis of chain spec `{}`: {e}", spec.id()))?;
	let children = storage.children_default.values().flat_map(|child| child.data.iter());
	let entries: Vec<(&Vec<u8>, &Vec<u8>)> = storage
		.top
		.iter()
		.filter(|(key, _)| key.as_slice() != sp_core::storage::well_known_keys::CODE)
		.chain(children)
		.collect();
	for (name, public) in development_keys() {
		let named = |bytes: &[u8]| bytes.windows(public.len()).any(|window| window == public);
		if entries.iter().any(|(key, value)| named(key) || named(value)) {
			return Err(format!(
				"chain spec `{}` is a live chain, but its genesis names the well-known \
				 development key {name}, whose secret everyone knows: generate your own keys \
				 (`tamga-node key generate`) and build the spec from them",
				spec.id()
			));
		}
	}
	Ok(())
}

/// The public keys of the well-known development accounts (sr25519 and ed25519), by name.
fn development_keys() -> Vec<(String, [u8; 32])> {
	let sr25519 =
		sp_keyring::Sr25519Keyring::iter().map(|k| (format!("{k} (sr25519)"), k.to_raw_public()));
	let ed25519 =
		sp_keyring::Ed25519Keyring::iter().map(|k| (format!("{k} (ed25519)"), k.to_raw_public()));
	sr25519.chain(ed25519).collect()
}

/// Refuses `--ipfs-server`.
fn check_ipfs(config: &Configuration) -> Result<(), String> {
	if config.network.ipfs_server {
		return Err("--ipfs-server would serve block bodies to any peer, approved or not; \
			 Tamga nodes do not serve IPFS"
			.into());
	}
	Ok(())
}

/// Reads the node key file, if one is configured and exists (a missing one is generated
/// by the network layer), and reports an unreadable or malformed one with its path.
fn check_node_key(config: &Configuration) -> Result<(), String> {
	let NodeKeyConfig::Ed25519(Secret::File(path)) = &config.network.node_key else {
		return Ok(());
	};
	if !path.exists() {
		return Ok(());
	}
	config.network.node_key.clone().into_keypair().map(drop).map_err(|error| {
		format!(
			"cannot use node key file `{}`: {error} (expected 64 hex characters of an \
			 ed25519 secret, as written by `tamga-node key generate-node-key`)",
			path.display()
		)
	})
}

/// Makes the RPC server fail rather than move to a random port, then checks that every
/// TCP address the node will listen on (RPC, peer-to-peer, Prometheus) is free.
fn check_ports(config: &mut Configuration) -> Result<(), String> {
	let mut wanted: Vec<(&'static str, SocketAddr)> = Vec::new();

	for endpoint in config.rpc.addr.iter_mut().flatten() {
		endpoint.retry_random_port = false;
		// Optional endpoints (the IPv6 twin of the default one) may fail to bind.
		if !endpoint.is_optional {
			wanted.push(("RPC", endpoint.listen_addr));
		}
	}
	for address in &config.network.listen_addresses {
		if let Some(socket) = tcp_socket(address) {
			wanted.push(("peer-to-peer", socket));
		}
	}
	if let Some(prometheus) = &config.prometheus_config {
		wanted.push(("Prometheus", prometheus.port));
	}

	for (what, socket) in wanted {
		// Port 0 asks the OS for any free port: nothing to check.
		if socket.port() == 0 {
			continue;
		}
		if let Err(error) = TcpListener::bind(socket) {
			return Err(format!(
				"cannot listen for {what} on {socket}: {error} (is another node running? \
				 choose another port or stop it)"
			));
		}
	}
	Ok(())
}

/// The IP and TCP port of a listen address such as `/ip4/0.0.0.0/tcp/30333`.
fn tcp_socket(address: &sc_network::Multiaddr) -> Option<SocketAddr> {
	let mut ip: Option<IpAddr> = None;
	for protocol in address.iter() {
		match protocol {
			Protocol::Ip4(v4) => ip = Some(v4.into()),
			Protocol::Ip6(v6) => ip = Some(v6.into()),
			Protocol::Tcp(port) => return ip.map(|ip| SocketAddr::new(ip, port)),
			_ => {},
		}
	}
	None
}
