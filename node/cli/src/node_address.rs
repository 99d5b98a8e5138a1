//! The identity and address of an approved node, checked as a node will read them: a
//! PeerId (base58 multihash of the node's public key) and a multiaddress naming a host and
//! a TCP port (`/ip4/…/tcp/30333`, `/dns/host/tcp/30333/ws`).
//!
//! The chain checks only their shape (`pallet_tamga_governance::node_admission`); these
//! checks catch a mistyped PeerId or port before a vote approves it.

use std::net::IpAddr;

/// Where a node listens: its host and TCP port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeAddress {
	/// The host, by IP address or DNS name.
	pub host: Host,
	/// The TCP port.
	pub port: u16,
}

/// A node's host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
	/// An IPv4 or IPv6 address (`/ip4/…`, `/ip6/…`).
	Ip(IpAddr),
	/// A DNS name (`/dns/…`, `/dns4/…`, `/dns6/…`).
	Dns(String),
}

impl std::str::FromStr for NodeAddress {
	type Err = String;

	/// Parses `/<ip4|ip6|dns|dns4|dns6>/<host>/tcp/<port>`, optionally followed by `/ws` or
	/// `/wss`.
	fn from_str(text: &str) -> Result<Self, String> {
		let expected = "expected /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port>, optionally /ws or /wss";
		let bad = |why: &str| format!("`{text}` is not a node address ({why}; {expected})");
		let mut parts = text.strip_prefix('/').ok_or_else(|| bad("no leading /"))?.split('/');
		let mut next = |what: &str| parts.next().filter(|p| !p.is_empty()).ok_or_else(|| bad(what));
		let host = match (next("no host")?, next("no host value")?) {
			("ip4", value) => {
				Host::Ip(IpAddr::V4(value.parse().map_err(|_| bad("not an IPv4 address"))?))
			},
			("ip6", value) => {
				Host::Ip(IpAddr::V6(value.parse().map_err(|_| bad("not an IPv6 address"))?))
			},
			("dns" | "dns4" | "dns6", name) if is_dns_name(name) => Host::Dns(name.to_string()),
			("dns" | "dns4" | "dns6", _) => return Err(bad("not a DNS name")),
			(other, _) => return Err(bad(&format!("`{other}` is not a host protocol"))),
		};
		if next("no /tcp/<port>")? != "tcp" {
			return Err(bad("the host is not followed by /tcp/<port>"));
		}
		let port = next("no port")?.parse::<u16>().ok().filter(|p| *p != 0);
		let port = port.ok_or_else(|| bad("the port is not 1 to 65535"))?;
		match (parts.next(), parts.next()) {
			(None, _) | (Some("ws" | "wss"), None) => Ok(NodeAddress { host, port }),
			(Some("p2p"), _) => Err(bad("give it without /p2p/<PeerId>")),
			(Some(other), _) => Err(bad(&format!("unexpected `/{other}`"))),
		}
	}
}

/// Whether `name` is a DNS host name: dot-separated labels of letters, digits and hyphens.
fn is_dns_name(name: &str) -> bool {
	name.len() <= 253
		&& name.split('.').all(|label| {
			(1..=63).contains(&label.len())
				&& label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
				&& !label.starts_with('-')
				&& !label.ends_with('-')
		})
}

/// libp2p's multihash codes for a PeerId: the public key itself, or its SHA-256.
const IDENTITY: u8 = 0x00;
const SHA2_256: u8 = 0x12;

/// Checks that `text` is a PeerId: the base58 of a multihash that holds a public key
/// (ed25519, secp256k1, ECDSA, or an RSA key's SHA-256).
pub fn check_peer_id(text: &str) -> Result<(), String> {
	let bad = |why: &str| format!("`{text}` is not a PeerId ({why})");
	let bytes = bs58::decode(text).into_vec().map_err(|_| bad("not base58"))?;
	match bytes.as_slice() {
		[SHA2_256, 32, digest @ ..] if digest.len() == 32 => Ok(()),
		[IDENTITY, length, key @ ..] if usize::from(*length) == key.len() && key.len() <= 42 => {
			match key {
				// Protobuf `PublicKey { KeyType type = 1; bytes data = 2; }`, ed25519 (1)
				// with its 32 bytes, or secp256k1 (2) / ECDSA (3) with theirs.
				[0x08, 1, 0x12, 32, data @ ..] if data.len() == 32 => Ok(()),
				[0x08, 2 | 3, 0x12, length, data @ ..] if usize::from(*length) == data.len() => {
					Ok(())
				},
				_ => Err(bad("its multihash holds no public key")),
			}
		},
		_ => Err(bad("not a multihash of a public key")),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn node_addresses_name_a_host_and_a_tcp_port() {
		let parsed: NodeAddress = "/ip4/10.1.2.3/tcp/30333".parse().unwrap();
		assert_eq!(
			parsed,
			NodeAddress { host: Host::Ip("10.1.2.3".parse().unwrap()), port: 30333 }
		);
		let parsed: NodeAddress = "/dns/node.customs.kz/tcp/443/wss".parse().unwrap();
		assert_eq!(parsed.host, Host::Dns("node.customs.kz".into()));
		assert!("/ip6/::1/tcp/30333".parse::<NodeAddress>().is_ok());
		for bad in [
			"ip4/10.1.2.3/tcp/30333",
			"/ip4/10.1.2/tcp/30333",
			"/ip4/10.1.2.3/udp/30333",
			"/ip4/10.1.2.3/tcp/0",
			"/ip4/10.1.2.3/tcp/70000",
			"/ip4/10.1.2.3",
			"/dns/bad_name/tcp/1",
			"/ip4/10.1.2.3/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
			"/ip4/10.1.2.3/tcp/30333/ws/x",
			"/unix/tmp/sock",
		] {
			assert!(bad.parse::<NodeAddress>().is_err(), "{bad} was accepted");
		}
	}

	#[test]
	fn peer_ids_hold_a_public_key() {
		assert_eq!(check_peer_id("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp"), Ok(()));
		// A PeerId of an RSA key: the SHA-256 multihash.
		assert_eq!(check_peer_id("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"), Ok(()));
		for bad in ["12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDE", "12D3KooW0OIl", ""] {
			assert!(check_peer_id(bad).is_err(), "{bad} was accepted");
		}
	}
}
