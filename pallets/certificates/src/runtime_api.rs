//! What the node asks the runtime about documents: the runtime APIs behind the
//! `tamga_verifyDocument`, `tamga_verifyBatchMember`, `tamga_documentHistory` and
//! `tamga_findDocument` and `tamga_documentTypes` RPCs.

use alloc::vec::Vec;
use codec::Codec;
use sp_core::H256;

use tamga_primitives::CountryCode;

use crate::{
	document_types::{CertificateKind, DocumentType},
	lookup::Found,
	merkle::Proof,
	types::{DocumentId, HistoryEntry},
	verification::{BatchVerification, Verification},
};

sp_api::decl_runtime_apis! {
	/// Verification and history of anchored documents, read from a block's state.
	pub trait CertificatesApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The verdict on document `id`, or `None` if no document with this id is anchored.
		fn verify_document(id: DocumentId) -> Option<Verification<AccountId, BlockNumber>>;

		/// The verdict on `id` as a member of batch `root` by `proof`, or `None` if no batch
		/// has this root.
		fn verify_batch_member(
			root: H256,
			id: DocumentId,
			proof: Proof,
		) -> Option<BatchVerification<AccountId, BlockNumber>>;

		/// Every recorded action on document `id`, oldest first; empty if it is not
		/// anchored. A document issued on an exporter's application starts with the
		/// application's filing; pending, withdrawn and rejected applications are not in
		/// it (they are told by events).
		fn document_history(id: DocumentId) -> Vec<HistoryEntry<AccountId, BlockNumber>>;
	}

	/// Documents by their paper's number: what a border officer holding a print asks. A
	/// trait of its own, so a node asks `has_api` before using it on blocks of older
	/// runtimes.
	pub trait DocumentLookupApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The documents issuers of `country` anchored under certificate `number` (only
		/// `issuer`'s if named), at most [`crate::MAX_FOUND`].
		fn find_documents(country: CountryCode, number: Vec<u8>, issuer: Option<AccountId>) -> Found;
	}

	/// The registry of document types: what each kind a record names is. A trait of its
	/// own, so a node asks `has_api` before using it on blocks of older runtimes.
	pub trait DocumentTypesApi {
		/// Every entry of the registry, by id.
		fn document_types() -> Vec<(CertificateKind, DocumentType)>;
	}
}
