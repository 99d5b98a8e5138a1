//! What the node asks the runtime about AEOs: the runtime API behind the
//! `tamga_aeoStatus`, `tamga_aeoRecognition` and `tamga_pendingAcknowledgements` RPCs.
//!
//! Version 2 pages the pending acknowledgements: `pending_acknowledgements` takes a page
//! and a limit (version 1 listed the oldest 1,000 at once).

use codec::Codec;
use tamga_primitives::CountryCode;

use crate::{
	recognition::{PendingPage, Recognition, StatusView},
	types::Operator,
};

sp_api::decl_runtime_apis! {
	/// AEO certifications, recognition and acknowledgements, read from a block's state.
	#[api_version(2)]
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

		/// Page `page` (from 0) of the status changes `administration` has not
		/// acknowledged, oldest first, and how many there are in all. A page holds `limit`
		/// changes, lowered to [`MAX_LISTED_PENDING`](crate::MAX_LISTED_PENDING); a `limit`
		/// of 0 gives the total only; a page past the end is empty.
		fn pending_acknowledgements(
			administration: CountryCode,
			page: u32,
			limit: u32,
		) -> PendingPage<AccountId, BlockNumber>;
	}
}
