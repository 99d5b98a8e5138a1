//! `tamga verify` and `tamga cert verify`/`verify-member`: a border officer's check of a
//! document by its file, id, QR code or paper number, printed as three checks, the
//! document's facts and the verdict, in the language of the run (`--lang`, or the
//! locale).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sp_core::H256;
use tamga_primitives::CountryCode;
use tamga_rpc_types::{
	errors::{NOT_A_MEMBER, UNKNOWN_BATCH},
	BatchProofFile, BatchVerdict, DocumentMatches, DocumentVerdict,
};

use crate::{
	qr::QrPayload,
	speech::{
		explain::{self, Said},
		Catalogue,
	},
	support::{blake2, Verdict},
	tx::{to_hex, Rpc},
};

/// Verify a document: by its file, its id, the QR code printed on its paper, or its
/// paper's country and number.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true)))]
pub struct VerifyCmd {
	/// The node to talk to.
	#[command(flatten)]
	pub connection: crate::tx::Connection,
	/// The document's file: its id is blake2-256 of its bytes.
	#[arg(group = "what")]
	pub file: Option<PathBuf>,
	/// The document's id, `0x` and 64 hex digits, instead of its file.
	#[arg(long, group = "what")]
	pub id: Option<String>,
	/// A QR code printed on the paper, as a PNG image (a scan, or the file `register
	/// --qr` wrote): verifies the document (or batch member) it names.
	#[arg(long, group = "what", value_name = "FILE.png")]
	pub qr: Option<PathBuf>,
	/// The certificate number printed on a paper, with --country: finds the documents
	/// issuers of that country anchored under it (their integrity is only that the number
	/// matches; the file proves the exact document).
	#[arg(long, group = "what", requires = "country")]
	pub number: Option<String>,
	/// The issuing country of --number (ISO 3166-1 alpha-2).
	#[arg(long, requires = "number")]
	pub country: Option<CountryCode>,
	/// With --number: only this issuer's document (SS58 account).
	#[arg(long, requires = "number")]
	pub issuer: Option<String>,
	/// Which block answers.
	#[command(flatten)]
	pub read: crate::finality::ReadAt,
	/// Print the node's JSON answer.
	#[arg(long)]
	pub json: bool,
}

impl VerifyCmd {
	/// Verifies the document (or finds it by number) and prints the verdict.
	pub fn run(&self) -> Result<Verdict, String> {
		// What is asked about is read and checked before the node is asked anything.
		let id = match (&self.number, &self.qr) {
			(None, None) => Some(document_id(self.file.as_deref(), self.id.as_deref())?),
			_ => None,
		};
		let code = self.qr.as_deref().map(read_qr).transpose()?;
		let rpc = self.connection.rpc()?;
		let at = self.read.block(&rpc)?;
		if let (Some(number), Some(country)) = (&self.number, self.country) {
			return find(&rpc, country, number, self.issuer.as_deref(), at, self.json);
		}
		if let Some(code) = code {
			return verify_qr(&rpc, code, at, self.json);
		}
		let id =
			id.ok_or_else(|| say("error.missing", &[("what", &"FILE, --id, --qr, --number")]))?;
		verify(&rpc, id, self.file.as_deref(), at, self.json)
	}
}

/// The language of this run.
fn lang() -> &'static Catalogue {
	Catalogue::current()
}

/// Message `key` in the language of this run.
fn say(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
	lang().say(key, args)
}

/// The bytes of the file at `path`, or why they cannot be read (in the run's language).
fn read(path: &Path) -> Result<Vec<u8>, String> {
	std::fs::read(path)
		.map_err(|e| say("error.readFile", &[("path", &path.display()), ("reason", &e)]))
}

/// The id of the document in `file`, or the id given as `id`.
pub fn document_id(file: Option<&Path>, id: Option<&str>) -> Result<H256, String> {
	match (file, id) {
		(Some(file), _) => Ok(blake2(&read(file)?)),
		(None, Some(id)) => tamga_rpc::hex::parse_h256("--id", id)
			.map_err(|_| say("error.notAnId", &[("what", &"--id"), ("text", &id)])),
		(None, None) => Err(say("error.missing", &[("what", &"--file, --id")])),
	}
}

/// The labels a verdict's lines start with.
const LABELS: &[&str] = &[
	"check.integrity",
	"check.status",
	"check.identity",
	"fact.file",
	"fact.code",
	"fact.document",
	"fact.issuer",
	"fact.route",
	"fact.goods",
	"fact.validity",
	"fact.remaining",
	"fact.batch",
	"fact.warning",
	"fact.verdict",
];

/// How wide a label with its colon is padded, so that the lines' values align in the
/// run's language (10 in English: `integrity:`).
fn label_width() -> usize {
	LABELS.iter().map(|key| lang().word(key).chars().count() + 1).max().unwrap_or(10)
}

/// Prints one line: `label:` padded, then `text`.
fn print_line(label: &str, text: &str) {
	let width = label_width();
	println!("{:<width$} {text}", format!("{label}:"));
}

/// Prints `said`: its checks, facts and verdict, labels aligned.
fn print_said(said: &Said) {
	for check in &said.checks {
		print_line(&check.label, &format!("{:<3} {}", check.mark, check.text));
	}
	for fact in &said.facts {
		print_line(&fact.label, &fact.value);
	}
	print_line(&lang().word("fact.verdict"), &said.verdict);
	for line in &said.history {
		println!("  {line}");
	}
}

/// Prints a fact line before a verdict (the file hashed, the code read), aligned with it.
fn print_fact(key: &str, value: &str) {
	print_line(&lang().word(key), value);
}

/// Prints the line saying which block answered.
fn print_answered_from(at: &tamga_rpc_types::BlockRef) {
	println!("{} {}", lang().word("fact.answeredFrom"), explain::block(at, lang()));
}

/// Prints the JSON of `answer`.
fn print_json<T: serde::Serialize>(answer: &T) {
	println!("{}", serde_json::to_string_pretty(answer).expect("JSON serialises"));
}

/// The exit of a check whose answer is `valid`.
fn outcome(valid: bool) -> Verdict {
	if valid {
		Verdict::Done
	} else {
		Verdict::Invalid
	}
}

/// Asks the node for its verdict on document `id`.
fn ask_verdict(rpc: &Rpc, id: H256, at: Option<String>) -> Result<DocumentVerdict, String> {
	let mut params = vec![json!(to_hex(id.as_bytes()))];
	params.extend(at.map(|at| json!(at)));
	Ok(rpc.ask("tamga_verifyDocument", Value::Array(params))?)
}

/// Prints the verdict on document `id` (hashed from `file`, if given).
pub fn verify(
	rpc: &Rpc,
	id: H256,
	file: Option<&Path>,
	at: Option<String>,
	json: bool,
) -> Result<Verdict, String> {
	let answer = ask_verdict(rpc, id, at)?;
	if json {
		print_json(&answer);
	} else {
		if let (Some(file), Some(_)) = (file, &answer.document) {
			let value = say("value.file", &[("file", &file.display()), ("id", &answer.id)]);
			print_fact("fact.file", &value);
		}
		print_said(&explain::document(&answer, lang()));
		print_answered_from(&answer.at);
	}
	Ok(outcome(answer.valid))
}

/// Finds the documents issuers of `country` anchored under `number` (only `issuer`'s if
/// named) and prints each verdict; the answer is yes if one of them may be accepted.
fn find(
	rpc: &Rpc,
	country: CountryCode,
	number: &str,
	issuer: Option<&str>,
	at: Option<String>,
	json: bool,
) -> Result<Verdict, String> {
	let mut params = vec![json!(country.to_string()), json!(number), json!(issuer)];
	params.extend(at.map(|at| json!(at)));
	let answer: DocumentMatches = rpc.ask("tamga_findDocument", Value::Array(params))?;
	if json {
		print_json(&answer);
	} else if answer.matches.is_empty() {
		println!("{}", explain::not_found(&answer, lang()));
	} else {
		let count = answer.matches.len();
		for (i, verdict) in answer.matches.iter().enumerate() {
			if count > 1 {
				let index = i + 1;
				let line = say(
					"value.matchOf",
					&[("index", &index), ("count", &count), ("id", &verdict.id)],
				);
				println!("{line}");
			}
			print_said(&explain::document(verdict, lang()));
		}
		if answer.more {
			println!("{} (--issuer)", say("verdict.more", &[]));
		}
		print_answered_from(&answer.at);
	}
	Ok(outcome(answer.matches.iter().any(|v| v.valid)))
}

/// The link of the QR code in the PNG image at `path`.
fn read_qr(path: &Path) -> Result<QrPayload, String> {
	let image = read(path)?;
	let text = crate::qr::read_png(&image)
		.map_err(|e| say("error.badQrImage", &[("path", &path.display()), ("reason", &e)]))?;
	text.parse().map_err(|e: String| {
		say("error.notACode", &[("path", &path.display()), ("reason", &format!("{e}: {text}"))])
	})
}

/// The hash of the node's genesis block: the chain a QR code names.
pub fn genesis(rpc: &Rpc) -> Result<H256, String> {
	let hash = rpc.call("chain_getBlockHash", json!([0]))?;
	tamga_rpc::hex::parse_h256("genesis hash", hash.as_str().unwrap_or_default())
}

/// Verifies what the QR code `payload` names, on this node's chain.
fn verify_qr(
	rpc: &Rpc,
	payload: QrPayload,
	at: Option<String>,
	json: bool,
) -> Result<Verdict, String> {
	let chain = genesis(rpc)?;
	if payload.chain != chain {
		let (code, chain) = (to_hex(payload.chain.as_bytes()), to_hex(chain.as_bytes()));
		println!("{}", say("verdict.otherChain", &[("code", &code), ("chain", &chain)]));
		return Ok(Verdict::Invalid);
	}
	if let Some(proof) = payload.proof {
		let member = BatchProofFile { id: to_hex(payload.id.as_bytes()), proof };
		return verify_proof(rpc, member, json);
	}
	let answer = ask_verdict(rpc, payload.id, at)?;
	if json {
		print_json(&answer);
		return Ok(outcome(answer.valid));
	}
	print_fact("fact.code", &payload.to_string());
	print_said(&explain::document(&answer, lang()));
	print_answered_from(&answer.at);
	if !answer.document.as_ref().is_none_or(|document| payload.fits(document)) {
		println!("{}", say("verdict.noMatch", &[]));
		return Ok(Verdict::Invalid);
	}
	Ok(outcome(answer.valid))
}

/// Prints the verdict on a batch member, after checking `file` (if given) is the
/// document the proof is for.
pub fn verify_member(
	rpc: &Rpc,
	proof: &Path,
	file: Option<&Path>,
	json: bool,
) -> Result<Verdict, String> {
	let proof_file = read_proof_file(proof)?;
	let id = proof_file.id.clone();
	if let Some(file) = file {
		let actual = to_hex(blake2(&read(file)?).as_bytes());
		if actual != id {
			let line = say(
				"verdict.fileMismatch",
				&[("file", &file.display()), ("actual", &actual), ("id", &id)],
			);
			println!("{}: {line}", lang().word("check.integrity"));
			return Ok(Verdict::Invalid);
		}
	}
	verify_proof(rpc, proof_file, json)
}

/// The proof file at `path`, as `cert batch` writes it.
pub fn read_proof_file(path: &Path) -> Result<BatchProofFile, String> {
	serde_json::from_slice(&read(path)?).map_err(|e| {
		let reason = format!("{}: {e}", path.display());
		say("error.badProof", &[("reason", &reason)])
	})
}

/// Asks about batch member `member` by its proof and prints the verdict.
fn verify_proof(rpc: &Rpc, member: BatchProofFile, json: bool) -> Result<Verdict, String> {
	let asked = rpc.ask::<BatchVerdict>(
		"tamga_verifyBatchMember",
		json!([member.id, serde_json::to_value(&member.proof).expect("JSON serialises")]),
	);
	let answer = match asked {
		Err(error) if matches!(error.code(), Some(UNKNOWN_BATCH | NOT_A_MEMBER)) => {
			let unknown = error.code() == Some(UNKNOWN_BATCH);
			let line = explain::member_refused(&member.id, &member.proof.root, unknown, lang());
			print_line(&lang().word("check.status"), &line);
			return Ok(Verdict::Invalid);
		},
		other => other?,
	};
	if json {
		print_json(&answer);
	} else {
		print_said(&explain::member(&answer, lang()));
		print_answered_from(&answer.at);
	}
	Ok(outcome(answer.valid))
}
