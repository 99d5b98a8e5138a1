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

/// The founding administrations' member accounts, in the order of the nodes.
pub const LOCAL_MEMBERS: [&str; 4] = ["//Alice", "//Bob", "//Charlie", "//Dave"];

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
		Self::start_with(None, &[], &[], None)
	}

	/// Like [`start`](Self::start), with `extra` ([country, PeerId, address] each) approved
	/// at genesis besides the validators' own nodes.
	pub fn start_approving(extra: &[Value]) -> Self {
		Self::start_with(None, &[], extra, None)
	}

	/// Like [`start`](Self::start), with `args` added to every node's command line.
	pub fn start_with_node_args(args: &[&str]) -> Self {
		Self::start_with(None, args, &[], None)
	}

	/// Like [`start`](Self::start), but each validator is a host of its own, in its own
	/// network namespace, so that [`NamespaceLab::cut`] can partition them.
	pub fn start_in_namespaces() -> Self {
		Self::start_with(Some(LOCAL_VALIDATORS.len()), &[], &[], None)
	}

	/// [`start_in_namespaces`](Self::start_in_namespaces), if this machine lets the test
	/// create network namespaces. If not, says why on stderr and returns `None`, unless
	/// `TAMGA_REQUIRE_NETNS=1` (as in CI), which makes it panic instead.
	pub fn start_in_namespaces_if_permitted() -> Option<fn() -> Self> {
		NamespaceLab::available().then_some(Self::start_in_namespaces as fn() -> Self)
	}

	/// Like [`start`](Self::start), but the chain starts on runtime `code` (an older
	/// runtime's Wasm) instead of the node's own: what a chain launched before an upgrade
	/// runs.
	pub fn start_on_runtime(code: &[u8]) -> Self {
		Self::start_with(None, &[], &[], Some(code))
	}

	fn start_with(
		namespaces: Option<usize>,
		args: &[&str],
		extra: &[Value],
		code: Option<&[u8]>,
	) -> Self {
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
		let spec = local_spec_approving(dir.path(), &approved, code);
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

	/// KZ proposes `decision` (the arguments of `tamga admin propose`) through node 0 as
	/// proposal `id`; KG, AM and BY vote aye through nodes 1 to 3 until it is decided
	/// (four of four or five administrations is at least two thirds).
	pub fn pass(&self, id: u32, decision: &[&str]) {
		self.check(pass_proposal(&self.nodes, &LOCAL_MEMBERS, "KZ", id, decision));
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

/// The administration of `members[0]` (country `proposer`) proposes `decision` (the
/// arguments of `tamga admin propose`) through `nodes[0]` as proposal `id`; the others
/// (`members[i]` through `nodes[i]`) vote aye in turn until it is decided. Checks the
/// proposal is listed with its proposer and first aye on the way.
pub fn pass_proposal(
	nodes: &[TamgaNode],
	members: &[&str],
	proposer: &str,
	id: u32,
	decision: &[&str],
) -> Result<(), String> {
	let admin = |node: usize, args: &[&str]| {
		crate::cli::client(&nodes[node], "admin", Some(members[node]), args).ok()
	};
	let mut propose = vec!["propose"];
	propose.extend_from_slice(decision);
	admin(0, &propose)?;
	let key = pallet_tamga_governance::Proposals::<tamga_runtime::Runtime>::hashed_key_for(id);
	let open = || nodes[0].rpc().storage(&key).ok().flatten().is_some();
	wait::until(LIVENESS_TIMEOUT, &format!("proposal {id} to be open"), || open().then_some(()))?;
	let listed = admin(0, &["proposals"])?;
	if !listed.contains(&format!("#{id} by {proposer}")) {
		return Err(format!("proposal {id} is not listed as {proposer}'s: {listed}"));
	}
	let listed: Value = serde_json::from_str(&admin(0, &["proposals", "--json"])?)
		.map_err(|e| format!("proposals --json: {e}"))?;
	let ours = listed.as_array().and_then(|all| all.iter().find(|p| p["id"] == json!(id)));
	let ours = ours.ok_or_else(|| format!("proposal {id} is not in {listed}"))?;
	if ours["proposer"] != json!(proposer) || ours["ayes"] != json!([proposer]) {
		return Err(format!("proposal {id} should be {proposer}'s with its aye: {ours}"));
	}
	// Each vote waits for its block. Once 2/3 is reached the proposal is gone: a later
	// vote then fails with `UnknownProposal`, which is no failure of the decision.
	for voter in 1..nodes.len().min(members.len()) {
		if !open() {
			break;
		}
		match admin(voter, &["vote", "--id", &id.to_string()]) {
			Ok(_) => {},
			Err(error) if error.contains("Governance(UnknownProposal)") => break,
			Err(error) => {
				return Err(format!(
					"{}'s vote on proposal {id} failed: {error}",
					nodes[voter].name
				))
			},
		}
	}
	wait::until(LIVENESS_TIMEOUT, &format!("proposal {id} to be decided"), || {
		(!open()).then_some(())
	})
}

/// Writes the `local` chain spec with `approved` ([country, PeerId, address] each) as the
/// nodes the consortium approved at genesis, since test nodes have their own keys and
/// ports, and with runtime `code` instead of the node's own if given; returns its path.
fn local_spec_approving(
	dir: &std::path::Path,
	approved: &[Value],
	code: Option<&[u8]>,
) -> std::path::PathBuf {
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
	if let Some(code) = code {
		*spec.pointer_mut("/genesis/runtimeGenesis/code").expect("the spec holds the runtime") =
			Value::String(crate::rpc::to_hex(code));
	}
	let path = dir.join("local-test-spec.json");
	std::fs::write(&path, serde_json::to_vec(&spec).expect("JSON")).expect("spec can be written");
	path
}
