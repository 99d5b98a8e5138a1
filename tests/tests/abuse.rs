//! Abuse under load on a real four-validator network: while KZ's chamber streams
//! registrations through KZ's node, RPC clients hammer KG's and AM's nodes with contract
//! dry runs that loop forever (asking for `u64::MAX` gas), the largest paged queries and
//! malformed requests. Finality keeps its pace (the time from a block's import to its
//! finality, p95 ≤ 3 s) and no registration the node accepted is lost. The figures are
//! printed.

use std::{
	collections::BTreeMap,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc,
	},
	thread::{self, JoinHandle},
	time::{Duration, Instant},
};

use serde_json::json;
use tamga_tests::{
	cli::accredit,
	contracts::{instantiate_dry_run, LOOPING_CONTRACT},
	load::{finalized_valid, RegistrationLoad},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	rpc::RpcClient,
	wait,
};

const ALL: [usize; 4] = [0, 1, 2, 3];
/// How long the RPC is hammered.
const ABUSE: Duration = Duration::from_secs(60);

/// A hammering client: a thread repeating one kind of request until told to stop, and how
/// many answers (results or errors) it got.
struct Hammer {
	name: &'static str,
	answered: Arc<AtomicU64>,
	thread: JoinHandle<()>,
}

impl Hammer {
	/// Starts calling `request` on `rpc` until `stop`.
	fn start(
		name: &'static str,
		rpc: RpcClient,
		stop: Arc<AtomicBool>,
		request: impl Fn(&RpcClient) -> bool + Send + 'static,
	) -> Self {
		let answered = Arc::new(AtomicU64::new(0));
		let thread = {
			let answered = answered.clone();
			thread::spawn(move || {
				while !stop.load(Ordering::Relaxed) {
					if request(&rpc) {
						answered.fetch_add(1, Ordering::Relaxed);
					}
				}
			})
		};
		Self { name, answered, thread }
	}
}

/// When each block was first seen as best and as finalized on one node, polled every
/// 100 ms.
#[derive(Default)]
struct Seen {
	best: BTreeMap<u32, Instant>,
	finalized: BTreeMap<u32, Instant>,
}

impl Seen {
	/// Polls `rpc` once.
	fn poll(&mut self, rpc: &RpcClient) {
		let now = Instant::now();
		if let Ok(best) = rpc.block_number(None) {
			let from = self.best.keys().next_back().map_or(best, |last| last + 1);
			for number in from..=best {
				self.best.entry(number).or_insert(now);
			}
		}
		if let Ok(finalized) = rpc.finalized_number() {
			let from = self.finalized.keys().next_back().map_or(finalized, |last| last + 1);
			for number in from..=finalized {
				self.finalized.entry(number).or_insert(now);
			}
		}
	}

	/// How long after its import each block was finalized, sorted.
	fn lags(&self) -> Vec<Duration> {
		let mut lags: Vec<Duration> = self
			.finalized
			.iter()
			.filter_map(|(number, at)| Some(at.saturating_duration_since(*self.best.get(number)?)))
			.collect();
		lags.sort();
		lags
	}
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
	sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// Posts `body` as it is, ignoring the answer (malformed requests).
fn post_raw(rpc_url: &str, body: &str) -> bool {
	let answer = ureq::post(rpc_url).set("Content-Type", "application/json").send_string(body);
	answer.is_ok() || matches!(answer, Err(ureq::Error::Status(..)))
}

#[test]
fn hammering_the_rpc_under_a_registration_stream_slows_no_finality_and_loses_nothing() {
	let net = LocalNetwork::start();
	net.wait_finalized(&ALL, 1);
	let kz = &net.nodes[0];
	let role = ["--role", "issuer", "--kind", "origin"];
	net.check(accredit(kz, "//Alice", "//Eve", "KZ Chamber", &role).ok());
	let load = RegistrationLoad::start(kz, "//Eve");

	let stop = Arc::new(AtomicBool::new(false));
	let hex64 = format!("0x{}", "ab".repeat(32));
	let mut hammers = Vec::new();
	for node in [1, 2] {
		let rpc = net.nodes[node].rpc();
		hammers.push(Hammer::start("looping dry run, u64::MAX gas", rpc, stop.clone(), |rpc| {
			let gas = Some(sp_runtime::Weight::MAX);
			instantiate_dry_run(rpc, "//Bob", LOOPING_CONTRACT, gas).is_ok()
		}));
	}
	let id = hex64.clone();
	hammers.push(Hammer::start("largest paged queries", net.nodes[1].rpc(), stop.clone(), {
		move |rpc| {
			let answers = [
				rpc.call("tamga_pendingAcknowledgements", json!(["KG", 0, 1000])),
				rpc.call("tamga_carnetMovements", json!(["KZ/2026/1", 0, 256])),
				rpc.call("tamga_documentHistory", json!([id])),
			];
			answers.iter().all(|a| a.is_ok() || a.as_ref().is_err_and(|e| e.contains("-320")))
		}
	}));
	let url = net.nodes[2].rpc_url();
	let long = "7".repeat(1_000_000);
	hammers.push(Hammer::start("malformed requests", net.nodes[2].rpc(), stop.clone(), {
		move |rpc| {
			let garbage = post_raw(&url, "{ this is not json");
			let refused = rpc.call("tamga_verifyDocument", json!([long])).is_err();
			let wrong = rpc.call("tamga_aeoRecognition", json!([42, [], {"x": 1}])).is_err();
			garbage && refused && wrong
		}
	}));

	// Finality as KZ's node (the one taking the registrations) sees it, meanwhile.
	let watcher = {
		let (rpc, stop) = (kz.rpc(), stop.clone());
		thread::spawn(move || {
			let mut seen = Seen::default();
			while !stop.load(Ordering::Relaxed) {
				seen.poll(&rpc);
				thread::sleep(Duration::from_millis(100));
			}
			seen
		})
	};
	thread::sleep(ABUSE);
	stop.store(true, Ordering::Relaxed);
	let seen = watcher.join().expect("the watcher ends");
	let counts: Vec<(&str, u64)> = hammers
		.into_iter()
		.map(|h| {
			h.thread.join().expect("a hammer ends");
			(h.name, h.answered.load(Ordering::Relaxed))
		})
		.collect();

	// Every registration the node accepted is final and valid, on another node too.
	let accepted = load.stop();
	assert!(!accepted.is_empty(), "no registration was accepted");
	let by = &net.nodes[3];
	let missing = std::cell::RefCell::new(accepted.clone());
	let waited = wait::until(LIVENESS_TIMEOUT, "BY's node to finalize every registration", || {
		let (_, valid) = finalized_valid(by, &missing.borrow()).ok()?;
		missing.borrow_mut().retain(|id| !valid.contains(id));
		missing.borrow().is_empty().then_some(())
	});
	net.check(
		waited.map_err(|e| {
			format!("{e}: {} not final: {:?}", missing.borrow().len(), missing.borrow())
		}),
	);

	let lags = seen.lags();
	assert!(
		lags.len() >= 10,
		"only {} blocks were finalized while the RPC was hammered",
		lags.len()
	);
	let (p50, p95) = (percentile(&lags, 50), percentile(&lags, 95));
	eprintln!(
		"abuse for {ABUSE:?}: {}; {} registrations accepted, all final; {} blocks finalized, \
		 import to finality p50 {p50:?}, p95 {p95:?}, max {:?}",
		counts.iter().map(|(name, n)| format!("{n} {name}")).collect::<Vec<_>>().join(", "),
		accepted.len(),
		lags.len(),
		lags[lags.len() - 1],
	);
	for (name, answered) in &counts {
		assert!(*answered > 0, "the {name} hammer got no answer at all");
	}
	assert!(p95 <= Duration::from_secs(3), "finality p95 {p95:?} > 3 s under RPC abuse");
}
