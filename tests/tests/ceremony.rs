//! A consortium launched the way four real administrations would launch it: each runs
//! `tamga-node ceremony prepare` on a host of its own (a network namespace) with its own
//! data directory, KZ assembles the four public parts, every administration computes the
//! genesis hash of the spec it received and finds KZ's, and the validators start from the
//! assembled spec alone (its boot nodes, no `--bootnodes`) and finalize. Then a fifth
//! administration (UZ) prepares its keys the same way and joins through the admission
//! votes, its `set-keys` call taken from its ceremony file, and authors blocks.
//!
//! Also the ceremony's refusals: bad input, keys it would overwrite, parts that disagree
//! or were tampered with.

use std::path::{Path, PathBuf};

use codec::{Decode, Encode};
use serde_json::Value;
use sp_core::crypto::{Pair as _, Ss58Codec};
use tamga_runtime::{AccountId, Runtime};
use tamga_tests::{
	binary,
	cli::client,
	namespaces::NamespaceLab,
	network::{pass_proposal, LIVENESS_TIMEOUT},
	node::{run_tamga, TamgaNode},
	wait,
};

/// The chain id the administrations agreed on before the ceremony.
const CHAIN_ID: &str = "tamga_ceremony_test";

/// The founding administrations, one host each, in this order.
const FOUNDERS: [(&str, &str); 4] = [
	("KZ", "State Revenue Committee of Kazakhstan"),
	("KG", "State Customs Service of Kyrgyzstan"),
	("AM", "State Revenue Committee of Armenia"),
	("BY", "State Customs Committee of Belarus"),
];

/// The peer-to-peer port every validator listens on, on its own host.
const P2P_PORT: u16 = 30333;

/// What a validator's log says each time it authors a block.
const AUTHORED: &str = "Pre-sealed block for proposal";

/// One administration's ceremony outputs, on its host.
struct Administration {
	/// Its host in the lab.
	host: usize,
	/// Its validator's base path.
	base_path: PathBuf,
	/// Its public part file.
	part_file: PathBuf,
	/// The public part.
	part: Value,
	/// Its member account's secret phrase.
	phrase: String,
}

/// Where `ceremony prepare` writes for one administration: `<dir>/<name>/` (its
/// validator's base path), `<dir>/<name>.part.json` and `<dir>/<name>.secret`.
struct PrepareFiles {
	base_path: PathBuf,
	part_file: PathBuf,
	secret_file: PathBuf,
}

impl PrepareFiles {
	fn under(dir: &Path, name: &str) -> Self {
		Self {
			base_path: dir.join(name),
			part_file: dir.join(format!("{name}.part.json")),
			secret_file: dir.join(format!("{name}.secret")),
		}
	}

	/// `tamga-node`'s arguments preparing `country`'s keys into these files.
	fn args(&self, country: &str, name: &str, address: &str) -> Vec<String> {
		let path = |p: &PathBuf| p.to_str().expect("utf-8 path").to_string();
		[
			"ceremony",
			"prepare",
			"--chain-id",
			CHAIN_ID,
			"--country",
			country,
			"--name",
			name,
			"--address",
			address,
			"--base-path",
			&path(&self.base_path),
			"--secret-out",
			&path(&self.secret_file),
			"--out",
			&path(&self.part_file),
		]
		.map(String::from)
		.to_vec()
	}
}

impl Administration {
	/// Runs `ceremony prepare` for `country` on host `host`, with its files under `dir`.
	fn prepare(lab: &NamespaceLab, host: usize, dir: &Path, country: &str, name: &str) -> Self {
		let files = PrepareFiles::under(dir, &country.to_lowercase());
		let address = format!("/ip4/{}/tcp/{P2P_PORT}", lab.host(host));
		let args = files.args(country, name, &address);
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		let output = lab.run_on(host, &binary::tamga_node(), &args);
		assert!(output.status.success(), "{country}'s prepare failed: {}", text(&output.stderr));
		let PrepareFiles { base_path, part_file, secret_file } = files;
		let part: Value = serde_json::from_slice(&std::fs::read(&part_file).expect("part written"))
			.expect("JSON");
		let phrase = std::fs::read_to_string(&secret_file).expect("secret written");
		use std::os::unix::fs::PermissionsExt;
		let mode = std::fs::metadata(&secret_file).expect("secret file").permissions().mode();
		assert_eq!(mode & 0o777, 0o600, "{country}'s secret phrase is readable by others");
		// The part holds public keys only: the phrase and the keystore's secrets are not in it.
		let part_text = std::fs::read_to_string(&part_file).expect("part");
		assert!(!part_text.contains(phrase.split_whitespace().next().expect("a phrase")));
		let account = sr25519_account(&phrase);
		assert_eq!(part["account"].as_str(), Some(account.to_ss58check().as_str()));
		Self { host, base_path, part_file, part, phrase }
	}

	/// A field of the public part.
	fn field(&self, name: &str) -> &str {
		self.part[name].as_str().unwrap_or_else(|| panic!("the part has no {name}"))
	}

	/// The member account.
	fn account(&self) -> AccountId {
		AccountId::from_ss58check(self.field("account")).expect("an SS58 account")
	}

	/// Its validator node on its host, running `spec`; not started.
	fn validator(&self, lab: &NamespaceLab, spec: &Path) -> TamgaNode {
		let mut node = TamgaNode::with_keys_in(
			&self.field("country").to_lowercase(),
			spec.to_str().expect("utf-8 path"),
			&self.base_path,
			self.field("peerId"),
			true,
		);
		node.host = lab.host(self.host);
		node.netns = Some(lab.namespace(self.host).to_string());
		node.p2p_port = P2P_PORT;
		node
	}
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn sr25519_account(phrase: &str) -> AccountId {
	sp_core::sr25519::Pair::from_string(phrase.trim(), None)
		.expect("a secret phrase")
		.public()
		.into()
}

fn authored_blocks(node: &TamgaNode) -> usize {
	std::fs::read_to_string(node.log_path()).unwrap_or_default().matches(AUTHORED).count()
}

/// Panics with `error` and the tail of every node's log.
fn fail(nodes: &[TamgaNode], error: String) -> ! {
	let logs: Vec<String> =
		nodes.iter().map(|n| format!("--- {} ---\n{}", n.name, n.log_tail(25))).collect();
	panic!("{error}\n{}", logs.join("\n"))
}

/// The validator accounts of the current session, at `node`'s best block.
fn session_validators(node: &TamgaNode) -> Vec<AccountId> {
	let key = pallet_session::Validators::<Runtime>::hashed_key();
	let raw = node.rpc().storage(&key).ok().flatten().unwrap_or_default();
	Vec::<AccountId>::decode(&mut &raw[..]).unwrap_or_default()
}

#[test]
fn four_administrations_launch_their_own_chain_and_a_fifth_joins_later() {
	let Some(lab) = NamespaceLab::create_if_permitted(FOUNDERS.len() + 1) else {
		return;
	};
	let dir = tempfile::Builder::new().prefix("tamga-ceremony-").tempdir().expect("temp dir");

	// 1. Each administration generates its keys on its own host.
	let founders: Vec<Administration> = FOUNDERS
		.iter()
		.enumerate()
		.map(|(host, (country, name))| {
			Administration::prepare(&lab, host, dir.path(), country, name)
		})
		.collect();

	// 2. KZ assembles the public parts into the spec and announces its genesis hash.
	let spec = dir.path().join("spec.json");
	let mut assemble = vec![
		"ceremony",
		"assemble",
		"--id",
		CHAIN_ID,
		"--name",
		"Tamga Ceremony Test",
		"--out",
		spec.to_str().expect("utf-8 path"),
	];
	assemble.extend(founders.iter().map(|f| f.part_file.to_str().expect("utf-8 path")));
	let assembled = lab.run_on(0, &binary::tamga_node(), &assemble);
	assert!(assembled.status.success(), "assemble failed: {}", text(&assembled.stderr));
	let announced = text(&assembled.stdout).trim().to_string();
	assert!(
		announced.len() == 66 && announced.starts_with("0x"),
		"assemble should print the genesis hash, printed `{announced}`"
	);

	// 3. Every administration computes the hash of the spec it received: the same.
	for founder in &founders {
		let output = lab.run_on(
			founder.host,
			&binary::tamga_node(),
			&["ceremony", "genesis-hash", "--chain", spec.to_str().expect("utf-8 path")],
		);
		assert!(output.status.success(), "genesis-hash failed: {}", text(&output.stderr));
		assert_eq!(
			text(&output.stdout).trim(),
			announced,
			"{} computed another hash",
			founder.field("country")
		);
	}

	// The spec is live, names the four nodes as boot nodes and no well-known key.
	let spec_json: Value =
		serde_json::from_slice(&std::fs::read(&spec).expect("spec written")).expect("JSON");
	assert_eq!(spec_json["chainType"], "Live");
	assert_eq!(spec_json["id"], CHAIN_ID);
	let boot_nodes = spec_json["bootNodes"].as_array().expect("boot nodes");
	for founder in &founders {
		let expected = format!("{}/p2p/{}", founder.field("address"), founder.field("peerId"));
		assert!(boot_nodes.contains(&Value::String(expected.clone())), "{expected} missing");
	}
	// (The runtime's code holds the development presets, so it is not searched.)
	let storage = spec_json["genesis"]["raw"]["top"].as_object().expect("a raw spec");
	let state: String = storage
		.iter()
		.filter(|(key, _)| key.as_str() != "0x3a636f6465")
		.map(|(key, value)| format!("{key}{value}"))
		.collect();
	for dev in sp_keyring::Sr25519Keyring::iter() {
		let public = tamga_tests::rpc::to_hex(&dev.to_raw_public());
		assert!(!state.contains(&public[2..]), "the genesis names {dev}'s key");
	}
	assert!(state.contains(&tamga_tests::rpc::to_hex(&founders[0].account().encode())[2..]));

	// 4. The validators start from the spec alone and finalize.
	let mut nodes: Vec<TamgaNode> = founders.iter().map(|f| f.validator(&lab, &spec)).collect();
	for node in &mut nodes {
		node.start();
	}
	for node in &nodes {
		let outcome =
			wait::until(LIVENESS_TIMEOUT, &format!("{} to finalize #3", node.name), || {
				node.rpc().finalized_number().ok().filter(|n| *n >= 3)
			});
		outcome.unwrap_or_else(|e| fail(&nodes, e));
		let genesis = node.rpc().block_hash(0).unwrap_or_else(|e| fail(&nodes, e));
		assert_eq!(genesis.as_deref(), Some(announced.as_str()), "{}'s genesis", node.name);
	}
	// Its members and validators are the ones the ceremony generated.
	let mut expected: Vec<AccountId> = founders.iter().map(Administration::account).collect();
	expected.sort();
	let mut validators = session_validators(&nodes[0]);
	validators.sort();
	assert_eq!(validators, expected, "the session's validators are not the founders'");
	for founder in &founders {
		let key = pallet_tamga_governance::MemberOf::<Runtime>::hashed_key_for(founder.account());
		let member = nodes[0].rpc().storage(&key).unwrap_or_else(|e| fail(&nodes, e));
		assert!(member.is_some(), "{} is not a member", founder.field("country"));
	}

	// 5. UZ prepares its keys on its own host and starts its validator; until the
	// consortium approves its node, nobody lets it connect.
	let uz = Administration::prepare(&lab, 4, dir.path(), "UZ", "Customs Committee of Uzbekistan");
	let mut uz_node = uz.validator(&lab, &spec);
	uz_node.start();
	let members: Vec<&str> = founders.iter().map(|f| f.phrase.trim()).collect();
	let pass = |id: u32, decision: &[&str]| {
		pass_proposal(&nodes, &members, "KZ", id, decision).unwrap_or_else(|e| fail(&nodes, e))
	};
	pass(
		0,
		&[
			"admit-administration",
			"--country",
			"UZ",
			"--name",
			"Customs Committee of Uzbekistan",
			"--member",
			uz.field("account"),
		],
	);
	pass(
		1,
		&[
			"approve-node",
			"--country",
			"UZ",
			"--peer-id",
			uz.field("peerId"),
			"--address",
			uz.field("address"),
		],
	);
	let height = nodes.iter().filter_map(|n| n.rpc().finalized_number().ok()).min().unwrap_or(0);
	wait::until(LIVENESS_TIMEOUT, "UZ's node to sync", || {
		uz_node.rpc().finalized_number().ok().filter(|n| *n >= height)
	})
	.unwrap_or_else(|e| fail(&nodes, e));

	// 6. UZ registers the session keys its ceremony generated (keys and proof from its
	// part file); the consortium adds its validator, which then authors blocks.
	client(
		&nodes[0],
		"admin",
		Some(uz.phrase.trim()),
		&["set-keys", "--keys", uz.field("sessionKeys"), "--proof", uz.field("sessionKeysProof")],
	)
	.ok()
	.unwrap_or_else(|e| fail(&nodes, e));
	let next_keys = pallet_session::NextKeys::<Runtime>::hashed_key_for(uz.account());
	wait::until(LIVENESS_TIMEOUT, "UZ's session keys to be registered", || {
		nodes[0].rpc().storage(&next_keys).ok().flatten()
	})
	.unwrap_or_else(|e| fail(&nodes, e));
	pass(2, &["add-validator", "--country", "UZ", "--validator", uz.field("account")]);
	wait::until(LIVENESS_TIMEOUT, "UZ's validator to enter the session", || {
		session_validators(&nodes[0]).contains(&uz.account()).then_some(())
	})
	.unwrap_or_else(|e| fail(&nodes, e));
	wait::until(LIVENESS_TIMEOUT, "UZ's node to author a block", || {
		(authored_blocks(&uz_node) > 0).then_some(())
	})
	.unwrap_or_else(|e| fail(&nodes, e));
	// Finality goes on with five validators.
	let finalized = nodes[0].rpc().finalized_number().unwrap_or_else(|e| fail(&nodes, e));
	wait::until(LIVENESS_TIMEOUT, "finality with UZ", || {
		uz_node.rpc().finalized_number().ok().filter(|n| *n >= finalized + 3)
	})
	.unwrap_or_else(|e| fail(&nodes, e));
	// Every founding validator took its turns with the keys its own ceremony generated.
	for node in &nodes {
		assert!(authored_blocks(node) > 0, "{} never authored a block", node.name);
	}
}

/// `tamga-node ceremony <args>` on this host.
fn ceremony(args: &[&str]) -> (bool, String, String) {
	let mut all = vec!["ceremony"];
	all.extend_from_slice(args);
	let output = run_tamga(&all);
	(output.status.success(), text(&output.stdout), text(&output.stderr))
}

/// `ceremony prepare` into `dir/<name>` for `country`; the part file's path.
fn prepare_here(dir: &Path, name: &str, country: &str, address: &str) -> Result<PathBuf, String> {
	let files = PrepareFiles::under(dir, name);
	let args = files.args(country, "An administration", address);
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let output = run_tamga(&args);
	if output.status.success() {
		Ok(files.part_file)
	} else {
		Err(text(&output.stderr))
	}
}

#[test]
fn the_ceremony_refuses_bad_input_and_never_overwrites_keys() {
	let dir = tempfile::tempdir().expect("temp dir");
	let at = |port: u16| format!("/ip4/10.1.2.3/tcp/{port}");

	// Bad input leaves no key behind.
	let refused = prepare_here(dir.path(), "x1", "K1", &at(1)).unwrap_err();
	assert!(refused.contains("country `K1`"), "{refused}");
	let refused = prepare_here(
		dir.path(),
		"x2",
		"KZ",
		"/ip4/10.1.2.3/tcp/1/p2p/12D3KooWCAqfMjEv93pJhiTQeMDVPJA3V7s5GuNcJuo5gQcfp2YV",
	)
	.unwrap_err();
	assert!(refused.contains("without /p2p/"), "{refused}");
	assert!(!dir.path().join("x1").exists() && !dir.path().join("x2").exists());
	let (ok, _, refused) = ceremony(&[
		"prepare",
		"--chain-id",
		"../etc",
		"--country",
		"KZ",
		"--name",
		"n",
		"--address",
		&at(1),
		"--base-path",
		"/tmp/never",
		"--secret-out",
		"/tmp/never.s",
		"--out",
		"/tmp/never.p",
	]);
	assert!(!ok && refused.contains("chain id `../etc`"), "{refused}");

	// Keys are never overwritten: a second prepare into the same base path is refused and
	// the node key stays what it was.
	let kz = prepare_here(dir.path(), "kz", "KZ", &at(1)).expect("KZ prepares");
	let node_key = dir.path().join("kz/chains").join(CHAIN_ID).join("network/secret_ed25519");
	let before = std::fs::read(&node_key).expect("node key written");
	std::fs::remove_file(&kz).expect("part removable");
	let refused = prepare_here(dir.path(), "kz", "KZ", &at(1)).unwrap_err();
	assert!(refused.contains("never overwrites keys"), "{refused}");
	assert_eq!(std::fs::read(&node_key).expect("node key"), before);
	std::fs::remove_dir_all(dir.path().join("kz")).expect("removable");
	std::fs::remove_file(dir.path().join("kz.secret")).expect("removable");
	let kz = prepare_here(dir.path(), "kz", "KZ", &at(1)).expect("KZ prepares again");
	let kg = prepare_here(dir.path(), "kg", "KG", &at(2)).expect("KG prepares");
	let kz_again = prepare_here(dir.path(), "kz2", "KZ", &at(3)).expect("a second KZ part");

	let assemble = |id: &str, out: &str, parts: &[&Path]| {
		let out = dir.path().join(out);
		let mut args =
			vec!["assemble", "--id", id, "--name", "Trial", "--out", out.to_str().unwrap()];
		args.extend(parts.iter().map(|p| p.to_str().unwrap()));
		let (ok, stdout, stderr) = ceremony(&args);
		(ok, stdout, stderr, out)
	};
	// Two parts of one country.
	let (ok, _, refused, out) = assemble(CHAIN_ID, "a.json", &[&kz, &kz_again]);
	assert!(!ok && refused.contains("same country `KZ`"), "{refused}");
	assert!(!out.exists(), "a refused spec was written");
	// Parts prepared for another chain id: their keys are in another folder.
	let (ok, _, refused, _) = assemble("tamga_other", "b.json", &[&kz, &kg]);
	assert!(!ok && refused.contains("prepared for chain"), "{refused}");
	// A part whose account was swapped for another's: the keys' proof no longer holds.
	let mut tampered: Value = serde_json::from_slice(&std::fs::read(&kg).unwrap()).unwrap();
	let kz_part: Value = serde_json::from_slice(&std::fs::read(&kz).unwrap()).unwrap();
	tampered["account"] = kz_part["account"].clone();
	tampered["country"] = Value::String("UZ".into());
	let tampered_file = dir.path().join("tampered.part.json");
	std::fs::write(&tampered_file, tampered.to_string()).unwrap();
	let (ok, _, refused, _) = assemble(CHAIN_ID, "c.json", &[&kz, &tampered_file]);
	assert!(!ok && refused.contains("proof of ownership is not valid"), "{refused}");
	// A good pair assembles, and its hash is what `genesis-hash` computes again.
	let (ok, hash, stderr, out) = assemble(CHAIN_ID, "d.json", &[&kz, &kg]);
	assert!(ok, "{stderr}");
	let (ok, again, stderr) = ceremony(&["genesis-hash", "--chain", out.to_str().unwrap()]);
	assert!(ok, "{stderr}");
	assert_eq!(hash.trim(), again.trim());
	// Never over an existing spec.
	let (ok, _, refused, _) = assemble(CHAIN_ID, "d.json", &[&kz, &kg]);
	assert!(!ok && refused.contains("never overwrites"), "{refused}");
}
