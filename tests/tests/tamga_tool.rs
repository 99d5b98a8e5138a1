//! The `tamga` tool on bad input, without a network: one clear line and the documented
//! exit code (2 error, 1 a check's answer is no), and its keys.

use serde_json::{json, Value};
use tamga_tests::{cli::run_cli, node::free_port};

/// The error line of a run that must fail with exit code 2 (warnings aside).
fn error_line(args: &[&str]) -> String {
	let run = run_cli(args);
	assert_eq!(run.code, Some(2), "{args:?}: {}{}", run.stdout, run.stderr);
	let lines: Vec<&str> = run.stderr.lines().filter(|l| !l.starts_with("warning: ")).collect();
	assert_eq!(lines.len(), 1, "{args:?}: one line, got {:?}", run.stderr);
	assert!(lines[0].starts_with("Error: "), "{}", lines[0]);
	lines[0].to_string()
}

#[test]
fn an_unreachable_node_and_a_wrong_url_are_named() {
	let url = format!("http://127.0.0.1:{}", free_port());
	let id = format!("0x{}", "ab".repeat(32));
	let line = error_line(&["verify", "--url", &url, "--id", &id]);
	assert!(line.contains(&format!("cannot reach the node at {url}")), "{line}");
	// A WebSocket URL is asked over HTTP at the same address.
	let port = free_port();
	let line = error_line(&["verify", "--url", &format!("ws://127.0.0.1:{port}"), "--id", &id]);
	assert!(line.contains(&format!("cannot reach the node at http://127.0.0.1:{port}")), "{line}");
	for url in ["127.0.0.1:9944", "ftp://127.0.0.1:9944"] {
		let line = error_line(&["audit", "history", "--url", url, "--id", &id]);
		assert!(line.contains("not a JSON-RPC endpoint"), "{line}");
	}
}

#[test]
fn secrets_on_the_command_line_or_in_open_files_and_plain_http_are_warned_or_refused() {
	use std::os::unix::fs::PermissionsExt;
	let url = format!("http://127.0.0.1:{}", free_port());
	let vote = ["vote", "--id", "0"];
	// A key typed on the command line is warned about (here it is no key, so nothing is
	// sent either).
	let run =
		run_cli(&[&["admin", "--url", &url, "--suri", "not a key at all"], &vote[..]].concat());
	assert_eq!(run.code, Some(2));
	assert!(run.stderr.contains("warning: a secret URI on the command line is visible"));
	// A key file others may read is refused before any request; one only its owner reads
	// is used (here: the node is not running, so the request fails).
	let dir = tempfile::tempdir().unwrap();
	let key = dir.path().join("kz-member.suri");
	std::fs::write(&key, "//Alice\n").unwrap();
	std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
	let key = key.to_str().unwrap();
	let line = error_line(&[&["admin", "--url", &url, "--suri-file", key], &vote[..]].concat());
	assert!(line.contains("chmod 600"), "{line}");
	std::fs::set_permissions(key, std::fs::Permissions::from_mode(0o600)).unwrap();
	let run = run_cli(&[&["admin", "--url", &url, "--suri-file", key], &vote[..]].concat());
	assert!(run.stderr.contains("cannot reach the node"), "{}", run.stderr);
	assert!(!run.stderr.contains("warning"), "{}", run.stderr);
	// Plain HTTP to another machine is warned about (refused here before any request).
	let run = run_cli(
		&[&["admin", "--url", "http://192.0.2.7:9944", "--suri", "not a key at all"], &vote[..]]
			.concat(),
	);
	assert!(run.stderr.contains("is plain HTTP to another machine"), "{}", run.stderr);
}

#[test]
fn salts_short_enough_to_guess_are_refused_before_any_request() {
	let url = format!("http://127.0.0.1:{}", free_port());
	let dir = tempfile::tempdir().unwrap();
	let list = dir.path().join("general-list.pdf");
	std::fs::write(&list, b"list").unwrap();
	let issue = [
		"carnet",
		"--url",
		&url,
		"--suri",
		"//Eve",
		"issue",
		"--number",
		"KZ/2026/1",
		"--holder",
		"990140000385",
		"--salt",
		"77aa",
		"--country",
		"KG",
		"--items",
		"1",
		"--list",
		list.to_str().unwrap(),
		"--valid-from",
		"2026-12-01",
		"--valid-until",
		"2027-01-01",
	];
	let line = error_line(&issue);
	assert!(line.contains("--salt is 4 bytes; a salt needs at least 16"), "{line}");
	let status = ["aeo", "--url", &url, "status", "--country", "KZ", "--operator-id", "1"];
	let line = error_line(&[&status[..], &["--salt", "c0ffee"]].concat());
	assert!(line.contains("at least 16"), "{line}");
}

#[test]
fn bad_keys_ids_and_unreadable_files_are_named() {
	let url = format!("http://127.0.0.1:{}", free_port());
	// A secret that is no key is refused before any request (the node is not running).
	let line =
		error_line(&["admin", "--url", &url, "--suri", "not a key at all", "vote", "--id", "0"]);
	assert!(line.contains("invalid secret URI"), "{line}");
	let line = error_line(&["key", "inspect", "surely-not-a-key"]);
	assert!(
		line.contains("is neither a secret URI, an SS58 address nor a 0x public key"),
		"{line}"
	);
	// A malformed id, and a file that cannot be read.
	let line = error_line(&["verify", "--url", &url, "--id", "0x1234"]);
	assert!(line.contains("64 hex digits"), "{line}");
	let line = error_line(&["verify", "--url", &url, "/no/such/document.pdf"]);
	assert!(line.contains("cannot read /no/such/document.pdf"), "{line}");
	let line = error_line(&["verify", "--url", &url, "--qr", "/no/such/scan.png"]);
	assert!(line.contains("cannot read /no/such/scan.png"), "{line}");
	let line = error_line(&["verify-proof", "/no/such/proof.json", "--authorities", "/no/set"]);
	assert!(line.contains("cannot read /no/such/proof.json"), "{line}");
}

#[test]
fn certificate_messages_that_lack_facts_are_refused_by_path_before_any_request() {
	// The node is not running: each refusal comes before a request.
	let url = format!("http://127.0.0.1:{}", free_port());
	let samples = tamga_tests::binary::workspace_root().join("node/cli/src/xml_in/samples");
	let register = |xml: &std::path::Path, extra: &[&str]| {
		let mut args = vec!["cert", "--url", &url, "--suri", "//Eve", "register", "--xml"];
		args.push(xml.to_str().unwrap());
		args.extend_from_slice(extra);
		error_line(&args)
	};
	let dir = tempfile::tempdir().unwrap();
	let phyto = std::fs::read_to_string(samples.join("sps-phytosanitary.xml")).unwrap();
	let other_type = dir.path().join("other-type.xml");
	std::fs::write(&other_type, phyto.replace(">851<", ">999<")).unwrap();
	let line = register(&other_type, &["--valid-until", "2027-01-31"]);
	assert!(
		line.contains(
			"rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:TypeCode: 999 is not a document type"
		),
		"{line}"
	);
	assert!(line.ends_with("nothing was submitted"), "{line}");
	let veterinary = samples.join("sps-veterinary.xml");
	let line = register(&veterinary, &[]);
	assert!(line.contains("give --valid-until (the message carries no validity end)"), "{line}");
	let pdf = dir.path().join("scan.pdf");
	std::fs::write(&pdf, b"%PDF-1.7 a scan, not a message").unwrap();
	let line = register(&pdf, &["--valid-until", "2027-01-31"]);
	assert!(line.contains("not well-formed XML"), "{line}");
	let broken = dir.path().join("broken.xml");
	let xml = std::fs::read_to_string(&veterinary)
		.unwrap()
		.replace("<ram:ID>CN</ram:ID>", "<ram:ID>XX</ram:ID>");
	std::fs::write(&broken, xml).unwrap();
	let line = register(&broken, &["--valid-until", "2027-01-31"]);
	assert!(line.contains("ram:ImportSPSCountry/ram:ID: `XX`"), "{line}");
	// A flag fills the fact the message gets wrong; then the unreachable node is named.
	let line = register(&broken, &["--valid-until", "2027-01-31", "--importing", "CN"]);
	assert!(line.contains("cannot reach the node"), "{line}");
}

#[test]
fn an_sps_certificate_is_sorted_into_field_groups_before_any_request() {
	let url = format!("http://127.0.0.1:{}", free_port());
	let samples = tamga_tests::binary::workspace_root().join("node/cli/src/xml_in/samples");
	let dir = tempfile::tempdir().unwrap();
	let out = dir.path().join("fields.json");
	let document = format!("0x{}", "ab".repeat(32));
	let commit = |xml: &std::path::Path, extra: &[&str]| {
		let mut args = vec!["exchange", "--url", &url, "--suri", "//Eve", "commit"];
		args.extend_from_slice(&["--document", &document, "--out", out.to_str().unwrap()]);
		args.extend_from_slice(&["--xml", xml.to_str().unwrap()]);
		args.extend_from_slice(extra);
		let run = run_cli(&args);
		assert_eq!(run.code, Some(2), "{args:?}: {}{}", run.stdout, run.stderr);
		run.stderr
	};
	let ubl = dir.path().join("origin.xml");
	std::fs::write(
		&ubl,
		r#"<CertificateOfOrigin xmlns="urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2"/>"#,
	)
	.unwrap();
	let refused = commit(&ubl, &[]);
	assert!(refused.contains("--xml sorts a UN/CEFACT SPS e-Cert"), "{refused}");
	let veterinary = samples.join("sps-veterinary.xml");
	let goods = dir.path().join("goods.xml");
	std::fs::write(&goods, "<Goods/>").unwrap();
	let goods_arg = format!("goods={}", goods.display());
	let twice = commit(&veterinary, &["--group", &goods_arg]);
	assert!(twice.contains("--group goods is given by --xml already"), "{twice}");
	// Sorted, then the unreachable node is named: nothing was committed.
	let sorted = commit(&veterinary, &[]);
	for line in [
		"parties: IssuerSPSParty, SignatorySPSAuthentication, ConsignorSPSParty, ConsigneeSPSParty",
		"goods: IncludedSPSConsignmentItem",
		"transport: ImportSPSCountry, ExportSPSCountry, UnloadingBaseportSPSLocation",
	] {
		assert!(sorted.contains(line), "{line} in {sorted}");
	}
	assert!(sorted.contains("cannot reach the node"), "{sorted}");
	assert!(!out.exists(), "no salts written for a commitment never made");
}

#[test]
fn document_types_are_checked_before_any_request() {
	// The node is not running: a malformed type is refused before anything is sent; a
	// name that is no built-in type needs the node's registry, which is then named.
	let url = format!("http://127.0.0.1:{}", free_port());
	let propose = |extra: &[&str]| {
		let mut args = vec!["admin", "--url", &url, "--suri", "//Alice", "propose"];
		args.push("add-document-type");
		args.extend_from_slice(extra);
		error_line(&args)
	};
	let line = propose(&["--name", "9lives", "--un-code", "2", "--accreditation", "conformity"]);
	assert!(line.contains("a type's name is 1 to 24 ASCII letters"), "{line}");
	let line = propose(&["--name", "ok", "--un-code", "1000", "--accreditation", "conformity"]);
	assert!(line.contains("document name code is 1 to 999"), "{line}");
	let line = propose(&["--name", "ok", "--un-code", "2", "--accreditation", "aeo"]);
	assert!(line.contains("origin, veterinary, phytosanitary, conformity or licensing"), "{line}");
	let line = error_line(&[
		"cert",
		"--url",
		&url,
		"--suri",
		"//Eve",
		"batch",
		"--folder",
		"/tmp",
		"--kind",
		"noSuchType",
		"--proofs",
		"/tmp/proofs",
	]);
	assert!(line.contains("cannot read the registry of document types"), "{line}");
}

#[test]
fn a_file_that_is_not_a_proof_or_not_an_authority_set_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let set = dir.path().join("set.json");
	std::fs::write(&set, json!({"format": "something else"}).to_string()).unwrap();
	let proof = dir.path().join("proof.json");
	std::fs::write(&proof, "not JSON").unwrap();
	let (set, proof) = (set.to_str().unwrap(), proof.to_str().unwrap());
	let line = error_line(&["verify-proof", proof, "--authorities", set]);
	assert!(line.contains("is not JSON"), "{line}");
	std::fs::write(proof, json!({"format": "tamga-proof/1"}).to_string()).unwrap();
	let line = error_line(&["verify-proof", proof, "--authorities", set]);
	assert!(line.contains("not an authority-set file"), "{line}");
}

#[test]
fn a_generated_key_is_inspected_to_the_same_account() {
	let generated = run_cli(&["key", "generate", "--json"]);
	assert_eq!(generated.code, Some(0), "{}", generated.stderr);
	let generated: Value = serde_json::from_str(&generated.stdout).expect("JSON");
	let phrase = generated["secretPhrase"].as_str().expect("a phrase");
	assert_eq!(phrase.split_whitespace().count(), 12);
	for key in [phrase, generated["address"].as_str().unwrap()] {
		let inspected = run_cli(&["key", "inspect", key, "--json"]);
		assert_eq!(inspected.code, Some(0), "{}", inspected.stderr);
		let inspected: Value = serde_json::from_str(&inspected.stdout).expect("JSON");
		assert_eq!(inspected["address"], generated["address"]);
		assert_eq!(inspected["publicKey"], generated["publicKey"]);
		assert_eq!(inspected.get("secretPhrase"), None, "inspect never prints a secret");
	}
	// Two generations give two accounts.
	let again = run_cli(&["key", "generate", "--json"]);
	let again: Value = serde_json::from_str(&again.stdout).expect("JSON");
	assert_ne!(again["address"], generated["address"]);
}

#[test]
fn a_page_limit_out_of_range_is_refused_before_any_request() {
	// The node is not running: the limit is checked first.
	let url = format!("http://127.0.0.1:{}", free_port());
	let number = "KZ/2026/000123";
	let movements = ["carnet", "--url", &url, "movements", "--number", number, "--limit", "257"];
	let line = error_line(&movements);
	assert!(line.contains("--limit must be 1 to 256, got 257"), "{line}");
	let pending = ["aeo", "--url", &url, "pending", "--administration", "KG", "--limit", "0"];
	let line = error_line(&pending);
	assert!(line.contains("--limit must be 1 to 1000, got 0"), "{line}");
}
