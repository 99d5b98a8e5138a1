//! Weights of the `pallet_tamga_aeo` calls, measured by `tamga-bench` (`scripts/bench-weights.sh`)
//! on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM: each call's worst case (see
//! `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs, plus RocksDB's cost of the
//! distinct keys it reads and writes, and the storage proof it needs. The host side (state, trie)
//! of the runner is a debug build, so the times are upper bounds. Generated: run the script again
//! after changing a call or its benchmark instead of editing this file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_aeo` calls.
pub trait WeightInfo {
	/// `certify`: 1978.7 µs (runs from 1880.9 to 2099.0 µs), 37 reads, 35 writes, proof 2782 B.
	fn certify() -> Weight;
	/// `suspend`: 1964.2 µs (runs from 1882.6 to 2351.5 µs), 37 reads, 35 writes, proof 2991 B.
	fn suspend() -> Weight;
	/// `reinstate`: 1977.6 µs (runs from 1881.7 to 2167.2 µs), 37 reads, 35 writes, proof 3025 B.
	fn reinstate() -> Weight;
	/// `revoke`: 1975.9 µs (runs from 1881.0 to 2179.1 µs), 37 reads, 35 writes, proof 2991 B.
	fn revoke() -> Weight;
	/// `acknowledge`: 242.9 µs (runs from 238.5 to 347.2 µs), 2 reads, 2 writes, proof 1428 B.
	fn acknowledge() -> Weight;
	/// `propose_mra`: 356.5 µs (runs from 351.0 to 448.1 µs), 6 reads, 4 writes, proof 1958 B.
	fn propose_mra() -> Weight;
	/// `accept_mra`: 166.6 µs (runs from 160.5 to 309.2 µs), 2 reads, 1 writes, proof 383 B.
	fn accept_mra() -> Weight;
	/// `suspend_mra`: 163.3 µs (runs from 155.6 to 258.3 µs), 2 reads, 1 writes, proof 383 B.
	fn suspend_mra() -> Weight;
	/// `resume_mra`: 157.5 µs (runs from 153.2 to 290.2 µs), 2 reads, 1 writes, proof 385 B.
	fn resume_mra() -> Weight;
	/// `terminate_mra`: 300.0 µs (runs from 294.0 to 404.6 µs), 4 reads, 3 writes, proof 2042 B.
	fn terminate_mra() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn certify() -> Weight {
		Weight::from_parts(1_978_674_000, 2_782)
			.saturating_add(RocksDbWeight::get().reads(37))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn suspend() -> Weight {
		Weight::from_parts(1_964_178_000, 2_991)
			.saturating_add(RocksDbWeight::get().reads(37))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(1_977_587_000, 3_025)
			.saturating_add(RocksDbWeight::get().reads(37))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn revoke() -> Weight {
		Weight::from_parts(1_975_867_000, 2_991)
			.saturating_add(RocksDbWeight::get().reads(37))
			.saturating_add(RocksDbWeight::get().writes(35))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(242_851_000, 1_428)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn propose_mra() -> Weight {
		Weight::from_parts(356_520_000, 1_958)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn accept_mra() -> Weight {
		Weight::from_parts(166_604_000, 383)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn suspend_mra() -> Weight {
		Weight::from_parts(163_252_000, 383)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn resume_mra() -> Weight {
		Weight::from_parts(157_521_000, 385)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn terminate_mra() -> Weight {
		Weight::from_parts(299_954_000, 2_042)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
