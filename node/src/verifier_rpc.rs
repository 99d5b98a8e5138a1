//! The verifier RPC profile: a second JSON-RPC server for the border posts, single windows
//! and auditors that reach a node from outside, serving only what they need to verify.
//!
//! `--verifier-rpc-addr ADDR` starts it beside the node's own RPC (which stays on loopback
//! unless `--rpc-external`). It serves every `tamga_*` method (verification, histories,
//! carnets, AEO status and recognition, all reads), the header and finality methods a
//! client needs to ask for final answers (`chain_getHeader`, `chain_getFinalizedHead`,
//! `chain_getBlockHash`) and `system_health`, each answered by the node's own RPC
//! handlers. Every other method the node has (block bodies with their production facts,
//! raw state, contract dry runs through `state_call`, the transaction pool, keys) is
//! refused with `NOT_IN_PROFILE` (-32010) and a sentence naming the method; calls per connection
//! are rate-limited (`--verifier-rpc-rate-limit`, per minute) and connections capped.

use std::{net::SocketAddr, num::NonZeroU32};

use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use serde_json::Value;
use tamga_rpc::{
	errors::{error, NOT_IN_PROFILE, RUNTIME},
	profile::serves,
};

/// The verifier profile's options.
#[derive(Debug, Clone, clap::Args)]
pub struct VerifierRpcArgs {
	/// Also serve the verifier RPC profile on this address, e.g. 0.0.0.0:9955: only the
	/// `tamga_*` read methods, chain_getHeader, chain_getFinalizedHead,
	/// chain_getBlockHash and system_health (no block bodies, raw state, dry runs, pool
	/// or keys), for border posts, single windows and auditors. The node's own RPC stays
	/// where --rpc-port/--rpc-external put it (loopback by default).
	#[arg(long, value_name = "ADDR")]
	pub verifier_rpc_addr: Option<SocketAddr>,

	/// Calls per minute one connection to the verifier profile may make; further calls
	/// wait briefly, then fail with a rate-limit error.
	#[arg(long, value_name = "CALLS", default_value = "600")]
	pub verifier_rpc_rate_limit: NonZeroU32,

	/// Connections the verifier profile accepts at once.
	#[arg(long, value_name = "COUNT", default_value_t = 256)]
	pub verifier_rpc_max_connections: u32,
}

/// The verifier profile's methods over the node's RPC `handlers`: the served ones
/// (`tamga_rpc::profile`) forwarded, every other one the node has refused with a
/// sentence.
pub fn module(handlers: sc_service::RpcHandlers) -> Result<RpcModule<()>, String> {
	let mut module = RpcModule::new(());
	let names: Vec<&'static str> = handlers.handle().method_names().collect();
	for name in names {
		if name == "rpc_methods" {
			continue; // the server lists the profile's own methods under this name
		}
		let registered = if serves(name) {
			let handlers = handlers.clone();
			module
				.register_async_method(name, move |params, _, _| {
					let handlers = handlers.clone();
					let raw = params.as_str().map(str::to_owned);
					async move { forward(&handlers, name, raw).await }
				})
				.map(|_| ())
		} else {
			module
				.register_method(name, move |_, _, _| -> Result<(), ErrorObjectOwned> {
					Err(error(
						NOT_IN_PROFILE,
						format!(
							"{name} is not served by this node's verifier RPC profile (it \
							 serves tamga_* reads, headers, finality and health): ask a \
							 consortium node"
						),
					))
				})
				.map(|_| ())
		};
		registered.map_err(|e| format!("verifier profile method {name}: {e}"))?;
	}
	Ok(module)
}

/// Calls `method` with the raw JSON `params` on the node's own RPC `handlers` and returns
/// its result or error as it is.
async fn forward(
	handlers: &sc_service::RpcHandlers,
	method: &str,
	params: Option<String>,
) -> Result<Value, ErrorObjectOwned> {
	let params = params.unwrap_or_else(|| "[]".to_string());
	let request =
		format!(r#"{{"jsonrpc":"2.0","id":0,"method":{},"params":{params}}}"#, Value::from(method));
	let (response, _) = handlers
		.rpc_query(&request)
		.await
		.map_err(|e| error(RUNTIME, format!("{method}: the request does not parse: {e}")))?;
	let mut response: Value = serde_json::from_str(&response)
		.map_err(|e| error(RUNTIME, format!("{method}: the node's answer does not parse: {e}")))?;
	if let Some(result) = response.get_mut("result") {
		return Ok(result.take());
	}
	let failure = response.get("error").cloned().unwrap_or(Value::Null);
	let code = failure.get("code").and_then(Value::as_i64).unwrap_or(RUNTIME.into()) as i32;
	let message = failure.get("message").and_then(Value::as_str).unwrap_or("error").to_string();
	Err(ErrorObjectOwned::owned(code, message, failure.get("data").cloned()))
}

/// Starts the verifier profile's server as `args` say, answering from `handlers`; the
/// server runs until the returned handle is dropped.
pub fn start(
	args: &VerifierRpcArgs,
	handlers: sc_service::RpcHandlers,
	tokio_handle: &tokio::runtime::Handle,
) -> Result<Option<sc_rpc_server::Server>, String> {
	let Some(addr) = args.verifier_rpc_addr else { return Ok(None) };
	let rpc_api = module(handlers)?;
	let endpoint = sc_rpc_server::RpcEndpoint {
		batch_config: sc_rpc_server::BatchRequestConfig::Limit(64),
		cors: None,
		listen_addr: addr,
		max_buffer_capacity_per_connection: 64,
		max_connections: args.verifier_rpc_max_connections,
		max_payload_in_mb: 1,
		max_payload_out_mb: 16,
		max_subscriptions_per_connection: 0,
		rpc_methods: sc_rpc_server::RpcMethods::Safe,
		rate_limit: Some(args.verifier_rpc_rate_limit),
		rate_limit_trust_proxy_headers: false,
		rate_limit_whitelisted_ips: Vec::new(),
		retry_random_port: false,
		is_optional: false,
	};
	let config = sc_rpc_server::Config {
		endpoints: vec![endpoint],
		// The node's own RPC server registers the RPC metrics.
		metrics: None,
		rpc_api,
		id_provider: None,
		request_logger_limit: 1024,
		rpc_runtime: sc_rpc_server::create_rpc_runtime(args.verifier_rpc_max_connections)
			.map_err(|e| format!("the verifier RPC's runtime: {e}"))?,
	};
	let server =
		tokio::task::block_in_place(|| tokio_handle.block_on(sc_rpc_server::start_server(config)))
			.map_err(|e| format!("the verifier RPC profile cannot listen on {addr}: {e}"))?;
	log::info!(target: "tamga", "Verifier RPC profile listening on {addr}");
	Ok(Some(server))
}
