//! What the node asks the runtime about carnets: the runtime API behind the
//! `tamga_carnet` and `tamga_carnetMovements` RPCs.

use alloc::vec::Vec;
use codec::Codec;

use crate::{types::HistoryEntry, view::CarnetView};

sp_api::decl_runtime_apis! {
	/// Carnets and their movements, read from a block's state.
	pub trait CarnetsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Carnet `number` as it stands, or `None` if no carnet has this number.
		fn carnet(number: Vec<u8>) -> Option<CarnetView<AccountId, BlockNumber>>;

		/// Every recorded action on carnet `number` (issue, vouchers, claims, closing),
		/// oldest first; empty if there is none.
		fn carnet_history(number: Vec<u8>) -> Vec<HistoryEntry<AccountId, BlockNumber>>;
	}
}
