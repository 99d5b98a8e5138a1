//! Watching one node while load runs: when each block was first seen as best (its
//! inclusion, on this node) and as finalized, and what the finalized blocks carry.

use std::{
	collections::BTreeMap,
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc, Mutex,
	},
	thread::JoinHandle,
	time::{Duration, Instant},
};

use codec::Decode;
use serde_json::json;
use tamga_runtime::{RuntimeCall, UncheckedExtrinsic};

use crate::rpc::{unhex, Rpc};

/// How often the node is polled; also the resolution of the latencies measured.
pub const POLL: Duration = Duration::from_millis(20);

/// What finalized blocks carried, by kind of extrinsic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
	/// `Certificates.register` extrinsics.
	pub registrations: u64,
	/// `System.remark` extrinsics.
	pub remarks: u64,
	/// `Certificates.register_batch` extrinsics.
	pub batches: u64,
	/// Documents those batches anchored.
	pub batch_documents: u64,
	/// Any other signed extrinsics (set-up: accreditations).
	pub other: u64,
}

impl Counts {
	fn add(&mut self, other: &Counts) {
		self.registrations += other.registrations;
		self.remarks += other.remarks;
		self.batches += other.batches;
		self.batch_documents += other.batch_documents;
		self.other += other.other;
	}
}

/// One finalized block, as the watcher saw it.
#[derive(Clone, Debug)]
pub struct SeenBlock {
	/// When it was first seen as (part of) the best chain.
	pub best_at: Option<Instant>,
	/// When it was first seen finalized.
	pub finalized_at: Instant,
	/// What it carried.
	pub counts: Counts,
}

/// What the watcher has seen so far.
#[derive(Default)]
struct Seen {
	best: u32,
	best_at: BTreeMap<u32, Instant>,
	finalized: u32,
	blocks: BTreeMap<u32, SeenBlock>,
	error: Option<String>,
}

/// A background thread polling one node.
pub struct Watcher {
	seen: Arc<Mutex<Seen>>,
	stop: Arc<AtomicBool>,
	thread: Option<JoinHandle<()>>,
}

impl Watcher {
	/// Starts watching the node behind `rpc` from its current heads.
	pub fn start(rpc: Rpc) -> Result<Self, String> {
		let best = Rpc::number_of(&rpc.header(None)?).ok_or("best header without a number")?;
		let finalized_hash = rpc.call("chain_getFinalizedHead", json!([]))?;
		let finalized = Rpc::number_of(&rpc.header(finalized_hash.as_str())?)
			.ok_or("finalized header without a number")?;
		let seen = Arc::new(Mutex::new(Seen { best, finalized, ..Default::default() }));
		let stop = Arc::new(AtomicBool::new(false));
		let thread = {
			let (seen, stop) = (seen.clone(), stop.clone());
			std::thread::spawn(move || {
				while !stop.load(Ordering::Relaxed) {
					if let Err(error) = poll(&rpc, &seen) {
						seen.lock().unwrap().error = Some(error);
					}
					std::thread::sleep(POLL);
				}
			})
		};
		Ok(Self { seen, stop, thread: Some(thread) })
	}

	/// The number of the last finalized block seen.
	pub fn finalized(&self) -> u32 {
		self.seen.lock().unwrap().finalized
	}

	/// Waits until the finalized blocks after `after` carry what `enough` asks for; returns
	/// the time the block that completed it was seen finalized.
	pub fn wait_for(
		&self,
		after: u32,
		timeout: Duration,
		enough: impl Fn(&Counts) -> bool,
	) -> Result<Instant, String> {
		let deadline = Instant::now() + timeout;
		loop {
			{
				let seen = self.seen.lock().unwrap();
				let mut total = Counts::default();
				for block in seen.blocks.range(after + 1..).map(|(_, b)| b) {
					total.add(&block.counts);
					if enough(&total) {
						return Ok(block.finalized_at);
					}
				}
				if Instant::now() > deadline {
					return Err(format!(
						"timed out after {timeout:?}: finalized blocks after #{after} carry \
						 {total:?} (last finalized #{}; last error: {:?})",
						seen.finalized, seen.error
					));
				}
			}
			std::thread::sleep(POLL);
		}
	}

	/// The finalized blocks after `after`, up to `until` inclusive.
	pub fn blocks(&self, after: u32, until: u32) -> Vec<(u32, SeenBlock)> {
		let seen = self.seen.lock().unwrap();
		seen.blocks.range(after + 1..=until).map(|(n, b)| (*n, b.clone())).collect()
	}
}

impl Drop for Watcher {
	fn drop(&mut self) {
		self.stop.store(true, Ordering::Relaxed);
		if let Some(thread) = self.thread.take() {
			let _ = thread.join();
		}
	}
}

/// One poll: new best blocks get their time; new finalized blocks are fetched and counted.
fn poll(rpc: &Rpc, seen: &Mutex<Seen>) -> Result<(), String> {
	let best = Rpc::number_of(&rpc.header(None)?).ok_or("best header without a number")?;
	let now = Instant::now();
	{
		let mut seen = seen.lock().unwrap();
		for number in seen.best + 1..=best {
			seen.best_at.insert(number, now);
		}
		seen.best = seen.best.max(best);
	}
	let finalized_hash = rpc.call("chain_getFinalizedHead", json!([]))?;
	let finalized = Rpc::number_of(&rpc.header(finalized_hash.as_str())?)
		.ok_or("finalized header without a number")?;
	let now = Instant::now();
	let from = seen.lock().unwrap().finalized + 1;
	for number in from..=finalized {
		let hash = rpc.call("chain_getBlockHash", json!([number]))?;
		let block = rpc.call("chain_getBlock", json!([hash]))?;
		let mut counts = Counts::default();
		for extrinsic in block["block"]["extrinsics"].as_array().cloned().unwrap_or_default() {
			let bytes = unhex(extrinsic.as_str().unwrap_or_default())?;
			count(&bytes, &mut counts);
		}
		let mut seen = seen.lock().unwrap();
		let best_at = seen.best_at.get(&number).copied();
		seen.blocks.insert(number, SeenBlock { best_at, finalized_at: now, counts });
		seen.finalized = number;
	}
	Ok(())
}

/// Adds the extrinsic `bytes` to `counts` by what it calls (signed ones only).
fn count(bytes: &[u8], counts: &mut Counts) {
	let Ok(extrinsic) = UncheckedExtrinsic::decode(&mut &bytes[..]) else { return };
	if !matches!(extrinsic.preamble, sp_runtime::generic::Preamble::Signed(..)) {
		return;
	}
	use pallet_tamga_certificates::Call as Certificates;
	match extrinsic.function {
		RuntimeCall::Certificates(Certificates::register { .. }) => counts.registrations += 1,
		RuntimeCall::Certificates(Certificates::register_batch { count, .. }) => {
			counts.batches += 1;
			counts.batch_documents += count as u64;
		},
		RuntimeCall::System(frame_system::Call::remark { .. }) => counts.remarks += 1,
		_ => counts.other += 1,
	}
}
