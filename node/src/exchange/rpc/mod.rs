//! The sending and receiving node's own methods, for its administration's systems on the
//! node's private RPC only (they are unsafe: refused on `--rpc-external` without
//! `--rpc-methods unsafe`, and by the verifier profile):
//!
//! - `tamga_exchangeSend(to, disclosure)`: checks the disclosure against the chain (the
//!   agreement lets its revealed groups through, it matches the document's commitment),
//!   seals it to the receiver's exchange key and queues it;
//! - `tamga_exchangeOutbox(state?, after?, limit?)`, `tamga_exchangeInbox(from?, state?,
//!   after?, limit?)`: where deliveries stand;
//! - `tamga_exchangeOpen(from, document, payload)`: a received delivery's groups (or a
//!   returned record), opened with the node's secret (never stored in clear);
//! - `tamga_exchangeReturn(to, document, appendix, record)`: a record this administration
//!   appended, sealed and queued for the document's administration;
//! - `tamga_exchangeAck(from, document, payload)`: the administration's systems took a
//!   delivered one over; the node records the `Acknowledged` receipt;
//! - `tamga_exchangeSubscribeInbox(from?)`: each inbox item as it arrives or changes
//!   state, so a national system never polls.

use std::sync::Arc;

use codec::{DecodeAll, Encode};
use jsonrpsee::{
	core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned, Extensions, PendingSubscriptionSink,
};
use pallet_tamga_exchange::DeliveryRefused;
use tamga_exchange::{
	disclosure::Disclosure,
	store::{InboxKey, InboxRow, InboxState, OutboxState},
	SealContext,
};
use tamga_primitives::{exchange::root_from_disclosure, CountryCode, FieldGroups};
use tamga_rpc::{
	errors::{error, DELIVERY_REFUSED, EXCHANGE_OFF, INVALID_PARAMS, NOT_RECEIVED, RUNTIME},
	exchange::{disclosure_file, disclosure_groups},
	hex,
};
use tamga_rpc_types::exchange::{
	DisclosureFile, InboxItemJson, OpenedJson, OutboxItemJson, SentJson,
};

mod follow;
mod items;

use items::{inbox_item, outbox_item};

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

	/// The groups `from` delivered of `document` in delivery `payload` (or the record it
	/// returned), opened with this node's secret; refused deliveries are not opened.
	#[method(name = "exchangeOpen", with_extensions)]
	fn open(&self, from: CountryCode, document: String, payload: String) -> RpcResult<OpenedJson>;

	/// Returns record `appendix` this administration appended to `document` (`record`: its
	/// bytes, `0x` and hex digits, whose hash is on chain) to the document's
	/// administration `to`: sealed to its key and queued.
	#[method(name = "exchangeReturn", with_extensions)]
	fn return_record(
		&self,
		to: CountryCode,
		document: String,
		appendix: u32,
		record: String,
	) -> RpcResult<SentJson>;

	/// Records that the administration's systems took delivery `payload` over: the node
	/// submits its `Acknowledged` receipt (once its `Delivered` receipt is final).
	#[method(name = "exchangeAck", with_extensions)]
	fn ack(&self, from: CountryCode, document: String, payload: String)
		-> RpcResult<InboxItemJson>;

	/// Each inbox item (from `from` only, if given) as it arrives or changes state.
	#[subscription(
		name = "exchangeSubscribeInbox" => "exchangeInboxItem",
		unsubscribe = "exchangeUnsubscribeInbox",
		item = InboxItemJson,
		with_extensions
	)]
	fn subscribe_inbox(&self, from: Option<CountryCode>);
}

/// The methods, served by the running exchange (`None`: this node does not exchange).
pub struct ExchangeNode(pub Option<Arc<Exchange>>);

impl ExchangeNode {
	fn running(&self, ext: &Extensions) -> Result<&Arc<Exchange>, ErrorObjectOwned> {
		crate::rpc::ensure_private(ext, "the exchange methods")?;
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
		queue(
			exchange,
			Route { from, to, document },
			&disclosure.encode(),
			Queued::Groups(revealed),
		)
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

	fn open(
		&self,
		ext: &Extensions,
		from: CountryCode,
		document: String,
		payload: String,
	) -> RpcResult<OpenedJson> {
		self.opened(ext, from, document, payload)
	}

	fn return_record(
		&self,
		ext: &Extensions,
		to: CountryCode,
		document: String,
		appendix: u32,
		record: String,
	) -> RpcResult<SentJson> {
		let exchange = self.running(ext)?;
		let from = envelope_receiver(exchange)?;
		let document =
			hex::parse_h256("document", &document).map_err(|e| error(INVALID_PARAMS, e))?;
		let record = hex::parse_bytes("record", &record).map_err(|e| error(INVALID_PARAMS, e))?;
		let refused = |message: String| error(DELIVERY_REFUSED, message);
		let chain_error = |e: super::chain::ChainError| error(RUNTIME, e.to_string());
		let on_chain = exchange.chain.appendix(document, appendix).map_err(chain_error)?;
		let on_chain = on_chain.filter(|a| a.by == from).ok_or_else(|| {
			refused(format!("{from} appended no record {appendix} to {document:?}"))
		})?;
		if sp_io::hashing::blake2_256(&record) != on_chain.hash.0 {
			return Err(refused(format!(
				"the record is not the one {from} appended as number {appendix}: its hash differs"
			)));
		}
		let owner = exchange.chain.document_country(document).map_err(chain_error)?;
		if owner != Some(to) {
			return Err(refused(format!(
				"records go back to the document's administration, not {to}"
			)));
		}
		queue(exchange, Route { from, to, document }, &record, Queued::Record(appendix))
	}

	fn ack(
		&self,
		ext: &Extensions,
		from: CountryCode,
		document: String,
		payload: String,
	) -> RpcResult<InboxItemJson> {
		let exchange = self.running(ext)?;
		let row = Self::received(exchange, from, &document, &payload)?;
		let store = exchange.store();
		if !store.inbox_acknowledge(&row.key).map_err(store_error)? {
			return Err(error(
				NOT_RECEIVED,
				format!("only a delivery whose delivered receipt is final is acknowledged; this one is {}", row.state),
			));
		}
		let row = store.inbox_get(&row.key).map_err(store_error)?.unwrap_or(row);
		drop(store);
		exchange.changed(row.key);
		exchange.wake.notify_one();
		Ok(inbox_item(row))
	}

	fn subscribe_inbox(
		&self,
		pending: PendingSubscriptionSink,
		ext: &Extensions,
		from: Option<CountryCode>,
	) {
		let exchange = match self.running(ext) {
			Ok(exchange) => exchange.clone(),
			Err(refusal) => {
				tokio::spawn(pending.reject(refusal));
				return;
			},
		};
		tokio::spawn(follow::follow_inbox(exchange, pending, from));
	}
}

impl ExchangeNode {
	/// The inbox row named by the three parameters.
	fn received(
		exchange: &Exchange,
		from: CountryCode,
		document: &str,
		payload: &str,
	) -> Result<InboxRow, ErrorObjectOwned> {
		let key = InboxKey {
			from,
			document: hex::parse_h256("document", document)
				.map_err(|e| error(INVALID_PARAMS, e))?
				.0,
			payload: hex::parse_h256("payload", payload).map_err(|e| error(INVALID_PARAMS, e))?.0,
		};
		exchange.store().inbox_get(&key).map_err(store_error)?.ok_or_else(|| {
			error(NOT_RECEIVED, format!("no delivery {payload} of {document} from {from}"))
		})
	}
}

impl ExchangeNode {
	/// Opens a received delivery.
	fn opened(
		&self,
		ext: &Extensions,
		from: CountryCode,
		document: String,
		payload: String,
	) -> Result<OpenedJson, ErrorObjectOwned> {
		let exchange = self.running(ext)?;
		let row = Self::received(exchange, from, &document, &payload)?;
		if let Some(reason) = row.refusal {
			return Err(error(NOT_RECEIVED, format!("this delivery was refused ({reason})")));
		}
		let envelope = exchange.store().inbox_envelope(&row.key).map_err(store_error)?;
		let envelope = envelope.ok_or_else(|| error(NOT_RECEIVED, "its envelope is gone"))?;
		let context =
			SealContext { document: row.key.document, from, to: envelope_receiver(exchange)? };
		let plaintext = exchange
			.secrets
			.iter()
			.find_map(|secret| tamga_exchange::open(secret, &envelope, &context).ok())
			.ok_or_else(|| error(NOT_RECEIVED, "none of this node's secrets opens it"))?;
		let document = sp_core::H256(row.key.document);
		if let Some(appendix) = row.appendix {
			return Ok(OpenedJson::Record {
				document: hex::encode(document.as_bytes()),
				appendix,
				content: hex::encode(&plaintext),
			});
		}
		let disclosure = Disclosure::decode_all(&mut &plaintext[..])
			.map_err(|e| error(RUNTIME, format!("an accepted delivery does not decode: {e}")))?;
		Ok(OpenedJson::Disclosure { disclosure: disclosure_file(&document, &disclosure.groups) })
	}
}

/// Who sends what to whom about which document.
struct Route {
	from: CountryCode,
	to: CountryCode,
	document: sp_core::H256,
}

/// What an envelope holds.
enum Queued {
	/// These field groups of the document (a SCALE disclosure).
	Groups(FieldGroups),
	/// This record appended to the document (its bytes).
	Record(u32),
}

/// Seals `plaintext` to the receiver's exchange key about `route` and queues it.
fn queue(exchange: &Exchange, route: Route, plaintext: &[u8], what: Queued) -> RpcResult<SentJson> {
	let Route { from, to, document } = route;
	let refused = |message: String| error(DELIVERY_REFUSED, message);
	let key = exchange
		.chain
		.exchange_key(to)
		.map_err(|e| error(RUNTIME, e.to_string()))?
		.ok_or_else(|| refused(format!("{to} has published no exchange key")))?;
	let context = SealContext { document: document.0, from, to };
	let sealed = tamga_exchange::seal(&key, &context, plaintext)
		.map_err(|e| refused(format!("cannot seal to {to}'s key: {e}")))?;
	let (queued, groups) = {
		let store = exchange.store();
		match what {
			Queued::Groups(groups) => {
				(store.enqueue(to, document.0, groups, &sealed, now_ms()), groups)
			},
			Queued::Record(appendix) => (
				store.enqueue_appendix(to, document.0, appendix, &sealed, now_ms()),
				FieldGroups::default(),
			),
		}
	};
	let (id, _) = queued.map_err(store_error)?;
	exchange.wake.notify_one();
	Ok(SentJson {
		id,
		to,
		document: hex::encode(document.as_bytes()),
		payload: hex::encode(&tamga_exchange::wire::payload(&sealed)),
		groups: groups.iter().collect(),
	})
}

/// This node's administration, which deliveries are sealed to.
fn envelope_receiver(exchange: &Exchange) -> Result<CountryCode, ErrorObjectOwned> {
	exchange.own_country().ok_or_else(|| {
		error(EXCHANGE_OFF, "this node is not an approved node of any administration")
	})
}
