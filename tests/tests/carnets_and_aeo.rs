//! ATA carnets and AEO mutual recognition on a real four-validator `local` network,
//! driven by the `tamga carnet` and `tamga aeo` commands the README documents.
//!
//! - A carnet issued by KZ's guaranteeing association is exported from KZ, imported into
//!   KG, re-exported from KG, re-imported into KZ and closed, each voucher recorded by
//!   the customs of the country concerned through its own node; AM's node, which saw none
//!   of it, reads the closed carnet and its movements from a finalized block. Vouchers the
//!   rules forbid are refused with the pallet's reason. (The claim after expiry needs the
//!   chain's clock a year on: the pallet's unit tests cover it.)
//! - An operator certified by KZ is recognised in KG once KG accepts KZ's agreement; from
//!   the block in which KZ suspends it, KG no longer recognises it; the change waits for
//!   KG's acknowledgement until KG records it.
//! - On the same network, the information space (`tamga exchange`): KZ proposes to share
//!   veterinary certificates' goods and parties with KG; KZ cannot accept its own terms,
//!   AM (no side) has none to accept or suspend; KG accepts what it read and AM's node
//!   shows what each side gives and receives. KZ's veterinary service commits to a
//!   certificate's field groups; a disclosure of two groups checks against the chain
//!   from AM's node, a tampered one does not, and a member account (not the author) may
//!   not commit. KG publishes its exchange key; KZ seals the disclosure to it; AM's secret
//!   does not open it, KG's does. KG acknowledges the two groups on chain (a group not granted is
//!   refused); under `read` it cannot append its control result, under `readAppend` it
//!   does. KG suspends the agreement and KZ cannot resume it.

use serde_json::{json, Value};
use tamga_rpc_types::{
	errors::INVALID_PARAMS,
	exchange::{
		AgreementsJson, DisclosedGroupJson, DisclosureFile, InboxItemJson, InboxState,
		OutboxItemJson, OutboxState, SentJson,
	},
};
use tamga_tests::{
	cli::{self, account, client, today_plus, CliRun},
	metrics::wait_for_metric,
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::TamgaNode,
	subscription::Subscription,
	wait,
};

/// Accredits `who` through `node`, signed by `member`, with `role` and extra `args`.
fn accredit(
	net: &LocalNetwork,
	node: &TamgaNode,
	member: &str,
	who: &str,
	name: &str,
	args: &[&str],
) {
	net.check(cli::accredit(node, member, who, name, args).ok());
}

/// Waits until `method(params…, finalized head)` on `node` satisfies `done` (`params`
/// gives `null` for the optional parameters before `at`, such as `page` and `limit`).
fn finalized_answer(
	node: &TamgaNode,
	method: &str,
	params: &[Value],
	done: impl Fn(&Value) -> bool,
) -> Value {
	wait::until(LIVENESS_TIMEOUT, &format!("{}'s finalized {method}", node.name), || {
		let rpc = node.rpc();
		let head = rpc.finalized_hash().ok()?;
		let mut all = params.to_vec();
		all.push(json!(head));
		rpc.call(method, Value::Array(all)).ok().filter(|answer| done(answer))
	})
	.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail(30)))
}

/// Waits until `node`'s best block shows the carnet satisfying `done` (the next voucher
/// goes through that node, which must have seen the previous one).
fn sees(node: &TamgaNode, what: &str, done: impl Fn(&Value) -> bool) {
	wait::until(LIVENESS_TIMEOUT, &format!("{} to see {what}", node.name), || {
		node.rpc().call("tamga_carnet", json!([NUMBER])).ok().filter(|answer| done(answer))
	})
	.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail(30)));
}

/// A refused transaction: exit 2 with the pallet's reason.
fn assert_refused(run: CliRun, reason: &str) {
	assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
	assert!(run.stderr.contains(reason), "expected {reason}: {}", run.stderr);
}

const NUMBER: &str = "KZ/2026/000123";

#[test]
fn a_carnet_goes_from_kz_to_kg_and_back_then_closes() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let (kz, kg, am) = (&net.nodes[0], &net.nodes[1], &net.nodes[2]);
	accredit(
		&net,
		kz,
		"//Alice",
		"//Eve",
		"NCCI of Kazakhstan (ATA)",
		&["--role", "issuer", "--kind", "ata-guarantee"],
	);
	accredit(
		&net,
		kz,
		"//Alice",
		"//KzCustoms",
		"Khorgos customs post",
		&["--role", "officer", "--office", "KZKHG"],
	);
	accredit(
		&net,
		kg,
		"//Bob",
		"//Ferdie",
		"Ak-Jol customs post",
		&["--role", "officer", "--office", "KGAKJ"],
	);
	accredit(
		&net,
		am,
		"//Charlie",
		"//AmCustoms",
		"Bagratashen customs post",
		&["--role", "officer", "--office", "AMBGR"],
	);
	let carnet = |node, suri, args: &[&str]| client(node, "carnet", Some(suri), args);
	let voucher = |node, suri, kind: &str, items: &str| {
		carnet(node, suri, &["voucher", "--number", NUMBER, "--voucher", kind, "--items", items])
	};

	// KZ's association issues a carnet for 5 items of exhibition equipment, for KG.
	let dir = tempfile::tempdir().unwrap();
	let list = dir.path().join("general-list.pdf");
	std::fs::write(&list, b"general list: 5 items of exhibition equipment").unwrap();
	let (from, until) = (today_plus(0), today_plus(60));
	let issue = [
		"issue",
		"--number",
		NUMBER,
		"--holder",
		"990140000385",
		"--salt",
		"77aa01c94e5d3b28",
		"--country",
		"KG",
		"--items",
		"5",
		"--list",
		list.to_str().unwrap(),
		"--valid-from",
		&from,
		"--valid-until",
		&until,
	];
	net.check(carnet(kz, "//Eve", &issue).ok());
	// A carnet valid for more than a year is refused.
	let long = [
		"issue",
		"--number",
		"KZ/2026/000124",
		"--holder",
		"h",
		"--salt",
		"5b2e8f0c6a4d1e97",
		"--country",
		"KG",
		"--items",
		"1",
		"--list",
		list.to_str().unwrap(),
		"--valid-from",
		&from,
		"--valid-until",
		&today_plus(400),
	];
	assert_refused(carnet(kz, "//Eve", &long), "Carnets(ValidityOverOneYear)");

	// Exportation from KZ by KZ's customs; KG's officer cannot record it.
	assert_refused(voucher(kg, "//Ferdie", "exportation", "5"), "Carnets(NotIssuingCountry)");
	net.check(voucher(kz, "//KzCustoms", "exportation", "5").ok());
	sees(kg, "the exportation", |c| c["inMotion"] == json!(5));
	// AM is not a country of use: its customs cannot import the goods.
	assert_refused(voucher(am, "//AmCustoms", "importation", "5"), "Carnets(CountryNotListed)");
	// Importation into KG, then re-exportation of no more than was imported.
	net.check(voucher(kg, "//Ferdie", "importation", "5").ok());
	sees(kz, "the importation", |c| c["countries"][0]["imported"] == json!(5));
	assert_refused(
		voucher(kz, "//KzCustoms", "re-importation", "1"),
		"Carnets(ExceedsItemsInMotion)",
	);
	assert_refused(voucher(kg, "//Ferdie", "re-exportation", "6"), "Carnets(ExceedsImported)");
	// The association cannot close while KG holds the goods.
	assert_refused(carnet(kz, "//Eve", &["close", "--number", NUMBER]), "Carnets(GoodsStillHeld)");
	net.check(voucher(kg, "//Ferdie", "re-exportation", "5").ok());
	sees(kz, "the re-exportation", |c| c["inMotion"] == json!(5));
	net.check(voucher(kz, "//KzCustoms", "re-importation", "5").ok());
	net.check(carnet(kz, "//Eve", &["close", "--number", NUMBER]).ok());
	assert_refused(voucher(kz, "//KzCustoms", "exportation", "1"), "Carnets(CarnetClosed)");

	// AM's node reads the closed carnet from a finalized block.
	let answer =
		finalized_answer(am, "tamga_carnet", &[json!(NUMBER)], |a| a["state"] == json!("closed"));
	assert_eq!(answer["association"]["name"], json!("NCCI of Kazakhstan (ATA)"));
	assert_eq!(answer["association"]["account"], json!(account("//Eve")));
	assert_eq!(answer["issuingCountry"], json!("KZ"));
	assert_eq!((answer["atHome"].clone(), answer["inMotion"].clone()), (json!(5), json!(0)));
	assert_eq!(answer["countries"], json!([{ "country": "KG", "imported": 0, "inTransit": 0 }]));
	assert_eq!(
		(answer["validFrom"].clone(), answer["validUntil"].clone()),
		(json!(from), json!(until))
	);
	assert_eq!(answer["at"]["finalized"], json!(true));
	assert!(answer["verdict"].as_str().unwrap().starts_with("CLOSED"), "{answer}");

	// Its movements name each voucher, country and officer, on canonical blocks.
	let movements = net.check(am.rpc().call("tamga_carnetMovements", json!([NUMBER])));
	let entries = movements["entries"].as_array().expect("entries");
	let steps: Vec<(String, String, String)> = entries
		.iter()
		.map(|e| {
			let action = &e["action"];
			(
				action["type"].as_str().unwrap().to_string(),
				action["voucher"].as_str().unwrap_or("").to_string(),
				e["actor"].as_str().unwrap().to_string(),
			)
		})
		.collect();
	let step = |kind: &str, voucher: &str, who: &str| {
		(kind.to_string(), voucher.to_string(), account(who))
	};
	assert_eq!(
		steps,
		vec![
			step("issued", "", "//Eve"),
			step("voucher", "exportation", "//KzCustoms"),
			step("voucher", "importation", "//Ferdie"),
			step("voucher", "reExportation", "//Ferdie"),
			step("voucher", "reImportation", "//KzCustoms"),
			step("closed", "", "//Eve"),
		]
	);
	assert_eq!(
		(movements["total"].clone(), movements["page"].clone(), movements["limit"].clone()),
		(json!(6), json!(0), json!(256))
	);
	// A page at a time: page 1 of 4 entries a page holds the last two.
	let second = net.check(am.rpc().call("tamga_carnetMovements", json!([NUMBER, 1, 4])));
	let kinds: Vec<&str> = second["entries"]
		.as_array()
		.expect("entries")
		.iter()
		.map(|e| e["action"]["type"].as_str().unwrap())
		.collect();
	assert_eq!((kinds, second["total"].clone()), (vec!["voucher", "closed"], json!(6)));
	let too_many = net.check(am.rpc().refusal("tamga_carnetMovements", json!([NUMBER, 0, 257])));
	assert_eq!(too_many.code, INVALID_PARAMS, "{too_many:?}");
	assert!(too_many.message.contains("limit must be 1 to 256"), "{too_many:?}");
	for entry in entries {
		let number = entry["block"].as_u64().unwrap() as u32;
		assert_eq!(entry["blockHash"].as_str(), am.rpc().block_hash(number).unwrap().as_deref());
	}

	// The CLI reads it too; an unknown number exits 1.
	let shown = net.check(client(am, "carnet", None, &["show", "--number", NUMBER]).ok());
	assert!(shown.contains("status:    CLOSED"), "{shown}");
	let paged = ["movements", "--number", NUMBER, "--page", "1", "--limit", "4"];
	let paged = net.check(client(am, "carnet", None, &paged).ok());
	assert!(paged.contains("page 1 of pages 0 to 1: entries 5 to 6 of 6"), "{paged}");
	let unknown = client(am, "carnet", None, &["show", "--number", "KZ/0000/000000"]);
	assert_eq!(unknown.code, Some(1), "{}", unknown.stderr);
	assert!(unknown.stdout.contains("no carnet numbered `KZ/0000/000000`"), "{}", unknown.stdout);
}

#[test]
fn kz_and_kg_agree_on_recognition_and_on_sharing_data() {
	let mut net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	a_kz_operator_is_recognised_in_kg_until_kz_suspends_it(&net);
	let shared = kz_shares_veterinary_goods_and_parties_with_kg(&net);
	kz_delivers_to_kg_between_their_nodes(&mut net, &shared);
}

/// What the sharing steps leave for the delivery steps.
struct Shared {
	/// Holds the files below.
	_dir: tempfile::TempDir,
	/// KZ's veterinary certificate (0x and hex).
	document: String,
	/// A disclosure of its goods and parties.
	disclosure: std::path::PathBuf,
	/// KG's exchange secret, whose public key KG published.
	kg_secret: std::path::PathBuf,
	/// KG's control result, appended to the document as record 0.
	control: std::path::PathBuf,
}

fn a_kz_operator_is_recognised_in_kg_until_kz_suspends_it(net: &LocalNetwork) {
	let (kz, kg, am) = (&net.nodes[0], &net.nodes[1], &net.nodes[2]);
	let aeo = |node, suri: Option<&str>, args: &[&str]| client(node, "aeo", suri, args);
	let operator = ["--operator-id", "990140000385", "--salt", "c0ffee5d2a8e4b17"];
	let by_on = |who: &str, day: &str| {
		let mut args = vec!["recognition", "--country", "KZ"];
		args.extend_from_slice(&operator);
		args.extend_from_slice(&["--by", who]);
		if !day.is_empty() {
			args.extend_from_slice(&["--on", day]);
		}
		aeo(am, None, &args)
	};
	let by = |who: &str| by_on(who, "");

	// KZ certifies its operator for AEO-F (security and simplifications) for a year.
	let mut certify = vec!["certify", "--programme", "both", "--valid-from"];
	let (from, until) = (today_plus(0), today_plus(365));
	certify.extend_from_slice(&[&from, "--valid-until", &until]);
	certify.extend_from_slice(&operator);
	net.check(aeo(kz, Some("//Alice"), &certify).ok());
	// KG cannot suspend KZ's operator: for KG that commitment is no operator of its own.
	let mut suspend = vec!["suspend", "--reason", "criteria-not-met", "--text", "audit 2026-11"];
	suspend.extend_from_slice(&operator);
	assert_refused(aeo(kg, Some("//Bob"), &suspend), "Aeo(UnknownOperator)");

	// Without an agreement, KG does not recognise it (exit 1).
	let before = wait::until(LIVENESS_TIMEOUT, "the certification to reach AM's node", || {
		Some(by("KG")).filter(|run| run.stdout.contains("no mutual recognition agreement"))
	});
	assert_eq!(net.check(before).code, Some(1));

	// KZ proposes an agreement to KG; KZ cannot accept its own proposal; KG accepts.
	let (mra_from, mra_until) = (today_plus(0), today_plus(730));
	let propose = [
		"propose",
		"--partner",
		"KG",
		"--scope",
		"security",
		"--valid-from",
		&mra_from,
		"--valid-until",
		&mra_until,
	];
	net.check(aeo(kz, Some("//Alice"), &propose).ok());
	assert_refused(aeo(kz, Some("//Alice"), &["accept", "--mra", "0"]), "Aeo(NotParty)");
	net.check(aeo(kg, Some("//Bob"), &["accept", "--mra", "0"]).ok());
	let recognised = wait::until(LIVENESS_TIMEOUT, "AM's node to see the agreement", || {
		Some(by("KG")).filter(|run| run.code == Some(0))
	});
	let recognised = net.check(recognised);
	assert!(recognised.stdout.contains("RECOGNISED by KG as AEO-S"), "{}", recognised.stdout);

	// Asked about a day after the certification's last day, recognition says it expired.
	let later = by_on("KG", &today_plus(400));
	assert_eq!(later.code, Some(1), "{}", later.stdout);
	assert!(later.stdout.contains("the certification is expired"), "{}", later.stdout);

	// KZ suspends it: KG no longer recognises it, from that block on.
	net.check(aeo(kz, Some("//Alice"), &suspend).ok());
	let kz_operator = {
		let mut args = vec!["status", "--json", "--country", "KZ"];
		args.extend_from_slice(&operator);
		let run = net.check(aeo(am, None, &args).ok());
		let status: Value = serde_json::from_str(&run).expect("status --json prints JSON");
		status["operator"].as_str().unwrap().to_string()
	};
	let recognition = [json!(kz_operator), json!("KG")];
	let answer = finalized_answer(am, "tamga_aeoRecognition", &recognition, |a| {
		a["recognised"] == json!(false)
	});
	assert_eq!(
		(answer["reason"].clone(), answer["state"].clone()),
		(json!("notCertified"), json!("suspended"))
	);
	let status = finalized_answer(am, "tamga_aeoStatus", &[json!(kz_operator)], |s| {
		s["state"] == json!("suspended")
	});
	assert_eq!(status["reason"], json!("criteriaNotMet"));
	let suspended_in = status["effectiveBlock"].as_u64().unwrap();
	let earlier = am.rpc().block_hash(suspended_in as u32 - 1).unwrap().expect("a block before");
	let still =
		net.check(am.rpc().call("tamga_aeoRecognition", json!([kz_operator, "KG", earlier])));
	assert_eq!(still["recognised"], json!(true), "recognised in the block before the suspension");
	let changes: Vec<&str> = status["changes"]
		.as_array()
		.unwrap()
		.iter()
		.map(|c| c["status"].as_str().unwrap())
		.collect();
	assert_eq!(changes, vec!["suspended", "certified"]);

	// The suspension waits for KG's acknowledgement; KG records it.
	let pending = net.check(kg.rpc().call("tamga_pendingAcknowledgements", json!(["KG"])));
	let listed = pending["pending"].as_array().unwrap();
	assert_eq!((listed.len(), pending["total"].clone()), (1, json!(1)), "{pending}");
	assert_eq!((pending["page"].clone(), pending["limit"].clone()), (json!(0), json!(1000)));
	assert_eq!(
		(listed[0]["operator"].as_str(), listed[0]["status"].as_str()),
		(Some(kz_operator.as_str()), Some("suspended"))
	);
	let change = listed[0]["change"].as_u64().unwrap().to_string();
	assert_refused(
		aeo(am, Some("//Charlie"), &["acknowledge", "--change", &change]),
		"Aeo(NothingToAcknowledge)",
	);
	// Monitoring sees the change waiting for KG (at the last finalized block).
	let pending_gauge = |holds: fn(f64) -> bool| {
		net.check(wait_for_metric(
			kg,
			"tamga_aeo_pending_acknowledgements",
			&[],
			LIVENESS_TIMEOUT,
			holds,
		))
	};
	pending_gauge(|v| v == 1.0);
	net.check(aeo(kg, Some("//Bob"), &["acknowledge", "--change", &change]).ok());
	pending_gauge(|v| v == 0.0);
	let kg_page_zero = [json!("KG"), Value::Null, Value::Null];
	let after = finalized_answer(am, "tamga_pendingAcknowledgements", &kg_page_zero, |p| {
		p["pending"] == json!([])
	});
	assert_eq!(after["administration"], json!("KG"));

	// Malformed operators are errors with a message.
	let malformed = net.check(am.rpc().refusal("tamga_aeoStatus", json!(["KZ-123"])));
	assert_eq!(malformed.code, INVALID_PARAMS, "{malformed:?}");
	assert!(malformed.message.contains("CC:0x"), "{malformed:?}");
}

fn kz_shares_veterinary_goods_and_parties_with_kg(net: &LocalNetwork) -> Shared {
	let (kz, kg, am) = (&net.nodes[0], &net.nodes[1], &net.nodes[2]);
	let exchange = |node, suri: Option<&str>, args: &[&str]| client(node, "exchange", suri, args);

	// KZ proposes symmetric terms; KZ cannot accept them, AM is no side.
	let propose = [
		"propose",
		"--partner",
		"KG",
		"--give",
		"veterinary:goods=read",
		"--give",
		"veterinary:parties=read",
	];
	net.check(exchange(kz, Some("//Alice"), &propose).ok());
	let own = exchange(kz, Some("//Alice"), &["accept", "--partner", "KG"]);
	assert_eq!(own.code, Some(2), "{}", own.stdout);
	assert!(own.stderr.contains("KZ's own proposal"), "{}", own.stderr);
	let stranger = exchange(am, Some("//Charlie"), &["accept", "--partner", "KZ"]);
	assert_eq!(stranger.code, Some(2), "{}", stranger.stdout);
	assert!(stranger.stderr.contains("KZ has proposed no terms to AM"), "{}", stranger.stderr);
	assert_refused(
		exchange(am, Some("//Charlie"), &["suspend", "--partner", "KZ"]),
		"Exchange(NoAgreement)",
	);

	// KG accepts the terms it read; AM's node shows each side's view.
	let accepted = net.check(exchange(kg, Some("//Bob"), &["accept", "--partner", "KZ"]).ok());
	assert!(
		accepted.contains("you give: veterinary:parties=read, veterinary:goods=read"),
		"{accepted}"
	);
	let kg_view =
		finalized_answer(am, "tamga_exchangeAgreements", &[json!("KG"), Value::Null], |a| {
			a["agreements"][0]["state"] == json!("active")
		});
	let kg_view: AgreementsJson = serde_json::from_value(kg_view).expect("typed answer");
	let agreement = &kg_view.agreements[0];
	assert_eq!(agreement.partner.to_string(), "KZ");
	assert!(agreement.symmetric && agreement.proposal.is_none());
	let groups: Vec<String> =
		agreement.receives.iter().map(|g| format!("{}:{}={}", g.kind, g.group, g.access)).collect();
	assert_eq!(groups, ["veterinary:parties=read", "veterinary:goods=read"]);
	assert_eq!(agreement.gives, agreement.receives);
	let listed = net.check(exchange(am, None, &["agreements", "--country", "AM"]).ok());
	assert!(listed.contains("AM has no data-sharing agreement"), "{listed}");

	// KZ's veterinary service anchors a certificate and commits to its field groups.
	let vet = ["--role", "issuer", "--kind", "veterinary"];
	accredit(net, kz, "//Alice", "//Ferdie", "KZ veterinary service", &vet);
	let dir = tempfile::tempdir().unwrap();
	let paper = dir.path().join("vet.pdf");
	std::fs::write(&paper, b"%PDF veterinary certificate KZ-VET-0777 beef to KG").unwrap();
	let facts = cli::veterinary_facts("KZ-VET-0777", "0d6f3a9b2c5e7d11");
	let mut register = vec!["register", "--file", paper.to_str().unwrap()];
	register.extend(facts.iter().map(String::as_str));
	net.check(client(kz, "cert", Some("//Ferdie"), &register).ok());
	let document =
		tamga_tests::rpc::to_hex(&sp_io::hashing::blake2_256(&std::fs::read(&paper).unwrap()));
	let (goods, parties) = (dir.path().join("goods.xml"), dir.path().join("parties.xml"));
	std::fs::write(&goods, "<Goods><HS>100199</HS><Net unit=\"KGM\">1000</Net></Goods>").unwrap();
	std::fs::write(&parties, "<Exporter>KZ 990140000385</Exporter>").unwrap();
	let fields = dir.path().join("fields.json");
	let commit = |suri, out: &std::path::Path| {
		let mut args = vec!["commit", "--document", &document, "--out"];
		args.push(out.to_str().unwrap());
		let goods_arg = format!("goods={}", goods.display());
		let parties_arg = format!("parties={}", parties.display());
		args.extend_from_slice(&["--group", &goods_arg, "--group", &parties_arg]);
		exchange(kz, Some(suri), &args)
	};
	let not_author = commit("//Alice", &dir.path().join("alice.json"));
	assert_eq!(not_author.code, Some(2), "{}", not_author.stdout);
	assert!(not_author.stderr.contains("Custom error: 2"), "{}", not_author.stderr);
	let committed = net.check(commit("//Ferdie", &fields).ok());
	assert!(committed.contains("field commitment: 0x"), "{committed}");
	// Committing again would lose the salts that match the chain: refused.
	let again = commit("//Ferdie", &dir.path().join("again.json"));
	assert_eq!(again.code, Some(2), "{}", again.stdout);
	assert!(again.stderr.contains("is committed already"), "{}", again.stderr);

	// A disclosure of goods and parties (the other groups hidden) checks against the chain
	// on AM's node; a tampered one does not.
	let disclosure = dir.path().join("disclosure.json");
	let disclose = [
		"disclose",
		"--fields",
		fields.to_str().unwrap(),
		"--reveal",
		"goods,parties",
		"--out",
		disclosure.to_str().unwrap(),
	];
	net.check(run_offline(&disclose));
	let file: DisclosureFile =
		serde_json::from_str(&std::fs::read_to_string(&disclosure).unwrap()).unwrap();
	let revealed =
		file.groups.iter().filter(|g| matches!(g, DisclosedGroupJson::Revealed { .. })).count();
	assert_eq!((file.groups.len(), revealed), (6, 2));

	// KG publishes its exchange key; KZ seals the disclosure to it; only KG's secret opens
	// it, and what it opens is the disclosure KZ sealed.
	let (kg_secret, am_secret) = (dir.path().join("kg.secret"), dir.path().join("am.secret"));
	let keygen = net.check(run_offline(&["keygen", "--out", kg_secret.to_str().unwrap()]));
	let public = keygen.lines().find_map(|l| l.strip_prefix("public key: ")).expect("printed");
	let set_key = ["set-key", "--secret-file", kg_secret.to_str().unwrap()];
	net.check(exchange(kg, Some("//Bob"), &set_key).ok());
	let published =
		finalized_answer(kz, "tamga_exchangeKey", &[json!("KG")], |k| k["key"].is_string());
	assert_eq!(published["key"], json!(public));
	let sealed = dir.path().join("sealed.json");
	let seal = ["seal", "--disclosure", disclosure.to_str().unwrap(), "--from", "KZ", "--to", "KG"];
	net.check(exchange(kz, None, &[&seal[..], &["--out", sealed.to_str().unwrap()]].concat()).ok());
	net.check(run_offline(&["keygen", "--out", am_secret.to_str().unwrap()]));
	let opened = dir.path().join("opened.json");
	let open = |secret: &std::path::Path| {
		let args = ["open", "--sealed", sealed.to_str().unwrap(), "--secret-file"];
		run_offline(
			&[&args[..], &[secret.to_str().unwrap(), "--out", opened.to_str().unwrap()]].concat(),
		)
	};
	let refused = open(&am_secret).expect_err("AM's secret does not open it");
	assert!(refused.contains("does not open"), "{refused}");
	net.check(open(&kg_secret));
	assert_eq!(std::fs::read(&opened).unwrap(), std::fs::read(&disclosure).unwrap());
	let check = || exchange(am, None, &["check", "--disclosure", opened.to_str().unwrap()]);
	let valid = wait::until(LIVENESS_TIMEOUT, "AM's node to see the commitment", || {
		Some(check()).filter(|run| run.code == Some(0))
	});
	let valid = net.check(valid);
	assert!(
		valid.stdout.contains(&format!("VALID: parties, goods of document {document} match")),
		"{}",
		valid.stdout
	);

	// KG acknowledges the two groups on chain; a group the agreement does not grant is
	// refused; under `read` KG cannot append its control result.
	let in_block = |suri, args: &[&str]| {
		let all = [&["--wait", "in-block"][..], args].concat();
		exchange(kg, Some(suri), &all)
	};
	let receipt = ["receipt", "--from", "KZ", "--document", &document, "--status", "acknowledged"];
	let delivered =
		[&receipt[..], &["--groups", "parties,goods", "--payload", sealed.to_str().unwrap()]]
			.concat();
	net.check(exchange(kg, Some("//Bob"), &delivered).ok());
	let other_delivery =
		[&receipt[..], &["--groups", "transport", "--payload", disclosure.to_str().unwrap()]]
			.concat();
	assert_refused(in_block("//Bob", &other_delivery), "Exchange(NotGranted)");
	let control = dir.path().join("control.xml");
	std::fs::write(&control, "<Control><Result>compliant</Result></Control>").unwrap();
	let append = [
		"append",
		"--document",
		&document,
		"--kind",
		"control",
		"--file",
		control.to_str().unwrap(),
	];
	assert_refused(in_block("//Bob", &append), "Exchange(AppendNotGranted)");
	// Under `readAppend` on the goods it can.
	let wider = [
		"propose",
		"--partner",
		"KG",
		"--give",
		"veterinary:goods=readAppend",
		"--give",
		"veterinary:parties=read",
	];
	net.check(exchange(kz, Some("//Alice"), &wider).ok());
	net.check(exchange(kg, Some("//Bob"), &["accept", "--partner", "KZ"]).ok());
	net.check(exchange(kg, Some("//Bob"), &append).ok());
	let appended = finalized_answer(am, "tamga_exchangeAppendices", &[json!(document)], |a| {
		a["appendices"].as_array().is_some_and(|list| !list.is_empty())
	});
	assert_eq!(
		(appended["appendices"][0]["by"].clone(), appended["appendices"][0]["kind"].clone()),
		(json!("KG"), json!("control"))
	);
	let receipts = net.check(exchange(am, None, &["receipts", "--country", "KG"]).ok());
	assert!(
		receipts.contains(&format!("from KZ document {document}: acknowledged, parties, goods")),
		"{receipts}"
	);

	let mut tampered = file.clone();
	for group in &mut tampered.groups {
		if let DisclosedGroupJson::Revealed { content, .. } = group {
			content.push_str("00");
		}
	}
	std::fs::write(&opened, serde_json::to_string(&tampered).unwrap()).unwrap();
	let refused = check();
	assert_eq!(refused.code, Some(1), "{}{}", refused.stdout, refused.stderr);
	assert!(refused.stdout.contains("NOT GENUINE"), "{}", refused.stdout);

	// KG suspends the agreement; only KG may resume it.
	net.check(exchange(kg, Some("//Bob"), &["suspend", "--partner", "KZ"]).ok());
	assert_refused(
		exchange(kz, Some("//Alice"), &["resume", "--partner", "KG"]),
		"Exchange(NotSuspendedByYou)",
	);
	let shown = net.check(exchange(kz, None, &["agreements", "--country", "KZ"]).ok());
	assert!(shown.contains("with KG: suspended by KG"), "{shown}");
	assert_eq!(appended["appendices"][0]["index"], json!(0));
	Shared { _dir: dir, document, disclosure, kg_secret, control }
}

/// Where delivery `id` stands in `node`'s outbox.
fn outbox_row(node: &TamgaNode, id: i64) -> Option<OutboxItemJson> {
	let rows = node.rpc().call("tamga_exchangeOutbox", json!([null])).ok()?;
	let rows: Vec<OutboxItemJson> = serde_json::from_value(rows).expect("typed answer");
	rows.into_iter().find(|row| row.id == id)
}

/// Where the delivery with `payload` stands in `node`'s inbox.
fn inbox_row(node: &TamgaNode, payload: &str) -> Option<InboxItemJson> {
	let rows = node.rpc().call("tamga_exchangeInbox", json!([null, null])).ok()?;
	let rows: Vec<InboxItemJson> = serde_json::from_value(rows).expect("typed answer");
	rows.into_iter().find(|row| row.payload == payload)
}

/// Waits until `what` holds, naming `node`'s log if it never does.
fn wait_for<T>(node: &TamgaNode, what: &str, check: impl FnMut() -> Option<T>) -> T {
	wait::until(LIVENESS_TIMEOUT, what, check)
		.unwrap_or_else(|e| panic!("{e}\n{}", node.log_tail(40)))
}

/// KZ's node delivers the disclosure to KG's node over the consortium's network: kept and
/// retried while KG's node is down, stored by KG's node (which survives a crash), receipted
/// on chain by KG's exchange node once KG accredits it; KG's single window, following the
/// inbox, opens it and acknowledges it. Nothing goes where no agreement lets it, nor what
/// does not match the commitment, nor while the agreement is suspended.
fn kz_delivers_to_kg_between_their_nodes(net: &mut LocalNetwork, shared: &Shared) {
	fn exchange(node: &TamgaNode, suri: Option<&str>, args: &[&str]) -> CliRun {
		client(node, "exchange", suri, args)
	}
	let disclosure = shared.disclosure.to_str().unwrap();
	net.check(exchange(&net.nodes[1], Some("//Bob"), &["resume", "--partner", "KZ"]).ok());
	// KZ's node receives too (records returned to KZ): KZ publishes its key and restarts
	// its node with the secret.
	let kz_secret = shared.disclosure.with_file_name("kz.secret");
	net.check(run_offline(&["keygen", "--out", kz_secret.to_str().unwrap()]));
	let set_key = ["set-key", "--secret-file", kz_secret.to_str().unwrap()];
	net.check(exchange(&net.nodes[0], Some("//Alice"), &set_key).ok());
	finalized_answer(&net.nodes[0], "tamga_exchangeKey", &[json!("KZ")], |k| k["key"].is_string());
	net.nodes[0].kill();
	let kz_args = ["--exchange-secret".to_string(), kz_secret.display().to_string()];
	net.nodes[0].extra_args.extend(kz_args);
	net.nodes[0].start();
	finalized_answer(&net.nodes[0], "tamga_exchangeAgreements", &[json!("KZ"), json!("KG")], |a| {
		a["agreements"][0]["state"] == json!("active")
	});

	// KG's node stops; it will come back with KG's exchange secret and an exchange-node key
	// in its keystore (not accredited yet).
	net.nodes[1].kill();
	let kg = &mut net.nodes[1];
	let insert = [
		"key",
		"insert",
		"--chain",
		&kg.chain,
		"--base-path",
		kg.base_path.to_str().unwrap(),
		"--scheme",
		"sr25519",
		"--suri",
		"//Bob//exchange",
		"--key-type",
		"tmgx",
	];
	let inserted = tamga_tests::node::run_tamga(&insert);
	assert!(inserted.status.success(), "{}", String::from_utf8_lossy(&inserted.stderr));
	kg.extra_args.extend(["--exchange-secret".to_string(), shared.kg_secret.display().to_string()]);

	// Meanwhile KZ's node keeps the delivery and retries.
	let kz = &net.nodes[0];
	let sent = net.check(
		exchange(kz, None, &["send", "--disclosure", disclosure, "--to", "KG", "--json"]).ok(),
	);
	let sent: SentJson = serde_json::from_str(&sent).expect("typed answer");
	assert_eq!(sent.groups.len(), 2, "{sent:?}");
	let retried = wait_for(kz, "KZ's node to retry while KG's is down", || {
		outbox_row(kz, sent.id).filter(|row| row.attempts >= 2)
	});
	assert_eq!(retried.state, OutboxState::Queued, "{retried:?}");
	assert!(retried.last_error.is_some(), "{retried:?}");
	let queued = [("state", "queued")];
	net.check(wait_for_metric(kz, "tamga_exchange_outbox", &queued, LIVENESS_TIMEOUT, |v| {
		v == 1.0
	}));
	let later = [("result", "later")];
	let attempts = "tamga_exchange_attempts_total";
	net.check(wait_for_metric(kz, attempts, &later, LIVENESS_TIMEOUT, |v| v >= 2.0));

	// KG's node comes back and takes it, but cannot receipt it yet; killed and restarted,
	// it still has it.
	net.nodes[1].start();
	let (kz, kg) = (&net.nodes[0], &net.nodes[1]);
	let taken = wait_for(kg, "KG's node to take the delivery", || {
		inbox_row(kg, &sent.payload).filter(|row| row.state == InboxState::Accepted)
	});
	assert_eq!(
		(taken.from.to_string(), taken.document.clone()),
		("KZ".into(), shared.document.clone())
	);
	wait_for(kz, "KZ's node to see it taken", || {
		outbox_row(kz, sent.id).filter(|row| row.state == OutboxState::Sent)
	});
	net.nodes[1].kill();
	net.nodes[1].start();
	let kg = &net.nodes[1];
	let kept = wait_for(kg, "KG's node to come back", || inbox_row(kg, &sent.payload));
	assert_eq!(kept.state, InboxState::Accepted, "{kept:?}");
	// KG's single window follows its node's inbox instead of polling it.
	let mut follow =
		net.check(Subscription::open(kg, "tamga_exchangeSubscribeInbox", json!(["KZ"])));

	// KG accredits its node's account: the node records the receipt, KZ's node sees it.
	accredit(net, kg, "//Bob", "//Bob//exchange", "KG exchange node", &["--role", "exchange-node"]);
	let (kz, kg, am) = (&net.nodes[0], &net.nodes[1], &net.nodes[2]);
	let done = wait_for(kz, "KG's receipt to be final on KZ's node", || {
		outbox_row(kz, sent.id).filter(|row| row.state == OutboxState::Receipted)
	});
	assert_eq!(done.receipt.map(|r| r.to_string()), Some("delivered".into()), "{done:?}");
	let delivered = wait_for(kg, "KG's node to see its receipt", || {
		inbox_row(kg, &sent.payload).filter(|row| row.state == InboxState::Delivered)
	});
	assert!(delivered.receipt_block.is_some(), "{delivered:?}");
	let receipts = net.check(exchange(&net.nodes[2], None, &["receipts", "--country", "KG"]).ok());
	let line = format!("from KZ document {}: delivered, parties, goods", shared.document);
	assert!(receipts.contains(&line), "{receipts}");
	let state_is = |state: &'static str| {
		let payload = json!(sent.payload);
		move |item: &Value| item["payload"] == payload && item["state"] == json!(state)
	};
	let told = follow.next_matching(LIVENESS_TIMEOUT, state_is("delivered"));
	assert!(told.is_some(), "the subscription never told of the delivered receipt");

	// The single window opens it (what KZ disclosed, nothing else), and acknowledges it.
	let key = ["--from", "KZ", "--document", &shared.document, "--payload", &sent.payload];
	let shown = shared.disclosure.with_file_name("shown.json");
	let show = [&["show"][..], &key, &["--out", shown.to_str().unwrap()]].concat();
	net.check(exchange(kg, None, &show).ok());
	let read = |path: &std::path::Path| -> DisclosureFile {
		serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
	};
	assert_eq!(read(&shown), read(&shared.disclosure));
	let elsewhere = exchange(am, None, &show);
	assert_eq!(elsewhere.code, Some(2), "{}", elsewhere.stdout);
	assert!(elsewhere.stderr.contains("no delivery"), "{}", elsewhere.stderr);
	net.check(exchange(kg, None, &[&["ack"][..], &key].concat()).ok());
	let told = follow.next_matching(LIVENESS_TIMEOUT, state_is("acknowledged"));
	assert!(told.is_some(), "the subscription never told of the acknowledgement");
	let again = exchange(kg, None, &[&["ack"][..], &key].concat());
	assert_eq!(again.code, Some(2), "{}", again.stdout);

	// KG returns its control result (appended under readAppend) to KZ; KZ's node checks it
	// against the hash on chain and KZ opens it. A record that is not the one appended
	// never leaves KG's node.
	let control = shared.control.to_str().unwrap();
	let record = ["return", "--document", &shared.document, "--appendix", "0", "--to", "KZ"];
	net.check(exchange(kg, None, &[&record[..], &["--file", control]].concat()).ok());
	let returned = wait_for(kz, "KZ's node to receive KG's control result", || {
		let rows = kz.rpc().call("tamga_exchangeInbox", json!(["KG", null])).ok()?;
		let rows: Vec<InboxItemJson> = serde_json::from_value(rows).expect("typed answer");
		rows.into_iter().find(|row| row.appendix == Some(0))
	});
	assert_eq!(returned.state, InboxState::Delivered, "{returned:?}");
	let got = shared.disclosure.with_file_name("got-control.xml");
	let key = ["--from", "KG", "--document", &shared.document, "--payload", &returned.payload];
	net.check(
		exchange(kz, None, &[&["show"][..], &key, &["--out", got.to_str().unwrap()]].concat()).ok(),
	);
	assert_eq!(std::fs::read(&got).unwrap(), std::fs::read(&shared.control).unwrap());
	let forged = shared.disclosure.with_file_name("forged.xml");
	std::fs::write(&forged, "<Control><Result>non-compliant</Result></Control>").unwrap();
	let refused =
		exchange(kg, None, &[&record[..], &["--file", forged.to_str().unwrap()]].concat());
	assert_eq!(refused.code, Some(2), "{}", refused.stdout);
	assert!(refused.stderr.contains("its hash differs"), "{}", refused.stderr);

	// AM has no agreement with KZ: nothing is sent to it, and its node holds nothing.
	let to_am = exchange(kz, None, &["send", "--disclosure", disclosure, "--to", "AM"]);
	assert_eq!(to_am.code, Some(2), "{}", to_am.stdout);
	assert!(to_am.stderr.contains("KZ and AM have no agreement"), "{}", to_am.stderr);
	let am_inbox = net.check(exchange(am, None, &["inbox"]).ok());
	assert!(am_inbox.contains("0 deliveries"), "{am_inbox}");

	// A disclosure whose revealed goods were changed never leaves KZ's node.
	let mut file: DisclosureFile =
		serde_json::from_str(&std::fs::read_to_string(disclosure).unwrap()).unwrap();
	for group in &mut file.groups {
		if let DisclosedGroupJson::Revealed { content, .. } = group {
			content.push_str("00");
		}
	}
	let tampered = shared.disclosure.with_file_name("tampered.json");
	std::fs::write(&tampered, serde_json::to_string(&file).unwrap()).unwrap();
	let refused =
		exchange(kz, None, &["send", "--disclosure", tampered.to_str().unwrap(), "--to", "KG"]);
	assert_eq!(refused.code, Some(2), "{}", refused.stdout);
	assert!(refused.stderr.contains("does not match"), "{}", refused.stderr);

	// Suspended, the agreement lets nothing through.
	net.check(exchange(kg, Some("//Bob"), &["suspend", "--partner", "KZ"]).ok());
	let suspended = wait_for(kz, "KZ's node to refuse while suspended", || {
		let run = exchange(kz, None, &["send", "--disclosure", disclosure, "--to", "KG"]);
		Some(run).filter(|run| run.stderr.contains("agreementNotActive"))
	});
	assert_eq!(suspended.code, Some(2), "{}", suspended.stdout);
}

/// `tamga exchange <args>` with no node (the offline commands).
fn run_offline(args: &[&str]) -> Result<String, String> {
	let all = [&["exchange"][..], args].concat();
	cli::run_cli(&all).ok()
}
