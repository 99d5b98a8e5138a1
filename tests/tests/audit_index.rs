//! The auditors' index on a real four-validator `local` network, as an auditor runs it:
//! `tamga audit index` follows the chain into SQLite and into a private PostgreSQL cluster
//! while KZ's chamber anchors and endorses certificates, KG's border post uses one, KZ
//! certifies an AEO operator that KG acknowledges under their agreement, and KZ's
//! association issues a carnet. Both indexers are killed with SIGKILL mid-run and resumed;
//! a third index is built in one go. All three hold exactly the same rows (nothing lost,
//! nothing twice), every event the export names, and answer the auditors' queries and
//! statistics identically. An index refuses another chain's blocks, and bad periods and
//! unreachable databases are refused with a reason.

use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};
use tamga_index::store::{Cell, Store};
use tamga_tests::{
	binary::tamga_cli,
	cli::{account, accredit, client, ct1_facts, run_cli, today_plus, CliRun},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::TamgaNode,
	postgres::PostgresCluster,
	wait,
};

/// `tamga audit index --follow` into `database`, in the background.
fn follow(url: &str, database: &str) -> Child {
	Command::new(tamga_cli())
		.args(["audit", "index", "--url", url, "--database", database, "--follow"])
		.stdin(Stdio::null())
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.spawn()
		.expect("the tamga tool starts")
}

/// Waits until the index at `database` holds block `number`.
fn indexed(database: &str, number: u32) {
	wait::until(LIVENESS_TIMEOUT, &format!("{database} to hold block #{number}"), || {
		Store::open(database).ok()?.last_block().ok()?.filter(|last| *last >= number)
	})
	.unwrap_or_else(|e| panic!("{e}"));
}

/// Waits until the indexes hold `node`'s finalized head, then kills their indexers with
/// SIGKILL; returns that head.
fn kill_once_at_head(node: &TamgaNode, indexers: &mut [Child], databases: [&str; 2]) -> u32 {
	let head = node.rpc().block_number(Some(&node.rpc().finalized_hash().unwrap())).unwrap();
	for database in databases {
		indexed(database, head);
	}
	for indexer in indexers {
		indexer.kill().unwrap();
		indexer.wait().unwrap();
	}
	head
}

/// Every row of every table of the index, in key order, as text (a boolean as 0 or 1:
/// SQLite keeps them so).
fn dump(database: &str) -> Vec<String> {
	let mut store = Store::open(database).expect("the index opens");
	let tables = [
		("blocks", "number"),
		("calls", "block, extrinsic"),
		("events", "block, position"),
		("subjects", "pallet, id"),
		("parties", "account"),
	];
	let mut lines = Vec::new();
	for (table, key) in tables {
		for row in store.select(&format!("SELECT * FROM {table} ORDER BY {key}"), &[]).unwrap() {
			let cells: Vec<String> = row
				.into_iter()
				.map(|cell| match cell {
					Cell::Null => "∅".into(),
					Cell::Int(i) => i.to_string(),
					Cell::Bool(b) => u8::from(b).to_string(),
					Cell::Text(t) => t,
				})
				.collect();
			lines.push(format!("{table}: {}", cells.join(" | ")));
		}
	}
	lines
}

/// `tamga audit <args> --database <database>`: its standard output.
fn audit(database: &str, args: &[&str]) -> String {
	let mut all = vec!["audit"];
	all.extend_from_slice(args);
	all.extend_from_slice(&["--database", database]);
	let run = run_cli(&all);
	assert_eq!(run.code, Some(0), "{all:?}: {}{}", run.stdout, run.stderr);
	run.stdout
}

/// The JSON lines `tamga audit <args> --format jsonl` prints.
fn jsonl(database: &str, args: &[&str]) -> Vec<Value> {
	let mut all = args.to_vec();
	all.extend_from_slice(&["--format", "jsonl"]);
	audit(database, &all).lines().map(|l| serde_json::from_str(l).expect("JSON lines")).collect()
}

/// The `event` of each listed event.
fn events_named(events: &[Value]) -> Vec<String> {
	events.iter().map(|e| e["event"].as_str().unwrap_or_default().to_string()).collect()
}

fn refused(run: CliRun, reason: &str) {
	assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
	assert!(run.stderr.contains(reason), "expected `{reason}`: {}", run.stderr);
}

#[test]
fn the_history_indexes_into_sqlite_and_postgres_alike_across_kills() {
	let postgres = PostgresCluster::start().expect("a private PostgreSQL cluster");
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let (kz, kg, am) = (&net.nodes[0], &net.nodes[1], &net.nodes[2]);
	let url = am.rpc_url();
	let dir = tempfile::tempdir().unwrap();
	let resumed_sqlite = dir.path().join("resumed.sqlite").display().to_string();
	let straight_sqlite = dir.path().join("straight.sqlite").display().to_string();
	let resumed_postgres = postgres.create_database("resumed").unwrap();

	// Both indexers follow the chain from its start.
	let mut indexers = [follow(&url, &resumed_sqlite), follow(&url, &resumed_postgres)];

	// KZ accredits its chamber (certificates of origin and ATA guarantees) and an
	// exporter; KG its Ak-Jol border post.
	let kinds = ["--role", "issuer", "--kind", "origin", "--kind", "ata-guarantee"];
	net.check(accredit(kz, "//Alice", "//Eve", "KZ Chamber of Commerce", &kinds).ok());
	// (An exporter holds no document kinds: the first offer fails on chain, and the index
	// names its error.)
	let grain = "Astana Grain LLP";
	let wrong = ["--role", "exporter", "--kind", "origin"];
	refused(accredit(kz, "//Alice", "//AstanaGrain", grain, &wrong), "KindsMismatch");
	net.check(accredit(kz, "//Alice", "//AstanaGrain", grain, &["--role", "exporter"]).ok());
	let officer = ["--role", "officer", "--office", "KGAKJ"];
	net.check(accredit(kg, "//Bob", "//Ferdie", "Ak-Jol customs post", &officer).ok());

	// The chamber anchors a CT-1 (KZ to KG).
	let cert = |node, suri: &str, args: &[String]| {
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		net.check(client(node, "cert", Some(suri), &args).ok())
	};
	let file = |name: &str, text: &str| {
		let path = dir.path().join(name);
		std::fs::write(&path, text).unwrap();
		path.display().to_string()
	};
	let first = file("ct1-a.pdf", "%PDF CT-1 KZ-IX-0001 wheat");
	let with_facts = |action: &str, file: &str, number: &str| {
		let mut args = vec![action.to_string(), "--file".into(), file.into()];
		args.extend(ct1_facts(number, "1f2e3d4c5b6a7988"));
		args
	};
	cert(kz, "//Eve", &with_facts("register", &first, "KZ-IX-0001"));

	// Mid-run: both indexers are killed without warning.
	kill_once_at_head(am, &mut indexers, [&resumed_sqlite, &resumed_postgres]);

	// While they are down: the exporter applies for a second CT-1 and the chamber endorses
	// it; KG's post uses 400 kg of the first; the chamber revokes the first.
	let second = file("ct1-b.pdf", "%PDF CT-1 KZ-IX-0002 barley");
	cert(kz, "//AstanaGrain", &with_facts("apply", &second, "KZ-IX-0002"));
	cert(kz, "//Eve", &with_facts("endorse", &second, "KZ-IX-0002"));
	let id = {
		let run = client(am, "cert", None, &["verify", "--json", "--file", &first]);
		let answer: Value = serde_json::from_str(&run.stdout).expect("verify --json");
		answer["id"].as_str().unwrap().to_string()
	};
	let use_args = ["use", "--id", &id, "--declaration", "KG-DT-77", "--salt", "0a1b2c3d4e5f6a7b"];
	let mut use_args: Vec<String> = use_args.iter().map(|s| s.to_string()).collect();
	use_args.extend(["--quantity".into(), "400".into()]);
	cert(kg, "//Ferdie", &use_args);
	let revoke = ["revoke", "--file", &first, "--reason", "fraud", "--text", "forged stamp"];
	cert(kz, "//Eve", &revoke.map(String::from));

	// KZ and KG agree on AEO mutual recognition; KZ certifies an operator; KG acknowledges.
	let aeo =
		|node, suri: &str, args: &[&str]| net.check(client(node, "aeo", Some(suri), args).ok());
	let (from, until) = (today_plus(0), today_plus(365));
	let propose = [
		"propose",
		"--partner",
		"KG",
		"--scope",
		"security",
		"--valid-from",
		&from,
		"--valid-until",
		&until,
	];
	aeo(kz, "//Alice", &propose);
	aeo(kg, "//Bob", &["accept", "--mra", "0"]);
	let operator = ["--operator-id", "990140000385", "--salt", "c0ffee5d2a8e4b17"];
	let mut certify =
		vec!["certify", "--programme", "both", "--valid-from", &from, "--valid-until", &until];
	certify.extend_from_slice(&operator);
	aeo(kz, "//Alice", &certify);

	// The indexers resume; the AEO change they index is the one KG acknowledges.
	let mut indexers = [follow(&url, &resumed_sqlite), follow(&url, &resumed_postgres)];
	let head = am.rpc().block_number(Some(&am.rpc().finalized_hash().unwrap())).unwrap();
	indexed(&resumed_sqlite, head);
	let changed = jsonl(&resumed_sqlite, &["query", "--event", "Aeo.StatusChanged"]);
	assert_eq!(changed.len(), 1, "{changed:?}");
	let change = changed[0]["subject"].as_str().unwrap().to_string();
	aeo(kg, "//Bob", &["acknowledge", "--change", &change]);

	// KZ's association (the chamber) issues a carnet for KG.
	let list = file("general-list.pdf", "general list: 5 items");
	let carnet = [
		"issue",
		"--number",
		"KZ/2026/000777",
		"--holder",
		"990140000385",
		"--salt",
		"77aa01c94e5d3b28",
		"--country",
		"KG",
		"--items",
		"5",
		"--list",
		&list,
		"--valid-from",
		&from,
		"--valid-until",
		&today_plus(60),
	];
	net.check(client(kz, "carnet", Some("//Eve"), &carnet).ok());

	// Killed once more while following, then caught up to one block in one go each.
	let head = kill_once_at_head(am, &mut indexers, [&resumed_sqlite, &resumed_postgres]);
	let to = head.to_string();
	let index_to = |database: &str| {
		let args = ["audit", "index", "--url", &url, "--database", database, "--to", &to];
		net.check(run_cli(&args).ok());
	};
	let straight_postgres = postgres.create_database("straight").unwrap();
	for database in [&resumed_sqlite, &resumed_postgres, &straight_sqlite, &straight_postgres] {
		index_to(database);
	}
	// A resumed index may already hold blocks after `head`: compare up to `head`.

	// Straight and resumed, SQLite and PostgreSQL: the same rows, up to `head`.
	let upto = |database: &str| -> Vec<String> {
		dump(database)
			.into_iter()
			.filter(|line| {
				let block: Option<u32> =
					line.split_once(": ").and_then(|(table, rest)| match table {
						"blocks" | "calls" | "events" => rest.split(" | ").next()?.parse().ok(),
						_ => Some(0),
					});
				block.is_some_and(|b| b <= head)
			})
			.collect()
	};
	let reference = upto(&straight_sqlite);
	assert!(reference.len() > 80, "{reference:?}");
	for database in [&resumed_sqlite, &resumed_postgres, &straight_postgres] {
		assert_eq!(upto(database), reference, "{database} differs from a straight SQLite index");
	}

	// Every call with its signer and outcome, a failed one with its pallet's error's name.
	let failed = Store::open(&straight_postgres)
		.unwrap()
		.select("SELECT signer, pallet, call, error FROM calls WHERE NOT success", &[])
		.unwrap();
	let alice = Cell::Text(account("//Alice"));
	let offer = [alice, Cell::Text("Governance".into()), Cell::Text("accredit".into())];
	assert_eq!(failed, [[&offer[..], &[Cell::Text("Governance.KindsMismatch".into())]].concat()]);

	// Every event the export names is indexed, once.
	let export =
		net.check(run_cli(&["audit", "export", "--url", &url, "--from", "1", "--to", &to]).ok());
	let exported = export.lines().count();
	let events = jsonl(&straight_sqlite, &["query"]);
	assert_eq!(events.len(), exported, "{export}");

	// The auditors' questions, asked of both databases: the same answers.
	let eve = account("//Eve");
	let ferdie = account("//Ferdie");
	let today = today_plus(0);
	let month = today[..7].to_string();
	let questions: Vec<Vec<&str>> = vec![
		vec!["query", "--document", &id],
		vec!["query", "--issuer", &eve, "--event", "Certificates.Registered", "--month", &month],
		vec!["query", "--office", "kgakj"],
		vec!["query", "--country", "kz", "--partner", "kg", "--kind", "ct1"],
		vec!["query", "--carnet", "KZ/2026/000777"],
		vec!["query", "--operator", changed[0]["operator"].as_str().unwrap()],
		vec!["query", "--account", &ferdie, "--since", &today],
		vec!["stats", "issued"],
		vec!["stats", "uses"],
		vec!["stats", "endorsement"],
		vec!["stats", "acknowledgements"],
	];
	for question in &questions {
		let from_sqlite = jsonl(&straight_sqlite, question);
		assert_eq!(from_sqlite, jsonl(&straight_postgres, question), "{question:?}");
		assert_eq!(from_sqlite, jsonl(&resumed_postgres, question), "{question:?}");
	}
	let ask = |question: usize| jsonl(&straight_sqlite, &questions[question]);

	// A document's life, with the countries from its facts and the post's office.
	let life = ask(0);
	assert_eq!(events_named(&life), ["Registered", "Used", "Revoked"], "{life:?}");
	let ct1 = pallet_tamga_certificates::CertificateKind::from_built_in_name("ct1").unwrap();
	for event in &life {
		assert_eq!(
			(&event["issuer"], &event["country"], &event["partner"]),
			(&json!(eve), &json!("KZ"), &json!("KG"))
		);
		assert_eq!(event["kind"], json!(ct1.0.to_string()), "{event}");
	}
	assert_eq!((&life[1]["account"], &life[1]["office"]), (&json!(ferdie), &json!("KGAKJ")));
	assert_eq!(life[1]["fields"]["quantity"], json!("400"));
	// The issuer's documents this month: the registered one and the endorsed one.
	let issued = ask(1);
	assert_eq!(issued.len(), 2, "{issued:?}");
	assert_eq!(ask(2).len(), 1);
	assert_eq!(ask(3).iter().filter(|e| e["event"] == json!("Registered")).count(), 2);
	let carnet_events = ask(4);
	assert_eq!(carnet_events.len(), 1);
	assert_eq!(
		(&carnet_events[0]["event"], &carnet_events[0]["issuer"]),
		(&json!("Issued"), &json!(eve))
	);
	assert_eq!(events_named(&ask(5)), ["StatusChanged", "Acknowledged"]);
	assert_eq!(events_named(&ask(6)), ["Offered", "Accredited", "Used"]);

	// Statistics.
	let per_month = ask(7);
	assert_eq!(per_month.len(), 1, "{per_month:?}");
	assert_eq!(
		(
			&per_month[0]["issuer"],
			&per_month[0]["country"],
			&per_month[0]["partner"],
			&per_month[0]["documents"]
		),
		(&json!(eve), &json!("KZ"), &json!("KG"), &json!(2))
	);
	let uses = ask(8);
	assert_eq!(uses.len(), 1, "{uses:?}");
	let post = (&uses[0]["office"], &uses[0]["officer"], &uses[0]["country"], &uses[0]["uses"]);
	assert_eq!(post, (&json!("KGAKJ"), &json!(ferdie), &json!("KG"), &json!(1)));
	let endorsement = ask(9);
	assert_eq!((&endorsement[0]["issuer"], &endorsement[0]["count"]), (&json!(eve), &json!(1)));
	assert!(endorsement[0]["median_s"].as_f64().unwrap() > 0.0, "{endorsement:?}");
	let acknowledgements = ask(10);
	assert_eq!(
		(&acknowledgements[0]["partner"], &acknowledgements[0]["count"]),
		(&json!("KG"), &json!(1))
	);
	assert!(acknowledgements[0]["max_s"].as_f64().unwrap() > 0.0);
	// The human table and CSV carry the same rows.
	let table = audit(&straight_sqlite, &["query", "--document", &id]);
	assert!(table.contains("(3 rows)") && table.contains("KGAKJ"), "{table}");
	let csv = audit(&straight_sqlite, &["stats", "uses", "--format", "csv"]);
	assert!(csv.starts_with("office,officer,country,of,uses\nKGAKJ,"), "{csv}");

	// Refusals: another chain's index, a bad period, an unreachable database.
	let other = dir.path().join("other.sqlite").display().to_string();
	Store::open(&other).unwrap().bind_to_chain(&format!("0x{}", "ab".repeat(32))).unwrap();
	refused(
		run_cli(&["audit", "index", "--url", &url, "--database", &other]),
		"holds the chain whose genesis is 0xabab",
	);
	let bad_month =
		run_cli(&["audit", "query", "--database", &straight_sqlite, "--month", "2026-13"]);
	refused(bad_month, "month 13");
	let missing = dir.path().join("missing.sqlite").display().to_string();
	refused(run_cli(&["audit", "stats", "uses", "--database", &missing]), "there is no index at");
	assert!(!std::path::Path::new(&missing).exists(), "a query created {missing}");
	let nowhere = "postgres://tamga@127.0.0.1:1/none";
	refused(run_cli(&["audit", "query", "--database", nowhere]), "cannot connect to PostgreSQL");
	refused(
		run_cli(&["audit", "index", "--url", "ftp://x", "--database", &other]),
		"must start with http",
	);
	drop(net);
}
