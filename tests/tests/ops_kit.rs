//! The operations kit's systemd units (`scripts/ops/`) start a working node: each unit's
//! exact `ExecStart` command line, with only its paths and ports moved to a temporary
//! folder and free ports, starts `tamga-node` on a copy of the `local` chain, whose RPC
//! then answers; the verifier's profile serves Tamga's reads and refuses the rest. The
//! monitoring kit's alert rules pass promtool's check and unit tests, and every metric
//! they and the Grafana dashboard read is one a node exports.

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

/// The ports a unit's node was moved to.
struct Ports {
	rpc: u16,
	verifier: u16,
	prometheus: u16,
}

/// Starts `unit`'s command line with its files and ports moved; returns the node and its
/// ports.
fn start(unit: &str, dir: &std::path::Path) -> (UnitNode, Ports) {
	let spec = dir.join("chain-spec.json");
	let built = run_tamga(&["build-spec", "--chain", "local", "--disable-default-bootnode"]);
	assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
	std::fs::write(&spec, built.stdout).unwrap();
	let key = dir.join("node.key");
	let generated = run_tamga(&["key", "generate-node-key", "--file", key.to_str().unwrap()]);
	assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
	let ports = Ports { rpc: free_port(), verifier: free_port(), prometheus: free_port() };
	let args: Vec<String> = exec_start(unit)
		.into_iter()
		.skip(1)
		.map(|arg| match arg.as_str() {
			"/etc/tamga/chain-spec.json" => spec.to_str().unwrap().to_string(),
			"/var/lib/tamga" => dir.join("data").to_str().unwrap().to_string(),
			"/etc/tamga/node.key" => key.to_str().unwrap().to_string(),
			"${TAMGA_NODE_NAME}" => "ops-kit-test".to_string(),
			"30333" => free_port().to_string(),
			"9615" => ports.prometheus.to_string(),
			"9944" => ports.rpc.to_string(),
			"0.0.0.0:9955" => format!("127.0.0.1:{}", ports.verifier),
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
	(UnitNode(child), ports)
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
	let (_node, ports) = start("tamga-validator.service", dir.path());
	wait_for_rpc(ports.rpc, dir.path());
	let roles = RpcClient::new(ports.rpc).call("system_nodeRoles", json!([])).expect("roles");
	assert_eq!(roles, json!(["Authority"]));

	// Every metric the alert rules and the dashboard read is one this node exports once it
	// authored a block (its Aura turn comes every fourth slot), but the rule verdicts,
	// which exist from the first verdict on (tests/tests/rule_contracts.rs reads them).
	let url = format!("http://127.0.0.1:{}/metrics", ports.prometheus);
	let exported = wait::until(Duration::from_secs(120), "a block authored", || {
		let text = ureq::get(&url).call().ok()?.into_string().ok()?;
		text.contains("substrate_proposer_block_constructed_count").then_some(text)
	})
	.expect("the validator authors and exports its metrics");
	let mut read = referenced_metrics("prometheus-alerts.yml");
	read.extend(referenced_metrics("grafana-dashboard.json"));
	read.remove("tamga_rule_verdicts_total");
	assert!(read.len() >= 10, "{read:?}");
	for name in &read {
		assert!(
			exported.lines().any(|line| line.starts_with(&format!("{name}{{"))
				|| line.starts_with(&format!("{name} "))),
			"{name} is read by the monitoring kit but not exported"
		);
	}
}

/// The metric names (`tamga_*`, `substrate_*`) file `name` of `scripts/ops/` reads.
fn referenced_metrics(name: &str) -> std::collections::BTreeSet<String> {
	let text = std::fs::read_to_string(workspace_root().join("scripts/ops").join(name))
		.expect("the monitoring file");
	let mut names = std::collections::BTreeSet::new();
	for (start, _) in text.match_indices("tamga_").chain(text.match_indices("substrate_")) {
		let word: String = text[start..]
			.chars()
			.take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
			.collect();
		let preceded_by_word =
			text[..start].chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
		// (`substrate_*` in prose names a family, not a metric.)
		if !preceded_by_word && !word.ends_with('_') {
			names.insert(word);
		}
	}
	names
}

/// promtool (from Debian's prometheus package, unpacked by scripts/setup.sh).
fn promtool() -> std::path::PathBuf {
	let path =
		std::env::var_os("TAMGA_PROMTOOL").map(std::path::PathBuf::from).unwrap_or_else(|| {
			std::path::PathBuf::from(std::env::var("HOME").unwrap())
				.join(".cache/tamga/tools/promtool")
		});
	assert!(path.is_file(), "promtool not found at {}: run scripts/setup.sh", path.display());
	path
}

#[test]
fn the_alert_rules_are_valid_and_fire_when_they_should() {
	let ops = workspace_root().join("scripts/ops");
	for args in [
		["check", "rules", "prometheus-alerts.yml"],
		["test", "rules", "prometheus-alerts.test.yml"],
	] {
		let output = Command::new(promtool()).args(args).current_dir(&ops).output().unwrap();
		assert!(
			output.status.success(),
			"promtool {}: {}{}",
			args.join(" "),
			String::from_utf8_lossy(&output.stdout),
			String::from_utf8_lossy(&output.stderr)
		);
	}
	// A broken rule file is refused (the check is not a formality).
	let dir = tempfile::tempdir().unwrap();
	let broken = dir.path().join("broken.yml");
	let text = std::fs::read_to_string(ops.join("prometheus-alerts.yml")).unwrap();
	std::fs::write(&broken, text.replace("tamga_admission_drift > 0", "tamga_admission_drift >"))
		.unwrap();
	let output = Command::new(promtool()).args(["check", "rules"]).arg(&broken).output().unwrap();
	assert!(!output.status.success(), "promtool accepted a broken expression");
}

#[test]
fn the_dashboard_charts_tamga_and_substrate_metrics() {
	let text = std::fs::read_to_string(workspace_root().join("scripts/ops/grafana-dashboard.json"))
		.unwrap();
	let dashboard: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
	let panels = dashboard["panels"].as_array().expect("panels");
	assert!(panels.iter().all(|p| p["targets"].as_array().is_some_and(|t| !t.is_empty())));
	let read = referenced_metrics("grafana-dashboard.json");
	for name in [
		"tamga_approved_nodes",
		"tamga_admission_drift",
		"tamga_verifications_total",
		"tamga_rule_verdicts_total",
		"tamga_aeo_pending_acknowledgements",
	] {
		assert!(read.contains(name), "the dashboard does not chart {name}");
	}
}

#[test]
fn the_verifier_unit_serves_tamga_reads_only() {
	let dir = tempfile::tempdir().unwrap();
	let args = exec_start("tamga-verifier.service");
	assert!(!args.contains(&"--validator".to_string()), "{args:?}");
	let (_node, ports) = start("tamga-verifier.service", dir.path());
	wait_for_rpc(ports.rpc, dir.path());
	let reader = RpcClient::new(ports.verifier);
	let types: DocumentTypes = wait::until(Duration::from_secs(60), "the verifier profile", || {
		reader.ask("tamga_documentTypes", json!([])).ok()
	})
	.expect("the verifier profile serves the registry");
	assert_eq!(types.find("phyto").map(|t| (t.id, t.un_code)), Some((6, 851)));
	let refused = reader.refusal("author_rotateKeys", json!([])).expect("a JSON-RPC error");
	assert_eq!(refused.code, -32010, "{}", refused.message);
}
