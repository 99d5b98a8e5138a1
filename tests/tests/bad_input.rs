//! Bad start-up input: each gives one line naming the problem and a non-zero exit, and
//! never a node that half-starts.

use std::{net::TcpListener, process::Output, time::Duration};

use tamga_tests::node::{free_port, run_tamga, run_tamga_for};

/// How long a node may take to refuse bad input (it never gets as far as running).
const REFUSAL_TIMEOUT: Duration = Duration::from_secs(120);

/// Runs `tamga-node args`, expects it to fail, and returns its last line of stderr.
fn refusal(args: &[&str]) -> String {
	let output: Output = run_tamga_for(args, REFUSAL_TIMEOUT).unwrap_or_else(|| {
		panic!("tamga-node {} kept running instead of refusing", args.join(" "))
	});
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "tamga-node {} succeeded:\n{stderr}", args.join(" "));
	let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().to_string();
	assert!(last.starts_with("Error: "), "last line is not an error line: {last:?}\n{stderr}");
	last
}

#[test]
fn a_missing_chain_spec_file_is_named() {
	let dir = tempfile::tempdir().unwrap();
	let missing = dir.path().join("no-such-spec.json");
	let line = refusal(&[
		"--chain",
		missing.to_str().unwrap(),
		"--base-path",
		dir.path().to_str().unwrap(),
	]);
	assert!(line.contains("not found") && line.contains("no-such-spec.json"), "{line}");
}

#[test]
fn a_node_is_never_started_on_a_chain_it_was_not_given() {
	let dir = tempfile::tempdir().unwrap();
	let line = refusal(&["--base-path", dir.path().to_str().unwrap()]);
	assert!(line.contains("no chain given") && line.contains("--chain PATH"), "{line}");
	// A node key goes into a chain's folder of a base path: that needs the chain too (a key
	// written to a file does not).
	let base = dir.path().to_str().unwrap();
	let line = refusal(&["key", "generate-node-key", "--base-path", base]);
	assert!(line.contains("give --chain"), "{line}");
}

#[test]
fn a_live_chain_naming_development_keys_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let built = run_tamga(&["build-spec", "--chain", "local", "--disable-default-bootnode"]);
	assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
	// The local test network's spec, declared live: its members, validators and session
	// keys are the well-known development keys.
	let mut spec: serde_json::Value = serde_json::from_slice(&built.stdout).expect("JSON");
	spec["chainType"] = serde_json::json!("Live");
	let path = dir.path().join("live-on-dev-keys.json");
	std::fs::write(&path, serde_json::to_vec(&spec).unwrap()).unwrap();
	let line = refusal(&[
		"--chain",
		path.to_str().unwrap(),
		"--base-path",
		dir.path().to_str().unwrap(),
		"--no-prometheus",
		"--port",
		&free_port().to_string(),
		"--rpc-port",
		&free_port().to_string(),
	]);
	assert!(line.contains("is a live chain"), "{line}");
	assert!(line.contains("well-known development key Alice (sr25519)"), "{line}");
}

#[test]
fn a_malformed_chain_spec_file_is_named() {
	let dir = tempfile::tempdir().unwrap();
	let spec = dir.path().join("broken.json");
	std::fs::write(&spec, "{ \"name\": \"Tamga\", this is not JSON").unwrap();
	let line =
		refusal(&["--chain", spec.to_str().unwrap(), "--base-path", dir.path().to_str().unwrap()]);
	assert!(line.contains("invalid chain spec") && line.contains("broken.json"), "{line}");
}

#[test]
fn an_unreadable_node_key_is_named() {
	let dir = tempfile::tempdir().unwrap();
	let key = dir.path().join("node.key");
	// Neither 64 hex digits nor 32 raw bytes (both of which are valid node keys).
	std::fs::write(&key, "not a node key").unwrap();
	let line = refusal(&[
		"--chain",
		"local",
		"--validator",
		"--base-path",
		dir.path().to_str().unwrap(),
		"--node-key-file",
		key.to_str().unwrap(),
		"--no-prometheus",
		"--listen-addr",
		&format!("/ip4/127.0.0.1/tcp/{}", free_port()),
		"--rpc-port",
		&free_port().to_string(),
	]);
	assert!(line.to_lowercase().contains("key"), "{line}");
}

#[test]
fn an_rpc_port_in_use_is_refused_not_moved() {
	let dir = tempfile::tempdir().unwrap();
	let taken = TcpListener::bind("127.0.0.1:0").unwrap();
	let port = taken.local_addr().unwrap().port();
	let line = refusal(&[
		"--dev",
		"--base-path",
		dir.path().to_str().unwrap(),
		"--no-prometheus",
		"--listen-addr",
		&format!("/ip4/127.0.0.1/tcp/{}", free_port()),
		"--rpc-port",
		&port.to_string(),
	]);
	assert!(line.contains("RPC") && line.contains(&port.to_string()), "{line}");
}

#[test]
fn a_peer_to_peer_port_in_use_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let taken = TcpListener::bind("127.0.0.1:0").unwrap();
	let port = taken.local_addr().unwrap().port();
	let line = refusal(&[
		"--dev",
		"--base-path",
		dir.path().to_str().unwrap(),
		"--no-prometheus",
		"--listen-addr",
		&format!("/ip4/127.0.0.1/tcp/{port}"),
		"--rpc-port",
		&free_port().to_string(),
	]);
	assert!(line.contains("peer-to-peer") && line.contains(&port.to_string()), "{line}");
}

#[test]
fn a_consortium_node_refuses_to_serve_ipfs() {
	let dir = tempfile::tempdir().unwrap();
	let line = refusal(&[
		"--chain",
		"local",
		"--base-path",
		dir.path().to_str().unwrap(),
		"--ipfs-server",
		"--no-prometheus",
		"--listen-addr",
		&format!("/ip4/127.0.0.1/tcp/{}", free_port()),
		"--rpc-port",
		&free_port().to_string(),
	]);
	assert!(line.contains("--ipfs-server") && line.contains("any peer"), "{line}");
}

#[test]
fn a_runtime_larger_than_a_block_is_refused_before_anything_is_sent() {
	let dir = tempfile::tempdir().unwrap();
	let wasm = dir.path().join("tamga_runtime.wasm");
	std::fs::write(&wasm, vec![0u8; 5 * 1024 * 1024 + 1]).unwrap();
	// No node listens at the URL: the refusal comes before any request.
	let url = format!("http://127.0.0.1:{}", free_port());
	let run = tamga_tests::cli::run_cli(&[
		"admin",
		"--url",
		&url,
		"--suri",
		"//Alice",
		"apply-upgrade",
		"--wasm",
		wasm.to_str().unwrap(),
	]);
	assert_ne!(run.code, Some(0));
	assert!(
		run.stderr.contains("5242881 bytes, more than a block holds (5 MiB)"),
		"{}{}",
		run.stdout,
		run.stderr
	);
}
