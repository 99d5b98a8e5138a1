//! `tamga_documentHistory`: every recorded action on a document, for auditors.

use serde::{Deserialize, Serialize};

use crate::block::BlockRef;

/// What happened in one entry of a document's history.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ActionJson {
	/// Anchored.
	Registered,
	/// Replaced by `by`.
	Replaced {
		/// The replacement.
		by: String,
	},
	/// Revoked.
	Revoked {
		/// Why.
		reason: String,
	},
	/// Importing customs used `quantity`.
	Used {
		/// The quantity used (a decimal string).
		#[serde(with = "crate::quantity")]
		quantity: u128,
		/// Commitment to the customs declaration's reference.
		declaration: String,
	},
	/// The exporter applied for it and an issuer endorsed the application (the entry
	/// has the application's block, extrinsic and applicant).
	Applied,
}

/// One entry of a document's history.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntryJson {
	/// The block it happened in.
	pub block: u64,
	/// That block's hash on the chain this node follows (absent if unknown to it).
	pub block_hash: Option<String>,
	/// The extrinsic's index in the block.
	pub extrinsic: u32,
	/// Who acted (SS58).
	pub actor: String,
	/// What happened.
	pub action: ActionJson,
}

/// The answer of `tamga_documentHistory`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentHistory {
	/// The document's id.
	pub id: String,
	/// Every recorded action, oldest first.
	pub entries: Vec<HistoryEntryJson>,
	/// The block the answer was read from.
	pub at: BlockRef,
}
