//! The records the governance pallet keeps: administrations, proposals, accreditations.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

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

/// What an accredited party may do.
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
pub enum Role {
	/// Issues documents of the kinds it is accredited for (chamber of commerce, veterinary
	/// service, ATA guaranteeing association, AEO programme office).
	Issuer,
	/// An exporter approved to self-certify origin (REX-style); may also file applications.
	ApprovedExporter,
	/// An exporter known to its administration: may file certificate applications.
	Exporter,
	/// A customs office: records uses of documents and carnet voucher movements.
	Officer,
	/// Reads and exports history; writes nothing.
	Auditor,
}

/// A kind of document an issuer can be accredited for.
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
pub enum DocumentKind {
	/// Certificates of origin (EAEU CT-1, EUR.1, Form A, non-preferential).
	Origin,
	/// Veterinary (SPS) certificates.
	Veterinary,
	/// ATA carnets (the guaranteeing association).
	AtaGuarantee,
	/// AEO certification.
	Aeo,
}

impl DocumentKind {
	fn bit(self) -> u8 {
		match self {
			Self::Origin => 1,
			Self::Veterinary => 2,
			Self::AtaGuarantee => 4,
			Self::Aeo => 8,
		}
	}
}

/// A set of document kinds.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct DocumentKinds(u8);

impl DocumentKinds {
	/// The set of `kinds`.
	pub fn of(kinds: &[DocumentKind]) -> Self {
		Self(kinds.iter().fold(0, |bits, kind| bits | kind.bit()))
	}

	/// Whether `kind` is in the set.
	pub fn contains(&self, kind: DocumentKind) -> bool {
		self.0 & kind.bit() != 0
	}

	/// Whether the set is empty (or holds only unknown bits).
	pub fn is_empty(&self) -> bool {
		self.0 & 0b1111 == 0
	}
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
