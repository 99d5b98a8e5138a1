//! Weights of the AEO calls.
//!
//! Not benchmarked yet: each weight is justified by the storage items the call reads and
//! writes (RocksDB weights), a proof-size allowance per item and a fixed 40 µs of
//! execution. A status change notifies every partner: one agreement read and one pending
//! entry written per partner, at most `MaxPartners` (`MAX_PARTNERS` below bounds the
//! runtime's value). The FRAME benchmarks in `benchmarking.rs` exercise each call in its
//! worst case; generated weights will replace these.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the AEO pallet.
pub trait WeightInfo {
	/// `certify`: reads the membership (or accreditation and administration), the
	/// certification, the change counter, the partners and each agreement; writes the
	/// certification, the change, the counter and a pending entry per partner.
	fn certify() -> Weight;
	/// `suspend`: as `certify`.
	fn suspend() -> Weight;
	/// `reinstate`: as `certify`.
	fn reinstate() -> Weight;
	/// `revoke`: as `certify`.
	fn revoke() -> Weight;
	/// `acknowledge`: reads the membership and the pending entry; removes it and writes
	/// the acknowledgement.
	fn acknowledge() -> Weight;
	/// `propose_mra`: reads the membership, the partner administration, the counter and
	/// both partner lists; writes the counter, both lists and the agreement.
	fn propose_mra() -> Weight;
	/// `accept_mra`: reads the membership and the agreement; writes the agreement.
	fn accept_mra() -> Weight;
	/// `suspend_mra`: as `accept_mra`.
	fn suspend_mra() -> Weight;
	/// `resume_mra`: as `accept_mra`.
	fn resume_mra() -> Weight;
	/// `terminate_mra`: reads the membership, the agreement and both partner lists; writes
	/// them.
	fn terminate_mra() -> Weight;
}

/// Fixed execution time of one call, besides its storage accesses.
const BASE: Weight = Weight::from_parts(40_000_000, 0);
/// Proof size allowance per storage item touched (a partner list of 32 is < 300 B).
const PROOF_PER_ITEM: u64 = 512;
/// The most partners a runtime allows one administration (`MaxPartners`).
pub const MAX_PARTNERS: u64 = 32;

fn touching(reads: u64, writes: u64) -> Weight {
	BASE.saturating_add(RocksDbWeight::get().reads_writes(reads, writes))
		.saturating_add(Weight::from_parts(0, PROOF_PER_ITEM * (reads + writes)))
}

/// A status change: 5 reads (membership or accreditation + administration, certification,
/// counter, partners) and 3 writes, plus one read and one write per partner.
fn status_change() -> Weight {
	touching(5 + MAX_PARTNERS, 3 + MAX_PARTNERS)
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn certify() -> Weight {
		status_change()
	}
	fn suspend() -> Weight {
		status_change()
	}
	fn reinstate() -> Weight {
		status_change()
	}
	fn revoke() -> Weight {
		status_change()
	}
	fn acknowledge() -> Weight {
		touching(2, 2)
	}
	fn propose_mra() -> Weight {
		touching(5, 4)
	}
	fn accept_mra() -> Weight {
		touching(2, 1)
	}
	fn suspend_mra() -> Weight {
		touching(2, 1)
	}
	fn resume_mra() -> Weight {
		touching(2, 1)
	}
	fn terminate_mra() -> Weight {
		touching(4, 3)
	}
}
