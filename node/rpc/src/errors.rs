//! The JSON-RPC error codes of the `tamga_*` methods. Each error also carries a message
//! meant for people.

use jsonrpsee::types::ErrorObjectOwned;

/// A parameter is malformed (the standard JSON-RPC "invalid params" code).
pub const INVALID_PARAMS: i32 = -32602;
/// The runtime could not answer (e.g. the block's state was pruned).
pub const RUNTIME: i32 = -32000;
/// No document with this id is anchored as of the block asked about.
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

/// The method exists on the node but this RPC interface does not serve it (the verifier
/// profile serves verification, headers and health only).
pub const NOT_IN_PROFILE: i32 = -32010;

/// An error with `code` and `message`.
pub fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}
