//! What a border officer asks: is this document genuine, in force, and not used up?
//!
//! [`Pallet::verify`] answers from the chain state alone; the runtime API and the
//! `tamga_verifyDocument` RPC serve it (the RPC adds whether the answer comes from a
//! finalized block).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::{CountryCode, PartySummary, Permissions, Voiding};

use crate::{
	merkle,
	rules::RuleWarning,
	types::{CertificateKind, DocumentId, HsCode, RevocationReason, Status},
	Batches, Config, Documents, Pallet, RevokedBatchMembers,
};

/// The verdict on a document, most decisive reason first.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Validity<BlockNumber> {
	/// In force: genuine, within its validity window, not fully used.
	Valid,
	/// Replaced by a corrected document.
	Replaced {
		/// The replacement to verify instead.
		by: DocumentId,
	},
	/// Revoked by its issuer.
	Revoked {
		/// Why.
		reason: RevocationReason,
	},
	/// Anchored after its issuer's key cut-off: void.
	IssuerKeyCutOff,
	/// Its validity window has not started.
	NotYetValid,
	/// Its validity window has ended.
	Expired,
	/// Its declared quantity is used up.
	UsedUp,
	/// Void whatever its status: the issuer's administration left the consortium, or the
	/// consortium voided the issuer's documents.
	Void(Voiding<BlockNumber>),
}

/// Everything an officer needs to decide on a document.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Verification<AccountId, BlockNumber> {
	/// The verdict.
	pub validity: Validity<BlockNumber>,
	/// The kind of certificate.
	pub kind: CertificateKind,
	/// Who anchored it: the issuer, or the approved exporter of a declaration.
	pub issuer: AccountId,
	/// The name its administration accredited the issuer under (UTF-8).
	pub issuer_name: Vec<u8>,
	/// The name of the issuer's administration (UTF-8); empty if it left the consortium.
	pub administration_name: Vec<u8>,
	/// Whether an issuer endorsed it on an exporter's application.
	pub on_application: bool,
	/// The certificate number.
	pub number: Vec<u8>,
	/// The goods' HS subheadings.
	pub hs_codes: Vec<HsCode>,
	/// The unit of the quantities (UN/ECE Recommendation 20).
	pub unit: [u8; 3],
	/// The exporting country (the issuer's).
	pub exporting: CountryCode,
	/// The importing country.
	pub importing: CountryCode,
	/// Whether the author is in good standing: it was accredited when it anchored the
	/// document (anchoring requires it) and its accreditation is neither suspended nor
	/// revoked now, granted by an administration still in the consortium.
	pub issuer_accredited: bool,
	/// First and last day of validity (days since 1970-01-01 UTC).
	pub valid_from: u32,
	/// Last day of validity, inclusive.
	pub valid_until: u32,
	/// The document it replaced, if any.
	pub replaces: Option<DocumentId>,
	/// The declared quantity and how much of it is left.
	pub declared: u128,
	/// The quantity not used yet.
	pub remaining: u128,
	/// The block in which it was anchored.
	pub registered_at: BlockNumber,
	/// Warnings the administrations' rule contracts attached when it was anchored.
	pub warnings: Vec<RuleWarning>,
}

/// The verdict on a member of a batch.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum BatchValidity<BlockNumber> {
	/// No batch has this root.
	UnknownBatch,
	/// The proof does not lead from the document to the root.
	NotAMember,
	/// A member, in force.
	Valid,
	/// A member its issuer revoked.
	Revoked {
		/// Why.
		reason: RevocationReason,
	},
	/// A member of a batch anchored after its issuer's key cut-off.
	IssuerKeyCutOff,
	/// A member of a batch that is void whatever its status (see [`Validity::Void`]).
	Void(Voiding<BlockNumber>),
}

/// The verdict on a member of a batch, with what the batch says about its issuer.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct BatchVerification<AccountId, BlockNumber> {
	/// The verdict.
	pub validity: BatchValidity<BlockNumber>,
	/// Who anchored the batch.
	pub issuer: AccountId,
	/// The name its administration accredited the issuer under (UTF-8).
	pub issuer_name: Vec<u8>,
	/// The name of the issuer's administration (UTF-8); empty if it left the consortium.
	pub administration_name: Vec<u8>,
	/// Whether the issuer is in good standing (see [`Verification::issuer_accredited`]).
	pub issuer_accredited: bool,
	/// The issuer's country.
	pub country: CountryCode,
	/// The kind of all the batch's documents.
	pub kind: CertificateKind,
	/// How many documents the batch holds.
	pub count: u32,
	/// The block in which the batch was anchored.
	pub registered_at: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// The verification of document `id` today, or `None` if no such document is anchored.
	pub fn verify(id: DocumentId) -> Option<Verification<T::AccountId, BlockNumberFor<T>>> {
		let record = Documents::<T>::get(id)?;
		let today = Self::today();
		let party = T::Permissions::party(&record.issuer);
		let cut_off =
			Self::after_cutoff(party.as_ref().and_then(|p| p.key_cutoff), record.registered_at);
		let remaining = record.facts.quantity.saturating_sub(record.used);
		let void = Self::voiding(&record.issuer, record.facts.exporting, record.registered_at);
		let validity = match void {
			Some(void) => Validity::Void(void),
			None => match record.status {
				Status::Replaced { by } => Validity::Replaced { by },
				Status::Revoked { reason, .. } => Validity::Revoked { reason },
				Status::Issued if cut_off => Validity::IssuerKeyCutOff,
				Status::Issued if today < record.facts.valid_from => Validity::NotYetValid,
				Status::Issued if today > record.facts.valid_until => Validity::Expired,
				// A quantity of zero was not declared: nothing bounds the uses.
				Status::Issued if remaining == 0 && record.facts.quantity > 0 => Validity::UsedUp,
				Status::Issued => Validity::Valid,
			},
		};
		let kind = record.facts.kind;
		let (issuer_name, administration_name, issuer_accredited) = summary(party.as_ref());
		Some(Verification {
			validity,
			kind,
			issuer_name,
			administration_name,
			on_application: record.applicant.is_some(),
			number: record.facts.number.into_inner(),
			hs_codes: record.facts.hs_codes.into_inner(),
			unit: record.facts.unit,
			issuer: record.issuer,
			exporting: record.facts.exporting,
			importing: record.facts.importing,
			issuer_accredited,
			valid_from: record.facts.valid_from,
			valid_until: record.facts.valid_until,
			replaces: record.replaces,
			declared: record.facts.quantity,
			remaining,
			registered_at: record.registered_at,
			warnings: record.warnings.into_inner(),
		})
	}

	/// Whether `id` is a member of batch `root` by `proof`, and whether it is in force.
	pub fn verify_batch_member(
		root: H256,
		id: DocumentId,
		proof: &merkle::Proof,
	) -> BatchValidity<BlockNumberFor<T>> {
		let Some(batch) = Batches::<T>::get(root) else { return BatchValidity::UnknownBatch };
		let cut_off = Self::anchored_after_cutoff(&batch.issuer, batch.registered_at);
		Self::member_validity(root, &batch, id, proof, cut_off)
	}

	/// Why what `author` of `country` anchored in block `at` is void whatever its status,
	/// if it is (its administration left, or the consortium voided its documents).
	pub(crate) fn voiding(
		author: &T::AccountId,
		country: CountryCode,
		at: BlockNumberFor<T>,
	) -> Option<Voiding<BlockNumberFor<T>>> {
		T::Permissions::voiding(author, country, at)
	}

	/// The verdict on `id` as a member of `batch` (whose root is `root`) by `proof`;
	/// `cut_off` tells whether the batch was anchored after its issuer's key cut-off.
	fn member_validity(
		root: H256,
		batch: &crate::BatchOf<T>,
		id: DocumentId,
		proof: &merkle::Proof,
		cut_off: bool,
	) -> BatchValidity<BlockNumberFor<T>> {
		if proof.count != batch.count || merkle::root_from_proof(&id, proof) != Some(root) {
			return BatchValidity::NotAMember;
		}
		if let Some(void) = Self::voiding(&batch.issuer, batch.country, batch.registered_at) {
			return BatchValidity::Void(void);
		}
		if let Some((reason, _)) = RevokedBatchMembers::<T>::get(root, id) {
			return BatchValidity::Revoked { reason };
		}
		if cut_off {
			BatchValidity::IssuerKeyCutOff
		} else {
			BatchValidity::Valid
		}
	}

	/// [`Self::verify_batch_member`] with the batch's issuer and size, or `None` if no
	/// batch has this `root`.
	pub fn verify_batch(
		root: H256,
		id: DocumentId,
		proof: &merkle::Proof,
	) -> Option<BatchVerification<T::AccountId, BlockNumberFor<T>>> {
		let batch = Batches::<T>::get(root)?;
		let party = T::Permissions::party(&batch.issuer);
		let cut_off =
			Self::after_cutoff(party.as_ref().and_then(|p| p.key_cutoff), batch.registered_at);
		let validity = Self::member_validity(root, &batch, id, proof, cut_off);
		let (issuer_name, administration_name, issuer_accredited) = summary(party.as_ref());
		Some(BatchVerification {
			validity,
			issuer_accredited,
			issuer: batch.issuer,
			issuer_name,
			administration_name,
			country: batch.country,
			kind: batch.kind,
			count: batch.count,
			registered_at: batch.registered_at,
		})
	}
}

/// (issuer name, administration name, good standing) of a document's author, empty and
/// `false` if it holds no accreditation any more.
fn summary<BlockNumber>(party: Option<&PartySummary<BlockNumber>>) -> (Vec<u8>, Vec<u8>, bool) {
	party.map_or_else(
		|| (Vec::new(), Vec::new(), false),
		|p| (p.name.clone(), p.administration_name.clone(), p.in_good_standing),
	)
}
