//! The auditors' index of a Tamga chain.
//!
//! [`follow::run`] reads finalized blocks from a node ([`source`]), decodes each with the
//! metadata of its own runtime version ([`decode`], [`block`]), turns them into rows with
//! typed columns ([`rows`]) and writes them into SQLite or PostgreSQL ([`store`]).
//! [`query`] and [`stats`] answer auditors' questions from the index alone; [`table`]
//! writes the answers as a table, JSON lines or CSV.

pub mod block;
pub mod decode;
pub mod follow;
pub mod period;
pub mod query;
pub mod rows;
pub mod source;
pub mod stats;
pub mod store;
pub mod table;
