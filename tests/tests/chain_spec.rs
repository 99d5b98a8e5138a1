//! The committed chain specs in `chain-spec/` are what `tamga-node build-spec` generates
//! now (the runtime code blob aside), and the `local` one has the shape of a consortium.

use serde_json::Value;
use tamga_tests::{binary::workspace_root, node::run_tamga};

/// `build-spec --chain <chain>` as JSON, with the runtime code removed.
fn generated(chain: &str) -> Value {
	let output = run_tamga(&["build-spec", "--chain", chain, "--disable-default-bootnode"]);
	assert!(
		output.status.success(),
		"build-spec failed: {}",
		String::from_utf8_lossy(&output.stderr)
	);
	without_code(serde_json::from_slice(&output.stdout).expect("build-spec prints JSON"))
}

/// The committed `chain-spec/<file>`, with the runtime code removed.
fn committed(file: &str) -> Value {
	let path = workspace_root().join("chain-spec").join(file);
	let text = std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{} is missing: {e}", path.display()));
	without_code(serde_json::from_str(&text).expect("committed spec is JSON"))
}

fn without_code(mut spec: Value) -> Value {
	let genesis = spec
		.pointer_mut("/genesis/runtimeGenesis")
		.and_then(Value::as_object_mut)
		.expect("a spec with genesis.runtimeGenesis");
	assert!(genesis.remove("code").is_some(), "runtimeGenesis carries the runtime code");
	spec
}

#[test]
fn committed_specs_match_what_the_node_generates() {
	for (chain, file) in [("dev", "dev.json"), ("local", "local.json")] {
		assert_eq!(
			committed(file),
			generated(chain),
			"chain-spec/{file} has drifted from `tamga-node build-spec --chain {chain}`: \
			 regenerate it with scripts/chain-specs.sh and review the difference"
		);
	}
}

#[test]
fn local_spec_has_four_administrations_with_validators_and_no_sudo() {
	let spec = committed("local.json");
	let patch = spec.pointer("/genesis/runtimeGenesis/patch").expect("a genesis patch");
	let administrations = patch
		.pointer("/governance/administrations")
		.and_then(Value::as_array)
		.expect("governance administrations");
	let countries: Vec<&str> =
		administrations.iter().filter_map(|a| a.get(0).and_then(Value::as_str)).collect();
	assert_eq!(countries, ["KZ", "KG", "AM", "BY"]);
	let validators =
		patch.pointer("/governance/validators").and_then(Value::as_array).expect("validators");
	assert_eq!(validators.len(), 4, "one validator per administration");
	let keys = patch.pointer("/session/keys").and_then(Value::as_array).expect("session keys");
	assert_eq!(keys.len(), 4, "each validator has Aura and GRANDPA session keys");
	for key in keys {
		assert!(key.pointer("/2/aura").is_some() && key.pointer("/2/grandpa").is_some(), "{key}");
	}
	assert!(patch.get("sudo").is_none(), "the local consortium chain has a sudo section");

	// The dev chain has no sudo either: one administration governs it by its own votes.
	let dev = committed("dev.json");
	let dev_patch = dev.pointer("/genesis/runtimeGenesis/patch").expect("a genesis patch");
	assert!(dev_patch.get("sudo").is_none(), "the dev chain has a sudo section");
	let dev_administrations = dev_patch
		.pointer("/governance/administrations")
		.and_then(Value::as_array)
		.expect("governance administrations");
	assert_eq!(dev_administrations.len(), 1, "one administration governs the dev chain");
}
