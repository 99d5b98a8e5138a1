//! The JSON-RPC errors of the `tamga_*` methods: the codes (from `tamga-rpc-types`, the
//! clients' side of the contract) and a constructor with a message meant for people.

use jsonrpsee::types::ErrorObjectOwned;

pub use tamga_rpc_types::errors::*;

/// An error with `code` and `message`.
pub fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}
