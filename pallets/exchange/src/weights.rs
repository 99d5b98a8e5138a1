//! Weights of the `pallet_tamga_exchange` calls.
//!
//! Not measured yet: `scripts/bench-weights.sh` rewrites this file from the pallet's
//! benchmarks (`benchmarking.rs`, each call in its worst case) once it has run on a
//! release build. Until then each call is charged its counted storage reads and writes
//! (`DbWeight`, measured on RocksDB) plus a compute time of 60 µs, above the measured
//! 57.9 µs of the AEO pallet's `propose_mra`, the heaviest call of the same shape (a
//! member check, two bounded partner lists and one agreement record); the calls here
//! decode and compare at most two 16-byte grant tables more. Proof sizes are bounds of
//! what the calls read: the member record, an agreement (≈ 90 B), two partner lists of
//! `MaxPartners` (32) codes, a document record.

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the `pallet_tamga_exchange` calls.
pub trait WeightInfo {
	/// `propose`: member, partner's membership, agreement, two partner lists read; agreement
	/// and two lists written.
	fn propose() -> Weight;
	/// `accept`: member and agreement read; agreement written.
	fn accept() -> Weight;
	/// `decline`: member and agreement read; agreement and two partner lists written.
	fn decline() -> Weight;
	/// `suspend`: member and agreement read; agreement written.
	fn suspend() -> Weight;
	/// `resume`: member and agreement read; agreement written.
	fn resume() -> Weight;
	/// `terminate`: member, agreement and two partner lists read; all three written.
	fn terminate() -> Weight;
	/// `set_exchange_key`: member read; key written.
	fn set_exchange_key() -> Weight;
	/// `commit_fields`: document, its type, party, its administration, cut-off, voiding
	/// and the commitment read; the commitment written.
	fn commit_fields() -> Weight;
	/// `record_receipt`: member (two keys) and, for an exchange node, its accreditation
	/// and administration, document, its type, the receipt, the commitment, two agreements
	/// and four memberships read; the receipt and the received mark written.
	fn record_receipt() -> Weight;
	/// `record_receipts` of `n` receipts: the signer's check once (member, two keys; for
	/// an exchange node its accreditation and administration), then per receipt what
	/// `record_receipt` reads and writes besides it (document, its type, the receipt, the
	/// commitment, two agreements, four memberships; receipt and received mark).
	fn record_receipts(n: u32) -> Weight;
	/// `append`: member, document, its type, the agreement, two memberships, the received
	/// mark and both counts read; the appendix and both counts written.
	fn append() -> Weight;
}

/// The compute time charged per call until measured (see the module docs).
const COMPUTE_PS: u64 = 60_000_000;

/// The compute time charged per receipt of `record_receipts` until measured: half a
/// call's, since the signer's check and the extrinsic's overhead are paid once.
const RECEIPT_COMPUTE_PS: u64 = 30_000_000;

/// The counted weights, with runtime `T`'s cost of each storage read and write
/// (`DbWeight`).
pub struct TamgaWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> TamgaWeight<T> {
	fn counted(reads: u64, writes: u64, proof: u64) -> Weight {
		Weight::from_parts(COMPUTE_PS, proof)
			.saturating_add(T::DbWeight::get().reads(reads))
			.saturating_add(T::DbWeight::get().writes(writes))
	}
}

impl<T: frame_system::Config> WeightInfo for TamgaWeight<T> {
	fn propose() -> Weight {
		Self::counted(6, 3, 3_000)
	}
	fn accept() -> Weight {
		Self::counted(3, 1, 1_200)
	}
	fn decline() -> Weight {
		Self::counted(5, 3, 2_600)
	}
	fn suspend() -> Weight {
		Self::counted(3, 1, 1_200)
	}
	fn resume() -> Weight {
		Self::counted(3, 1, 1_200)
	}
	fn terminate() -> Weight {
		Self::counted(5, 3, 2_600)
	}
	fn set_exchange_key() -> Weight {
		Self::counted(2, 1, 800)
	}
	fn commit_fields() -> Weight {
		Self::counted(8, 1, 6_000)
	}
	fn record_receipt() -> Weight {
		Self::counted(15, 2, 7_500)
	}
	fn append() -> Weight {
		Self::counted(10, 3, 6_500)
	}
	fn record_receipts(n: u32) -> Weight {
		let n = u64::from(n);
		Self::counted(4, 0, 2_000).saturating_add(
			Weight::from_parts(RECEIPT_COMPUTE_PS, 5_500)
				.saturating_add(T::DbWeight::get().reads(11))
				.saturating_add(T::DbWeight::get().writes(2))
				.saturating_mul(n),
		)
	}
}
