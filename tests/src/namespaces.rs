//! Separate network hosts on one machine, for faults that cross a network: each node gets
//! its own Linux network namespace with a veth link to a bridge in the test's namespace,
//! so traffic between two nodes can be cut and restored while the test still reaches
//! every node's RPC through the bridge.
//!
//! Needs `ip` (iproute2) and the right to create namespaces (root, as in CI here).

use std::{
	process::Command,
	sync::atomic::{AtomicUsize, Ordering},
};

/// A bridge with one namespace per host attached to it, all in one /24.
pub struct NamespaceLab {
	/// Names of the namespaces, one per host.
	namespaces: Vec<String>,
	/// The bridge in the test's own namespace.
	bridge: String,
	/// The start of the names of the veth ends on the bridge.
	veth_prefix: String,
	/// The first three octets of the lab's /24, e.g. `10.77.42`.
	subnet: String,
}

/// Runs `ip` with `args`; `Err` carries its stderr.
fn ip(args: &[&str]) -> Result<(), String> {
	let output = Command::new("ip").args(args).output().map_err(|e| format!("ip: {e}"))?;
	if output.status.success() {
		Ok(())
	} else {
		Err(format!("ip {}: {}", args.join(" "), String::from_utf8_lossy(&output.stderr).trim()))
	}
}

/// Runs `ip` with `args` inside `namespace`.
fn ip_in(namespace: &str, args: &[&str]) -> Result<(), String> {
	let mut all = vec!["netns", "exec", namespace, "ip"];
	all.extend_from_slice(args);
	ip(&all)
}

/// Labs created by this process so far: part of every name, so two labs never share one.
static LABS: AtomicUsize = AtomicUsize::new(0);

impl NamespaceLab {
	/// Whether this machine lets the test create network namespaces; `Err` says why not.
	pub fn permitted() -> Result<(), String> {
		let probe = format!("tamga{}xprobe", std::process::id());
		ip(&["netns", "add", &probe])?;
		ip(&["netns", "del", &probe])
	}

	/// Whether tests may create network namespaces here. If not, says why on stderr and
	/// returns `false`, unless `TAMGA_REQUIRE_NETNS=1` (as in CI), which makes it panic.
	pub fn available() -> bool {
		match Self::permitted() {
			Ok(()) => true,
			Err(reason) if std::env::var("TAMGA_REQUIRE_NETNS").as_deref() == Ok("1") => {
				panic!("network namespaces are required (TAMGA_REQUIRE_NETNS=1): {reason}")
			},
			Err(reason) => {
				eprintln!("skipping: network namespaces are not available here: {reason}");
				false
			},
		}
	}

	/// [`create`](Self::create), if [`available`](Self::available).
	pub fn create_if_permitted(hosts: usize) -> Option<Self> {
		Self::available().then(|| Self::create(hosts))
	}

	/// Runs `program` with `args` on host `index` (`ip netns exec`) and waits for it.
	pub fn run_on(
		&self,
		index: usize,
		program: &std::path::Path,
		args: &[&str],
	) -> std::process::Output {
		Command::new("ip")
			.args(["netns", "exec", self.namespace(index)])
			.arg(program)
			.args(args)
			.stdin(std::process::Stdio::null())
			.output()
			.unwrap_or_else(|e| panic!("cannot run {} on host {index}: {e}", program.display()))
	}

	/// Creates `hosts` namespaces named after this process and lab (so parallel test runs
	/// never share one), each with loopback up and address `<subnet>.<i + 1>` on a veth
	/// whose other end is on the lab's bridge (`<subnet>.254`), in a `10.77.x.0/24` no
	/// interface of this machine uses yet. Panics with the reason if the machine does not
	/// allow it.
	pub fn create(hosts: usize) -> Self {
		remove_abandoned();
		let pid = std::process::id();
		let lab_number = LABS.fetch_add(1, Ordering::Relaxed);
		let tag = format!("{pid}x{lab_number}");
		let lab = Self {
			namespaces: (0..hosts).map(|i| format!("tamga{tag}h{i}")).collect(),
			bridge: format!("tb{tag}"),
			veth_prefix: format!("tv{tag}y"),
			subnet: free_subnet().unwrap_or_else(|e| panic!("no free subnet: {e}")),
		};
		lab.build().unwrap_or_else(|e| {
			lab.remove();
			panic!("cannot create network namespaces: {e}")
		});
		lab
	}

	fn build(&self) -> Result<(), String> {
		let gateway = format!("{}.254/24", self.subnet);
		ip(&["link", "add", "name", &self.bridge, "type", "bridge"])?;
		ip(&["addr", "add", &gateway, "dev", &self.bridge])?;
		ip(&["link", "set", &self.bridge, "up"])?;
		for (index, namespace) in self.namespaces.iter().enumerate() {
			let outside = self.veth(index);
			let inside = format!("{outside}i");
			ip(&["netns", "add", namespace])?;
			ip(&["link", "add", &outside, "type", "veth", "peer", "name", &inside])?;
			ip(&["link", "set", &inside, "netns", namespace])?;
			ip(&["link", "set", &outside, "master", &self.bridge])?;
			ip(&["link", "set", &outside, "up"])?;
			let address = format!("{}/24", self.host(index));
			ip_in(namespace, &["addr", "add", &address, "dev", &inside])?;
			ip_in(namespace, &["link", "set", &inside, "up"])?;
			ip_in(namespace, &["link", "set", "lo", "up"])?;
		}
		Ok(())
	}

	/// The veth end of host `index` on the bridge (at most 15 characters, as Linux wants).
	fn veth(&self, index: usize) -> String {
		format!("{}{index}", self.veth_prefix)
	}

	/// The namespace of host `index`.
	pub fn namespace(&self, index: usize) -> &str {
		&self.namespaces[index]
	}

	/// The IPv4 address of host `index`.
	pub fn host(&self, index: usize) -> String {
		format!("{}.{}", self.subnet, index + 1)
	}

	/// Cuts all traffic between the hosts of `left` and those of `right`, both ways: each
	/// side's packets to the other are refused at once (an `unreachable` route), as when
	/// the link between two data centres fails. Each host still reaches its own side and
	/// the test.
	pub fn cut(&self, left: &[usize], right: &[usize]) {
		self.routes("add", left, right).unwrap_or_else(|e| panic!("cannot cut: {e}"));
	}

	/// Restores what [`cut`](Self::cut) with the same sides took away.
	pub fn heal(&self, left: &[usize], right: &[usize]) {
		self.routes("del", left, right).unwrap_or_else(|e| panic!("cannot heal: {e}"));
	}

	fn routes(&self, action: &str, left: &[usize], right: &[usize]) -> Result<(), String> {
		for (from, to) in [(left, right), (right, left)] {
			for &a in from {
				for &b in to {
					let target = format!("{}/32", self.host(b));
					ip_in(&self.namespaces[a], &["route", action, "unreachable", &target])?;
				}
			}
		}
		Ok(())
	}

	/// Deletes the namespaces (their veth ends go with them) and the bridge; quietly skips
	/// what is not there.
	fn remove(&self) {
		for (index, namespace) in self.namespaces.iter().enumerate() {
			let _ = ip(&["netns", "del", namespace]);
			let _ = ip(&["link", "del", &self.veth(index)]);
		}
		let _ = ip(&["link", "del", &self.bridge]);
	}
}

/// The first `10.77.x` (x in 1..=250) that no interface of this machine has an address in.
fn free_subnet() -> Result<String, String> {
	let addresses = listing(&["-o", "-4", "addr", "show"]);
	(1..=250)
		.map(|x| format!("10.77.{x}"))
		.find(|subnet| !addresses.contains(&format!("{subnet}.")))
		.ok_or_else(|| "every 10.77.x.0/24 is in use".to_string())
}

/// What `ip args` prints (empty if it fails).
fn listing(args: &[&str]) -> String {
	Command::new("ip")
		.args(args)
		.output()
		.map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
		.unwrap_or_default()
}

/// Removes the namespaces and bridges of test processes that died without cleaning up
/// (killed by a signal): those whose PID no longer runs.
fn remove_abandoned() {
	let abandoned = |name: &str, prefix: &str| -> bool {
		let Some(pid) = name.strip_prefix(prefix).and_then(|rest| rest.split('x').next()) else {
			return false;
		};
		pid.parse::<u32>().is_ok_and(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists())
	};
	for line in listing(&["netns", "list"]).lines() {
		let name = line.split_whitespace().next().unwrap_or_default();
		if abandoned(name, "tamga") {
			let _ = ip(&["netns", "del", name]);
		}
	}
	for line in listing(&["-o", "link", "show", "type", "bridge"]).lines() {
		let name = line.split(':').nth(1).unwrap_or_default().trim();
		if abandoned(name, "tb") {
			let _ = ip(&["link", "del", name]);
		}
	}
}

impl Drop for NamespaceLab {
	fn drop(&mut self) {
		self.remove();
	}
}
