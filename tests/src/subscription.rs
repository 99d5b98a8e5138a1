//! A JSON-RPC subscription over WebSocket, as a national system follows its node's inbox.

use std::{net::TcpStream, time::Duration};

use serde_json::{json, Value};
use tungstenite::{stream::MaybeTlsStream, Message, WebSocket};

use crate::node::TamgaNode;

/// An open subscription on one node.
pub struct Subscription {
	socket: WebSocket<MaybeTlsStream<TcpStream>>,
	id: Value,
}

impl Subscription {
	/// Subscribes with `method(params)` on `node`'s RPC port; the error is the node's
	/// refusal or why it could not be reached.
	pub fn open(node: &TamgaNode, method: &str, params: Value) -> Result<Self, String> {
		let url = format!("ws://{}:{}", node.host, node.rpc_port);
		let (mut socket, _) = tungstenite::connect(&url).map_err(|e| format!("{url}: {e}"))?;
		if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
			stream.set_read_timeout(Some(Duration::from_millis(500))).map_err(|e| e.to_string())?;
		}
		let request = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
		socket.send(Message::text(request.to_string())).map_err(|e| e.to_string())?;
		let mut subscription = Self { socket, id: Value::Null };
		for _ in 0..20 {
			let Some(answer) = subscription.read() else { continue };
			if answer["id"] == json!(1) {
				if let Some(error) = answer.get("error") {
					return Err(error.to_string());
				}
				subscription.id = answer["result"].clone();
				return Ok(subscription);
			}
		}
		Err(format!("{method}: no answer"))
	}

	/// The next message, if one arrives within the socket's read timeout.
	fn read(&mut self) -> Option<Value> {
		match self.socket.read() {
			Ok(Message::Text(text)) => serde_json::from_str(text.as_str()).ok(),
			_ => None,
		}
	}

	/// The result of the next notification within `timeout`, if one comes.
	pub fn next(&mut self, timeout: Duration) -> Option<Value> {
		self.next_matching(timeout, |_| true)
	}

	/// The result of the next notification satisfying `wanted` within `timeout`, skipping
	/// the others.
	pub fn next_matching(
		&mut self,
		timeout: Duration,
		wanted: impl Fn(&Value) -> bool,
	) -> Option<Value> {
		let deadline = std::time::Instant::now() + timeout;
		while std::time::Instant::now() < deadline {
			let Some(message) = self.read() else { continue };
			if message["params"]["subscription"] != self.id {
				continue;
			}
			let result = &message["params"]["result"];
			if wanted(result) {
				return Some(result.clone());
			}
		}
		None
	}
}
