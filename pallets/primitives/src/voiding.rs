//! Why what a party anchored is void whatever its own status says, and the hook that ends
//! at once what a leaving administration kept in other pallets.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;

use crate::country::CountryCode;

/// Why something a party anchored is void whatever its own status says.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Voiding<BlockNumber> {
	/// The administration that accredited its author left the consortium in block `at`.
	AdministrationLeft {
		/// The block in which the administration left.
		at: BlockNumber,
	},
	/// The consortium voided everything its author had anchored, by a vote passed in
	/// block `at`.
	VoidedByConsortium {
		/// The block of the vote.
		at: BlockNumber,
	},
}

/// Ends, at once, what an administration that leaves kept in another pallet and that is
/// few enough to end in the same block (bounded by a pallet constant).
pub trait OnAdministrationLeft {
	/// `country`'s administration has just left; returns the weight used.
	fn on_administration_left(country: CountryCode) -> Weight;

	/// The most [`Self::on_administration_left`] can use (charged up front).
	fn max_weight() -> Weight;
}

impl OnAdministrationLeft for () {
	fn on_administration_left(_: CountryCode) -> Weight {
		Weight::zero()
	}

	fn max_weight() -> Weight {
		Weight::zero()
	}
}

impl<A: OnAdministrationLeft, B: OnAdministrationLeft> OnAdministrationLeft for (A, B) {
	fn on_administration_left(country: CountryCode) -> Weight {
		A::on_administration_left(country).saturating_add(B::on_administration_left(country))
	}

	fn max_weight() -> Weight {
		A::max_weight().saturating_add(B::max_weight())
	}
}
