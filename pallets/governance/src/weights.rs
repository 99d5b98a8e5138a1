//! Weights of the `pallet_tamga_governance` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 30 runs,
//! plus RocksDB's cost of the distinct keys it reads and writes, and the storage proof it needs.
//! The host side (state, trie) of the runner is a debug build, so the times are upper bounds.
//! Generated: run the script again after changing a call or its benchmark instead of editing this
//! file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_governance` calls.
pub trait WeightInfo {
	/// `propose`: 229.2 µs (runs from 217.2 to 288.3 µs), 5 reads, 3 writes, proof 317 B.
	fn propose() -> Weight;
	/// `vote`: 273.6 µs (runs from 269.0 to 431.9 µs), 3 reads, 1 writes, proof 17467 B.
	fn vote() -> Weight;
	/// `close`: 186.8 µs (runs from 177.4 to 284.5 µs), 2 reads, 2 writes, proof 16650 B.
	fn close() -> Weight;
	/// `admit_administration`: 1719.1 µs (runs from 1661.6 to 1855.4 µs), 50 reads, 34 writes,
	/// proof 265 B.
	fn admit_administration() -> Weight;
	/// `remove_administration`: 66659.2 µs (runs from 66259.9 to 69560.9 µs), 698 reads, 613
	/// writes, proof 97554 B.
	fn remove_administration() -> Weight;
	/// `add_member`: 311.9 µs (runs from 301.1 to 395.0 µs), 5 reads, 3 writes, proof 1368 B.
	fn add_member() -> Weight;
	/// `remove_member`: 299.2 µs (runs from 290.2 to 401.1 µs), 4 reads, 3 writes, proof 1659 B.
	fn remove_member() -> Weight;
	/// `accredit`: 232.3 µs (runs from 224.9 to 397.4 µs), 4 reads, 2 writes, proof 264 B.
	fn accredit() -> Weight;
	/// `change_status`: 163.9 µs (runs from 157.5 to 183.1 µs), 2 reads, 1 writes, proof 486 B.
	fn change_status() -> Weight;
	/// `set_key_cutoff`: 163.2 µs (runs from 157.2 to 259.2 µs), 2 reads, 1 writes, proof 486 B.
	fn set_key_cutoff() -> Weight;
	/// `add_validator`: 289.1 µs (runs from 285.5 to 464.7 µs), 4 reads, 3 writes, proof 4563 B.
	fn add_validator() -> Weight;
	/// `remove_validator`: 3432.3 µs (runs from 3296.5 to 4519.4 µs), 101 reads, 3 writes, proof
	/// 14901 B.
	fn remove_validator() -> Weight;
	/// `approve_node`: 324.4 µs (runs from 310.2 to 621.5 µs), 3 reads, 2 writes, proof 1438 B.
	fn approve_node() -> Weight;
	/// `remove_node`: 329.0 µs (runs from 318.7 to 426.8 µs), 3 reads, 2 writes, proof 1378 B.
	fn remove_node() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn propose() -> Weight {
		Weight::from_parts(229_234_000, 317)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn vote() -> Weight {
		Weight::from_parts(273_583_000, 17_467)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn close() -> Weight {
		Weight::from_parts(186_815_000, 16_650)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn admit_administration() -> Weight {
		Weight::from_parts(1_719_137_000, 265)
			.saturating_add(RocksDbWeight::get().reads(50))
			.saturating_add(RocksDbWeight::get().writes(34))
	}
	fn remove_administration() -> Weight {
		Weight::from_parts(66_659_170_000, 97_554)
			.saturating_add(RocksDbWeight::get().reads(698))
			.saturating_add(RocksDbWeight::get().writes(613))
	}
	fn add_member() -> Weight {
		Weight::from_parts(311_926_000, 1_368)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn remove_member() -> Weight {
		Weight::from_parts(299_243_000, 1_659)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn accredit() -> Weight {
		Weight::from_parts(232_334_000, 264)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn change_status() -> Weight {
		Weight::from_parts(163_882_000, 486)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_key_cutoff() -> Weight {
		Weight::from_parts(163_222_000, 486)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn add_validator() -> Weight {
		Weight::from_parts(289_089_000, 4_563)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(3_432_266_000, 14_901)
			.saturating_add(RocksDbWeight::get().reads(101))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn approve_node() -> Weight {
		Weight::from_parts(324_392_000, 1_438)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn remove_node() -> Weight {
		Weight::from_parts(329_034_000, 1_378)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
}
