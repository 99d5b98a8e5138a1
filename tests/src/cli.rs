//! Running `tamga-node`'s client subcommands (`governance`, `certificate`) against a node
//! of a test network, as a user would.

use std::process::Output;

use crate::node::{run_tamga, TamgaNode};

/// What a client command printed and how it exited.
pub struct CliRun {
	/// The exit code (`None` if a signal killed it).
	pub code: Option<i32>,
	/// Standard output.
	pub stdout: String,
	/// Standard error.
	pub stderr: String,
}

impl From<Output> for CliRun {
	fn from(output: Output) -> Self {
		Self {
			code: output.status.code(),
			stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
			stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
		}
	}
}

impl CliRun {
	/// Ok(stdout) if it exited with 0, otherwise Err(stderr).
	pub fn ok(self) -> Result<String, String> {
		if self.code == Some(0) {
			Ok(self.stdout)
		} else {
			Err(format!("exit {:?}: {}{}", self.code, self.stdout, self.stderr))
		}
	}
}

/// `tamga-node <command> --url <node's RPC> [--suri <suri>] <args>`.
pub fn client(node: &TamgaNode, command: &str, suri: Option<&str>, args: &[&str]) -> CliRun {
	client_at(&node.rpc_url(), command, suri, args)
}

/// `tamga-node <command> --url <url> [--suri <suri>] <args>`.
pub fn client_at(url: &str, command: &str, suri: Option<&str>, args: &[&str]) -> CliRun {
	let mut all = vec![command, "--url", url];
	if let Some(suri) = suri {
		all.extend_from_slice(&["--suri", suri]);
	}
	all.extend_from_slice(args);
	run_tamga(&all).into()
}
