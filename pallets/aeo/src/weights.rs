//! Weights of the `pallet_tamga_aeo` calls, measured by `tamga-bench` (`scripts/bench-weights.sh`)
//! on 2026-11-24 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM: each call's worst case (see
//! `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs, plus the runtime's cost of
//! each distinct key it reads and writes (`DbWeight`, measured on RocksDB by the same tool:
//! `runtime/src/db_weight.rs`), and the storage proof it needs. The runner is a release build, as a
//! validator is. Generated: run the script again after changing a call or its benchmark instead of
//! editing this file.

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the `pallet_tamga_aeo` calls.
pub trait WeightInfo {
	/// `certify`: 295.5 µs (runs from 289.6 to 341.4 µs), 69 reads, 35 writes, proof 4573 B.
	fn certify() -> Weight;
	/// `suspend`: 304.0 µs (runs from 292.3 to 365.6 µs), 69 reads, 35 writes, proof 4781 B.
	fn suspend() -> Weight;
	/// `reinstate`: 305.1 µs (runs from 296.0 to 388.1 µs), 69 reads, 35 writes, proof 4815 B.
	fn reinstate() -> Weight;
	/// `revoke`: 301.7 µs (runs from 294.6 to 435.6 µs), 69 reads, 35 writes, proof 4781 B.
	fn revoke() -> Weight;
	/// `acknowledge`: 28.1 µs (runs from 25.2 to 35.3 µs), 2 reads, 2 writes, proof 1428 B.
	fn acknowledge() -> Weight;
	/// `propose_mra`: 57.9 µs (runs from 53.3 to 107.5 µs), 7 reads, 5 writes, proof 2551 B.
	fn propose_mra() -> Weight;
	/// `accept_mra`: 16.6 µs (runs from 15.8 to 26.5 µs), 3 reads, 1 writes, proof 389 B.
	fn accept_mra() -> Weight;
	/// `suspend_mra`: 14.5 µs (runs from 13.5 to 18.7 µs), 2 reads, 1 writes, proof 383 B.
	fn suspend_mra() -> Weight;
	/// `resume_mra`: 14.4 µs (runs from 13.8 to 57.3 µs), 2 reads, 1 writes, proof 385 B.
	fn resume_mra() -> Weight;
	/// `terminate_mra`: 34.9 µs (runs from 32.0 to 42.6 µs), 4 reads, 3 writes, proof 2042 B.
	fn terminate_mra() -> Weight;
}

/// The measured weights, with runtime `T`'s cost of each storage read and write
/// (`DbWeight`).
pub struct TamgaWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for TamgaWeight<T> {
	fn certify() -> Weight {
		Weight::from_parts(295_454_000, 4_573)
			.saturating_add(T::DbWeight::get().reads(69))
			.saturating_add(T::DbWeight::get().writes(35))
	}
	fn suspend() -> Weight {
		Weight::from_parts(303_987_000, 4_781)
			.saturating_add(T::DbWeight::get().reads(69))
			.saturating_add(T::DbWeight::get().writes(35))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(305_063_000, 4_815)
			.saturating_add(T::DbWeight::get().reads(69))
			.saturating_add(T::DbWeight::get().writes(35))
	}
	fn revoke() -> Weight {
		Weight::from_parts(301_739_000, 4_781)
			.saturating_add(T::DbWeight::get().reads(69))
			.saturating_add(T::DbWeight::get().writes(35))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(28_077_000, 1_428)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn propose_mra() -> Weight {
		Weight::from_parts(57_947_000, 2_551)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn accept_mra() -> Weight {
		Weight::from_parts(16_591_000, 389)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn suspend_mra() -> Weight {
		Weight::from_parts(14_493_000, 383)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn resume_mra() -> Weight {
		Weight::from_parts(14_430_000, 385)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn terminate_mra() -> Weight {
		Weight::from_parts(34_936_000, 2_042)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
}
