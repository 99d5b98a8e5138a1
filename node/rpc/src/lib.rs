//! Tamga's JSON-RPC methods, served by `tamga-node` beside the standard Substrate ones:
//!
//! - `tamga_verifyDocument(id, at?)`: the verdict a border officer needs on a document
//!   (genuine? in force? how much is left? who issued it?), and whether the answer comes
//!   from a finalized block.
//! - `tamga_verifyBatchMember(id, proof, at?)`: the same for a document anchored in a
//!   batch, shown to be a member by its Merkle proof.
//! - `tamga_documentHistory(id, at?)`: every recorded action on a document, with the
//!   block, extrinsic and actor of each, for auditors.
//! - `tamga_findDocument(country, number, issuer?, at?)`: the documents anchored under a
//!   paper's number.
//! - `tamga_documentTypes(at?)`: the registry of document types (the built-in ones and
//!   those the consortium added by vote); verdicts name a document's type from it.
//! - `tamga_carnet(number, at?)` and `tamga_carnetMovements(number, page?, limit?, at?)`:
//!   an ATA carnet's state, what each country holds, its claims, and its history a page
//!   at a time ([`carnets`]).
//! - `tamga_aeoStatus(operator, at?)`, `tamga_aeoRecognition(operator, administration,
//!   at?)` and `tamga_pendingAcknowledgements(administration, page?, limit?, at?)`
//!   ([`aeo`]).
//! - `tamga_exchangeAgreements(country, partner?, at?)`, `tamga_exchangeKey(country, at?)`,
//!   `tamga_exchangeCommitment(document, at?)`, `tamga_exchangeReceipts(administration,
//!   partner?, page?, limit?, at?)` and `tamga_exchangeAppendices(document, at?)`:
//!   data-sharing agreements, exchange keys, field commitments, receipts and appended
//!   records ([`exchange`]); not served by the verifier profile.
//!
//! Lists that grow without bound are answered a page at a time ([`paging`]): `page`
//! (from 0, default 0) and `limit` (default and at most the method's maximum), with the
//! `total` so a client knows how many pages there are.
//!
//! Each method reads the state of block `at` (default: the node's best block) through the
//! pallets' runtime APIs (`tamga_verifyDocument` natively where the node's own runtime is
//! the one on chain: [`native`]). Bad input and unknown records are JSON-RPC errors with a
//! readable message and a code from [`errors`].

pub mod aeo;
pub mod api;
pub mod blocks;
pub mod carnets;
pub mod dates;
pub mod errors;
pub mod exchange;
pub mod hex;
pub mod native;
pub mod paging;
pub mod profile;
pub mod verdict;

pub use aeo::AeoApiServer;
pub use api::{Tamga, TamgaApiServer};
pub use carnets::CarnetApiServer;
pub use exchange::ExchangeRpcServer;
pub use native::NativeVerifier;
