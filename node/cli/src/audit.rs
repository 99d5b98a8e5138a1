//! `tamga audit`: what an auditor reads. A document's history (every action with block,
//! extrinsic and actor), and the export of every event of Tamga's pallets (governance,
//! certificates, carnets, AEO) in a range of finalized blocks, as JSON lines or CSV, for
//! the auditor's own tools. Exports decode each block's events with the metadata of the
//! runtime that produced them ([`crate::event_json`]), so one export spans runtime upgrades.

use std::{
	collections::HashMap,
	io::{IsTerminal, Write},
	path::PathBuf,
};

use serde_json::{json, Value};

use crate::{
	event_json::{DecodedEvent, EventTypes},
	rpc::{CallError, Rpc},
	support::Verdict,
};

/// The pallets whose events are exported.
const TAMGA_PALLETS: [&str; 4] = ["Governance", "Certificates", "Carnets", "Aeo"];

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
				let rpc = connection.rpc()?;
				let mut sink: Box<dyn Write> = match out {
					Some(path) => Box::new(std::io::BufWriter::new(
						std::fs::File::create(path)
							.map_err(|e| format!("cannot create {}: {e}", path.display()))?,
					)),
					None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
				};
				let bar = out.is_some() || !std::io::stdout().is_terminal();
				let count = export(&rpc, *from, *to, *format, &mut sink, bar)?;
				sink.flush().map_err(|e| format!("cannot write the export: {e}"))?;
				eprintln!("exported {count} events of blocks #{from}..=#{to}");
				Ok(Verdict::Done)
			},
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

/// The number of the finalized head.
fn finalized_number(rpc: &Rpc) -> Result<u32, String> {
	let head = rpc.call("chain_getFinalizedHead", json!([]))?;
	let header = rpc.call("chain_getHeader", json!([head]))?;
	let number = header["number"].as_str().unwrap_or_default();
	u32::from_str_radix(number.trim_start_matches("0x"), 16)
		.map_err(|e| format!("bad block number: {e}"))
}

/// Writes every Tamga event of blocks `from..=to` to `sink`; returns how many.
fn export(
	rpc: &Rpc,
	from: u32,
	to: u32,
	format: Format,
	sink: &mut dyn Write,
	bar: bool,
) -> Result<u64, String> {
	if from > to {
		return Err(format!("--from {from} is after --to {to}"));
	}
	let finalized = finalized_number(rpc)?;
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
	let mut known = HashMap::new();
	for number in from..=to {
		let hash = rpc.call("chain_getBlockHash", json!([number]))?;
		let hash = hash.as_str().ok_or_else(|| format!("block #{number} is unknown"))?;
		let types = event_types(rpc, &mut known, number, hash)?;
		let raw = rpc.raw_events_at(hash).map_err(|e| match e {
			// The node could not read the block's state: most often it is pruned.
			CallError::Node { .. } => format!(
				"block #{number}'s state could not be read on this node ({e}); if the block is \
				 older than its state pruning window (256 blocks by default), export it from an \
				 archive node (--state-pruning archive)"
			),
			other => format!("block #{number}: {other}"),
		})?;
		let events =
			types.decode(&raw, &TAMGA_PALLETS).map_err(|e| format!("block #{number}: {e}"))?;
		for event in events {
			let record = Record { block: number, block_hash: hash.to_string(), event };
			match format {
				Format::Jsonl => write(sink, &record.json().to_string())?,
				Format::Csv => write(sink, &record.csv())?,
			}
			count += 1;
		}
		progress.step();
	}
	progress.finish();
	Ok(count)
}

/// The event types of the runtime that produced block `hash` (number `number`), read from
/// its metadata once per runtime version (`known`).
fn event_types<'a>(
	rpc: &Rpc,
	known: &'a mut HashMap<u32, EventTypes>,
	number: u32,
	hash: &str,
) -> Result<&'a EventTypes, String> {
	let version = rpc.call("state_getRuntimeVersion", json!([hash]))?;
	let spec = version["specVersion"]
		.as_u64()
		.and_then(|v| u32::try_from(v).ok())
		.ok_or_else(|| format!("block #{number}: the node's runtime version has no specVersion"))?;
	if !known.contains_key(&spec) {
		let metadata = rpc.call("state_getMetadata", json!([hash]))?;
		let bytes = crate::rpc::from_hex(metadata.as_str().unwrap_or_default())
			.map_err(|e| format!("block #{number}: the runtime's metadata is not hex: {e}"))?;
		let types = EventTypes::from_metadata(&bytes)
			.map_err(|e| format!("block #{number} (runtime version {spec}): {e}"))?;
		known.insert(spec, types);
	}
	Ok(&known[&spec])
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
