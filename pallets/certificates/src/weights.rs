//! Weights of the certificates calls.
//!
//! Not benchmarked yet: each weight is justified by the storage items the call reads and
//! writes (RocksDB weights), a proof-size allowance per item and a fixed 40 µs of
//! execution, generous for the validation and hashing these calls do (a Merkle proof of
//! 32 siblings is 33 blake2-256 hashes of at most 65 bytes, a few µs). FRAME benchmarks
//! will replace them.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the certificates pallet.
pub trait WeightInfo {
	/// `register`: reads the accreditation and the administration (permissions), the
	/// document, the number and the history; writes the document, the number, the history.
	fn register() -> Weight;
	/// `replace`: `register` plus reading and writing the old document and its history.
	fn replace() -> Weight;
	/// `revoke`: reads the document, the sender's membership, the history; writes the
	/// document and the history.
	fn revoke() -> Weight;
	/// `record_use`: reads the document, the officer's accreditation and administration,
	/// the issuer's accreditation (key cut-off), the history; writes document and history.
	fn record_use() -> Weight;
	/// `register_batch`: reads the accreditation, the administration, the batch; writes it.
	fn register_batch() -> Weight;
	/// `revoke_batch_member`: reads the batch, the sender's membership, the revocation;
	/// writes the revocation; verifies a proof of up to 32 hashes.
	fn revoke_batch_member() -> Weight;
	/// `apply`: reads the exporter's accreditation (twice at most: exporter, then approved
	/// exporter) and administration, the document, the application, the pending count and
	/// the history; writes the application, the count and the history.
	fn apply() -> Weight;
	/// `endorse`: reads the application, the issuer's accreditation and administration,
	/// then `register`'s reads; writes `register`'s items, removes the application and
	/// updates the pending count.
	fn endorse() -> Weight;
	/// `reject`: reads the application, the issuer's accreditation and administration, the
	/// pending count and the history; removes the application, writes count and history.
	fn reject() -> Weight;
	/// `withdraw`: reads the application, the pending count and the history; removes the
	/// application, writes count and history.
	fn withdraw() -> Weight;
}

/// Fixed execution time of one call, besides its storage accesses.
const BASE: Weight = Weight::from_parts(40_000_000, 0);
/// Proof size allowance per storage item touched (a record with 32 HS codes is < 600 B;
/// a full history of 256 entries < 32 KiB is charged separately below).
const PROOF_PER_ITEM: u64 = 1_024;
/// Proof size of a full history (256 entries of < 120 bytes).
const HISTORY_PROOF: u64 = 32 * 1_024;

fn touching(reads: u64, writes: u64, history: bool) -> Weight {
	BASE.saturating_add(RocksDbWeight::get().reads_writes(reads, writes))
		.saturating_add(Weight::from_parts(0, PROOF_PER_ITEM * (reads + writes)))
		.saturating_add(Weight::from_parts(0, if history { HISTORY_PROOF } else { 0 }))
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn register() -> Weight {
		touching(5, 3, true)
	}
	fn replace() -> Weight {
		touching(7, 5, true).saturating_add(Weight::from_parts(0, HISTORY_PROOF))
	}
	fn revoke() -> Weight {
		touching(3, 2, true)
	}
	fn record_use() -> Weight {
		touching(5, 2, true)
	}
	fn register_batch() -> Weight {
		touching(3, 1, false)
	}
	fn revoke_batch_member() -> Weight {
		touching(3, 1, false)
	}
	fn apply() -> Weight {
		touching(7, 3, true)
	}
	fn endorse() -> Weight {
		touching(7, 5, true)
	}
	fn reject() -> Weight {
		touching(5, 3, true)
	}
	fn withdraw() -> Weight {
		touching(3, 3, true)
	}
}
