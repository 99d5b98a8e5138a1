//! Consortium governance on a real four-validator `local` network: outsiders cannot
//! transact; a fifth administration (UZ) is voted in, registers its validator's session
//! keys, has its validator voted in and authoring after the session change; then it is
//! voted out and its validator stops authoring.

use codec::{Decode, Encode};
use serde_json::json;
use tamga_runtime::{AccountId, RuntimeCall, SessionKeys};
use tamga_tests::{
	extrinsic::Signer,
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::TamgaNode,
	rpc::{from_hex, to_hex},
	wait,
};

type GovernanceCall = pallet_tamga_governance::Call<tamga_runtime::Runtime>;

/// The founding administrations' member accounts, in the order of the network's nodes.
const MEMBERS: [&str; 4] = ["//Alice", "//Bob", "//Charlie", "//Dave"];

/// What a validator's log says each time it authors a block.
const AUTHORED: &str = "Pre-sealed block for proposal";

fn authored_blocks(node: &TamgaNode) -> usize {
	std::fs::read_to_string(node.log_path()).unwrap_or_default().matches(AUTHORED).count()
}

/// A node of the network's chain with a fresh node key, not started, bootstrapping from
/// the network's nodes.
fn extra_node(net: &LocalNetwork, name: &str) -> TamgaNode {
	let mut node = TamgaNode::prepare(name, "local", &net.dir().join(name), None);
	node.chain = net.spec.to_str().expect("utf-8 path").to_string();
	node.bootnodes = net.addresses();
	node
}

/// The validator accounts of the current session, at node 0's best block.
fn session_validators(net: &LocalNetwork) -> Vec<AccountId> {
	let key = pallet_session::Validators::<tamga_runtime::Runtime>::hashed_key();
	let raw = net.check(net.nodes[0].rpc().storage(&key)).unwrap_or_default();
	Vec::<AccountId>::decode(&mut &raw[..]).expect("session validators decode")
}

/// Waits until node 0's best state satisfies `holds`.
fn wait_for(net: &LocalNetwork, what: &str, mut holds: impl FnMut() -> bool) {
	net.check(wait::until(LIVENESS_TIMEOUT, what, || holds().then_some(())));
}

/// KZ proposes `call` through node 0; KG and AM approve it through nodes 1 and 2, which
/// is 3 of 4 administrations: the consortium dispatches it.
fn pass(net: &LocalNetwork, id: u32, call: GovernanceCall) {
	let proposal = RuntimeCall::Governance(GovernanceCall::propose {
		call: Box::new(RuntimeCall::Governance(call)),
	});
	net.check(Signer::from_suri(MEMBERS[0]).submit(&net.nodes[0].rpc(), proposal));
	let key = pallet_tamga_governance::Proposals::<tamga_runtime::Runtime>::hashed_key_for(id);
	wait_for(net, &format!("proposal {id} to be open"), || {
		net.nodes[0].rpc().storage(&key).ok().flatten().is_some()
	});
	for voter in [1, 2] {
		let vote = RuntimeCall::Governance(GovernanceCall::vote { id, approve: true });
		net.check(Signer::from_suri(MEMBERS[voter]).submit(&net.nodes[voter].rpc(), vote));
	}
	wait_for(net, &format!("proposal {id} to be decided"), || {
		net.nodes[0].rpc().storage(&key).ok().flatten().is_none()
	});
}

#[test]
fn a_fifth_administration_is_voted_in_authors_blocks_and_is_voted_out() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 2);
	let eve = Signer::from_suri("//Eve");

	// An outsider's transaction never reaches the pool.
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() });
	let refused = eve.submit(&net.nodes[0].rpc(), remark).expect_err("the pool refuses outsiders");
	assert!(refused.contains("Custom error: 1"), "unexpected refusal: {refused}");

	// UZ's validator node starts with an empty keystore; until the consortium approves
	// it, no node lets it connect.
	let mut uz = extra_node(&net, "uz");
	uz.validator = true;
	uz.extra_args = vec!["--rpc-methods".into(), "unsafe".into()];
	uz.start();

	// 1. The consortium admits UZ with Eve as its member account.
	pass(
		&net,
		0,
		GovernanceCall::admit_administration {
			country: *b"UZ",
			name: b"Customs Committee of Uzbekistan".to_vec(),
			members: vec![eve.account()],
		},
	);
	let member_key =
		pallet_tamga_governance::MemberOf::<tamga_runtime::Runtime>::hashed_key_for(eve.account());
	assert!(net.check(net.nodes[0].rpc().storage(&member_key)).is_some(), "UZ was not admitted");

	// 2. The consortium approves UZ's node; it connects and syncs.
	pass(
		&net,
		1,
		GovernanceCall::approve_node {
			country: *b"UZ",
			peer_id: uz.peer_id.clone().into_bytes(),
			address: uz.listen_address().into_bytes(),
		},
	);
	let height = net.common_finalized(&[0, 1, 2, 3]);
	net.check(wait::until(LIVENESS_TIMEOUT, "UZ's node to sync", || {
		uz.rpc().finalized_number().ok().filter(|n| *n >= height)
	}));

	// 3. UZ generates session keys on its own node and registers them from its account.
	let generated = net.check(wait::until(LIVENESS_TIMEOUT, "UZ's node RPC", || {
		uz.rpc().call("author_rotateKeysWithOwner", json!([to_hex(&eve.account().encode())])).ok()
	}));
	let keys = from_hex(generated["keys"].as_str().expect("keys")).expect("hex keys");
	let proof = from_hex(generated["proof"].as_str().expect("proof")).expect("hex proof");
	let keys = SessionKeys::decode(&mut &keys[..]).expect("session keys decode");
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof });
	net.check(eve.submit(&net.nodes[0].rpc(), set_keys));
	let next_keys =
		pallet_session::NextKeys::<tamga_runtime::Runtime>::hashed_key_for(eve.account());
	wait_for(&net, "UZ's session keys to be registered", || {
		net.nodes[0].rpc().storage(&next_keys).ok().flatten().is_some()
	});
	assert_eq!(authored_blocks(&uz), 0, "UZ's node authored before it was a validator");

	// 4. The consortium adds UZ's validator; it takes over at a session change.
	pass(&net, 2, GovernanceCall::add_validator { country: *b"UZ", validator: eve.account() });
	wait_for(&net, "UZ's validator to enter the session", || {
		session_validators(&net).contains(&eve.account())
	});
	net.check(wait::until(LIVENESS_TIMEOUT, "UZ's node to author a block", || {
		(authored_blocks(&uz) > 0).then_some(())
	}));
	let finalized = net.common_finalized(&[0, 1, 2, 3]);
	net.wait_finalized(&[0, 1, 2, 3], finalized + 3);

	// 5. The consortium removes UZ, and with it its validator and node.
	pass(&net, 3, GovernanceCall::remove_administration { country: *b"UZ" });
	wait_for(&net, "UZ's validator to leave the session", || {
		!session_validators(&net).contains(&eve.account())
	});
	let left_at = net.check(net.nodes[0].rpc().block_number(None));
	net.wait_finalized(&[0, 1, 2, 3], left_at + 2);
	let authored_until_removal = authored_blocks(&uz);
	net.wait_finalized(&[0, 1, 2, 3], left_at + 12);
	assert_eq!(
		authored_blocks(&uz),
		authored_until_removal,
		"UZ's node kept authoring after it left the validator set"
	);
	assert!(net.check(net.nodes[0].rpc().storage(&member_key)).is_none(), "Eve is still a member");
}

#[test]
fn an_unknown_node_cannot_sync_until_the_consortium_approves_it() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 2);
	let mut stranger = extra_node(&net, "stranger");
	stranger.start();

	// While the network finalizes ten more blocks, the stranger gets none of them and
	// takes no peer slot of a consortium node.
	let height = net.common_finalized(&[0, 1, 2, 3]);
	net.wait_finalized(&[0, 1, 2, 3], height + 10);
	let best = net.check(wait::until(LIVENESS_TIMEOUT, "the stranger's RPC", || {
		stranger.rpc().block_number(None).ok()
	}));
	assert_eq!(best, 0, "an unapproved node synced up to block #{best}");
	for node in &net.nodes {
		assert_eq!(net.check(node.rpc().peer_count()), 3, "{} accepted the stranger", node.name);
	}

	// Approved by a vote, the same node connects and syncs.
	pass(
		&net,
		0,
		GovernanceCall::approve_node {
			country: *b"KZ",
			peer_id: stranger.peer_id.clone().into_bytes(),
			address: stranger.listen_address().into_bytes(),
		},
	);
	let height = net.common_finalized(&[0, 1, 2, 3]);
	net.check(wait::until(LIVENESS_TIMEOUT, "the approved node to sync", || {
		stranger.rpc().finalized_number().ok().filter(|n| *n >= height)
	}));
}
