//! A small blocking JSON-RPC client for a node's HTTP endpoint.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::time::Duration;
use tamga_rpc_types::RpcError;

/// A node's JSON-RPC endpoint.
#[derive(Clone, Debug)]
pub struct RpcClient {
	url: String,
	agent: ureq::Agent,
}

impl RpcClient {
	/// A client for the node listening for RPC on `127.0.0.1:port`.
	pub fn new(port: u16) -> Self {
		Self::at("127.0.0.1", port)
	}

	/// A client for the node listening for RPC on `host:port`.
	pub fn at(host: &str, port: u16) -> Self {
		Self::with_url(&format!("http://{host}:{port}"), Duration::from_secs(10))
	}

	/// A client of the endpoint at `url` whose requests give up after `timeout`.
	pub fn with_url(url: &str, timeout: Duration) -> Self {
		let agent = ureq::AgentBuilder::new()
			.timeout_connect(Duration::from_secs(2))
			.timeout(timeout)
			.max_idle_connections_per_host(64)
			.build();
		Self { url: url.to_string(), agent }
	}

	/// Calls `method` with `params`; `Err` carries a transport or JSON-RPC error message.
	pub fn call(&self, method: &str, params: Value) -> Result<Value, String> {
		let response = self.response(method, params)?;
		if let Some(error) = response.get("error") {
			return Err(format!("{method}: {error}"));
		}
		response.get("result").cloned().ok_or_else(|| format!("{method}: no result"))
	}

	/// The node's whole JSON-RPC response to `method` with `params` (a result or an error).
	fn response(&self, method: &str, params: Value) -> Result<Value, String> {
		let request = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
		self.agent
			.post(&self.url)
			.send_json(request)
			.map_err(|e| format!("{method}: {e}"))?
			.into_json()
			.map_err(|e| format!("{method}: invalid response: {e}"))
	}

	/// Calls `method` with `params` and reads the answer as a `T` (one of
	/// `tamga-rpc-types`' answers, as every client reads them).
	pub fn ask<T: DeserializeOwned>(&self, method: &str, params: Value) -> Result<T, String> {
		let answer = self.call(method, params)?;
		serde_json::from_value(answer)
			.map_err(|e| format!("{method}: the answer does not read: {e}"))
	}

	/// The JSON-RPC error the node answers `method` with; `Err` if it answered with a
	/// result, or could not be reached.
	pub fn refusal(&self, method: &str, params: Value) -> Result<RpcError, String> {
		let response = self.response(method, params)?;
		match response.get("error") {
			Some(error) => serde_json::from_value(error.clone())
				.map_err(|e| format!("{method}: not a JSON-RPC error ({e}): {error}")),
			None => Err(format!("{method}: answered {response} where an error was expected")),
		}
	}

	/// Calls `method` once per entry of `params`, in one batch request; returns each
	/// answer in order (`Err` with the JSON-RPC error for those that failed).
	pub fn batch(
		&self,
		method: &str,
		params: &[Value],
	) -> Result<Vec<Result<Value, String>>, String> {
		let requests: Vec<Value> = params
			.iter()
			.enumerate()
			.map(|(id, p)| json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": p }))
			.collect();
		let responses: Vec<Value> = self
			.agent
			.post(&self.url)
			.send_json(Value::Array(requests))
			.map_err(|e| format!("{method} batch: {e}"))?
			.into_json()
			.map_err(|e| format!("{method} batch: invalid response: {e}"))?;
		let mut answers: Vec<Result<Value, String>> = vec![Err("no answer".into()); params.len()];
		for response in responses {
			let Some(id) = response["id"].as_u64().map(|id| id as usize) else { continue };
			if let Some(answer) = answers.get_mut(id) {
				*answer = match response.get("error") {
					Some(error) => Err(error.to_string()),
					None => Ok(response["result"].clone()),
				};
			}
		}
		Ok(answers)
	}

	/// The hash of the last finalized block.
	pub fn finalized_hash(&self) -> Result<String, String> {
		as_string(self.call("chain_getFinalizedHead", json!([]))?)
	}

	/// The number of the block with `hash`, or of the best block if `hash` is `None`.
	pub fn block_number(&self, hash: Option<&str>) -> Result<u32, String> {
		let params = match hash {
			Some(hash) => json!([hash]),
			None => json!([]),
		};
		let header = self.call("chain_getHeader", params)?;
		let number = header
			.get("number")
			.and_then(Value::as_str)
			.ok_or_else(|| format!("header without a number: {header}"))?;
		u32::from_str_radix(number.trim_start_matches("0x"), 16)
			.map_err(|e| format!("bad block number {number}: {e}"))
	}

	/// The number of the last finalized block.
	pub fn finalized_number(&self) -> Result<u32, String> {
		let hash = self.finalized_hash()?;
		self.block_number(Some(&hash))
	}

	/// The hash of the canonical block at `number`, if the node has it.
	pub fn block_hash(&self, number: u32) -> Result<Option<String>, String> {
		let hash = self.call("chain_getBlockHash", json!([number]))?;
		Ok(hash.as_str().map(str::to_owned))
	}

	/// The raw storage value under `key` at the best block, if there is one.
	pub fn storage(&self, key: &[u8]) -> Result<Option<Vec<u8>>, String> {
		let value = self.call("state_getStorage", json!([to_hex(key)]))?;
		match value.as_str() {
			None => Ok(None),
			Some(hex) => from_hex(hex).map(Some),
		}
	}

	/// How many peers the node is connected to.
	pub fn peer_count(&self) -> Result<u64, String> {
		let health = self.call("system_health", json!([]))?;
		health
			.get("peers")
			.and_then(Value::as_u64)
			.ok_or_else(|| format!("system_health without peers: {health}"))
	}
}

fn as_string(value: Value) -> Result<String, String> {
	value.as_str().map(str::to_owned).ok_or_else(|| format!("expected a string, got {value}"))
}

/// `bytes` as `0x`-prefixed hex.
pub fn to_hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

/// The bytes of `0x`-prefixed hex `text`.
pub fn from_hex(text: &str) -> Result<Vec<u8>, String> {
	sp_core::bytes::from_hex(text).map_err(|e| format!("not hex ({e}): {text}"))
}
