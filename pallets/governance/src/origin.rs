//! The consortium's origin: what a passed proposal dispatches its call with.
//!
//! A passed proposal's call runs with [`RawOrigin::Consortium`], which records how many
//! administrations approved it out of how many there were (as pallet-collective's
//! `Members(ayes, total)`), never with `Root`: only the calls the runtime lists as
//! needing `Root` (`Config::RootCalls`, e.g. `System::authorize_upgrade`) get it.
//! [`EnsureConsortium`] accepts the consortium's origin when the recorded votes reach
//! two thirds.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::EnsureOrigin;
use scale_info::TypeInfo;

/// The origins this pallet creates.
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
pub enum RawOrigin {
	/// A proposal passed with `ayes` of the `total` administrations in favour.
	Consortium {
		/// Administrations that approved the proposal.
		ayes: u32,
		/// Administrations in the consortium when it passed.
		total: u32,
	},
}

/// Whether `ayes` of `total` administrations are at least two thirds.
pub fn two_thirds(ayes: u32, total: u32) -> bool {
	total > 0 && ayes <= total && (ayes as u64) * 3 >= (total as u64) * 2
}

/// Accepts the consortium's origin of a proposal that at least two thirds of the
/// administrations approved; yields `(ayes, total)`.
pub struct EnsureConsortium<O>(PhantomData<O>);

impl<O> EnsureOrigin<O> for EnsureConsortium<O>
where
	O: Into<Result<RawOrigin, O>> + From<RawOrigin>,
{
	type Success = (u32, u32);

	fn try_origin(origin: O) -> Result<Self::Success, O> {
		origin.into().and_then(|raw| match raw {
			RawOrigin::Consortium { ayes, total } if two_thirds(ayes, total) => Ok((ayes, total)),
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(RawOrigin::Consortium { ayes: 1, total: 1 }))
	}
}

#[cfg(test)]
mod tests {
	use super::two_thirds;

	#[test]
	fn two_thirds_counts_ayes_of_the_whole_consortium() {
		assert!(two_thirds(1, 1));
		assert!(two_thirds(3, 4));
		assert!(!two_thirds(2, 4));
		assert!(two_thirds(2, 3));
		assert!(!two_thirds(0, 0));
		assert!(!two_thirds(5, 4), "more ayes than administrations is not a vote");
	}
}
