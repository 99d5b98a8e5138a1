//! The indexer: follows a node's finalized blocks and writes them into the index.
//!
//! Only finalized blocks are read, so a block once indexed never changes and there is no
//! fork to undo. A fetching thread asks the node for batches of blocks while this one
//! decodes and writes the previous ones; every commit carries the number of the last block
//! it holds, so a restart (even after `kill -9`) goes on from there.

use std::{
	collections::HashMap,
	sync::mpsc::{sync_channel, Receiver},
	time::{Duration, Instant},
};

use crate::{
	block::DecodedBlock,
	decode::RuntimeTypes,
	rows::{BlockRows, Memory},
	source::{RawBlock, RpcSource, SourceError, MAX_BATCH_BLOCKS},
	store::Store,
};

/// What to index.
#[derive(Debug, Clone)]
pub struct Options {
	/// Stop after this block (by default the finalized head when caught up).
	pub to: Option<u32>,
	/// Keep following new finalized blocks instead of stopping at the head.
	pub follow: bool,
	/// How often to ask for new finalized blocks when caught up.
	pub poll: Duration,
	/// Draw a progress bar (a terminal) rather than print a line every few seconds.
	pub bar: bool,
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
	/// The first block it indexed (`None`: nothing was new).
	pub first: Option<u32>,
	/// The last block the index now holds.
	pub last: Option<u32>,
	/// Blocks indexed.
	pub blocks: u64,
	/// Events indexed.
	pub events: u64,
}

/// Commit at least this often (blocks), to bound what a restart redoes.
const COMMIT_BLOCKS: usize = 500;
/// Commit at least this often (events).
const COMMIT_EVENTS: usize = 20_000;
/// Commit at least this often (time).
const COMMIT_EVERY: Duration = Duration::from_secs(2);

enum Fetched {
	Blocks { blocks: Vec<RawBlock>, finalized: u32 },
	CaughtUp,
	Done,
	Failed(SourceError),
}

/// Indexes the finalized blocks of the node at `url` into `store`, after the last block
/// it holds.
pub fn run(url: &str, store: &mut Store, options: &Options) -> Result<Summary, String> {
	let source = RpcSource::new(url)?;
	let genesis = source.genesis_hash().map_err(|e| e.to_string())?;
	store.bind_to_chain(&genesis)?;
	let start = store.last_block()?.map_or(1, |last| last + 1);
	let nothing_new = Summary {
		first: None,
		last: start.checked_sub(1).filter(|n| *n > 0),
		blocks: 0,
		events: 0,
	};
	if options.to.is_some_and(|to| to < start) {
		return Ok(nothing_new);
	}
	let fetched = spawn_fetcher(url, start, options.clone())?;
	let mut types: HashMap<u32, RuntimeTypes> = HashMap::new();
	let mut memory = Memory::default();
	let mut pending: Vec<BlockRows> = Vec::new();
	let mut pending_events = 0;
	let mut last_commit = Instant::now();
	let mut summary = nothing_new;
	let mut progress = Progress::new(options.bar, start);
	let commit = |store: &mut Store, pending: &mut Vec<BlockRows>, summary: &mut Summary| {
		store.write(pending)?;
		if let Some(last) = pending.last() {
			summary.last = Some(last.block.number);
		}
		pending.clear();
		Ok::<_, String>(())
	};
	loop {
		let message = fetched.recv().unwrap_or(Fetched::Done);
		match message {
			Fetched::Blocks { blocks, finalized } => {
				for raw in &blocks {
					if !types.contains_key(&raw.spec_version) {
						let metadata = source.metadata(&raw.hash).map_err(|e| e.to_string())?;
						let read = RuntimeTypes::from_metadata(&metadata).map_err(|e| {
							format!(
								"block #{} (runtime version {}): {e}",
								raw.number, raw.spec_version
							)
						})?;
						types.insert(raw.spec_version, read);
					}
					let block = DecodedBlock::decode(raw, &types[&raw.spec_version])?;
					let rows = memory.rows(&block, store)?;
					summary.first.get_or_insert(raw.number);
					summary.blocks += 1;
					summary.events += rows.events.len() as u64;
					pending_events += rows.events.len();
					progress.step(raw.number, finalized, rows.events.len() as u64);
					pending.push(rows);
				}
				if pending.len() >= COMMIT_BLOCKS
					|| pending_events >= COMMIT_EVENTS
					|| last_commit.elapsed() >= COMMIT_EVERY
				{
					commit(store, &mut pending, &mut summary)?;
					pending_events = 0;
					last_commit = Instant::now();
				}
			},
			Fetched::CaughtUp => {
				commit(store, &mut pending, &mut summary)?;
				pending_events = 0;
				last_commit = Instant::now();
				progress.idle();
			},
			Fetched::Done => {
				commit(store, &mut pending, &mut summary)?;
				progress.finish();
				return Ok(summary);
			},
			Fetched::Failed(error) => {
				// What was decoded before the failure is kept.
				commit(store, &mut pending, &mut summary)?;
				progress.finish();
				return Err(error.to_string());
			},
		}
	}
}

/// Starts the thread that asks the node for blocks `start..` in batches.
fn spawn_fetcher(url: &str, start: u32, options: Options) -> Result<Receiver<Fetched>, String> {
	let source = RpcSource::new(url)?;
	let (send, receive) = sync_channel(8);
	std::thread::Builder::new()
		.name("tamga-index-fetch".into())
		.spawn(move || {
			let mut next = start;
			let mut failures = 0u32;
			loop {
				let finalized = match source.finalized_number() {
					Ok(n) => n,
					Err(e) => match retry(&mut failures, &options, &e) {
						true => continue,
						false => {
							let _ = send.send(Fetched::Failed(e));
							return;
						},
					},
				};
				let target = options.to.map_or(finalized, |to| to.min(finalized));
				if next > target {
					if options.to.is_some_and(|to| next > to) || !options.follow {
						let _ = send.send(Fetched::Done);
						return;
					}
					if send.send(Fetched::CaughtUp).is_err() {
						return;
					}
					std::thread::sleep(options.poll);
					continue;
				}
				while next <= target {
					let last = target.min(next + MAX_BATCH_BLOCKS - 1);
					match source.blocks(next, last) {
						Ok(blocks) => {
							failures = 0;
							next = last + 1;
							if send.send(Fetched::Blocks { blocks, finalized }).is_err() {
								return;
							}
						},
						Err(e) => {
							if matches!(e, SourceError::Unreachable(_))
								&& retry(&mut failures, &options, &e)
							{
								continue;
							}
							let _ = send.send(Fetched::Failed(e));
							return;
						},
					}
				}
			}
		})
		.map_err(|e| format!("cannot start the fetching thread: {e}"))?;
	Ok(receive)
}

/// After a failure to reach the node: waits and says to try again (with back-off, for
/// ever when following, five times otherwise), or says to give up.
fn retry(failures: &mut u32, options: &Options, error: &SourceError) -> bool {
	*failures += 1;
	if !options.follow && *failures > 5 {
		return false;
	}
	let wait = Duration::from_secs(1 << (*failures).min(5));
	eprintln!("{error}; trying again in {wait:?}");
	std::thread::sleep(wait);
	true
}

/// Progress on standard error: a bar on a terminal, otherwise a line every few seconds.
struct Progress {
	bar: bool,
	started: Instant,
	last_line: Instant,
	first: u32,
	blocks: u64,
	events: u64,
}

impl Progress {
	fn new(bar: bool, first: u32) -> Self {
		let now = Instant::now();
		Self { bar, started: now, last_line: now, first, blocks: 0, events: 0 }
	}

	fn step(&mut self, number: u32, finalized: u32, events: u64) {
		self.blocks += 1;
		self.events += events;
		let interval = Duration::from_millis(if self.bar { 100 } else { 5_000 });
		let last_of_bar = self.bar && number == finalized;
		if self.last_line.elapsed() < interval && !last_of_bar {
			return;
		}
		self.last_line = Instant::now();
		let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
		let (blocks_s, events_s) = (self.blocks as f64 / seconds, self.events as f64 / seconds);
		let left = finalized.saturating_sub(number);
		let eta = if blocks_s > 0.0 { left as f64 / blocks_s } else { 0.0 };
		let total = finalized.saturating_sub(self.first) + 1;
		let done = number.saturating_sub(self.first) + 1;
		let percent = u64::from(done) * 100 / u64::from(total.max(1));
		let figures = format!(
			"#{number}/#{finalized} {blocks_s:.0} blocks/s {events_s:.0} events/s ETA {eta:.0} s"
		);
		if self.bar {
			let filled = (percent / 4) as usize;
			eprint!(
				"\r[{}{}] {percent:>3}% {figures}  ",
				"#".repeat(filled),
				".".repeat(25 - filled.min(25))
			);
		} else {
			eprintln!("indexed {percent}% {figures}");
		}
	}

	fn idle(&mut self) {
		if self.bar && self.blocks > 0 {
			eprint!("\r");
		}
	}

	fn finish(&self) {
		if self.bar && self.blocks > 0 {
			eprintln!();
		}
	}
}
