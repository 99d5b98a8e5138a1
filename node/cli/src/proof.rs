//! Proofs an auditor can check without trusting any node: `tamga authorities` pins the
//! validators' GRANDPA keys, `tamga proof` writes a document's record with everything
//! needed to check it (the storage read proof, the block header whose state root it leads
//! to, and the GRANDPA justification by which the validators finalized that block), and
//! `tamga verify-proof` checks such a file offline against a pinned authority set.

use std::path::{Path, PathBuf};

use codec::{Decode, DecodeAll, Encode};
use pallet_tamga_certificates::{Documents, Status};
use serde_json::{json, Value};
use sp_consensus_grandpa::{AuthorityId, AuthorityList};
use sp_core::H256;
use sp_runtime::traits::BlakeTwo256;
use tamga_runtime::{Header, Runtime};

use crate::{
	rpc::{from_hex, to_hex, Rpc},
	support::{blake2, print_json, read_file, Verdict},
};

/// The format tag of a proof file.
const PROOF_FORMAT: &str = "tamga-proof/1";

/// The format tag of an authority-set file.
const AUTHORITIES_FORMAT: &str = "tamga-grandpa-authorities/1";

/// GRANDPA's consensus engine id in block justifications.
const GRANDPA_ENGINE: [u8; 4] = *b"FRNK";

/// `tamga authorities`: the set that signs finality from the finalized head on. After the
/// consortium votes a validator in or out, the set changes (a new set id) and proofs of
/// later blocks need the new set: pin it again, from a source you trust.
#[derive(Debug, clap::Args)]
pub struct AuthoritiesCmd {
	/// The node to ask.
	#[command(flatten)]
	pub connection: crate::tx::Connection,
	/// Write the set to this file (default: print it).
	#[arg(long)]
	pub out: Option<PathBuf>,
}

/// `tamga proof`.
#[derive(Debug, clap::Args)]
pub struct ProofCmd {
	/// The node to ask.
	#[command(flatten)]
	pub connection: crate::tx::Connection,
	/// Which document.
	#[command(flatten)]
	pub document: crate::cert::DocumentArg,
	/// Where to write the proof.
	#[arg(long)]
	pub out: PathBuf,
}

/// `tamga verify-proof`.
#[derive(Debug, clap::Args)]
pub struct VerifyProofCmd {
	/// The proof file `tamga proof` wrote.
	pub proof: PathBuf,
	/// The GRANDPA authority set to check it against, as `tamga authorities` wrote it
	/// (obtained and pinned independently of whoever hands you the proof).
	#[arg(long)]
	pub authorities: PathBuf,
	/// Print the result as JSON.
	#[arg(long)]
	pub json: bool,
}

/// Reads a JSON file.
fn read_json(path: &Path) -> Result<Value, String> {
	serde_json::from_slice(&read_file(path)?)
		.map_err(|e| format!("{} is not JSON: {e}", path.display()))
}

/// Writes `value` as indented JSON to `path`.
fn write_json(path: &Path, value: &Value) -> Result<(), String> {
	let text = serde_json::to_string_pretty(value).expect("JSON serialises");
	std::fs::write(path, text + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Calls runtime API `method` at block `at` and decodes its answer.
fn runtime_call<T: Decode>(rpc: &Rpc, method: &str, at: &str) -> Result<T, String> {
	let answer = rpc.call("state_call", json!([method, "0x", at]))?;
	let bytes = from_hex(answer.as_str().unwrap_or_default())?;
	T::decode(&mut &bytes[..]).map_err(|e| format!("{method} answered undecodably: {e}"))
}

/// The authority set at block `at`: its id and its (key, weight) list.
fn authorities_at(rpc: &Rpc, at: &str) -> Result<(u64, AuthorityList), String> {
	let set_id: u64 = runtime_call(rpc, "GrandpaApi_current_set_id", at)?;
	let list: AuthorityList = runtime_call(rpc, "GrandpaApi_grandpa_authorities", at)?;
	Ok((set_id, list))
}

/// The authority set as JSON.
fn authorities_json(set_id: u64, list: &AuthorityList, block: u32, hash: &str) -> Value {
	json!({
		"format": AUTHORITIES_FORMAT,
		"setId": set_id,
		"authorities": list
			.iter()
			.map(|(id, weight)| json!({ "publicKey": to_hex(id.as_ref()), "weight": weight }))
			.collect::<Vec<_>>(),
		"readAt": { "number": block, "hash": hash },
	})
}

/// The authority set in a file `tamga authorities` wrote.
fn read_authorities(path: &Path) -> Result<(u64, AuthorityList), String> {
	let file = read_json(path)?;
	let bad = |what: &str| format!("{}: {what}", path.display());
	if file["format"] != json!(AUTHORITIES_FORMAT) {
		return Err(bad(&format!("not an authority-set file ({AUTHORITIES_FORMAT})")));
	}
	let set_id = file["setId"].as_u64().ok_or_else(|| bad("no setId"))?;
	let list = file["authorities"]
		.as_array()
		.ok_or_else(|| bad("no authorities"))?
		.iter()
		.map(|a| {
			let key = from_hex(a["publicKey"].as_str().unwrap_or_default())?;
			let id = AuthorityId::decode(&mut &key[..])
				.map_err(|_| bad("a publicKey is not a 32-byte ed25519 key"))?;
			Ok((id, a["weight"].as_u64().ok_or_else(|| bad("an authority without weight"))?))
		})
		.collect::<Result<AuthorityList, String>>()?;
	if list.is_empty() {
		return Err(bad("the authority set is empty"));
	}
	Ok((set_id, list))
}

/// The number of block `hash` from its header.
fn header_at(rpc: &Rpc, hash: &str) -> Result<Header, String> {
	let header = rpc.call("chain_getHeader", json!([hash]))?;
	serde_json::from_value(header).map_err(|e| format!("the node sent a bad header: {e}"))
}

/// The GRANDPA justification stored with block `hash`, if any.
fn justification_of(rpc: &Rpc, hash: &str) -> Result<Option<Vec<u8>>, String> {
	let block = rpc.call("chain_getBlock", json!([hash]))?;
	for pair in block["justifications"].as_array().into_iter().flatten() {
		let bytes = |v: &Value| -> Option<Vec<u8>> {
			match v {
				Value::String(hex) => from_hex(hex).ok(),
				Value::Array(items) => items.iter().map(|b| b.as_u64().map(|b| b as u8)).collect(),
				_ => None,
			}
		};
		if bytes(&pair[0]).as_deref() == Some(&GRANDPA_ENGINE[..]) {
			return Ok(bytes(&pair[1]));
		}
	}
	Ok(None)
}

impl AuthoritiesCmd {
	/// Writes or prints the authority set of the finalized head.
	pub fn run(&self) -> Result<Verdict, String> {
		let rpc = self.connection.rpc()?;
		let head = rpc.call("chain_getFinalizedHead", json!([]))?;
		let head = head.as_str().ok_or("no finalized head")?.to_string();
		let number = header_at(&rpc, &head)?.number;
		let (set_id, list) = authorities_at(&rpc, &head)?;
		let answer = authorities_json(set_id, &list, number, &head);
		match &self.out {
			Some(path) => {
				write_json(path, &answer)?;
				println!(
					"wrote {}: set {set_id}, {} authorities, as of finalized block #{number}",
					path.display(),
					list.len()
				);
			},
			None => print_json(&answer),
		}
		Ok(Verdict::Done)
	}
}

impl ProofCmd {
	/// Writes the proof of the document's record as of the finalized head.
	pub fn run(&self) -> Result<Verdict, String> {
		let id = self.document.id()?;
		let rpc = self.connection.rpc()?;
		let head = rpc.call("chain_getFinalizedHead", json!([]))?;
		let head = head.as_str().ok_or("no finalized head")?.to_string();
		let header = header_at(&rpc, &head)?;
		if to_hex(header.hash().as_bytes()) != head {
			return Err("the node's header does not hash to the block it named".into());
		}
		let justification = justification_of(&rpc, &head)?.ok_or_else(|| {
			format!(
				"the node keeps no GRANDPA justification for its finalized head #{}; it needs \
				 tamga-node 0.1 or later (every finalized block keeps its justification)",
				header.number
			)
		})?;
		let key = Documents::<Runtime>::hashed_key_for(id);
		let read = rpc.call("state_getReadProof", json!([[to_hex(&key)], head]))?;
		let nodes: Vec<Value> = read["proof"].as_array().cloned().unwrap_or_default();
		let record = rpc.call("state_getStorage", json!([to_hex(&key), head]))?;
		if record.is_null() {
			eprintln!(
				"note: no document {} is anchored as of block #{}; the proof shows its absence",
				to_hex(id.as_bytes()),
				header.number
			);
		}
		let proof = json!({
			"format": PROOF_FORMAT,
			"id": to_hex(id.as_bytes()),
			"block": {
				"number": header.number,
				"hash": head,
				"header": to_hex(&header.encode()),
			},
			"justification": to_hex(&justification),
			"storage": { "key": to_hex(&key), "proof": nodes },
		});
		write_json(&self.out, &proof)?;
		println!(
			"wrote {}: document {} as of finalized block #{} ({} trie nodes, justification \
			 {} bytes)",
			self.out.display(),
			to_hex(id.as_bytes()),
			header.number,
			proof["storage"]["proof"].as_array().map_or(0, Vec::len),
			justification.len()
		);
		Ok(Verdict::Done)
	}
}

/// What a proof shows, once checked.
#[derive(Debug)]
pub struct Checked {
	/// The document.
	pub id: H256,
	/// The finalized block the record is read at.
	pub block: u32,
	/// Its hash.
	pub hash: H256,
	/// The authority set that finalized it, and how many of its members signed.
	pub set_id: u64,
	/// Signers of the justification.
	pub signers: usize,
	/// Members of the set.
	pub authorities: usize,
	/// The record, if the document is anchored (`None`: the proof shows it is not).
	pub record: Option<pallet_tamga_certificates::RecordOf<Runtime>>,
}

/// Checks proof file contents `proof` against authority set `(set_id, list)`; the error
/// says which part does not hold.
pub fn check(proof: &Value, set_id: u64, list: &AuthorityList) -> Result<Checked, String> {
	if proof["format"] != json!(PROOF_FORMAT) {
		return Err(format!("not a Tamga proof ({PROOF_FORMAT})"));
	}
	let hex_field = |pointer: &str| -> Result<Vec<u8>, String> {
		from_hex(proof.pointer(pointer).and_then(Value::as_str).unwrap_or_default())
			.map_err(|e| format!("{pointer}: {e}"))
	};
	let id = H256::decode_all(&mut &hex_field("/id")?[..]).map_err(|_| "/id: not 32 bytes")?;

	// The header: it is the block the proof names, with the number it names.
	let header = Header::decode_all(&mut &hex_field("/block/header")?[..])
		.map_err(|e| format!("the block header does not decode: {e}"))?;
	let hash = header.hash();
	if hex_field("/block/hash")? != hash.as_bytes() {
		return Err("the block header does not hash to the block hash the proof names".into());
	}
	if proof.pointer("/block/number").and_then(Value::as_u64) != Some(u64::from(header.number)) {
		return Err("the block number the proof names is not the header's".into());
	}

	// The justification: the pinned authorities finalized exactly that block.
	let justification = crate::justification::decode(&hex_field("/justification")?)?;
	let signers = crate::justification::verify(&justification, (hash, header.number), set_id, list)
		.map_err(|e| format!("the justification is not valid for authority set {set_id}: {e}"))?;

	// The storage proof: it leads from the header's state root to the document's entry.
	let key = hex_field("/storage/key")?;
	if key != Documents::<Runtime>::hashed_key_for(id) {
		return Err("the storage key is not the document's entry".into());
	}
	let nodes = proof
		.pointer("/storage/proof")
		.and_then(Value::as_array)
		.ok_or("no storage proof")?
		.iter()
		.map(|n| from_hex(n.as_str().unwrap_or_default()))
		.collect::<Result<Vec<_>, _>>()?;
	let values = sp_state_machine::read_proof_check::<BlakeTwo256, _>(
		header.state_root,
		sp_state_machine::StorageProof::new(nodes),
		[&key[..]],
	)
	.map_err(|e| format!("the storage proof does not lead to the block's state root: {e}"))?;
	let record = match values.get(&key).cloned().flatten() {
		None => None,
		Some(raw) => Some(
			pallet_tamga_certificates::RecordOf::<Runtime>::decode_all(&mut &raw[..])
				.map_err(|e| format!("the proven record does not decode: {e}"))?,
		),
	};
	Ok(Checked { id, block: header.number, hash, set_id, signers, authorities: list.len(), record })
}

/// The record's status in words.
fn status_words(status: &Status) -> String {
	match status {
		Status::Issued => "issued (not replaced, not revoked)".into(),
		Status::Replaced { by } => format!("replaced by {}", to_hex(by.as_bytes())),
		Status::Revoked { reason, .. } => format!("revoked ({reason:?})"),
	}
}

impl VerifyProofCmd {
	/// Checks the proof and prints what it shows; exit code 1 if it does not hold or shows
	/// the document is not anchored.
	pub fn run(&self) -> Result<Verdict, String> {
		let proof = read_json(&self.proof)?;
		let (set_id, list) = read_authorities(&self.authorities)?;
		match check(&proof, set_id, &list) {
			Err(reason) => {
				if self.json {
					print_json(&json!({ "holds": false, "reason": reason }));
				} else {
					println!("PROOF DOES NOT HOLD: {reason}");
				}
				Ok(Verdict::Invalid)
			},
			Ok(checked) => {
				let record = checked.record.as_ref();
				if self.json {
					print_json(&json!({
						"holds": true,
						"id": to_hex(checked.id.as_bytes()),
						"block": { "number": checked.block, "hash": to_hex(checked.hash.as_bytes()) },
						"setId": checked.set_id,
						"signers": checked.signers,
						"authorities": checked.authorities,
						"anchored": record.is_some(),
						"status": record.map(|r| status_words(&r.status)),
						"issuer": record.map(|r| r.issuer.to_string()),
						"registeredAt": record.map(|r| r.registered_at),
						"used": record.map(|r| r.used.to_string()),
						"recordHash": record.map(|r| to_hex(blake2(&r.encode()).as_bytes())),
					}));
				} else {
					println!(
						"proof holds: block #{} {} was finalized by {} of {} authorities of set \
						 {}",
						checked.block,
						to_hex(checked.hash.as_bytes()),
						checked.signers,
						checked.authorities,
						checked.set_id
					);
					match record {
						None => println!(
							"document {} is NOT anchored as of that block",
							to_hex(checked.id.as_bytes())
						),
						Some(r) => {
							println!("document {}", to_hex(checked.id.as_bytes()));
							println!("  status:     {}", status_words(&r.status));
							println!("  issuer:     {}", r.issuer);
							println!("  anchored:   block #{}", r.registered_at);
							println!("  used:       {}", r.used);
						},
					}
				}
				// The auditor's question is whether the document stands on chain: a proof
				// of its absence holds, but answers no.
				Ok(if record.is_some() { Verdict::Done } else { Verdict::Invalid })
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_authority_file_round_trips() {
		use sp_core::Pair as _;
		let list: AuthorityList = ["//Alice", "//Bob"]
			.iter()
			.map(|s| (sp_core::ed25519::Pair::from_string(s, None).unwrap().public().into(), 1))
			.collect();
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("set.json");
		write_json(&path, &authorities_json(3, &list, 10, "0x00")).unwrap();
		assert_eq!(read_authorities(&path).unwrap(), (3, list));
	}

	#[test]
	fn a_file_that_is_no_proof_is_refused() {
		let error = check(&json!({"format": "other"}), 0, &Vec::new()).unwrap_err();
		assert!(error.contains("not a Tamga proof"), "{error}");
	}
}
