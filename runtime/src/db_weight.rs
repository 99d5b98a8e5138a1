//! What one storage read and one storage write cost a Tamga validator: measured by `tamga-bench`
//! (`scripts/bench-weights.sh`) on 2026-11-24 on Intel(R) Xeon(R) Processor, 2 cores, 23 GiB RAM,
//! through the client's own database code on RocksDB with the trie cache off. A read: the mean of
//! 20000 random reads of 1000000 document-sized records in a freshly opened database (median 23.7
//! µs, 95th percentile 34.0 µs). A write: the mean cost per changed key of 20 blocks that each
//! change 2000 records (new trie root, nodes written, block committed). Every call's weight adds
//! these per distinct key it reads and writes. Generated: run the script again on validator
//! hardware instead of editing this file.

use frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_NANOS, RuntimeDbWeight},
};

parameter_types! {
	/// One storage read: 24.8 µs; one storage write: 40.0 µs.
	pub const TamgaDbWeight: RuntimeDbWeight = RuntimeDbWeight {
		read: 24_791 * WEIGHT_REF_TIME_PER_NANOS,
		write: 40_035 * WEIGHT_REF_TIME_PER_NANOS,
	};
}
