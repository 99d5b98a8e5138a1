//! The border posts' verification page (`tamga serve`) in a real headless Chromium, on a
//! real four-validator network: KZ's chamber anchors a valid, a revoked, a replaced and a
//! used-up certificate and a batch of veterinary certificates; the page, opened by an
//! English and a Russian browser, says of each dropped file what the chain holds (three
//! checks, remaining quantity, history), says NOT GENUINE of a one-byte-changed file,
//! verifies a batch member with its proof file, a QR code's link and a paper's number,
//! and refuses what is not a read. The tool says the same in Russian (`--lang`, `LANG`).
//! Screenshots are kept in `artefacts/page/`.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::json;
use tamga_tests::{
	browser::{artefacts_dir, Browser, PAGE_TIMEOUT},
	cli::{accredit, client, ct1_facts, run_cli, CliRun},
	network::LocalNetwork,
	node::TamgaNode,
	page::PageServer,
};

/// A result card as the page shows it.
#[derive(Deserialize, Debug)]
struct Card {
	status: String,
	valid: String,
	headline: String,
	checks: std::collections::HashMap<String, CheckView>,
	facts: std::collections::HashMap<String, String>,
	history: Vec<String>,
}

/// One check as the page shows it.
#[derive(Deserialize, Debug)]
struct CheckView {
	code: String,
	passed: String,
	text: String,
}

/// What the page's result area shows.
#[derive(Deserialize, Debug)]
struct View {
	state: String,
	cards: Vec<Card>,
	notes: Vec<String>,
	error: Option<String>,
	#[serde(rename = "elapsedMs")]
	elapsed_ms: Option<String>,
	answered: Option<String>,
}

impl View {
	/// The only card, or a panic saying what the page showed.
	fn card(&self) -> &Card {
		assert_eq!(self.cards.len(), 1, "one result: {self:#?}");
		&self.cards[0]
	}
}

/// Reads the result area (as the officer sees it) into a [`View`].
const READ_VIEW: &str = r#"(() => {
  const r = document.getElementById("result");
  const text = (node) => (node ? node.textContent : null);
  return {
    state: r.dataset.state,
    elapsedMs: r.dataset.elapsedMs || null,
    error: text(r.querySelector(".error")),
    answered: text(r.querySelector(".answered")),
    notes: Array.from(r.querySelectorAll(".note"), text),
    cards: Array.from(r.querySelectorAll("article"), (card) => ({
      status: card.dataset.status,
      valid: card.dataset.valid,
      headline: text(card.querySelector("h2")),
      checks: Object.fromEntries(Array.from(card.querySelectorAll("li[data-check]"), (li) =>
        [li.dataset.check, { code: li.dataset.code, passed: li.dataset.passed, text: text(li.querySelector(".text")) }])),
      facts: Object.fromEntries(Array.from(card.querySelectorAll("dd[data-fact]"), (dd) => [dd.dataset.fact, dd.textContent])),
      history: Array.from(card.querySelectorAll(".history li"), text),
    })),
  };
})()"#;

/// Does `act` on the page, waits for its answer and returns what it shows; keeps a
/// screenshot as `<lang>-<name>.png`.
fn answer(browser: &mut Browser, lang: &str, name: &str, act: impl FnOnce(&mut Browser)) -> View {
	browser.eval("document.getElementById('result').dataset.state = 'idle'");
	act(browser);
	browser
		.wait_for(
			"['done', 'error'].includes(document.getElementById('result').dataset.state)",
			PAGE_TIMEOUT,
		)
		.unwrap_or_else(|e| panic!("{lang}/{name}: {e}"));
	browser.screenshot(&artefacts_dir().join("page").join(format!("{lang}-{name}.png")));
	serde_json::from_value(browser.eval(READ_VIEW)).expect("the page's result reads")
}

/// Drops `files` on the page.
fn drop_files(browser: &mut Browser, lang: &str, name: &str, files: &[&Path]) -> View {
	answer(browser, lang, name, |b| b.choose_files("files", files))
}

/// `tamga cert` through `node`, signed by `suri`.
fn cert(node: &TamgaNode, suri: &str, args: &[&str]) -> CliRun {
	client(node, "cert", Some(suri), args)
}

/// Writes `bytes` to `dir/name` and returns its path.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
	let path = dir.join(name);
	std::fs::write(&path, bytes).unwrap();
	path
}

/// The facts of a CT-1 numbered `number`, as arguments.
fn facts(number: &str) -> Vec<String> {
	ct1_facts(number, &format!("salt-of-{number}-0123456789"))
}

/// `cert register --file <file> <facts of number> <extra>` by the chamber.
fn register(net: &LocalNetwork, file: &Path, number: &str, extra: &[&str]) -> String {
	let facts = facts(number);
	let mut args = vec!["register", "--file", file.to_str().unwrap()];
	args.extend(facts.iter().map(String::as_str));
	args.extend_from_slice(extra);
	net.check(cert(&net.nodes[0], "//Eve", &args).ok())
}

struct Documents {
	valid: PathBuf,
	revoked: PathBuf,
	replaced: PathBuf,
	used_up: PathBuf,
	member: PathBuf,
	member_proof: PathBuf,
	tampered: PathBuf,
	/// A veterinary certificate anchored from its UN/CEFACT SPS e-Cert message.
	veterinary_xml: PathBuf,
	/// The QR code's link of the valid document, opening the page.
	valid_link: String,
}

/// Anchors the documents the page is shown: valid (with a QR code opening `page`),
/// revoked, replaced, used up, and a batch of three veterinary certificates.
fn anchor(net: &LocalNetwork, dir: &Path, page: &PageServer) -> Documents {
	let (kz, kg) = (&net.nodes[0], &net.nodes[1]);
	net.check(
		accredit(
			kz,
			"//Alice",
			"//Eve",
			"KZ Chamber",
			&["--role", "issuer", "--kind", "origin", "--kind", "veterinary"],
		)
		.ok(),
	);
	net.check(
		accredit(
			kg,
			"//Bob",
			"//Ferdie",
			"Ak-Jol post",
			&["--role", "officer", "--office", "KGAKJ"],
		)
		.ok(),
	);

	let valid = write(dir, "ct1-valid.pdf", b"%PDF CT-1 KZ-2026-0101 wheat");
	let qr = dir.join("ct1-valid.qr");
	let anchored = register(
		net,
		&valid,
		"KZ-2026-0101",
		&["--qr", qr.to_str().unwrap(), "--qr-base", &page.url("/")],
	);
	let valid_link = anchored
		.lines()
		.find_map(|line| line.split(" (").nth(1).filter(|_| line.starts_with("QR code: ")))
		.map(|link| link.trim_end_matches(')').to_string())
		.unwrap_or_else(|| panic!("register --qr prints the code's link: {anchored}"));

	let revoked = write(dir, "ct1-revoked.pdf", b"%PDF CT-1 KZ-2026-0102 barley");
	register(net, &revoked, "KZ-2026-0102", &[]);
	net.check(
		cert(
			kz,
			"//Eve",
			&[
				"revoke",
				"--file",
				revoked.to_str().unwrap(),
				"--reason",
				"fraud",
				"--text",
				"forged",
			],
		)
		.ok(),
	);

	let replaced = write(dir, "ct1-replaced.pdf", b"%PDF CT-1 KZ-2026-0103 first issue");
	register(net, &replaced, "KZ-2026-0103", &[]);
	let replacement = write(dir, "ct1-replacement.pdf", b"%PDF CT-1 KZ-2026-0104 corrected");
	let old_id = id_of(kz, &replaced);
	let facts = facts("KZ-2026-0104");
	let mut args = vec!["replace", "--old", &old_id, "--file", replacement.to_str().unwrap()];
	args.extend(facts.iter().map(String::as_str));
	net.check(cert(kz, "//Eve", &args).ok());

	let used_up = write(dir, "ct1-used.pdf", b"%PDF CT-1 KZ-2026-0105 oats");
	register(net, &used_up, "KZ-2026-0105", &[]);
	net.check(
		cert(
			kg,
			"//Ferdie",
			&[
				"use",
				"--file",
				used_up.to_str().unwrap(),
				"--declaration",
				"10702010/071226/0012345",
				"--salt",
				"9c1e4b7a2d5f8036",
				"--quantity",
				"1000",
			],
		)
		.ok(),
	);

	let batch = dir.join("batch");
	let proofs = dir.join("proofs");
	std::fs::create_dir_all(&batch).unwrap();
	for n in 1..=3 {
		write(
			&batch,
			&format!("vet-{n}.pdf"),
			format!("%PDF veterinary certificate {n}").as_bytes(),
		);
	}
	net.check(
		cert(
			kz,
			"//Eve",
			&[
				"batch",
				"--folder",
				batch.to_str().unwrap(),
				"--kind",
				"veterinary",
				"--proofs",
				proofs.to_str().unwrap(),
			],
		)
		.ok(),
	);

	// A veterinary certificate anchored from the SPS e-Cert its issuer's system wrote.
	let sample = tamga_tests::binary::workspace_root()
		.join("node/cli/src/xml_in/samples/sps-veterinary.xml");
	let veterinary_xml = write(dir, "vet-KZ-VET-2026-000731.xml", &std::fs::read(sample).unwrap());
	let until = tamga_tests::cli::today_plus(30);
	let anchored = net.check(
		cert(
			kz,
			"//Eve",
			&[
				"register",
				"--xml",
				veterinary_xml.to_str().unwrap(),
				"--valid-from",
				&tamga_tests::cli::today_plus(0),
				"--valid-until",
				&until,
				"--salt",
				"vet-salt-0123456789",
				"--exporter",
				"990140000999",
			],
		)
		.ok(),
	);
	assert!(anchored.contains("(UN/CEFACT SPSCertificate:17, issued by Committee"), "{anchored}");
	assert!(
		anchored.contains("note: tariff code 02062900 read as HS subheading 020629"),
		"{anchored}"
	);
	assert!(
		anchored.contains("--exporter 990140000999 overrides 990140000385 at rsm:SPSCertificate/"),
		"the override is reported: {anchored}"
	);

	let mut bytes = std::fs::read(&valid).unwrap();
	bytes[5] ^= 0x01;
	let tampered = write(dir, "ct1-valid-tampered.pdf", &bytes);
	Documents {
		valid,
		revoked,
		replaced,
		used_up,
		member: batch.join("vet-2.pdf"),
		member_proof: proofs.join("vet-2.pdf.proof.json"),
		tampered,
		veterinary_xml,
		valid_link,
	}
}

/// The id `verify --json` reports for `file`.
fn id_of(node: &TamgaNode, file: &Path) -> String {
	let run = client(node, "verify", None, &["--json", file.to_str().unwrap()]);
	let answer: serde_json::Value = serde_json::from_str(&run.stdout).expect("verify --json");
	answer["id"].as_str().expect("an id").to_string()
}

/// The words the page shows in `lang`.
struct Words {
	valid: &'static str,
	invalid: &'static str,
	not_genuine: &'static str,
	fraud: &'static str,
	remaining: &'static str,
	anchored: &'static str,
	used: &'static str,
	finalized: &'static str,
	veterinary: &'static str,
}

fn words(lang: &str) -> Words {
	match lang {
		"ru" => Words {
			valid: "ДЕЙСТВИТЕЛЕН",
			invalid: "НЕДЕЙСТВИТЕЛЕН",
			not_genuine: "НЕ ПОДЛИННЫЙ",
			fraud: "(мошенничество)",
			remaining: "1000 из 1000 KGM",
			anchored: "зарегистрирован",
			used: "использовано 1000 KGM",
			finalized: "окончательному",
			veterinary: "ветеринарный сертификат № KZ-VET-2026-000731",
		},
		_ => Words {
			valid: "VALID",
			invalid: "INVALID",
			not_genuine: "NOT GENUINE",
			fraud: "(fraud)",
			remaining: "1000 of 1000 KGM",
			anchored: "anchored",
			used: "1000 KGM used",
			finalized: "finalized",
			veterinary: "veterinary certificate no. KZ-VET-2026-000731",
		},
	}
}

/// An officer whose browser speaks `lang` checks every document on the page.
fn officer_checks_every_document(page: &PageServer, docs: &Documents, lang: &str, accept: &str) {
	let w = words(lang);
	let mut browser = Browser::start(accept);
	// The browser's language chooses the page's.
	browser.open(&page.url("/"));
	assert_eq!(browser.eval("document.documentElement.lang"), json!(lang));

	let valid = drop_files(&mut browser, lang, "valid", &[&docs.valid]);
	let card = valid.card();
	assert_eq!(
		(card.status.as_str(), card.valid.as_str(), card.headline.as_str()),
		("valid", "true", w.valid)
	);
	assert_eq!(card.checks["integrity"].code, "anchored");
	assert_eq!(card.checks["identity"].code, "accredited");
	assert!(card.checks["identity"].text.contains("KZ Chamber"), "{card:#?}");
	assert_eq!(card.facts["remaining"], w.remaining);
	assert!(card.history.iter().any(|h| h.contains(w.anchored)), "{card:#?}");
	assert!(valid.elapsed_ms.is_some());
	// Officers act on final answers: the page reads the last finalized block.
	let answered = valid.answered.clone().unwrap_or_default();
	assert!(answered.contains(w.finalized), "{answered}");

	let xml = drop_files(&mut browser, lang, "veterinary-xml", &[&docs.veterinary_xml]);
	let card = xml.card();
	assert_eq!(card.status, "valid", "{card:#?}");
	assert_eq!(card.facts["document"], w.veterinary);
	assert_eq!(card.facts["remaining"].split(' ').next(), Some("24000"), "{card:#?}");

	let tampered = drop_files(&mut browser, lang, "tampered", &[&docs.tampered]);
	let card = tampered.card();
	assert_eq!((card.status.as_str(), card.headline.as_str()), ("notAnchored", w.not_genuine));
	assert_eq!(card.checks["integrity"].passed, "false");

	let revoked = drop_files(&mut browser, lang, "revoked", &[&docs.revoked]);
	let card = revoked.card();
	assert_eq!((card.status.as_str(), card.headline.as_str()), ("revoked", w.invalid));
	assert!(card.checks["status"].text.contains(w.fraud), "{card:#?}");

	let replaced = drop_files(&mut browser, lang, "replaced", &[&docs.replaced]);
	assert_eq!(replaced.card().status, "replaced");

	let used = drop_files(&mut browser, lang, "used-up", &[&docs.used_up]);
	let card = used.card();
	assert_eq!(card.status, "usedUp");
	assert!(card.history.iter().any(|h| h.contains(w.used)), "{card:#?}");

	let member =
		drop_files(&mut browser, lang, "batch-member", &[&docs.member, &docs.member_proof]);
	let card = member.card();
	assert_eq!((card.status.as_str(), card.valid.as_str()), ("valid", "true"));
	assert_eq!(card.checks["integrity"].code, "batchMember");
	// Another member's file with this proof is not the document the proof is for.
	let other = docs.member.with_file_name("vet-1.pdf");
	let mismatch =
		drop_files(&mut browser, lang, "batch-wrong-file", &[&other, &docs.member_proof]);
	assert_eq!(mismatch.state, "error", "{mismatch:#?}");
	assert!(mismatch.error.as_deref().is_some_and(|e| e.contains("vet-1.pdf")), "{mismatch:#?}");

	let by_number = answer(&mut browser, lang, "by-number", |b| {
		b.eval("document.getElementById('country').value = 'kz'; document.getElementById('number').value = 'KZ-2026-0102'; document.getElementById('number-form').requestSubmit()");
	});
	let card = by_number.card();
	assert_eq!(
		(card.status.as_str(), card.checks["integrity"].code.as_str()),
		("revoked", "numberOnly")
	);
	let nothing = answer(&mut browser, lang, "by-number-none", |b| {
		b.eval("document.getElementById('number').value = 'KZ-2026-9999'; document.getElementById('number-form').requestSubmit()");
	});
	assert!(nothing.cards.is_empty() && nothing.notes.len() == 1, "{nothing:#?}");

	// A QR code's link opens the page and verifies what it names.
	let opened = answer(&mut browser, lang, "qr-link", |b| b.open(&docs.valid_link));
	assert_eq!(opened.card().status, "valid");
	// A link of another chain is not genuine here.
	let foreign = replace_chain(&docs.valid_link);
	let elsewhere = answer(&mut browser, lang, "qr-other-chain", |b| {
		b.eval(&format!(
			"document.getElementById('link').value = {}; document.getElementById('link-form').requestSubmit()",
			json!(foreign)
		));
	});
	assert_eq!(elsewhere.card().headline, w.not_genuine);
}

/// `link` with its chain's genesis hash replaced by another.
fn replace_chain(link: &str) -> String {
	let start = link.find("chain=0x").expect("a chain") + "chain=0x".len();
	format!("{}{}{}", &link[..start], "11".repeat(32), &link[start + 64..])
}

#[test]
fn officers_verify_on_the_page_in_russian_and_english() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	// The page of AM's administration reads from AM's node.
	let page = PageServer::start(&net.nodes[2].rpc_url());
	let dir = tempfile::tempdir().unwrap();
	let docs = anchor(&net, dir.path(), &page);

	// What is not a read of the page is refused, with a reason.
	let (status, head, _) = page.request("POST", "/api/verify?id=0x00");
	assert_eq!(status, 405, "{head}");
	assert!(head.to_ascii_lowercase().contains("allow: get, head"), "{head}");
	assert_eq!(page.request("DELETE", "/").0, 405);
	assert_eq!(page.request("GET", "/../Cargo.toml").0, 404);
	assert_eq!(page.request("GET", "/api/submit").0, 404);
	let (status, _, body) = page.request("GET", "/api/verify?id=0x12&lang=ru");
	assert_eq!(status, 400);
	assert!(body.contains("error.notAnId") && body.contains("не является id"), "{body}");
	let long = format!("/api/verify?id={}", "a".repeat(9000));
	assert_eq!(page.request("GET", &long).0, 414);
	let (status, head, _) = page.request("GET", "/");
	assert_eq!(status, 200);
	assert!(head.contains("script-src 'self' 'wasm-unsafe-eval'"), "{head}");

	officer_checks_every_document(&page, &docs, "en", "en-US,en");
	officer_checks_every_document(&page, &docs, "ru", "ru-RU,ru");

	// The language switch says the answer again in the language chosen.
	let mut browser = Browser::start("en-US,en");
	browser.open(&page.url("/"));
	drop_files(&mut browser, "en", "before-switch", &[&docs.revoked]);
	let switched = answer(&mut browser, "ru", "after-switch", |b| {
		b.eval("const s = document.getElementById('lang'); s.value = 'ru'; s.dispatchEvent(new Event('change'))");
	});
	assert_eq!(switched.card().headline, "НЕДЕЙСТВИТЕЛЕН");

	// The tool says the same in Russian: by --lang, or by the locale.
	let am = &net.nodes[2];
	let ru = run_cli(&[
		"--lang",
		"ru",
		"verify",
		"--url",
		&am.rpc_url(),
		docs.revoked.to_str().unwrap(),
	]);
	assert_eq!(ru.code, Some(1), "{}{}", ru.stdout, ru.stderr);
	assert!(ru.stdout.contains("статус:"), "{}", ru.stdout);
	assert!(
		ru.stdout.contains("НЕДЕЙСТВИТЕЛЕН: отозван эмитентом (мошенничество)"),
		"{}",
		ru.stdout
	);
	let by_locale = std::process::Command::new(tamga_tests::binary::tamga_cli())
		.args(["verify", "--url", &am.rpc_url(), "--country", "KZ", "--number", "KZ-2026-0101"])
		.env("LANG", "ru_RU.UTF-8")
		.env_remove("LC_ALL")
		.env_remove("LC_MESSAGES")
		.output()
		.unwrap();
	let stdout = String::from_utf8_lossy(&by_locale.stdout);
	assert_eq!(by_locale.status.code(), Some(0), "{stdout}");
	assert!(stdout.contains("подлинность:") && stdout.contains("ДЕЙСТВИТЕЛЕН"), "{stdout}");
	let error = run_cli(&["--lang", "ru", "verify", "--url", &am.rpc_url(), "--id", "0x12"]);
	assert_eq!(error.code, Some(2));
	assert!(
		error.stderr.starts_with("Ошибка: --id `0x12` не является id документа"),
		"{}",
		error.stderr
	);
	let unknown = run_cli(&["--lang", "xx", "verify", "--id", "0x12"]);
	assert_eq!(unknown.code, Some(2));
	assert!(
		unknown.stderr.contains("`xx`") && unknown.stderr.contains("en, ru"),
		"{}",
		unknown.stderr
	);
}
