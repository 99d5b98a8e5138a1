//! The results as a table for people and as JSON for the record.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// A readable table of `results`: one column per network.
pub fn table(results: &Value) -> String {
	let networks: Vec<(&String, &Value)> =
		results["networks"].as_object().map(|m| m.iter().collect()).unwrap_or_default();
	let rate = |v: &Value| format!("{:.0}/s", v.as_f64().unwrap_or(f64::NAN));
	let ms = |v: &Value| format!("{:.1} ms", v.as_f64().unwrap_or(f64::NAN));
	let ratio = |v: &Value| format!("{:.2}", v.as_f64().unwrap_or(f64::NAN));
	let rows: Vec<(&str, Box<dyn Fn(&Value) -> String>)> = vec![
		("registrations finalized", Box::new(move |n| rate(&n["registrations"]["perSecond"]))),
		(
			"most registrations in a block",
			Box::new(|n| n["registrations"]["mostInOneBlock"].to_string()),
		),
		("batch documents finalized", Box::new(move |n| rate(&n["batches"]["perSecond"]))),
		("tamga_verifyDocument", Box::new(move |n| rate(&n["verify"]["perSecond"]))),
		(
			"  p50 / p99",
			Box::new(move |n| {
				format!("{} / {}", ms(&n["verify"]["p50Ms"]), ms(&n["verify"]["p99Ms"]))
			}),
		),
		("state_getStorage (same entry)", Box::new(move |n| rate(&n["storage"]["perSecond"]))),
		(
			"  p50 / p99",
			Box::new(move |n| {
				format!("{} / {}", ms(&n["storage"]["p50Ms"]), ms(&n["storage"]["p99Ms"]))
			}),
		),
		("verify / raw read", Box::new(move |n| ratio(&n["verifyToStorage"]))),
		(
			"finality after inclusion p50 / p95",
			Box::new(move |n| {
				format!("{} / {}", ms(&n["finality"]["p50Ms"]), ms(&n["finality"]["p95Ms"]))
			}),
		),
		(
			"index: events into SQLite",
			Box::new(move |n| {
				format!(
					"{} ({} extrinsics/s)",
					rate(&n["indexing"]["eventsPerSecond"]),
					n["indexing"]["extrinsicsPerSecond"].as_f64().unwrap_or(f64::NAN).round()
				)
			}),
		),
	];
	let mut out = String::new();
	let header: Vec<String> = networks
		.iter()
		.map(|(name, n)| format!("{name} ({} validators)", n["validators"]))
		.collect();
	if !networks.is_empty() {
		out += &format!("| {:<36} | {} |\n", "", header.join(" | "));
		out += &format!("|{}|{}\n", "-".repeat(38), "---|".repeat(networks.len()));
		for (label, cell) in &rows {
			let cells: Vec<String> = networks.iter().map(|(_, n)| cell(n)).collect();
			out += &format!("| {label:<36} | {} |\n", cells.join(" | "));
		}
	}
	let query = &results["indexQuery"];
	if query.is_object() {
		out += &format!(
			"\nindex: one issuer's documents of a month over {} events: p50 {} / p99 {} \
			 ({} rows each; written at {}, {} MB)\n",
			query["events"],
			ms(&query["p50Ms"]),
			ms(&query["p99Ms"]),
			query["rowsPerAnswer"],
			rate(&query["writtenPerSecond"]),
			query["databaseBytes"].as_u64().unwrap_or(0) / 1_000_000,
		);
	}
	let exchange = &results["exchange"];
	if exchange.is_object() {
		out += &format!(
			"\nexchange KZ -> KG nodes, {} deliveries: queued {}, taken by KG's node {}, \
			 receipts final {}; arrival to receipt final p50 {} / p95 {}\n",
			exchange["deliveries"],
			rate(&exchange["queuedPerSecond"]),
			rate(&exchange["takenPerSecond"]),
			rate(&exchange["receiptedPerSecond"]),
			ms(&exchange["receiptFinalP50Ms"]),
			ms(&exchange["receiptFinalP95Ms"]),
		);
	}
	let machine = &results["machine"];
	out += &format!(
		"\nmachine: {} ({} cores), {} GiB RAM, Linux {}; node: {} build; {}\n",
		machine["cpu"].as_str().unwrap_or("?"),
		machine["cores"],
		machine["memoryGiB"],
		machine["kernel"].as_str().unwrap_or("?"),
		machine["nodeBuild"].as_str().unwrap_or("?"),
		results["date"].as_str().unwrap_or("?"),
	);
	out
}

/// Writes `results` to `<dir>/<date>.json` and `<dir>/latest.json`; returns the first.
pub fn write(dir: &Path, results: &Value) -> Result<PathBuf, String> {
	std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
	let text = serde_json::to_string_pretty(results).map_err(|e| e.to_string())?;
	let dated = dir.join(format!("{}.json", results["date"].as_str().unwrap_or("undated")));
	for path in [&dated, &dir.join("latest.json")] {
		std::fs::write(path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
	}
	Ok(dated)
}
