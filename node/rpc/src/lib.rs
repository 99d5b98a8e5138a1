//! Tamga's JSON-RPC methods, served by `tamga-node` beside the standard Substrate ones:
//!
//! - `tamga_verifyDocument(id, at?)`: the verdict a border officer needs on a document
//!   (genuine? in force? how much is left? who issued it?), and whether the answer comes
//!   from a finalized block.
//! - `tamga_verifyBatchMember(id, proof, at?)`: the same for a document anchored in a
//!   batch, shown to be a member by its Merkle proof.
//! - `tamga_documentHistory(id, at?)`: every recorded action on a document, with the
//!   block, extrinsic and actor of each, for auditors.
//!
//! Each method reads the state of block `at` (default: the node's best block) through the
//! runtime API [`pallet_tamga_certificates::runtime_api::CertificatesApi`]. Bad input and
//! unknown documents are JSON-RPC errors with a readable message and a code from
//! [`errors`].

pub mod api;
pub mod dates;
pub mod errors;
pub mod hex;
pub mod verdict;

pub use api::{Tamga, TamgaApiServer};
