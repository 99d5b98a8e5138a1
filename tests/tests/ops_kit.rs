//! The operations kit's systemd units (`scripts/ops/`) start a working node: each unit's
//! exact `ExecStart` command line, with only its paths and ports moved to a temporary
//! folder and free ports, starts `tamga-node` on a copy of the `local` chain, whose RPC
//! then answers; the verifier's profile serves Tamga's reads and refuses the rest.

use std::{
	process::{Child, Command, Stdio},
	time::Duration,
};

use serde_json::json;
use tamga_rpc_types::DocumentTypes;
use tamga_tests::{
	binary::{tamga_node, workspace_root},
	node::{free_port, run_tamga},
	rpc::RpcClient,
	wait,
};

/// A node started from a unit's command line; killed when dropped.
struct UnitNode(Child);

impl Drop for UnitNode {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

/// The arguments of `unit`'s `ExecStart` (continuation lines joined), program first.
fn exec_start(unit: &str) -> Vec<String> {
	let text = std::fs::read_to_string(workspace_root().join("scripts/ops").join(unit))
		.expect("the unit file");
	let joined = text.replace("\\\n", " ");
	let line = joined
		.lines()
		.find_map(|line| line.strip_prefix("ExecStart="))
		.expect("the unit has an ExecStart line");
	line.split_whitespace().map(str::to_string).collect()
}

/// Starts `unit`'s command line with its files and ports moved; returns the node and its
/// (RPC, verifier RPC) ports.
fn start(unit: &str, dir: &std::path::Path) -> (UnitNode, u16, u16) {
	let spec = dir.join("chain-spec.json");
	let built = run_tamga(&["build-spec", "--chain", "local", "--disable-default-bootnode"]);
	assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
	std::fs::write(&spec, built.stdout).unwrap();
	let key = dir.join("node.key");
	let generated = run_tamga(&["key", "generate-node-key", "--file", key.to_str().unwrap()]);
	assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
	let (rpc, verifier) = (free_port(), free_port());
	let args: Vec<String> = exec_start(unit)
		.into_iter()
		.skip(1)
		.map(|arg| match arg.as_str() {
			"/etc/tamga/chain-spec.json" => spec.to_str().unwrap().to_string(),
			"/var/lib/tamga" => dir.join("data").to_str().unwrap().to_string(),
			"/etc/tamga/node.key" => key.to_str().unwrap().to_string(),
			"${TAMGA_NODE_NAME}" => "ops-kit-test".to_string(),
			"30333" | "9615" => free_port().to_string(),
			"9944" => rpc.to_string(),
			"0.0.0.0:9955" => format!("127.0.0.1:{verifier}"),
			other => {
				assert!(!other.starts_with('/'), "{unit}: a path the test does not move: {other}");
				other.to_string()
			},
		})
		.collect();
	let log = std::fs::File::create(dir.join("node.log")).unwrap();
	let child = Command::new(tamga_node())
		.args(&args)
		.stdin(Stdio::null())
		.stdout(Stdio::null())
		.stderr(log)
		.spawn()
		.expect("tamga-node starts");
	(UnitNode(child), rpc, verifier)
}

/// Waits until the node's RPC on `port` answers `system_health`.
fn wait_for_rpc(port: u16, dir: &std::path::Path) {
	wait::until(Duration::from_secs(120), "the node's RPC", || {
		RpcClient::new(port).call("system_health", json!([])).ok()
	})
	.unwrap_or_else(|e| {
		panic!("{e}\n{}", std::fs::read_to_string(dir.join("node.log")).unwrap_or_default())
	});
}

#[test]
fn the_validator_unit_starts_a_validator() {
	let dir = tempfile::tempdir().unwrap();
	let args = exec_start("tamga-validator.service");
	assert!(args.contains(&"--validator".to_string()), "{args:?}");
	assert!(!args.iter().any(|a| a.starts_with("--rpc-external")), "a validator's RPC stays local");
	let (_node, rpc, _) = start("tamga-validator.service", dir.path());
	wait_for_rpc(rpc, dir.path());
	let roles = RpcClient::new(rpc).call("system_nodeRoles", json!([])).expect("roles");
	assert_eq!(roles, json!(["Authority"]));
}

#[test]
fn the_verifier_unit_serves_tamga_reads_only() {
	let dir = tempfile::tempdir().unwrap();
	let args = exec_start("tamga-verifier.service");
	assert!(!args.contains(&"--validator".to_string()), "{args:?}");
	let (_node, rpc, verifier) = start("tamga-verifier.service", dir.path());
	wait_for_rpc(rpc, dir.path());
	let reader = RpcClient::new(verifier);
	let types: DocumentTypes = wait::until(Duration::from_secs(60), "the verifier profile", || {
		reader.ask("tamga_documentTypes", json!([])).ok()
	})
	.expect("the verifier profile serves the registry");
	assert_eq!(types.find("phyto").map(|t| (t.id, t.un_code)), Some((6, 851)));
	let refused = reader.refusal("author_rotateKeys", json!([])).expect("a JSON-RPC error");
	assert_eq!(refused.code, -32010, "{}", refused.message);
}
