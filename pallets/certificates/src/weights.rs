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
	/// `register`: 282.0 µs (runs from 274.4 to 422.0 µs), 5 reads, 3 writes, proof 489 B.
	fn register() -> Weight;
	/// `replace`: 805.1 µs (runs from 781.2 to 954.1 µs), 7 reads, 5 writes, proof 23817 B.
	fn replace() -> Weight;
	/// `revoke`: 629.2 µs (runs from 613.7 to 717.6 µs), 4 reads, 2 writes, proof 23667 B.
	fn revoke() -> Weight;
	/// `record_use`: 685.0 µs (runs from 669.7 to 955.8 µs), 6 reads, 2 writes, proof 23849 B.
	fn record_use() -> Weight;
	/// `register_batch`: 197.3 µs (runs from 192.3 to 301.0 µs), 3 reads, 1 writes, proof 489 B.
	fn register_batch() -> Weight;
	/// `revoke_batch_member`: 291.9 µs (runs from 286.4 to 394.0 µs), 4 reads, 1 writes, proof 590
	/// B.
	fn revoke_batch_member() -> Weight;
	/// `apply`: 661.4 µs (runs from 642.4 to 906.1 µs), 6 reads, 3 writes, proof 23069 B.
	fn apply() -> Weight;
	/// `endorse`: 778.7 µs (runs from 763.8 to 905.0 µs), 7 reads, 5 writes, proof 23639 B.
	fn endorse() -> Weight;
	/// `reject`: 660.2 µs (runs from 645.7 to 788.0 µs), 5 reads, 3 writes, proof 23550 B.
	fn reject() -> Weight;
	/// `withdraw`: 569.3 µs (runs from 556.3 to 671.1 µs), 3 reads, 3 writes, proof 23030 B.
	fn withdraw() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn register() -> Weight {
		Weight::from_parts(282_001_000, 489)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn replace() -> Weight {
		Weight::from_parts(805_139_000, 23_817)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn revoke() -> Weight {
		Weight::from_parts(629_231_000, 23_667)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn record_use() -> Weight {
		Weight::from_parts(684_986_000, 23_849)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn register_batch() -> Weight {
		Weight::from_parts(197_262_000, 489)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn revoke_batch_member() -> Weight {
		Weight::from_parts(291_872_000, 590)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn apply() -> Weight {
		Weight::from_parts(661_427_000, 23_069)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn endorse() -> Weight {
		Weight::from_parts(778_706_000, 23_639)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn reject() -> Weight {
		Weight::from_parts(660_225_000, 23_550)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(569_288_000, 23_030)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
