//! Watching one node while load runs: when each block was first seen as best (its
//! inclusion, on this node) and as finalized, and what the finalized blocks carry.
//!
//! Two threads: one polls the two heads every [`POLL`] and stamps times; the other
//! downloads each finalized block with its events and counts the extrinsics that
//! succeeded, so downloading never delays the stamps.

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
use tamga_runtime::{RuntimeCall, RuntimeEvent, UncheckedExtrinsic};

use tamga_tests::rpc::{from_hex as unhex, to_hex as hex, RpcClient as Rpc};

/// How often the heads are polled: the resolution of the latencies measured.
pub const POLL: Duration = Duration::from_millis(20);

/// How long finalized blocks may bring nothing new before a phase counts as stalled.
pub const STALL: Duration = Duration::from_secs(30);

/// What finalized blocks carried, by kind of extrinsic; only extrinsics that succeeded.
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
	/// Signed extrinsics that failed in dispatch (of any kind).
	pub failed: u64,
}

impl Counts {
	fn add(&mut self, other: &Counts) {
		self.registrations += other.registrations;
		self.remarks += other.remarks;
		self.batches += other.batches;
		self.batch_documents += other.batch_documents;
		self.other += other.other;
		self.failed += other.failed;
	}
}

/// One block, as the watcher saw it.
#[derive(Clone, Debug, Default)]
pub struct SeenBlock {
	/// When it was first seen as (part of) the best chain.
	pub best_at: Option<Instant>,
	/// When it was first seen finalized.
	pub finalized_at: Option<Instant>,
	/// What it carried, once downloaded.
	pub counts: Option<Counts>,
}

#[derive(Default)]
struct Seen {
	best: u32,
	finalized: u32,
	blocks: BTreeMap<u32, SeenBlock>,
	error: Option<String>,
}

/// Background threads watching one node.
pub struct Watcher {
	seen: Arc<Mutex<Seen>>,
	stop: Arc<AtomicBool>,
	threads: Vec<JoinHandle<()>>,
}

impl Watcher {
	/// Starts watching the node behind `rpc` from its current heads.
	pub fn start(rpc: Rpc) -> Result<Self, String> {
		let (best, finalized) = heads(&rpc)?;
		let seen = Arc::new(Mutex::new(Seen { best, finalized, ..Default::default() }));
		let stop = Arc::new(AtomicBool::new(false));
		let stamp = {
			let (rpc, seen, stop) = (rpc.clone(), seen.clone(), stop.clone());
			std::thread::spawn(move || {
				while !stop.load(Ordering::Relaxed) {
					if let Err(error) = stamp_heads(&rpc, &seen) {
						seen.lock().unwrap().error = Some(error);
					}
					std::thread::sleep(POLL);
				}
			})
		};
		let download = {
			let (seen, stop) = (seen.clone(), stop.clone());
			std::thread::spawn(move || {
				let mut next = finalized + 1;
				while !stop.load(Ordering::Relaxed) {
					if next > seen.lock().unwrap().finalized {
						std::thread::sleep(POLL);
						continue;
					}
					match download(&rpc, next) {
						Ok(counts) => {
							seen.lock().unwrap().blocks.entry(next).or_default().counts =
								Some(counts);
							next += 1;
						},
						Err(error) => {
							seen.lock().unwrap().error = Some(error);
							std::thread::sleep(POLL);
						},
					}
				}
			})
		};
		Ok(Self { seen, stop, threads: vec![stamp, download] })
	}

	/// The number of the last finalized block seen.
	pub fn finalized(&self) -> u32 {
		self.seen.lock().unwrap().finalized
	}

	/// Waits until the finalized blocks after `after` carry what `enough` asks for (and
	/// none of their extrinsics failed); returns the time the block that completed it was
	/// seen finalized and its number.
	pub fn wait_for(
		&self,
		after: u32,
		timeout: Duration,
		enough: impl Fn(&Counts) -> bool,
	) -> Result<(Instant, u32), String> {
		let deadline = Instant::now() + timeout;
		let (mut progress, mut progressed_at) = (Counts::default(), Instant::now());
		loop {
			{
				let seen = self.seen.lock().unwrap();
				let mut total = Counts::default();
				for (number, block) in seen.blocks.range(after + 1..) {
					let (Some(counts), Some(finalized_at)) = (block.counts, block.finalized_at)
					else {
						break;
					};
					total.add(&counts);
					if total.failed > 0 {
						return Err(format!("an extrinsic failed in block #{number}: {total:?}"));
					}
					if enough(&total) {
						return Ok((finalized_at, *number));
					}
				}
				if total != progress {
					(progress, progressed_at) = (total, Instant::now());
				}
				if progressed_at.elapsed() > STALL {
					return Err(format!(
						"stalled: nothing more finalized for {STALL:?}; finalized blocks after \
						 #{after} carry {total:?} (last finalized #{}; last error: {:?})",
						seen.finalized, seen.error
					));
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

	/// The blocks after `after`, up to `until` inclusive.
	pub fn blocks(&self, after: u32, until: u32) -> Vec<(u32, SeenBlock)> {
		let seen = self.seen.lock().unwrap();
		seen.blocks.range(after + 1..=until).map(|(n, b)| (*n, b.clone())).collect()
	}
}

impl Drop for Watcher {
	fn drop(&mut self) {
		self.stop.store(true, Ordering::Relaxed);
		for thread in self.threads.drain(..) {
			let _ = thread.join();
		}
	}
}

/// The best and finalized block numbers.
fn heads(rpc: &Rpc) -> Result<(u32, u32), String> {
	Ok((rpc.block_number(None)?, rpc.finalized_number()?))
}

/// Stamps the blocks that became best or finalized since the last poll.
fn stamp_heads(rpc: &Rpc, seen: &Mutex<Seen>) -> Result<(), String> {
	let (best, finalized) = heads(rpc)?;
	let now = Instant::now();
	let mut seen = seen.lock().unwrap();
	for number in seen.best + 1..=best.max(finalized) {
		seen.blocks.entry(number).or_default().best_at.get_or_insert(now);
	}
	for number in seen.finalized + 1..=finalized {
		seen.blocks.entry(number).or_default().finalized_at.get_or_insert(now);
	}
	seen.best = seen.best.max(best).max(finalized);
	seen.finalized = seen.finalized.max(finalized);
	Ok(())
}

/// Downloads finalized block `number` with its events and counts what succeeded in it.
fn download(rpc: &Rpc, number: u32) -> Result<Counts, String> {
	let hash = rpc.call("chain_getBlockHash", json!([number]))?;
	let block = rpc.call("chain_getBlock", json!([hash]))?;
	let key = tamga_runtime::client::storage_keys::system_events();
	let events = rpc.call("state_getStorage", json!([hex(&key), hash]))?;
	let events = unhex(events.as_str().unwrap_or("0x00"))?;
	let events =
		Vec::<frame_system::EventRecord<RuntimeEvent, sp_core::H256>>::decode(&mut &events[..])
			.map_err(|e| format!("events of block #{number} do not decode: {e}"))?;
	let failed: Vec<u32> = events
		.iter()
		.filter_map(|record| match (&record.phase, &record.event) {
			(
				frame_system::Phase::ApplyExtrinsic(index),
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. }),
			) => Some(*index),
			_ => None,
		})
		.collect();
	let mut counts = Counts::default();
	let extrinsics = block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
	for (index, extrinsic) in extrinsics.iter().enumerate() {
		let bytes = unhex(extrinsic.as_str().unwrap_or_default())?;
		if failed.contains(&(index as u32)) {
			counts.failed += 1;
		} else {
			count(&bytes, &mut counts);
		}
	}
	Ok(counts)
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
