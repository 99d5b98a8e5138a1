//! `tamga-node ceremony`: how a consortium of administrations launches its own chain.
//!
//! 1. Every administration, on its own machine, runs `ceremony prepare`: it generates the
//!    administration's member account, its validator's session keys (into the validator's
//!    keystore) and node key (into its network folder), and writes only their public parts
//!    into a file.
//! 2. One of them (or anyone) runs `ceremony assemble` on all the public files: it writes
//!    the chain spec (members, validators, approved nodes with addresses, no sudo, no
//!    well-known key) and prints its genesis hash.
//! 3. Every administration runs `ceremony genesis-hash` on the spec it received and
//!    compares the hash with the others' before it starts its validator.
//!
//! A late joiner runs `prepare` the same way; its public file holds what the admission
//! votes need (account, node, address) and what its `set-keys` call sends (the session keys
//! with their proof of ownership).

mod assemble;
mod genesis_hash;
mod part;
mod prepare;

pub use assemble::AssembleCmd;
pub use genesis_hash::{genesis_hash, GenesisHashCmd};
pub use prepare::PrepareCmd;

/// The steps of a launch ceremony.
#[derive(Debug, clap::Subcommand)]
pub enum CeremonyCmd {
	/// Generate this administration's keys for a new chain (member account, validator
	/// session keys, node key) and write their public parts to a file for the assembler.
	Prepare(PrepareCmd),
	/// Assemble the administrations' public files into a live chain spec (raw) and print
	/// its genesis hash for every administration to compare.
	Assemble(AssembleCmd),
	/// Print the genesis hash of a chain spec: compare it with the other administrations'
	/// before starting a validator.
	GenesisHash(GenesisHashCmd),
}

impl CeremonyCmd {
	/// Runs the step; the error says what to fix.
	pub fn run(&self) -> Result<(), String> {
		match self {
			Self::Prepare(cmd) => cmd.run(),
			Self::Assemble(cmd) => cmd.run(),
			Self::GenesisHash(cmd) => cmd.run(),
		}
	}
}
