//! Submitting pre-signed extrinsics as fast as a node takes them: one thread per signer
//! (each signer's nonces in order), JSON-RPC batches, and a retry when the pool is full.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::rpc::{hex, Rpc};

/// Extrinsics per JSON-RPC batch request.
pub const BATCH: usize = 250;

/// How a submission went.
#[derive(Debug, Default)]
pub struct Submitted {
	/// Extrinsics the node accepted into its pool.
	pub accepted: u64,
	/// Extrinsics the node refused for good (the first reason is kept).
	pub refused: u64,
	/// The first refusal's reason.
	pub first_refusal: Option<String>,
	/// Times a full pool made the submitter wait.
	pub pool_full_waits: u64,
	/// From the first submission to the last acceptance.
	pub duration: Duration,
}

/// Whether an error means "the pool is full for now": wait and try again.
fn pool_full(error: &str) -> bool {
	error.contains("1014") || error.contains("1016") || error.contains("limit")
}

/// Submits `lanes` (each one signer's extrinsics, in nonce order) to the node behind `rpc`.
pub fn submit(rpc: &Rpc, lanes: Vec<Vec<Vec<u8>>>) -> Submitted {
	let started = Instant::now();
	let threads: Vec<_> = lanes
		.into_iter()
		.map(|lane| {
			let rpc = rpc.clone();
			std::thread::spawn(move || submit_lane(&rpc, lane))
		})
		.collect();
	let mut total = Submitted::default();
	for thread in threads {
		let lane = thread.join().expect("a submitter thread panicked");
		total.accepted += lane.accepted;
		total.refused += lane.refused;
		total.pool_full_waits += lane.pool_full_waits;
		total.first_refusal = total.first_refusal.or(lane.first_refusal);
	}
	total.duration = started.elapsed();
	total
}

fn submit_lane(rpc: &Rpc, lane: Vec<Vec<u8>>) -> Submitted {
	let mut outcome = Submitted::default();
	for chunk in lane.chunks(BATCH) {
		let mut pending: Vec<serde_json::Value> = chunk.iter().map(|x| json!([hex(x)])).collect();
		while !pending.is_empty() {
			let answers = match rpc.batch("author_submitExtrinsic", &pending) {
				Ok(answers) => answers,
				Err(error) => {
					outcome.refused += pending.len() as u64;
					outcome.first_refusal.get_or_insert(error);
					break;
				},
			};
			let mut retry = Vec::new();
			for (params, answer) in pending.into_iter().zip(answers) {
				match answer {
					Ok(_) => outcome.accepted += 1,
					Err(error) if error.contains("1013") || error.contains("already imported") => {
						outcome.accepted += 1
					},
					Err(error) if pool_full(&error) => retry.push(params),
					Err(error) => {
						outcome.refused += 1;
						outcome.first_refusal.get_or_insert(error);
					},
				}
			}
			if !retry.is_empty() {
				outcome.pool_full_waits += 1;
				std::thread::sleep(Duration::from_millis(100));
			}
			pending = retry;
		}
	}
	outcome
}
