//! The node's outbox and inbox rows as the JSON-RPC answers them.

use tamga_exchange::store::{InboxRow, OutboxRow};
use tamga_rpc::hex;
use tamga_rpc_types::exchange::{InboxItemJson, OutboxItemJson};

/// An outbox row as `tamga_exchangeOutbox` lists it.
pub(super) fn outbox_item(row: OutboxRow) -> OutboxItemJson {
	OutboxItemJson {
		id: row.id,
		to: row.to,
		document: hex::encode(&row.document),
		payload: hex::encode(&row.payload),
		groups: row.groups.iter().collect(),
		appendix: row.appendix,
		state: row.state,
		attempts: row.attempts,
		next_attempt_at: row.next_attempt_at,
		last_peer: row.last_peer,
		last_error: row.last_error,
		created_at: row.created_at,
		receipt: row.receipt,
		receipt_block: row.receipt_block,
	}
}

/// An inbox row as `tamga_exchangeInbox` lists it and the subscription sends it.
pub(super) fn inbox_item(row: InboxRow) -> InboxItemJson {
	InboxItemJson {
		from: row.key.from,
		document: hex::encode(&row.key.document),
		payload: hex::encode(&row.key.payload),
		peer: row.peer,
		groups: row.groups.iter().collect(),
		appendix: row.appendix,
		state: row.state,
		refusal: row.refusal,
		received_at: row.received_at,
		receipt_block: row.receipt_block,
	}
}
