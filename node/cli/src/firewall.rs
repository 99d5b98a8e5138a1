//! `tamga admin firewall-rules`: an nftables ruleset that lets only the consortium's
//! approved nodes reach this host's peer-to-peer port.
//!
//! A Tamga node of a consortium chain connects to approved nodes only and answers no
//! other peer's requests or substreams, but the peer-to-peer layer still accepts a bare
//! connection and answers its identify, ping and Kademlia queries. Closing the port at the
//! host to everything but the approved addresses closes that too.

use std::net::IpAddr;

use codec::Decode;
use serde_json::json;

use crate::{
	node_address::{Host, NodeAddress},
	rpc::Rpc,
	tx::from_hex,
};

/// The approved nodes' (PeerId, address) pairs, from the runtime of the node `rpc` reaches
/// (at its last finalized block).
pub fn approved_nodes(rpc: &Rpc) -> Result<Vec<(String, String)>, String> {
	let (head, _) = rpc.finalized_head()?;
	let answer = rpc.call("state_call", json!(["NodeAdmissionApi_approved_nodes", "0x", head]))?;
	let bytes = from_hex(answer.as_str().ok_or("state_call answered no hex")?)?;
	let nodes = Vec::<(Vec<u8>, Vec<u8>)>::decode(&mut &bytes[..])
		.map_err(|e| format!("the approved-node list does not decode ({e}): a Tamga node?"))?;
	Ok(nodes
		.into_iter()
		.map(|(peer, address)| {
			(String::from_utf8_lossy(&peer).into_owned(), String::from_utf8_lossy(&address).into())
		})
		.collect())
}

/// The nftables ruleset letting only `nodes` (PeerId, address) reach TCP `port`.
/// Addresses by DNS name are listed as comments to resolve and add by hand.
pub fn ruleset(nodes: &[(String, String)], port: u16) -> String {
	let (mut v4, mut v6, mut names) = (Vec::new(), Vec::new(), Vec::new());
	for (peer, address) in nodes {
		match address.parse::<NodeAddress>().map(|a| a.host) {
			Ok(Host::Ip(IpAddr::V4(ip))) => v4.push(ip.to_string()),
			Ok(Host::Ip(IpAddr::V6(ip))) => v6.push(ip.to_string()),
			Ok(Host::Dns(name)) => names.push(format!("# {name} ({peer}): resolve it and add it")),
			Err(_) => names.push(format!("# {address} ({peer}): no IP address in it")),
		}
	}
	v4.sort();
	v4.dedup();
	v6.sort();
	v6.dedup();
	let set = |name: &str, kind: &str, elements: &[String]| {
		let elements = if elements.is_empty() {
			String::new()
		} else {
			format!("; elements = {{ {} }}", elements.join(", "))
		};
		format!("\tset {name} {{ type {kind}{elements}; }}\n")
	};
	let mut out = format!(
		"# Only the consortium's approved nodes reach the peer-to-peer port {port}.\n\
		 # Apply: nft -f FILE. Regenerate after every approve_node/remove_node vote.\n"
	);
	for line in &names {
		out.push_str(line);
		out.push('\n');
	}
	out.push_str("table inet tamga_p2p {\n");
	out.push_str(&set("approved_v4", "ipv4_addr", &v4));
	out.push_str(&set("approved_v6", "ipv6_addr", &v6));
	out.push_str("\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n");
	out.push_str(&format!("\t\ttcp dport {port} ip saddr @approved_v4 accept\n"));
	out.push_str(&format!("\t\ttcp dport {port} ip6 saddr @approved_v6 accept\n"));
	out.push_str("\t\tiif lo accept\n");
	out.push_str(&format!("\t\ttcp dport {port} drop\n\t}}\n}}\n"));
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	fn node(address: &str) -> (String, String) {
		("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp".into(), address.into())
	}

	#[test]
	fn approved_addresses_are_let_through_and_the_rest_of_the_port_dropped() {
		let nodes = [
			node("/ip4/10.0.0.7/tcp/30333"),
			node("/ip4/10.0.0.7/tcp/30334"),
			node("/ip6/2001:db8::1/tcp/30333"),
			node("/dns/kz-node.customs.kz/tcp/30333"),
		];
		let rules = ruleset(&nodes, 30333);
		assert!(rules.contains("set approved_v4 { type ipv4_addr; elements = { 10.0.0.7 }; }"));
		assert!(rules.contains("elements = { 2001:db8::1 }"));
		assert!(rules.contains("# kz-node.customs.kz (12D3KooW"), "{rules}");
		let accept = rules.find("ip saddr @approved_v4 accept").unwrap();
		let drop = rules.find("tcp dport 30333 drop").unwrap();
		assert!(accept < drop, "the approved are accepted before the port is dropped");
	}

	#[test]
	fn the_ruleset_is_one_nftables_accepts() {
		let nodes = [
			node("/ip4/10.0.0.7/tcp/30333"),
			node("/ip6/2001:db8::1/tcp/30333"),
			node("/dns/kz-node.customs.kz/tcp/30333"),
		];
		for rules in [ruleset(&nodes, 30333), ruleset(&[], 30333)] {
			let file = tempfile::NamedTempFile::new().unwrap();
			std::fs::write(file.path(), &rules).unwrap();
			let checked = std::process::Command::new("nft")
				.args(["--check", "--file"])
				.arg(file.path())
				.output()
				.expect("nft runs (scripts/setup.sh installs nftables)");
			assert!(
				checked.status.success(),
				"nft refuses the ruleset: {}\n{rules}",
				String::from_utf8_lossy(&checked.stderr)
			);
		}
	}

	#[test]
	fn with_no_approved_address_the_port_is_closed() {
		let rules = ruleset(&[], 30333);
		assert!(rules.contains("set approved_v4 { type ipv4_addr; }"));
		assert!(rules.contains("tcp dport 30333 drop"));
	}
}
