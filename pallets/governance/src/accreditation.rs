//! Accreditation: each administration alone decides who acts for its country (issuers,
//! approved exporters, exporters, customs offices, auditors). An accreditation is an
//! offer until the account accepts it; the administration then suspends, reinstates,
//! revokes and removes it, and sets an issuer's key cut-off. Only the consortium voids a
//! party's documents whatever its administration says.

use alloc::vec::Vec;

use frame_support::{ensure, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	country::CountryCode,
	types::{AccreditationStatus, DocumentKinds, Role},
	AccreditationOf, Accreditations, Config, Error, Event, MemberOf, Offers, Pallet, VoidedParties,
};

/// What an administration offers a party, besides its name.
pub(crate) struct Terms<BlockNumber> {
	/// The role it may act in.
	pub role: Role,
	/// For an issuer: the kinds of documents it may issue (empty for other roles).
	pub kinds: DocumentKinds,
	/// For an officer: its customs office code (none for other roles).
	pub office: Option<[u8; 5]>,
	/// The first block it holds.
	pub valid_from: BlockNumber,
	/// The last block it holds.
	pub valid_until: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// `country` offers `account`, known as `name`, an accreditation on `terms`; for an
	/// account that already holds one of `country` (not revoked), it applies at once and
	/// keeps any key cut-off.
	pub(crate) fn do_accredit(
		country: CountryCode,
		account: T::AccountId,
		name: Vec<u8>,
		terms: Terms<BlockNumberFor<T>>,
	) -> DispatchResult {
		let Terms { role, kinds, office, valid_from, valid_until } = terms;
		ensure!(!MemberOf::<T>::contains_key(&account), Error::<T>::MemberCannotBeParty);
		let existing = Accreditations::<T>::get(&account)
			.filter(|e| e.country == country && e.status != AccreditationStatus::Revoked);
		ensure!(valid_from <= valid_until, Error::<T>::InvalidValidity);
		ensure!((role == Role::Issuer) != kinds.is_empty(), Error::<T>::KindsMismatch);
		let office_ok = match (role, office) {
			(Role::Officer, Some(code)) => {
				code.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
			},
			(Role::Officer, None) => false,
			(_, office) => office.is_none(),
		};
		ensure!(office_ok, Error::<T>::OfficeMismatch);
		let name = Self::party_name(name)?;

		let accreditation = AccreditationOf::<T> {
			country,
			name,
			role,
			kinds,
			office,
			valid_from,
			valid_until,
			status: AccreditationStatus::Active,
			// A re-accreditation never lifts a key cut-off: forged documents of a leaked
			// key must stay void.
			key_cutoff: existing.as_ref().and_then(|e| e.key_cutoff),
			accredited_at: frame_system::Pallet::<T>::block_number(),
		};
		if existing.is_some() {
			Accreditations::<T>::insert(&account, accreditation);
			Self::deposit_event(Event::Accredited { country, account, role });
		} else {
			if !Offers::<T>::contains_key(&account, country) {
				// An offered account can send the one transaction that accepts it.
				Self::provide(&account);
			}
			Offers::<T>::insert(&account, country, accreditation);
			Self::deposit_event(Event::Offered { country, account, role });
		}
		Ok(())
	}

	/// `who` accepts the accreditation `country` offered it.
	pub(crate) fn do_accept_accreditation(
		who: T::AccountId,
		country: CountryCode,
	) -> DispatchResult {
		let mut offer = Offers::<T>::get(&who, country).ok_or(Error::<T>::NoOffer)?;
		ensure!(Self::granted_under_current_membership(&offer), Error::<T>::NoOffer);
		ensure!(!MemberOf::<T>::contains_key(&who), Error::<T>::MemberCannotBeParty);
		let existing = Accreditations::<T>::get(&who);
		if let Some(existing) = &existing {
			ensure!(existing.country == country, Error::<T>::AccreditedByAnotherCountry);
			offer.key_cutoff = existing.key_cutoff;
		}
		offer.accredited_at = frame_system::Pallet::<T>::block_number();
		let role = offer.role;
		Offers::<T>::remove(&who, country);
		Accreditations::<T>::insert(&who, offer);
		if existing.is_some() {
			// The accreditation already held the account's reference; the offer's goes.
			Self::stop_providing(&who);
		}
		Self::deposit_event(Event::Accredited { country, account: who, role });
		Ok(())
	}

	/// `country` withdraws the offer it made `account`.
	pub(crate) fn do_withdraw_offer(country: CountryCode, account: T::AccountId) -> DispatchResult {
		Offers::<T>::take(&account, country).ok_or(Error::<T>::NoOffer)?;
		Self::stop_providing(&account);
		Self::deposit_event(Event::OfferWithdrawn { country, account });
		Ok(())
	}

	/// `country` suspends its active accreditation of `account`.
	pub(crate) fn do_suspend(country: CountryCode, account: T::AccountId) -> DispatchResult {
		Self::set_status(
			country,
			&account,
			AccreditationStatus::Active,
			AccreditationStatus::Suspended,
		)?;
		Self::deposit_event(Event::Suspended { country, account });
		Ok(())
	}

	/// `country` puts its suspended accreditation of `account` back in force.
	pub(crate) fn do_reinstate(country: CountryCode, account: T::AccountId) -> DispatchResult {
		Self::set_status(
			country,
			&account,
			AccreditationStatus::Suspended,
			AccreditationStatus::Active,
		)?;
		Self::deposit_event(Event::Reinstated { country, account });
		Ok(())
	}

	/// `country` revokes its accreditation of `account` for good.
	pub(crate) fn do_revoke(country: CountryCode, account: T::AccountId) -> DispatchResult {
		Accreditations::<T>::try_mutate(&account, |accreditation| -> DispatchResult {
			let accreditation = accreditation.as_mut().ok_or(Error::<T>::NotAccredited)?;
			ensure!(accreditation.country == country, Error::<T>::NotYourCountry);
			ensure!(
				accreditation.status != AccreditationStatus::Revoked,
				Error::<T>::AlreadyRevoked
			);
			accreditation.status = AccreditationStatus::Revoked;
			Ok(())
		})?;
		Self::deposit_event(Event::Revoked { country, account });
		Ok(())
	}

	/// `country` removes its revoked accreditation of `account`.
	pub(crate) fn do_remove_accreditation(
		country: CountryCode,
		account: T::AccountId,
	) -> DispatchResult {
		let accreditation = Accreditations::<T>::get(&account).ok_or(Error::<T>::NotAccredited)?;
		ensure!(accreditation.country == country, Error::<T>::NotYourCountry);
		ensure!(accreditation.status == AccreditationStatus::Revoked, Error::<T>::NotRevoked);
		Accreditations::<T>::remove(&account);
		Self::stop_providing(&account);
		Self::deposit_event(Event::AccreditationRemoved { country, account });
		Ok(())
	}

	/// `country` declares void what its issuer `issuer` anchors after `block` (a later
	/// call may only move the cut-off earlier).
	pub(crate) fn do_set_key_cutoff(
		country: CountryCode,
		issuer: T::AccountId,
		block: BlockNumberFor<T>,
	) -> DispatchResult {
		Accreditations::<T>::try_mutate(&issuer, |accreditation| -> DispatchResult {
			let accreditation = accreditation.as_mut().ok_or(Error::<T>::NotAccredited)?;
			ensure!(accreditation.country == country, Error::<T>::NotYourCountry);
			ensure!(
				matches!(accreditation.role, Role::Issuer | Role::ApprovedExporter),
				Error::<T>::NotAnIssuer
			);
			ensure!(
				accreditation.key_cutoff.is_none_or(|cutoff| block <= cutoff),
				Error::<T>::CutoffMovesLater
			);
			accreditation.key_cutoff = Some(block);
			Ok(())
		})?;
		Self::deposit_event(Event::KeyCutoffSet { country, issuer, block });
		Ok(())
	}

	/// The consortium voids everything `account` anchored up to now and revokes its
	/// accreditation.
	pub(crate) fn do_void_documents(account: T::AccountId) -> DispatchResult {
		let country = Accreditations::<T>::try_mutate(&account, |accreditation| {
			let accreditation = accreditation.as_mut().ok_or(Error::<T>::NotAccredited)?;
			accreditation.status = AccreditationStatus::Revoked;
			Ok::<_, DispatchError>(accreditation.country)
		})?;
		VoidedParties::<T>::insert(&account, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::DocumentsVoided { country, account });
		Ok(())
	}

	/// Checks a party's name: UTF-8 text, not empty, at most `MaxNameLength` bytes.
	fn party_name(name: Vec<u8>) -> Result<BoundedVec<u8, T::MaxNameLength>, DispatchError> {
		ensure!(!name.is_empty() && core::str::from_utf8(&name).is_ok(), Error::<T>::InvalidName);
		Ok(name.try_into().map_err(|_| Error::<T>::NameTooLong)?)
	}

	/// Moves `country`'s accreditation of `account` from status `from` to `to`.
	fn set_status(
		country: CountryCode,
		account: &T::AccountId,
		from: AccreditationStatus,
		to: AccreditationStatus,
	) -> DispatchResult {
		Accreditations::<T>::try_mutate(account, |accreditation| {
			let accreditation = accreditation.as_mut().ok_or(Error::<T>::NotAccredited)?;
			ensure!(accreditation.country == country, Error::<T>::NotYourCountry);
			ensure!(accreditation.status == from, Error::<T>::WrongStatus);
			accreditation.status = to;
			Ok(())
		})
	}
}
