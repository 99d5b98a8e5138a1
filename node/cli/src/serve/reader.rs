//! The verification page's only way to the node: a JSON-RPC client that calls nothing but
//! the read methods the page needs, so nothing the page does can change the chain.

use std::time::Duration;

use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams, ClientError},
	http_client::{HttpClient, HttpClientBuilder},
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::OnceCell;

/// The methods the page may call: reads of verdicts, histories, the genesis hash and the
/// last finalized block (every answer is read from it: an officer acts on final answers).
pub const READ_METHODS: &[&str] = &[
	"chain_getBlockHash",
	"chain_getFinalizedHead",
	"tamga_verifyDocument",
	"tamga_verifyBatchMember",
	"tamga_findDocument",
	"tamga_documentHistory",
];

/// How long one request to the node may take: an officer waits for the answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the node gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
	/// The method is not a read the page may make (a bug of the page's server).
	NotARead(String),
	/// The node answered with a JSON-RPC error.
	Node {
		/// The method called.
		method: String,
		/// The node's error code.
		code: i32,
		/// The node's message.
		message: String,
	},
	/// The node could not be reached, did not answer in time, or answered with something
	/// that does not read.
	Unreachable(String),
}

/// A read-only client of one node.
pub struct NodeReader {
	/// The node's URL, as given with `--url`.
	pub url: String,
	client: HttpClient,
	genesis: OnceCell<String>,
}

impl NodeReader {
	/// A client of the node at `url` (`http(s)://` or `ws(s)://`, asked over HTTP).
	pub fn new(url: &str) -> Result<Self, String> {
		let endpoint = crate::rpc::http_endpoint(url)?;
		let client = HttpClientBuilder::default()
			.request_timeout(REQUEST_TIMEOUT)
			.build(&endpoint)
			.map_err(|e| format!("--url `{url}` is not usable: {e}"))?;
		Ok(Self { url: url.to_string(), client, genesis: OnceCell::new() })
	}

	/// Calls read method `method` with `params` and reads its answer as a `T`; any other
	/// method is refused here, before a request.
	pub async fn ask<T: DeserializeOwned>(
		&self,
		method: &str,
		params: Vec<Value>,
	) -> Result<T, ReadError> {
		if !READ_METHODS.contains(&method) {
			return Err(ReadError::NotARead(method.to_string()));
		}
		let mut array = ArrayParams::new();
		for param in params {
			array.insert(param).map_err(|e| ReadError::Unreachable(e.to_string()))?;
		}
		let answer: Value =
			self.client.request(method, array).await.map_err(|error| match error {
				ClientError::Call(call) => ReadError::Node {
					method: method.to_string(),
					code: call.code(),
					message: call.message().to_string(),
				},
				other => ReadError::Unreachable(other.to_string()),
			})?;
		serde_json::from_value(answer).map_err(|e| {
			ReadError::Unreachable(format!("{method}: the node's answer does not read ({e})"))
		})
	}

	/// The hash of the last finalized block, which the page's answers are read from.
	pub async fn finalized(&self) -> Result<Value, ReadError> {
		self.ask::<Value>("chain_getFinalizedHead", vec![]).await
	}

	/// The chain's genesis hash (asked once).
	pub async fn genesis(&self) -> Result<String, ReadError> {
		self.genesis
			.get_or_try_init(|| self.ask::<String>("chain_getBlockHash", vec![Value::from(0)]))
			.await
			.cloned()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_reads_are_sent() {
		let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
		// Nothing listens on port 9: a read reaches for it, a write is refused before.
		let reader = NodeReader::new("http://127.0.0.1:9").unwrap();
		for write in ["author_submitExtrinsic", "author_insertKey", "system_addReservedPeer"] {
			let refused = runtime.block_on(reader.ask::<Value>(write, vec![]));
			assert_eq!(refused, Err(ReadError::NotARead(write.to_string())));
		}
		let read = runtime.block_on(reader.ask::<Value>("tamga_verifyDocument", vec![]));
		assert!(matches!(read, Err(ReadError::Unreachable(_))), "{read:?}");
	}
}
