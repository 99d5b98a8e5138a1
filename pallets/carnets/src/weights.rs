//! Weights of the `pallet_tamga_carnets` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 30 runs,
//! plus RocksDB's cost of the distinct keys it reads and writes, and the storage proof it needs.
//! The host side (state, trie) of the runner is a debug build, so the times are upper bounds.
//! Generated: run the script again after changing a call or its benchmark instead of editing this
//! file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_carnets` calls.
pub trait WeightInfo {
	/// `issue`: 323.5 µs (runs from 311.0 to 706.9 µs), 5 reads, 3 writes, proof 526 B.
	fn issue() -> Weight;
	/// `record_voucher`: 359.5 µs (runs from 343.3 to 463.6 µs), 5 reads, 3 writes, proof 1287 B.
	fn record_voucher() -> Weight;
	/// `close`: 1302.7 µs (runs from 1182.9 to 1391.1 µs), 28 reads, 3 writes, proof 2510 B.
	fn close() -> Weight;
	/// `raise_claim`: 343.7 µs (runs from 327.0 to 427.1 µs), 5 reads, 3 writes, proof 919 B.
	fn raise_claim() -> Weight;
	/// `settle_claim`: 278.0 µs (runs from 264.6 to 359.8 µs), 3 reads, 3 writes, proof 614 B.
	fn settle_claim() -> Weight;
	/// `discharge_claim`: 291.3 µs (runs from 276.5 to 354.3 µs), 3 reads, 3 writes, proof 614 B.
	fn discharge_claim() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn issue() -> Weight {
		Weight::from_parts(323_530_000, 526)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn record_voucher() -> Weight {
		Weight::from_parts(359_498_000, 1_287)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn close() -> Weight {
		Weight::from_parts(1_302_701_000, 2_510)
			.saturating_add(RocksDbWeight::get().reads(28))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn raise_claim() -> Weight {
		Weight::from_parts(343_685_000, 919)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(277_959_000, 614)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn discharge_claim() -> Weight {
		Weight::from_parts(291_260_000, 614)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
