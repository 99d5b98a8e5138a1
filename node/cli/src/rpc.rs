//! A blocking JSON-RPC client of a Tamga node over HTTP (jsonrpsee), with errors a person
//! can act on: which node could not be reached, which method failed and why.

use std::time::Duration;

use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams, ClientError},
	http_client::{HttpClient, HttpClientBuilder},
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tamga_rpc_types::RpcError;

/// How long one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest answer accepted (a block with thousands of extrinsics, a long history).
const MAX_RESPONSE_BYTES: u32 = 256 * 1024 * 1024;

/// A blocking JSON-RPC client of one node.
pub struct Rpc {
	url: String,
	client: HttpClient,
	runtime: tokio::runtime::Runtime,
}

impl Rpc {
	/// A client of the node at `url` (e.g. `http://127.0.0.1:9944`, or `https://`; a
	/// `ws://` or `wss://` URL is asked over HTTP(S) at the same address, which a node
	/// serves on the same port). Any other scheme is refused here, before any request;
	/// plain HTTP to another machine than this one is warned about (the node's answers
	/// and the transactions sent could be read or changed on the way).
	pub fn new(url: &str) -> Result<Self, String> {
		let endpoint = http_endpoint(url)?;
		if endpoint.starts_with("http://") && !is_loopback(&endpoint) {
			eprintln!(
				"warning: {url} is plain HTTP to another machine: anyone on the way can read \
				 and change what passes; use https:// (or wss://) through a TLS proxy"
			);
		}
		let url = endpoint.as_str();
		let client = HttpClientBuilder::default()
			.request_timeout(REQUEST_TIMEOUT)
			.max_response_size(MAX_RESPONSE_BYTES)
			.build(url)
			.map_err(|e| format!("--url `{url}` is not usable: {e}"))?;
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| format!("cannot start the I/O runtime: {e}"))?;
		Ok(Self { url: url.to_string(), client, runtime })
	}

	/// Calls `method` with `params` (a JSON array); the error names the method and the
	/// node's message, or says the node could not be reached.
	pub fn call(&self, method: &str, params: Value) -> Result<Value, String> {
		self.request(method, params).map_err(|error| error.to_string())
	}

	/// Calls `method` with `params` and reads the answer as a `T` (one of
	/// `tamga-rpc-types`' answers); the error keeps the node's error code for the caller
	/// to decide on.
	pub fn ask<T: DeserializeOwned>(&self, method: &str, params: Value) -> Result<T, CallError> {
		let answer = self.request(method, params)?;
		serde_json::from_value(answer)
			.map_err(|e| CallError::Malformed { method: method.to_string(), reason: e.to_string() })
	}

	/// Calls `method` with `params`: the answer, or why there is none.
	pub fn request(&self, method: &str, params: Value) -> Result<Value, CallError> {
		let mut array = ArrayParams::new();
		for param in params.as_array().cloned().unwrap_or_default() {
			array.insert(param).map_err(|e| CallError::Unreachable {
				method: method.to_string(),
				reason: format!("bad parameter: {e}"),
			})?;
		}
		let answer: Result<Value, ClientError> =
			self.runtime.block_on(self.client.request(method, array));
		answer.map_err(|error| match error {
			ClientError::Call(call) => CallError::Node {
				method: method.to_string(),
				error: RpcError {
					code: call.code(),
					message: call.message().to_string(),
					// The node's detail, unquoted when it is a JSON string.
					data: call.data().map(|d| {
						serde_json::from_str::<String>(d.get())
							.unwrap_or_else(|_| d.get().to_string())
					}),
				},
			},
			ClientError::Transport(e) => CallError::Unreachable {
				method: method.to_string(),
				reason: format!(
					"cannot reach the node at {}, or it refused the request: {e}",
					self.url
				),
			},
			ClientError::RequestTimeout => CallError::Unreachable {
				method: method.to_string(),
				reason: format!(
					"{method}: the node at {} did not answer within {REQUEST_TIMEOUT:?}",
					self.url
				),
			},
			other => CallError::Unreachable {
				method: method.to_string(),
				reason: format!("{method}: {other}"),
			},
		})
	}

	/// The events of block `hash` (`System::Events`), decoded with this tool's runtime
	/// types.
	pub fn events_at(
		&self,
		hash: &str,
	) -> Result<Vec<frame_system::EventRecord<tamga_runtime::RuntimeEvent, sp_core::H256>>, CallError>
	{
		use codec::Decode;
		const METHOD: &str = "state_getStorage";
		let malformed = |reason: String| CallError::Malformed { method: METHOD.into(), reason };
		let key = tamga_runtime::client::storage_keys::system_events();
		let raw = self.request(METHOD, json!([to_hex(&key), hash]))?;
		let raw = from_hex(raw.as_str().unwrap_or("0x00")).map_err(malformed)?;
		Vec::decode(&mut &raw[..])
			.map_err(|e| malformed(format!("the block's events do not decode: {e}")))
	}

	/// The raw value under storage `key` at the best block.
	pub fn storage(&self, key: &[u8]) -> Result<Option<Vec<u8>>, String> {
		match self.call("state_getStorage", json!([to_hex(key)]))?.as_str() {
			None => Ok(None),
			Some(hex) => from_hex(hex).map(Some),
		}
	}

	/// The storage keys under `prefix` at the best block (at most 1000).
	pub fn keys(&self, prefix: &[u8]) -> Result<Vec<Vec<u8>>, String> {
		let keys = self.call("state_getKeysPaged", json!([to_hex(prefix), 1000]))?;
		keys.as_array()
			.ok_or_else(|| format!("state_getKeysPaged returned {keys}"))?
			.iter()
			.map(|k| from_hex(k.as_str().unwrap_or_default()))
			.collect()
	}
}

/// Why a call to a node failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
	/// The node answered `method` with a JSON-RPC error.
	Node {
		/// The method called.
		method: String,
		/// The node's error, with its code.
		error: RpcError,
	},
	/// The node could not be reached, or did not answer in time.
	Unreachable {
		/// The method called.
		method: String,
		/// What happened, for people.
		reason: String,
	},
	/// The node answered, but not with what `method` answers (another version of Tamga?).
	Malformed {
		/// The method called.
		method: String,
		/// Why the answer does not read.
		reason: String,
	},
}

impl CallError {
	/// The node's error code, if the node answered with an error.
	pub fn code(&self) -> Option<i32> {
		match self {
			CallError::Node { error, .. } => Some(error.code),
			_ => None,
		}
	}
}

impl std::fmt::Display for CallError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			CallError::Node { method, error } => f.write_str(&explain(method, error)),
			CallError::Unreachable { reason, .. } => f.write_str(reason),
			CallError::Malformed { method, reason } => write!(
				f,
				"{method}: the node's answer does not read as this tool expects ({reason}); is \
				 the tool of the same Tamga version as the node?"
			),
		}
	}
}

impl From<CallError> for String {
	fn from(error: CallError) -> Self {
		error.to_string()
	}
}

/// A readable message for a JSON-RPC error, with Tamga's pool-gating code explained.
fn explain(method: &str, error: &RpcError) -> String {
	let data = error.data.as_deref().unwrap_or_default();
	// Tamga's pool-gating refusals are custom validity errors 1 to 4 exactly (not 10, 11, ...).
	let custom = |code: u8| {
		data.split(&format!("Custom error: {code}"))
			.skip(1)
			.any(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
	};
	use pallet_tamga_governance::{NOT_FOR_ROLE, NOT_PERMITTED, TOO_LARGE, TOO_MANY_PENDING};
	use sp_core::Get;
	type Limits = tamga_runtime::Runtime;
	let hint = if custom(NOT_PERMITTED) {
		" (the signing account is neither a member, a validator nor an accredited party)".into()
	} else if custom(NOT_FOR_ROLE) {
		" (the signing account's role may not make this call)".into()
	} else if custom(TOO_LARGE) {
		let max: u32 =
			<Limits as pallet_tamga_governance::Config>::MaxPartyTransactionLength::get();
		format!(" (a party's transaction may be at most {max} bytes)")
	} else if custom(TOO_MANY_PENDING) {
		let max: u32 = <Limits as pallet_tamga_governance::Config>::MaxPartyPooled::get();
		format!(" (the party already has {max} transactions waiting; wait for some to be included)")
	} else {
		String::new()
	};
	format!("{method}: {error}{hint}").trim_end().to_string() + &format!(" (code {})", error.code)
}

/// The HTTP(S) URL that reaches the node at `url`: `ws://` and `wss://` become `http://`
/// and `https://`; other schemes are refused.
pub fn http_endpoint(url: &str) -> Result<String, String> {
	for (scheme, http) in [
		("http://", "http://"),
		("https://", "https://"),
		("ws://", "http://"),
		("wss://", "https://"),
	] {
		if let Some(rest) = url.strip_prefix(scheme) {
			return Ok(format!("{http}{rest}"));
		}
	}
	Err(format!(
		"--url `{url}` is not a JSON-RPC endpoint: give http://, https://, ws:// or wss:// \
		 (e.g. http://127.0.0.1:9944)"
	))
}

/// Whether HTTP URL `url` names this machine (localhost or a loopback address).
fn is_loopback(url: &str) -> bool {
	let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
	let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
	let host = match authority.strip_prefix('[') {
		Some(v6) => v6.split(']').next().unwrap_or_default(),
		None => authority.rsplit_once(':').map_or(authority, |(host, _)| host),
	};
	host.eq_ignore_ascii_case("localhost")
		|| host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `bytes` as `0x`-prefixed hex.
pub fn to_hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

/// The bytes of `0x`-prefixed hex `text`.
pub fn from_hex(text: &str) -> Result<Vec<u8>, String> {
	sp_core::bytes::from_hex(text).map_err(|e| format!("not hex ({e}): {text}"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn websocket_urls_are_asked_over_http_and_other_schemes_refused() {
		assert_eq!(http_endpoint("ws://127.0.0.1:9944"), Ok("http://127.0.0.1:9944".into()));
		assert_eq!(
			http_endpoint("wss://node.customs.kz/rpc"),
			Ok("https://node.customs.kz/rpc".into())
		);
		assert_eq!(http_endpoint("https://a.kz"), Ok("https://a.kz".into()));
		assert!(http_endpoint("ftp://a.kz").unwrap_err().contains("wss://"));
		assert!(http_endpoint("127.0.0.1:9944").is_err());
		// A TLS client is built for https (the request itself needs a server).
		assert!(Rpc::new("wss://node.customs.kz:443").is_ok());
	}

	#[test]
	fn loopback_hosts_are_told_apart_from_other_machines() {
		for url in [
			"http://127.0.0.1:9944",
			"http://localhost:1",
			"http://[::1]:9944/",
			"http://127.8.0.1",
		] {
			assert!(is_loopback(url), "{url}");
		}
		for url in ["http://10.0.0.7:9944", "http://node.customs.kz", "http://[2001:db8::1]:80"] {
			assert!(!is_loopback(url), "{url}");
		}
	}

	#[test]
	fn a_url_of_another_scheme_is_refused_before_any_request() {
		let error = Rpc::new("tcp://127.0.0.1:9944").err().expect("refused");
		assert!(error.contains("not a JSON-RPC endpoint"), "{error}");
	}

	#[test]
	fn an_unreachable_node_is_named() {
		// Port 9 (discard) on loopback: nothing listens there.
		let rpc = Rpc::new("http://127.0.0.1:9").expect("a valid URL");
		let error = rpc.call("chain_getHeader", json!([])).expect_err("nobody answers");
		assert!(error.starts_with("cannot reach the node at http://127.0.0.1:9"), "{error}");
		let typed = rpc.ask::<Value>("chain_getHeader", json!([])).expect_err("nobody answers");
		assert!(matches!(typed, CallError::Unreachable { .. }) && typed.code().is_none());
	}

	fn invalid(data: &str) -> RpcError {
		RpcError { code: 1010, message: "Invalid Transaction".into(), data: Some(data.into()) }
	}

	#[test]
	fn a_node_error_keeps_its_code_for_the_caller_to_decide_on() {
		let unknown = CallError::Node {
			method: "tamga_carnet".into(),
			error: RpcError {
				code: tamga_rpc_types::errors::UNKNOWN_CARNET,
				message: "no carnet KZ/1 was issued".into(),
				data: None,
			},
		};
		assert_eq!(unknown.code(), Some(tamga_rpc_types::errors::UNKNOWN_CARNET));
		assert_eq!(unknown.to_string(), "tamga_carnet: no carnet KZ/1 was issued (code -32005)");
		let malformed = CallError::Malformed { method: "tamga_carnet".into(), reason: "x".into() };
		assert_eq!(malformed.code(), None);
		assert!(malformed.to_string().contains("same Tamga version"), "{malformed}");
	}

	#[test]
	fn pool_gating_errors_are_explained() {
		let text = explain("author_submitExtrinsic", &invalid("Custom error: 1"));
		assert!(text.contains("neither a member, a validator nor an accredited party"), "{text}");
		assert!(text.ends_with("(code 1010)"), "{text}");
		let other = explain("author_submitExtrinsic", &invalid("Custom error: 12"));
		assert!(!other.contains("neither a member"), "{other}");
		assert!(!other.contains("role may not"), "{other}");
		let not_for_role = explain("author_submitExtrinsic", &invalid("Custom error: 2"));
		assert!(not_for_role.contains("role may not make this call"), "{not_for_role}");
		let too_large = explain("author_submitExtrinsic", &invalid("Custom error: 3"));
		assert!(too_large.contains("at most 8192 bytes"), "{too_large}");
	}
}
