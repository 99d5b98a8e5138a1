//! What the user-facing subcommands (`cert`, `carnet`, `aeo`, `audit`) share: hashing and
//! salted commitments, reading files and country codes, the outcome of a command, and
//! printing a history as a table.

use std::path::Path;

use serde_json::Value;
use sp_core::H256;

/// The outcome of a command that succeeded.
pub enum Verdict {
	/// Done; for a check (`verify`, `recognition`), the answer is yes.
	Done,
	/// A check's answer is no: the document is invalid, the operator not recognised, the
	/// record unknown (exit code 1).
	Invalid,
}

/// blake2-256 of `bytes`.
pub fn blake2(bytes: &[u8]) -> H256 {
	H256(sp_io::hashing::blake2_256(bytes))
}

/// The salted commitment of `value`: blake2-256 of the SCALE encoding of (salt, value),
/// each length-prefixed so no two pairs collide.
pub fn commitment(salt: &str, value: &str) -> H256 {
	blake2(&codec::Encode::encode(&(salt, value)))
}

/// The bytes of the file at `path`, or a readable error.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
	std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The assigned ISO 3166-1 alpha-2 code `text`, given with option `flag`.
pub fn country(flag: &str, text: &str) -> Result<[u8; 2], String> {
	let bytes: Option<[u8; 2]> = text.as_bytes().try_into().ok();
	let code = bytes
		.and_then(pallet_tamga_governance::CountryCode::new)
		.ok_or_else(|| format!("{flag} `{text}` is not an ISO 3166-1 alpha-2 country code"))?;
	Ok(*code.as_bytes())
}

/// Prints `answer` as indented JSON.
pub fn print_json(answer: &Value) {
	println!("{}", serde_json::to_string_pretty(answer).expect("JSON serialises"));
}

/// Prints history `entries` (each with block, extrinsic, actor and a tagged action) as a
/// table, one line per entry.
pub fn print_history(entries: &Value) {
	println!("{:>8}  {:>3}  {:<48}  action", "block", "ext", "actor");
	for entry in entries.as_array().into_iter().flatten() {
		let mut action = entry["action"].clone();
		let kind = action["type"].as_str().unwrap_or_default().to_string();
		if let Some(map) = action.as_object_mut() {
			map.remove("type");
		}
		let details = if action.as_object().is_some_and(|m| m.is_empty()) {
			String::new()
		} else {
			action.to_string()
		};
		println!(
			"{:>8}  {:>3}  {:<48}  {kind} {details}",
			entry["block"].as_u64().unwrap_or_default(),
			entry["extrinsic"].as_u64().unwrap_or_default(),
			entry["actor"].as_str().unwrap_or_default()
		);
	}
}
