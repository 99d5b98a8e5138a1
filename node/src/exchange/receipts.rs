//! The receiving side's receipts: each delivery in the inbox gets its receipt on chain,
//! signed by the node's exchange account (delivered, or rejected with the reason; later
//! acknowledged, when the administration's systems take it over), and is marked final
//! once that receipt is finalized. Receipts go in `record_receipts` transactions of up to
//! the runtime's `MaxReceiptsPerCall` each; a round reads the chain once and writes the
//! inbox in one transaction per step.

use frame_support::{traits::Get, BoundedVec};
use pallet_tamga_exchange::ReceiptEntry;
use sp_core::H256;
use tamga_exchange::store::{InboxRow, InboxState};
use tamga_primitives::{ReceiptStatus, ReceiptStatusName};
use tamga_runtime::BlockNumber;

use super::{Exchange, LOG_TARGET};

/// How many inbox rows one round looks at.
const ROUND: usize = 1_024;

/// The most receipts one `record_receipts` transaction carries.
type PerTransaction = <tamga_runtime::Runtime as pallet_tamga_exchange::Config>::MaxReceiptsPerCall;

impl Exchange {
	/// Marks the receipts that are final, and submits those still missing.
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
		// Only rows whose receipt was submitted can have one on chain.
		let submitted: Vec<&InboxRow> =
			rows.iter().filter(|r| r.receipt_era_end.is_some()).collect();
		let keys = submitted
			.iter()
			.map(|row| (row.key.from, H256(row.key.document), H256(row.key.payload)))
			.collect();
		let on_chain = match self.chain.receipts_of(own, keys) {
			Ok(receipts) => receipts,
			Err(error) => {
				log::warn!(target: LOG_TARGET, "{error}");
				return;
			},
		};
		let mut finals: Vec<(&InboxRow, ReceiptStatusName, BlockNumber)> = Vec::new();
		for (row, receipt) in submitted.into_iter().zip(on_chain) {
			let acknowledging = row.state == InboxState::Acknowledging;
			// An acknowledgement waits for its own receipt, not the delivered one.
			match receipt {
				Some(receipt)
					if !acknowledging || receipt.status == ReceiptStatus::Acknowledged =>
				{
					finals.push((row, receipt.status.name(), receipt.at))
				},
				_ => {},
			}
		}
		self.mark_final(&finals);
		let done: std::collections::HashSet<i64> = finals.iter().map(|(row, ..)| row.id).collect();
		let due: Vec<&InboxRow> = rows
			.iter()
			.filter(|row| !done.contains(&row.id))
			// Submitted and still includable: wait.
			.filter(|row| row.receipt_era_end.is_none_or(|end| end < finalized))
			.collect();
		for chunk in due.chunks(<PerTransaction as Get<u32>>::get() as usize) {
			if !self.submit_receipts(chunk).await {
				return;
			}
		}
	}

	/// Marks `finals` final in the inbox, in one transaction, and tells subscribers.
	fn mark_final(&self, finals: &[(&InboxRow, ReceiptStatusName, BlockNumber)]) {
		if finals.is_empty() {
			return;
		}
		let written = self.store().atomically(|store| {
			finals.iter().try_for_each(|(row, status, at)| {
				store.inbox_mark_final(&row.key, *status, *at).map(|_| ())
			})
		});
		match written {
			Ok(()) => finals.iter().for_each(|(row, ..)| self.changed(row.key)),
			Err(error) => log::error!(target: LOG_TARGET, "cannot update the inbox: {error}"),
		}
	}

	/// Signs and submits one `record_receipts` transaction for `rows` (at most
	/// `PerTransaction`: `settle_inbox` cuts them so); false if the node
	/// cannot submit now (the next round tries again).
	async fn submit_receipts(&self, rows: &[&InboxRow]) -> bool {
		let receipts: Vec<ReceiptEntry> = rows
			.iter()
			.map(|row| ReceiptEntry {
				from: *row.key.from.as_bytes(),
				document: H256(row.key.document),
				groups: row.groups,
				payload: H256(row.key.payload),
				status: match row.refusal {
					_ if row.state == InboxState::Acknowledging => ReceiptStatus::Acknowledged,
					None => ReceiptStatus::Delivered,
					Some(reason) => ReceiptStatus::Rejected(reason),
				},
			})
			.collect();
		let count = receipts.len();
		let call =
			tamga_runtime::RuntimeCall::Exchange(pallet_tamga_exchange::Call::record_receipts {
				receipts: BoundedVec::truncate_from(receipts),
			});
		let era_end = match self.signer.submit(&self.chain, call).await {
			Ok(era_end) => era_end,
			Err(error) => {
				self.warn_once(format!("receipts wait: {error}"));
				return false;
			},
		};
		let written = self.store().atomically(|store| {
			rows.iter()
				.try_for_each(|row| store.inbox_mark_submitted(&row.key, era_end).map(|_| ()))
		});
		if let Err(error) = written {
			log::error!(target: LOG_TARGET, "cannot update the inbox: {error}");
		}
		log::debug!(target: LOG_TARGET, "🧾 submitted {count} receipt(s), mortal until #{era_end}");
		true
	}
}
