//! The one place that decides who may act. Every Tamga pallet asks [`Permissions`]
//! instead of reading governance storage itself.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::PalletError;
use scale_info::TypeInfo;

use crate::{
	country::CountryCode,
	departure::Voiding,
	types::{AccreditationStatus, DocumentKind, Role},
};

/// Why an account may not act as asked. Each pallet's errors carry it as
/// `Error::Denied(Denied)` (see [`impl_from_denied`](crate::impl_from_denied)).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	PalletError,
	TypeInfo,
	Debug,
)]
pub enum Denied {
	/// It is not a member of any administration.
	NotMember,
	/// It holds no accreditation.
	NotAccredited,
	/// It is accredited, but for another role.
	WrongRole,
	/// It belongs to another country than the one the action concerns.
	WrongCountry,
	/// It is an issuer, but not for this kind of document.
	KindNotAccredited,
	/// Its accreditation starts later.
	NotYetValid,
	/// Its accreditation has expired.
	Expired,
	/// Its accreditation is suspended.
	Suspended,
	/// Its accreditation is revoked.
	Revoked,
	/// Its administration has left the consortium.
	AdministrationGone,
	/// It is an issuer whose key was cut off before this block.
	AfterKeyCutoff,
}

/// What a verifier is told about an accredited party (the author of a document).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PartySummary<BlockNumber> {
	/// The name it was accredited under (UTF-8).
	pub name: Vec<u8>,
	/// Its country.
	pub country: CountryCode,
	/// The name of its administration (UTF-8); empty if that left the consortium.
	pub administration_name: Vec<u8>,
	/// Whether its accreditation is neither suspended nor revoked and was granted by an
	/// administration that is still a member. What it anchored while accredited stays
	/// valid when its validity period ends or is renewed.
	pub in_good_standing: bool,
	/// The block after which what it anchors is void, if a key cut-off was set.
	pub key_cutoff: Option<BlockNumber>,
}

/// "May account X act as role R (for documents of kind K) of country C at block N?"
pub trait Permissions<AccountId: PartialEq, BlockNumber> {
	/// The administration `who` acts for, if it is a member account of one.
	fn ensure_member(who: &AccountId) -> Result<CountryCode, Denied>;

	/// Whether `country`'s administration is a member of the consortium.
	fn is_administration(country: CountryCode) -> bool;

	/// The name of `country`'s administration (UTF-8), empty if it is not a member.
	fn administration_name(country: CountryCode) -> Vec<u8>;

	/// The block in which `country`'s administration joined the consortium for its current
	/// membership, or `None` if it is not a member. What it did before belongs to an
	/// earlier membership and is not revived.
	fn member_since(country: CountryCode) -> Option<BlockNumber>;

	/// Why what `author`, a party of `country`, anchored in block `at` is void whatever
	/// its own status says, if it is (see [`crate::departure`]).
	fn voiding(
		author: &AccountId,
		country: CountryCode,
		at: BlockNumber,
	) -> Option<Voiding<BlockNumber>>;

	/// Checks that `who` holds an accreditation for `role` in force at block `at`; for an
	/// issuer, one that covers documents of `kind`; if `country` is given, one from that
	/// country. Returns the party's country.
	fn ensure_party(
		who: &AccountId,
		role: Role,
		kind: Option<DocumentKind>,
		country: Option<CountryCode>,
		at: BlockNumber,
	) -> Result<CountryCode, Denied>;

	/// Checks that `who` is a customs officer (of any country) in force at block `at`;
	/// returns its country.
	fn ensure_officer(who: &AccountId, at: BlockNumber) -> Result<CountryCode, Denied> {
		Self::ensure_party(who, Role::Officer, None, None, at)
	}

	/// Checks that `who` is a customs officer of `country` in force at block `at`.
	fn ensure_officer_of(
		who: &AccountId,
		country: CountryCode,
		at: BlockNumber,
	) -> Result<(), Denied> {
		Self::ensure_party(who, Role::Officer, None, Some(country), at).map(|_| ())
	}

	/// Checks that `who` is an issuer of documents of `kind` (of any country) in force at
	/// block `at`; returns its country.
	fn ensure_issuer(
		who: &AccountId,
		kind: DocumentKind,
		at: BlockNumber,
	) -> Result<CountryCode, Denied> {
		Self::ensure_party(who, Role::Issuer, Some(kind), None, at)
	}

	/// Checks that `who` is an issuer of documents of `kind` of `country` in force at
	/// block `at`.
	fn ensure_issuer_of(
		who: &AccountId,
		kind: DocumentKind,
		country: CountryCode,
		at: BlockNumber,
	) -> Result<(), Denied> {
		Self::ensure_party(who, Role::Issuer, Some(kind), Some(country), at).map(|_| ())
	}

	/// The block after which documents `issuer` registers are invalid, if one was set.
	fn issuer_key_cutoff(issuer: &AccountId) -> Option<BlockNumber>;

	/// Checks that `who` may act on what `party` (of `country`) made: `party` itself, acting
	/// as `role` (for documents of `kind`) with its accreditation in force at block `at` (a
	/// suspended, revoked or cut-off key acts on nothing), or a member account of
	/// `country`'s administration. `Err(None)` means `who` is neither.
	fn ensure_party_or_administration(
		who: &AccountId,
		party: &AccountId,
		role: Role,
		kind: Option<DocumentKind>,
		country: CountryCode,
		at: BlockNumber,
	) -> Result<(), Option<Denied>> {
		if who == party {
			return Self::ensure_party(who, role, kind, None, at).map(|_| ()).map_err(Some);
		}
		match Self::ensure_member(who) {
			Ok(member_of) if member_of == country => Ok(()),
			_ => Err(None),
		}
	}

	/// What a verifier is told about the accredited party `who`, whatever its
	/// accreditation's status, or `None` if it holds none.
	fn party(who: &AccountId) -> Option<PartySummary<BlockNumber>>;

	/// Benchmarks only: makes `who` a member account of `country`'s administration,
	/// admitting the administration if needed.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_member(who: &AccountId, country: CountryCode);

	/// Benchmarks only: accredits `who` as `role` of `country` (an issuer for every kind,
	/// an officer with an office code), in force from block 0 on, with the longest name.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_party(who: &AccountId, role: Role, country: CountryCode);
}

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
