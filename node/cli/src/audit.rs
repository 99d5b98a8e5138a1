//! `tamga audit`: what an auditor reads. A document's history (every action with block,
//! extrinsic and actor); the export of every event of Tamga's pallets (governance,
//! certificates, carnets, AEO) in a range of finalized blocks, as JSON lines or CSV; the
//! index of the whole history in SQLite or PostgreSQL (`audit index`), and queries and
//! statistics over it (`audit query`, `audit stats`). Exports and the index decode blocks
//! the same way ([`tamga_index::block`]): each with the metadata of the runtime that
//! produced it, so both span runtime upgrades.

use std::{
	collections::HashMap,
	io::{IsTerminal, Write},
	path::PathBuf,
};

use serde_json::{json, Value};
use tamga_index::{
	block::DecodedBlock,
	decode::{DecodedEvent, RuntimeTypes},
	source::{RpcSource, MAX_BATCH_BLOCKS},
};

use crate::support::Verdict;

/// An auditor's reading.
#[derive(Debug, clap::Subcommand)]
pub enum AuditCmd {
	/// Every recorded action on a document, oldest first.
	History {
		/// The node to talk to.
		#[command(flatten)]
		connection: crate::tx::Connection,
		/// Which document.
		#[command(flatten)]
		document: crate::cert::DocumentArg,
		/// Print the node's JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Every event of Tamga's pallets in finalized blocks FROM..=TO, one record per event:
	/// block, block hash, extrinsic index, pallet, event and its fields.
	Export {
		/// The node to talk to.
		#[command(flatten)]
		connection: crate::tx::Connection,
		/// The first block.
		#[arg(long)]
		from: u32,
		/// The last block (at most the finalized head).
		#[arg(long)]
		to: u32,
		/// `jsonl` (one JSON object per line) or `csv` (with a header line).
		#[arg(long, value_enum, default_value = "jsonl")]
		format: Format,
		/// Write to this file instead of standard output.
		#[arg(long)]
		out: Option<PathBuf>,
	},
	/// Index the chain's finalized history into a database: every block, every extrinsic
	/// with its signer and outcome, every event of Tamga's pallets with typed columns.
	/// Restartable at any moment: it goes on after the last block it committed. Needs the
	/// blocks' state: index from an archive node, or keep it following (--follow).
	Index(crate::audit_index::IndexArgs),
	/// List indexed events matching every given filter, oldest first (reads the index
	/// only, no node).
	Query(crate::audit_index::QueryArgs),
	/// Statistics from the index: `issued` (documents per month, issuer and country pair),
	/// `uses` (per customs office and officer), `endorsement` (application to endorsement
	/// per issuer), `acknowledgements` (AEO acknowledgement delays per partner).
	Stats(crate::audit_index::StatsArgs),
}

/// An export format.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
	/// One JSON object per line.
	Jsonl,
	/// Comma-separated values with a header line.
	Csv,
}

impl AuditCmd {
	/// Prints the history or writes the export.
	pub fn run(&self) -> Result<Verdict, String> {
		match self {
			Self::History { connection, document, json } => {
				crate::cert::history(&connection.rpc()?, document.id()?, *json)
			},
			Self::Export { connection, from, to, format, out } => {
				let source = RpcSource::new(&connection.url)?;
				let mut sink: Box<dyn Write> = match out {
					Some(path) => Box::new(std::io::BufWriter::new(
						std::fs::File::create(path)
							.map_err(|e| format!("cannot create {}: {e}", path.display()))?,
					)),
					None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
				};
				let bar = out.is_some() || !std::io::stdout().is_terminal();
				let count = export(&source, *from, *to, *format, &mut sink, bar)?;
				sink.flush().map_err(|e| format!("cannot write the export: {e}"))?;
				eprintln!("exported {count} events of blocks #{from}..=#{to}");
				Ok(Verdict::Done)
			},
			Self::Index(args) => args.run(),
			Self::Query(args) => args.run(),
			Self::Stats(args) => args.run(),
		}
	}
}

/// One exported event.
#[derive(Debug, PartialEq)]
pub struct Record {
	/// Its block.
	pub block: u32,
	/// The block's hash.
	pub block_hash: String,
	/// The event, as the block's runtime metadata names it.
	pub event: DecodedEvent,
}

impl Record {
	/// As a JSON object.
	pub fn json(&self) -> Value {
		json!({
			"block": self.block,
			"blockHash": self.block_hash,
			"extrinsic": self.event.extrinsic,
			"pallet": self.event.pallet,
			"event": self.event.event,
			"fields": self.event.fields,
		})
	}

	/// As a CSV line (RFC 4180 quoting); the fields column holds their JSON.
	pub fn csv(&self) -> String {
		let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
		format!(
			"{},{},{},{},{},{}",
			self.block,
			self.block_hash,
			self.event.extrinsic.map(|i| i.to_string()).unwrap_or_default(),
			self.event.pallet,
			self.event.event,
			quote(&self.event.fields.to_string())
		)
	}
}

/// The CSV header line.
pub const CSV_HEADER: &str = "block,blockHash,extrinsic,pallet,event,fields";

/// Writes every Tamga event of blocks `from..=to` to `sink`; returns how many.
fn export(
	source: &RpcSource,
	from: u32,
	to: u32,
	format: Format,
	sink: &mut dyn Write,
	bar: bool,
) -> Result<u64, String> {
	if from > to {
		return Err(format!("--from {from} is after --to {to}"));
	}
	let finalized = source.finalized_number().map_err(|e| e.to_string())?;
	if to > finalized {
		return Err(format!(
			"block #{to} is not finalized yet (the finalized head is #{finalized}); an export \
			 holds only blocks that can no longer change"
		));
	}
	let write = |sink: &mut dyn Write, line: &str| {
		writeln!(sink, "{line}").map_err(|e| format!("cannot write the export: {e}"))
	};
	if let Format::Csv = format {
		write(sink, CSV_HEADER)?;
	}
	let mut progress = Progress::new(u64::from(to - from) + 1, bar);
	let mut count = 0;
	let mut known: HashMap<u32, RuntimeTypes> = HashMap::new();
	let mut first = from;
	while first <= to {
		let last = to.min(first.saturating_add(MAX_BATCH_BLOCKS - 1));
		for raw in source.blocks(first, last).map_err(|e| e.to_string())? {
			if !known.contains_key(&raw.spec_version) {
				let metadata = source.metadata(&raw.hash).map_err(|e| e.to_string())?;
				let types = RuntimeTypes::from_metadata(&metadata).map_err(|e| {
					format!("block #{} (runtime version {}): {e}", raw.number, raw.spec_version)
				})?;
				known.insert(raw.spec_version, types);
			}
			let block = DecodedBlock::decode(&raw, &known[&raw.spec_version])?;
			for (_, event) in block.events {
				let record = Record { block: raw.number, block_hash: raw.hash.clone(), event };
				match format {
					Format::Jsonl => write(sink, &record.json().to_string())?,
					Format::Csv => write(sink, &record.csv())?,
				}
				count += 1;
			}
			progress.step();
		}
		first = last + 1;
	}
	progress.finish();
	Ok(count)
}

/// A progress bar on standard error, drawn only when that is a terminal and `wanted` (the
/// export does not go to the same terminal).
struct Progress {
	total: u64,
	done: u64,
	shown: u64,
	terminal: bool,
}

impl Progress {
	fn new(total: u64, wanted: bool) -> Self {
		Self { total, done: 0, shown: 0, terminal: wanted && std::io::stderr().is_terminal() }
	}

	fn step(&mut self) {
		self.done += 1;
		let percent = self.done * 100 / self.total.max(1);
		if self.terminal && (percent > self.shown || self.done == self.total) {
			self.shown = percent;
			let filled = (percent / 4) as usize;
			eprint!(
				"\r[{}{}] {percent:>3}%  {}/{} blocks",
				"#".repeat(filled),
				".".repeat(25 - filled),
				self.done,
				self.total
			);
		}
	}

	fn finish(&self) {
		if self.terminal {
			eprintln!();
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn csv_fields_are_quoted() {
		let record = Record {
			block: 1,
			block_hash: "0x01".into(),
			event: DecodedEvent {
				extrinsic: None,
				pallet: "Aeo".into(),
				event: "Certified".into(),
				fields: json!({ "name": "a, b" }),
			},
		};
		assert_eq!(record.csv(), "1,0x01,,Aeo,Certified,\"{\"\"name\"\":\"\"a, b\"\"}\"");
	}
}
