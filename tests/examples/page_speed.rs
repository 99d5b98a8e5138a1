//! Benchmark: how soon the verification page answers after an officer drops a 5 MB
//! document. Starts the four-validator local network, anchors two 5 MB documents, serves
//! the page from one node and, in headless Chromium, drops them alternately; the page
//! times each answer from the drop (`change` event) to the verdict shown (reading the
//! file, hashing it in Wasm, asking the page's server, which asks the node for the
//! verdict and the history, and drawing it). Prints the figures.
//!
//!   scripts/bench.sh page          (or: cargo run --example page_speed -p tamga-tests)
//!   TAMGA_PAGE_DROPS=50 ...        how many drops (default 20)

use std::path::Path;

use tamga_tests::{
	browser::{Browser, PAGE_TIMEOUT},
	cli::{accredit, client, ct1_facts},
	network::LocalNetwork,
	page::PageServer,
};

/// The document size officers drop.
const SIZE: usize = 5 * 1024 * 1024;

/// A 5 MB document whose bytes depend on `seed` (a PDF's entropy: not compressible).
fn document(seed: u64) -> Vec<u8> {
	let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
	(0..SIZE)
		.map(|_| {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state as u8
		})
		.collect()
}

fn main() {
	let drops: usize =
		std::env::var("TAMGA_PAGE_DROPS").ok().and_then(|n| n.parse().ok()).unwrap_or(20);
	eprintln!("starting the local network");
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let kz = &net.nodes[0];
	net.check(
		accredit(kz, "//Alice", "//Eve", "KZ Chamber", &["--role", "issuer", "--kind", "origin"])
			.ok(),
	);
	let dir = tempfile::tempdir().unwrap();
	let mut files = Vec::new();
	for n in 0..2u64 {
		let path = dir.path().join(format!("ct1-large-{n}.pdf"));
		std::fs::write(&path, document(n + 1)).unwrap();
		let number = format!("KZ-2026-BENCH-{n}");
		let facts = ct1_facts(&number, "bench-salt-0123456789");
		let mut args = vec!["register", "--file", path.to_str().unwrap()];
		args.extend(facts.iter().map(String::as_str));
		net.check(client(kz, "cert", Some("//Eve"), &args).ok());
		files.push(path);
	}
	let page = PageServer::start(&net.nodes[2].rpc_url());
	let mut browser = Browser::start("en-US,en");
	browser.open(&page.url("/"));
	eprintln!("dropping {drops} files of {} MB", SIZE / (1024 * 1024));
	let mut times = Vec::new();
	for i in 0..drops {
		let file: &Path = &files[i % 2];
		browser.eval("document.getElementById('result').dataset.state = 'idle'");
		browser.choose_files("files", &[file]);
		browser
			.wait_for("document.getElementById('result').dataset.state === 'done'", PAGE_TIMEOUT)
			.expect("the page answers");
		let valid = browser.eval("document.querySelector('#result article').dataset.valid");
		assert_eq!(valid, serde_json::json!("true"), "the large document is anchored and valid");
		let ms: f64 = browser
			.eval("Number(document.getElementById('result').dataset.elapsedMs)")
			.as_f64()
			.expect("the page timed its answer");
		times.push(ms);
	}
	// The first drop also compiles the Wasm hasher and warms the connection.
	let first = times[0];
	let mut sorted = times[1..].to_vec();
	sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
	let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
	println!("verification page, drop of a {} MB document to verdict shown", SIZE / (1024 * 1024));
	println!("  binaries: {}", tamga_tests::binary::tamga_cli().display());
	println!("  first drop {first:.0} ms; then {} drops:", sorted.len());
	println!(
		"  min {:.0} ms  median {:.0} ms  p95 {:.0} ms  max {:.0} ms",
		sorted[0],
		at(0.5),
		at(0.95),
		sorted[sorted.len() - 1]
	);
	let within = times.iter().filter(|t| **t <= 300.0).count();
	println!("  within 300 ms: {within} of {}", times.len());
}
