//! The JSON-RPC error codes of the `tamga_*` methods, and the error object a client
//! receives. Each error also carries a message meant for people; a client decides by the
//! code, never by the message's text.

use serde::{Deserialize, Serialize};

/// A parameter is malformed (the standard JSON-RPC "invalid params" code).
pub const INVALID_PARAMS: i32 = -32602;
/// The runtime could not answer (e.g. the block's state was pruned).
pub const RUNTIME: i32 = -32000;
/// Nothing was ever recorded about this document as of the block asked about (its
/// history is empty). `tamga_verifyDocument` answers such an id with the
/// [`notAnchored`](crate::DocumentStatus::NotAnchored) verdict instead.
pub const UNKNOWN_DOCUMENT: i32 = -32001;
/// No batch with this root is anchored as of the block asked about.
pub const UNKNOWN_BATCH: i32 = -32002;
/// The proof does not lead from the document to the batch's root.
pub const NOT_A_MEMBER: i32 = -32003;
/// The node does not know the block asked about.
pub const UNKNOWN_BLOCK: i32 = -32004;
/// No carnet with this number was issued as of the block asked about.
pub const UNKNOWN_CARNET: i32 = -32005;
/// The operator's administration never certified it as of the block asked about.
pub const UNKNOWN_OPERATOR: i32 = -32006;
/// The runtime of the block asked about predates the method (e.g. `tamga_findDocument`
/// on a block before the upgrade that brought the look-up by number).
pub const UNSUPPORTED_BY_RUNTIME: i32 = -32007;
/// The method exists on the node but this RPC interface does not serve it (the verifier
/// profile serves verification, headers and health only).
pub const NOT_IN_PROFILE: i32 = -32010;

/// This node does not exchange documents with partners: a development chain, a runtime
/// that predates delivery between nodes, or a node that is not an approved node of an
/// administration.
pub const EXCHANGE_OFF: i32 = -32020;
/// The chain does not let this delivery go (no agreement, not active, a group not
/// granted, no valid field commitment, no exchange key of the receiver), or the
/// disclosure does not match the document's commitment; the message says which.
pub const DELIVERY_REFUSED: i32 = -32021;

/// This node holds no such delivery, or not in a state that allows what was asked (open
/// a refused one, acknowledge one whose delivered receipt is not final).
pub const NOT_RECEIVED: i32 = -32022;

/// A JSON-RPC error as a node returns it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct RpcError {
	/// One of this module's codes, or a standard or Substrate one.
	pub code: i32,
	/// What went wrong, for people.
	pub message: String,
	/// The node's detail, if any (e.g. why a transaction is invalid).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub data: Option<String>,
}

impl core::fmt::Display for RpcError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match &self.data {
			Some(data) if !data.is_empty() => write!(f, "{} {data}", self.message),
			_ => f.write_str(&self.message),
		}
	}
}
