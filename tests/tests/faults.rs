//! Faults on a real four-validator `local` network, with certificate registrations
//! flowing: a validator killed (SIGKILL) under load, every validator killed and restarted,
//! a validator whose database was deleted, and a 2|2 network partition between hosts in
//! their own network namespaces. After each, every record finalized before the fault is
//! still there, verifies on every node, and the nodes agree on the finalized chain.

use tamga_tests::{
	cli::accredit,
	load::{finalized_valid, RegistrationLoad},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	wait,
};

const ALL: [usize; 4] = [0, 1, 2, 3];
/// KZ's node: its member accredits the issuer, and the load goes through it.
const KZ: usize = 0;
/// BY's node: the one that crashes.
const BY: usize = 3;
const SURVIVORS: [usize; 3] = [0, 1, 2];
/// The issuer (KZ's chamber of commerce) whose registrations make the load.
const ISSUER: &str = "//Eve";

/// Starts the network and the load (KZ's chamber registering through KZ's node), and
/// waits until KZ's node holds `count` of the registrations as finalized.
fn start_with_records(
	start: fn() -> LocalNetwork,
	count: usize,
) -> (LocalNetwork, RegistrationLoad, Vec<String>) {
	let net = start();
	net.wait_finalized(&ALL, 1);
	let chamber = "Chamber of Commerce and Industry of Kazakhstan";
	let role = ["--role", "issuer", "--kind", "origin"];
	net.check(accredit(&net.nodes[KZ], "//Alice", ISSUER, chamber, &role).ok());
	let load = RegistrationLoad::start(&net.nodes[KZ], ISSUER);
	let records = wait_for_records(&net, KZ, &load, count);
	(net, load, records)
}

/// Waits until `node` holds at least `count` of the load's registrations as finalized;
/// returns them. Ids found once are not asked again (a finalized record stays).
fn wait_for_records(
	net: &LocalNetwork,
	node: usize,
	load: &RegistrationLoad,
	count: usize,
) -> Vec<String> {
	let what = format!("{} to finalize {count} registrations", net.nodes[node].name);
	let mut found: Vec<String> = Vec::new();
	net.check(wait::until(LIVENESS_TIMEOUT, &what, || {
		let unknown: Vec<String> =
			load.accepted().into_iter().filter(|id| !found.contains(id)).collect();
		let (_, valid) = finalized_valid(&net.nodes[node], &unknown).ok()?;
		found.extend(valid);
		(found.len() >= count).then(|| found.clone())
	}))
}

/// Asserts that every one of `records` (all finalized on KZ's node) verifies as valid on
/// every node of `indices`, at that node's finalized head, once the node has finalized as
/// far as KZ's node had. RPC errors are retried; missing records are not.
fn assert_records_hold(net: &LocalNetwork, indices: &[usize], records: &[String], after: &str) {
	assert!(!records.is_empty(), "no records to check after {after}");
	let height = net.check(net.nodes[KZ].rpc().finalized_number());
	net.wait_finalized(indices, height);
	for &index in indices {
		let node = &net.nodes[index];
		let what = format!("{} to answer for {} records", node.name, records.len());
		let (head, valid) =
			net.check(wait::until(LIVENESS_TIMEOUT, &what, || finalized_valid(node, records).ok()));
		let lost: Vec<&String> = records.iter().filter(|id| !valid.contains(id)).collect();
		assert!(
			lost.is_empty(),
			"after {after}, {} no longer verifies {} of {} records finalized before it, at its \
			 finalized head {head}: {lost:?}",
			node.name,
			lost.len(),
			records.len()
		);
	}
}

/// Asserts that the nodes of `indices` have the same block at `height`.
fn assert_same_block(net: &LocalNetwork, indices: &[usize], height: u32) {
	let hashes: Vec<Option<String>> =
		indices.iter().map(|&i| net.check(net.nodes[i].rpc().block_hash(height))).collect();
	assert!(
		hashes[0].is_some() && hashes.iter().all(|h| h == &hashes[0]),
		"nodes disagree on block #{height}: {hashes:?}"
	);
}

/// The highest best-block number among the nodes of `indices`.
fn highest_best(net: &LocalNetwork, indices: &[usize]) -> u32 {
	indices.iter().map(|&i| net.check(net.nodes[i].rpc().block_number(None))).max().unwrap()
}

#[test]
fn a_validator_killed_under_load_loses_no_finalized_record() {
	let (mut net, load, before) = start_with_records(LocalNetwork::start, 10);

	// BY's validator dies mid-stream, as on a power cut: no shutdown, no flush.
	net.nodes[BY].kill();
	// Three of four finalize on, and the registrations keep landing.
	let during = wait_for_records(&net, KZ, &load, before.len() + 10);
	assert_records_hold(&net, &SURVIVORS, &before, "BY's crash");

	// BY comes back on its own database and catches up, while the load still runs; it
	// then holds the records finalized while it was down too.
	net.nodes[BY].start();
	let target = net.common_finalized(&SURVIVORS);
	net.wait_finalized(&[BY], target);
	load.stop();
	assert_same_block(&net, &ALL, target);
	assert_records_hold(&net, &ALL, &during, "BY's crash and restart");
}

#[test]
fn every_validator_killed_and_restarted_keeps_every_finalized_record() {
	let (mut net, load, records) = start_with_records(LocalNetwork::start, 10);
	let before = net.check(net.nodes[KZ].rpc().finalized_hash());
	let before_number = net.check(net.nodes[KZ].rpc().block_number(Some(&before)));
	// All four die at once, in the middle of the stream.
	for node in &mut net.nodes {
		node.kill();
	}
	load.stop();

	for node in &mut net.nodes {
		node.start();
	}
	let height = net.check(wait::until(LIVENESS_TIMEOUT, "KZ to answer after restart", || {
		net.nodes[KZ].rpc().finalized_number().ok()
	}));
	// Finality resumes past where it stood, and no finalized block was replaced.
	assert!(height >= before_number, "KZ finalized #{before_number} before, #{height} after");
	net.wait_finalized(&ALL, height + 3);
	assert_same_block(&net, &ALL, height);
	let after = net.check(net.nodes[KZ].rpc().block_hash(before_number));
	assert_eq!(after.as_deref(), Some(before.as_str()), "finalized #{before_number} was replaced");
	assert_records_hold(&net, &ALL, &records, "every validator's crash and restart");
}

#[test]
fn a_validator_whose_database_was_deleted_resyncs_from_the_others() {
	let (mut net, load, records) = start_with_records(LocalNetwork::start, 10);

	// BY's disk is wiped but for its keys (restored from a backup of the keystore and
	// node key); the chain's blocks and state are gone.
	net.nodes[BY].kill();
	let database = net.nodes[BY].database_dir().expect("BY has a database");
	std::fs::remove_dir_all(&database).expect("the database can be deleted");
	net.nodes[BY].start();

	// It syncs the whole chain again from the other administrations' nodes, including the
	// records finalized while it was gone.
	let later = wait_for_records(&net, KZ, &load, records.len() + 5);
	load.stop();
	assert_records_hold(&net, &[BY], &later, "BY's resync");
	assert!(database.is_dir(), "BY did not recreate its database");
	let target = net.common_finalized(&ALL);
	assert_same_block(&net, &ALL, target);

	// It takes part in finality again: with AM down, KZ, KG and BY are the three of four
	// that finality needs, so nothing is finalized without BY's votes.
	const AM: usize = 2;
	net.nodes[AM].kill();
	let without_am = [KZ, 1, BY];
	let height = net.common_finalized(&without_am);
	net.wait_finalized(&without_am, height + 3);
}

#[test]
fn a_two_two_partition_finalizes_nothing_conflicting_and_heals() {
	let Some(start) = LocalNetwork::start_in_namespaces_if_permitted() else {
		return; // the reason was printed; CI requires namespaces (TAMGA_REQUIRE_NETNS=1)
	};
	let (net, load, records) = start_with_records(start, 5);
	let lab = net.lab.as_ref().expect("the network runs in namespaces");
	let (west, east) = ([0, 1], [2, 3]);

	// KZ and KG lose every link to AM and BY. Two of four is not a supermajority on
	// either side: each side keeps authoring in its slots, neither may finalize.
	lab.cut(&west, &east);
	let accepted_at_cut = load.accepted().len();
	let best_at_cut = highest_best(&net, &ALL);
	for index in ALL {
		let node = &net.nodes[index];
		let what = format!("{} to build 8 blocks during the partition", node.name);
		net.check(wait::until(LIVENESS_TIMEOUT, &what, || {
			node.rpc().block_number(None).ok().filter(|n| *n >= best_at_cut + 8)
		}));
	}
	// Each side built a chain of its own.
	let height = best_at_cut + 8;
	let (west_block, east_block) = (
		net.check(net.nodes[west[0]].rpc().block_hash(height)),
		net.check(net.nodes[east[0]].rpc().block_hash(height)),
	);
	assert_ne!(west_block, east_block, "both sides have the same block #{height}: no partition");
	// Nothing built during the partition is final anywhere.
	let finalized: Vec<(u32, String)> = ALL
		.iter()
		.map(|&i| {
			let hash = net.check(net.nodes[i].rpc().finalized_hash());
			(net.check(net.nodes[i].rpc().block_number(Some(&hash))), hash)
		})
		.collect();
	for (index, (number, _)) in finalized.iter().enumerate() {
		assert!(
			*number <= best_at_cut,
			"{} finalized #{number}, built during the partition (best at the cut: \
			 #{best_at_cut})",
			net.nodes[index].name
		);
	}

	// The link comes back: the nodes reconnect, settle on one fork, and finalize past
	// everything either side built alone.
	lab.heal(&west, &east);
	let accepted_at_heal = load.accepted().len();
	let best_at_heal = highest_best(&net, &ALL);
	net.wait_finalized(&ALL, best_at_heal + 1);
	assert_same_block(&net, &ALL, best_at_heal + 1);
	// No conflicting finality: every block any node had finalized is on the final chain.
	for (index, (number, hash)) in finalized.iter().enumerate() {
		for node in &net.nodes {
			let theirs = net.check(node.rpc().block_hash(*number));
			assert_eq!(
				theirs.as_deref(),
				Some(hash.as_str()),
				"{} finalized {hash} at #{number}, {} has another block there",
				net.nodes[index].name,
				node.name
			);
		}
	}
	assert_records_hold(&net, &ALL, &records, "the partition");

	// Registrations KZ's node accepted during the partition went into blocks of the west
	// side; if the east's fork won, they went back to the pool. None is lost: each is
	// final on both sides.
	let accepted = load.stop();
	let during = accepted[accepted_at_cut..accepted_at_heal].to_vec();
	assert!(!during.is_empty(), "KZ's node accepted no registration during the partition");
	for index in [KZ, BY] {
		let node = &net.nodes[index];
		let what = format!("{} to finalize the registrations of the partition", node.name);
		let missing = std::cell::RefCell::new(during.clone());
		let waited = wait::until(LIVENESS_TIMEOUT, &what, || {
			let (_, valid) = finalized_valid(node, &during).ok()?;
			missing.replace(during.iter().filter(|id| !valid.contains(id)).cloned().collect());
			(valid.len() == during.len()).then_some(())
		});
		net.check(waited.map_err(|e| {
			let missing = missing.borrow();
			format!("{e}: {} of {} are not final there: {missing:?}", missing.len(), during.len())
		}));
	}
	eprintln!(
		"partition: best #{best_at_cut} at the cut, #{best_at_heal} at healing; {} \
		 registrations accepted during it, all final on both sides",
		during.len()
	);
}
