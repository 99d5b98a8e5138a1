//! Weights of the `pallet_tamga_aeo` calls, measured by `tamga-bench` (`scripts/bench-weights.sh`)
//! on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM: each call's worst case (see
//! `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs, plus RocksDB's cost of the
//! distinct keys it reads and writes, and the storage proof it needs. The host side (state, trie)
//! of the runner is a debug build, so the times are upper bounds. Generated: run the script again
//! after changing a call or its benchmark instead of editing this file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_aeo` calls.
pub trait WeightInfo {
	/// `certify`: 2951.6 µs (runs from 2829.2 to 3069.6 µs), 69 reads, 35 writes, proof 4573 B.
	fn certify() -> Weight;
	/// `suspend`: 3009.3 µs (runs from 2891.7 to 3220.4 µs), 69 reads, 35 writes, proof 4781 B.
	fn suspend() -> Weight;
	/// `reinstate`: 3020.1 µs (runs from 2874.3 to 3155.9 µs), 69 reads, 35 writes, proof 4815 B.
	fn reinstate() -> Weight;
	/// `revoke`: 3011.6 µs (runs from 2873.7 to 3242.7 µs), 69 reads, 35 writes, proof 4781 B.
	fn revoke() -> Weight;
	/// `acknowledge`: 245.8 µs (runs from 240.8 to 397.3 µs), 2 reads, 2 writes, proof 1428 B.
	fn acknowledge() -> Weight;
	/// `propose_mra`: 497.2 µs (runs from 490.8 to 609.6 µs), 7 reads, 5 writes, proof 2551 B.
	fn propose_mra() -> Weight;
	/// `accept_mra`: 188.8 µs (runs from 183.5 to 278.7 µs), 3 reads, 1 writes, proof 389 B.
	fn accept_mra() -> Weight;
	/// `suspend_mra`: 165.0 µs (runs from 159.6 to 265.1 µs), 2 reads, 1 writes, proof 383 B.
	fn suspend_mra() -> Weight;
	/// `resume_mra`: 161.3 µs (runs from 156.9 to 309.5 µs), 2 reads, 1 writes, proof 385 B.
	fn resume_mra() -> Weight;
	/// `terminate_mra`: 305.6 µs (runs from 299.9 to 532.1 µs), 4 reads, 3 writes, proof 2042 B.
	fn terminate_mra() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn certify() -> Weight {
		Weight::from_parts(2_951_579_000, 4_573)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn suspend() -> Weight {
		Weight::from_parts(3_009_291_000, 4_781)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(3_020_141_000, 4_815)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn revoke() -> Weight {
		Weight::from_parts(3_011_589_000, 4_781)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(245_771_000, 1_428)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn propose_mra() -> Weight {
		Weight::from_parts(497_194_000, 2_551)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn accept_mra() -> Weight {
		Weight::from_parts(188_761_000, 389)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn suspend_mra() -> Weight {
		Weight::from_parts(164_992_000, 383)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn resume_mra() -> Weight {
		Weight::from_parts(161_285_000, 385)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn terminate_mra() -> Weight {
		Weight::from_parts(305_575_000, 2_042)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
