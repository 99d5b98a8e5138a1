//! What the node asks the runtime about AEOs: the runtime API behind the
//! `tamga_aeoStatus`, `tamga_aeoRecognition` and `tamga_pendingAcknowledgements` RPCs.

use alloc::vec::Vec;
use codec::Codec;
use pallet_tamga_governance::CountryCode;

use crate::{
	recognition::{Recognition, StatusView},
	types::{Change, ChangeId, Operator},
};

sp_api::decl_runtime_apis! {
	/// AEO certifications, recognition and acknowledgements, read from a block's state.
	pub trait AeoApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// `operator`'s certification, or `None` if its administration never certified it.
		fn aeo_status(operator: Operator) -> Option<StatusView<AccountId, BlockNumber>>;

		/// Whether `administration` recognises `operator` on the block's day, and why.
		fn aeo_recognition(operator: Operator, administration: CountryCode) -> Recognition;

		/// The status changes `administration` has not acknowledged, oldest first.
		fn pending_acknowledgements(
			administration: CountryCode,
		) -> Vec<(ChangeId, Change<AccountId, BlockNumber>)>;
	}
}
