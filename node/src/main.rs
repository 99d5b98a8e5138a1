//! `tamga-node`: the validator and full node of the Tamga customs consortium ledger.
//!
//! One module a concern: [`cli`] (arguments), [`command`] (dispatch of subcommands),
//! [`chain_spec`] (built-in chains), [`service`] (client, networking, consensus) and
//! [`rpc`] (JSON-RPC methods beyond the standard ones), [`native_verify`] (document
//! verification without a Wasm call), [`admission`] (approved nodes) and [`preflight`]
//! (checks before start-up), [`ceremony`] (a consortium's launch:
//! keys, chain spec, genesis hash), [`metrics`] (Tamga's Prometheus metrics). Users' commands live in the `tamga` tool (`node/cli`).

mod admission;
mod ceremony;
mod chain_spec;
mod cli;
mod command;
mod exchange;
mod follow_documents;
mod metrics;
mod native_verify;
mod network;
mod preflight;
mod rpc;
mod service;
mod verifier_rpc;

fn main() {
	if let Err(error) = command::run() {
		// One line, naming the problem, then a non-zero exit: operators grep logs and
		// supervisors read exit codes.
		let message = error.to_string().replace('\n', " ");
		eprintln!("Error: {message}");
		std::process::exit(1);
	}
}
