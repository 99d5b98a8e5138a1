//! The records the governance pallet keeps: administrations, proposals, accreditations.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

pub use tamga_primitives::party::{DocumentKind, DocumentKinds, Role};

use crate::country::CountryCode;

/// Identifier of a proposal, counted up from 0.
pub type ProposalId = u32;

/// A customs administration: a member of the consortium.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxName, MaxMembers))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Administration<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxName: Get<u32>,
	MaxMembers: Get<u32>,
> {
	/// Its name, UTF-8, e.g. "State Revenue Committee of Kazakhstan".
	pub name: BoundedVec<u8, MaxName>,
	/// The accounts that act for it (vote, accredit). Never empty.
	pub members: BoundedVec<AccountId, MaxMembers>,
	/// The block in which it joined.
	pub joined_at: BlockNumber,
}

/// A proposal: a call the consortium dispatches once at least 2/3 of the administrations
/// approve it.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxCall, MaxVoters))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen, Weight: MaxEncodedLen))]
pub struct Proposal<
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	Weight: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxCall: Get<u32>,
	MaxVoters: Get<u32>,
> {
	/// The administration that proposed it.
	pub proposer: CountryCode,
	/// The SCALE-encoded runtime call.
	pub call: BoundedVec<u8, MaxCall>,
	/// The call's weight, measured when proposed; the vote that passes it pays for it.
	pub call_weight: Weight,
	/// Administrations in favour.
	pub ayes: BoundedVec<CountryCode, MaxVoters>,
	/// Administrations against.
	pub nays: BoundedVec<CountryCode, MaxVoters>,
	/// The last block in which it can be voted on.
	pub expires_at: BlockNumber,
}

/// Whether an accreditation is in force.
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
pub enum AccreditationStatus {
	/// In force within its validity.
	Active,
	/// Temporarily not in force; can be reinstated.
	Suspended,
	/// Withdrawn for good.
	Revoked,
}

/// A party accredited by an administration of its own country.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxName))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct Accreditation<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug, MaxName: Get<u32>>
{
	/// The administration that accredited it, and so its country.
	pub country: CountryCode,
	/// The party's name as its administration registered it, UTF-8 (e.g. "Chamber of
	/// Commerce and Industry of Kazakhstan"): what a border officer reads as the issuer.
	pub name: BoundedVec<u8, MaxName>,
	/// What it may do.
	pub role: Role,
	/// For an issuer: the kinds of documents it may issue. Empty for other roles.
	pub kinds: DocumentKinds,
	/// For an officer: its customs office code (UN/LOCODE style, 5 characters).
	pub office: Option<[u8; 5]>,
	/// First block in which it may act.
	pub valid_from: BlockNumber,
	/// Last block in which it may act.
	pub valid_until: BlockNumber,
	/// Whether it is in force.
	pub status: AccreditationStatus,
	/// For an issuer: documents it registers after this block are invalid (a compromised
	/// key's cut-off).
	pub key_cutoff: Option<BlockNumber>,
	/// The block in which it was granted. An accreditation granted before its
	/// administration last joined the consortium is void: leaving voids them all.
	pub accredited_at: BlockNumber,
}
