//! Weights of the `pallet_tamga_certificates` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs,
//! plus RocksDB's cost of the distinct keys it reads and writes, and the storage proof it needs.
//! The host side (state, trie) of the runner is a debug build, so the times are upper bounds.
//! Generated: run the script again after changing a call or its benchmark instead of editing this
//! file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_certificates` calls.
pub trait WeightInfo {
	/// `register`: 288.8 µs (runs from 280.7 to 459.1 µs), 5 reads, 3 writes, proof 489 B.
	fn register() -> Weight;
	/// `replace`: 818.8 µs (runs from 798.7 to 954.3 µs), 7 reads, 5 writes, proof 23817 B.
	fn replace() -> Weight;
	/// `revoke`: 642.2 µs (runs from 628.5 to 992.1 µs), 4 reads, 2 writes, proof 23667 B.
	fn revoke() -> Weight;
	/// `record_use`: 704.7 µs (runs from 679.9 to 839.2 µs), 6 reads, 2 writes, proof 23849 B.
	fn record_use() -> Weight;
	/// `register_batch`: 201.5 µs (runs from 196.3 to 289.9 µs), 3 reads, 1 writes, proof 489 B.
	fn register_batch() -> Weight;
	/// `revoke_batch_member`: 302.3 µs (runs from 294.7 to 449.3 µs), 4 reads, 1 writes, proof 590
	/// B.
	fn revoke_batch_member() -> Weight;
	/// `apply`: 682.2 µs (runs from 664.7 to 840.2 µs), 6 reads, 3 writes, proof 23069 B.
	fn apply() -> Weight;
	/// `endorse`: 802.9 µs (runs from 779.8 to 922.8 µs), 7 reads, 5 writes, proof 23639 B.
	fn endorse() -> Weight;
	/// `reject`: 676.8 µs (runs from 659.2 to 844.9 µs), 5 reads, 3 writes, proof 23550 B.
	fn reject() -> Weight;
	/// `withdraw`: 584.4 µs (runs from 571.4 to 706.7 µs), 3 reads, 3 writes, proof 23030 B.
	fn withdraw() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn register() -> Weight {
		Weight::from_parts(288_769_000, 489)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn replace() -> Weight {
		Weight::from_parts(818_773_000, 23_817)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn revoke() -> Weight {
		Weight::from_parts(642_210_000, 23_667)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn record_use() -> Weight {
		Weight::from_parts(704_745_000, 23_849)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn register_batch() -> Weight {
		Weight::from_parts(201_475_000, 489)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn revoke_batch_member() -> Weight {
		Weight::from_parts(302_341_000, 590)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn apply() -> Weight {
		Weight::from_parts(682_173_000, 23_069)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn endorse() -> Weight {
		Weight::from_parts(802_948_000, 23_639)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn reject() -> Weight {
		Weight::from_parts(676_818_000, 23_550)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(584_355_000, 23_030)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
