//! `tamga-node`: the validator and full node of the Tamga customs consortium ledger.
//!
//! One module a concern: [`cli`] (arguments), [`command`] (dispatch of subcommands),
//! [`chain_spec`] (built-in chains), [`service`] (client, networking, consensus) and
//! [`rpc`] (JSON-RPC methods beyond the standard ones) and [`preflight`] (checks before
//! start-up). The user-facing subcommands talk to a node over JSON-RPC: [`governance_cli`],
//! [`certificate_cli`], [`carnet_cli`] and [`aeo_cli`], sharing [`cli_support`] and
//! [`tx`] (signing and submitting).

mod admission;
mod aeo_cli;
mod carnet_cli;
mod certificate_cli;
mod chain_spec;
mod cli;
mod cli_support;
mod command;
mod governance_cli;
mod native_verify;
mod preflight;
mod rpc;
mod service;
mod tx;

fn main() {
	if let Err(error) = command::run() {
		// One line, naming the problem, then a non-zero exit: operators grep logs and
		// supervisors read exit codes.
		let message = error.to_string().replace('\n', " ");
		eprintln!("Error: {message}");
		std::process::exit(1);
	}
}
