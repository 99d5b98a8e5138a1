//! What a border officer asks: is this document genuine, in force, and not used up?
//!
//! [`Pallet::verify`] answers from the chain state alone; the runtime API and the
//! `tamga_verifyDocument` RPC serve it (the RPC adds whether the answer comes from a
//! finalized block).

use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_tamga_governance::{CountryCode, Permissions, Role};
use scale_info::TypeInfo;
use sp_core::H256;

use crate::{
	merkle,
	types::{CertificateKind, DocumentId, RevocationReason, Status},
	Batches, Config, Documents, Pallet, RevokedBatchMembers,
};

/// The verdict on a document, most decisive reason first.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Validity {
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
}

/// Everything an officer needs to decide on a document.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Verification<AccountId, BlockNumber> {
	/// The verdict.
	pub validity: Validity,
	/// The kind of certificate.
	pub kind: CertificateKind,
	/// Who anchored it.
	pub issuer: AccountId,
	/// The exporting country (the issuer's).
	pub exporting: [u8; 2],
	/// The importing country.
	pub importing: [u8; 2],
	/// Whether the issuer's accreditation covered this kind in the block it was anchored
	/// and is not suspended or revoked now.
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
}

/// The verdict on a member of a batch.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum BatchValidity {
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
}

impl<T: Config> Pallet<T> {
	/// The verification of document `id` today, or `None` if no such document is anchored.
	pub fn verify(id: DocumentId) -> Option<Verification<T::AccountId, BlockNumberFor<T>>> {
		let record = Documents::<T>::get(id)?;
		let today = Self::today();
		let cut_off = Self::anchored_after_cutoff(&record.issuer, record.registered_at);
		let remaining = record.facts.quantity.saturating_sub(record.used);
		let validity = match record.status {
			Status::Replaced { by } => Validity::Replaced { by },
			Status::Revoked { reason, .. } => Validity::Revoked { reason },
			Status::Issued if cut_off => Validity::IssuerKeyCutOff,
			Status::Issued if today < record.facts.valid_from => Validity::NotYetValid,
			Status::Issued if today > record.facts.valid_until => Validity::Expired,
			Status::Issued if remaining == 0 => Validity::UsedUp,
			Status::Issued => Validity::Valid,
		};
		let issuer_accredited = T::Permissions::ensure_party(
			&record.issuer,
			Role::Issuer,
			Some(record.facts.kind.accreditation()),
			CountryCode::new(record.facts.exporting),
			record.registered_at,
		)
		.is_ok();
		Some(Verification {
			validity,
			kind: record.facts.kind,
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
		})
	}

	/// Whether `id` is a member of batch `root` by `proof`, and whether it is in force.
	pub fn verify_batch_member(root: H256, id: DocumentId, proof: &merkle::Proof) -> BatchValidity {
		let Some(batch) = Batches::<T>::get(root) else { return BatchValidity::UnknownBatch };
		if proof.count != batch.count || merkle::root_from_proof(&id, proof) != Some(root) {
			return BatchValidity::NotAMember;
		}
		if let Some((reason, _)) = RevokedBatchMembers::<T>::get(root, id) {
			return BatchValidity::Revoked { reason };
		}
		if Self::anchored_after_cutoff(&batch.issuer, batch.registered_at) {
			BatchValidity::IssuerKeyCutOff
		} else {
			BatchValidity::Valid
		}
	}
}
