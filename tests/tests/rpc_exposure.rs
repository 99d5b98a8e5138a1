//! Unsafe JSON-RPC methods (key rotation, transaction pool control, ...) are not exposed
//! on a public interface by default: a node started with `--rpc-external` answers safe
//! methods but refuses unsafe ones, while one listening on loopback only serves its
//! operator both.

use serde_json::json;
use tamga_tests::{network::LIVENESS_TIMEOUT, node::TamgaNode, wait};

/// Starts a non-validator `local` node with `extra` arguments and waits for its RPC.
fn node(dir: &std::path::Path, extra: &[&str]) -> TamgaNode {
	let mut node = TamgaNode::prepare("rpc", "local", dir, None);
	node.extra_args = extra.iter().map(|a| a.to_string()).collect();
	node.start();
	let up = wait::until(LIVENESS_TIMEOUT, "the node's RPC", || {
		node.rpc().call("system_health", json!([])).ok()
	});
	if let Err(e) = up {
		panic!("{e}\n{}", node.log_tail(30));
	}
	node
}

#[test]
fn unsafe_methods_are_refused_on_a_public_interface_by_default() {
	let dir = tempfile::tempdir().unwrap();
	let public = node(&dir.path().join("public"), &["--rpc-external"]);
	let refused = public
		.rpc()
		.call("author_rotateKeys", json!([]))
		.expect_err("an unsafe method is refused on a public interface");
	assert!(refused.to_lowercase().contains("unsafe"), "{refused}");
	// Safe methods, Tamga's verification among them, still answer.
	let unknown = public
		.rpc()
		.call("tamga_verifyDocument", json!([format!("0x{}", "ab".repeat(32))]))
		.expect_err("no such document");
	assert!(unknown.contains("-32001"), "{unknown}");
	drop(public);

	let local = node(&dir.path().join("local"), &[]);
	let keys = local.rpc().call("author_rotateKeys", json!([])).expect("allowed on loopback");
	assert!(keys.as_str().is_some_and(|k| k.starts_with("0x")), "{keys}");
}
