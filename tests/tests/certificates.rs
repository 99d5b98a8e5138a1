//! A certificate's life on a real four-validator `local` network, driven by the
//! `tamga cert` commands the README documents: KZ's chamber of commerce
//! anchors a CT-1 through one node; KG's border post verifies it through another node
//! from a finalized block, records a partial use and cannot exceed the declared
//! quantity; the chamber revokes it and every node then says so (KG's subscription to the
//! document is told); the history names each actor. A batch of 10,000 veterinary certificates is anchored in one extrinsic and a
//! random member verifies with its proof, while a tampered proof and a wrong file do not.

use std::path::Path;

use serde_json::{json, Value};
use sp_core::crypto::{Pair as _, Ss58Codec};
use tamga_rpc_types::errors::INVALID_PARAMS;
use tamga_runtime::AccountId;
use tamga_tests::{
	cli::{client, ct1_facts, run_cli, today_plus, CliRun},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::TamgaNode,
	rpc::{from_hex, to_hex},
	subscription::Subscription,
	wait,
};

/// The account of development secret URI `suri`.
fn account(suri: &str) -> AccountId {
	sp_core::sr25519::Pair::from_string(suri, None).expect("a dev URI").public().into()
}

fn certificate(node: &TamgaNode, suri: Option<&str>, args: &[&str]) -> CliRun {
	client(node, "cert", suri, args)
}

/// Waits until `tamga_verifyDocument` on `node`, read at its finalized head, satisfies
/// `done`; returns that answer, after checking it is exactly what the runtime's Wasm
/// answers at that block (the node verifies natively while its own runtime is on chain).
fn finalized_verdict(node: &TamgaNode, id: &str, done: impl Fn(&Value) -> bool) -> Value {
	let (head, answer) = wait::until(
		LIVENESS_TIMEOUT,
		&format!("{}'s finalized verdict on {id}", node.name),
		|| {
			let rpc = node.rpc();
			let head = rpc.finalized_hash().ok()?;
			let answer = rpc.call("tamga_verifyDocument", json!([id, head])).ok()?;
			// Until its block is finalized there, the node answers `notAnchored`.
			let anchored = answer["status"] != json!("notAnchored");
			(anchored && done(&answer)).then_some((head, answer))
		},
	)
	.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail(30)));
	assert_eq!(answer, runtime_verdict(node, id, &head), "native and Wasm verdicts differ");
	answer
}

/// The verdict on `id` at block `at` as the runtime's Wasm computes it (the
/// `CertificatesApi_verify_document` runtime API through `state_call`), rendered as
/// `tamga_verifyDocument` renders its answers.
fn runtime_verdict(node: &TamgaNode, id: &str, at: &str) -> Value {
	use codec::{Decode, Encode};
	let rpc = node.rpc();
	let id = sp_core::H256::from_slice(&from_hex(id).expect("a hex id"));
	let output = rpc
		.call("state_call", json!(["CertificatesApi_verify_document", to_hex(&id.encode()), at]))
		.expect("the runtime API answers");
	let output = from_hex(output.as_str().expect("hex")).expect("hex");
	let verification =
		Option::<pallet_tamga_certificates::Verification<AccountId, u32>>::decode(&mut &output[..])
			.expect("the runtime's answer decodes")
			.expect("the document is known to the runtime");
	let number = rpc.block_number(Some(at)).expect("the block's number").into();
	let block = tamga_rpc::verdict::BlockRef { number, hash: at.to_string(), finalized: true };
	serde_json::to_value(tamga_rpc::verdict::document_verdict(id, verification, block))
		.expect("a verdict serialises")
}

/// The id `certificate verify --json` reports for `file` (the CLI hashes the file).
fn id_of(node: &TamgaNode, file: &Path) -> String {
	let run = certificate(node, None, &["verify", "--json", "--file", file.to_str().unwrap()]);
	let answer: Value = serde_json::from_str(&run.stdout).expect("verify --json prints JSON");
	answer["id"].as_str().expect("an id").to_string()
}

#[test]
fn a_certificate_is_anchored_verified_used_and_revoked_across_the_consortium() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let (kz, kg, am, by) = (&net.nodes[0], &net.nodes[1], &net.nodes[2], &net.nodes[3]);
	let chamber = account("//Eve").to_ss58check();
	let border_post = account("//Ferdie").to_ss58check();

	// KZ accredits its chamber of commerce; KG its border post at Ak-Jol; each accepts.
	let accredit = |node, member, args: &[&str]| {
		net.check(client(node, "admin", Some(member), args).ok());
	};
	accredit(
		kz,
		"//Alice",
		&[
			"accredit",
			"--account",
			&chamber,
			"--name",
			"Chamber of Commerce and Industry of Kazakhstan",
			"--role",
			"issuer",
			"--kind",
			"origin",
			"--kind",
			"veterinary",
			"--valid-until",
			"1000000",
		],
	);
	accredit(
		kg,
		"//Bob",
		&[
			"accredit",
			"--account",
			&border_post,
			"--name",
			"Ak-Jol customs post",
			"--role",
			"officer",
			"--office",
			"KGAKJ",
			"--valid-until",
			"1000000",
		],
	);
	net.check(tamga_tests::cli::accept(kz, "//Alice", "//Eve").ok());
	net.check(tamga_tests::cli::accept(kg, "//Bob", "//Ferdie").ok());

	// 1. The chamber anchors a CT-1 for 1,000 kg of wheat through KZ's node.
	let dir = tempfile::tempdir().unwrap();
	let document = dir.path().join("ct1-KZ-2026-0001.pdf");
	std::fs::write(&document, b"%PDF CT-1 KZ-2026-0001 wheat 1000 kg to KG").unwrap();
	let file = document.to_str().unwrap();
	let (from, until) = (today_plus(0), today_plus(30));
	let facts = ct1_facts("KZ-2026-0001", "3f9c0e5a1b7d2c48");
	let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
	let mut register = vec!["register", "--file", file];
	register.extend_from_slice(&facts);
	// The first registration also writes the QR code to print on the paper.
	let qr_prefix = dir.path().join("ct1-KZ-2026-0001.qr");
	let with_qr = [&register[..], &["--qr", qr_prefix.to_str().unwrap()]].concat();
	let anchored = net.check(certificate(kz, Some("//Eve"), &with_qr).ok());
	assert!(anchored.contains("QR code: "), "{anchored}");
	let qr_png = dir.path().join("ct1-KZ-2026-0001.qr.png");
	assert!(qr_png.exists() && dir.path().join("ct1-KZ-2026-0001.qr.svg").exists());
	// The same document again is refused with the pallet's reason and exit code 2.
	let again = certificate(kz, Some("//Eve"), &register);
	assert_eq!(again.code, Some(2), "{}", again.stderr);
	assert!(again.stderr.contains("Certificates(DuplicateDocument)"), "{}", again.stderr);
	// A nonce the chamber's software chose itself is used as given: the one its first
	// registration used is refused by the node's pool as outdated.
	let reused = certificate(kz, Some("//Eve"), &[&["--nonce", "0"], &register[..]].concat());
	assert_ne!(reused.code, Some(0), "a reused nonce was accepted");
	assert!(reused.stderr.contains("outdated"), "{}", reused.stderr);

	// 2. AM's node, which never saw the transaction, verifies it from a finalized block.
	let id = id_of(kz, &document);
	// KG's single window follows the document instead of polling it.
	let mut follow =
		net.check(Subscription::open(kg, "tamga_subscribeDocuments", json!([[id.clone()]])));
	let first = follow.next(LIVENESS_TIMEOUT).expect("the verdict at once");
	assert_eq!(first["id"], json!(id));
	let verdict = finalized_verdict(am, &id, |_| true);
	assert_eq!(verdict["valid"], json!(true), "{verdict}");
	assert_eq!(verdict["at"]["finalized"], json!(true));
	assert_eq!(verdict["issuer"]["name"], json!("Chamber of Commerce and Industry of Kazakhstan"));
	assert_eq!(verdict["issuer"]["country"], json!("KZ"));
	assert_eq!(verdict["issuer"]["account"], json!(chamber));
	assert_eq!(verdict["issuer"]["accreditedAtIssue"], json!(true));
	assert_eq!(verdict["kind"], json!("ct1"));
	assert_eq!(
		(verdict["validFrom"].clone(), verdict["validUntil"].clone()),
		(json!(from), json!(until))
	);
	assert_eq!(verdict["remainingQuantity"], json!("1000"), "quantities travel as strings");

	// 3. KG's border post releases 400 kg through KG's node; 700 more would exceed it.
	let used = |quantity: &str, declaration: &str| {
		certificate(
			kg,
			Some("//Ferdie"),
			&[
				"use",
				"--file",
				file,
				"--declaration",
				declaration,
				"--salt",
				"a1d4f7c20e9b3a58",
				"--quantity",
				quantity,
			],
		)
	};
	net.check(used("400", "10702010/231126/0001234").ok());
	let over = used("700", "10702010/231126/0001235");
	assert_eq!(over.code, Some(2));
	assert!(over.stderr.contains("Certificates(QuantityExceeded)"), "{}", over.stderr);
	// KZ's chamber is no officer: the pool refuses an issuer's use outright.
	let not_officer = certificate(
		kz,
		Some("//Eve"),
		&["use", "--file", file, "--declaration", "x", "--quantity", "1"],
	);
	assert!(not_officer.stdout.contains("salt of the declaration commitment: "), "generated");
	// A salt short enough to brute-force is refused before anything is sent.
	let short = certificate(
		kz,
		Some("//Ferdie"),
		&["use", "--file", file, "--declaration", "y", "--salt", "a1", "--quantity", "1"],
	);
	assert_eq!(short.code, Some(2), "{}", short.stderr);
	assert!(short.stderr.contains("at least 16") && !short.stdout.contains("submitted"));
	assert_eq!(not_officer.code, Some(2), "{}", not_officer.stderr);
	assert!(
		not_officer.stderr.contains("Custom error: 2")
			&& not_officer.stderr.contains("role may not make this call"),
		"{}",
		not_officer.stderr
	);
	let verdict = finalized_verdict(by, &id, |v| v["remainingQuantity"] == json!("600"));
	assert_eq!(verdict["valid"], json!(true));

	// 4. The chamber revokes it; every node then says so, and `verify` exits with 1.
	net.check(
		certificate(
			kz,
			Some("//Eve"),
			&["revoke", "--file", file, "--reason", "fraud", "--text", "forged stamp"],
		)
		.ok(),
	);
	let verdict = finalized_verdict(am, &id, |v| v["status"] == json!("revoked"));
	assert_eq!(verdict["valid"], json!(false));
	let told = follow.next_matching(LIVENESS_TIMEOUT, |v| v["status"] == json!("revoked"));
	let told = told.expect("the subscription never told of the revocation");
	assert_eq!(
		(told["valid"].clone(), told["at"]["finalized"].clone()),
		(json!(false), json!(true))
	);
	assert_eq!(verdict["revocationReason"], json!("fraud"));
	let revoked = wait::until(LIVENESS_TIMEOUT, "BY's node to see the revocation", || {
		Some(certificate(by, None, &["verify", "--file", file])).filter(|run| run.code == Some(1))
	});
	let revoked = net.check(revoked);
	assert!(
		revoked.stdout.contains("INVALID: revoked by its issuer (fraud)"),
		"{}",
		revoked.stdout
	);
	let used_after = used("1", "10702010/231126/0001236");
	assert!(used_after.stderr.contains("Certificates(DocumentRevoked)"), "{}", used_after.stderr);

	// 5. The history names every action and actor, with blocks on the canonical chain.
	let history = net.check(by.rpc().call("tamga_documentHistory", json!([id])));
	let entries = history["entries"].as_array().expect("entries");
	let actions: Vec<(&str, &str)> = entries
		.iter()
		.map(|e| (e["action"]["type"].as_str().unwrap(), e["actor"].as_str().unwrap()))
		.collect();
	assert_eq!(
		actions,
		vec![
			("registered", chamber.as_str()),
			("used", border_post.as_str()),
			("revoked", chamber.as_str())
		]
	);
	assert_eq!(entries[1]["action"]["quantity"], json!("400"));
	for entry in entries {
		let number = entry["block"].as_u64().unwrap() as u32;
		assert_eq!(entry["blockHash"].as_str(), by.rpc().block_hash(number).unwrap().as_deref());
	}

	// The verdicts above came from the nodes' native path (and matched the Wasm's).
	for node in [am, by] {
		let log = std::fs::read_to_string(node.log_path()).expect("the node's log");
		assert!(log.contains("documents are verified natively"), "{}", node.log_tail(30));
	}

	// 6. An unknown id is not genuine; a malformed one is an error with a message.
	let unknown = certificate(am, None, &["verify", "--id", &format!("0x{}", "ab".repeat(32))]);
	assert_eq!(unknown.code, Some(1), "an unknown id is not genuine: {}", unknown.stderr);
	assert!(
		unknown.stdout.contains("NOT GENUINE: no document with id 0xabab"),
		"{}",
		unknown.stdout
	);
	let malformed = net.check(am.rpc().refusal("tamga_verifyDocument", json!(["0x1234"])));
	assert_eq!(malformed.code, INVALID_PARAMS, "{malformed:?}");
	assert!(malformed.message.contains("64 hex digits"), "{malformed:?}");

	// 6b. An officer holding only the paper finds it by country and number, on any node:
	// the number matches, the rest is the document's verdict (revoked by now).
	let by_number =
		run_cli(&["verify", "--url", &am.rpc_url(), "--country", "KZ", "--number", "KZ-2026-0001"]);
	assert_eq!(by_number.code, Some(1), "revoked: {}{}", by_number.stdout, by_number.stderr);
	assert!(
		by_number.stdout.contains("integrity: ok  a document of KZ numbered KZ-2026-0001"),
		"{}",
		by_number.stdout
	);
	assert!(by_number.stdout.contains("status:    NO  INVALID: revoked"), "{}", by_number.stdout);
	// The QR code printed on the paper names the same document, read from its image.
	let by_qr = run_cli(&["verify", "--url", &am.rpc_url(), "--qr", qr_png.to_str().unwrap()]);
	assert_eq!(by_qr.code, Some(1), "revoked: {}{}", by_qr.stdout, by_qr.stderr);
	assert!(by_qr.stdout.contains("number=KZ-2026-0001"), "{}", by_qr.stdout);
	assert!(by_qr.stdout.contains(&format!("integrity: ok  this exact document (id {id})")));
	assert!(by_qr.stdout.contains("status:    NO  INVALID: revoked"), "{}", by_qr.stdout);
	let found: tamga_rpc_types::DocumentMatches =
		net.check(am.rpc().ask("tamga_findDocument", json!(["KZ", "KZ-2026-0001", chamber])));
	assert_eq!(found.matches.len(), 1, "{found:?}");
	assert_eq!(found.matches[0].id, id);
	assert_eq!(found.matches[0].checks.integrity.code, tamga_rpc_types::Integrity::NumberOnly);
	// Another country's number, or an unknown one, finds nothing; that is no error.
	for (country, number) in [("KG", "KZ-2026-0001"), ("KZ", "KZ-2026-9999")] {
		let none: tamga_rpc_types::DocumentMatches =
			net.check(am.rpc().ask("tamga_findDocument", json!([country, number])));
		assert!(none.matches.is_empty() && !none.more, "{none:?}");
	}
	for params in [json!(["XX", "KZ-2026-0001"]), json!(["KZ", ""]), json!(["KZ", "1", "5Gx"])] {
		let refused = net.check(am.rpc().refusal("tamga_findDocument", params.clone()));
		assert_eq!(refused.code, INVALID_PARAMS, "{params}: {refused:?}");
	}

	// 7. An auditor pins the validators' keys, takes a proof of the record from one node
	// and checks it with no node at all; a proof with one byte changed does not hold.
	let tool = |args: &[&str]| run_cli(args);
	let set = dir.path().join("authorities.json");
	let proof = dir.path().join("ct1.proof.json");
	let (set, proof) = (set.to_str().unwrap(), proof.to_str().unwrap());
	net.check(tool(&["authorities", "--url", &kg.rpc_url(), "--out", set]).ok());
	net.check(tool(&["proof", "--url", &am.rpc_url(), file, "--out", proof]).ok());
	let checked = tool(&["verify-proof", proof, "--authorities", set, "--json"]);
	assert_eq!(checked.code, Some(0), "{}{}", checked.stdout, checked.stderr);
	let checked: Value = serde_json::from_str(&checked.stdout).expect("JSON");
	assert_eq!(checked["holds"], json!(true));
	assert_eq!(checked["anchored"], json!(true));
	assert_eq!(checked["status"], json!("revoked (Fraud)"));
	assert_eq!(checked["issuer"], json!(chamber));
	assert!(checked["signers"].as_u64().unwrap() >= 3, "{checked}");
	let genuine: Value =
		serde_json::from_str(&std::fs::read_to_string(proof).unwrap()).expect("a proof is JSON");
	for (pointer, what) in [
		("/storage/proof/0", "does not lead to the block's state root"),
		("/block/header", "does not hash to the block hash"),
		("/justification", "justification"),
	] {
		let mut tampered = genuine.clone();
		let field = tampered.pointer_mut(pointer).expect(pointer);
		let mut text = field.as_str().unwrap().to_string();
		// Flip one hex digit near the end (inside signatures, values or the header's digest).
		let at = text.len() - 3;
		let flipped = if &text[at..at + 1] == "0" { "1" } else { "0" };
		text.replace_range(at..at + 1, flipped);
		*field = json!(text);
		let path = dir.path().join("tampered.proof.json");
		std::fs::write(&path, tampered.to_string()).unwrap();
		let refused = tool(&["verify-proof", path.to_str().unwrap(), "--authorities", set]);
		assert_eq!(refused.code, Some(1), "{pointer}: {}{}", refused.stdout, refused.stderr);
		assert!(refused.stdout.starts_with("PROOF DOES NOT HOLD"), "{}", refused.stdout);
		assert!(refused.stdout.contains(what), "{pointer}: {}", refused.stdout);
	}
	// A proof for a document never anchored holds, and says no.
	let absent = dir.path().join("absent.proof.json");
	let absent = absent.to_str().unwrap();
	let never = format!("0x{}", "cd".repeat(32));
	net.check(tool(&["proof", "--url", &kz.rpc_url(), "--id", &never, "--out", absent]).ok());
	let checked = tool(&["verify-proof", absent, "--authorities", set]);
	assert_eq!(checked.code, Some(1), "{}{}", checked.stdout, checked.stderr);
	assert!(checked.stdout.contains("is NOT anchored as of that block"), "{}", checked.stdout);

	// Against another authority set, the genuine proof fails: other keys, or the same keys
	// under another set id (the validators sign the set id with each vote).
	let pinned: Value = serde_json::from_str(&std::fs::read_to_string(set).unwrap()).unwrap();
	let mut other_keys = pinned.clone();
	for (i, authority) in other_keys["authorities"].as_array_mut().unwrap().iter_mut().enumerate() {
		use sp_core::Pair as _;
		let pair = sp_core::ed25519::Pair::from_string(&format!("//Other{i}"), None).unwrap();
		authority["publicKey"] = json!(to_hex(pair.public().as_ref()));
	}
	let mut other_id = pinned.clone();
	other_id["setId"] = json!(pinned["setId"].as_u64().unwrap() + 1);
	for (name, other) in [("other-keys.json", other_keys), ("other-id.json", other_id)] {
		let path = dir.path().join(name);
		std::fs::write(&path, other.to_string()).unwrap();
		let refused = tool(&["verify-proof", proof, "--authorities", path.to_str().unwrap()]);
		assert_eq!(refused.code, Some(1), "{name}: {}{}", refused.stdout, refused.stderr);
		assert!(refused.stdout.contains("is not valid for authority set"), "{}", refused.stdout);
	}

	// The auditor's history and export of the same blocks name the same three actions.
	let history = net.check(tool(&["audit", "history", "--url", &by.rpc_url(), file]).ok());
	for action in ["registered", "used", "revoked"] {
		assert!(history.contains(action), "{history}");
	}
	let head = by.rpc().finalized_hash().unwrap();
	let to = by.rpc().block_number(Some(&head)).unwrap().to_string();
	let export = |format: &str| {
		net.check(
			tool(&[
				"audit",
				"export",
				"--url",
				&by.rpc_url(),
				"--from",
				"1",
				"--to",
				&to,
				"--format",
				format,
			])
			.ok(),
		)
	};
	let lines: Vec<Value> =
		export("jsonl").lines().map(|l| serde_json::from_str(l).expect("JSON lines")).collect();
	let of_document: Vec<&str> = lines
		.iter()
		.filter(|l| l["pallet"] == json!("Certificates") && l["fields"]["id"] == json!(id))
		.map(|l| l["event"].as_str().unwrap())
		.collect();
	assert_eq!(of_document, ["Registered", "Used", "Revoked"], "{lines:?}");
	assert!(lines
		.iter()
		.any(|l| l["pallet"] == json!("Governance") && l["event"] == json!("Accredited")));
	let csv = export("csv");
	assert!(csv.starts_with("block,blockHash,extrinsic,pallet,event,fields\n"), "{csv}");
	assert_eq!(csv.lines().count(), lines.len() + 1);
	let beyond =
		tool(&["audit", "export", "--url", &by.rpc_url(), "--from", "1", "--to", "99999999"]);
	assert_eq!(beyond.code, Some(2));
	assert!(beyond.stderr.contains("is not finalized yet"), "{}", beyond.stderr);
}

#[test]
fn ten_thousand_documents_are_anchored_in_one_batch_and_any_member_verifies() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let (kz, am) = (&net.nodes[0], &net.nodes[2]);
	let vet_service = account("//Eve").to_ss58check();
	net.check(
		client(
			kz,
			"admin",
			Some("//Alice"),
			&[
				"accredit",
				"--account",
				&vet_service,
				"--name",
				"Veterinary Control Committee of Kazakhstan",
				"--role",
				"issuer",
				"--kind",
				"veterinary",
				"--valid-until",
				"1000000",
			],
		)
		.ok(),
	);
	net.check(tamga_tests::cli::accept(kz, "//Alice", "//Eve").ok());

	// The service's folder of 10,000 certificates; `batch` hashes them, anchors the root
	// and writes each file's proof.
	let dir = tempfile::tempdir().unwrap();
	let (documents, proofs) = (dir.path().join("documents"), dir.path().join("proofs"));
	std::fs::create_dir(&documents).unwrap();
	for i in 0..10_000 {
		std::fs::write(
			documents.join(format!("vet-{i:05}.xml")),
			format!("<vet no=\"KZ-VET-{i}\"/>"),
		)
		.unwrap();
	}
	let anchored = net.check(
		certificate(
			kz,
			Some("//Eve"),
			&[
				"batch",
				"--folder",
				documents.to_str().unwrap(),
				"--kind",
				"veterinary",
				"--proofs",
				proofs.to_str().unwrap(),
			],
		)
		.ok(),
	);
	assert!(anchored.contains("of 10000 documents"), "{anchored}");
	assert!(anchored.contains("BatchRegistered"), "{anchored}");

	// A member picked at random verifies on AM's node from a finalized block.
	let member =
		std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos()
			% 10_000;
	println!("verifying member {member}");
	let proof_file = proofs.join(format!("vet-{member:05}.xml.proof.json"));
	let proof: Value = serde_json::from_slice(&std::fs::read(&proof_file).unwrap()).unwrap();
	let answer =
		net.check(wait::until(LIVENESS_TIMEOUT, "the batch to be finalized on AM's node", || {
			let rpc = am.rpc();
			let head = rpc.finalized_hash().ok()?;
			rpc.call("tamga_verifyBatchMember", json!([proof["id"], proof["proof"], head])).ok()
		}));
	assert_eq!(answer["valid"], json!(true), "{answer}");
	assert_eq!((answer["count"].clone(), answer["index"].clone()), (json!(10_000), json!(member)));
	assert_eq!(answer["issuer"]["name"], json!("Veterinary Control Committee of Kazakhstan"));
	assert_eq!(answer["at"]["finalized"], json!(true));

	// The CLI checks the file against its proof: the right file passes, another fails.
	let member_file = documents.join(format!("vet-{member:05}.xml"));
	let other_file = documents.join(format!("vet-{:05}.xml", (member + 1) % 10_000));
	let verify_member = |file: &Path| {
		certificate(
			am,
			None,
			&[
				"verify-member",
				"--proof",
				proof_file.to_str().unwrap(),
				"--file",
				file.to_str().unwrap(),
			],
		)
	};
	let genuine = verify_member(&member_file);
	assert_eq!(genuine.code, Some(0), "{}{}", genuine.stdout, genuine.stderr);
	assert!(genuine.stdout.contains("VALID: a member of the batch"), "{}", genuine.stdout);
	let wrong_file = verify_member(&other_file);
	assert_eq!(wrong_file.code, Some(1), "{}", wrong_file.stdout);
	assert!(wrong_file.stdout.contains("not this document"), "{}", wrong_file.stdout);

	// A tampered proof is refused with a readable error.
	let mut tampered = proof["proof"].clone();
	tampered["siblings"][0] = json!(format!("0x{}", "00".repeat(32)));
	let refused =
		am.rpc().call("tamga_verifyBatchMember", json!([proof["id"], tampered])).unwrap_err();
	assert!(refused.contains("-32003") && refused.contains("is not a member"), "{refused}");

	// The issuer revokes that member alone; its neighbour stays valid.
	net.check(
		certificate(
			kz,
			Some("//Eve"),
			&[
				"revoke-member",
				"--proof",
				proof_file.to_str().unwrap(),
				"--reason",
				"not-compliant",
			],
		)
		.ok(),
	);
	let revoked =
		net.check(wait::until(LIVENESS_TIMEOUT, "the member's revocation on AM's node", || {
			am.rpc()
				.call("tamga_verifyBatchMember", json!([proof["id"], proof["proof"]]))
				.ok()
				.filter(|answer| answer["status"] == json!("revoked"))
		}));
	assert_eq!(revoked["revocationReason"], json!("notCompliant"));
	let neighbour = proofs.join(format!("vet-{:05}.xml.proof.json", (member + 1) % 10_000));
	let neighbour: Value = serde_json::from_slice(&std::fs::read(neighbour).unwrap()).unwrap();
	let neighbour = net.check(
		am.rpc().call("tamga_verifyBatchMember", json!([neighbour["id"], neighbour["proof"]])),
	);
	assert_eq!(neighbour["valid"], json!(true), "{neighbour}");
}
