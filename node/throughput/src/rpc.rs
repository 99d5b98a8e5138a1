//! JSON-RPC over HTTP with keep-alive connections, single and batched.

use std::time::Duration;

use serde_json::{json, Value};

/// A client of one node's HTTP JSON-RPC endpoint.
#[derive(Clone)]
pub struct Rpc {
	url: String,
	agent: ureq::Agent,
}

impl Rpc {
	/// A client of `url`.
	pub fn new(url: &str) -> Self {
		let agent = ureq::AgentBuilder::new()
			.timeout(Duration::from_secs(60))
			.max_idle_connections_per_host(64)
			.build();
		Self { url: url.to_string(), agent }
	}

	/// Calls `method` with `params`; `Err` carries the transport or JSON-RPC error.
	pub fn call(&self, method: &str, params: Value) -> Result<Value, String> {
		let request = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
		let response: Value = self
			.agent
			.post(&self.url)
			.send_json(request)
			.map_err(|e| format!("{method}: {e}"))?
			.into_json()
			.map_err(|e| format!("{method}: {e}"))?;
		match response.get("error") {
			Some(error) => Err(format!("{method}: {error}")),
			None => Ok(response["result"].clone()),
		}
	}

	/// Calls `method` once per entry of `params` in one batch request; returns each
	/// answer in order.
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
			.map_err(|e| format!("{method} batch: {e}"))?;
		let mut answers: Vec<Result<Value, String>> = vec![Err("no answer".into()); params.len()];
		for response in responses {
			let Some(id) = response["id"].as_u64().map(|id| id as usize) else { continue };
			if id < answers.len() {
				answers[id] = match response.get("error") {
					Some(error) => Err(error.to_string()),
					None => Ok(response["result"].clone()),
				};
			}
		}
		Ok(answers)
	}

	/// The header (JSON) of the best block, or of `hash`.
	pub fn header(&self, hash: Option<&str>) -> Result<Value, String> {
		match hash {
			Some(hash) => self.call("chain_getHeader", json!([hash])),
			None => self.call("chain_getHeader", json!([])),
		}
	}

	/// The number in a header.
	pub fn number_of(header: &Value) -> Option<u32> {
		u32::from_str_radix(header["number"].as_str()?.trim_start_matches("0x"), 16).ok()
	}
}

/// `0x`-prefixed hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

/// The bytes of `0x`-prefixed hex.
pub fn unhex(text: &str) -> Result<Vec<u8>, String> {
	sp_core::bytes::from_hex(text).map_err(|e| format!("not hex: {e}"))
}
