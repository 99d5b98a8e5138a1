//! The auditors' index under load: how fast `tamga audit index` takes a loaded node's
//! finalized history into SQLite, and how fast the index answers "every document of one
//! issuer in one month" once it holds a million events.

use std::time::Instant;

use serde_json::{json, Value};
use tamga_index::{
	follow,
	query::{self, Filter},
	rows::{month_of, BlockRow, BlockRows, EventRow},
	store::{Cell, Store},
};

/// Indexes the finalized chain of the node at `url` into a fresh SQLite file.
pub fn indexing(url: &str) -> Result<Value, String> {
	let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
	let path = dir.path().join("index.sqlite").display().to_string();
	let mut store = Store::open(&path)?;
	let options = follow::Options {
		to: None,
		follow: false,
		poll: std::time::Duration::from_secs(1),
		bar: false,
	};
	let started = Instant::now();
	let summary = follow::run(url, &mut store, &options)?;
	let seconds = started.elapsed().as_secs_f64();
	let rows = store.select("SELECT COUNT(*) FROM calls", &[])?;
	let extrinsics = rows.first().and_then(|r| r.first()).and_then(Cell::int).unwrap_or(0);
	Ok(json!({
		"blocks": summary.blocks, "events": summary.events, "extrinsics": extrinsics,
		"seconds": seconds, "eventsPerSecond": summary.events as f64 / seconds,
		"extrinsicsPerSecond": extrinsics as f64 / seconds,
		"blocksPerSecond": summary.blocks as f64 / seconds,
	}))
}

/// Issuers and months the synthetic history is spread over.
const ISSUERS: usize = 50;
const MONTHS: usize = 12;
/// Events per synthetic block.
const EVENTS_PER_BLOCK: usize = 1_000;
/// How many times the query is asked.
const QUERIES: usize = 200;

/// Writes `events` synthetic events (six in ten anchorings, three uses, one revocation,
/// spread over [`ISSUERS`] issuers and [`MONTHS`] months) through the index's own writing
/// path, then asks "every document of one issuer in one month" [`QUERIES`] times.
pub fn query_latency(events: usize) -> Result<Value, String> {
	let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
	let path = dir.path().join("synthetic.sqlite").display().to_string();
	let mut store = Store::open(&path)?;
	let month_ms = |m: usize| tamga_index::period::range_ms(&format!("2026-{:02}", m + 1));
	let starts: Vec<(i64, i64)> = (0..MONTHS).map(month_ms).collect::<Result<_, _>>()?;
	let issuer = |i: usize| format!("5SyntheticIssuer{i:032}");
	let started = Instant::now();
	let blocks = events.div_ceil(EVENTS_PER_BLOCK);
	let mut batch = Vec::new();
	for b in 0..blocks {
		let month = b * MONTHS / blocks;
		let (start, end) = starts[month];
		let time_ms = start
			+ (end - start) * (b % (blocks / MONTHS).max(1)) as i64
				/ (blocks / MONTHS).max(1) as i64;
		let rows: Vec<EventRow> = (0..EVENTS_PER_BLOCK.min(events - b * EVENTS_PER_BLOCK))
			.map(|p| {
				let n = b * EVENTS_PER_BLOCK + p;
				let id = format!("0x{:064x}", n / 2);
				let (event, account) = match n % 10 {
					0..=5 => ("Registered", issuer(n % ISSUERS)),
					6..=8 => ("Used", format!("5SyntheticOfficer{:031}", n % 97)),
					_ => ("Revoked", issuer(n % ISSUERS)),
				};
				EventRow {
					block: b as u32 + 1,
					position: p as u32,
					extrinsic: Some(p as u32),
					time_ms: Some(time_ms),
					month: Some(month_of(time_ms)),
					signer: Some(account.clone()),
					pallet: "Certificates".into(),
					event: event.into(),
					fields: format!(
						r#"{{"id":"{id}","issuer":"{}","kind":0}}"#,
						issuer(n % ISSUERS)
					),
					subject: Some(id),
					issuer: Some(issuer(n % ISSUERS)),
					account: Some(account),
					office: (event == "Used").then(|| "KGAKJ".to_string()),
					country: Some("KZ".into()),
					partner: Some("KG".into()),
					kind: Some("0".into()),
					operator: None,
				}
			})
			.collect();
		batch.push(BlockRows {
			block: BlockRow {
				number: b as u32 + 1,
				hash: format!("0x{:064x}", b + 1),
				time_ms: Some(time_ms),
				spec_version: 114,
			},
			calls: Vec::new(),
			events: rows,
			subjects: Vec::new(),
			parties: Vec::new(),
		});
		if batch.len() == 20 || b + 1 == blocks {
			store.write(&batch)?;
			batch.clear();
		}
	}
	let writing = started.elapsed().as_secs_f64();
	let mut latencies = Vec::with_capacity(QUERIES);
	let mut rows = 0;
	for q in 0..QUERIES {
		let (since, until) = starts[q % MONTHS];
		let filter = Filter {
			issuer: Some(issuer((q * 7) % ISSUERS)),
			event: Some("Certificates.Registered".into()),
			since_ms: Some(since),
			until_ms: Some(until),
			..Default::default()
		};
		let asked = Instant::now();
		let answer = query::events(&mut store, &filter)?;
		latencies.push(asked.elapsed().as_secs_f64() * 1000.0);
		rows += answer.rows.len();
	}
	latencies.sort_by(|a, b| a.partial_cmp(b).expect("numbers"));
	let at = |q: f64| {
		latencies[((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1]
	};
	let bytes =
		std::fs::metadata(dir.path().join("synthetic.sqlite")).map(|m| m.len()).unwrap_or(0);
	Ok(json!({
		"events": events, "writeSeconds": writing, "writtenPerSecond": events as f64 / writing,
		"queries": QUERIES, "rowsPerAnswer": rows / QUERIES,
		"p50Ms": at(0.5), "p99Ms": at(0.99), "maxMs": at(1.0), "databaseBytes": bytes,
	}))
}
