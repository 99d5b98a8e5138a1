//! The records the carnets pallet keeps: carnets, their per-country balances, claims and
//! history.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::CountryCode;

/// A voucher of an ATA carnet: one movement of goods across a customs border.
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
pub enum Voucher {
	/// The goods leave the issuing country (the carnet's home).
	Exportation,
	/// The goods enter a country of use for temporary admission.
	Importation,
	/// The goods leave the country of use they were imported into.
	ReExportation,
	/// The goods come back into the issuing country.
	ReImportation,
	/// The goods start a transit through a country of use.
	TransitStart,
	/// The goods end their transit through that country.
	TransitEnd,
}

tamga_primitives::impl_named!(Voucher, "voucher", {
	Exportation => "exportation",
	Importation => "importation",
	ReExportation => "reExportation",
	ReImportation => "reImportation",
	TransitStart => "transitStart",
	TransitEnd => "transitEnd",
});

/// What a country of use holds of a carnet's goods.
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
pub struct CountryBalance {
	/// The country of use.
	pub country: CountryCode,
	/// Items imported there and not yet re-exported.
	pub imported: u32,
	/// Items in transit there whose transit has not ended.
	pub in_transit: u32,
}

impl CountryBalance {
	/// Items the country holds open: imported or in transit. Open items left after the
	/// carnet expires become a claim.
	pub fn open(&self) -> u32 {
		self.imported.saturating_add(self.in_transit)
	}
}

/// An ATA carnet issued by a guaranteeing association.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNumber, MaxCountries))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Carnet<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNumber: Get<u32>,
	MaxCountries: Get<u32>,
> {
	/// The carnet number, starting with the issuing country's code (e.g. `KZ/2026/000123`).
	pub number: BoundedVec<u8, MaxNumber>,
	/// The guaranteeing association that issued it.
	pub association: AccountId,
	/// The issuing country: where the goods are exported from and re-imported into.
	pub home: CountryCode,
	/// blake2-256 of a salt and the holder's identifier (the holder stays off chain).
	pub holder_commitment: H256,
	/// How many items the general list holds.
	pub items: u32,
	/// blake2-256 of the general list of goods (kept off chain).
	pub list_hash: H256,
	/// First day of validity, in days since 1970-01-01 (UTC).
	pub valid_from: u32,
	/// Last day of validity (inclusive), at most a day short of a year after `valid_from`.
	pub valid_until: u32,
	/// Items exported from the home country and not yet re-imported into it.
	pub abroad: u32,
	/// The countries of use, each with what it holds of the goods.
	pub countries: BoundedVec<CountryBalance, MaxCountries>,
	/// The block in which it was issued.
	pub issued_at: BlockNumber,
	/// The block in which its association closed it, if it did.
	pub closed_at: Option<BlockNumber>,
}

impl<
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
		MaxNumber: Get<u32>,
		MaxCountries: Get<u32>,
	> Carnet<AccountId, BlockNumber, MaxNumber, MaxCountries>
{
	/// Items that left a country and have not yet arrived anywhere: exported or
	/// re-exported, not imported, in transit or re-imported since.
	pub fn in_motion(&self) -> u32 {
		let held: u32 = self.countries.iter().map(CountryBalance::open).sum();
		self.abroad.saturating_sub(held)
	}

	/// Items at home: never exported, or re-imported.
	pub fn at_home(&self) -> u32 {
		self.items.saturating_sub(self.abroad)
	}

	/// What `country` holds, if it is a country of use.
	pub fn balance(&self, country: CountryCode) -> Option<&CountryBalance> {
		self.countries.iter().find(|b| b.country == country)
	}
}

/// Where a carnet stands on a given day.
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
pub enum CarnetState {
	/// Its validity has not started.
	NotYetValid,
	/// In force: vouchers may be recorded.
	Open,
	/// Its validity has ended; open importations become claims.
	Expired,
	/// Its association closed it.
	Closed,
	/// Void whatever its dates: its association's administration left the consortium, or
	/// the consortium voided the association's documents (the view says which).
	Void,
}

tamga_primitives::impl_named!(CarnetState, "carnet state", {
	NotYetValid => "notYetValid",
	Open => "open",
	Expired => "expired",
	Closed => "closed",
	Void => "void",
});

/// Where a claim stands.
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
pub enum ClaimStatus {
	/// The importing administration claims duties from the issuing association.
	Raised,
	/// The association paid: the importing administration confirmed it.
	Settled,
	/// Evidence of re-exportation cleared the claim.
	Discharged {
		/// blake2-256 of the evidence (kept off chain).
		evidence: H256,
	},
}

/// A claim of an importing administration against a carnet's issuing association for
/// goods left open after the carnet expired.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Claim<AccountId, BlockNumber> {
	/// The association claimed against.
	pub association: AccountId,
	/// The items left open in the claiming country when the claim was raised.
	pub items: u32,
	/// The member account that raised it.
	pub raised_by: AccountId,
	/// The block in which it was raised.
	pub raised_at: BlockNumber,
	/// Where it stands.
	pub status: ClaimStatus,
	/// The block in which it was settled or discharged.
	pub closed_at: Option<BlockNumber>,
}

/// What happened to a carnet.
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
pub enum Action {
	/// Issued by its association.
	Issued,
	/// Customs recorded a voucher.
	Movement {
		/// Which voucher.
		voucher: Voucher,
		/// The country whose customs recorded it.
		country: CountryCode,
		/// How many items moved.
		items: u32,
	},
	/// Closed by its association.
	Closed,
	/// An importing administration raised a claim.
	ClaimRaised {
		/// The claiming country.
		country: CountryCode,
		/// The items left open there.
		items: u32,
	},
	/// A claim was settled.
	ClaimSettled {
		/// The claiming country.
		country: CountryCode,
	},
	/// A claim was discharged with evidence of re-exportation.
	ClaimDischarged {
		/// The claiming country.
		country: CountryCode,
		/// blake2-256 of the evidence.
		evidence: H256,
	},
}

/// One entry of a carnet's history: what happened, when and by whom.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct HistoryEntry<AccountId, BlockNumber> {
	/// The block.
	pub block: BlockNumber,
	/// The extrinsic's index in that block.
	pub extrinsic: u32,
	/// Who acted.
	pub actor: AccountId,
	/// What happened.
	pub action: Action,
}
