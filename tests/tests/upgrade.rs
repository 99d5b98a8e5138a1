//! Tamga's first storage migration, on a running network: four validators start on
//! runtime 113 (the last without the registry of document types, kept in
//! `tests/fixtures/`), anchor and use documents, then vote this build's runtime in and
//! apply it with `tamga admin apply-upgrade`. The migration stores the built-in document
//! types; every record written before still verifies and is used as before. On the
//! upgraded chain a plant-protection organisation anchors a phytosanitary certificate from
//! its SPS e-Cert, and the consortium votes in a document type of its own, which is then
//! anchored, verified and used.

use std::path::Path;

use serde_json::{json, Value};
use tamga_rpc_types::{DocumentTypes, DocumentVerdict, RpcError};
use tamga_tests::{
	binary::workspace_root,
	cli::{accredit, client, ct1_facts, today_plus, CliRun},
	metrics::{scrape, wait_for_metric},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::{run_tamga, TamgaNode},
	rpc::from_hex,
	wait,
};

/// The runtime the network starts on: commit b3f2476's (spec_version 113).
const OLD_RUNTIME: &str = "tests/fixtures/runtime-113.compressed.wasm";

fn certificate(node: &TamgaNode, suri: Option<&str>, args: &[&str]) -> CliRun {
	client(node, "cert", suri, args)
}

/// The runtime this build's `tamga-node` carries (the code of the spec it builds).
fn node_runtime() -> Vec<u8> {
	let output = run_tamga(&["build-spec", "--chain", "local", "--disable-default-bootnode"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec: Value = serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
	let code = spec["genesis"]["runtimeGenesis"]["code"].as_str().expect("the spec's code");
	from_hex(code).expect("the code is hex")
}

/// The spec_version of the runtime at `node`'s finalized head.
fn finalized_spec_version(node: &TamgaNode) -> Option<u64> {
	let rpc = node.rpc();
	let head = rpc.finalized_hash().ok()?;
	let version = rpc.call("state_getRuntimeVersion", json!([head])).ok()?;
	version["specVersion"].as_u64()
}

/// `tamga_verifyDocument` on `id` at `node`'s finalized head, once it is anchored there.
fn finalized_verdict(node: &TamgaNode, id: &str) -> DocumentVerdict {
	wait::until(LIVENESS_TIMEOUT, &format!("{id} to be anchored in a finalized block"), || {
		let rpc = node.rpc();
		let head = rpc.finalized_hash().ok()?;
		let verdict: DocumentVerdict = rpc.ask("tamga_verifyDocument", json!([id, head])).ok()?;
		(verdict.status.as_str() != "notAnchored").then_some(verdict)
	})
	.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail(30)))
}

/// KG's border post (`//Ferdie`) records a use of `quantity` of document `id` against
/// customs declaration `declaration`, through `node`.
fn use_by_id(node: &TamgaNode, id: &str, declaration: &str, quantity: &str) -> CliRun {
	let args = [
		"use",
		"--id",
		id,
		"--declaration",
		declaration,
		"--salt",
		"c0ffee5a1d4f7c20",
		"--quantity",
		quantity,
	];
	certificate(node, Some("//Ferdie"), &args)
}

/// The id `cert verify --json` reports for `file`.
fn id_of(node: &TamgaNode, file: &Path) -> String {
	let run = certificate(node, None, &["verify", "--json", "--file", file.to_str().unwrap()]);
	let answer: Value = serde_json::from_str(&run.stdout).expect("verify --json prints JSON");
	answer["id"].as_str().expect("an id").to_string()
}

/// What must not change about a verdict across the upgrade: everything but the block it
/// was read from.
fn lasting(verdict: &DocumentVerdict) -> Value {
	let mut json = serde_json::to_value(verdict).expect("a verdict serialises");
	json.as_object_mut().expect("an object").remove("at");
	json
}

#[test]
fn documents_anchored_before_an_upgrade_by_vote_still_verify_after_its_migration() {
	let old_runtime = std::fs::read(workspace_root().join(OLD_RUNTIME)).expect("the old runtime");
	let net = LocalNetwork::start_on_runtime(&old_runtime);
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let (kz, kg, am) = (&net.nodes[0], &net.nodes[1], &net.nodes[2]);
	assert_eq!(finalized_spec_version(kz), Some(113));

	// The registry is a surface of the new runtime: asked of the old one, the node says so.
	let refused: RpcError = net.check(kz.rpc().refusal("tamga_documentTypes", json!([])));
	assert_eq!(refused.code, tamga_rpc_types::errors::UNSUPPORTED_BY_RUNTIME);
	assert!(refused.message.contains("predates the registry"), "{}", refused.message);

	// Under runtime 113: KZ's chamber anchors a CT-1 and a veterinary certificate (from its
	// SPS e-Cert); KG's border post uses 400 kg of the CT-1.
	net.check(
		accredit(
			kz,
			"//Alice",
			"//Eve",
			"Chamber of Commerce and Industry of Kazakhstan",
			&["--role", "issuer", "--kind", "origin", "--kind", "veterinary"],
		)
		.ok(),
	);
	net.check(
		accredit(
			kg,
			"//Bob",
			"//Ferdie",
			"Ak-Jol customs post",
			&["--role", "officer", "--office", "KGAKJ"],
		)
		.ok(),
	);
	let dir = tempfile::tempdir().unwrap();
	let ct1 = dir.path().join("ct1.pdf");
	std::fs::write(&ct1, b"%PDF CT-1 KZ-UP-0001 wheat").unwrap();
	let facts = ct1_facts("KZ-UP-0001", "5b2e9c0d7a13f468");
	let mut register = vec!["register", "--file", ct1.to_str().unwrap()];
	register.extend(facts.iter().map(String::as_str));
	net.check(certificate(kz, Some("//Eve"), &register).ok());
	let vet = workspace_root().join("node/cli/src/xml_in/samples/sps-veterinary.xml");
	let until = today_plus(30);
	net.check(
		certificate(
			kz,
			Some("//Eve"),
			&[
				"register",
				"--xml",
				vet.to_str().unwrap(),
				"--valid-until",
				&until,
				"--salt",
				"9d41c7e2a05b38f6",
			],
		)
		.ok(),
	);
	let use_ct1 = |quantity: &str, declaration: &str| {
		certificate(
			kg,
			Some("//Ferdie"),
			&[
				"use",
				"--file",
				ct1.to_str().unwrap(),
				"--declaration",
				declaration,
				"--salt",
				"c0ffee5a1d4f7c20",
				"--quantity",
				quantity,
			],
		)
	};
	net.check(use_ct1("400", "10702010/071226/0000001").ok());
	let (ct1_id, vet_id) = (id_of(kz, &ct1), id_of(kz, &vet));
	let ct1_before = finalized_verdict(am, &ct1_id);
	let vet_before = finalized_verdict(am, &vet_id);
	assert_eq!(ct1_before.document.as_ref().unwrap().remaining_quantity, 600);
	assert_eq!(vet_before.document.as_ref().unwrap().kind, "veterinary");
	// Runtime 113 is not this node's build: AM verified through the runtime API (Wasm),
	// and its Prometheus endpoint says so.
	let wasm_before = net.check(wait_for_metric(
		am,
		"tamga_verifications_total",
		&[("path", "wasm")],
		LIVENESS_TIMEOUT,
		|v| v >= 2.0,
	));
	let scraped = net.check(scrape(am));
	assert_eq!(scraped.value("tamga_verifications_total", &[("path", "native")]), Some(0.0));

	// The consortium votes this build's runtime in; a member applies it.
	// The node's own runtime, as its `local` spec carries it. A debug build's runtime is
	// not compressed (5 MB: more than a block holds); a release build's
	// `*.compact.compressed.wasm` is what a consortium votes on.
	let code = node_runtime();
	let compressed = sp_maybe_compressed_blob::compress_strongly(
		&code,
		sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT,
	)
	.expect("the runtime compresses within the limit");
	let new_runtime = dir.path().join("tamga_runtime.compressed.wasm");
	std::fs::write(&new_runtime, compressed).unwrap();
	let wasm = new_runtime.to_str().unwrap();
	net.pass(0, &["authorize-upgrade", "--wasm", wasm]);
	let applied =
		net.check(client(kz, "admin", Some("//Alice"), &["apply-upgrade", "--wasm", wasm]).ok());
	assert!(applied.contains("applying runtime 0x"), "{applied}");
	let spec_version = tamga_runtime::VERSION.spec_version as u64;
	net.check(wait::until(LIVENESS_TIMEOUT, "the upgrade to be finalized", || {
		(finalized_spec_version(am) == Some(spec_version)).then_some(())
	}));
	// The versioned migration runs at the start of the first block under the new code: the
	// certificates pallet's storage goes from version 1 to 2.
	let version_key = [
		sp_io::hashing::twox_128(b"Certificates"),
		sp_io::hashing::twox_128(b":__STORAGE_VERSION__:"),
	]
	.concat();
	net.check(wait::until(LIVENESS_TIMEOUT, "the migration to run", || {
		let version = am.rpc().storage(&version_key).ok()??;
		(version == 2u16.to_le_bytes()).then_some(())
	}));

	// Every record written before verifies as it did, and is used as before.
	assert_eq!(lasting(&finalized_verdict(am, &ct1_id)), lasting(&ct1_before));
	assert_eq!(lasting(&finalized_verdict(am, &vet_id)), lasting(&vet_before));
	// Now the runtime on chain is this node's own (compressed as voted): AM verifies
	// natively, and the Wasm count stood still.
	let scraped = net.check(scrape(am));
	let native = scraped.value("tamga_verifications_total", &[("path", "native")]);
	assert!(native >= Some(2.0), "native verifications after the upgrade: {native:?}");
	assert_eq!(
		scraped.value("tamga_verifications_total", &[("path", "wasm")]),
		Some(wasm_before),
		"verifications went through Wasm after the upgrade"
	);
	net.check(use_ct1("100", "10702010/071226/0000002").ok());
	let over = use_ct1("501", "10702010/071226/0000003");
	assert!(over.stderr.contains("Certificates(QuantityExceeded)"), "{}", over.stderr);
	net.check(wait::until(LIVENESS_TIMEOUT, "the second use to be final", || {
		let verdict = finalized_verdict(am, &ct1_id);
		(verdict.document?.remaining_quantity == 500).then_some(())
	}));

	// The registry now lists the built-in types, phytosanitary ones included.
	let types: DocumentTypes =
		serde_json::from_str(&net.check(certificate(am, None, &["types", "--json"]).ok()))
			.expect("types --json");
	let names: Vec<&str> = types.types.iter().map(|t| t.name.as_str()).collect();
	assert_eq!(
		names,
		[
			"ct1",
			"eur1",
			"formA",
			"nonPreferential",
			"veterinary",
			"declaration",
			"phyto",
			"phytoReexport"
		]
	);
	assert!(types.types.iter().all(|t| t.built_in));

	// A phytosanitary certificate's life: KZ's plant-protection organisation anchors one
	// from its SPS e-Cert (export country and destination given by flag); the chamber,
	// accredited for origin and veterinary documents only, may not.
	net.check(
		accredit(
			kz,
			"//Alice",
			"//Eve//phyto",
			"Plant Quarantine Inspection of Kazakhstan",
			&["--role", "issuer", "--kind", "phytosanitary"],
		)
		.ok(),
	);
	let phyto = workspace_root().join("node/cli/src/xml_in/samples/sps-phytosanitary.xml");
	let phyto_args = |salt: &'static str| {
		vec![
			"register".to_string(),
			"--xml".into(),
			phyto.to_str().unwrap().into(),
			"--exporting".into(),
			"KZ".into(),
			"--importing".into(),
			"KG".into(),
			"--valid-until".into(),
			until.clone(),
			"--salt".into(),
			salt.into(),
		]
	};
	let args = phyto_args("7e1d0c9b8a6f5e4d");
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let by_chamber = certificate(kz, Some("//Eve"), &args);
	assert!(by_chamber.stderr.contains("KindNotAccredited"), "{}", by_chamber.stderr);
	let anchored = net.check(certificate(kz, Some("//Eve//phyto"), &args).ok());
	assert!(anchored.contains("UN/CEFACT SPSCertificate"), "{anchored}");
	let phyto_id = id_of(kz, &phyto);
	let verdict = finalized_verdict(kg, &phyto_id);
	let document = verdict.document.as_ref().unwrap();
	assert_eq!((document.kind.as_str(), verdict.valid), ("phyto", true));
	assert_eq!(document.remaining_quantity, 18_500);
	net.check(use_by_id(kg, &phyto_id, "10702010/071226/0000004", "18500").ok());
	net.check(wait::until(LIVENESS_TIMEOUT, "the phytosanitary certificate to be used up", || {
		(finalized_verdict(kg, &phyto_id).status.as_str() == "usedUp").then_some(())
	}));

	// The consortium adds conformity certificates (UN/CEFACT 2): no HS code or quantity
	// needed, uses counted. Before the vote the type is unknown; after it, a
	// conformity-assessment body anchors one and officers verify and use it.
	let conformity = dir.path().join("conformity.pdf");
	std::fs::write(&conformity, b"%PDF certificate of conformity KZ-CC-1").unwrap();
	let conformity_args = |suri: &'static str| {
		let file = conformity.to_str().unwrap().to_string();
		let (from, until) = (today_plus(0), today_plus(365));
		let args: [&str; 19] = [
			"register",
			"--file",
			&file,
			"--kind",
			"conformity",
			"--number",
			"KZ-CC-1",
			"--exporting",
			"KZ",
			"--importing",
			"KG",
			"--valid-from",
			&from,
			"--valid-until",
			&until,
			"--exporter",
			"990140000385",
			"--salt",
			"0a1b2c3d4e5f6071",
		];
		certificate(kz, Some(suri), &args)
	};
	let unknown = conformity_args("//Eve");
	assert!(
		unknown.stderr.contains("`conformity` is not a document type of this chain"),
		"{}",
		unknown.stderr
	);
	net.pass(
		1,
		&[
			"add-document-type",
			"--name",
			"conformity",
			"--un-code",
			"2",
			"--accreditation",
			"conformity",
			"--hs-codes-optional",
			"--unbounded-uses",
		],
	);
	let listed = net.check(certificate(kz, None, &["types"]).ok());
	assert!(listed.contains("conformity") && listed.contains("added by vote"), "{listed}");
	net.check(
		accredit(
			kz,
			"//Alice",
			"//Eve//conformity",
			"Kazakhstan Institute of Standardization",
			&["--role", "issuer", "--kind", "conformity"],
		)
		.ok(),
	);
	net.check(conformity_args("//Eve//conformity").ok());
	let conformity_id = id_of(kz, &conformity);
	let verdict = finalized_verdict(am, &conformity_id);
	let document = verdict.document.as_ref().unwrap();
	assert_eq!((document.kind.as_str(), verdict.valid), ("conformity", true));
	assert_eq!(document.declared_quantity, 0, "no quantity was declared");
	assert!(verdict.verdict.contains("no quantity declared"), "{}", verdict.verdict);
	net.check(use_by_id(kg, &conformity_id, "10702010/071226/0000005", "1000000").ok());

	// An auditor indexes the whole history in one go: blocks of both runtimes, each
	// decoded with its own metadata, the upgrade itself among the events.
	let index = dir.path().join("audit.sqlite").display().to_string();
	let head = am.rpc().block_number(Some(&am.rpc().finalized_hash().unwrap())).unwrap();
	let args = ["audit", "index", "--url", &am.rpc_url(), "--database", &index];
	net.check(tamga_tests::cli::run_cli(&[&args[..], &["--to", &head.to_string()]].concat()).ok());
	let mut store = tamga_index::store::Store::open(&index).unwrap();
	let mut ask = |sql: &str| -> Vec<String> {
		let rows = store.select(sql, &[]).unwrap();
		rows.into_iter().map(|r| format!("{:?}", r)).collect()
	};
	let per_version =
		ask("SELECT b.spec_version, COUNT(*) FROM events e JOIN blocks b ON b.number = e.block \
		 WHERE e.pallet = 'Certificates' GROUP BY b.spec_version ORDER BY b.spec_version");
	assert_eq!(per_version.len(), 2, "{per_version:?}");
	assert!(per_version[0].starts_with("[Int(113), Int("), "{per_version:?}");
	let new = format!("[Int({}), Int(", tamga_runtime::VERSION.spec_version);
	assert!(per_version[1].starts_with(&new), "{per_version:?}");
	let upgrade = ask("SELECT pallet, event FROM events WHERE event = 'CodeUpdated'");
	assert_eq!(upgrade, [r#"[Text("System"), Text("CodeUpdated")]"#]);
	let used = ask("SELECT office FROM events WHERE event = 'Used' ORDER BY block, position");
	assert!(used.len() >= 2 && used.iter().all(|o| o.contains("KGAKJ")), "{used:?}");
}
