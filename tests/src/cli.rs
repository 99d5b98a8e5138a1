//! Running the `tamga` tool's commands (`admin`, `cert`, `carnet`, `aeo`, `audit`,
//! `proof`, ...) against a node of a test network, as a user would.

use std::process::Output;

use sp_core::crypto::{Pair as _, Ss58Codec};

use crate::node::TamgaNode;

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

/// `tamga <command> --url <url> [--suri <suri>] <args>`.
pub fn client_at(url: &str, command: &str, suri: Option<&str>, args: &[&str]) -> CliRun {
	let mut all = vec![command, "--url", url];
	if let Some(suri) = suri {
		all.extend_from_slice(&["--suri", suri]);
	}
	all.extend_from_slice(args);
	run_cli(&all)
}

/// `tamga <args>`, as a user runs it (standard input closed).
pub fn run_cli(args: &[&str]) -> CliRun {
	std::process::Command::new(crate::binary::tamga_cli())
		.args(args)
		.stdin(std::process::Stdio::null())
		.output()
		.expect("the tamga tool can be executed")
		.into()
}

/// The SS58 account of development secret URI `suri` (e.g. `//Eve`).
pub fn account(suri: &str) -> String {
	let public: tamga_runtime::AccountId =
		sp_core::sr25519::Pair::from_string(suri, None).expect("a dev URI").public().into();
	public.to_ss58check()
}

/// Today (UTC) and the day `days` later, as an ISO date.
pub fn today_plus(days: u64) -> String {
	let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	tamga_rpc::dates::iso_date((now.as_secs() / 86_400 + days) as u32)
}

/// The country of the local network's founding member account `member` (`//Alice` KZ,
/// `//Bob` KG, `//Charlie` AM, `//Dave` BY).
pub fn country_of(member: &str) -> &'static str {
	match member {
		"//Alice" => "KZ",
		"//Bob" => "KG",
		"//Charlie" => "AM",
		"//Dave" => "BY",
		other => panic!("{other} is not a founding member account of the local network"),
	}
}

/// `admin accept` through `node`, signed by `who` (a development URI): the party accepts
/// the accreditation `member`'s administration offered it.
pub fn accept(node: &TamgaNode, member: &str, who: &str) -> CliRun {
	client(node, "admin", Some(who), &["accept", "--country", country_of(member)])
}

/// `admin accredit` through `node`, signed by `member`, then `admin accept` signed by
/// `who` (a development URI): `who` holds the role in `args` as `name` until block
/// 1,000,000. Returns the first run that failed, or the acceptance.
pub fn accredit(node: &TamgaNode, member: &str, who: &str, name: &str, args: &[&str]) -> CliRun {
	let account = account(who);
	let mut all =
		vec!["accredit", "--account", &account, "--name", name, "--valid-until", "1000000"];
	all.extend_from_slice(args);
	let offered = client(node, "admin", Some(member), &all);
	if offered.code != Some(0) {
		return offered;
	}
	accept(node, member, who)
}

/// The facts of a CT-1 certificate of origin numbered `number`, KZ to KG, 1,000 kg of
/// wheat, valid from today for 30 days, with the exporter commitment salted by `salt`:
/// the arguments `certificate register` takes after the document.
pub fn ct1_facts(number: &str, salt: &str) -> Vec<String> {
	let (from, until) = (today_plus(0), today_plus(30));
	[
		"--kind",
		"ct1",
		"--number",
		number,
		"--exporting",
		"KZ",
		"--importing",
		"KG",
		"--hs",
		"100199",
		"--valid-from",
		&from,
		"--valid-until",
		&until,
		"--quantity",
		"1000",
		"--unit",
		"KGM",
		"--exporter",
		"990140000385",
		"--salt",
		salt,
	]
	.iter()
	.map(|s| s.to_string())
	.collect()
}

/// The facts of a veterinary certificate numbered `number`, KZ to KG, 1,000 kg of beef
/// (HS 020130), otherwise as [`ct1_facts`].
pub fn veterinary_facts(number: &str, salt: &str) -> Vec<String> {
	ct1_facts(number, salt)
		.into_iter()
		.map(|arg| match arg.as_str() {
			"ct1" => "veterinary".to_string(),
			"100199" => "020130".to_string(),
			_ => arg,
		})
		.collect()
}
