//! One `tamga-node` process: its base path, ports, keys and log file.
//!
//! A node is killed (SIGKILL) when its handle is dropped, including when a test panics,
//! and the kernel kills it if the test process itself dies (`PR_SET_PDEATHSIG`).

use std::{
	collections::HashSet,
	fs::File,
	net::TcpListener,
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Output, Stdio},
	sync::Mutex,
};

use crate::{binary, rpc::RpcClient};

/// Ports handed out by [`free_port`] in this process, never handed out twice.
static USED_PORTS: Mutex<Option<HashSet<u16>>> = Mutex::new(None);

/// A TCP port on 127.0.0.1 that is free now and that no other test of this process got.
pub fn free_port() -> u16 {
	let mut used = USED_PORTS.lock().unwrap_or_else(|e| e.into_inner());
	let used = used.get_or_insert_with(HashSet::new);
	loop {
		let port = TcpListener::bind("127.0.0.1:0")
			.and_then(|listener| listener.local_addr())
			.expect("the OS hands out a free loopback port")
			.port();
		if used.insert(port) {
			return port;
		}
	}
}

/// Runs `tamga-node` with `args` to completion and returns its output.
pub fn run_tamga(args: &[&str]) -> Output {
	Command::new(binary::tamga_node())
		.args(args)
		.stdin(Stdio::null())
		.output()
		.expect("tamga-node can be executed")
}

/// Runs `tamga-node` with `args`; kills it and returns `None` if it is still running
/// after `timeout`.
pub fn run_tamga_for(args: &[&str], timeout: std::time::Duration) -> Option<Output> {
	let mut child = Command::new(binary::tamga_node())
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("tamga-node can be executed");
	let deadline = std::time::Instant::now() + timeout;
	while std::time::Instant::now() < deadline {
		if child.try_wait().expect("child status").is_some() {
			return Some(child.wait_with_output().expect("child output"));
		}
		std::thread::sleep(std::time::Duration::from_millis(200));
	}
	let _ = child.kill();
	let _ = child.wait();
	None
}

/// Runs `tamga-node` with `args`, panicking with its stderr if it fails.
fn run_tamga_ok(args: &[&str]) -> Output {
	let output = run_tamga(args);
	assert!(
		output.status.success(),
		"tamga-node {} failed: {}",
		args.join(" "),
		String::from_utf8_lossy(&output.stderr)
	);
	output
}

/// A validator's identity on the `local` chain: the development seed of its session keys.
#[derive(Clone, Debug)]
pub struct ValidatorKeys {
	/// Secret URI of both its Aura (sr25519) and GRANDPA (ed25519) keys, e.g. `//Alice`.
	pub seed: String,
}

/// A `tamga-node` process, started or stopped.
pub struct TamgaNode {
	/// A short name, also the node's `--name`.
	pub name: String,
	/// The chain (`local`, `dev` or a spec file).
	pub chain: String,
	/// The node's database, keystore and network key live here.
	pub base_path: PathBuf,
	/// Peer-to-peer TCP port on 127.0.0.1.
	pub p2p_port: u16,
	/// JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// The libp2p peer id derived from the node key.
	pub peer_id: String,
	/// The IPv4 address the node listens on (peer-to-peer and JSON-RPC): `127.0.0.1`, or
	/// its own address inside a network namespace.
	pub host: String,
	/// The network namespace the node runs in (`ip netns exec`), if not the test's own.
	pub netns: Option<String>,
	/// Whether the node runs with `--validator`.
	pub validator: bool,
	/// The node's Prometheus port (on `host`).
	pub prometheus_port: u16,
	/// Multiaddresses of the nodes to connect to at start.
	pub bootnodes: Vec<String>,
	/// Further command-line arguments for the next start.
	pub extra_args: Vec<String>,
	child: Option<Child>,
}

impl TamgaNode {
	/// Prepares a node under `base_path`: generates its node key and, for a validator,
	/// inserts its session keys into the keystore. The node is not started.
	pub fn prepare(
		name: &str,
		chain: &str,
		base_path: &Path,
		validator: Option<&ValidatorKeys>,
	) -> Self {
		std::fs::create_dir_all(base_path).expect("base path can be created");
		let base = base_path.to_str().expect("utf-8 path");
		let output =
			run_tamga_ok(&["key", "generate-node-key", "--chain", chain, "--base-path", base]);
		let peer_id = String::from_utf8_lossy(&output.stderr)
			.lines()
			.rev()
			.find(|line| !line.trim().is_empty())
			.expect("generate-node-key prints the peer id")
			.trim()
			.to_string();

		if let Some(keys) = validator {
			for (scheme, key_type) in [("sr25519", "aura"), ("ed25519", "gran")] {
				run_tamga_ok(&[
					"key",
					"insert",
					"--chain",
					chain,
					"--base-path",
					base,
					"--scheme",
					scheme,
					"--suri",
					&keys.seed,
					"--key-type",
					key_type,
				]);
			}
		}

		Self::with_keys_in(name, chain, base_path, &peer_id, validator.is_some())
	}

	/// A node whose keys are already under `base_path` (as `tamga-node ceremony prepare`
	/// leaves them), with PeerId `peer_id`, on loopback with free ports; not started.
	pub fn with_keys_in(
		name: &str,
		chain: &str,
		base_path: &Path,
		peer_id: &str,
		validator: bool,
	) -> Self {
		Self {
			name: name.to_string(),
			chain: chain.to_string(),
			base_path: base_path.to_path_buf(),
			p2p_port: free_port(),
			rpc_port: free_port(),
			peer_id: peer_id.to_string(),
			host: "127.0.0.1".to_string(),
			netns: None,
			validator,
			prometheus_port: free_port(),
			bootnodes: Vec::new(),
			extra_args: Vec::new(),
			child: None,
		}
	}

	/// The address the node listens on, without its PeerId.
	pub fn listen_address(&self) -> String {
		format!("/ip4/{}/tcp/{}", self.host, self.p2p_port)
	}

	/// The address other nodes dial to reach this one.
	pub fn multiaddr(&self) -> String {
		format!("{}/p2p/{}", self.listen_address(), self.peer_id)
	}

	/// The node's JSON-RPC endpoint (HTTP).
	pub fn rpc_url(&self) -> String {
		format!("http://{}:{}", self.host, self.rpc_port)
	}

	/// The node's Prometheus metrics endpoint.
	pub fn metrics_url(&self) -> String {
		format!("http://{}:{}/metrics", self.host, self.prometheus_port)
	}

	/// The node's log file (stdout and stderr of every run, appended).
	pub fn log_path(&self) -> PathBuf {
		self.base_path.join("node.log")
	}

	/// Starts the node process; panics if it is already running.
	pub fn start(&mut self) {
		assert!(self.child.is_none(), "{} is already running", self.name);
		let log = File::options()
			.create(true)
			.append(true)
			.open(self.log_path())
			.expect("log file can be opened");
		let mut command = match &self.netns {
			None => Command::new(binary::tamga_node()),
			Some(namespace) => {
				// `ip netns exec` execs the node in place: same process, same PID.
				let mut command = Command::new("ip");
				command.args(["netns", "exec", namespace]).arg(binary::tamga_node());
				command
			},
		};
		command
			.args(["--chain", &self.chain, "--name", &self.name, "--base-path"])
			.arg(&self.base_path)
			.args(["--listen-addr", &self.listen_address()])
			.args(["--prometheus-port", &self.prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns"]);
		if self.netns.is_some() {
			// Reached from outside the namespace, on the namespace's own address.
			command.arg("--prometheus-external");
			// The test reaches the node's RPC from outside its namespace: listen on the
			// namespace's own address, safe methods only.
			let endpoint = format!("listen-addr={}:{},methods=safe", self.host, self.rpc_port);
			command.args(["--experimental-rpc-endpoint", &endpoint]);
		} else {
			command.args(["--rpc-port", &self.rpc_port.to_string()]);
		}
		if self.validator {
			command.arg("--validator");
		}
		for bootnode in &self.bootnodes {
			command.args(["--bootnodes", bootnode]);
		}
		command.args(&self.extra_args);
		command.stdin(Stdio::null()).stdout(log.try_clone().expect("log handle")).stderr(log);
		// SAFETY: `prctl` is async-signal-safe; it only asks the kernel to SIGKILL the child
		// when the thread that spawned it dies, so no node outlives a crashed test.
		unsafe {
			command.pre_exec(|| {
				libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
				Ok(())
			});
		}
		self.child = Some(command.spawn().expect("tamga-node starts"));
	}

	/// Kills the node at once (SIGKILL, like a crash or power loss) and reaps it.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Stops the node as an operator does (SIGINT, as `systemctl stop` with the units'
	/// `KillSignal=SIGINT`): it closes its database cleanly. Kills it if it has not exited
	/// within a minute.
	pub fn stop(&mut self) {
		let Some(mut child) = self.child.take() else { return };
		// SAFETY: signalling our own child process by its PID.
		unsafe {
			libc::kill(child.id() as libc::pid_t, libc::SIGINT);
		}
		let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
		while std::time::Instant::now() < deadline {
			if let Ok(Some(_)) = child.try_wait() {
				return;
			}
			std::thread::sleep(std::time::Duration::from_millis(100));
		}
		let _ = child.kill();
		let _ = child.wait();
	}

	/// Whether the process is running (it has not exited).
	pub fn is_running(&mut self) -> bool {
		match &mut self.child {
			Some(child) => matches!(child.try_wait(), Ok(None)),
			None => false,
		}
	}

	/// A JSON-RPC client for this node.
	pub fn rpc(&self) -> RpcClient {
		RpcClient::at(&self.host, self.rpc_port)
	}

	/// The folder of the node's database (blocks and state), if it exists.
	pub fn database_dir(&self) -> Option<PathBuf> {
		let chains = std::fs::read_dir(self.base_path.join("chains")).ok()?;
		chains.flatten().map(|chain| chain.path().join("db")).find(|db| db.is_dir())
	}

	/// The last `lines` lines of the node's log, for failure messages.
	pub fn log_tail(&self, lines: usize) -> String {
		let log = std::fs::read_to_string(self.log_path()).unwrap_or_default();
		let all: Vec<&str> = log.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}
}

impl Drop for TamgaNode {
	fn drop(&mut self) {
		self.kill();
	}
}
