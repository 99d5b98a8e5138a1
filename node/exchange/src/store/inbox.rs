//! The inbox: deliveries this administration received, each stored before it is answered.
//! `Accepted | Refused → ReceiptSubmitted → Delivered | Rejected`, then `Acknowledging →
//! Acknowledged` when the administration's systems take a delivered one over. The envelope stays
//! sealed: it is opened when read.

use rusqlite::{params, Row};
use tamga_primitives::{CountryCode, FieldGroups, ReceiptStatusName, Refusal};

use super::{groups_bits, ms, Cells, InboxState, Store, StoreError};
use crate::seal::Sealed;

/// What names a received delivery, as its receipt does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct InboxKey {
	/// The sending administration.
	pub from: CountryCode,
	/// The document.
	pub document: [u8; 32],
	/// The payload: blake2-256 of the envelope's SCALE bytes.
	pub payload: [u8; 32],
}

/// A delivery to store as it arrived.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NewInbox {
	/// What names it.
	pub key: InboxKey,
	/// The sending node (PeerId).
	pub peer: String,
	/// The groups it claims to reveal (none for an appended record).
	pub groups: FieldGroups,
	/// For an appended record returned by its author: its number on chain.
	pub appendix: Option<u32>,
	/// The envelope, sealed.
	pub envelope: Sealed,
	/// Accepted, or refused for a reason.
	pub outcome: Result<(), Refusal>,
	/// When it arrived, in unix milliseconds.
	pub received_at: u64,
}

/// A received delivery (without its envelope: see [`Store::inbox_envelope`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct InboxRow {
	/// Its number, in the order rows were stored.
	pub id: i64,
	/// What names it.
	pub key: InboxKey,
	/// The sending node (PeerId).
	pub peer: String,
	/// The groups it claims to reveal (none for an appended record).
	pub groups: FieldGroups,
	/// For an appended record returned by its author: its number on chain.
	pub appendix: Option<u32>,
	/// Where it stands.
	pub state: InboxState,
	/// Why it was refused, if it was (kept once the receipt is submitted and final).
	pub refusal: Option<Refusal>,
	/// When it arrived, in unix milliseconds.
	pub received_at: u64,
	/// The last block of the submitted receipt's mortal era.
	pub receipt_era_end: Option<u32>,
	/// The block the final receipt was read at.
	pub receipt_block: Option<u32>,
}

const COLUMNS: &str =
	"id, from_country, document, payload, peer, groups, appendix, state, refusal, \
	received_at, receipt_era_end, receipt_block";
const KEY: &str = "from_country = ?1 AND document = ?2 AND payload = ?3";

fn row(row: &Row) -> Result<InboxRow, StoreError> {
	let cells = Cells { row, table: "inbox" };
	Ok(InboxRow {
		id: cells.get("id")?,
		key: InboxKey {
			from: cells.named("from_country")?,
			document: cells.get("document")?,
			payload: cells.get("payload")?,
		},
		peer: cells.get("peer")?,
		groups: cells.groups("groups")?,
		appendix: cells.get("appendix")?,
		state: cells.named("state")?,
		refusal: cells.read_opt("refusal", |text: String| text.parse().ok())?,
		received_at: cells.unsigned("received_at")?,
		receipt_era_end: cells.get("receipt_era_end")?,
		receipt_block: cells.get("receipt_block")?,
	})
}

impl Store {
	/// The delivery `key`, if it was stored.
	pub fn inbox_get(&self, key: &InboxKey) -> Result<Option<InboxRow>, StoreError> {
		let sql = format!("SELECT {COLUMNS} FROM inbox WHERE {KEY}");
		let (from, document, payload) = (key.from.to_string(), key.document, key.payload);
		Ok(self.rows(&sql, params![from, document, payload], row)?.pop())
	}

	/// The sealed envelope of the delivery `key`, if it was stored.
	pub fn inbox_envelope(&self, key: &InboxKey) -> Result<Option<Sealed>, StoreError> {
		let mut statement =
			self.connection.prepare_cached(&format!("SELECT envelope FROM inbox WHERE {KEY}"))?;
		let mut rows = statement.query(params![key.from.to_string(), key.document, key.payload])?;
		rows.next()?
			.map(|found| Cells { row: found, table: "inbox" }.envelope("envelope"))
			.transpose()
	}

	/// Stores `new`, `Accepted` or `Refused` by its outcome, and says whether it was new:
	/// a delivery stored before is left as it is. An appended record, which has no
	/// receipt (the record is on chain already), is `Delivered` or `Rejected` at once.
	pub fn inbox_insert(&self, new: &NewInbox) -> Result<bool, StoreError> {
		use codec::Encode;
		let (state, refusal) = match (new.outcome, new.appendix) {
			(Ok(()), None) => (InboxState::Accepted, None),
			(Err(reason), None) => (InboxState::Refused, Some(reason.as_str())),
			(Ok(()), Some(_)) => (InboxState::Delivered, None),
			(Err(reason), Some(_)) => (InboxState::Rejected, Some(reason.as_str())),
		};
		let changed = self.connection.prepare_cached(
			"INSERT INTO inbox(from_country, document, payload, peer, groups, envelope, state, \
			 refusal, received_at, appendix) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
			 ON CONFLICT(from_country, document, payload) DO NOTHING",
		)?
		.execute(params![
			new.key.from.to_string(),
			new.key.document,
			new.key.payload,
			new.peer,
			groups_bits(new.groups),
			new.envelope.encode(),
			state.as_str(),
			refusal,
			ms(new.received_at),
			new.appendix,
		])?;
		Ok(changed == 1)
	}

	/// Up to `limit` deliveries whose receipt is not final (`Accepted`, `Refused`,
	/// `ReceiptSubmitted`), oldest first.
	pub fn inbox_awaiting_receipt(&self, limit: usize) -> Result<Vec<InboxRow>, StoreError> {
		self.rows(
			&format!(
				"SELECT {COLUMNS} FROM inbox WHERE state IN ('accepted', 'refused', \
				 'receiptSubmitted', 'acknowledging') ORDER BY id LIMIT ?1"
			),
			[limit as i64],
			row,
		)
	}

	/// The receipt of delivery `key` was submitted, mortal until block `era_end`. False if
	/// its receipt was final already.
	pub fn inbox_mark_submitted(&self, key: &InboxKey, era_end: u32) -> Result<bool, StoreError> {
		let changed = self.connection.execute(
			&format!(
				"UPDATE inbox SET receipt_era_end = ?4, state = CASE state \
				 WHEN 'acknowledging' THEN 'acknowledging' ELSE 'receiptSubmitted' END \
				 WHERE {KEY} AND state IN ('accepted', 'refused', 'receiptSubmitted', \
				 'acknowledging')"
			),
			params![key.from.to_string(), key.document, key.payload, era_end],
		)?;
		Ok(changed == 1)
	}

	/// The receipt of delivery `key` is final at block `block` with `status`, which
	/// becomes its state. False if it was `Rejected` or `Acknowledged` already.
	pub fn inbox_mark_final(
		&self,
		key: &InboxKey,
		status: ReceiptStatusName,
		block: u32,
	) -> Result<bool, StoreError> {
		let state = match status {
			ReceiptStatusName::Delivered => InboxState::Delivered,
			ReceiptStatusName::Acknowledged => InboxState::Acknowledged,
			ReceiptStatusName::Rejected => InboxState::Rejected,
		};
		let changed = self.connection.execute(
			&format!(
				"UPDATE inbox SET state = ?4, receipt_block = ?5 WHERE {KEY} \
				 AND state NOT IN ('rejected', 'acknowledged')"
			),
			params![key.from.to_string(), key.document, key.payload, state.as_str(), block],
		)?;
		Ok(changed == 1)
	}

	/// The administration's systems took delivery `key` over: its `Acknowledged` receipt
	/// is to be sent. False unless its `Delivered` receipt is final and it was not
	/// acknowledged already.
	pub fn inbox_acknowledge(&self, key: &InboxKey) -> Result<bool, StoreError> {
		let changed = self.connection.execute(
			&format!(
				"UPDATE inbox SET state = 'acknowledging', receipt_era_end = NULL \
				 WHERE {KEY} AND state = 'delivered'"
			),
			params![key.from.to_string(), key.document, key.payload],
		)?;
		Ok(changed == 1)
	}

	/// How many deliveries from `from` have no final receipt yet.
	pub fn inbox_pending_from(&self, from: CountryCode) -> Result<u64, StoreError> {
		let count: i64 = self.connection.query_row(
			"SELECT count(*) FROM inbox WHERE from_country = ?1 \
			 AND state IN ('accepted', 'refused', 'receiptSubmitted')",
			[from.to_string()],
			|row| row.get(0),
		)?;
		Ok(count.unsigned_abs())
	}

	/// Up to `limit` deliveries from `from` and in `state` (any if `None`) after row
	/// `after_id`, by id.
	pub fn list_inbox(
		&self,
		from: Option<CountryCode>,
		state: Option<InboxState>,
		after_id: Option<i64>,
		limit: usize,
	) -> Result<Vec<InboxRow>, StoreError> {
		self.rows(
			&format!(
				"SELECT {COLUMNS} FROM inbox WHERE (?1 IS NULL OR from_country = ?1) \
				 AND (?2 IS NULL OR state = ?2) AND (?3 IS NULL OR id > ?3) ORDER BY id LIMIT ?4"
			),
			params![
				from.map(|from| from.to_string()),
				state.map(InboxState::as_str),
				after_id,
				limit as i64
			],
			row,
		)
	}

	/// How many deliveries are in each state (every state, zeros included).
	pub fn inbox_counts(&self) -> Result<Vec<(InboxState, u64)>, StoreError> {
		self.counts("inbox")
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::FieldGroup;

	fn key(document: u8) -> InboxKey {
		InboxKey { from: "KZ".parse().unwrap(), document: [document; 32], payload: [0xaa; 32] }
	}

	fn new(document: u8, outcome: Result<(), Refusal>) -> NewInbox {
		NewInbox {
			key: key(document),
			peer: "12D3KooWKz".into(),
			groups: FieldGroups::of(&[FieldGroup::Goods]),
			appendix: None,
			envelope: Sealed { ephemeral: [1; 32], nonce: [2; 12], ciphertext: vec![3; 40] },
			outcome,
			received_at: 1_000,
		}
	}

	#[test]
	fn a_delivery_is_stored_once_and_the_first_copy_kept() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		assert!(store.inbox_insert(&new(0xd0, Ok(()))).unwrap());
		let mut again = new(0xd0, Err(Refusal::Tampered));
		again.peer = "12D3KooWother".into();
		again.envelope.ciphertext[0] ^= 1;
		assert!(!store.inbox_insert(&again).unwrap());
		let row = store.inbox_get(&key(0xd0)).unwrap().unwrap();
		assert_eq!(
			(row.state, row.refusal, row.peer.as_str()),
			(InboxState::Accepted, None, "12D3KooWKz")
		);
		assert_eq!(store.inbox_envelope(&key(0xd0)).unwrap(), Some(new(0xd0, Ok(())).envelope));
		assert_eq!(store.inbox_get(&key(0xd1)).unwrap(), None);
		assert_eq!(store.inbox_envelope(&key(0xd1)).unwrap(), None);
	}

	#[test]
	fn a_refusal_keeps_its_reason_across_a_restart_and_its_receipt() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("exchange.sqlite");
		let store = Store::open(&path, [1; 32]).unwrap();
		assert!(store.inbox_insert(&new(0xd0, Err(Refusal::NotGranted))).unwrap());
		assert!(store.inbox_insert(&new(0xd1, Ok(()))).unwrap());
		drop(store);
		let store = Store::open(&path, [1; 32]).unwrap();
		let refused = store.inbox_get(&key(0xd0)).unwrap().unwrap();
		assert_eq!(
			(refused.state, refused.refusal),
			(InboxState::Refused, Some(Refusal::NotGranted))
		);
		assert_eq!(store.inbox_pending_from(key(0).from).unwrap(), 2);
		assert!(store.inbox_mark_submitted(&key(0xd0), 120).unwrap());
		assert!(store.inbox_mark_final(&key(0xd0), ReceiptStatusName::Rejected, 110).unwrap());
		assert!(!store.inbox_mark_submitted(&key(0xd0), 130).unwrap(), "final");
		let rejected = store.inbox_get(&key(0xd0)).unwrap().unwrap();
		assert_eq!(rejected.state, InboxState::Rejected);
		assert_eq!(rejected.refusal, Some(Refusal::NotGranted));
		assert_eq!((rejected.receipt_era_end, rejected.receipt_block), (Some(120), Some(110)));
		assert_eq!(store.inbox_pending_from(key(0).from).unwrap(), 1);
		let awaiting = store.inbox_awaiting_receipt(10).unwrap();
		assert_eq!(awaiting.iter().map(|row| row.key).collect::<Vec<_>>(), [key(0xd1)]);
	}

	#[test]
	fn a_delivered_row_is_acknowledged_later_and_listed_by_state() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		store.inbox_insert(&new(0xd0, Ok(()))).unwrap();
		store.inbox_insert(&new(0xd1, Ok(()))).unwrap();
		assert!(store.inbox_mark_final(&key(0xd0), ReceiptStatusName::Delivered, 10).unwrap());
		assert!(store.inbox_mark_final(&key(0xd0), ReceiptStatusName::Acknowledged, 20).unwrap());
		assert!(!store.inbox_mark_final(&key(0xd0), ReceiptStatusName::Delivered, 30).unwrap());
		let acknowledged =
			store.list_inbox(None, Some(InboxState::Acknowledged), None, 10).unwrap();
		assert_eq!(acknowledged.len(), 1);
		assert_eq!(acknowledged[0].receipt_block, Some(20));
		let from_kz = store.list_inbox(Some(key(0).from), None, Some(acknowledged[0].id), 10);
		assert_eq!(from_kz.unwrap().iter().map(|row| row.key).collect::<Vec<_>>(), [key(0xd1)]);
		assert!(store.list_inbox(Some("AM".parse().unwrap()), None, None, 10).unwrap().is_empty());
		let counts = store.inbox_counts().unwrap();
		assert!(counts.contains(&(InboxState::Accepted, 1)));
		assert!(counts.contains(&(InboxState::Acknowledged, 1)));
		assert_eq!(counts.len(), 7);
	}

	#[test]
	fn a_returned_record_needs_no_receipt() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		let record = NewInbox { appendix: Some(3), ..new(0xd0, Ok(())) };
		assert!(store.inbox_insert(&record).unwrap());
		let refused = NewInbox { appendix: Some(4), ..new(0xd1, Err(Refusal::Tampered)) };
		assert!(store.inbox_insert(&refused).unwrap());
		assert!(store.inbox_awaiting_receipt(10).unwrap().is_empty());
		let row = store.inbox_get(&key(0xd0)).unwrap().unwrap();
		assert_eq!((row.state, row.appendix), (InboxState::Delivered, Some(3)));
		let row = store.inbox_get(&key(0xd1)).unwrap().unwrap();
		assert_eq!((row.state, row.refusal), (InboxState::Rejected, Some(Refusal::Tampered)));
	}

	#[test]
	fn only_a_delivered_row_is_acknowledged_and_it_waits_for_its_receipt() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		store.inbox_insert(&new(0xd0, Ok(()))).unwrap();
		assert!(!store.inbox_acknowledge(&key(0xd0)).unwrap(), "not receipted yet");
		assert!(store.inbox_mark_submitted(&key(0xd0), 70).unwrap());
		assert!(store.inbox_mark_final(&key(0xd0), ReceiptStatusName::Delivered, 10).unwrap());
		assert!(store.inbox_acknowledge(&key(0xd0)).unwrap());
		assert!(!store.inbox_acknowledge(&key(0xd0)).unwrap(), "once");
		let waiting = store.inbox_awaiting_receipt(10).unwrap();
		assert_eq!(waiting.len(), 1);
		assert_eq!(
			(waiting[0].state, waiting[0].receipt_era_end),
			(InboxState::Acknowledging, None)
		);
		// Its receipt submitted, it stays acknowledging until the receipt is final.
		assert!(store.inbox_mark_submitted(&key(0xd0), 90).unwrap());
		let row = store.inbox_get(&key(0xd0)).unwrap().unwrap();
		assert_eq!((row.state, row.receipt_era_end), (InboxState::Acknowledging, Some(90)));
		assert_eq!(store.inbox_pending_from(key(0).from).unwrap(), 0);
		assert!(store.inbox_mark_final(&key(0xd0), ReceiptStatusName::Acknowledged, 30).unwrap());
		assert!(store.inbox_awaiting_receipt(10).unwrap().is_empty());
	}
}
