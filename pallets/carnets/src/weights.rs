//! Weights of the `pallet_tamga_carnets` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs,
//! plus RocksDB's cost of the distinct keys it reads and writes, and the storage proof it needs.
//! The host side (state, trie) of the runner is a debug build, so the times are upper bounds.
//! Generated: run the script again after changing a call or its benchmark instead of editing this
//! file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_carnets` calls.
pub trait WeightInfo {
	/// `issue`: 318.0 µs (runs from 310.3 to 413.1 µs), 5 reads, 3 writes, proof 526 B.
	fn issue() -> Weight;
	/// `record_voucher`: 351.7 µs (runs from 340.1 to 455.3 µs), 5 reads, 3 writes, proof 1287 B.
	fn record_voucher() -> Weight;
	/// `close`: 1208.1 µs (runs from 1186.1 to 1371.7 µs), 28 reads, 3 writes, proof 2510 B.
	fn close() -> Weight;
	/// `raise_claim`: 339.5 µs (runs from 326.4 to 431.4 µs), 5 reads, 3 writes, proof 919 B.
	fn raise_claim() -> Weight;
	/// `settle_claim`: 270.8 µs (runs from 263.3 to 451.8 µs), 3 reads, 3 writes, proof 614 B.
	fn settle_claim() -> Weight;
	/// `discharge_claim`: 277.8 µs (runs from 273.1 to 379.2 µs), 3 reads, 3 writes, proof 614 B.
	fn discharge_claim() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn issue() -> Weight {
		Weight::from_parts(318_037_000, 526)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn record_voucher() -> Weight {
		Weight::from_parts(351_660_000, 1_287)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn close() -> Weight {
		Weight::from_parts(1_208_076_000, 2_510)
			.saturating_add(RocksDbWeight::get().reads(28))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn raise_claim() -> Weight {
		Weight::from_parts(339_525_000, 919)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(270_822_000, 614)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn discharge_claim() -> Weight {
		Weight::from_parts(277_772_000, 614)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
