//! What the node asks the runtime about carnets: the runtime API behind the
//! `tamga_carnet` and `tamga_carnetMovements` RPCs.
//!
//! Version 2 pages the history: `carnet_history` takes a page and a limit and answers
//! with the total (version 1 listed every entry at once). Version 3's carnet view says
//! why a carnet is void (`void`, and the state `Void`).

use alloc::vec::Vec;
use codec::Codec;

use crate::view::{CarnetView, HistoryPage};

sp_api::decl_runtime_apis! {
	/// Carnets and their movements, read from a block's state.
	#[api_version(3)]
	pub trait CarnetsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Carnet `number` as it stands, or `None` if no carnet has this number.
		fn carnet(number: Vec<u8>) -> Option<CarnetView<AccountId, BlockNumber>>;

		/// Page `page` (from 0) of the recorded actions on carnet `number` (issue,
		/// vouchers, claims, closing), oldest first, and how many there are in all (0: no
		/// carnet has this number). A page holds `limit` entries, lowered to
		/// [`MAX_HISTORY_PAGE`](crate::MAX_HISTORY_PAGE); a `limit` of 0 gives the total
		/// only; a page past the end is empty. Only the page's entries are read.
		fn carnet_history(
			number: Vec<u8>,
			page: u32,
			limit: u32,
		) -> HistoryPage<AccountId, BlockNumber>;
	}
}
