//! Submitting pre-signed extrinsics as fast as a node takes them: one thread per signer
//! (each signer's nonces in order), JSON-RPC batches, and a retry when the pool is full.
//!
//! Each signer keeps at most [`window`] transactions ahead of its nonce in the best block:
//! the runtime refuses a party more (`MaxPartyPooled`), a pool flooded far beyond what
//! blocks take was seen to drop transactions, and a real issuer's client would not run
//! that far ahead either.

use std::time::{Duration, Instant};

use serde_json::json;

use tamga_tests::rpc::{to_hex as hex, RpcClient as Rpc};

/// Extrinsics per JSON-RPC batch request.
pub const BATCH: usize = 100;
/// Transactions a signer may have beyond its nonce in the best block: what the runtime
/// lets a party hold in the pool (`MaxPartyPooled`).
pub fn window() -> u32 {
	use sp_core::Get;
	<tamga_runtime::Runtime as pallet_tamga_governance::Config>::MaxPartyPooled::get()
}

/// One signer's pre-signed extrinsics, nonces `first_nonce..` in order.
pub struct Lane {
	/// The signer.
	pub account: tamga_runtime::AccountId,
	/// The nonce of the first extrinsic.
	pub first_nonce: u32,
	/// The extrinsics.
	pub extrinsics: Vec<Vec<u8>>,
}

/// The signer's nonce in the best block (`System.Account`).
fn chain_nonce(rpc: &Rpc, account: &tamga_runtime::AccountId) -> Result<u32, String> {
	let key = tamga_runtime::client::storage_keys::system_account(account);
	let value = rpc.call("state_getStorage", json!([hex(&key)]))?;
	let bytes = tamga_tests::rpc::from_hex(value.as_str().unwrap_or("0x00000000"))?;
	Ok(u32::from_le_bytes(bytes.get(..4).and_then(|b| b.try_into().ok()).unwrap_or([0; 4])))
}

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

/// Whether an error means "the pool is full for now" (1016, immediately dropped): wait
/// and try again.
fn pool_full(error: &str) -> bool {
	error.contains("1016")
}

/// How many times a batch request that failed in transport is retried.
const TRANSPORT_RETRIES: u32 = 5;

/// Submits `lanes` (each one signer's extrinsics, in nonce order) to the node behind `rpc`.
pub fn submit(rpc: &Rpc, lanes: Vec<Lane>) -> Submitted {
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

fn submit_lane(rpc: &Rpc, lane: Lane) -> Submitted {
	let mut outcome = Submitted::default();
	let mut next_nonce = lane.first_nonce;
	for (k, chunk) in lane.extrinsics.chunks(BATCH).enumerate() {
		// Wait for the chain to catch up with the window; a nonce that stops moving means
		// transactions the node accepted were lost: say so instead of waiting forever.
		let (mut seen, mut moved_at) = (None, Instant::now());
		while next_nonce >= window() {
			let Ok(nonce) = chain_nonce(rpc, &lane.account) else { break };
			if nonce + window() >= next_nonce + BATCH as u32 {
				break;
			}
			if seen != Some(nonce) {
				(seen, moved_at) = (Some(nonce), Instant::now());
			} else if moved_at.elapsed() > crate::watch::STALL {
				// This chunk and every later one of the lane will never be submitted.
				outcome.refused += (lane.extrinsics.len() - k * BATCH) as u64;
				outcome.first_refusal.get_or_insert(format!(
					"lost: the chain's nonce of {} stayed at {nonce} for {:?} although the \
					 node had accepted its transactions up to nonce {}",
					lane.account,
					crate::watch::STALL,
					next_nonce - 1
				));
				return outcome;
			}
			std::thread::sleep(Duration::from_millis(50));
		}
		next_nonce += chunk.len() as u32;
		let mut pending: Vec<serde_json::Value> = chunk.iter().map(|x| json!([hex(x)])).collect();
		let mut transport_failures = 0;
		while !pending.is_empty() {
			let answers = match rpc.batch("author_submitExtrinsic", &pending) {
				Ok(answers) => answers,
				Err(error) if transport_failures < TRANSPORT_RETRIES => {
					transport_failures += 1;
					eprintln!("  retrying a batch request: {error}");
					std::thread::sleep(Duration::from_millis(500));
					continue;
				},
				Err(error) => {
					outcome.refused += pending.len() as u64;
					outcome.first_refusal.get_or_insert(error);
					return outcome;
				},
			};
			let mut retry = Vec::new();
			for (params, answer) in pending.into_iter().zip(answers) {
				match answer {
					Ok(_) => outcome.accepted += 1,
					// 1013: already imported (a retried request that had got through).
					Err(error) if error.contains("1013") => outcome.accepted += 1,
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
