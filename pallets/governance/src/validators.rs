//! The validator set: the consortium adds and removes validator accounts, each run by an
//! administration; `pallet-session` takes the set up at the next session change, and the
//! set is never voted below `MinValidators` validators with session keys.

use alloc::vec::Vec;

use frame_support::{
	ensure,
	traits::{Get, ValidatorRegistration},
};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	country::CountryCode, Administrations, Config, Error, Event, Pallet, Validators,
	ValidatorsChanged,
};

impl<T: Config> Pallet<T> {
	/// Adds `validator`, run by `country`'s administration, from the next session.
	pub(crate) fn do_add_validator(
		country: CountryCode,
		validator: T::AccountId,
	) -> DispatchResult {
		ensure!(Administrations::<T>::contains_key(country), Error::<T>::UnknownAdministration);
		ensure!(
			T::ValidatorRegistration::is_registered(&validator),
			Error::<T>::ValidatorWithoutKeys
		);
		Validators::<T>::try_mutate(|validators| -> DispatchResult {
			ensure!(!validators.iter().any(|(v, _)| *v == validator), Error::<T>::ValidatorExists);
			validators
				.try_push((validator.clone(), country))
				.map_err(|_| Error::<T>::TooManyValidators)?;
			Ok(())
		})?;
		ValidatorsChanged::<T>::put(true);
		Self::provide(&validator);
		Self::deposit_event(Event::ValidatorAdded { country, validator });
		Ok(())
	}

	/// Removes `validator` from the next session.
	pub(crate) fn do_remove_validator(validator: T::AccountId) -> DispatchResult {
		let country = Validators::<T>::try_mutate(|validators| -> Result<_, DispatchError> {
			let index = validators
				.iter()
				.position(|(v, _)| *v == validator)
				.ok_or(Error::<T>::UnknownValidator)?;
			let (_, country) = validators.remove(index);
			ensure!(
				Self::registered(validators.iter().map(|(v, _)| v)) >= T::MinValidators::get(),
				Error::<T>::BelowMinimumValidators
			);
			Ok(country)
		})?;
		ValidatorsChanged::<T>::put(true);
		Self::stop_providing(&validator);
		Self::deposit_event(Event::ValidatorRemoved { country, validator });
		Ok(())
	}

	/// How many of `validators` have registered session keys (and so really validate).
	pub(crate) fn registered<'a>(validators: impl Iterator<Item = &'a T::AccountId>) -> u32
	where
		T::AccountId: 'a,
	{
		validators.filter(|v| T::ValidatorRegistration::is_registered(v)).count() as u32
	}

	/// The validator accounts, in order.
	fn validator_accounts() -> Vec<T::AccountId> {
		Validators::<T>::get().into_iter().map(|(validator, _)| validator).collect()
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_index: u32) -> Option<Vec<T::AccountId>> {
		ValidatorsChanged::<T>::take().then(Self::validator_accounts)
	}

	fn new_session_genesis(_index: u32) -> Option<Vec<T::AccountId>> {
		Some(Self::validator_accounts())
	}

	fn end_session(_index: u32) {}

	fn start_session(_index: u32) {}
}
