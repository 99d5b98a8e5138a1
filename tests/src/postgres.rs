//! A private PostgreSQL cluster for one test: `initdb` into a temporary directory, the
//! server on a free loopback port (its socket in that directory too), trust
//! authentication for the one superuser `tamga`, stopped and deleted when dropped. The
//! server binaries come from Debian's `postgresql` package (`scripts/setup.sh`); as root
//! (CI here) they run as the package's `postgres` user, since PostgreSQL refuses root.

use std::{
	path::{Path, PathBuf},
	process::Command,
};

/// A running cluster.
pub struct PostgresCluster {
	bin: PathBuf,
	dir: tempfile::TempDir,
	port: u16,
	as_postgres: bool,
}

/// The newest installed server's `bin` folder (`/usr/lib/postgresql/<version>/bin`).
fn server_bin() -> Result<PathBuf, String> {
	let root = Path::new("/usr/lib/postgresql");
	let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
		.map_err(|e| {
			format!("{}: {e}: install Debian's postgresql (scripts/setup.sh)", root.display())
		})?
		.filter_map(|entry| {
			let entry = entry.ok()?;
			let version = entry.file_name().to_str()?.parse().ok()?;
			let bin = entry.path().join("bin");
			bin.join("initdb").exists().then_some((version, bin))
		})
		.collect();
	versions.sort();
	versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
		"no PostgreSQL server under /usr/lib/postgresql: run scripts/setup.sh".into()
	})
}

impl PostgresCluster {
	/// Creates and starts a cluster.
	pub fn start() -> Result<Self, String> {
		let bin = server_bin()?;
		let dir =
			tempfile::Builder::new().prefix("tamga-pg-").tempdir().map_err(|e| e.to_string())?;
		let as_postgres = unsafe { libc::geteuid() } == 0;
		if as_postgres {
			let ids = |flag: &str| -> Result<u32, String> {
				let out = Command::new("id")
					.args([flag, "postgres"])
					.output()
					.map_err(|e| e.to_string())?;
				String::from_utf8_lossy(&out.stdout)
					.trim()
					.parse()
					.map_err(|_| "no `postgres` user: install Debian's postgresql".to_string())
			};
			std::os::unix::fs::chown(dir.path(), Some(ids("-u")?), Some(ids("-g")?))
				.map_err(|e| format!("chown {}: {e}", dir.path().display()))?;
		}
		let port = crate::node::free_port();
		let cluster = Self { bin, dir, port, as_postgres };
		let data = cluster.data();
		cluster.run(
			"initdb",
			&["-D", &data, "-U", "tamga", "-A", "trust", "-E", "UTF8", "--no-sync"],
		)?;
		let options = format!(
			"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={} \
			 -c fsync=off -c full_page_writes=off",
			cluster.dir.path().display()
		);
		let log = cluster.dir.path().join("server.log");
		cluster.run(
			"pg_ctl",
			&["-D", &data, "-l", log.to_str().unwrap(), "-o", &options, "-w", "-t", "60", "start"],
		)?;
		Ok(cluster)
	}

	fn data(&self) -> String {
		self.dir.path().join("data").display().to_string()
	}

	/// Runs a server program as the cluster's owner.
	fn run(&self, program: &str, args: &[&str]) -> Result<String, String> {
		let path = self.bin.join(program);
		let mut command = if self.as_postgres {
			let mut c = Command::new("runuser");
			c.args(["-u", "postgres", "--"]).arg(&path);
			c
		} else {
			Command::new(&path)
		};
		let output = command
			.args(args)
			.current_dir(self.dir.path())
			.output()
			.map_err(|e| format!("{program}: {e}"))?;
		if output.status.success() {
			Ok(String::from_utf8_lossy(&output.stdout).into_owned())
		} else {
			Err(format!(
				"{program} {args:?} failed: {}{}",
				String::from_utf8_lossy(&output.stdout),
				String::from_utf8_lossy(&output.stderr)
			))
		}
	}

	/// Creates database `name` and returns its URL.
	pub fn create_database(&self, name: &str) -> Result<String, String> {
		let port = self.port.to_string();
		self.run("createdb", &["-h", "127.0.0.1", "-p", &port, "-U", "tamga", name])?;
		Ok(self.url(name))
	}

	/// The URL of database `name`.
	pub fn url(&self, name: &str) -> String {
		format!("postgres://tamga@127.0.0.1:{}/{name}", self.port)
	}
}

impl Drop for PostgresCluster {
	fn drop(&mut self) {
		let data = self.data();
		let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
	}
}
