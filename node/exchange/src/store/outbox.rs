//! The outbox: deliveries this administration sends. `Queued → Sent → Receipted |
//! Rejected`; `Queued → Expired | Failed`. Each envelope is sealed once and its bytes
//! kept until the row is final, so every attempt carries the same payload.

use std::time::Duration;

use codec::Encode;
use rusqlite::{params, OptionalExtension, Row};
use tamga_primitives::{CountryCode, FieldGroups, ReceiptStatusName};

use super::{groups_bits, ms, Cells, OutboxState, Store, StoreError};
use crate::{seal::Sealed, wire::MAX_ENVELOPE};

/// One delivery in the outbox (without its envelope's bytes: see [`Due`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OutboxRow {
	/// Its number, in the order rows were queued.
	pub id: i64,
	/// The receiving administration.
	pub to: CountryCode,
	/// The document.
	pub document: [u8; 32],
	/// The payload: blake2-256 of the envelope's SCALE bytes.
	pub payload: [u8; 32],
	/// The groups the envelope reveals (none for an appended record).
	pub groups: FieldGroups,
	/// For an appended record returned to the document's administration: its number on
	/// chain (the envelope holds the record).
	pub appendix: Option<u32>,
	/// Where it stands.
	pub state: OutboxState,
	/// How many attempts failed.
	pub attempts: u32,
	/// When it is next tried, in unix milliseconds.
	pub next_attempt_at: u64,
	/// The receiver's node (PeerId) that took it last.
	pub last_peer: Option<String>,
	/// Why the last attempt failed.
	pub last_error: Option<String>,
	/// When it was queued, in unix milliseconds.
	pub created_at: u64,
	/// When the receiver last took it, in unix milliseconds.
	pub sent_at: Option<u64>,
	/// The final receipt's status.
	pub receipt: Option<ReceiptStatusName>,
	/// The block the final receipt was read at.
	pub receipt_block: Option<u32>,
}

/// A row due for an attempt, with the envelope to send.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Due {
	/// The row.
	pub row: OutboxRow,
	/// Its envelope, as sealed at enqueue.
	pub envelope: Sealed,
}

const COLUMNS: &str = "id, to_country, document, payload, groups, appendix, state, attempts, \
	next_attempt_at, last_peer, last_error, created_at, sent_at, receipt_status, receipt_block";

fn row(row: &Row) -> Result<OutboxRow, StoreError> {
	let cells = Cells { row, table: "outbox" };
	Ok(OutboxRow {
		id: cells.get("id")?,
		to: cells.named("to_country")?,
		document: cells.get("document")?,
		payload: cells.get("payload")?,
		groups: cells.groups("groups")?,
		appendix: cells.get("appendix")?,
		state: cells.named("state")?,
		attempts: cells.get("attempts")?,
		next_attempt_at: cells.unsigned("next_attempt_at")?,
		last_peer: cells.get("last_peer")?,
		last_error: cells.get("last_error")?,
		created_at: cells.unsigned("created_at")?,
		sent_at: cells.unsigned_opt("sent_at")?,
		receipt: cells.read_opt("receipt_status", |text: String| text.parse().ok())?,
		receipt_block: cells.get("receipt_block")?,
	})
}

/// How long to wait after the `attempts`-th failed attempt (from 1): one second, doubled
/// each time, at most ten minutes.
pub fn backoff(attempts: u32) -> Duration {
	let doublings = attempts.saturating_sub(1).min(10);
	Duration::from_secs(1 << doublings).min(Duration::from_secs(600))
}

impl Store {
	/// Queues `envelope` for `to` about `document`, revealing `groups`, and gives its row
	/// and whether it is new: the same envelope queued again is the same row.
	pub fn enqueue(
		&self,
		to: CountryCode,
		document: [u8; 32],
		groups: FieldGroups,
		envelope: &Sealed,
		now_ms: u64,
	) -> Result<(i64, bool), StoreError> {
		self.insert(to, document, groups, None, envelope, now_ms)
	}

	/// Queues `envelope`, which holds record `appendix` of `document`, for `to`; as
	/// [`Store::enqueue`] does.
	pub fn enqueue_appendix(
		&self,
		to: CountryCode,
		document: [u8; 32],
		appendix: u32,
		envelope: &Sealed,
		now_ms: u64,
	) -> Result<(i64, bool), StoreError> {
		self.insert(to, document, FieldGroups::default(), Some(appendix), envelope, now_ms)
	}

	fn insert(
		&self,
		to: CountryCode,
		document: [u8; 32],
		groups: FieldGroups,
		appendix: Option<u32>,
		envelope: &Sealed,
		now_ms: u64,
	) -> Result<(i64, bool), StoreError> {
		let bytes = envelope.encode();
		if bytes.len() > MAX_ENVELOPE {
			return Err(StoreError::TooLarge(bytes.len()));
		}
		let payload = crate::wire::payload(envelope);
		let (to, groups, now) = (to.to_string(), groups_bits(groups), ms(now_ms));
		let inserted = self
			.connection
			.prepare_cached(
				"INSERT INTO outbox(to_country, document, payload, groups, envelope, state, \
				 next_attempt_at, created_at, appendix) \
				 VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?6, ?7) \
				 ON CONFLICT(to_country, document, payload) DO NOTHING RETURNING id",
			)?
			.query_row(params![to, document, payload, groups, bytes, now, appendix], |row| {
				row.get(0)
			})
			.optional()?;
		if let Some(id) = inserted {
			return Ok((id, true));
		}
		let id = self.connection.query_row(
			"SELECT id FROM outbox WHERE to_country = ?1 AND document = ?2 AND payload = ?3",
			params![to, document, payload],
			|row| row.get(0),
		)?;
		Ok((id, false))
	}

	/// Up to `limit` queued rows whose next attempt is due at `now_ms`, oldest first, with
	/// their envelopes.
	pub fn due(&self, now_ms: u64, limit: usize) -> Result<Vec<Due>, StoreError> {
		let sql = format!(
			"SELECT {COLUMNS}, envelope FROM outbox WHERE state = 'queued' \
			 AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2"
		);
		self.rows(&sql, params![ms(now_ms), limit as i64], |found| {
			let envelope = Cells { row: found, table: "outbox" }.envelope("envelope")?;
			Ok(Due { row: row(found)?, envelope })
		})
	}

	/// Row `id`, queued, was taken by the receiver's node `peer` (it answered `Accepted` or
	/// `AlreadyHave`): its receipt is now awaited. False if it was not queued.
	pub fn mark_sent(&self, id: i64, peer: &str, now_ms: u64) -> Result<bool, StoreError> {
		let changed = self.connection.execute(
			"UPDATE outbox SET state = 'sent', last_peer = ?2, sent_at = ?3, last_error = NULL \
			 WHERE id = ?1 AND state = 'queued'",
			params![id, peer, ms(now_ms)],
		)?;
		Ok(changed == 1)
	}

	/// An attempt at row `id`, queued, failed with `error`: counts it and puts the next
	/// attempt [`backoff`] later, scaled by `1 + jitter` (`jitter` within ±0.2). Gives when
	/// the next attempt is due, or `None` if the row was not queued.
	pub fn retry_later(
		&self,
		id: i64,
		error: &str,
		now_ms: u64,
		jitter: f64,
	) -> Result<Option<u64>, StoreError> {
		self.atomically(|store| {
			let attempts: Option<u32> = store
				.connection
				.query_row(
					"SELECT attempts FROM outbox WHERE id = ?1 AND state = 'queued'",
					[id],
					|row| row.get(0),
				)
				.optional()?;
			let Some(attempts) = attempts.map(|attempts| attempts.saturating_add(1)) else {
				return Ok(None);
			};
			let jitter = if jitter.is_nan() { 0.0 } else { jitter.clamp(-0.2, 0.2) };
			let wait = (backoff(attempts).as_millis() as f64 * (1.0 + jitter)).round() as u64;
			let next = now_ms.saturating_add(wait);
			store.connection.execute(
				"UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 \
				 WHERE id = ?1",
				params![id, attempts, ms(next), error],
			)?;
			Ok(Some(next))
		})
	}

	/// Gives up on row `id`, queued or sent, for `error` (a configuration error): it
	/// becomes `Failed` and its envelope is dropped. False if it was final already.
	pub fn mark_failed(&self, id: i64, error: &str) -> Result<bool, StoreError> {
		let changed = self.connection.execute(
			"UPDATE outbox SET state = 'failed', last_error = ?2, envelope = NULL \
			 WHERE id = ?1 AND state IN ('queued', 'sent')",
			params![id, error],
		)?;
		Ok(changed == 1)
	}

	/// Up to `limit` sent rows, oldest first: their receipts are awaited.
	pub fn awaiting_receipt(&self, limit: usize) -> Result<Vec<OutboxRow>, StoreError> {
		self.rows(
			&format!("SELECT {COLUMNS} FROM outbox WHERE state = 'sent' ORDER BY id LIMIT ?1"),
			[limit as i64],
			row,
		)
	}

	/// The receiver's receipt for row `id` is final at block `block` with `status`:
	/// `Delivered` and `Acknowledged` make it `Receipted`, `Rejected` `Rejected`; its
	/// envelope is dropped. False if it was final already.
	pub fn mark_receipted(
		&self,
		id: i64,
		status: ReceiptStatusName,
		block: u32,
	) -> Result<bool, StoreError> {
		let state = match status {
			ReceiptStatusName::Delivered | ReceiptStatusName::Acknowledged => {
				OutboxState::Receipted
			},
			ReceiptStatusName::Rejected => OutboxState::Rejected,
		};
		let changed = self.connection.execute(
			"UPDATE outbox SET state = ?2, receipt_status = ?3, receipt_block = ?4, \
			 envelope = NULL WHERE id = ?1 AND state IN ('queued', 'sent')",
			params![id, state.as_str(), status.as_str(), block],
		)?;
		Ok(changed == 1)
	}

	/// Puts the rows sent before `sent_before_ms` with no receipt yet back in the queue,
	/// due at once (the receiver answers a repeat `AlreadyHave`). Gives how many.
	pub fn requeue_stale(&self, sent_before_ms: u64) -> Result<usize, StoreError> {
		Ok(self.connection.execute(
			"UPDATE outbox SET state = 'queued' WHERE state = 'sent' AND sent_at < ?1",
			[ms(sent_before_ms)],
		)?)
	}

	/// Gives up on the rows queued before `created_before_ms` and still queued: they
	/// become `Expired` and their envelopes are dropped. Gives how many.
	pub fn expire(&self, created_before_ms: u64) -> Result<usize, StoreError> {
		Ok(self.connection.execute(
			"UPDATE outbox SET state = 'expired', envelope = NULL \
			 WHERE state = 'queued' AND created_at < ?1",
			[ms(created_before_ms)],
		)?)
	}

	/// Up to `limit` rows in `state` (any if `None`) after row `after_id`, by id.
	pub fn list_outbox(
		&self,
		state: Option<OutboxState>,
		after_id: Option<i64>,
		limit: usize,
	) -> Result<Vec<OutboxRow>, StoreError> {
		self.rows(
			&format!(
				"SELECT {COLUMNS} FROM outbox WHERE (?1 IS NULL OR state = ?1) \
				 AND (?2 IS NULL OR id > ?2) ORDER BY id LIMIT ?3"
			),
			params![state.map(OutboxState::as_str), after_id, limit as i64],
			row,
		)
	}

	/// How many rows are in each state (every state, zeros included).
	pub fn outbox_counts(&self) -> Result<Vec<(OutboxState, u64)>, StoreError> {
		self.counts("outbox")
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::FieldGroup;

	fn envelope(byte: u8) -> Sealed {
		Sealed { ephemeral: [byte; 32], nonce: [2; 12], ciphertext: vec![byte; 40] }
	}

	fn kg() -> CountryCode {
		"KG".parse().unwrap()
	}

	fn goods() -> FieldGroups {
		FieldGroups::of(&[FieldGroup::Goods])
	}

	#[test]
	fn a_queued_row_survives_a_restart_with_its_envelope() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("exchange.sqlite");
		let store = Store::open(&path, [1; 32]).unwrap();
		let (id, inserted) = store.enqueue(kg(), [0xd0; 32], goods(), &envelope(7), 1_000).unwrap();
		assert!(inserted);
		drop(store);
		let store = Store::open(&path, [1; 32]).unwrap();
		let due = store.due(1_000, 10).unwrap();
		assert_eq!(due.len(), 1);
		assert_eq!(due[0].envelope, envelope(7));
		let row = &due[0].row;
		assert_eq!((row.id, row.to, row.document, row.groups), (id, kg(), [0xd0; 32], goods()));
		assert_eq!((row.state, row.attempts, row.created_at), (OutboxState::Queued, 0, 1_000));
		assert_eq!(row.payload, crate::wire::payload(&envelope(7)));
		assert!(store.due(999, 10).unwrap().is_empty(), "not due before it was queued");
		assert_eq!(row.appendix, None);
		let (record, _) = store.enqueue_appendix(kg(), [0xd0; 32], 2, &envelope(8), 1_000).unwrap();
		let listed = store.list_outbox(None, Some(id), 10).unwrap();
		assert_eq!(
			listed.iter().map(|r| (r.id, r.appendix)).collect::<Vec<_>>(),
			[(record, Some(2))]
		);
		assert!(listed[0].groups.is_empty());
	}

	#[test]
	fn the_same_envelope_queued_twice_is_one_row() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		let (first, inserted) = store.enqueue(kg(), [0xd0; 32], goods(), &envelope(7), 0).unwrap();
		assert!(inserted);
		assert_eq!(
			store.enqueue(kg(), [0xd0; 32], goods(), &envelope(7), 5).unwrap(),
			(first, false)
		);
		let (other, inserted) = store.enqueue(kg(), [0xd0; 32], goods(), &envelope(8), 5).unwrap();
		assert!(inserted && other != first, "another envelope is another delivery");
		assert_eq!(store.list_outbox(None, None, 10).unwrap().len(), 2);
		let big = Sealed { ciphertext: vec![0; MAX_ENVELOPE], ..envelope(9) };
		assert!(matches!(
			store.enqueue(kg(), [0; 32], goods(), &big, 0),
			Err(StoreError::TooLarge(_))
		));
	}

	#[test]
	fn backoff_doubles_from_a_second_up_to_ten_minutes() {
		let seconds: Vec<u64> = (1..=12).map(|attempts| backoff(attempts).as_secs()).collect();
		assert_eq!(seconds, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]);
		assert_eq!(backoff(0), Duration::from_secs(1));
		assert_eq!(backoff(u32::MAX), Duration::from_secs(600));
	}

	#[test]
	fn a_failed_attempt_is_not_due_again_before_its_backoff() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		let (id, _) = store.enqueue(kg(), [0xd0; 32], goods(), &envelope(7), 0).unwrap();
		assert_eq!(store.retry_later(id, "refused", 10_000, 0.0).unwrap(), Some(11_000));
		assert!(store.due(10_999, 10).unwrap().is_empty());
		assert_eq!(store.due(11_000, 10).unwrap().len(), 1);
		assert_eq!(store.retry_later(id, "busy", 11_000, 0.1).unwrap(), Some(13_200));
		assert_eq!(store.retry_later(id, "busy", 20_000, 5.0).unwrap(), Some(24_800), "±20 %");
		let row = &store.list_outbox(None, None, 1).unwrap()[0];
		assert_eq!((row.attempts, row.last_error.as_deref()), (3, Some("busy")));
		assert!(store.mark_sent(id, "12D3KooW", 30_000).unwrap());
		assert_eq!(store.retry_later(id, "late", 30_000, 0.0).unwrap(), None, "not queued");
	}

	#[test]
	fn a_row_is_sent_then_receipted_and_its_envelope_dropped() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		let (id, _) = store.enqueue(kg(), [0xd0; 32], goods(), &envelope(7), 0).unwrap();
		let (rejected, _) = store.enqueue(kg(), [0xd1; 32], goods(), &envelope(8), 0).unwrap();
		assert!(store.mark_sent(id, "12D3KooW", 100).unwrap());
		assert!(!store.mark_sent(id, "12D3KooW", 100).unwrap(), "sent already");
		assert_eq!(store.awaiting_receipt(10).unwrap().len(), 1);
		assert_eq!(store.requeue_stale(100).unwrap(), 0);
		assert_eq!(store.requeue_stale(101).unwrap(), 1);
		assert_eq!(store.due(0, 10).unwrap().len(), 2, "stale rows are due at once");
		assert!(store.mark_sent(id, "12D3KooW", 200).unwrap());
		assert!(store.mark_receipted(id, ReceiptStatusName::Delivered, 42).unwrap());
		assert!(!store.mark_receipted(id, ReceiptStatusName::Rejected, 43).unwrap(), "final");
		assert!(store.mark_receipted(rejected, ReceiptStatusName::Rejected, 44).unwrap());
		let rows = store.list_outbox(None, None, 10).unwrap();
		assert_eq!((rows[0].state, rows[0].receipt_block), (OutboxState::Receipted, Some(42)));
		assert_eq!(rows[0].receipt, Some(ReceiptStatusName::Delivered));
		assert_eq!(rows[1].state, OutboxState::Rejected);
		let kept: i64 = store
			.connection
			.query_row("SELECT count(*) FROM outbox WHERE envelope IS NOT NULL", [], |r| r.get(0))
			.unwrap();
		assert_eq!(kept, 0);
		assert!(store.awaiting_receipt(10).unwrap().is_empty());
	}

	#[test]
	fn old_rows_expire_or_fail_and_are_counted() {
		let store = Store::open(&tempfile::tempdir().unwrap().path().join("x"), [1; 32]).unwrap();
		let (old, _) = store.enqueue(kg(), [0xd0; 32], goods(), &envelope(7), 0).unwrap();
		let (bad, _) = store.enqueue(kg(), [0xd1; 32], goods(), &envelope(8), 50).unwrap();
		store.enqueue(kg(), [0xd2; 32], goods(), &envelope(9), 100).unwrap();
		assert_eq!(store.expire(50).unwrap(), 1);
		assert!(store.mark_failed(bad, "WrongReceiver").unwrap());
		assert!(!store.mark_failed(old, "late").unwrap(), "expired already");
		let counts = store.outbox_counts().unwrap();
		assert_eq!(counts[0], (OutboxState::Queued, 1));
		assert!(counts.contains(&(OutboxState::Expired, 1)));
		assert!(counts.contains(&(OutboxState::Failed, 1)));
		assert!(counts.contains(&(OutboxState::Sent, 0)));
		let failed = store.list_outbox(Some(OutboxState::Failed), None, 10).unwrap();
		assert_eq!(failed.iter().map(|row| row.id).collect::<Vec<_>>(), [bad]);
		assert_eq!(store.list_outbox(None, Some(bad), 10).unwrap().len(), 1, "after `bad`");
	}
}
