//! Faults on a real four-validator `local` network, with certificate registrations
//! flowing: a validator killed (SIGKILL) under load, every validator killed and restarted,
//! a validator restored from a backup taken blocks before and one whose database was
//! deleted (each then votes again), and a 2|2 network partition between hosts in
//! their own network namespaces. After each, every record finalized before the fault is
//! still there, verifies on every node, and the nodes agree on the finalized chain.
//! During the partition, two border posts on opposite sides each try to use 600 of a
//! certificate's 1,000 kg with `tamga cert use`: neither reports success while it lasts,
//! and after it heals exactly one use is final and only its post exits 0.

use std::{
	path::Path,
	process::{Child, Command, Output, Stdio},
};

use serde_json::{json, Value};
use tamga_tests::{
	cli::{accredit, client, ct1_facts},
	load::{finalized_valid, RegistrationLoad},
	metrics::wait_for_metric,
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::TamgaNode,
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
/// KG's two border posts, on opposite sides of the partition.
const POSTS: [(&str, &str); 2] = [("//AkJolPost", "KGAKJ"), ("//TorugartPost", "KGTOR")];

/// Accredits KZ's second chamber and KG's two border posts, and anchors the chamber's
/// CT-1 for 1,000 kg (KZ to KG), final before it returns. Returns the document's file
/// (in `dir`) and id.
fn anchor_contested_certificate(net: &LocalNetwork, dir: &Path) -> (String, String) {
	let (kz, kg) = (&net.nodes[KZ], &net.nodes[1]);
	let role = ["--role", "issuer", "--kind", "origin"];
	net.check(accredit(kz, "//Alice", "//KzRaceChamber", "Second chamber", &role).ok());
	for (post, office) in POSTS {
		let role = ["--role", "officer", "--office", office];
		net.check(accredit(kg, "//Bob", post, office, &role).ok());
	}
	let file = dir.join("ct1-KZ-RACE-1.pdf");
	std::fs::write(&file, b"%PDF CT-1 KZ-RACE-1 1000 kg to KG").unwrap();
	let file = file.to_str().unwrap().to_string();
	let facts = ct1_facts("KZ-RACE-1", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
	let mut register = vec!["register", "--file", &file];
	register.extend(facts.iter().map(String::as_str));
	net.check(client(kz, "cert", Some("//KzRaceChamber"), &register).ok());
	let verify = client(kz, "cert", None, &["verify", "--json", "--file", &file]);
	let answer: Value = serde_json::from_str(&verify.stdout).expect("verify --json prints JSON");
	(file, answer["id"].as_str().expect("an id").to_string())
}

/// `tamga cert use` of 600 kg of `file` by `post` through `node`, waiting (the default)
/// for finality for up to five minutes, started in the background.
fn spawn_use(node: &TamgaNode, post: &str, file: &str, declaration: &str) -> Child {
	let url = node.rpc_url();
	let args = ["cert", "--url", &url, "--suri", post, "--timeout", "300", "use", "--file", file];
	Command::new(tamga_tests::binary::tamga_cli())
		.args(args)
		.args(["--declaration", declaration, "--quantity", "600"])
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("the tamga tool starts")
}

/// What a finished `tamga` run printed, for failure messages.
fn printed(output: &Output) -> String {
	format!(
		"exit {:?}\n{}{}",
		output.status.code(),
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	)
}

fn highest_best(net: &LocalNetwork, indices: &[usize]) -> u32 {
	indices.iter().map(|&i| net.check(net.nodes[i].rpc().block_number(None))).max().unwrap()
}

/// Waits until KZ's node's metric `name` satisfies `holds`.
fn kz_metric(net: &LocalNetwork, name: &str, holds: fn(f64) -> bool) {
	net.check(wait_for_metric(&net.nodes[KZ], name, &[], LIVENESS_TIMEOUT, holds));
}

#[test]
fn a_validator_killed_under_load_loses_no_finalized_record() {
	let (mut net, load, before) = start_with_records(LocalNetwork::start, 10);

	// Monitoring: KZ's node sees all four approved nodes and is connected to the three
	// others (no admission drift).
	kz_metric(&net, "tamga_approved_nodes", |v| v == 4.0);
	kz_metric(&net, "tamga_connected_approved_nodes", |v| v == 3.0);
	kz_metric(&net, "tamga_admission_drift", |v| v == 0.0);
	// BY's validator dies mid-stream, as on a power cut: no shutdown, no flush.
	net.nodes[BY].kill();
	// KZ's node reports the approved node it lost.
	kz_metric(&net, "tamga_admission_drift", |v| v == 1.0);
	kz_metric(&net, "tamga_connected_approved_nodes", |v| v == 2.0);
	// Three of four finalize on, and the registrations keep landing.
	let during = wait_for_records(&net, KZ, &load, before.len() + 10);
	assert_records_hold(&net, &SURVIVORS, &before, "BY's crash");

	// BY comes back on its own database and catches up, while the load still runs; it
	// then holds the records finalized while it was down too.
	net.nodes[BY].start();
	let target = net.common_finalized(&SURVIVORS);
	net.wait_finalized(&[BY], target);
	load.stop();
	kz_metric(&net, "tamga_admission_drift", |v| v == 0.0);
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

/// Copies folder `from` to `to` (which must not exist), file by file.
fn copy_folder(from: &Path, to: &Path) {
	std::fs::create_dir_all(to).expect("the copy's folder");
	for entry in std::fs::read_dir(from).expect("the folder to copy") {
		let entry = entry.unwrap();
		let target = to.join(entry.file_name());
		if entry.file_type().unwrap().is_dir() {
			copy_folder(&entry.path(), &target);
		} else {
			std::fs::copy(entry.path(), &target).expect("a file copies");
		}
	}
}

#[test]
fn a_validator_restored_from_an_old_backup_or_wiped_resyncs_from_the_others() {
	let (mut net, load, records) = start_with_records(LocalNetwork::start, 10);

	// The backup procedure (docs/operators.md): BY's operator stops the node cleanly and
	// copies its database; the keystore and node key are backed up apart.
	net.nodes[BY].stop();
	let database = net.nodes[BY].database_dir().expect("BY has a database");
	let backup = net.dir().join("by-database-backup");
	copy_folder(&database, &backup);
	net.nodes[BY].start();
	let backed_up_at = net.check(net.nodes[KZ].rpc().finalized_number());

	// The chain moves on; later BY's database is lost and restored from that backup,
	// now blocks behind. It catches up, records finalized since included.
	let later = wait_for_records(&net, KZ, &load, records.len() + 5);
	net.wait_finalized(&[KZ], backed_up_at + 10);
	net.nodes[BY].stop();
	std::fs::remove_dir_all(&database).expect("the database can be deleted");
	copy_folder(&backup, &database);
	net.nodes[BY].start();
	assert_records_hold(&net, &[BY], &later, "BY's restore from a backup");

	// Then BY's disk is wiped but for its keys: the chain's blocks and state are gone.
	net.nodes[BY].kill();
	std::fs::remove_dir_all(&database).expect("the database can be deleted");
	net.nodes[BY].start();

	// It syncs the whole chain again from the other administrations' nodes, including the
	// records finalized while it was gone.
	let later = wait_for_records(&net, KZ, &load, later.len() + 5);
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
	let dir = tempfile::tempdir().unwrap();
	let (file, id) = anchor_contested_certificate(&net, dir.path());

	// KZ and KG lose every link to AM and BY. Two of four is not a supermajority on
	// either side: each side keeps authoring in its slots, neither may finalize.
	lab.cut(&west, &east);
	let accepted_at_cut = load.accepted().len();
	// A post on each side releases 600 of the 1,000 kg: through KG's node (west) and
	// AM's (east). Each use goes into its side's blocks; neither can become final.
	let mut uses = [
		spawn_use(&net.nodes[1], POSTS[0].0, &file, "10702010/061226/0000001"),
		spawn_use(&net.nodes[2], POSTS[1].0, &file, "10702010/061226/0000002"),
	];
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
	// Eight blocks on each side, and neither post was told its use succeeded.
	for (post, run) in POSTS.iter().zip(uses.iter_mut()) {
		let status = run.try_wait().expect("the run can be polled");
		assert!(status.is_none(), "{} finished during the partition: {status:?}", post.0);
	}
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

	// Exactly one use is final; only its post exits 0. The other use, put back in the
	// pool with its side's abandoned blocks, fails on the final chain (600 + 600 > 1,000)
	// or is still not final: either way its post is not told to release the goods.
	let outputs: Vec<Output> =
		uses.into_iter().map(|run| run.wait_with_output().expect("the run ends")).collect();
	let succeeded: Vec<usize> = (0..2).filter(|&i| outputs[i].status.success()).collect();
	assert_eq!(
		succeeded.len(),
		1,
		"exactly one post may succeed:\n{}\n{}",
		printed(&outputs[0]),
		printed(&outputs[1])
	);
	let (winner, loser) = (&outputs[succeeded[0]], &outputs[1 - succeeded[0]]);
	assert!(String::from_utf8_lossy(&winner.stdout).contains("included in finalized block"));
	let lost = printed(loser);
	assert!(
		(loser.status.code() == Some(2) && lost.contains("Certificates(QuantityExceeded)"))
			|| (loser.status.code() == Some(3) && lost.contains("NOT FINAL")),
		"{lost}"
	);
	for node in &net.nodes {
		let what = format!("{}'s finalized verdict to show one use", node.name);
		net.check(wait::until(LIVENESS_TIMEOUT, &what, || {
			let rpc = node.rpc();
			let head = rpc.finalized_hash().ok()?;
			let answer = rpc.call("tamga_verifyDocument", json!([id, head])).ok()?;
			(answer["remainingQuantity"] == json!("400")).then_some(())
		}));
	}
	eprintln!(
		"partition: {} used 600 kg (exit 0); {} exited {:?}",
		POSTS[succeeded[0]].0,
		POSTS[1 - succeeded[0]].0,
		loser.status.code()
	);

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
