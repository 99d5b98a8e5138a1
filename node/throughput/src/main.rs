//! `tamga-throughput`: how much load Tamga carries and how long a border officer waits,
//! measured on real networks started here: a single-validator dev node and the
//! four-validator local network on loopback.
//!
//! Modules: [`scenario`] (the phases of one run), [`exchange`] (deliveries between two
//! administrations' nodes), [`submit`] (pre-signed extrinsics as
//! fast as the node takes them), [`watch`] (inclusion and finality times, what finalized
//! blocks carry), [`latency`] (RPC under concurrent load), [`index`] (the auditors'
//! index: indexing rate and query latency), [`signing`], [`machine`], [`report`].

mod exchange;
mod index;
mod latency;
mod machine;
mod report;
mod scenario;
mod signing;
mod submit;
mod watch;

use std::{path::PathBuf, time::Duration};

use clap::Parser;
use serde_json::json;
use tamga_runtime::genesis_presets::{DEV_ADMINISTRATION, LOCAL_ADMINISTRATIONS};
use tamga_tests::{
	network::LocalNetwork,
	node::{TamgaNode, ValidatorKeys},
	wait,
};

/// Measure Tamga's throughput and latency on a dev node and on the four-validator local
/// network, started here from `$TAMGA_NODE_BIN` (scripts/bench.sh builds a release node
/// and sets it).
///
/// Per network: single certificate registrations into finalized blocks per second,
/// documents anchored by batch per second (client hashing included), `tamga_verifyDocument` against
/// raw `state_getStorage` of the same entries (requests/s, p50, p99), and finality after
/// inclusion (p50, p95); the auditors' index taking the loaded chain into SQLite (events/s)
/// and answering one issuer's documents of a month over a million events (p50, p99);
/// deliveries between KZ's and KG's nodes (taken and receipted per second, arrival to
/// receipt final p50, p95). Prints a table and writes JSON.
#[derive(Debug, Parser)]
#[command(name = "tamga-throughput", version)]
struct Args {
	/// Single registrations per network.
	#[arg(long, default_value_t = 20_000)]
	registrations: usize,
	/// Issuers the load is spread over, one submitting thread each.
	#[arg(long, default_value_t = 8)]
	issuers: usize,
	/// Batches anchored per network (enough that the rate is the sustained one, not the
	/// latency of the last batch).
	#[arg(long, default_value_t = 40)]
	batches: usize,
	/// Documents per batch.
	#[arg(long, default_value_t = 200_000)]
	batch_size: usize,
	/// Size of each synthetic document hashed for a batch, bytes.
	#[arg(long, default_value_t = 1024)]
	document_bytes: usize,
	/// Seconds each RPC method is called under load.
	#[arg(long, default_value_t = 10)]
	rpc_seconds: u64,
	/// Concurrent RPC clients.
	#[arg(long, default_value_t = 8)]
	rpc_clients: usize,
	/// Deliveries KZ's node sends KG's in the exchange run (0: no exchange run).
	#[arg(long, default_value_t = 2_000)]
	deliveries: usize,
	/// Threads queueing deliveries on KZ's node.
	#[arg(long, default_value_t = 4)]
	delivery_senders: usize,
	/// Which networks: `dev`, `local`, both, or `none` (only the exchange run).
	#[arg(long, value_delimiter = ',', default_value = "dev,local")]
	networks: Vec<String>,
	/// Extra `tamga-node` arguments for every node, after the pool options (repeat; e.g.
	/// `--node-arg=--pool-type --node-arg=fork-aware`).
	#[arg(long = "node-arg", allow_hyphen_values = true)]
	node_args: Vec<String>,
	/// Synthetic events the auditors' index holds when its query latency is measured (0:
	/// not measured).
	#[arg(long, default_value_t = 1_000_000)]
	index_events: usize,
	/// Where the JSON results go (`<date>.json` and `latest.json`).
	#[arg(long, default_value = "node/throughput/results")]
	out: PathBuf,
}

/// Node options for load: a transaction pool that holds a whole phase, of the single-state
/// kind (why: `docs/decisions.md`, "The single-state transaction pool").
const POOL_ARGS: [&str; 6] =
	["--pool-limit", "100000", "--pool-kbytes", "524288", "--pool-type", "single-state"];

fn main() {
	let args = Args::parse();
	let options = scenario::Options {
		registrations: args.registrations,
		issuers: args.issuers,
		batches: args.batches,
		batch_size: args.batch_size,
		document_bytes: args.document_bytes,
		rpc_duration: Duration::from_secs(args.rpc_seconds),
		rpc_clients: args.rpc_clients,
		timeout: Duration::from_secs(600),
	};
	let binary = tamga_tests::binary::tamga_node();
	let mut results = json!({
		"date": tamga_rpc::dates::iso_date(today()),
		"machine": machine::describe(&binary),
		"options": format!("{options:?}"),
		"nodeArgs": node_args(&args.node_args),
		"networks": {},
	});
	for network in args.networks.iter().filter(|n| *n != "none") {
		eprintln!("benchmarking the {network} network");
		let outcome = match network.as_str() {
			"dev" => dev(&options, &node_args(&args.node_args)),
			"local" => local(&options, &node_args(&args.node_args)),
			other => Err(format!("unknown network {other}: use dev or local")),
		};
		match outcome {
			Ok(figures) => results["networks"][network] = figures,
			Err(error) => {
				eprintln!("error: the {network} benchmark failed: {error}");
				std::process::exit(2);
			},
		}
	}
	if args.deliveries > 0 {
		eprintln!("benchmarking {} deliveries between two administrations' nodes", args.deliveries);
		let exchange = exchange::ExchangeOptions {
			deliveries: args.deliveries,
			senders: args.delivery_senders,
			timeout: options.timeout,
		};
		match exchange::run(&node_args(&args.node_args), &exchange) {
			Ok(figures) => results["exchange"] = figures,
			Err(error) => {
				eprintln!("error: the exchange benchmark failed: {error}");
				std::process::exit(2);
			},
		}
	}
	if args.index_events > 0 {
		eprintln!("benchmarking the auditors' index over {} events", args.index_events);
		match index::query_latency(args.index_events) {
			Ok(figures) => results["indexQuery"] = figures,
			Err(error) => {
				eprintln!("error: the index query benchmark failed: {error}");
				std::process::exit(2);
			},
		}
	}
	println!("{}", report::table(&results));
	match report::write(&args.out, &results) {
		Ok(path) => eprintln!("results written to {}", path.display()),
		Err(error) => {
			eprintln!("error: cannot write the results: {error}");
			std::process::exit(2);
		},
	}
}

/// The pool options followed by the user's extra node arguments.
fn node_args(extra: &[String]) -> Vec<String> {
	POOL_ARGS.iter().map(|s| s.to_string()).chain(extra.iter().cloned()).collect()
}

fn today() -> u32 {
	let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	(now.as_secs() / 86_400) as u32
}

/// The `dev` chain on one validator.
fn dev(options: &scenario::Options, args: &[String]) -> Result<serde_json::Value, String> {
	let dir = tempfile_dir()?;
	let keys = ValidatorKeys { seed: DEV_ADMINISTRATION.account_key.to_seed() };
	let mut node = TamgaNode::prepare("dev", "dev", &dir.join("dev"), Some(&keys));
	node.extra_args = args.to_vec();
	node.start();
	wait_finalized(&node)?;
	let mut figures = scenario::run(&node.rpc_url(), &DEV_ADMINISTRATION, options)?;
	figures["validators"] = json!(1);
	drop(node);
	let _ = std::fs::remove_dir_all(&dir);
	Ok(figures)
}

/// The `local` chain on four validators on loopback; load goes through KZ's node.
fn local(options: &scenario::Options, args: &[String]) -> Result<serde_json::Value, String> {
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let net = LocalNetwork::start_with_node_args(&args);
	for node in &net.nodes {
		wait_finalized(node)?;
	}
	let mut figures = scenario::run(&net.nodes[0].rpc_url(), &LOCAL_ADMINISTRATIONS[0], options)?;
	figures["validators"] = json!(net.nodes.len());
	Ok(figures)
}

fn wait_finalized(node: &TamgaNode) -> Result<(), String> {
	wait::until(Duration::from_secs(120), &format!("{} to finalize a block", node.name), || {
		node.rpc().finalized_number().ok().filter(|n| *n >= 1)
	})
	.map(|_| ())
	.map_err(|e| format!("{e}\n{}", node.log_tail(20)))
}

/// A fresh folder for a node's base path.
fn tempfile_dir() -> Result<PathBuf, String> {
	let dir = std::env::temp_dir().join(format!("tamga-throughput-{}", std::process::id()));
	std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
	Ok(dir)
}
