//! The receiving side's receipts: each delivery in the inbox gets its receipt on chain,
//! signed by the node's exchange account (delivered, or rejected with the reason; later
//! acknowledged, when the administration's systems take it over), and is marked final
//! once that receipt is finalized.

use sp_core::H256;
use tamga_exchange::store::InboxState;
use tamga_primitives::ReceiptStatus;

use super::{Exchange, LOG_TARGET};

/// How many inbox rows one round looks at.
const ROUND: usize = 64;

impl Exchange {
	/// Submits the receipts still missing and marks those finalized.
	pub(super) async fn settle_inbox(&self) {
		let Some(own) = self.own_country() else { return };
		let rows = match self.store().inbox_awaiting_receipt(ROUND) {
			Ok(rows) => rows,
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the inbox: {error}");
				return;
			},
		};
		let (_, finalized) = self.chain.finalized();
		for row in rows {
			let (document, payload) = (H256(row.key.document), H256(row.key.payload));
			let acknowledging = row.state == InboxState::Acknowledging;
			match self.chain.receipt(own, row.key.from, document, payload) {
				// An acknowledgement waits for its own receipt, not the delivered one.
				Ok(Some(receipt))
					if !acknowledging || receipt.status == ReceiptStatus::Acknowledged =>
				{
					if let Err(error) =
						self.store().inbox_mark_final(&row.key, receipt.status.name(), receipt.at)
					{
						log::error!(target: LOG_TARGET, "cannot update the inbox: {error}");
					}
					self.changed(row.key);
					continue;
				},
				Ok(_) => {},
				Err(error) => {
					log::warn!(target: LOG_TARGET, "{error}");
					return;
				},
			}
			if row.receipt_era_end.is_some_and(|end| end >= finalized) {
				continue; // submitted, and may still be included
			}
			let status = match row.refusal {
				_ if acknowledging => ReceiptStatus::Acknowledged,
				None => ReceiptStatus::Delivered,
				Some(reason) => ReceiptStatus::Rejected(reason),
			};
			let call =
				tamga_runtime::RuntimeCall::Exchange(pallet_tamga_exchange::Call::record_receipt {
					from: *row.key.from.as_bytes(),
					document,
					groups: row.groups,
					payload,
					status,
				});
			match self.signer.submit(&self.chain, call).await {
				Ok(era_end) => {
					if let Err(error) = self.store().inbox_mark_submitted(&row.key, era_end) {
						log::error!(target: LOG_TARGET, "cannot update the inbox: {error}");
					}
				},
				Err(error) => {
					self.warn_once(format!("receipts wait: {error}"));
					return;
				},
			}
		}
	}
}
