//! What the user-facing subcommands (`cert`, `carnet`, `aeo`, `audit`) share: hashing and
//! salted commitments, reading files and country codes, the outcome of a command,
//! printing a history as a table, and the page flags of paged answers.

use std::path::Path;

use sp_core::H256;

/// The outcome of a command that succeeded.
pub enum Verdict {
	/// Done; for a check (`verify`, `recognition`), the answer is yes.
	Done,
	/// A check's answer is no: the document is invalid, the operator not recognised, the
	/// record unknown (exit code 1).
	Invalid,
	/// What the command waited for did not come in time: its transaction is not final
	/// (exit code 3); it may still be included, finalized or dropped.
	NotFinal,
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
	let code: pallet_tamga_governance::CountryCode =
		text.parse().map_err(|e| format!("{flag} `{text}` {e}"))?;
	Ok(*code.as_bytes())
}

/// Which page of a paged list to print: `--page` and `--limit`, as the paged RPCs take
/// them.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct PageArgs {
	/// The page to print, from 0.
	#[arg(long, default_value_t = 0)]
	pub page: u32,
	/// How many entries a page holds (default: the most the node answers with).
	#[arg(long)]
	pub limit: Option<u32>,
}

impl PageArgs {
	/// `--limit`, or `max`; a limit of 0 or above `max` is refused here, before any
	/// request.
	pub fn limit(&self, max: u32) -> Result<u32, String> {
		match self.limit {
			None => Ok(max),
			Some(limit) if (1..=max).contains(&limit) => Ok(limit),
			Some(limit) => Err(format!("--limit must be 1 to {max}, got {limit}")),
		}
	}
}

/// The line saying which page of `total` `what` (e.g. `entries`) is shown: page `page`
/// of `limit` per page, holding `shown` of them, and the flag for the next page.
pub fn page_line(what: &str, total: u64, page: u64, limit: u64, shown: u64) -> String {
	if total == 0 {
		return format!("no {what}");
	}
	let last = (total - 1) / limit.max(1);
	if shown == 0 {
		return format!(
			"page {page} is past the end: {total} {what} in all, {limit} a page, on pages 0 to {last}"
		);
	}
	let first = page * limit + 1;
	let next = if page < last { format!("; more with --page {}", page + 1) } else { String::new() };
	format!(
		"page {page} of pages 0 to {last}: {what} {first} to {} of {total}{next}",
		first + shown - 1
	)
}

/// Prints `answer` as indented JSON.
pub fn print_json(answer: &impl serde::Serialize) {
	println!("{}", serde_json::to_string_pretty(answer).expect("JSON serialises"));
}

/// Prints history `entries` (each with block, extrinsic, actor and a tagged action) as a
/// table, one line per entry.
pub fn print_history<'a, A: serde::Serialize + 'a>(
	entries: impl IntoIterator<Item = (u64, u32, &'a str, &'a A)>,
) {
	println!("{:>8}  {:>3}  {:<48}  action", "block", "ext", "actor");
	for (block, extrinsic, actor, action) in entries {
		// An action is `{"type": …, details…}`: the type first, then what else it says.
		let mut action = serde_json::to_value(action).expect("JSON serialises");
		let kind = match action.as_object_mut().and_then(|map| map.remove("type")) {
			Some(serde_json::Value::String(kind)) => kind,
			_ => String::new(),
		};
		let details = if action.as_object().is_some_and(|m| m.is_empty()) {
			String::new()
		} else {
			action.to_string()
		};
		println!("{block:>8}  {extrinsic:>3}  {actor:<48}  {kind} {details}");
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn page_lines_say_where_the_page_is_and_what_comes_next() {
		assert_eq!(
			page_line("entries", 10, 0, 3, 3),
			"page 0 of pages 0 to 3: entries 1 to 3 of 10; more with --page 1"
		);
		assert_eq!(
			page_line("entries", 10, 3, 3, 1),
			"page 3 of pages 0 to 3: entries 10 to 10 of 10"
		);
		assert_eq!(
			page_line("changes", 10, 4, 3, 0),
			"page 4 is past the end: 10 changes in all, 3 a page, on pages 0 to 3"
		);
		assert_eq!(page_line("entries", 0, 0, 256, 0), "no entries");
		assert_eq!(
			page_line("entries", 256, 0, 256, 256),
			"page 0 of pages 0 to 0: entries 1 to 256 of 256"
		);
	}

	#[test]
	fn a_limit_of_zero_or_above_the_maximum_is_refused() {
		let args = |limit| PageArgs { page: 0, limit };
		assert_eq!(args(None).limit(256), Ok(256));
		assert_eq!(args(Some(3)).limit(256), Ok(3));
		assert_eq!(args(Some(0)).limit(256), Err("--limit must be 1 to 256, got 0".into()));
		assert_eq!(args(Some(257)).limit(256), Err("--limit must be 1 to 256, got 257".into()));
	}
}
