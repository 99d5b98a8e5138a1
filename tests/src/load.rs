//! A steady stream of certificate registrations, as the consortium's issuers produce under
//! load, and the question asked after every fault: which of them does a node hold as
//! finalized, and do they still verify?

use std::{
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc, Mutex,
	},
	thread::JoinHandle,
	time::{Duration, Instant},
};

use serde_json::json;
use tamga_rpc_types::DocumentVerdict;

use crate::{
	cli::{account, client_at, ct1_facts},
	node::TamgaNode,
	rpc::{to_hex, RpcClient},
};

/// The id of the `n`th load document of this test process.
pub fn document_id(n: usize) -> String {
	let text = format!("tamga load document {} #{n}", std::process::id());
	to_hex(&sp_io::hashing::blake2_256(text.as_bytes()))
}

/// Anchors document `n` (a CT-1, KZ to KG) through the node at RPC `url` as the issuer
/// `suri`, signed with `nonce`, without waiting for a block; returns its id once the node
/// accepted it.
pub fn register(url: &str, suri: &str, n: usize, nonce: u32) -> Result<String, String> {
	let id = document_id(n);
	let nonce = nonce.to_string();
	let mut args = vec!["--wait", "submitted", "--nonce", &nonce, "register", "--id", &id]
		.into_iter()
		.map(String::from)
		.collect::<Vec<_>>();
	args.extend(ct1_facts(&format!("KZ-LOAD-{n}"), "0123456789abcdef"));
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	client_at(url, "cert", Some(suri), &args).ok().map(|_| id)
}

/// The next nonce of `account` as the node at RPC `url` counts it (none if it does not
/// answer).
fn node_next_nonce(url: &str, account: &str) -> Option<u32> {
	let rpc = RpcClient::with_url(url, Duration::from_secs(10));
	let nonce = rpc.call("system_accountNextIndex", json!([account])).ok()?;
	nonce.as_u64().and_then(|n| u32::try_from(n).ok())
}

/// How long the node's nonce count may stay below the stream's own before the stream
/// takes it as a gap to fill: five blocks.
pub const GAP_PATIENCE: Duration = Duration::from_secs(10);

/// How often the stream compares its nonce count with the node's.
const GAP_CHECK_EVERY: Duration = Duration::from_secs(2);

/// Watches for a gap between the stream's own nonce count and the node's.
#[derive(Default)]
struct GapWatch {
	/// When the count was last compared.
	checked: Option<Instant>,
	/// Since when, and at which count, the node has been behind.
	behind: Option<(Instant, u32)>,
}

impl GapWatch {
	/// The nonce to sign the next registration with at `now`, given the stream's own count
	/// `own` and a way to `ask` the node for its count.
	fn next(&mut self, now: Instant, own: u32, ask: impl FnOnce() -> Option<u32>) -> u32 {
		if self.checked.is_some_and(|at| now.duration_since(at) < GAP_CHECK_EVERY) {
			return own;
		}
		self.checked = Some(now);
		match ask() {
			Some(node) if node < own => match self.behind {
				Some((since, at)) if at == node && now.duration_since(since) >= GAP_PATIENCE => {
					eprintln!(
						"load: the node has counted nonce {node} as next for {:?} while the \
						 stream is at {own}: a transaction it accepted was lost; filling the gap",
						now.duration_since(since)
					);
					self.behind = None;
					node
				},
				Some((_, at)) if at == node => own,
				_ => {
					self.behind = Some((now, node));
					own
				},
			},
			_ => {
				self.behind = None;
				own
			},
		}
	}
}

/// Registrations submitted one after another from a background thread until stopped.
///
/// The stream keeps its own count of nonces, as an issuer's batch software does: after
/// one registration is accepted the next takes the following nonce. Asking the node each
/// time would be wrong around a fork switch: until the node has put the transactions of
/// the abandoned blocks back into its pool it counts their nonces as unused, and a new
/// registration signed with one would displace a registration it had already accepted.
/// After a refusal the stream asks the node again, never going below its own count.
///
/// A transaction the node accepted and later lost would leave a gap that holds every later
/// one back, so the stream also checks now and then: if the node's count has stayed below
/// its own for [`GAP_PATIENCE`] (several blocks, far longer than a fork switch), it logs
/// the gap and signs the next registration with the node's count, which fills it.
pub struct RegistrationLoad {
	stop: Arc<AtomicBool>,
	accepted: Arc<Mutex<Vec<String>>>,
	thread: Option<JoinHandle<()>>,
}

impl RegistrationLoad {
	/// Starts submitting registrations as the issuer `suri` through `node`'s RPC, one
	/// after another as fast as the node accepts them.
	pub fn start(node: &TamgaNode, suri: &str) -> Self {
		Self::start_paced(node, suri, Duration::ZERO)
	}

	/// Like [`start`](Self::start), but at most one registration every `pause` (a steady
	/// load rather than the most the node takes).
	pub fn start_paced(node: &TamgaNode, suri: &str, pause: Duration) -> Self {
		let stop = Arc::new(AtomicBool::new(false));
		let accepted = Arc::new(Mutex::new(Vec::new()));
		let url = node.rpc_url();
		let suri = suri.to_string();
		let signer = account(&suri);
		let thread = {
			let (stop, accepted) = (stop.clone(), accepted.clone());
			std::thread::spawn(move || {
				let (mut n, mut nonce, mut gaps) = (0, None, GapWatch::default());
				while !stop.load(Ordering::Relaxed) {
					std::thread::sleep(pause);
					let Some(own) = nonce.or_else(|| node_next_nonce(&url, &signer)) else {
						std::thread::sleep(Duration::from_millis(200));
						continue;
					};
					let current = gaps.next(Instant::now(), own, || node_next_nonce(&url, &signer));
					match register(&url, &suri, n, current) {
						Ok(id) => {
							accepted.lock().unwrap_or_else(|e| e.into_inner()).push(id);
							nonce = Some(current + 1);
						},
						Err(_) => {
							let asked = node_next_nonce(&url, &signer);
							nonce = Some(asked.map_or(current, |asked| asked.max(current)));
						},
					}
					n += 1;
				}
			})
		};
		Self { stop, accepted, thread: Some(thread) }
	}

	/// The ids of the registrations the node accepted so far.
	pub fn accepted(&self) -> Vec<String> {
		self.accepted.lock().unwrap_or_else(|e| e.into_inner()).clone()
	}

	/// Stops the stream and returns the ids of every accepted registration.
	pub fn stop(mut self) -> Vec<String> {
		self.halt();
		self.accepted()
	}

	fn halt(&mut self) {
		self.stop.store(true, Ordering::Relaxed);
		if let Some(thread) = self.thread.take() {
			let _ = thread.join();
		}
	}
}

impl Drop for RegistrationLoad {
	fn drop(&mut self) {
		self.halt();
	}
}

/// Of `ids`, those that verify as valid on `node` at the finalized block `at`.
pub fn valid_at(node: &TamgaNode, at: &str, ids: &[String]) -> Result<Vec<String>, String> {
	let rpc = node.rpc();
	let mut valid = Vec::new();
	for id in ids {
		// An id not (yet) anchored at that block has the verdict `notAnchored`.
		let answer: DocumentVerdict = rpc.ask("tamga_verifyDocument", json!([id, at]))?;
		if answer.valid {
			valid.push(id.clone());
		}
	}
	Ok(valid)
}

/// Of `ids`, those that verify as valid on `node` at its finalized head, with that head.
pub fn finalized_valid(node: &TamgaNode, ids: &[String]) -> Result<(String, Vec<String>), String> {
	let head = node.rpc().finalized_hash()?;
	let valid = valid_at(node, &head, ids)?;
	Ok((head, valid))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_lasting_gap_is_filled_and_a_fork_switch_is_not_mistaken_for_one() {
		let start = Instant::now();
		let at = |seconds: u64| start + Duration::from_secs(seconds);
		let mut watch = GapWatch::default();
		// In step with the node: its own count.
		assert_eq!(watch.next(at(0), 10, || Some(10)), 10);
		// Checked at most every two seconds: the node is not asked in between.
		assert_eq!(watch.next(at(1), 11, || panic!("asked too often")), 11);
		// Behind for a moment (a fork switch), then caught up: no gap.
		assert_eq!(watch.next(at(2), 12, || Some(9)), 12);
		assert_eq!(watch.next(at(4), 13, || Some(13)), 13);
		// Behind at a moving count: still catching up.
		assert_eq!(watch.next(at(6), 14, || Some(11)), 14);
		assert_eq!(watch.next(at(20), 15, || Some(12)), 15);
		// Behind at the same count for ten seconds: the gap is filled.
		assert_eq!(watch.next(at(25), 16, || Some(12)), 16);
		assert_eq!(watch.next(at(30), 17, || Some(12)), 12);
		// A node that does not answer changes nothing.
		assert_eq!(watch.next(at(40), 18, || None), 18);
	}
}
