//! Weights of the carnets calls.
//!
//! Not benchmarked yet: each weight is justified by the storage items the call reads and
//! writes (RocksDB weights), a proof-size allowance per item and a fixed 40 µs of
//! execution, generous for the validation these calls do (at most `MaxCountries`
//! balances scanned). The FRAME benchmarks in `benchmarking.rs` exercise each call in its
//! worst case; generated weights will replace these.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the carnets pallet.
pub trait WeightInfo {
	/// `issue`: reads the accreditation and administration (permissions), the carnet, the
	/// history; writes the carnet and the history.
	fn issue() -> Weight;
	/// `record_voucher`: reads the officer's accreditation and administration, the carnet,
	/// the history; writes the carnet and the history.
	fn record_voucher() -> Weight;
	/// `close`: reads the carnet, the sender's accreditation or membership and
	/// administration, a claim per country of use, the history; writes the carnet and the
	/// history.
	fn close() -> Weight;
	/// `raise_claim`: reads the membership, the carnet, the claim, the history; writes the
	/// claim and the history.
	fn raise_claim() -> Weight;
	/// `settle_claim`: reads the membership, the claim, the history; writes the claim and
	/// the history.
	fn settle_claim() -> Weight;
	/// `discharge_claim`: as `settle_claim`.
	fn discharge_claim() -> Weight;
}

/// Fixed execution time of one call, besides its storage accesses.
const BASE: Weight = Weight::from_parts(40_000_000, 0);
/// Proof size allowance per storage item touched (a carnet with 24 countries is < 400 B).
const PROOF_PER_ITEM: u64 = 1_024;
/// Proof size of a full history (128 entries of < 64 bytes).
const HISTORY_PROOF: u64 = 8 * 1_024;
/// The most countries of use a runtime lists (claims read by `close`).
const MAX_COUNTRIES: u64 = 24;

fn touching(reads: u64, writes: u64) -> Weight {
	BASE.saturating_add(RocksDbWeight::get().reads_writes(reads, writes))
		.saturating_add(Weight::from_parts(0, PROOF_PER_ITEM * (reads + writes) + HISTORY_PROOF))
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn issue() -> Weight {
		touching(4, 2)
	}
	fn record_voucher() -> Weight {
		touching(4, 2)
	}
	fn close() -> Weight {
		touching(4 + MAX_COUNTRIES, 2)
	}
	fn raise_claim() -> Weight {
		touching(4, 2)
	}
	fn settle_claim() -> Weight {
		touching(3, 2)
	}
	fn discharge_claim() -> Weight {
		touching(3, 2)
	}
}
