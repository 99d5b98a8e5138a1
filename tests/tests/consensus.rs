//! Consensus on a real four-validator `local` network on loopback: Aura produces blocks,
//! GRANDPA finalizes them, finality survives a crashed validator, and the crashed node
//! keeps its RocksDB data and catches up when restarted.

use tamga_tests::{network::LocalNetwork, node::free_port, wait};

const ALL: [usize; 4] = [0, 1, 2, 3];
const SURVIVORS: [usize; 3] = [0, 1, 2];
const CRASHED: usize = 3;
/// An ed25519 node key whose PeerId no genesis approves.
const UNAPPROVED_NODE_KEY: &str =
	"4d7c1b2a3f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0011223344556";

/// The hash each node in `indices` has at `height`; all must have one.
fn hashes_at(net: &LocalNetwork, indices: &[usize], height: u32) -> Vec<String> {
	indices
		.iter()
		.map(|&i| {
			net.check(net.nodes[i].rpc().block_hash(height))
				.unwrap_or_else(|| panic!("{} has no block #{height}", net.nodes[i].name))
		})
		.collect()
}

#[test]
fn four_validators_produce_blocks_and_agree_on_the_finalized_chain() {
	let net = LocalNetwork::start();
	net.wait_finalized(&ALL, 5);

	let height = net.common_finalized(&ALL);
	assert!(height >= 5);
	let hashes = hashes_at(&net, &ALL, height);
	assert!(
		hashes.iter().all(|h| h == &hashes[0]),
		"nodes disagree on finalized block #{height}: {hashes:?}"
	);
	for node in &net.nodes {
		let peers = net.check(node.rpc().peer_count());
		assert!(peers >= 3, "{} is connected to {peers} peers, expected the 3 others", node.name);
	}
}

#[test]
fn finality_survives_a_crashed_validator_that_catches_up_after_restart() {
	let mut net = LocalNetwork::start();
	net.wait_finalized(&ALL, 3);

	// (b) One of four validators crashes: 3 of 4 is more than 2/3, finality goes on.
	let finalized_before_crash = net.check(net.nodes[CRASHED].rpc().finalized_number());
	net.nodes[CRASHED].kill();
	let at_crash = net.common_finalized(&SURVIVORS);
	net.wait_finalized(&SURVIVORS, at_crash + 5);
	let height = net.common_finalized(&SURVIVORS);
	let hashes = hashes_at(&net, &SURVIVORS, height);
	assert!(hashes.iter().all(|h| h == &hashes[0]), "survivors disagree at #{height}: {hashes:?}");

	// (c) The crashed node's database survived: started isolated (another port and a node
	// key the consortium never approved, so no node accepts it and nothing can sync it) it
	// still knows what it had finalized.
	let usual_port = net.nodes[CRASHED].p2p_port;
	let usual_bootnodes = std::mem::take(&mut net.nodes[CRASHED].bootnodes);
	{
		let node = &mut net.nodes[CRASHED];
		node.p2p_port = free_port();
		node.extra_args = vec!["--node-key".into(), UNAPPROVED_NODE_KEY.into()];
		node.start();
	}
	let recovered = net.check(wait::until(
		tamga_tests::network::LIVENESS_TIMEOUT,
		"the isolated restarted node to answer RPC",
		|| net.nodes[CRASHED].rpc().finalized_number().ok(),
	));
	assert!(
		recovered >= finalized_before_crash,
		"restarted node reports finalized #{recovered}, but had finalized \
		 #{finalized_before_crash} before the crash: its database lost blocks"
	);

	// Back on its usual port and peers, it catches up with the others' finalized chain.
	{
		let node = &mut net.nodes[CRASHED];
		node.kill();
		node.p2p_port = usual_port;
		node.extra_args.clear();
		node.bootnodes = usual_bootnodes;
		node.start();
	}
	let target = net.common_finalized(&SURVIVORS);
	net.wait_finalized(&[CRASHED], target);
	let hashes = hashes_at(&net, &ALL, target);
	assert!(
		hashes.iter().all(|h| h == &hashes[0]),
		"restarted node disagrees with the others at #{target}: {hashes:?}"
	);
}
