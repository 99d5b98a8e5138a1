//! Weights of the `pallet_tamga_certificates` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-24 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs,
//! plus the runtime's cost of each distinct key it reads and writes (`DbWeight`, measured on
//! RocksDB by the same tool: `runtime/src/db_weight.rs`), and the storage proof it needs. The
//! runner is a release build, as a validator is. Generated: run the script again after changing a
//! call or its benchmark instead of editing this file.
//!
//! Edited by hand once (issue 18, applications no longer write to `History`): `apply`, `reject`
//! and `withdraw` count one read and one write fewer, the `History` key they no longer touch.
//! Their times and proof sizes are still those measured with a near-full history read and
//! written, an upper bound of what they cost now, until the script runs again.

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the `pallet_tamga_certificates` calls.
pub trait WeightInfo {
	/// `register`: 27.6 µs (runs from 26.7 to 38.1 µs), 5 reads, 3 writes, proof 489 B.
	fn register() -> Weight;
	/// `replace`: 99.2 µs (runs from 95.7 to 141.4 µs), 7 reads, 5 writes, proof 23817 B.
	fn replace() -> Weight;
	/// `revoke`: 83.2 µs (runs from 80.1 to 134.4 µs), 4 reads, 2 writes, proof 23667 B.
	fn revoke() -> Weight;
	/// `record_use`: 87.1 µs (runs from 83.0 to 135.6 µs), 6 reads, 2 writes, proof 23849 B.
	fn record_use() -> Weight;
	/// `register_batch`: 17.5 µs (runs from 16.9 to 70.1 µs), 3 reads, 1 writes, proof 489 B.
	fn register_batch() -> Weight;
	/// `revoke_batch_member`: 30.2 µs (runs from 29.3 to 36.1 µs), 4 reads, 1 writes, proof 590 B.
	fn revoke_batch_member() -> Weight;
	/// `apply`: 85.4 µs (runs from 82.0 to 124.0 µs), 5 reads, 2 writes, proof 23069 B
	/// (reads and writes: without `History`, see the module docs).
	fn apply() -> Weight;
	/// `endorse`: 96.9 µs (runs from 93.6 to 135.9 µs), 7 reads, 5 writes, proof 23639 B.
	fn endorse() -> Weight;
	/// `reject`: 86.2 µs (runs from 83.2 to 137.7 µs), 4 reads, 2 writes, proof 23550 B
	/// (reads and writes: without `History`, see the module docs).
	fn reject() -> Weight;
	/// `withdraw`: 76.2 µs (runs from 73.0 to 141.0 µs), 2 reads, 2 writes, proof 23030 B
	/// (reads and writes: without `History`, see the module docs).
	fn withdraw() -> Weight;
}

/// The measured weights, with runtime `T`'s cost of each storage read and write
/// (`DbWeight`).
pub struct TamgaWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for TamgaWeight<T> {
	fn register() -> Weight {
		Weight::from_parts(27_649_000, 489)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn replace() -> Weight {
		Weight::from_parts(99_171_000, 23_817)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn revoke() -> Weight {
		Weight::from_parts(83_234_000, 23_667)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn record_use() -> Weight {
		Weight::from_parts(87_102_000, 23_849)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn register_batch() -> Weight {
		Weight::from_parts(17_520_000, 489)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn revoke_batch_member() -> Weight {
		Weight::from_parts(30_206_000, 590)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn apply() -> Weight {
		Weight::from_parts(85_449_000, 23_069)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn endorse() -> Weight {
		Weight::from_parts(96_912_000, 23_639)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn reject() -> Weight {
		Weight::from_parts(86_218_000, 23_550)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(76_160_000, 23_030)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
}
