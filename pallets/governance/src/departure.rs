//! What an administration's leaving, and the consortium's voiding of a party, mean for
//! what was made before.
//!
//! Leaving is carried through lazily where the records are unbounded (documents,
//! carnets, AEO certifications): each answers from [`Pallet::voiding`] and from
//! [`crate::Permissions::member_since`] when it is read or acted on. Where they are few
//! (a member's agreements and rule slots), the pallets that keep them end them at once
//! through [`OnAdministrationLeft`]. A re-admitted administration thus starts clean: its
//! earlier accreditations, certifications, agreements and rule slots are not revived.

pub use tamga_primitives::voiding::{OnAdministrationLeft, Voiding};

use crate::{country::CountryCode, Config, Departures, Pallet, VoidedParties};

/// How many departures of one country the chain remembers. Beyond that the oldest is
/// forgotten: what was made before it then reads as void from a later departure (still
/// void, with a later block).
pub const MAX_DEPARTURES: u32 = 16;

impl<T: Config> Pallet<T> {
	/// Remembers that `country`'s administration left now.
	pub(crate) fn record_departure(country: CountryCode) {
		let now = frame_system::Pallet::<T>::block_number();
		Departures::<T>::mutate(country, |departures| {
			if departures.is_full() {
				departures.remove(0);
			}
			let _ = departures.try_push(now);
		});
	}

	/// The block in which the membership of `country`'s administration that was in force
	/// in block `at` ended, if it has: its first departure in or after `at`.
	pub fn membership_ended(
		country: CountryCode,
		at: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Option<frame_system::pallet_prelude::BlockNumberFor<T>> {
		Departures::<T>::get(country).into_iter().find(|left| *left >= at)
	}

	/// Why what `author`, a party of `country`, anchored in block `at` is void, if it is:
	/// the consortium voided the author's documents in or after `at`, or the
	/// administration that accredited it has left since.
	pub fn voiding(
		author: &T::AccountId,
		country: CountryCode,
		at: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Option<Voiding<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		if let Some(voided) = VoidedParties::<T>::get(author).filter(|voided| *voided >= at) {
			return Some(Voiding::VoidedByConsortium { at: voided });
		}
		Self::membership_ended(country, at).map(|left| Voiding::AdministrationLeft { at: left })
	}
}
