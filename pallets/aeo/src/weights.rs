//! Weights of the `pallet_tamga_aeo` calls, measured by `tamga-bench` (`scripts/bench-weights.sh`)
//! on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM: each call's worst case (see
//! `benchmarking.rs`) run in the runtime's Wasm, the median of 30 runs, plus RocksDB's cost of the
//! distinct keys it reads and writes, and the storage proof it needs. The host side (state, trie)
//! of the runner is a debug build, so the times are upper bounds. Generated: run the script again
//! after changing a call or its benchmark instead of editing this file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_aeo` calls.
pub trait WeightInfo {
	/// `certify`: 3037.7 µs (runs from 2840.9 to 3279.8 µs), 69 reads, 35 writes, proof 4573 B.
	fn certify() -> Weight;
	/// `suspend`: 3056.8 µs (runs from 2918.4 to 3261.4 µs), 69 reads, 35 writes, proof 4781 B.
	fn suspend() -> Weight;
	/// `reinstate`: 3087.2 µs (runs from 2887.0 to 3272.4 µs), 69 reads, 35 writes, proof 4815 B.
	fn reinstate() -> Weight;
	/// `revoke`: 3045.9 µs (runs from 2941.1 to 3217.5 µs), 69 reads, 35 writes, proof 4781 B.
	fn revoke() -> Weight;
	/// `acknowledge`: 254.0 µs (runs from 245.8 to 354.5 µs), 2 reads, 2 writes, proof 1428 B.
	fn acknowledge() -> Weight;
	/// `propose_mra`: 494.2 µs (runs from 487.6 to 585.2 µs), 7 reads, 5 writes, proof 2551 B.
	fn propose_mra() -> Weight;
	/// `accept_mra`: 189.3 µs (runs from 182.7 to 295.1 µs), 3 reads, 1 writes, proof 389 B.
	fn accept_mra() -> Weight;
	/// `suspend_mra`: 165.8 µs (runs from 158.8 to 257.6 µs), 2 reads, 1 writes, proof 383 B.
	fn suspend_mra() -> Weight;
	/// `resume_mra`: 160.8 µs (runs from 155.5 to 248.4 µs), 2 reads, 1 writes, proof 385 B.
	fn resume_mra() -> Weight;
	/// `terminate_mra`: 305.2 µs (runs from 301.3 to 338.3 µs), 4 reads, 3 writes, proof 2042 B.
	fn terminate_mra() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn certify() -> Weight {
		Weight::from_parts(3_037_724_000, 4_573)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn suspend() -> Weight {
		Weight::from_parts(3_056_849_000, 4_781)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(3_087_174_000, 4_815)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn revoke() -> Weight {
		Weight::from_parts(3_045_887_000, 4_781)
			.saturating_add(RocksDbWeight::get().reads(69))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(254_028_000, 1_428)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn propose_mra() -> Weight {
		Weight::from_parts(494_165_000, 2_551)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn accept_mra() -> Weight {
		Weight::from_parts(189_343_000, 389)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn suspend_mra() -> Weight {
		Weight::from_parts(165_762_000, 383)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn resume_mra() -> Weight {
		Weight::from_parts(160_815_000, 385)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn terminate_mra() -> Weight {
		Weight::from_parts(305_162_000, 2_042)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
