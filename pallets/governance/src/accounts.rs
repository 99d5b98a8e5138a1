//! The references that keep the consortium's accounts in existence: members, parties
//! (and parties offered an accreditation) and validators send transactions without
//! holding tokens, because this pallet provides for their accounts while it knows them.

use crate::{Config, Pallet};

impl<T: Config> Pallet<T> {
	/// Keeps `who`'s account in existence while the consortium knows it.
	pub(crate) fn provide(who: &T::AccountId) {
		frame_system::Pallet::<T>::inc_providers(who);
	}

	/// Gives up the reference [`Self::provide`] took. If the account still has consumers
	/// (e.g. registered session keys), the reference is kept for good: an account is never
	/// removed under a consumer's feet, and such an account (a former validator) is rare and
	/// bounded by the validator changes the consortium voted.
	pub(crate) fn stop_providing(who: &T::AccountId) {
		if frame_system::Pallet::<T>::dec_providers(who).is_err() {
			log::debug!(
				target: "runtime::governance",
				"account keeps its provider reference: it still has consumers"
			);
		}
	}
}
