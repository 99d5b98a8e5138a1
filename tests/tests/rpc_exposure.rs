//! A node's JSON-RPC face: unsafe methods (key rotation, transaction pool control, ...)
//! are not exposed on a public interface by default (a node started with `--rpc-external`
//! answers safe methods but refuses unsafe ones, while one listening on loopback only
//! serves its operator both); malformed, oversized and over-long requests get errors, and
//! the node keeps answering. The verifier profile (`--verifier-rpc-addr`) serves border
//! posts what they need to verify and refuses the rest, rate-limited per connection.

use serde_json::{json, Value};
use tamga_rpc_types::{DocumentStatus, DocumentVerdict};
use tamga_tests::{
	network::LIVENESS_TIMEOUT,
	node::{free_port, TamgaNode},
	rpc::RpcClient,
	subscription::Subscription,
	wait,
};

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
	// The node's deliveries to partners are its administration's own business.
	for (method, params) in [
		("tamga_exchangeOutbox", json!([null])),
		("tamga_exchangeInbox", json!([null, null])),
		("tamga_exchangeSend", json!(["KG", {"document": "0x00", "groups": []}])),
		("tamga_exchangeOpen", json!(["KZ", "0x00", "0x00"])),
		("tamga_exchangeAck", json!(["KZ", "0x00", "0x00"])),
		("tamga_exchangeReturn", json!(["KZ", "0x00", 0, "0x00"])),
	] {
		let refused = public.rpc().call(method, params).expect_err("refused on a public interface");
		assert!(refused.contains("served on the node's private RPC only"), "{method}: {refused}");
	}
	// So is following documents: each subscription costs a verification per document and
	// finalized block.
	let hex64 = format!("0x{}", "ab".repeat(32));
	let follow = |node: &TamgaNode, ids: Value| {
		Subscription::open(node, "tamga_subscribeDocuments", json!([ids])).map(|_| ())
	};
	let refused = follow(&public, json!([hex64])).expect_err("refused on a public interface");
	assert!(refused.contains("served on the node's private RPC only"), "{refused}");
	// Safe methods, Tamga's verification among them, still answer.
	let unknown: DocumentVerdict = public
		.rpc()
		.ask("tamga_verifyDocument", json!([format!("0x{}", "ab".repeat(32))]))
		.expect("a verdict");
	assert_eq!(unknown.status, DocumentStatus::NotAnchored);
	drop(public);

	let local = node(&dir.path().join("local"), &[]);
	let keys = local.rpc().call("author_rotateKeys", json!([])).expect("allowed on loopback");
	assert!(keys.as_str().is_some_and(|k| k.starts_with("0x")), "{keys}");
	// On the private RPC: 1 to 256 document ids, each well-formed; then the verdicts.
	for (ids, why) in [
		(json!([]), "follow 1 to 256 documents"),
		(json!(vec![hex64.clone(); 257]), "follow 1 to 256 documents"),
		(json!([hex64, "0x12"]), "-32602"),
	] {
		let refused = follow(&local, ids).expect_err("refused");
		assert!(refused.contains(why), "{why}: {refused}");
	}
	let mut verdicts =
		Subscription::open(&local, "tamga_subscribeDocuments", json!([[hex64, hex64]]))
			.expect("followed");
	let first = verdicts.next(LIVENESS_TIMEOUT).expect("the verdict at once");
	let first: DocumentVerdict = serde_json::from_value(first).expect("typed");
	assert_eq!((first.id, first.status), (hex64.clone(), DocumentStatus::NotAnchored));
	// Nothing changes, nothing more is sent (the same id twice is followed once).
	assert!(verdicts.next(std::time::Duration::from_secs(5)).is_none());
	// A node the consortium did not approve sends nothing for anyone.
	let outbox = local.rpc().call("tamga_exchangeOutbox", json!([null])).expect("served");
	assert_eq!(outbox, json!([]));
	let disclosure = json!({"document": format!("0x{}", "ab".repeat(32)), "groups": []});
	let off = local.rpc().call("tamga_exchangeSend", json!(["KG", disclosure])).expect_err("off");
	assert!(off.contains("-32020") && off.contains("not an approved node"), "{off}");
}

/// Posts `body` as it is to the node's RPC endpoint: the HTTP status and body, or the
/// transport error if the node closed the connection.
fn post(node: &TamgaNode, body: Vec<u8>) -> Result<(u16, String), String> {
	let url = format!("http://127.0.0.1:{}", node.rpc_port);
	match ureq::post(&url).set("Content-Type", "application/json").send_bytes(&body) {
		Ok(response) => Ok((response.status(), response.into_string().unwrap_or_default())),
		Err(ureq::Error::Status(code, response)) => {
			Ok((code, response.into_string().unwrap_or_default()))
		},
		Err(e) => Err(e.to_string()),
	}
}

#[test]
fn malformed_huge_and_over_long_requests_get_errors_and_the_node_keeps_answering() {
	let dir = tempfile::tempdir().unwrap();
	let node = node(dir.path(), &[]);
	let rpc = node.rpc();
	let hex64 = format!("0x{}", "ab".repeat(32));

	// Not JSON at all, and JSON that is no request: parse and invalid-request errors.
	let (_, body) = post(&node, b"{ this is not json".to_vec()).expect("an answer");
	assert!(body.contains("-32700"), "{body}");
	let (_, body) = post(&node, br#"{"jsonrpc":"2.0","id":1}"#.to_vec()).expect("an answer");
	assert!(body.contains("-32600") || body.contains("-32601"), "{body}");

	// Wrong types and missing parameters: invalid params, with a message.
	for params in [json!([42]), json!([]), json!([hex64, 5]), json!({"id": 1})] {
		let error = rpc.call("tamga_verifyDocument", params.clone()).expect_err("refused");
		assert!(error.contains("-32602"), "{params}: {error}");
	}
	let error = rpc
		.call("tamga_verifyBatchMember", json!([hex64, {"root": hex64, "index": "x"}]))
		.expect_err("a malformed proof is refused");
	assert!(error.contains("-32602"), "{error}");

	// Over-long strings: a 1 MB id, carnet number and operator are refused by their checks.
	let long = "7".repeat(1_000_000);
	for (method, params) in [
		("tamga_verifyDocument", json!([long])),
		("tamga_carnet", json!([long])),
		("tamga_aeoStatus", json!([long])),
		("tamga_aeoRecognition", json!([format!("KZ:{hex64}"), "KG", long])),
	] {
		let error = rpc.call(method, params).expect_err("refused");
		assert!(error.contains("-32602"), "{method}: {}", &error[..error.len().min(300)]);
		assert!(error.len() < 2_000, "{method}: the error does not echo the whole input");
	}

	// A request larger than the server takes (20 MB) is refused at the door: an HTTP 413
	// or an error, or the connection closed before the body is read.
	let huge = format!(
		r#"{{"jsonrpc":"2.0","id":1,"method":"tamga_verifyDocument","params":["{}"]}}"#,
		"a".repeat(20 * 1024 * 1024)
	);
	match post(&node, huge.into_bytes()) {
		Ok((status, body)) => assert!(
			status == 413 || body.contains("-32"),
			"status {status}: {}",
			&body[..body.len().min(300)]
		),
		// The node may close the connection before reading it all.
		Err(closed) => assert!(!closed.is_empty()),
	}

	// And the node still answers, correctly.
	let unknown: DocumentVerdict =
		rpc.ask("tamga_verifyDocument", json!([hex64])).expect("a verdict");
	assert_eq!(unknown.status, DocumentStatus::NotAnchored);
	assert!(rpc.call("system_health", json!([])).is_ok());
}

#[test]
fn the_verifier_profile_serves_verification_and_refuses_the_rest() {
	let dir = tempfile::tempdir().unwrap();
	let port = free_port();
	let address = format!("127.0.0.1:{port}");
	let node =
		node(dir.path(), &["--verifier-rpc-addr", &address, "--verifier-rpc-rate-limit", "40"]);
	let verifier = RpcClient::new(port);
	let hex64 = format!("0x{}", "ab".repeat(32));

	// What officers need: Tamga's verification (here: no such document), headers,
	// finality and health, answered as the node's own RPC answers them.
	let unknown: DocumentVerdict =
		verifier.ask("tamga_verifyDocument", json!([hex64])).expect("a verdict");
	assert_eq!((unknown.status, unknown.valid), (DocumentStatus::NotAnchored, false));
	let head = verifier.call("chain_getFinalizedHead", json!([])).expect("served");
	assert_eq!(Some(head.clone()), node.rpc().call("chain_getFinalizedHead", json!([])).ok());
	let header = verifier.call("chain_getHeader", json!([head])).expect("served");
	assert!(header["number"].is_string(), "{header}");
	assert!(verifier.call("chain_getBlockHash", json!([0])).expect("served").is_string());
	assert!(verifier.call("system_health", json!([])).expect("served")["peers"].is_number());

	// Not block bodies, raw state, dry runs, the pool or keys, nor the members' data-sharing
	// agreements: each refused by name.
	for (method, params) in [
		("tamga_exchangeAgreements", json!(["KZ"])),
		("tamga_exchangeCommitment", json!([hex64])),
		("tamga_exchangeSend", json!(["KG", {"document": hex64, "groups": []}])),
		("tamga_exchangeInbox", json!([null, null])),
		("chain_getBlock", json!([])),
		("state_getStorage", json!(["0x00"])),
		("state_call", json!(["ContractsApi_call", "0x"])),
		("state_getReadProof", json!([["0x00"]])),
		("author_submitExtrinsic", json!(["0x00"])),
		("author_pendingExtrinsics", json!([])),
		("author_rotateKeys", json!([])),
		("system_peers", json!([])),
	] {
		let refused = verifier.call(method, params).expect_err("refused");
		assert!(
			refused.contains("-32010")
				&& refused.contains(&format!("{method} is not served by this node's verifier")),
			"{method}: {refused}"
		);
	}
	// The node's own RPC (loopback) still serves its operator everything.
	assert!(node.rpc().call("chain_getBlock", json!([])).is_ok());

	// One connection making more than 50 calls a minute: beyond the first 50, each call
	// waits for the next slot (one every 1.2 s) and, after ten tries, is refused. Without
	// the limit, 54 health calls in one batch take a few milliseconds.
	let batch: Vec<Value> = (0..54)
		.map(|id| json!({"jsonrpc": "2.0", "id": id, "method": "system_health", "params": []}))
		.collect();
	let started = std::time::Instant::now();
	let answers: Vec<Value> = ureq::post(&format!("http://{address}"))
		.send_json(Value::Array(batch))
		.expect("the batch is answered")
		.into_json()
		.expect("JSON");
	let took = started.elapsed();
	let limited = answers.iter().filter(|a| a["error"]["code"] == json!(-32999)).count();
	let served = answers.iter().filter(|a| a.get("result").is_some()).count();
	eprintln!(
		"verifier profile, 54 calls on one connection at 50/minute: {served} served, {limited} \
		 refused, in {took:?}"
	);
	assert_eq!(served + limited, 54);
	assert!(
		limited > 0 || took >= std::time::Duration::from_secs(3),
		"no call was held back: {served} served in {took:?}"
	);
}
