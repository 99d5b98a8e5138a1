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

		/// Whether `administration` recognises `operator` on `day` (days since 1970-01-01
		/// UTC; default: the block's day), as the block's state stands, and why.
		fn aeo_recognition(
			operator: Operator,
			administration: CountryCode,
			day: Option<u32>,
		) -> Recognition;

		/// How many status changes `administration` has not acknowledged, and the oldest
		/// of them (at most `recognition::MAX_LISTED_PENDING`), oldest first.
		fn pending_acknowledgements(
			administration: CountryCode,
		) -> (u32, Vec<(ChangeId, Change<AccountId, BlockNumber>)>);
	}
}
