//! Consortium governance on a real four-validator `local` network, driven by the
//! `tamga admin` commands the README documents: outsiders cannot transact; a
//! fifth administration (UZ) is voted in, its node approved, its validator's session keys
//! registered and its validator voted in, after which it authors blocks; voted out, it
//! stops. An unknown node cannot sync until the consortium approves it, and a custom
//! client that ignores the node's rules gets nothing from it; an accredited party may
//! transact.

use codec::{Decode, Encode};
use serde_json::json;
use sp_core::crypto::{Pair as _, Ss58Codec};
use tamga_exchange::{
	wire::{decode_answer, Answer, Delivery, Request},
	Sealed,
};
use tamga_primitives::{FieldGroup, FieldGroups};
use tamga_runtime::{AccountId, Runtime};
use tamga_tests::{
	cli::client,
	network::{LocalNetwork, LIVENESS_TIMEOUT, LOCAL_MEMBERS},
	node::{free_port, TamgaNode},
	raw_peer::{self, Gossip, Keypair, RawPeer, Service},
	rpc::{from_hex, to_hex},
	wait,
};

/// The founding administrations' member accounts, in the order of the network's nodes.
const MEMBERS: [&str; 4] = LOCAL_MEMBERS;

/// What a validator's log says each time it authors a block.
const AUTHORED: &str = "Pre-sealed block for proposal";

fn authored_blocks(node: &TamgaNode) -> usize {
	std::fs::read_to_string(node.log_path()).unwrap_or_default().matches(AUTHORED).count()
}

/// The account of development secret URI `suri`.
fn account(suri: &str) -> AccountId {
	sp_core::sr25519::Pair::from_string(suri, None).expect("a dev URI").public().into()
}

/// `tamga admin --url <node's RPC> --suri <suri> <args>`: Ok(stdout) or
/// Err(exit code and output).
fn governance(node: &TamgaNode, suri: &str, args: &[&str]) -> Result<String, String> {
	client(node, "admin", Some(suri), args).ok()
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
	let key = pallet_session::Validators::<Runtime>::hashed_key();
	let raw = net.check(net.nodes[0].rpc().storage(&key)).unwrap_or_default();
	Vec::<AccountId>::decode(&mut &raw[..]).expect("session validators decode")
}

/// Waits until `holds` (which reads node 0's best state).
fn wait_for(net: &LocalNetwork, what: &str, mut holds: impl FnMut() -> bool) {
	net.check(wait::until(LIVENESS_TIMEOUT, what, || holds().then_some(())));
}

#[test]
fn a_fifth_administration_is_voted_in_authors_blocks_and_is_voted_out() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 2);
	let eve = account("//Eve");
	let eve_ss58 = eve.to_ss58check();

	// An outsider's transaction never reaches the pool.
	let refused = governance(&net.nodes[0], "//Eve", &["vote", "--id", "0"])
		.expect_err("the pool refuses outsiders");
	assert!(refused.contains("neither a member"), "unexpected refusal: {refused}");

	// UZ's validator node starts with an empty keystore; until the consortium approves
	// it, no node lets it connect.
	let mut uz = extra_node(&net, "uz");
	uz.validator = true;
	uz.extra_args = vec!["--rpc-methods".into(), "unsafe".into()];
	uz.start();

	// 1. The consortium admits UZ with Eve as its member account.
	net.pass(
		0,
		&[
			"admit-administration",
			"--country",
			"UZ",
			"--name",
			"Customs Committee of Uzbekistan",
			"--member",
			&eve_ss58,
		],
	);
	let member_key = pallet_tamga_governance::MemberOf::<Runtime>::hashed_key_for(&eve);
	assert!(net.check(net.nodes[0].rpc().storage(&member_key)).is_some(), "UZ was not admitted");

	// 2. The consortium approves UZ's node; it connects and syncs.
	let uz_address = uz.listen_address();
	net.pass(
		1,
		&["approve-node", "--country", "UZ", "--peer-id", &uz.peer_id, "--address", &uz_address],
	);
	let height = net.common_finalized(&[0, 1, 2, 3]);
	net.check(wait::until(LIVENESS_TIMEOUT, "UZ's node to sync", || {
		uz.rpc().finalized_number().ok().filter(|n| *n >= height)
	}));

	// 3. UZ generates session keys on its own node and registers them from its account.
	let generated =
		net.check(uz.rpc().call("author_rotateKeysWithOwner", json!([to_hex(&eve.encode())])));
	let (keys, proof) =
		(generated["keys"].as_str().expect("keys"), generated["proof"].as_str().expect("proof"));
	net.check(governance(&net.nodes[0], "//Eve", &["set-keys", "--keys", keys, "--proof", proof]));
	let next_keys = pallet_session::NextKeys::<Runtime>::hashed_key_for(&eve);
	wait_for(&net, "UZ's session keys to be registered", || {
		net.nodes[0].rpc().storage(&next_keys).ok().flatten().is_some()
	});
	assert_eq!(authored_blocks(&uz), 0, "UZ's node authored before it was a validator");

	// 4. The consortium adds UZ's validator; it takes over at a session change.
	net.pass(2, &["add-validator", "--country", "UZ", "--validator", &eve_ss58]);
	wait_for(&net, "UZ's validator to enter the session", || {
		session_validators(&net).contains(&eve)
	});
	net.check(wait::until(LIVENESS_TIMEOUT, "UZ's node to author a block", || {
		(authored_blocks(&uz) > 0).then_some(())
	}));
	let finalized = net.common_finalized(&[0, 1, 2, 3]);
	net.wait_finalized(&[0, 1, 2, 3], finalized + 3);

	// 5. The consortium removes UZ, and with it its validator and node.
	net.pass(3, &["remove-administration", "--country", "UZ"]);
	wait_for(&net, "UZ's validator to leave the session", || {
		!session_validators(&net).contains(&eve)
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

/// A 32-byte hash from its `0x` hex form.
fn hash32(hex: &str) -> [u8; 32] {
	from_hex(hex).expect("hex").try_into().expect("32 bytes")
}

/// A raw litep2p client (not a `tamga-node`, and not bound by reserved-only mode) asks
/// node 0 for blocks, state, a warp proof and a light-client read, and opens its
/// notification substreams. With an approved identity (`approved`, listening on
/// `approved_port`) it is served, which shows the requests are well formed; with an
/// identity of its own it is refused on every protocol, and the node logs who it refused.
fn a_raw_client_is_served_only_if_approved(
	net: &LocalNetwork,
	approved: Keypair,
	approved_port: u16,
) {
	let node = &net.nodes[0];
	let rpc = node.rpc();
	let genesis = hash32(&net.check(rpc.block_hash(0)).expect("genesis"));
	let first = net.check(rpc.block_hash(1)).expect("block #1 is finalized");
	let finalized = hash32(&net.check(rpc.finalized_hash()));
	let system_number = tamga_runtime::client::storage_keys::system_number();
	// A delivery that claims to come from KG, whose node the client is not.
	let delivery = Request::Deliver(Delivery {
		genesis,
		document: [7; 32],
		from: "KG".parse().expect("a country"),
		to: "KZ".parse().expect("a country"),
		groups: FieldGroups::of(&[FieldGroup::Goods]),
		envelope: Sealed { ephemeral: [9; 32], nonce: [1; 12], ciphertext: vec![0; 32] },
	});
	let asks: [(Service, Vec<u8>); 5] = [
		(Service::Blocks, raw_peer::requests::blocks(1, 2)),
		(Service::State, raw_peer::requests::state(&finalized)),
		(Service::WarpProof, raw_peer::requests::warp_proof(&genesis)),
		// `System::Number`, read with its proof.
		(Service::Light, raw_peer::requests::remote_read(&finalized, &system_number)),
		(Service::Exchange, delivery.encode()),
	];
	let nodes = [node.multiaddr()];

	let mut member = RawPeer::with_keypair(genesis, &nodes, approved, approved_port);
	for (service, request) in &asks {
		let answer = member.request(&nodes[0], *service, request.clone());
		let answer =
			answer.unwrap_or_else(|e| panic!("{service:?} refused an approved client: {e}"));
		assert!(!answer.is_empty(), "{service:?} answered an approved client with nothing");
		if *service == Service::Blocks {
			let first = from_hex(&first).expect("hex");
			assert!(answer.windows(32).any(|w| w == first), "block #1 is not in the answer");
		}
		if *service == Service::Exchange {
			// Approved as KZ's node, it may not deliver as KG.
			let answer = decode_answer(&answer).expect("an answer");
			assert_eq!(answer, Answer::WrongSender);
		}
	}
	net.check(
		member.open(&nodes[0], Gossip::BlockAnnounces).map_err(|e| format!("announces: {e}")),
	);
	drop(member);

	let mut outsider = RawPeer::new(genesis, &nodes);
	for (service, request) in &asks {
		match outsider.request(&nodes[0], *service, request.clone()) {
			Ok(answer) => panic!("{service:?} served an unapproved client {} bytes", answer.len()),
			Err(error) => assert!(error.starts_with("refused"), "{service:?}: {error}"),
		}
	}
	for gossip in Gossip::ALL {
		let error = outsider.open(&nodes[0], gossip).expect_err(&format!("{gossip:?} let it in"));
		assert!(error.starts_with("refused"), "{gossip:?}: {error}");
	}
	let log = std::fs::read_to_string(node.log_path()).unwrap_or_default();
	let refusal = format!("request from {}: not an approved node", outsider.peer_id());
	assert!(log.contains(&refusal), "node 0 did not log its refusal of {}", outsider.peer_id());
}

#[test]
fn an_unknown_node_cannot_sync_until_the_consortium_approves_it() {
	// Besides the validators' nodes, the genesis approves one raw client's identity.
	let approved = Keypair::generate();
	let approved_port = free_port();
	let net = LocalNetwork::start_approving(&[json!([
		"KZ",
		raw_peer::peer_id_of(&approved),
		format!("/ip4/127.0.0.1/tcp/{approved_port}")
	])]);
	net.wait_finalized(&[0, 1, 2, 3], 2);
	a_raw_client_is_served_only_if_approved(&net, approved, approved_port);

	// On the way: an account becomes known by accreditation alone, without a vote, and
	// only for its role's calls. The pool refuses Ferdie until KZ offers him an
	// accreditation as an issuer; then it takes only his acceptance; once he holds it,
	// it still refuses him a vote (an issuer's role has no governance calls).
	let ferdie = account("//Ferdie").to_ss58check();
	let refused = governance(&net.nodes[0], "//Ferdie", &["vote", "--id", "7"]);
	assert!(refused.is_err_and(|e| e.contains("neither a member")), "Ferdie was let in");
	net.check(governance(
		&net.nodes[0],
		MEMBERS[0],
		&[
			"accredit",
			"--account",
			&ferdie,
			"--name",
			"Ferdie Chamber of Commerce",
			"--role",
			"issuer",
			"--kind",
			"origin",
			"--valid-until",
			"100000",
		],
	));
	let offered = governance(&net.nodes[0], "//Ferdie", &["vote", "--id", "7"])
		.expect_err("an offered account may only accept");
	assert!(offered.contains("role may not make this call"), "{offered}");
	net.check(governance(&net.nodes[0], "//Ferdie", &["accept", "--country", "KZ"]));
	let accredited =
		pallet_tamga_governance::Accreditations::<Runtime>::hashed_key_for(account("//Ferdie"));
	wait_for(&net, "Ferdie's accreditation", || {
		net.nodes[0].rpc().storage(&accredited).ok().flatten().is_some()
	});
	let failed = governance(&net.nodes[0], "//Ferdie", &["vote", "--id", "7"])
		.expect_err("an issuer does not vote");
	assert!(failed.contains("Custom error: 2"), "the pool let the issuer's vote in: {failed}");
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
	let address = stranger.listen_address();
	net.pass(
		0,
		&["approve-node", "--country", "KZ", "--peer-id", &stranger.peer_id, "--address", &address],
	);
	let height = net.common_finalized(&[0, 1, 2, 3]);
	net.check(wait::until(LIVENESS_TIMEOUT, "the approved node to sync", || {
		stranger.rpc().finalized_number().ok().filter(|n| *n >= height)
	}));
}
