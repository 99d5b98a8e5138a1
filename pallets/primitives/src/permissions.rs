//! The one question every Tamga pallet asks before acting: "may account X act as role R
//! (for documents of kind K) of country C at block N?", and why not. The governance pallet
//! answers it; the other pallets see only this trait.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::PalletError;
use scale_info::TypeInfo;

use crate::{
	country::CountryCode,
	party::{DocumentKind, Role},
	voiding::Voiding,
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
	/// its own status says, if it is (see [`crate::voiding`]).
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
