//! What the tool and the verification page say to people, in their language: message
//! catalogues (one JSON file per language in `node/cli/messages/`) and the verdicts,
//! checks, facts and histories of the node's answers rendered from their codes and
//! fields.

pub mod catalogue;
pub mod explain;

pub use catalogue::Catalogue;
