//! Where blocks come from: a Tamga node's JSON-RPC over HTTP, asked in batches (one
//! request names many blocks' hashes, one more fetches their bodies, events and runtime
//! versions), so following a chain costs two round trips per batch, not four per block.

use std::time::Duration;

use jsonrpsee::{
	core::{client::ClientT, params::BatchRequestBuilder, ClientError},
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
};
use serde_json::Value;

/// How long one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// The largest answer accepted (a batch of blocks with thousands of extrinsics each).
const MAX_RESPONSE_BYTES: u32 = 512 * 1024 * 1024;

/// The most blocks asked for in one batch (three requests each: under the 64 requests a
/// node's public RPC profile accepts in a batch).
pub const MAX_BATCH_BLOCKS: u32 = 20;

/// One block as the node holds it, not yet decoded.
#[derive(Debug, Clone)]
pub struct RawBlock {
	/// Its number.
	pub number: u32,
	/// Its hash, `0x` hex.
	pub hash: String,
	/// Its extrinsics, each encoded with its length prefix.
	pub extrinsics: Vec<Vec<u8>>,
	/// The SCALE value of `System::Events` in its state.
	pub events: Vec<u8>,
	/// The `specVersion` of the runtime that built it.
	pub spec_version: u32,
}

/// Why a node did not give what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
	/// The node could not be reached or did not answer in time.
	Unreachable(String),
	/// The node answered `method` with an error.
	Node {
		/// The method asked.
		method: String,
		/// The node's message.
		message: String,
	},
	/// The node answered, but not with what was asked.
	Malformed(String),
	/// The node no longer holds block `number`'s state (pruned).
	Pruned {
		/// The block.
		number: u32,
		/// The node's message.
		message: String,
	},
}

impl std::fmt::Display for SourceError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Unreachable(reason) => write!(f, "{reason}"),
			Self::Node { method, message } => write!(f, "{method}: the node says: {message}"),
			Self::Malformed(reason) => write!(f, "the node's answer does not read: {reason}"),
			Self::Pruned { number, message } => write!(
				f,
				"block #{number}'s state is no longer on this node ({message}); index from an \
				 archive node (--state-pruning archive), or keep the index following so it \
				 never falls further behind than the node's pruning window (256 blocks by \
				 default)"
			),
		}
	}
}

/// A node's JSON-RPC, asked for finalized blocks.
pub struct RpcSource {
	url: String,
	client: HttpClient,
	runtime: tokio::runtime::Runtime,
}

impl RpcSource {
	/// A source reading the node at `url` (`http://`, `https://`; `ws://` and `wss://` are
	/// asked over HTTP(S) at the same address, which a node serves on the same port).
	pub fn new(url: &str) -> Result<Self, String> {
		let endpoint = if let Some(rest) = url.strip_prefix("ws://") {
			format!("http://{rest}")
		} else if let Some(rest) = url.strip_prefix("wss://") {
			format!("https://{rest}")
		} else if url.starts_with("http://") || url.starts_with("https://") {
			url.to_string()
		} else {
			return Err(format!(
				"--url `{url}` must start with http://, https://, ws:// or wss://"
			));
		};
		let client = HttpClientBuilder::default()
			.request_timeout(REQUEST_TIMEOUT)
			.max_response_size(MAX_RESPONSE_BYTES)
			.build(&endpoint)
			.map_err(|e| format!("--url `{url}` is not usable: {e}"))?;
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| format!("cannot start the I/O runtime: {e}"))?;
		Ok(Self { url: endpoint, client, runtime })
	}

	/// The node's URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	fn error(&self, method: &str, error: ClientError) -> SourceError {
		match error {
			ClientError::Call(call) => {
				SourceError::Node { method: method.into(), message: call.message().to_string() }
			},
			ClientError::RequestTimeout => SourceError::Unreachable(format!(
				"{method}: the node at {} did not answer within {REQUEST_TIMEOUT:?}",
				self.url
			)),
			other => SourceError::Unreachable(format!(
				"cannot reach the node at {}, or it refused {method}: {other}",
				self.url
			)),
		}
	}

	fn call(
		&self,
		method: &str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> Result<Value, SourceError> {
		self.runtime
			.block_on(self.client.request::<Value, _>(method, params))
			.map_err(|e| self.error(method, e))
	}

	/// The hash of the chain's first block.
	pub fn genesis_hash(&self) -> Result<String, SourceError> {
		let hash = self.call("chain_getBlockHash", rpc_params![0])?;
		hash.as_str()
			.map(str::to_string)
			.ok_or_else(|| SourceError::Malformed(format!("block #0's hash is {hash}")))
	}

	/// The number of the last finalized block.
	pub fn finalized_number(&self) -> Result<u32, SourceError> {
		let head = self.call("chain_getFinalizedHead", rpc_params![])?;
		let header = self.call("chain_getHeader", rpc_params![head])?;
		number(&header["number"])
	}

	/// The metadata (SCALE bytes) of the runtime that built block `hash`.
	pub fn metadata(&self, hash: &str) -> Result<Vec<u8>, SourceError> {
		let metadata = self.call("state_getMetadata", rpc_params![hash])?;
		from_hex(&metadata)
	}

	/// Blocks `from..=to` (at most [`MAX_BATCH_BLOCKS`]), which the caller knows are
	/// finalized.
	pub fn blocks(&self, from: u32, to: u32) -> Result<Vec<RawBlock>, SourceError> {
		if to < from || to - from >= MAX_BATCH_BLOCKS {
			return Err(SourceError::Malformed(format!("blocks #{from}..=#{to} is not a batch")));
		}
		let numbers: Vec<u32> = (from..=to).collect();
		let hashes = self.call("chain_getBlockHash", rpc_params![&numbers])?;
		let hashes: Vec<String> = hashes
			.as_array()
			.filter(|list| list.len() == numbers.len())
			.and_then(|list| list.iter().map(|h| h.as_str().map(str::to_string)).collect())
			.ok_or_else(|| {
				SourceError::Malformed(format!("blocks #{from}..=#{to} have no hashes: {hashes}"))
			})?;
		let events_key = events_key();
		let mut batch = BatchRequestBuilder::new();
		for hash in &hashes {
			let malformed = |e: serde_json::Error| SourceError::Malformed(e.to_string());
			batch.insert("chain_getBlock", rpc_params![hash]).map_err(malformed)?;
			batch.insert("state_getStorage", rpc_params![&events_key, hash]).map_err(malformed)?;
			batch.insert("state_getRuntimeVersion", rpc_params![hash]).map_err(malformed)?;
		}
		let answers = self
			.runtime
			.block_on(self.client.batch_request::<Value>(batch))
			.map_err(|e| self.error("a batch of chain_getBlock", e))?;
		let mut answers = answers.into_iter();
		let mut blocks = Vec::with_capacity(hashes.len());
		for (number, hash) in (from..=to).zip(hashes) {
			let mut next = |method: &str| match answers.next() {
				Some(Ok(value)) => Ok(value),
				Some(Err(error)) => {
					let message = error.message().to_string();
					if method == "state_getStorage" || method == "state_getRuntimeVersion" {
						Err(SourceError::Pruned { number, message })
					} else {
						Err(SourceError::Node { method: method.into(), message })
					}
				},
				None => Err(SourceError::Malformed(format!("no answer for block #{number}"))),
			};
			let block = next("chain_getBlock")?;
			let events = next("state_getStorage")?;
			let version = next("state_getRuntimeVersion")?;
			let extrinsics = block["block"]["extrinsics"]
				.as_array()
				.ok_or_else(|| {
					SourceError::Malformed(format!("block #{number} ({hash}) has no extrinsics"))
				})?
				.iter()
				.map(from_hex)
				.collect::<Result<_, _>>()?;
			let events = if events.is_null() { vec![0] } else { from_hex(&events)? };
			let spec_version = version["specVersion"]
				.as_u64()
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| {
					SourceError::Malformed(format!("block #{number}'s runtime has no specVersion"))
				})?;
			blocks.push(RawBlock { number, hash, extrinsics, events, spec_version });
		}
		Ok(blocks)
	}
}

/// The storage key of `System::Events`.
fn events_key() -> String {
	let mut key = sp_crypto_hashing::twox_128(b"System").to_vec();
	key.extend_from_slice(&sp_crypto_hashing::twox_128(b"Events"));
	tamga_rpc::hex::encode(&key)
}

/// A block number as the node writes it (`0x`-hex text).
fn number(value: &Value) -> Result<u32, SourceError> {
	value
		.as_str()
		.and_then(|text| u32::from_str_radix(text.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| SourceError::Malformed(format!("`{value}` is not a block number")))
}

/// Bytes from the node's `0x`-hex text.
fn from_hex(value: &Value) -> Result<Vec<u8>, SourceError> {
	value
		.as_str()
		.and_then(hex_bytes)
		.ok_or_else(|| SourceError::Malformed(format!("`{value}` is not 0x hex")))
}

/// The bytes of `0x`-prefixed hex text (`None` if it is not that).
pub(crate) fn hex_bytes(text: &str) -> Option<Vec<u8>> {
	let digits = text.strip_prefix("0x")?;
	if digits.len() % 2 != 0 {
		return None;
	}
	(0..digits.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok())
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hex_and_numbers_read_or_are_refused() {
		assert_eq!(from_hex(&Value::from("0x00ff")).unwrap(), [0, 255]);
		assert!(from_hex(&Value::from("00ff")).is_err());
		assert!(from_hex(&Value::from("0x0")).is_err());
		assert!(from_hex(&Value::from("0xzz")).is_err());
		assert!(from_hex(&Value::from("0xé0")).is_err());
		assert_eq!(number(&Value::from("0x1f")).unwrap(), 31);
		assert!(number(&Value::from(31)).is_err());
		assert!(RpcSource::new("ftp://x").is_err());
	}
}
