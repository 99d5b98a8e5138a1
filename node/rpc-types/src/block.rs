//! Which block an answer was read from.

use serde::{Deserialize, Serialize};

/// The block an answer was read from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BlockRef {
	/// Its number.
	pub number: u64,
	/// Its hash.
	pub hash: String,
	/// Whether it is finalized (and so the answer can no longer change by a reorg).
	pub finalized: bool,
}
