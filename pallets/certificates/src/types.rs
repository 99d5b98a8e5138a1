//! The records the certificates pallet keeps.

pub use crate::document_types::CertificateKind;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::CountryCode;
pub use tamga_primitives::HsCode;

/// A document's id: blake2-256 of its exact bytes.
pub type DocumentId = H256;

/// Why a document was revoked (a documented, closed list; free text is kept off chain
/// and only its hash is recorded).
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
pub enum RevocationReason {
	/// Issued in error (wrong data, wrong form).
	IssuedInError,
	/// The goods do not meet the rules of origin or the import conditions.
	NotCompliant,
	/// Fraud or forgery was established.
	Fraud,
	/// The exporter withdrew the request.
	WithdrawnByExporter,
	/// The importing administration's verification request was not answered or failed.
	VerificationFailed,
	/// Another reason, given in the free text.
	Other,
}

tamga_primitives::impl_named!(RevocationReason, "revocation reason", {
	IssuedInError => "issuedInError",
	NotCompliant => "notCompliant",
	Fraud => "fraud",
	WithdrawnByExporter => "withdrawnByExporter",
	VerificationFailed => "verificationFailed",
	Other => "other",
});

/// Why an issuer rejected an exporter's application (a documented, closed list; free
/// text is kept off chain and only its hash is recorded).
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
pub enum RejectionReason {
	/// Supporting documents are missing or incomplete.
	Incomplete,
	/// The goods do not meet the rules of origin or the import conditions.
	NotCompliant,
	/// The declared facts do not match the supporting documents.
	Inconsistent,
	/// The applicant is not eligible for this kind of certificate.
	NotEligible,
	/// Another reason, given in the free text.
	Other,
}

tamga_primitives::impl_named!(RejectionReason, "rejection reason", {
	Incomplete => "incomplete",
	NotCompliant => "notCompliant",
	Inconsistent => "inconsistent",
	NotEligible => "notEligible",
	Other => "other",
});

/// An exporter's pending application for a certificate, waiting for an issuer of its
/// country to endorse or reject it.
///
/// It is the application's whole record on chain while it is pending: it is deleted when
/// the application ends, and withdrawals and rejections are told by events only, so
/// applications never write to the history of the document id they are for. An
/// endorsement copies the filing (who, block, extrinsic) into the document's history as
/// its first entry ([`Action::Applied`]).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNumber, MaxHs))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Application<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNumber: Get<u32>,
	MaxHs: Get<u32>,
> {
	/// The exporter that applied.
	pub applicant: AccountId,
	/// What the exporter asks the issuer to certify.
	pub facts: DocumentFacts<MaxNumber, MaxHs>,
	/// The block in which it applied.
	pub filed_at: BlockNumber,
	/// The index of the extrinsic that applied, in block `filed_at`.
	pub filed_in: u32,
}

/// Where a document stands.
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
pub enum Status {
	/// In force within its validity window.
	Issued,
	/// Replaced by a corrected document.
	Replaced {
		/// The replacement.
		by: DocumentId,
	},
	/// Withdrawn by its issuer.
	Revoked {
		/// Why.
		reason: RevocationReason,
		/// blake2-256 of the issuer's free-text explanation (kept off chain).
		text_hash: H256,
	},
}

/// What an issuer declares about a document when it anchors it.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxNumber, MaxHs))]
#[codec(mel_bound())]
pub struct DocumentFacts<MaxNumber: Get<u32>, MaxHs: Get<u32>> {
	/// Its type in the registry of document types.
	pub kind: CertificateKind,
	/// The certificate number, unique per issuer.
	pub number: BoundedVec<u8, MaxNumber>,
	/// The exporting country (the issuer's own).
	pub exporting: CountryCode,
	/// The importing country.
	pub importing: CountryCode,
	/// The goods' HS subheadings.
	pub hs_codes: BoundedVec<HsCode, MaxHs>,
	/// First day of validity, in days since 1970-01-01 (UTC).
	pub valid_from: u32,
	/// Last day of validity, in days since 1970-01-01 (UTC), inclusive.
	pub valid_until: u32,
	/// The declared quantity, in `unit`s; zero (for types whose uses are not bounded,
	/// see [`crate::document_types::DocumentType::bounded_uses`]) means none was declared.
	pub quantity: u128,
	/// The unit: a UN/ECE Recommendation 20 code, e.g. `KGM`, `TNE`, `H87` (pieces).
	pub unit: [u8; 3],
	/// blake2-256 of a salt and the exporter's identifier: binds the document to its
	/// exporter without putting the identifier on chain.
	pub exporter_commitment: H256,
}

/// An anchored document.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNumber, MaxHs))]
#[codec(mel_bound(AccountId: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Record<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNumber: Get<u32>,
	MaxHs: Get<u32>,
> {
	/// What the issuer declared.
	pub facts: DocumentFacts<MaxNumber, MaxHs>,
	/// Who anchored it.
	pub issuer: AccountId,
	/// The block in which it was anchored (compared with the issuer's key cut-off).
	pub registered_at: BlockNumber,
	/// Where it stands.
	pub status: Status,
	/// The document it replaced, if any.
	pub replaces: Option<DocumentId>,
	/// The exporter whose application the issuer endorsed, if it was issued on one.
	pub applicant: Option<AccountId>,
	/// The quantity used so far by importing customs.
	pub used: u128,
	/// Warnings the administrations' rule contracts attached when it was anchored.
	pub warnings: crate::rules::Warnings,
}

/// What happened to a record.
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
	/// Anchored.
	Registered,
	/// Replaced by another document.
	Replaced {
		/// The replacement.
		by: DocumentId,
	},
	/// Revoked.
	Revoked {
		/// Why.
		reason: RevocationReason,
	},
	/// The exporter applied for the document to be issued, and an issuer endorsed the
	/// application: the first entry of a document issued on an application, with the
	/// block and extrinsic of the application; the issuer's `Registered` follows.
	/// Applications that were withdrawn or rejected leave no entry (only events).
	Applied,
	/// Importing customs recorded a use.
	Used {
		/// The quantity used.
		quantity: u128,
		/// blake2-256 of a salt and the customs declaration's reference.
		declaration: H256,
	},
}

/// One entry of a record's history: what happened, when and by whom.
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

/// An anchored batch: a Merkle root over many document ids (see [`crate::merkle`]).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Batch<AccountId, BlockNumber> {
	/// Who anchored it.
	pub issuer: AccountId,
	/// Its issuer's country.
	pub country: CountryCode,
	/// The kind of all its documents.
	pub kind: CertificateKind,
	/// How many documents it holds.
	pub count: u32,
	/// The block in which it was anchored.
	pub registered_at: BlockNumber,
}
