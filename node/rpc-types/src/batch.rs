//! `tamga_verifyBatchMember`: a document anchored as a member of a batch, shown to be one
//! by its Merkle proof, and the proof file the `tamga` tool writes for it.

use serde::{Deserialize, Serialize};

use crate::{
	block::BlockRef,
	document::{DocumentStatus, Issuer},
};

/// A batch member's Merkle proof, as `tamga_verifyBatchMember` takes it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProofParam {
	/// The batch's Merkle root (`0x` and 64 hex digits).
	pub root: String,
	/// The member's position in the batch, from 0.
	pub index: u32,
	/// How many documents the batch holds.
	pub count: u32,
	/// The sibling hashes from the leaf level up.
	pub siblings: Vec<String>,
}

/// The answer of `tamga_verifyBatchMember`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BatchVerdict {
	/// The document's id.
	pub id: String,
	/// The batch's Merkle root.
	pub root: String,
	/// Whether the document may be accepted.
	pub valid: bool,
	/// `valid`, `revoked`, `issuerKeyCutOff`, `administrationLeft` or
	/// `voidedByConsortium`.
	pub status: DocumentStatus,
	/// The verdict in one sentence, for people.
	pub verdict: String,
	/// The three checks behind the verdict: integrity, status, identity.
	pub checks: crate::checks::Checks,
	/// Why it was revoked, if it was.
	pub revocation_reason: Option<String>,
	/// For `administrationLeft` and `voidedByConsortium`: the block in which the
	/// administration left, or the consortium's vote passed.
	pub void_at: Option<u64>,
	/// Who anchored the batch.
	pub issuer: Issuer,
	/// The kind of all the batch's documents.
	pub kind: String,
	/// The document's position in the batch.
	pub index: u32,
	/// How many documents the batch holds.
	pub count: u32,
	/// The block in which the batch was anchored.
	pub registered_at: u64,
	/// The block the answer was read from.
	pub at: BlockRef,
}

/// The proof file `tamga cert batch` writes for each member, and `tamga cert verify
/// --proof` reads: the member's id and its proof.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BatchProofFile {
	/// The member's id (`0x` and 64 hex digits).
	pub id: String,
	/// Its Merkle proof.
	pub proof: ProofParam,
}
