//! Weights of the `pallet_tamga_carnets` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-24 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs,
//! plus the runtime's cost of each distinct key it reads and writes (`DbWeight`, measured on
//! RocksDB by the same tool: `runtime/src/db_weight.rs`), and the storage proof it needs. The
//! runner is a release build, as a validator is. Generated: run the script again after changing a
//! call or its benchmark instead of editing this file.

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the `pallet_tamga_carnets` calls.
pub trait WeightInfo {
	/// `issue`: 30.3 µs (runs from 29.4 to 42.1 µs), 5 reads, 3 writes, proof 526 B.
	fn issue() -> Weight;
	/// `record_voucher`: 34.7 µs (runs from 33.4 to 46.3 µs), 5 reads, 3 writes, proof 1287 B.
	fn record_voucher() -> Weight;
	/// `close`: 119.4 µs (runs from 115.6 to 176.4 µs), 28 reads, 3 writes, proof 2510 B.
	fn close() -> Weight;
	/// `raise_claim`: 32.5 µs (runs from 31.2 to 77.7 µs), 5 reads, 3 writes, proof 919 B.
	fn raise_claim() -> Weight;
	/// `settle_claim`: 26.1 µs (runs from 25.3 to 31.5 µs), 3 reads, 3 writes, proof 614 B.
	fn settle_claim() -> Weight;
	/// `discharge_claim`: 27.0 µs (runs from 26.0 to 58.2 µs), 3 reads, 3 writes, proof 614 B.
	fn discharge_claim() -> Weight;
}

/// The measured weights, with runtime `T`'s cost of each storage read and write
/// (`DbWeight`).
pub struct TamgaWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for TamgaWeight<T> {
	fn issue() -> Weight {
		Weight::from_parts(30_322_000, 526)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn record_voucher() -> Weight {
		Weight::from_parts(34_699_000, 1_287)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn close() -> Weight {
		Weight::from_parts(119_415_000, 2_510)
			.saturating_add(T::DbWeight::get().reads(28))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn raise_claim() -> Weight {
		Weight::from_parts(32_453_000, 919)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(26_142_000, 614)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn discharge_claim() -> Weight {
		Weight::from_parts(26_975_000, 614)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
}
