//! Weights of the `pallet_tamga_governance` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-24 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 50 runs,
//! plus the runtime's cost of each distinct key it reads and writes (`DbWeight`, measured on
//! RocksDB by the same tool: `runtime/src/db_weight.rs`), and the storage proof it needs. The
//! runner is a release build, as a validator is. Generated: run the script again after changing a
//! call or its benchmark instead of editing this file.

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the `pallet_tamga_governance` calls.
pub trait WeightInfo {
	/// `propose`: 26.2 µs (runs from 24.9 to 80.4 µs), 5 reads, 3 writes, proof 317 B.
	fn propose() -> Weight;
	/// `vote`: 39.6 µs (runs from 34.0 to 99.8 µs), 3 reads, 1 writes, proof 17467 B.
	fn vote() -> Weight;
	/// `close`: 20.5 µs (runs from 19.6 to 94.8 µs), 2 reads, 2 writes, proof 16650 B.
	fn close() -> Weight;
	/// `admit_administration`: 173.6 µs (runs from 170.4 to 220.8 µs), 50 reads, 34 writes, proof
	/// 265 B.
	fn admit_administration() -> Weight;
	/// `remove_administration`: 6673.7 µs (runs from 6565.8 to 6833.5 µs), 698 reads, 613 writes,
	/// proof 97554 B.
	fn remove_administration() -> Weight;
	/// `add_member`: 30.3 µs (runs from 29.1 to 44.1 µs), 5 reads, 3 writes, proof 1368 B.
	fn add_member() -> Weight;
	/// `remove_member`: 29.6 µs (runs from 28.3 to 44.2 µs), 4 reads, 3 writes, proof 1659 B.
	fn remove_member() -> Weight;
	/// `accredit`: 21.7 µs (runs from 20.5 to 27.4 µs), 4 reads, 2 writes, proof 264 B.
	fn accredit() -> Weight;
	/// `change_status`: 14.6 µs (runs from 13.9 to 22.5 µs), 2 reads, 1 writes, proof 486 B.
	fn change_status() -> Weight;
	/// `set_key_cutoff`: 14.7 µs (runs from 14.1 to 20.0 µs), 2 reads, 1 writes, proof 486 B.
	fn set_key_cutoff() -> Weight;
	/// `add_validator`: 31.8 µs (runs from 29.0 to 73.9 µs), 4 reads, 3 writes, proof 4563 B.
	fn add_validator() -> Weight;
	/// `remove_validator`: 323.7 µs (runs from 316.0 to 477.1 µs), 101 reads, 3 writes, proof 14901
	/// B.
	fn remove_validator() -> Weight;
	/// `approve_node`: 45.9 µs (runs from 41.8 to 101.0 µs), 3 reads, 2 writes, proof 1438 B.
	fn approve_node() -> Weight;
	/// `remove_node`: 46.6 µs (runs from 43.7 to 128.6 µs), 3 reads, 2 writes, proof 1378 B.
	fn remove_node() -> Weight;
}

/// The measured weights, with runtime `T`'s cost of each storage read and write
/// (`DbWeight`).
pub struct TamgaWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for TamgaWeight<T> {
	fn propose() -> Weight {
		Weight::from_parts(26_183_000, 317)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn vote() -> Weight {
		Weight::from_parts(39_569_000, 17_467)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn close() -> Weight {
		Weight::from_parts(20_517_000, 16_650)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn admit_administration() -> Weight {
		Weight::from_parts(173_568_000, 265)
			.saturating_add(T::DbWeight::get().reads(50))
			.saturating_add(T::DbWeight::get().writes(34))
	}
	fn remove_administration() -> Weight {
		Weight::from_parts(6_673_729_000, 97_554)
			.saturating_add(T::DbWeight::get().reads(698))
			.saturating_add(T::DbWeight::get().writes(613))
	}
	fn add_member() -> Weight {
		Weight::from_parts(30_293_000, 1_368)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn remove_member() -> Weight {
		Weight::from_parts(29_607_000, 1_659)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn accredit() -> Weight {
		Weight::from_parts(21_686_000, 264)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn change_status() -> Weight {
		Weight::from_parts(14_640_000, 486)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_key_cutoff() -> Weight {
		Weight::from_parts(14_732_000, 486)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn add_validator() -> Weight {
		Weight::from_parts(31_818_000, 4_563)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(323_742_000, 14_901)
			.saturating_add(T::DbWeight::get().reads(101))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn approve_node() -> Weight {
		Weight::from_parts(45_891_000, 1_438)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn remove_node() -> Weight {
		Weight::from_parts(46_586_000, 1_378)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
}
