//! The one place that decides who may act: governance's answer to the
//! [`Permissions`] question (defined in `tamga-primitives`) every Tamga pallet asks instead
//! of reading governance storage itself.

use alloc::vec::Vec;

pub use tamga_primitives::permissions::{Denied, PartySummary, Permissions};

use crate::{
	country::CountryCode,
	departure::Voiding,
	types::{AccreditationStatus, DocumentKind, Role},
};

impl<T: crate::Config> Permissions<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>
	for crate::Pallet<T>
{
	fn ensure_member(who: &T::AccountId) -> Result<CountryCode, Denied> {
		crate::MemberOf::<T>::get(who).ok_or(Denied::NotMember)
	}

	fn is_administration(country: CountryCode) -> bool {
		crate::Administrations::<T>::contains_key(country)
	}

	fn administration_name(country: CountryCode) -> Vec<u8> {
		crate::Administrations::<T>::get(country).map(|a| a.name.into_inner()).unwrap_or_default()
	}

	fn member_since(
		country: CountryCode,
	) -> Option<frame_system::pallet_prelude::BlockNumberFor<T>> {
		crate::Administrations::<T>::get(country).map(|a| a.joined_at)
	}

	fn voiding(
		author: &T::AccountId,
		country: CountryCode,
		at: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Option<Voiding<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		crate::Pallet::<T>::voiding(author, country, at)
	}

	fn ensure_party(
		who: &T::AccountId,
		role: Role,
		kind: Option<DocumentKind>,
		country: Option<CountryCode>,
		at: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Result<CountryCode, Denied> {
		let accreditation = crate::Accreditations::<T>::get(who).ok_or(Denied::NotAccredited)?;
		match accreditation.status {
			AccreditationStatus::Active => {},
			AccreditationStatus::Suspended => return Err(Denied::Suspended),
			AccreditationStatus::Revoked => return Err(Denied::Revoked),
		}
		if accreditation.role != role {
			return Err(Denied::WrongRole);
		}
		if country.is_some_and(|c| c != accreditation.country) {
			return Err(Denied::WrongCountry);
		}
		if !Self::granted_under_current_membership(&accreditation) {
			return Err(Denied::AdministrationGone);
		}
		if let Some(kind) = kind {
			if !accreditation.kinds.contains(kind) {
				return Err(Denied::KindNotAccredited);
			}
		}
		if at < accreditation.valid_from {
			return Err(Denied::NotYetValid);
		}
		if at > accreditation.valid_until {
			return Err(Denied::Expired);
		}
		if accreditation.key_cutoff.is_some_and(|cutoff| at > cutoff) {
			return Err(Denied::AfterKeyCutoff);
		}
		Ok(accreditation.country)
	}

	fn issuer_key_cutoff(
		issuer: &T::AccountId,
	) -> Option<frame_system::pallet_prelude::BlockNumberFor<T>> {
		crate::Accreditations::<T>::get(issuer).and_then(|a| a.key_cutoff)
	}

	fn party(
		who: &T::AccountId,
	) -> Option<PartySummary<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let accreditation = crate::Accreditations::<T>::get(who)?;
		let administration = crate::Administrations::<T>::get(accreditation.country);
		let granted_under_current_membership = administration
			.as_ref()
			.is_some_and(|administration| accreditation.accredited_at >= administration.joined_at);
		Some(PartySummary {
			country: accreditation.country,
			administration_name: administration.map(|a| a.name.into_inner()).unwrap_or_default(),
			in_good_standing: accreditation.status == AccreditationStatus::Active
				&& granted_under_current_membership,
			key_cutoff: accreditation.key_cutoff,
			name: accreditation.name.into_inner(),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_member(who: &T::AccountId, country: CountryCode) {
		use frame_support::traits::Get;
		crate::Administrations::<T>::mutate(country, |administration| {
			let administration =
				administration.get_or_insert_with(|| crate::AdministrationOf::<T> {
					name: alloc::vec![b'A'; T::MaxNameLength::get() as usize]
						.try_into()
						.expect("the longest name fits"),
					members: Default::default(),
					joined_at: 0u32.into(),
				});
			let _ = administration.members.try_push(who.clone());
		});
		crate::MemberOf::<T>::insert(who, country);
		frame_system::Pallet::<T>::inc_providers(who);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_party(who: &T::AccountId, role: Role, country: CountryCode) {
		use crate::types::{DocumentKind, DocumentKinds};
		use frame_support::traits::Get;
		use sp_runtime::traits::Bounded;
		if !crate::Administrations::<T>::contains_key(country) {
			// An administration needs a member account; benchmarks name one after the country.
			use sp_runtime::traits::AccountIdConversion;
			let member: T::AccountId = frame_support::PalletId(*b"tamgabmk")
				.into_sub_account_truncating(country.as_bytes());
			Self::set_up_member(&member, country);
		}
		let kinds = match role {
			Role::Issuer => DocumentKinds::of(&[
				DocumentKind::Origin,
				DocumentKind::Veterinary,
				DocumentKind::AtaGuarantee,
				DocumentKind::Aeo,
			]),
			_ => DocumentKinds::default(),
		};
		crate::Accreditations::<T>::insert(
			who,
			crate::AccreditationOf::<T> {
				country,
				name: alloc::vec![b'P'; T::MaxNameLength::get() as usize]
					.try_into()
					.expect("the longest name fits"),
				role,
				kinds,
				office: (role == Role::Officer).then_some(*b"BENCH"),
				valid_from: 0u32.into(),
				valid_until:
					<frame_system::pallet_prelude::BlockNumberFor<T> as Bounded>::max_value(),
				status: AccreditationStatus::Active,
				key_cutoff: None,
				accredited_at: 0u32.into(),
			},
		);
		frame_system::Pallet::<T>::inc_providers(who);
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// Whether `accreditation`'s administration is a member now and granted it since it
	/// last joined (leaving the consortium voids every accreditation it granted).
	pub(crate) fn granted_under_current_membership(
		accreditation: &crate::AccreditationOf<T>,
	) -> bool {
		crate::Administrations::<T>::get(accreditation.country)
			.is_some_and(|administration| accreditation.accredited_at >= administration.joined_at)
	}
}
