//! Weights of the `pallet_tamga_certificates` calls, measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-23 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM:
//! each call's worst case (see `benchmarking.rs`) run in the runtime's Wasm, the median of 30 runs,
//! plus RocksDB's cost of the distinct keys it reads and writes, and the storage proof it needs.
//! The host side (state, trie) of the runner is a debug build, so the times are upper bounds.
//! Generated: run the script again after changing a call or its benchmark instead of editing this
//! file.

use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions of the `pallet_tamga_certificates` calls.
pub trait WeightInfo {
	/// `register`: 285.6 µs (runs from 278.5 to 399.4 µs), 5 reads, 3 writes, proof 489 B.
	fn register() -> Weight;
	/// `replace`: 815.7 µs (runs from 791.2 to 1049.8 µs), 7 reads, 5 writes, proof 23817 B.
	fn replace() -> Weight;
	/// `revoke`: 677.3 µs (runs from 630.5 to 789.9 µs), 4 reads, 2 writes, proof 23667 B.
	fn revoke() -> Weight;
	/// `record_use`: 757.9 µs (runs from 691.8 to 864.9 µs), 6 reads, 2 writes, proof 23849 B.
	fn record_use() -> Weight;
	/// `register_batch`: 217.9 µs (runs from 198.6 to 341.7 µs), 3 reads, 1 writes, proof 489 B.
	fn register_batch() -> Weight;
	/// `revoke_batch_member`: 310.3 µs (runs from 290.7 to 535.5 µs), 4 reads, 1 writes, proof 590
	/// B.
	fn revoke_batch_member() -> Weight;
	/// `apply`: 731.3 µs (runs from 667.2 to 850.7 µs), 6 reads, 3 writes, proof 23069 B.
	fn apply() -> Weight;
	/// `endorse`: 848.3 µs (runs from 786.4 to 966.4 µs), 7 reads, 5 writes, proof 23639 B.
	fn endorse() -> Weight;
	/// `reject`: 685.9 µs (runs from 666.4 to 841.2 µs), 5 reads, 3 writes, proof 23550 B.
	fn reject() -> Weight;
	/// `withdraw`: 597.9 µs (runs from 571.4 to 728.5 µs), 3 reads, 3 writes, proof 23030 B.
	fn withdraw() -> Weight;
}

/// Weights for a runtime on RocksDB.
pub struct TamgaWeight;

impl WeightInfo for TamgaWeight {
	fn register() -> Weight {
		Weight::from_parts(285_615_000, 489)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn replace() -> Weight {
		Weight::from_parts(815_711_000, 23_817)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn revoke() -> Weight {
		Weight::from_parts(677_304_000, 23_667)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn record_use() -> Weight {
		Weight::from_parts(757_896_000, 23_849)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn register_batch() -> Weight {
		Weight::from_parts(217_884_000, 489)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn revoke_batch_member() -> Weight {
		Weight::from_parts(310_267_000, 590)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn apply() -> Weight {
		Weight::from_parts(731_330_000, 23_069)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn endorse() -> Weight {
		Weight::from_parts(848_290_000, 23_639)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn reject() -> Weight {
		Weight::from_parts(685_923_000, 23_550)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(597_886_000, 23_030)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
