//! Weights of the governance calls.
//!
//! Not benchmarked yet: each weight below is justified by the storage it touches
//! (RocksDB read/write weights) plus a fixed 25 µs of execution, which is generous for
//! what these calls compute (a few comparisons and SCALE encodings of bounded records).
//! FRAME benchmarks will replace them.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the governance pallet.
pub trait WeightInfo {
	/// `propose`: reads MemberOf, the proposal counter and count; writes proposal, counter,
	/// count. `call_size`: bytes of the encoded call (hashed into storage).
	fn propose(call_size: u32) -> Weight;
	/// `vote` without the proposal's call: reads MemberOf, proposal, administration count;
	/// writes the proposal (and removes it, with the count, when decided).
	fn vote() -> Weight;
	/// `close`: reads and removes a proposal.
	fn close() -> Weight;
	/// `admit_administration` with `members` member accounts.
	fn admit_administration(members: u32) -> Weight;
	/// `remove_administration` of an administration with up to `members` member accounts,
	/// with up to `proposals` open proposals to withdraw its votes from and up to `nodes`
	/// approved nodes to look through.
	fn remove_administration(members: u32, proposals: u32, nodes: u32) -> Weight;
	/// `add_member`.
	fn add_member() -> Weight;
	/// `remove_member`.
	fn remove_member() -> Weight;
	/// `accredit`.
	fn accredit() -> Weight;
	/// `suspend`, `reinstate` or `revoke`.
	fn change_status() -> Weight;
	/// `set_key_cutoff`.
	fn set_key_cutoff() -> Weight;
	/// `add_validator`.
	fn add_validator() -> Weight;
	/// `remove_validator`.
	fn remove_validator() -> Weight;
	/// `approve_node`: reads the administration, the node and the node count; writes the
	/// node and the count.
	fn approve_node() -> Weight;
	/// `remove_node`: reads MemberOf and the node; removes the node, updates the count.
	fn remove_node() -> Weight;
}

/// Fixed execution time of one call, besides its storage accesses.
const BASE: Weight = Weight::from_parts(25_000_000, 0);
/// Proof size allowance per storage item touched.
const PROOF_PER_ITEM: u64 = 4_096;

fn touching(reads: u64, writes: u64) -> Weight {
	BASE.saturating_add(RocksDbWeight::get().reads_writes(reads, writes))
		.saturating_add(Weight::from_parts(0, PROOF_PER_ITEM * (reads + writes)))
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn propose(call_size: u32) -> Weight {
		touching(3, 3)
			.saturating_add(Weight::from_parts(1_000 * call_size as u64, call_size as u64))
	}
	fn vote() -> Weight {
		touching(3, 2)
	}
	fn close() -> Weight {
		touching(1, 2)
	}
	fn admit_administration(members: u32) -> Weight {
		touching(2 + 2 * members as u64, 2 + members as u64)
	}
	fn remove_administration(members: u32, proposals: u32, nodes: u32) -> Weight {
		let (members, proposals, nodes) = (members as u64, proposals as u64, nodes as u64);
		touching(3 + proposals + nodes, 3 + members + proposals + nodes)
	}
	fn add_member() -> Weight {
		touching(4, 2)
	}
	fn remove_member() -> Weight {
		touching(3, 2)
	}
	fn accredit() -> Weight {
		touching(3, 1)
	}
	fn change_status() -> Weight {
		touching(2, 1)
	}
	fn set_key_cutoff() -> Weight {
		touching(2, 1)
	}
	fn add_validator() -> Weight {
		touching(2, 2)
	}
	fn remove_validator() -> Weight {
		touching(1, 2)
	}
	fn approve_node() -> Weight {
		touching(3, 2)
	}
	fn remove_node() -> Weight {
		touching(2, 2)
	}
}
