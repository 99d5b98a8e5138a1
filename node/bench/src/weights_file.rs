//! The `weights.rs` a pallet gets from its measured figures.

use std::path::{Path, PathBuf};

use crate::measure::Figures;

/// Where pallet `pallet` (e.g. `pallet_tamga_carnets`) keeps its weights under the
/// workspace root: `pallets/carnets/src/weights.rs`.
pub fn path(workspace: &Path, pallet: &str) -> Result<PathBuf, String> {
	let folder = pallet
		.strip_prefix("pallet_tamga_")
		.ok_or_else(|| format!("{pallet} is not one of Tamga's pallets"))?;
	let path = workspace.join("pallets").join(folder).join("src").join("weights.rs");
	if !path.exists() {
		return Err(format!(
			"{} does not exist: is --workspace the repository root?",
			path.display()
		));
	}
	Ok(path)
}

/// Today, as an ISO 8601 date (UTC).
fn today() -> String {
	let seconds = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_secs())
		.unwrap_or_default();
	let (year, month, day) =
		pallet_tamga_governance::calendar::civil_date((seconds / 86_400) as i64);
	format!("{year:04}-{month:02}-{day:02}")
}

/// `n` with `_` between groups of three digits, as rustfmt leaves numeric literals.
fn literal(n: u128) -> String {
	let digits = n.to_string();
	let mut out = String::new();
	for (i, c) in digits.chars().enumerate() {
		if i > 0 && (digits.len() - i) % 3 == 0 {
			out.push('_');
		}
		out.push(c);
	}
	out
}

/// `text` as lines of at most 100 columns (a tab counts 4), each starting with `prefix`.
fn wrapped(prefix: &str, text: &str) -> String {
	let indent = prefix.replace('\t', "    ").chars().count();
	let mut out = String::new();
	let mut line = String::new();
	for word in text.split_whitespace() {
		if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > 100 {
			out.push_str(&format!("{prefix}{line}\n"));
			line.clear();
		}
		if !line.is_empty() {
			line.push(' ');
		}
		line.push_str(word);
	}
	if !line.is_empty() {
		out.push_str(&format!("{prefix}{line}\n"));
	}
	out
}

/// The source of `pallet`'s `weights.rs` from `figures`, measured with `repeat` repeats.
pub fn render(pallet: &str, figures: &[Figures], repeat: u32) -> String {
	let header = format!(
		"Weights of the `{pallet}` calls, measured by `tamga-bench` \
		 (`scripts/bench-weights.sh`) on {} on {}: each call's worst case (see \
		 `benchmarking.rs`) run in the runtime's Wasm, the median of {repeat} runs, plus \
		 the runtime's cost of each distinct key it reads and writes (`DbWeight`, measured on \
		 RocksDB by the same tool: `runtime/src/db_weight.rs`), and the storage proof it \
		 needs. The runner is a release build, as a validator is. Generated: run the script again after changing a call or its \
		 benchmark instead of editing this file.",
		today(),
		crate::measure::machine()
	);
	let mut out = wrapped("//! ", &header);
	out.push_str(&format!(
		"\nuse core::marker::PhantomData;\n\n\
		 use frame_support::{{traits::Get, weights::Weight}};\n\n\
		 /// Weight functions of the `{pallet}` calls.\npub trait WeightInfo {{\n"
	));
	for f in figures {
		let doc = format!(
			"`{}`: {:.1} µs (runs from {:.1} to {:.1} µs), {} reads, {} writes, proof {} B.",
			f.call,
			f.median_ns as f64 / 1_000.0,
			f.min_ns as f64 / 1_000.0,
			f.max_ns as f64 / 1_000.0,
			f.reads,
			f.writes,
			f.proof_size
		);
		out.push_str(&wrapped("\t/// ", &doc));
		out.push_str(&format!("\tfn {}() -> Weight;\n", f.call));
	}
	out.push_str(
		"}\n\n/// The measured weights, with runtime `T`'s cost of each storage read and write\n\
		 /// (`DbWeight`).\npub struct TamgaWeight<T>(PhantomData<T>);\n\n\
		 impl<T: frame_system::Config> WeightInfo for TamgaWeight<T> {\n",
	);
	for f in figures {
		out.push_str(&format!(
			"\tfn {}() -> Weight {{\n\
			 \t\tWeight::from_parts({}, {})\n\
			 \t\t\t.saturating_add(T::DbWeight::get().reads({}))\n\
			 \t\t\t.saturating_add(T::DbWeight::get().writes({}))\n\
			 \t}}\n",
			f.call,
			literal(f.median_ns * 1_000),
			literal(u128::from(f.proof_size)),
			f.reads,
			f.writes
		));
	}
	out.push_str("}\n");
	out
}

/// The source of `runtime/src/db_weight.rs` from the measured database costs.
pub fn render_db_weight(costs: &crate::database::DatabaseCosts) -> String {
	let header = format!(
		"What one storage read and one storage write cost a Tamga validator: measured by \
		 `tamga-bench` (`scripts/bench-weights.sh`) on {} on {}, through the client's own \
		 database code on RocksDB with the trie cache off. A read: the mean of {} random \
		 reads of {} document-sized records in a freshly opened database (median {:.1} µs, \
		 95th percentile {:.1} µs). A write: the mean cost per changed key of {} blocks that each change {} records \
		 (new trie root, nodes written, block committed). Every call's weight adds these per \
		 distinct key it reads and writes. Generated: run the script again on validator \
		 hardware instead of editing this file.",
		today(),
		crate::measure::machine(),
		costs.reads,
		costs.entries,
		costs.read_median_ns as f64 / 1_000.0,
		costs.read_p95_ns as f64 / 1_000.0,
		costs.blocks,
		costs.keys_per_block,
	);
	let mut out = wrapped("//! ", &header);
	out.push_str(&format!(
		"\nuse frame_support::{{\n\
		 \tparameter_types,\n\
		 \tweights::{{constants::WEIGHT_REF_TIME_PER_NANOS, RuntimeDbWeight}},\n\
		 }};\n\n\
		 parameter_types! {{\n\
		 \t/// One storage read: {:.1} µs; one storage write: {:.1} µs.\n\
		 \tpub const TamgaDbWeight: RuntimeDbWeight = RuntimeDbWeight {{\n\
		 \t\tread: {} * WEIGHT_REF_TIME_PER_NANOS,\n\
		 \t\twrite: {} * WEIGHT_REF_TIME_PER_NANOS,\n\
		 \t}};\n\
		 }}\n",
		costs.read_ns as f64 / 1_000.0,
		costs.write_ns as f64 / 1_000.0,
		literal(u128::from(costs.read_ns)),
		literal(u128::from(costs.write_ns)),
	));
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn long_text_wraps_under_the_line_limit() {
		let text = "word ".repeat(60);
		let lines = wrapped("//! ", &text);
		assert!(lines.lines().all(|l| l.chars().count() <= 100 && l.starts_with("//! ")));
		assert_eq!(lines.split_whitespace().filter(|w| *w == "word").count(), 60);
	}

	#[test]
	fn literals_group_digits_by_three() {
		assert_eq!(literal(0), "0");
		assert_eq!(literal(999), "999");
		assert_eq!(literal(1_000), "1_000");
		assert_eq!(literal(123_456_789), "123_456_789");
	}
}
