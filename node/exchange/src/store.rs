//! The outbox and the inbox of deliveries, in one SQLite file that survives restarts
//! (`<data path>/exchange/exchange.sqlite`): write-ahead log, `synchronous = FULL` (an
//! `Accepted` answer promises that the row survives a power loss), mode `0600`. The file
//! names its chain; another chain's file is refused.
//!
//! - The outbox ([`Store::enqueue`], [`Store::due`], ...): what this administration
//!   sends, sealed once and re-sent as is until the receiver's receipt is final.
//! - The inbox ([`Store::inbox_insert`], [`Store::inbox_awaiting_receipt`], ...): what it
//!   received, stored before it is answered and kept sealed (no plaintext on disk).

use std::{fs, path::Path, str::FromStr};

use codec::{Decode, Encode};
use rusqlite::{types::Value, Connection, OptionalExtension, Row, TransactionBehavior};
use tamga_primitives::Named;

mod inbox;
mod outbox;
mod sql;

use sql::{groups_bits, ms, Cells};

pub use inbox::{InboxKey, InboxRow, NewInbox};
pub use outbox::{backoff, Due, OutboxRow};

/// The version of the file's tables this code reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE outbox(
	id INTEGER PRIMARY KEY, to_country TEXT NOT NULL, document BLOB NOT NULL,
	payload BLOB NOT NULL, groups INTEGER NOT NULL, appendix INTEGER, envelope BLOB,
	state TEXT NOT NULL
		CHECK(state IN ('queued', 'sent', 'receipted', 'rejected', 'expired', 'failed')),
	attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
	last_peer TEXT, last_error TEXT, created_at INTEGER NOT NULL, sent_at INTEGER,
	receipt_status TEXT, receipt_block INTEGER,
	UNIQUE(to_country, document, payload));
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE TABLE inbox(
	id INTEGER PRIMARY KEY, from_country TEXT NOT NULL, document BLOB NOT NULL,
	payload BLOB NOT NULL, peer TEXT NOT NULL, groups INTEGER NOT NULL, appendix INTEGER,
	envelope BLOB NOT NULL,
	state TEXT NOT NULL CHECK(state IN ('accepted', 'refused', 'receiptSubmitted',
		'delivered', 'rejected', 'acknowledged', 'acknowledging')),
	refusal TEXT, received_at INTEGER NOT NULL, receipt_era_end INTEGER,
	receipt_block INTEGER,
	UNIQUE(from_country, document, payload));
CREATE INDEX inbox_state ON inbox(state, from_country);
";

/// Why the store could not be opened, read or written.
#[derive(Debug)]
pub enum StoreError {
	/// Its directory or file could not be created or given its permissions.
	Io(std::path::PathBuf, std::io::Error),
	/// SQLite failed.
	Sqlite(rusqlite::Error),
	/// The file belongs to the chain of another genesis hash.
	OtherChain {
		/// The genesis hash of the running chain.
		ours: [u8; 32],
		/// The one the file names.
		file: Vec<u8>,
	},
	/// The file's tables are of a version this code does not know.
	Schema(i64),
	/// A value in the file is not one this code writes.
	Corrupt {
		/// The table.
		table: &'static str,
		/// The column.
		column: &'static str,
	},
	/// The envelope is larger than a request may carry ([`crate::wire::MAX_ENVELOPE`]).
	TooLarge(usize),
}

impl core::fmt::Display for StoreError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::Io(path, e) => write!(f, "cannot create {}: {e}", path.display()),
			Self::Sqlite(e) => write!(f, "exchange store: {e}"),
			Self::OtherChain { ours, file } => write!(
				f,
				"the exchange store belongs to the chain of genesis 0x{}, not 0x{}",
				hex(file),
				hex(ours)
			),
			Self::Schema(version) => {
				write!(f, "the exchange store is of schema version {version}, not {SCHEMA_VERSION}")
			},
			Self::Corrupt { table, column } => {
				write!(f, "the exchange store holds an unreadable {table}.{column}")
			},
			Self::TooLarge(bytes) => write!(
				f,
				"an envelope of {bytes} bytes is larger than a delivery may carry ({} bytes)",
				crate::wire::MAX_ENVELOPE
			),
		}
	}
}

impl std::error::Error for StoreError {
	fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
		match self {
			Self::Io(_, e) => Some(e),
			Self::Sqlite(e) => Some(e),
			_ => None,
		}
	}
}

impl From<rusqlite::Error> for StoreError {
	fn from(e: rusqlite::Error) -> Self {
		Self::Sqlite(e)
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Where a delivery this administration sends stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OutboxState {
	/// Waiting for its next attempt.
	Queued,
	/// The receiver stored it; its receipt is awaited.
	Sent,
	/// The receiver's `Delivered` or `Acknowledged` receipt is final (the envelope is
	/// dropped).
	Receipted,
	/// The receiver's `Rejected` receipt is final (the envelope is dropped).
	Rejected,
	/// Never stored by the receiver in the time allowed (the envelope is dropped).
	Expired,
	/// Given up on for a configuration error (the envelope is dropped).
	Failed,
}

/// Where a delivery this administration received stands. Travels in
/// [`Answer::AlreadyHave`](crate::wire::Answer::AlreadyHave).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
pub enum InboxState {
	/// Stored, opened and matched the document; its `Delivered` receipt is to be sent.
	#[codec(index = 0)]
	Accepted,
	/// Stored and refused; its `Rejected` receipt is to be sent.
	#[codec(index = 1)]
	Refused,
	/// Its receipt is submitted and not yet final.
	#[codec(index = 2)]
	ReceiptSubmitted,
	/// Its `Delivered` receipt is final.
	#[codec(index = 3)]
	Delivered,
	/// Its `Rejected` receipt is final.
	#[codec(index = 4)]
	Rejected,
	/// Its `Acknowledged` receipt is final: the administration's systems took it over.
	#[codec(index = 5)]
	Acknowledged,
	/// Delivered, and the administration's systems took it over: its `Acknowledged`
	/// receipt is to be sent or not yet final.
	#[codec(index = 6)]
	Acknowledging,
}

// The states' names: `as_str`, `Display`, `FromStr` (ignoring case, `-` and `_`), and
// serde as the name (under the `std` feature).
tamga_primitives::impl_named!(OutboxState, "outbox state", {
	Queued => "queued",
	Sent => "sent",
	Receipted => "receipted",
	Rejected => "rejected",
	Expired => "expired",
	Failed => "failed",
});

tamga_primitives::impl_named!(InboxState, "inbox state", {
	Accepted => "accepted",
	Refused => "refused",
	ReceiptSubmitted => "receiptSubmitted",
	Delivered => "delivered",
	Rejected => "rejected",
	Acknowledged => "acknowledged",
	Acknowledging => "acknowledging",
});

/// The outbox and inbox file. One connection: use it from one thread.
pub struct Store {
	connection: Connection,
}

impl Store {
	/// Opens the file at `path` for the chain of genesis hash `genesis`, creating its
	/// directory, the file (mode `0600`) and its tables if missing.
	pub fn open(path: &Path, genesis: [u8; 32]) -> Result<Store, StoreError> {
		create_private(path)?;
		let mut connection = Connection::open(path)?;
		connection.execute_batch(
			"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;",
		)?;
		let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
		let fresh: bool = transaction.query_row(
			"SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
			[],
			|row| row.get(0),
		)?;
		if fresh {
			transaction.execute_batch(SCHEMA)?;
			let insert = "INSERT INTO meta(key, value) VALUES (?1, ?2)";
			transaction.execute(insert, ("schema_version", SCHEMA_VERSION))?;
			transaction.execute(insert, ("genesis", &genesis[..]))?;
		}
		let meta = |key: &str| {
			transaction
				.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
					row.get::<_, Value>(0)
				})
				.optional()
		};
		match meta("schema_version")? {
			Some(Value::Integer(SCHEMA_VERSION)) => {},
			Some(Value::Integer(other)) => return Err(StoreError::Schema(other)),
			_ => return Err(StoreError::Corrupt { table: "meta", column: "schema_version" }),
		}
		match meta("genesis")? {
			Some(Value::Blob(file)) if file == genesis => {},
			Some(Value::Blob(file)) => return Err(StoreError::OtherChain { ours: genesis, file }),
			_ => return Err(StoreError::Corrupt { table: "meta", column: "genesis" }),
		}
		transaction.commit()?;
		connection.set_prepared_statement_cache_capacity(32);
		Ok(Store { connection })
	}

	/// Runs `work` as one transaction: its writes reach the disk together, with one sync,
	/// or not at all if it fails. Within a transaction already, it joins that one.
	pub fn atomically<T>(
		&self,
		work: impl FnOnce(&Self) -> Result<T, StoreError>,
	) -> Result<T, StoreError> {
		if !self.connection.is_autocommit() {
			return work(self);
		}
		let transaction = self.connection.unchecked_transaction()?;
		let value = work(self)?;
		transaction.commit()?;
		Ok(value)
	}

	/// The rows `sql` selects with `params`, each made a `T` by `read`.
	fn rows<T>(
		&self,
		sql: &str,
		params: impl rusqlite::Params,
		read: impl Fn(&Row) -> Result<T, StoreError>,
	) -> Result<Vec<T>, StoreError> {
		let mut statement = self.connection.prepare_cached(sql)?;
		let mut rows = statement.query(params)?;
		let mut out = Vec::new();
		while let Some(row) = rows.next()? {
			out.push(read(row)?);
		}
		Ok(out)
	}

	/// How many rows of `table` are in each state `S` (every state, zeros included).
	fn counts<S: Named + FromStr>(&self, table: &'static str) -> Result<Vec<(S, u64)>, StoreError> {
		let sql = format!("SELECT state, count(*) AS n FROM {table} GROUP BY state");
		let found = self.rows(&sql, [], |row| {
			let cells = Cells { row, table };
			Ok((cells.named::<S>("state")?, cells.unsigned("n")?))
		})?;
		Ok(S::ALL
			.iter()
			.map(|state| (*state, found.iter().find(|(s, _)| s == state).map_or(0, |(_, n)| *n)))
			.collect())
	}
}

/// Creates `path`'s directory (`0700`) and the file (`0600`) if missing, and takes away
/// any permission of others on the file.
fn create_private(path: &Path) -> Result<(), StoreError> {
	use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
	let io = |at: &Path| {
		let at = at.to_path_buf();
		move |e| StoreError::Io(at, e)
	};
	if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
		fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(io(dir))?;
	}
	let file = fs::OpenOptions::new()
		.write(true)
		.create(true)
		.truncate(false)
		.mode(0o600)
		.open(path)
		.map_err(io(path))?;
	let mode = file.metadata().map_err(io(path))?.permissions().mode();
	if mode & 0o077 != 0 {
		file.set_permissions(fs::Permissions::from_mode(0o600)).map_err(io(path))?;
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Sealed;
	use std::os::unix::fs::PermissionsExt;
	use tamga_primitives::FieldGroups;

	#[test]
	fn a_file_is_its_owners_and_its_chains() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("exchange").join("exchange.sqlite");
		let store = Store::open(&path, [1; 32]).unwrap();
		let envelope = Sealed { ephemeral: [1; 32], nonce: [2; 12], ciphertext: vec![3; 20] };
		let kg = "KG".parse().unwrap();
		store.enqueue(kg, [0xd0; 32], FieldGroups::default(), &envelope, 0).unwrap();
		for file in ["exchange.sqlite", "exchange.sqlite-wal"] {
			let mode = fs::metadata(path.with_file_name(file)).unwrap().permissions().mode();
			assert_eq!(mode & 0o777, 0o600, "{file}");
		}
		drop(store);
		assert!(Store::open(&path, [1; 32]).is_ok());
		match Store::open(&path, [2; 32]) {
			Err(StoreError::OtherChain { ours, file }) => {
				assert_eq!((ours, file), ([2; 32], vec![1; 32]))
			},
			other => panic!("another chain's file opened: {:?}", other.map(|_| ())),
		}
		let connection = Connection::open(&path).unwrap();
		connection.execute("UPDATE meta SET value = 2 WHERE key = 'schema_version'", []).unwrap();
		drop(connection);
		assert!(matches!(Store::open(&path, [1; 32]), Err(StoreError::Schema(2))));
	}

	#[test]
	fn writes_made_together_are_kept_together_or_not_at_all() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("exchange.sqlite");
		let store = Store::open(&path, [1; 32]).unwrap();
		let envelope = Sealed { ephemeral: [1; 32], nonce: [2; 12], ciphertext: vec![3; 20] };
		let kg = "KG".parse().unwrap();
		let enqueue = |store: &Store, document: u8| {
			store.enqueue(kg, [document; 32], FieldGroups::default(), &envelope, 0).map(|_| ())
		};
		let failed: Result<(), _> = store.atomically(|store| {
			enqueue(store, 0xd0)?;
			// A retry inside joins the same transaction.
			store.retry_later(1, "busy", 0, 0.0)?;
			Err(StoreError::Corrupt { table: "outbox", column: "state" })
		});
		assert!(failed.is_err());
		assert_eq!(store.list_outbox(None, None, 10).unwrap().len(), 0, "rolled back");
		store
			.atomically(|store| {
				enqueue(store, 0xd1)?;
				enqueue(store, 0xd2)
			})
			.unwrap();
		drop(store);
		let reopened = Store::open(&path, [1; 32]).unwrap();
		assert_eq!(reopened.list_outbox(None, None, 10).unwrap().len(), 2, "both kept");
	}

	#[test]
	fn states_have_stable_names_and_encodings() {
		assert_eq!(
			OutboxState::NAMES,
			["queued", "sent", "receipted", "rejected", "expired", "failed"]
		);
		assert_eq!("receiptSubmitted".parse::<InboxState>(), Ok(InboxState::ReceiptSubmitted));
		for (index, state) in InboxState::ALL.iter().enumerate() {
			assert_eq!(state.encode(), [index as u8]);
			assert_eq!(state.as_str().parse::<InboxState>(), Ok(*state));
		}
		assert!(InboxState::decode(&mut &[7u8][..]).is_err());
		let json = serde_json::to_string(&InboxState::ReceiptSubmitted).unwrap();
		assert_eq!(json, r#""receiptSubmitted""#);
		assert_eq!(
			serde_json::from_str::<OutboxState>(r#""receipted""#).unwrap(),
			OutboxState::Receipted
		);
	}
}
