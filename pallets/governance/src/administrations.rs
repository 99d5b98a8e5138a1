//! Administrations and their member accounts: who the consortium is. The consortium
//! admits and removes administrations by vote; each administration manages its own
//! member accounts.

use alloc::vec::Vec;

use frame_support::{ensure, traits::Get, BoundedVec};
use sp_runtime::DispatchResult;

use crate::{
	country::CountryCode, node_admission::PeerIdText, Accreditations, AdministrationOf,
	Administrations, Config, Error, Event, MemberOf, Nodes, Pallet, Validators, ValidatorsChanged,
};

impl<T: Config> Pallet<T> {
	/// Inserts a new administration with its member accounts.
	pub(crate) fn insert_administration(
		country: CountryCode,
		name: Vec<u8>,
		members: Vec<T::AccountId>,
	) -> DispatchResult {
		ensure!(!Administrations::<T>::contains_key(country), Error::<T>::AdministrationExists);
		ensure!(
			Administrations::<T>::count() < T::MaxAdministrations::get(),
			Error::<T>::TooManyAdministrations
		);
		ensure!(!members.is_empty(), Error::<T>::NoMembers);
		let name: BoundedVec<u8, T::MaxNameLength> =
			name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		for (index, member) in members.iter().enumerate() {
			ensure!(
				!MemberOf::<T>::contains_key(member) && !members[..index].contains(member),
				Error::<T>::AlreadyMember
			);
			ensure!(!Accreditations::<T>::contains_key(member), Error::<T>::MemberCannotBeParty);
		}
		let members: BoundedVec<T::AccountId, T::MaxMembersPerAdministration> =
			members.try_into().map_err(|_| Error::<T>::TooManyMembers)?;
		for member in &members {
			MemberOf::<T>::insert(member, country);
			Self::provide(member);
		}
		Administrations::<T>::insert(
			country,
			AdministrationOf::<T> {
				name,
				members,
				joined_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Ok(())
	}

	/// Removes the administration of `country` and everything that acted for it: member
	/// accounts, validators (never below `MinValidators`), approved nodes and its part in
	/// open proposals; records its departure and tells the other pallets.
	pub(crate) fn do_remove_administration(country: CountryCode) -> DispatchResult {
		let administration =
			Administrations::<T>::get(country).ok_or(Error::<T>::UnknownAdministration)?;
		ensure!(Administrations::<T>::count() > 1, Error::<T>::LastAdministration);

		let (leaving, staying): (Vec<_>, Vec<_>) =
			Validators::<T>::get().into_iter().partition(|(_, c)| *c == country);
		if !leaving.is_empty() {
			ensure!(
				Self::registered(staying.iter().map(|(v, _)| v)) >= T::MinValidators::get(),
				Error::<T>::BelowMinimumValidators
			);
			Validators::<T>::put(BoundedVec::truncate_from(staying));
			ValidatorsChanged::<T>::put(true);
			for (validator, _) in &leaving {
				Self::stop_providing(validator);
			}
		}
		for member in &administration.members {
			MemberOf::<T>::remove(member);
			Self::stop_providing(member);
		}
		let nodes: Vec<PeerIdText> =
			Nodes::<T>::iter().filter(|(_, n)| n.country == country).map(|(p, _)| p).collect();
		for peer_id in nodes {
			Nodes::<T>::remove(&peer_id);
			Self::deposit_event(Event::NodeRemoved { country, peer_id });
		}
		Administrations::<T>::remove(country);
		Self::record_departure(country);
		<T::OnAdministrationLeft as crate::OnAdministrationLeft>::on_administration_left(country);
		Self::withdraw_from_proposals(country);
		Self::deposit_event(Event::AdministrationRemoved { country });
		Ok(())
	}

	/// Adds `account` to the member accounts of `country`'s administration.
	pub(crate) fn do_add_member(country: CountryCode, account: T::AccountId) -> DispatchResult {
		ensure!(!MemberOf::<T>::contains_key(&account), Error::<T>::AlreadyMember);
		ensure!(!Accreditations::<T>::contains_key(&account), Error::<T>::MemberCannotBeParty);
		Administrations::<T>::try_mutate(country, |administration| -> DispatchResult {
			let administration =
				administration.as_mut().ok_or(Error::<T>::UnknownAdministration)?;
			administration
				.members
				.try_push(account.clone())
				.map_err(|_| Error::<T>::TooManyMembers)?;
			Ok(())
		})?;
		MemberOf::<T>::insert(&account, country);
		Self::provide(&account);
		Self::deposit_event(Event::MemberAdded { country, account });
		Ok(())
	}

	/// Removes `account` from the member accounts of `country`'s administration (not its
	/// last one).
	pub(crate) fn do_remove_member(country: CountryCode, account: T::AccountId) -> DispatchResult {
		ensure!(MemberOf::<T>::get(&account) == Some(country), Error::<T>::NotOwnMember);
		Administrations::<T>::try_mutate(country, |administration| -> DispatchResult {
			let administration =
				administration.as_mut().ok_or(Error::<T>::UnknownAdministration)?;
			ensure!(administration.members.len() > 1, Error::<T>::LastMember);
			administration.members.retain(|m| *m != account);
			Ok(())
		})?;
		MemberOf::<T>::remove(&account);
		Self::stop_providing(&account);
		Self::deposit_event(Event::MemberRemoved { country, account });
		Ok(())
	}
}
