//! What the node asks the runtime about documents: the runtime API behind the
//! `tamga_verifyDocument`, `tamga_verifyBatchMember` and `tamga_documentHistory` RPCs.

use alloc::vec::Vec;
use codec::Codec;
use sp_core::H256;

use crate::{
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
}
