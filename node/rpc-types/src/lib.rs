//! The contract between a Tamga node's `tamga_*` JSON-RPC methods and their clients: every
//! parameter and answer as a type that serialises and deserialises, and every error code.
//!
//! The node ([`tamga-rpc`]) builds these answers from what the runtime returns; the `tamga`
//! tool, the network tests and the throughput tool read them back into the same types, so
//! a field renamed on one side fails to compile on the other instead of reading as empty.
//!
//! - [`block`]: which block an answer was read from.
//! - [`document`]: `tamga_verifyDocument` (with the `notAnchored` verdict for an id
//!   nothing was anchored under), `tamga_findDocument` (by country and number) and the
//!   issuer and rule warnings they name.
//! - [`checks`]: the three checks of every verdict: integrity, status, identity.
//! - [`batch`]: `tamga_verifyBatchMember`, its proof parameter and the proof file the
//!   tool writes.
//! - [`history`]: `tamga_documentHistory`.
//! - [`document_types`]: `tamga_documentTypes`, the registry of document types.
//! - [`carnet`]: `tamga_carnet` and `tamga_carnetMovements`.
//! - [`aeo`]: `tamga_aeoStatus`, `tamga_aeoRecognition` and `tamga_pendingAcknowledgements`.
//! - [`exchange`]: `tamga_exchangeAgreements`, `tamga_exchangeKey`,
//!   `tamga_exchangeCommitment`, `tamga_exchangeReceipts`, `tamga_exchangeAppendices`: the
//!   information space's agreements, keys, field commitments, receipts and appended
//!   records (typed with `tamga-primitives`' words: countries, kinds, groups, modes), and
//!   the disclosure and sealed-disclosure files of `tamga exchange`.
//! - [`errors`]: the error codes and the error object a client receives.
//! - [`quantity`]: quantities travel as decimal strings (a `u128` does not fit a
//!   JavaScript number).
//!
//! [`tamga-rpc`]: ../tamga_rpc/index.html

pub mod aeo;
pub mod batch;
pub mod block;
pub mod carnet;
pub mod checks;
pub mod document;
pub mod document_types;
pub mod errors;
pub mod exchange;
pub mod history;
pub mod quantity;

pub use batch::{BatchProofFile, BatchVerdict, ProofParam};
pub use block::BlockRef;
pub use checks::{Check, Checks, Identity, Integrity};
pub use document::{
	AnchoredDocument, DocumentMatches, DocumentStatus, DocumentVerdict, Issuer, RuleWarningJson,
};
pub use document_types::{DocumentTypeJson, DocumentTypes};
pub use errors::RpcError;
pub use history::{ActionJson, DocumentHistory, HistoryEntryJson};
