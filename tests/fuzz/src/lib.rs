//! Structure-aware fuzzing of what strangers can hand a Tamga node, run against the real
//! runtime (native build) on the `local_testnet` genesis.
//!
//! Inputs are generated from the runtime's own metadata ([`generate`]), so every call and
//! runtime API argument is covered without listing them, then mutated at byte level
//! ([`mutate`]). Each [`targets`] module states the rules its inputs must never break.
//!
//! - [`chain`]: the genesis state and the actors.
//! - [`metadata`]: the runtime's types, call enum and APIs.
//! - [`panics`]: running an input so that a panic becomes a finding.
//! - [`rng`]: the seeded generator every run is reproducible from.

pub mod chain;
pub mod generate;
pub mod metadata;
pub mod mutate;
pub mod panics;
pub mod rng;
pub mod targets;
