//! A consortium of validators of the `local` chain on loopback, one per administration.

use std::{
	sync::{Mutex, MutexGuard},
	time::Duration,
};

use serde_json::{json, Value};

use crate::{
	namespaces::NamespaceLab,
	node::{run_tamga, TamgaNode, ValidatorKeys},
	wait,
};

/// The validators of the `local` chain: (administration, session-key seed), as in the
/// runtime's `local_testnet` genesis preset.
pub const LOCAL_VALIDATORS: [(&str, &str); 4] =
	[("kz", "//Alice"), ("kg", "//Bob"), ("am", "//Charlie"), ("by", "//Dave")];

/// How long a network may take to do what a test waits for. A liveness bound for a busy
/// 2-core machine running four debug nodes, not a speed measurement.
pub const LIVENESS_TIMEOUT: Duration = Duration::from_secs(240);

/// Only one network runs at a time in a test process: four debug nodes already fill two
/// cores, and two networks at once would starve each other's slots.
static ONE_NETWORK_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Four validators of the `local` chain, each with its own base path, all started.
pub struct LocalNetwork {
	/// The nodes, in the order of [`LOCAL_VALIDATORS`].
	pub nodes: Vec<TamgaNode>,
	/// The chain spec the nodes run: `local`, with these nodes approved at genesis.
	pub spec: std::path::PathBuf,
	/// The network namespaces the nodes run in, one each, if not all on loopback.
	pub lab: Option<NamespaceLab>,
	// Dropped after `nodes` (fields drop in order): processes stop before their files go.
	_dir: tempfile::TempDir,
	_turn: MutexGuard<'static, ()>,
}

impl LocalNetwork {
	/// Prepares and starts the four validators on loopback, each bootstrapping from all
	/// the others.
	pub fn start() -> Self {
		Self::start_with(None, &[], &[])
	}

	/// Like [`start`](Self::start), with `extra` ([country, PeerId, address] each) approved
	/// at genesis besides the validators' own nodes.
	pub fn start_approving(extra: &[Value]) -> Self {
		Self::start_with(None, &[], extra)
	}

	/// Like [`start`](Self::start), with `args` added to every node's command line.
	pub fn start_with_node_args(args: &[&str]) -> Self {
		Self::start_with(None, args, &[])
	}

	/// Like [`start`](Self::start), but each validator is a host of its own, in its own
	/// network namespace, so that [`NamespaceLab::cut`] can partition them.
	pub fn start_in_namespaces() -> Self {
		Self::start_with(Some(LOCAL_VALIDATORS.len()), &[], &[])
	}

	/// [`start_in_namespaces`](Self::start_in_namespaces), if this machine lets the test
	/// create network namespaces. If not, says why on stderr and returns `None`, unless
	/// `TAMGA_REQUIRE_NETNS=1` (as in CI), which makes it panic instead.
	pub fn start_in_namespaces_if_permitted() -> Option<fn() -> Self> {
		match NamespaceLab::permitted() {
			Ok(()) => Some(Self::start_in_namespaces),
			Err(reason) if std::env::var("TAMGA_REQUIRE_NETNS").as_deref() == Ok("1") => {
				panic!("network namespaces are required (TAMGA_REQUIRE_NETNS=1): {reason}")
			},
			Err(reason) => {
				eprintln!("skipping: network namespaces are not available here: {reason}");
				None
			},
		}
	}

	fn start_with(namespaces: Option<usize>, args: &[&str], extra: &[Value]) -> Self {
		let turn = ONE_NETWORK_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
		let lab = namespaces.map(NamespaceLab::create);
		let dir = tempfile::Builder::new().prefix("tamga-net-").tempdir().expect("temp dir");
		let mut nodes: Vec<TamgaNode> = LOCAL_VALIDATORS
			.iter()
			.enumerate()
			.map(|(index, (name, seed))| {
				let mut node = TamgaNode::prepare(
					name,
					"local",
					&dir.path().join(name),
					Some(&ValidatorKeys { seed: seed.to_string() }),
				);
				node.extra_args = args.iter().map(|a| a.to_string()).collect();
				if let Some(lab) = &lab {
					node.host = lab.host(index);
					node.netns = Some(lab.namespace(index).to_string());
				}
				node
			})
			.collect();
		let approved: Vec<Value> = nodes
			.iter()
			.map(|n| json!([n.name.to_uppercase(), n.peer_id, n.listen_address()]))
			.chain(extra.iter().cloned())
			.collect();
		let spec = local_spec_approving(dir.path(), &approved);
		let addresses: Vec<String> = nodes.iter().map(TamgaNode::multiaddr).collect();
		for (index, node) in nodes.iter_mut().enumerate() {
			node.chain = spec.to_str().expect("utf-8 path").to_string();
			node.bootnodes = addresses
				.iter()
				.enumerate()
				.filter(|(i, _)| *i != index)
				.map(|(_, a)| a.clone())
				.collect();
			node.start();
		}
		Self { nodes, spec, lab, _dir: dir, _turn: turn }
	}

	/// The folder the network's base paths live in; extra nodes may go here too.
	pub fn dir(&self) -> &std::path::Path {
		self._dir.path()
	}

	/// The multiaddresses of all the network's nodes, for an extra node's bootnodes.
	pub fn addresses(&self) -> Vec<String> {
		self.nodes.iter().map(TamgaNode::multiaddr).collect()
	}

	/// Waits until every node in `indices` has finalized a block at `height` or above.
	pub fn wait_finalized(&self, indices: &[usize], height: u32) {
		for &index in indices {
			let node = &self.nodes[index];
			let what = format!("{} to finalize block #{height}", node.name);
			let outcome = wait::until(LIVENESS_TIMEOUT, &what, || {
				node.rpc().finalized_number().ok().filter(|n| *n >= height)
			});
			self.check(outcome);
		}
	}

	/// The highest block number every node in `indices` has finalized.
	pub fn common_finalized(&self, indices: &[usize]) -> u32 {
		indices
			.iter()
			.map(|&i| self.check(self.nodes[i].rpc().finalized_number()))
			.min()
			.expect("at least one node")
	}

	/// Unwraps `outcome`, or panics with its error and the tail of every node's log.
	pub fn check<T>(&self, outcome: Result<T, String>) -> T {
		outcome.unwrap_or_else(|error| panic!("{error}\n{}", self.diagnostics()))
	}

	/// The last lines of every node's log.
	pub fn diagnostics(&self) -> String {
		self.nodes
			.iter()
			.map(|node| {
				format!(
					"--- {} ({}) ---\n{}",
					node.name,
					node.log_path().display(),
					node.log_tail(25)
				)
			})
			.collect::<Vec<_>>()
			.join("\n")
	}
}

/// Writes the `local` chain spec with `approved` ([country, PeerId, address] each) as the
/// nodes the consortium approved at genesis, since test nodes have their own keys and
/// ports; returns its path.
fn local_spec_approving(dir: &std::path::Path, approved: &[Value]) -> std::path::PathBuf {
	let output = run_tamga(&["build-spec", "--chain", "local", "--disable-default-bootnode"]);
	assert!(
		output.status.success(),
		"build-spec failed: {}",
		String::from_utf8_lossy(&output.stderr)
	);
	let mut spec: Value = serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
	*spec
		.pointer_mut("/genesis/runtimeGenesis/patch/governance/nodes")
		.expect("the local spec approves nodes at genesis") = Value::Array(approved.to_vec());
	let path = dir.join("local-test-spec.json");
	std::fs::write(&path, serde_json::to_vec(&spec).expect("JSON")).expect("spec can be written");
	path
}
