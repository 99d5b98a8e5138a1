//! Hammering one JSON-RPC method from several threads for a while: requests per second and
//! the latency distribution.

use std::time::{Duration, Instant};

use serde_json::Value;

use tamga_tests::rpc::RpcClient as Rpc;

/// Throughput and latency of one method under concurrent load.
#[derive(Clone, Debug)]
pub struct Latency {
	/// The method.
	pub method: String,
	/// Concurrent clients (threads, one keep-alive connection each).
	pub clients: usize,
	/// Requests answered without error.
	pub requests: u64,
	/// Requests that got an error.
	pub errors: u64,
	/// Answered requests per second.
	pub per_second: f64,
	/// Median latency, milliseconds.
	pub p50_ms: f64,
	/// 99th percentile latency, milliseconds.
	pub p99_ms: f64,
}

impl Latency {
	/// As JSON.
	pub fn to_json(&self) -> Value {
		serde_json::json!({
			"method": self.method, "clients": self.clients, "requests": self.requests,
			"errors": self.errors, "perSecond": self.per_second, "p50Ms": self.p50_ms,
			"p99Ms": self.p99_ms,
		})
	}
}

/// The `q`-quantile (0..=1) of sorted `values`.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
	if sorted.is_empty() {
		return f64::NAN;
	}
	let index = ((sorted.len() - 1) as f64 * q).round() as usize;
	sorted[index]
}

/// Calls `method` on `url` from `clients` threads for `duration`, each request with the
/// next entry of `params` (each thread starts at another offset), so that answers are not
/// served from one hot entry.
pub fn hammer(
	url: &str,
	method: &str,
	params: &[Value],
	clients: usize,
	duration: Duration,
) -> Latency {
	let started = Instant::now();
	let deadline = started + duration;
	let params = std::sync::Arc::new(params.to_vec());
	let threads: Vec<_> = (0..clients)
		.map(|client| {
			let (rpc, method, params) = (
				Rpc::with_url(url, std::time::Duration::from_secs(60)),
				method.to_string(),
				params.clone(),
			);
			std::thread::spawn(move || {
				let (mut latencies, mut errors) = (Vec::new(), 0u64);
				let mut next = client * params.len() / clients.max(1);
				while Instant::now() < deadline {
					let request = params[next % params.len()].clone();
					next += 1;
					let sent = Instant::now();
					match rpc.call(&method, request) {
						Ok(_) => latencies.push(sent.elapsed().as_secs_f64() * 1000.0),
						Err(_) => errors += 1,
					}
				}
				(latencies, errors)
			})
		})
		.collect();
	let (mut all, mut errors) = (Vec::new(), 0);
	for thread in threads {
		let (latencies, thread_errors) = thread.join().expect("a client thread panicked");
		all.extend(latencies);
		errors += thread_errors;
	}
	// Requests sent before the deadline finish after it: divide by the time they took.
	let elapsed = started.elapsed();
	all.sort_by(|a, b| a.partial_cmp(b).expect("latencies are numbers"));
	Latency {
		method: method.to_string(),
		clients,
		requests: all.len() as u64,
		errors,
		per_second: all.len() as f64 / elapsed.as_secs_f64(),
		p50_ms: quantile(&all, 0.50),
		p99_ms: quantile(&all, 0.99),
	}
}
