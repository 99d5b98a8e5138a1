//! `tamga cert`: what issuers, exporters and border officers do with
//! certificates of origin and veterinary certificates, through a node's JSON-RPC.
//!
//! A document's id is blake2-256 of its exact bytes: give the file (`--file`) and the
//! command hashes it, or give the id (`--id 0x…`). The exporter's identifier never goes on
//! chain: `--exporter` and `--salt` become the commitment blake2-256 of the SCALE encoding
//! of (salt, exporter), each length-prefixed so no two pairs collide. The same goes for a
//! use's customs declaration reference.
//!
//! Exit codes: 0 done (for `verify`: the document is valid), 1 `verify` found the
//! document invalid or not anchored at all (not genuine), 2 error (bad input, unreachable
//! node, failed transaction).

use std::path::{Path, PathBuf};

use pallet_tamga_certificates::{
	merkle, rules::Material, Call as CertificatesCall, CertificateKind, ProductionOf,
	RejectionReason, RevocationReason,
};
use serde_json::{json, Value};
use sp_core::H256;
use tamga_primitives::HsCode;

use crate::qr::QrPayload;
use tamga_rpc_types::{BatchProofFile, DocumentHistory, ProofParam};
use tamga_runtime::{Runtime, RuntimeCall};

use crate::{
	facts::Facts,
	flags::named,
	kinds::Registry,
	support::{blake2, commitment, country, print_history, read_file, Verdict},
	tx::{to_hex, Rpc},
};

/// Certificates: anchor, apply, endorse, replace, revoke, use, batch, verify, history.
#[derive(Debug, clap::Args)]
#[command(
	after_help = "Exit codes: 0 done (verify: valid), 1 verify: invalid or not anchored, 2 error."
)]
pub struct CertificateCmd {
	/// The node to talk to and the signing account.
	#[command(flatten)]
	pub connection: crate::tx::Connection,

	/// What to do.
	#[command(subcommand)]
	pub action: Action,
}

/// Which document a new record is for: its file, or its id; with `--xml`, by default the
/// message file itself.
#[derive(Debug, Clone, clap::Args)]
#[group(required = false, multiple = false)]
pub struct NewDocument {
	/// The document's file: its id is blake2-256 of the file's bytes (default with --xml:
	/// the message file).
	#[arg(long)]
	pub file: Option<PathBuf>,
	/// The document's id, `0x` and 64 hex digits.
	#[arg(long)]
	pub id: Option<String>,
}

impl NewDocument {
	/// The document's id: of --file, --id, or else `message` (the XML its facts were
	/// read from).
	pub fn id_or(&self, message: Option<&Path>) -> Result<H256, String> {
		match (&self.file, &self.id, message) {
			(None, None, Some(message)) => Ok(blake2(&read_file(message)?)),
			(None, None, None) => Err("give --file, --id or --xml".into()),
			_ => Document { file: self.file.clone(), id: self.id.clone() }.id(),
		}
	}
}

/// Which document: its file, or its id.
#[derive(Debug, Clone, clap::Args)]
#[group(required = true, multiple = false)]
pub struct Document {
	/// The document's file: its id is blake2-256 of the file's bytes.
	#[arg(long)]
	pub file: Option<PathBuf>,
	/// The document's id, `0x` and 64 hex digits.
	#[arg(long)]
	pub id: Option<String>,
}

/// The production facts given to rules of origin when a document is anchored.
#[derive(Debug, clap::Args)]
pub struct ProductionArg {
	/// How the goods were produced, for the administrations' rules of origin: a JSON file
	/// `{"whollyObtained": false, "exWorksPrice": 1000, "materials": [{"hs": "110100",
	/// "origin": "TR", "value": 300, "evidence": "0x<id of its certificate of origin>"}]}`
	/// (`evidence` optional). Read while anchoring; not stored in the chain state.
	#[arg(long)]
	production: Option<PathBuf>,
}

impl ProductionArg {
	/// The facts in the file, if one was given.
	fn read(&self) -> Result<Option<ProductionOf<Runtime>>, String> {
		self.production.as_deref().map(read_production).transpose()
	}
}

/// A certificate action.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
	/// Anchor a document (an issuer; an approved exporter for `--kind declaration`). The
	/// administrations' rule contracts judge it; a refusal names their reason code.
	Register {
		#[command(flatten)]
		document: NewDocument,
		#[command(flatten)]
		facts: Facts,
		#[command(flatten)]
		production: ProductionArg,
		/// Once anchored, write the document's QR code to PREFIX.png and PREFIX.svg, for
		/// printing on the paper: it links to the document's verification.
		#[arg(long, value_name = "PREFIX")]
		qr: Option<PathBuf>,
		/// The address of your verification page (e.g. `https://verify.customs.kz/verify`):
		/// the code opens it; default a `tamga:verify` link the `tamga` tool reads.
		#[arg(long, requires = "qr")]
		qr_base: Option<String>,
	},
	/// Apply, as an exporter, for a certificate an issuer of your country endorses.
	Apply {
		#[command(flatten)]
		document: NewDocument,
		#[command(flatten)]
		facts: Facts,
	},
	/// Endorse an exporter's pending application (an issuer), restating the facts you
	/// certify: they must be the application's; the document is then anchored.
	Endorse {
		#[command(flatten)]
		document: NewDocument,
		#[command(flatten)]
		facts: Facts,
		#[command(flatten)]
		production: ProductionArg,
	},
	/// Reject an exporter's pending application (an issuer).
	Reject {
		#[command(flatten)]
		document: Document,
		/// Why.
		#[arg(long, value_parser = named::<RejectionReason>())]
		reason: RejectionReason,
		/// The explanation; only its hash goes on chain.
		#[arg(long, default_value = "")]
		text: String,
	},
	/// Withdraw your own pending application (the exporter).
	Withdraw {
		#[command(flatten)]
		document: Document,
	},
	/// Anchor a corrected document in place of `--old` (its issuer).
	Replace {
		/// The id of the document being replaced.
		#[arg(long)]
		old: String,
		#[command(flatten)]
		document: NewDocument,
		#[command(flatten)]
		facts: Facts,
		#[command(flatten)]
		production: ProductionArg,
	},
	/// Revoke a document (its issuer, or its administration).
	Revoke {
		#[command(flatten)]
		document: Document,
		/// Why.
		#[arg(long, value_parser = named::<RevocationReason>())]
		reason: RevocationReason,
		/// The explanation; only its hash goes on chain.
		#[arg(long, default_value = "")]
		text: String,
	},
	/// Record a use against a document (an officer of the importing country).
	Use {
		#[command(flatten)]
		document: Document,
		/// The customs declaration's reference; only its salted commitment goes on chain.
		#[arg(long)]
		declaration: String,
		/// The salt of the declaration commitment, at least 16 bytes (default: 128 random
		/// bits, printed once: keep it with the customs file, since declaration references
		/// follow a guessable pattern).
		#[arg(long)]
		salt: Option<String>,
		/// The quantity released, in the document's unit.
		#[arg(long)]
		quantity: u128,
	},
	/// Anchor every file of FOLDER as one batch (an issuer) and write each file's proof
	/// to `<proofs>/<file name>.proof.json`.
	Batch {
		/// The folder of documents (regular files, taken in name order).
		#[arg(long, required_unless_present = "xml_folder", conflicts_with = "xml_folder")]
		folder: Option<PathBuf>,
		/// A folder of certificate messages (SPS e-Certs or UBL certificates of origin):
		/// each is read before anything is sent, a file that is not one is named, and
		/// their document type is the batch's (all must agree; --kind may be left out).
		#[arg(long, value_name = "FOLDER")]
		xml_folder: Option<PathBuf>,
		/// The type of all the documents (see `--kind` of `register`).
		#[arg(long, required_unless_present = "xml_folder")]
		kind: Option<String>,
		/// Where to write the proofs.
		#[arg(long)]
		proofs: PathBuf,
		/// Also write each member's QR code (its id and proof) beside its proof, as
		/// `<file>.qr.png` and `<file>.qr.svg`.
		#[arg(long)]
		qr: bool,
		/// The address of your verification page the codes open (see `register`).
		#[arg(long, requires = "qr")]
		qr_base: Option<String>,
	},
	/// Revoke one member of a batch by its proof file (the batch's issuer or its
	/// administration).
	RevokeMember {
		/// The member's proof file, as `batch` wrote it.
		#[arg(long)]
		proof: PathBuf,
		/// Why.
		#[arg(long, value_parser = named::<RevocationReason>())]
		reason: RevocationReason,
		/// The explanation; only its hash goes on chain.
		#[arg(long, default_value = "")]
		text: String,
	},
	/// Verify a document: integrity (its id), status and issuer.
	Verify {
		#[command(flatten)]
		document: Document,
		/// Which block answers.
		#[command(flatten)]
		read: crate::finality::ReadAt,
		/// Print the node's JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Verify a member of a batch with its proof file; `--file` also checks the file is
	/// the document the proof is for.
	VerifyMember {
		/// The member's proof file, as `batch` wrote it.
		#[arg(long)]
		proof: PathBuf,
		/// The document's file.
		#[arg(long)]
		file: Option<PathBuf>,
		/// Print the node's JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Print a document's history: every action, with block, extrinsic and actor.
	History {
		#[command(flatten)]
		document: Document,
		/// Print the node's JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// List the chain's document types: the built-in ones and those the consortium added
	/// by vote, with what each requires.
	Types {
		/// Print the node's JSON answer.
		#[arg(long)]
		json: bool,
	},
}

impl Document {
	/// The document's id.
	pub fn id(&self) -> Result<H256, String> {
		match (&self.file, &self.id) {
			(Some(file), _) => Ok(blake2(&read_file(file)?)),
			(None, Some(id)) => tamga_rpc::hex::parse_h256("--id", id),
			(None, None) => Err("give --file or --id".into()),
		}
	}
}

/// A document named on the command line of `verify`, `proof` and `audit history`: its
/// file as the argument, or `--id`.
#[derive(Debug, Clone, clap::Args)]
pub struct DocumentArg {
	/// The document's file (its id is blake2-256 of its bytes).
	#[arg(required_unless_present = "id", conflicts_with = "id")]
	pub file: Option<PathBuf>,
	/// The document's id, `0x` and 64 hex digits, instead of its file.
	#[arg(long)]
	pub id: Option<String>,
}

impl DocumentArg {
	/// The document's id.
	pub fn id(&self) -> Result<H256, String> {
		Document { file: self.file.clone(), id: self.id.clone() }.id()
	}
}

/// `tamga verify`: the border officer's check of one document.
impl CertificateCmd {
	/// Runs the action and prints what happened.
	pub fn run(&self) -> Result<Verdict, String> {
		let rpc = self.connection.rpc()?;
		let registry = Registry::of(&rpc);
		let call = match &self.action {
			Action::Types { json } => return crate::kinds::print_types(&rpc, *json),
			Action::Verify { document, read, json } => {
				let at = read.block(&rpc)?;
				return crate::verify::verify(
					&rpc,
					document.id()?,
					document.file.as_deref(),
					at,
					*json,
				);
			},
			Action::VerifyMember { proof, file, json } => {
				return crate::verify::verify_member(&rpc, proof, file.as_deref(), *json)
			},
			Action::History { document, json } => return history(&rpc, document.id()?, *json),
			Action::Batch { folder, xml_folder, kind, proofs, qr, qr_base } => {
				let qr = match qr {
					true => Some(QrLinks {
						chain: crate::verify::genesis(&rpc)?,
						base: qr_base.clone(),
					}),
					false => None,
				};
				let given = kind.as_deref().map(|k| registry.resolve(k)).transpose()?;
				let files = folder_files(
					folder.as_deref().or(xml_folder.as_deref()).ok_or("give --folder")?,
				)?;
				let kind = match xml_folder {
					Some(_) => {
						let read = messages_kind(&files)?;
						match given {
							Some(given) if given.kind != read => {
								return Err(format!(
									"--kind {} differs from the messages' type {read}",
									given.name
								))
							},
							_ => read,
						}
					},
					None => given.ok_or("give --kind")?.kind,
				};
				let (call, root, count) = batch(&files, kind, proofs, qr.as_ref())?;
				println!("batch root {} of {count} documents", to_hex(root.as_bytes()));
				call
			},
			Action::Register { document, facts, production, qr, qr_base } => {
				let id = document.id_or(facts.message_file())?;
				let onchain = facts.to_facts(false, &registry)?;
				let (country, number) = (onchain.exporting, onchain.number.to_vec());
				let call = CertificatesCall::register {
					id,
					facts: onchain,
					production: production.read()?,
				};
				let submission = self.connection.submit(&rpc, RuntimeCall::Certificates(call))?;
				let verdict = submission.verdict();
				if let (Some(prefix), Verdict::Done) = (qr, &verdict) {
					let payload = QrPayload {
						base: qr_base.clone(),
						chain: crate::verify::genesis(&rpc)?,
						id,
						country: Some(country),
						number: Some(String::from_utf8_lossy(&number).into_owned()),
						proof: None,
					};
					write_qr(prefix, &payload)?;
				}
				return Ok(verdict);
			},
			Action::Apply { document, facts } => CertificatesCall::apply {
				id: document.id_or(facts.message_file())?,
				facts: facts.to_facts(false, &registry)?,
			},
			Action::Endorse { document, facts, production } => CertificatesCall::endorse {
				id: document.id_or(facts.message_file())?,
				facts: facts.to_facts(true, &registry)?,
				production: production.read()?,
			},
			Action::Reject { document, reason, text } => CertificatesCall::reject {
				id: document.id()?,
				reason: *reason,
				text_hash: blake2(text.as_bytes()),
			},
			Action::Withdraw { document } => CertificatesCall::withdraw { id: document.id()? },
			Action::Replace { old, document, facts, production } => CertificatesCall::replace {
				old: tamga_rpc::hex::parse_h256("--old", old)?,
				new_id: document.id_or(facts.message_file())?,
				facts: facts.to_facts(false, &registry)?,
				production: production.read()?,
			},
			Action::Revoke { document, reason, text } => CertificatesCall::revoke {
				id: document.id()?,
				reason: *reason,
				text_hash: blake2(text.as_bytes()),
			},
			Action::Use { document, declaration, salt, quantity } => CertificatesCall::record_use {
				id: document.id()?,
				declaration: commitment(
					&crate::salt::given_or_new(
						"--salt",
						salt.as_deref(),
						"the declaration commitment",
					)?,
					declaration,
				),
				quantity: *quantity,
			},
			Action::RevokeMember { proof, reason, text } => {
				let (id, root, proof) = read_proof(proof)?;
				CertificatesCall::revoke_batch_member {
					root,
					id,
					proof,
					reason: *reason,
					text_hash: blake2(text.as_bytes()),
				}
			},
		};
		let submission = self.connection.submit(&rpc, RuntimeCall::Certificates(call))?;
		Ok(submission.verdict())
	}
}

/// What the QR codes of a chain link to: the chain's genesis hash and the verification
/// page's address, if any.
struct QrLinks {
	chain: H256,
	base: Option<String>,
}

/// Writes `payload`'s QR code to `prefix`.png and `prefix`.svg.
fn write_qr(prefix: &Path, payload: &QrPayload) -> Result<(), String> {
	let code = payload.code()?;
	let with = |extension: &str| {
		let mut name = prefix.as_os_str().to_owned();
		name.push(extension);
		PathBuf::from(name)
	};
	let (png_path, svg_path) = (with(".png"), with(".svg"));
	std::fs::write(&png_path, crate::qr::png(&code, 8)?)
		.map_err(|e| format!("cannot write {}: {e}", png_path.display()))?;
	std::fs::write(&svg_path, crate::qr::svg(&code))
		.map_err(|e| format!("cannot write {}: {e}", svg_path.display()))?;
	println!("QR code: {} and {} ({payload})", png_path.display(), svg_path.display());
	Ok(())
}

/// The regular files of `folder`, in name order; an empty folder is an error.
fn folder_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
	let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
		.map_err(|e| format!("cannot read folder {}: {e}", folder.display()))?
		.filter_map(|entry| entry.ok().map(|e| e.path()))
		.filter(|path| path.is_file())
		.collect();
	files.sort();
	if files.is_empty() {
		return Err(format!("{} holds no files", folder.display()));
	}
	Ok(files)
}

/// The document type every message of `files` names; an error names each file that is
/// not a certificate message or names no type, or the files of each type if they differ.
fn messages_kind(files: &[PathBuf]) -> Result<CertificateKind, String> {
	let mut kinds: Vec<(CertificateKind, Vec<String>)> = Vec::new();
	let mut problems = Vec::new();
	for file in files {
		let name = file.display().to_string();
		let read = crate::xml_in::read_message(&read_file(file)?);
		match read.map(|facts| facts.kind) {
			Ok(Ok(crate::xml_in::Read { value: Ok(kind), .. })) => {
				match kinds.iter_mut().find(|(k, _)| *k == kind) {
					Some((_, names)) => names.push(name),
					None => kinds.push((kind, vec![name])),
				}
			},
			Ok(Ok(crate::xml_in::Read { value: Err(reason), path })) => {
				problems.push(format!("{name}: {path}: {reason}"))
			},
			Ok(Err(crate::xml_in::Missing(path))) => {
				problems.push(format!("{name}: {path} is missing"))
			},
			Err(reason) => problems.push(format!("{name}: {reason}")),
		}
	}
	if !problems.is_empty() {
		return Err(format!("{}; nothing was submitted", problems.join("; ")));
	}
	match kinds.as_slice() {
		[(kind, _)] => Ok(*kind),
		_ => Err(format!(
			"a batch holds documents of one type, but the messages are of several: {}; nothing \
			 was submitted",
			kinds
				.iter()
				.map(|(kind, names)| format!("{kind}: {}", names.join(", ")))
				.collect::<Vec<_>>()
				.join("; ")
		)),
	}
}

/// The `register_batch` call for `files`, after writing their proofs (and QR codes, with
/// `qr`).
fn batch(
	files: &[PathBuf],
	kind: CertificateKind,
	proofs: &Path,
	qr: Option<&QrLinks>,
) -> Result<(CertificatesCall<Runtime>, H256, u32), String> {
	let ids =
		files.iter().map(|f| read_file(f).map(|b| blake2(&b))).collect::<Result<Vec<_>, _>>()?;
	let tree = merkle::Tree::new(&ids).ok_or("an empty batch has no root")?;
	let root = tree.root();
	std::fs::create_dir_all(proofs)
		.map_err(|e| format!("cannot create {}: {e}", proofs.display()))?;
	for (index, (file, id)) in files.iter().zip(&ids).enumerate() {
		let proof = tree.proof(index as u32).ok_or("no proof for a member")?;
		let json = BatchProofFile {
			id: to_hex(id.as_bytes()),
			proof: ProofParam {
				root: to_hex(root.as_bytes()),
				index: proof.index,
				count: proof.count,
				siblings: proof.siblings.iter().map(|s| to_hex(s.as_bytes())).collect(),
			},
		};
		let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
		let path = proofs.join(format!("{name}.proof.json"));
		std::fs::write(&path, serde_json::to_vec_pretty(&json).expect("JSON serialises"))
			.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
		if let Some(links) = qr {
			let payload = QrPayload {
				base: links.base.clone(),
				chain: links.chain,
				id: *id,
				country: None,
				number: None,
				proof: Some(json.proof),
			};
			let code = payload.code()?;
			let png_path = proofs.join(format!("{name}.qr.png"));
			let svg_path = proofs.join(format!("{name}.qr.svg"));
			std::fs::write(&png_path, crate::qr::png(&code, 8)?)
				.map_err(|e| format!("cannot write {}: {e}", png_path.display()))?;
			std::fs::write(&svg_path, crate::qr::svg(&code))
				.map_err(|e| format!("cannot write {}: {e}", svg_path.display()))?;
		}
	}
	let count = ids.len() as u32;
	Ok((CertificatesCall::register_batch { root, count, kind }, root, count))
}

/// Reads a proof file: (id, root, proof).
fn read_proof(path: &Path) -> Result<(H256, H256, merkle::Proof), String> {
	let file = crate::verify::read_proof_file(path)?;
	let hash = |what: &str, text: &str| tamga_rpc::hex::parse_h256(what, text);
	let siblings =
		file.proof.siblings.iter().map(|s| hash("a sibling", s)).collect::<Result<Vec<_>, _>>()?;
	let proof = merkle::Proof {
		index: file.proof.index,
		count: file.proof.count,
		siblings: siblings.try_into().map_err(|_| "a proof has at most 32 siblings".to_string())?,
	};
	Ok((hash("id", &file.id)?, hash("proof.root", &file.proof.root)?, proof))
}

/// Prints document `id`'s history.
pub fn history(rpc: &Rpc, id: H256, json: bool) -> Result<Verdict, String> {
	let answer: DocumentHistory =
		rpc.ask("tamga_documentHistory", json!([to_hex(id.as_bytes())]))?;
	if json {
		println!("{}", serde_json::to_string_pretty(&answer).expect("JSON serialises"));
		return Ok(Verdict::Done);
	}
	print_history(
		answer.entries.iter().map(|e| (e.block, e.extrinsic, e.actor.as_str(), &e.action)),
	);
	Ok(Verdict::Done)
}

/// The production facts in JSON file `path` (see `cert register --production`).
fn read_production(path: &Path) -> Result<ProductionOf<Runtime>, String> {
	let bytes = read_file(path)?;
	let json: Value = serde_json::from_slice(&bytes)
		.map_err(|e| format!("{}: not JSON ({e})", path.display()))?;
	production_from_json(&json).map_err(|e| format!("{}: {e}", path.display()))
}

/// Production facts from their JSON form.
fn production_from_json(json: &Value) -> Result<ProductionOf<Runtime>, String> {
	let amount = |value: Option<&Value>, what: &str| -> Result<u128, String> {
		match value {
			Some(Value::Number(n)) => n.as_u64().map(u128::from),
			Some(Value::String(s)) => s.parse().ok(),
			_ => None,
		}
		.ok_or(format!("{what} must be a whole number"))
	};
	let materials = json
		.get("materials")
		.and_then(Value::as_array)
		.map(Vec::as_slice)
		.unwrap_or_default()
		.iter()
		.enumerate()
		.map(|(i, m)| {
			let field = |name: &str| m.get(name).and_then(Value::as_str).unwrap_or_default();
			let hs: HsCode = field("hs")
				.parse()
				.map_err(|e| format!("materials[{i}].hs `{}` {e}", field("hs")))?;
			let evidence = match m.get("evidence").and_then(Value::as_str) {
				Some(hex) => {
					Some(tamga_rpc::hex::parse_h256(&format!("materials[{i}].evidence"), hex)?)
				},
				None => None,
			};
			Ok(Material {
				hs,
				origin: country(&format!("materials[{i}].origin"), field("origin"))?,
				value: amount(m.get("value"), &format!("materials[{i}].value"))?,
				evidence,
			})
		})
		.collect::<Result<Vec<_>, String>>()?;
	Ok(ProductionOf::<Runtime> {
		wholly_obtained: json.get("whollyObtained").and_then(Value::as_bool).unwrap_or(false),
		ex_works_price: amount(json.get("exWorksPrice"), "exWorksPrice")?,
		materials: materials.try_into().map_err(|_| "more than 64 materials".to_string())?,
	})
}

#[cfg(test)]
mod production_tests {
	use super::*;

	#[test]
	fn production_facts_are_read_from_json() {
		let json = json!({
			"whollyObtained": false,
			"exWorksPrice": "1000",
			"materials": [{"hs": "110100", "origin": "TR", "value": 300},
				{"hs": "190211", "origin": "KG", "value": 10, "evidence": format!("0x{}", "ab".repeat(32))}]
		});
		let production = production_from_json(&json).unwrap();
		assert_eq!(production.ex_works_price, 1_000);
		assert_eq!(production.materials[0].origin, *b"TR");
		assert_eq!(production.materials[1].evidence, Some(H256::repeat_byte(0xab)));
		let bad =
			json!({"exWorksPrice": 1, "materials": [{"hs": "1101", "origin": "TR", "value": 1}]});
		assert!(production_from_json(&bad).unwrap_err().contains("materials[0].hs"));
		assert!(production_from_json(&json!({})).unwrap_err().contains("exWorksPrice"));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const VETERINARY: &str = include_str!("xml_in/samples/sps-veterinary.xml");
	const PHYTOSANITARY: &str = include_str!("xml_in/samples/sps-phytosanitary.xml");

	/// A folder holding `files` (name, content).
	fn folder(files: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
		let dir = tempfile::tempdir().unwrap();
		for (name, content) in files {
			std::fs::write(dir.path().join(name), content).unwrap();
		}
		let files = folder_files(dir.path()).unwrap();
		(dir, files)
	}

	#[test]
	fn a_folder_of_messages_gives_the_batch_its_type() {
		let reexport = PHYTOSANITARY.replace(">851<", ">657<");
		let (_dir, files) = folder(&[("a.xml", PHYTOSANITARY), ("b.xml", PHYTOSANITARY)]);
		assert_eq!(messages_kind(&files), Ok(CertificateKind::PHYTOSANITARY));

		let (_dir, files) =
			folder(&[("a.xml", PHYTOSANITARY), ("b.xml", &reexport), ("c.xml", VETERINARY)]);
		let mixed = messages_kind(&files).unwrap_err();
		assert!(
			mixed.contains("of several: phyto: ") && mixed.contains("phytoReexport: "),
			"{mixed}"
		);
		assert!(mixed.contains("veterinary: ") && mixed.ends_with("nothing was submitted"));

		let (_dir, files) = folder(&[("a.xml", VETERINARY), ("notes.txt", "not a message")]);
		let refused = messages_kind(&files).unwrap_err();
		assert!(refused.contains("notes.txt: ") && !refused.contains("a.xml"), "{refused}");
		let no_type = VETERINARY
			.replace(r#"<ram:TypeCode listID="1001" listAgencyID="6">853</ram:TypeCode>"#, "");
		let (_dir, files) = folder(&[("a.xml", &no_type)]);
		assert!(messages_kind(&files).unwrap_err().contains("ram:TypeCode is missing"));
	}
}
