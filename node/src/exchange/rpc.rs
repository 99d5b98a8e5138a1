//! The sending and receiving node's own methods, for its administration's systems on the
//! node's private RPC only (they are unsafe: refused on `--rpc-external` without
//! `--rpc-methods unsafe`, and by the verifier profile):
//!
//! - `tamga_exchangeSend(to, disclosure)`: checks the disclosure against the chain (the
//!   agreement lets its revealed groups through, it matches the document's commitment),
//!   seals it to the receiver's exchange key and queues it;
//! - `tamga_exchangeOutbox(state?, after?, limit?)`, `tamga_exchangeInbox(from?, state?,
//!   after?, limit?)`: where deliveries stand.

use std::sync::Arc;

use codec::Encode;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned, Extensions};
use pallet_tamga_exchange::DeliveryRefused;
use tamga_exchange::{
	disclosure::Disclosure,
	store::{InboxRow, InboxState, OutboxRow, OutboxState},
	SealContext,
};
use tamga_primitives::{exchange::root_from_disclosure, CountryCode};
use tamga_rpc::{
	errors::{error, DELIVERY_REFUSED, EXCHANGE_OFF, INVALID_PARAMS, RUNTIME},
	exchange::disclosure_groups,
	hex,
};
use tamga_rpc_types::exchange::{DisclosureFile, InboxItemJson, OutboxItemJson, SentJson};

use super::{now_ms, Exchange};

/// The most rows one listing returns.
const MAX_LISTED: u32 = 1_000;

/// The exchange node's methods of the `tamga` namespace.
#[rpc(server, namespace = "tamga")]
pub trait ExchangeNodeRpc {
	/// Checks `disclosure` (a document's groups, those to send revealed, the others as
	/// leaves) against the chain, seals it to `to`'s exchange key and queues it for `to`'s
	/// nodes.
	#[method(name = "exchangeSend", with_extensions)]
	fn send(&self, to: CountryCode, disclosure: DisclosureFile) -> RpcResult<SentJson>;

	/// The deliveries this node sends (in `state` only, if given), after row `after`,
	/// at most `limit` (default and at most 1,000).
	#[method(name = "exchangeOutbox", with_extensions)]
	fn outbox(
		&self,
		state: Option<OutboxState>,
		after: Option<i64>,
		limit: Option<u32>,
	) -> RpcResult<Vec<OutboxItemJson>>;

	/// The deliveries this node received (from `from`, in `state`, if given), after row
	/// `after`, at most `limit` (default and at most 1,000). Their contents stay sealed.
	#[method(name = "exchangeInbox", with_extensions)]
	fn inbox(
		&self,
		from: Option<CountryCode>,
		state: Option<InboxState>,
		after: Option<i64>,
		limit: Option<u32>,
	) -> RpcResult<Vec<InboxItemJson>>;
}

/// The methods, served by the running exchange (`None`: this node does not exchange).
pub struct ExchangeNode(pub Option<Arc<Exchange>>);

/// Refuses unless the caller may use unsafe methods (the node's private RPC).
fn ensure_private(ext: &Extensions) -> Result<(), ErrorObjectOwned> {
	match ext.get::<sc_rpc::DenyUnsafe>().map(|deny| deny.check_if_safe()) {
		Some(Ok(())) => Ok(()),
		_ => Err(error(
			jsonrpsee::types::error::ErrorCode::MethodNotFound.code(),
			"the exchange methods are served on the node's private RPC only \
			 (unsafe methods)",
		)),
	}
}

impl ExchangeNode {
	fn running(&self, ext: &Extensions) -> Result<&Arc<Exchange>, ErrorObjectOwned> {
		ensure_private(ext)?;
		self.0.as_ref().ok_or_else(|| {
			error(EXCHANGE_OFF, "this node does not exchange documents (a development chain)")
		})
	}
}

fn store_error(e: impl core::fmt::Display) -> ErrorObjectOwned {
	error(RUNTIME, format!("the exchange store failed: {e}"))
}

impl ExchangeNodeRpcServer for ExchangeNode {
	fn send(
		&self,
		ext: &Extensions,
		to: CountryCode,
		disclosure: DisclosureFile,
	) -> RpcResult<SentJson> {
		let exchange = self.running(ext)?;
		let from = exchange.own_country().ok_or_else(|| {
			error(EXCHANGE_OFF, "this node is not an approved node of any administration")
		})?;
		let (document, groups) =
			disclosure_groups(&disclosure).map_err(|e| error(INVALID_PARAMS, e))?;
		let disclosure = Disclosure { groups };
		let revealed = disclosure.revealed();
		if revealed.is_empty() {
			return Err(error(INVALID_PARAMS, "the disclosure reveals no group"));
		}
		let refused = |message: String| error(DELIVERY_REFUSED, message);
		let root = match exchange.chain.delivery_check(from, to, document, revealed) {
			Ok(Ok(root)) => root,
			Ok(Err(DeliveryRefused::UnknownDocument)) => {
				return Err(refused(format!("document {document:?} is not anchored")))
			},
			Ok(Err(DeliveryRefused::NoAgreement)) => {
				return Err(refused(format!("{from} and {to} have no agreement")))
			},
			Ok(Err(DeliveryRefused::Refused(reason))) => {
				return Err(refused(format!("the chain refuses this delivery to {to}: {reason}")))
			},
			Err(e) => return Err(error(RUNTIME, e.to_string())),
		};
		if root_from_disclosure(&document.0, &disclosure.groups) != Some(root.0) {
			return Err(refused(format!(
				"the disclosure does not match document {document:?}'s field commitment"
			)));
		}
		let key = exchange
			.chain
			.exchange_key(to)
			.map_err(|e| error(RUNTIME, e.to_string()))?
			.ok_or_else(|| refused(format!("{to} has published no exchange key")))?;
		let context = SealContext { document: document.0, from, to };
		let sealed = tamga_exchange::seal(&key, &context, &disclosure.encode())
			.map_err(|e| refused(format!("cannot seal to {to}'s key: {e}")))?;
		let (id, _) = exchange
			.store()
			.enqueue(to, document.0, revealed, &sealed, now_ms())
			.map_err(store_error)?;
		exchange.wake.notify_one();
		Ok(SentJson {
			id,
			to,
			document: hex::encode(document.as_bytes()),
			payload: hex::encode(&tamga_exchange::wire::payload(&sealed)),
			groups: revealed.iter().collect(),
		})
	}

	fn outbox(
		&self,
		ext: &Extensions,
		state: Option<OutboxState>,
		after: Option<i64>,
		limit: Option<u32>,
	) -> RpcResult<Vec<OutboxItemJson>> {
		let exchange = self.running(ext)?;
		let limit = limit.unwrap_or(MAX_LISTED).min(MAX_LISTED) as usize;
		let rows = exchange.store().list_outbox(state, after, limit).map_err(store_error)?;
		Ok(rows.into_iter().map(outbox_item).collect())
	}

	fn inbox(
		&self,
		ext: &Extensions,
		from: Option<CountryCode>,
		state: Option<InboxState>,
		after: Option<i64>,
		limit: Option<u32>,
	) -> RpcResult<Vec<InboxItemJson>> {
		let exchange = self.running(ext)?;
		let limit = limit.unwrap_or(MAX_LISTED).min(MAX_LISTED) as usize;
		let rows = exchange.store().list_inbox(from, state, after, limit).map_err(store_error)?;
		Ok(rows.into_iter().map(inbox_item).collect())
	}
}

fn outbox_item(row: OutboxRow) -> OutboxItemJson {
	OutboxItemJson {
		id: row.id,
		to: row.to,
		document: hex::encode(&row.document),
		payload: hex::encode(&row.payload),
		groups: row.groups.iter().collect(),
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

fn inbox_item(row: InboxRow) -> InboxItemJson {
	InboxItemJson {
		from: row.key.from,
		document: hex::encode(&row.key.document),
		payload: hex::encode(&row.key.payload),
		peer: row.peer,
		groups: row.groups.iter().collect(),
		state: row.state,
		refusal: row.refusal,
		received_at: row.received_at,
		receipt_block: row.receipt_block,
	}
}
