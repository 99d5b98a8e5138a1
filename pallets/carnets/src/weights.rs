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
	/// `issue`: 287.0 µs (runs from 279.0 to 437.2 µs), 5 reads, 2 writes, proof 526 B.
	fn issue() -> Weight;
	/// `record_voucher`: 335.2 µs (runs from 322.1 to 482.0 µs), 5 reads, 2 writes, proof 4998 B.
	fn record_voucher() -> Weight;
	/// `close`: 1204.0 µs (runs from 1148.7 to 1404.0 µs), 28 reads, 2 writes, proof 8573 B.
	fn close() -> Weight;
	/// `raise_claim`: 312.7 µs (runs from 303.5 to 488.5 µs), 5 reads, 2 writes, proof 6982 B.
	fn raise_claim() -> Weight;
	/// `settle_claim`: 250.0 µs (runs from 243.4 to 351.1 µs), 3 reads, 2 writes, proof 6677 B.
	fn settle_claim() -> Weight;
	/// `discharge_claim`: 259.7 µs (runs from 251.4 to 380.9 µs), 3 reads, 2 writes, proof 6677 B.
	fn discharge_claim() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn issue() -> Weight {
		Weight::from_parts(286_970_000, 526)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn record_voucher() -> Weight {
		Weight::from_parts(335_172_000, 4_998)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn close() -> Weight {
		Weight::from_parts(1_204_035_000, 8_573)
			.saturating_add(RocksDbWeight::get().reads(28))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn raise_claim() -> Weight {
		Weight::from_parts(312_711_000, 6_982)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(249_952_000, 6_677)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn discharge_claim() -> Weight {
		Weight::from_parts(259_666_000, 6_677)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
}
