//! Where the index lives: an SQLite file (embedded, nothing to install) or a PostgreSQL
//! database, behind one small interface, so the indexer, the queries and the statistics
//! are written once. Every batch of blocks is written in one transaction together with the
//! number of the last block it holds: an index killed at any moment restarts after the
//! last committed block, with nothing lost and nothing twice.

mod postgres;
pub mod schema;
mod sqlite;

use crate::rows::{BlockRows, Party, Recall, Subject};

/// A value bound to a statement, typed (PostgreSQL wants a `NULL`'s type too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
	/// A 64-bit integer, or `NULL`.
	Int(Option<i64>),
	/// Text, or `NULL`.
	Text(Option<String>),
	/// A boolean.
	Bool(bool),
}

/// A value read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
	/// `NULL`.
	Null,
	/// An integer.
	Int(i64),
	/// Text.
	Text(String),
	/// A boolean.
	Bool(bool),
}

impl Cell {
	/// The text, if it is text.
	pub fn text(&self) -> Option<&str> {
		match self {
			Cell::Text(t) => Some(t),
			_ => None,
		}
	}

	/// The integer, if it is one.
	pub fn int(&self) -> Option<i64> {
		match self {
			Cell::Int(i) => Some(*i),
			_ => None,
		}
	}
}

/// What each database does for the index.
pub trait Backend {
	/// `sqlite` or `postgres`.
	fn name(&self) -> &'static str;
	/// Runs statements without parameters (schema, `BEGIN`, `COMMIT`).
	fn batch(&mut self, sql: &str) -> Result<(), String>;
	/// Runs one statement with `params` (prepared once and kept).
	fn execute(&mut self, sql: &str, params: &[Param]) -> Result<(), String>;
	/// Runs a query; each row's cells in order.
	fn select(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, String>;
	/// The statement that starts a write transaction.
	fn begin(&self) -> &'static str {
		"BEGIN"
	}
}

/// An open index.
pub struct Store {
	backend: Box<dyn Backend>,
}

pub use postgres::shown as database_shown;

/// Whether `database` names a PostgreSQL database (a `postgres://` or `postgresql://`
/// URL) rather than an SQLite file.
pub fn is_postgres(database: &str) -> bool {
	database.starts_with("postgres://") || database.starts_with("postgresql://")
}

impl Store {
	/// Opens (creating if needed) the index at `database`: a `postgres://` URL or an
	/// SQLite file's path.
	pub fn open(database: &str) -> Result<Self, String> {
		let backend: Box<dyn Backend> = if is_postgres(database) {
			Box::new(postgres::Postgres::connect(database)?)
		} else {
			Box::new(sqlite::Sqlite::open(database)?)
		};
		let mut store = Self { backend };
		for statement in schema::CREATE {
			store.backend.batch(statement)?;
		}
		match store.meta("schema")? {
			None => store.set_meta("schema", schema::SCHEMA_VERSION)?,
			Some(v) if v == schema::SCHEMA_VERSION => {},
			Some(other) => {
				return Err(format!(
					"{database} holds an index of schema version {other}, this tool writes \
					 version {}: index into a new database",
					schema::SCHEMA_VERSION
				))
			},
		}
		Ok(store)
	}

	/// Opens the index at `database` to read it: refused when there is none yet (an
	/// SQLite file that does not exist, a database no indexer wrote to), rather than
	/// answering every question with nothing.
	pub fn open_existing(database: &str) -> Result<Self, String> {
		if !is_postgres(database) && !std::path::Path::new(database).exists() {
			return Err(format!("there is no index at {database}: run `tamga audit index` first"));
		}
		let mut store = Self::open(database)?;
		if store.meta("genesis")?.is_none() {
			return Err(format!("{database} holds no index yet: run `tamga audit index` first"));
		}
		Ok(store)
	}

	/// `sqlite` or `postgres`.
	pub fn backend_name(&self) -> &'static str {
		self.backend.name()
	}

	/// A `meta` value.
	pub fn meta(&mut self, key: &str) -> Result<Option<String>, String> {
		let rows = self.backend.select(schema::GET_META, &[text(key)])?;
		Ok(rows.into_iter().next().and_then(|r| r.into_iter().next()).and_then(|c| match c {
			Cell::Text(t) => Some(t),
			_ => None,
		}))
	}

	fn set_meta(&mut self, key: &str, value: &str) -> Result<(), String> {
		self.backend.execute(schema::SET_META, &[text(key), text(value)])
	}

	/// Ties the index to the chain whose genesis hash is `genesis`: the first time it is
	/// recorded; afterwards another chain is refused.
	pub fn bind_to_chain(&mut self, genesis: &str) -> Result<(), String> {
		match self.meta("genesis")? {
			None => self.set_meta("genesis", genesis),
			Some(known) if known == genesis => Ok(()),
			Some(known) => Err(format!(
				"this index holds the chain whose genesis is {known}; the node serves the \
				 chain whose genesis is {genesis}: index it into another database"
			)),
		}
	}

	/// The last block indexed, if any.
	pub fn last_block(&mut self) -> Result<Option<u32>, String> {
		self.meta("last_block")?
			.map(|n| n.parse().map_err(|e| format!("the index's last block `{n}`: {e}")))
			.transpose()
	}

	/// Writes `blocks` (consecutive, after the last block indexed) in one transaction
	/// with the new last block.
	pub fn write(&mut self, blocks: &[BlockRows]) -> Result<(), String> {
		let Some(last) = blocks.last() else { return Ok(()) };
		self.backend.batch(self.backend.begin())?;
		let outcome = self.write_rows(blocks, last.block.number);
		match outcome {
			Ok(()) => self.backend.batch("COMMIT"),
			Err(e) => {
				let _ = self.backend.batch("ROLLBACK");
				Err(e)
			},
		}
	}

	fn write_rows(&mut self, blocks: &[BlockRows], last: u32) -> Result<(), String> {
		let b = &mut self.backend;
		for rows in blocks {
			let block = &rows.block;
			b.execute(
				schema::INSERT_BLOCK,
				&[
					int(block.number),
					text(&block.hash),
					Param::Int(block.time_ms),
					int(block.spec_version),
				],
			)?;
			for c in &rows.calls {
				b.execute(
					schema::INSERT_CALL,
					&[
						int(c.block),
						int(c.extrinsic),
						Param::Text(c.signer.clone()),
						text(&c.pallet),
						text(&c.call),
						text(&c.args),
						Param::Bool(c.success),
						Param::Text(c.error.clone()),
					],
				)?;
			}
			for e in &rows.events {
				b.execute(
					schema::INSERT_EVENT,
					&[
						int(e.block),
						int(e.position),
						Param::Int(e.extrinsic.map(i64::from)),
						Param::Int(e.time_ms),
						Param::Text(e.month.clone()),
						Param::Text(e.signer.clone()),
						text(&e.pallet),
						text(&e.event),
						text(&e.fields),
						Param::Text(e.subject.clone()),
						Param::Text(e.issuer.clone()),
						Param::Text(e.account.clone()),
						Param::Text(e.office.clone()),
						Param::Text(e.country.clone()),
						Param::Text(e.partner.clone()),
						Param::Text(e.kind.clone()),
						Param::Text(e.operator.clone()),
					],
				)?;
			}
			for s in &rows.subjects {
				b.execute(
					schema::UPSERT_SUBJECT,
					&[
						text(&s.pallet),
						text(&s.id),
						Param::Text(s.issuer.clone()),
						Param::Text(s.country.clone()),
						Param::Text(s.partner.clone()),
						Param::Text(s.kind.clone()),
						Param::Text(s.number.clone()),
						Param::Text(s.operator.clone()),
						Param::Text(s.applicant.clone()),
						Param::Int(s.applied_ms),
						Param::Int(s.recorded_ms),
					],
				)?;
			}
			for p in &rows.parties {
				b.execute(
					schema::UPSERT_PARTY,
					&[
						text(&p.account),
						Param::Text(p.country.clone()),
						Param::Text(p.role.clone()),
						Param::Text(p.name.clone()),
						Param::Text(p.office.clone()),
					],
				)?;
			}
		}
		b.execute(schema::SET_META, &[text("last_block"), text(&last.to_string())])
	}

	/// Runs a query.
	pub fn select(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, String> {
		self.backend.select(sql, params)
	}
}

impl Recall for Store {
	fn subject(&mut self, pallet: &str, id: &str) -> Result<Option<Subject>, String> {
		let rows = self.backend.select(schema::GET_SUBJECT, &[text(pallet), text(id)])?;
		Ok(rows.into_iter().next().map(|r| {
			let t = |i: usize| r[i].text().map(str::to_string);
			Subject {
				pallet: t(0).unwrap_or_default(),
				id: t(1).unwrap_or_default(),
				issuer: t(2),
				country: t(3),
				partner: t(4),
				kind: t(5),
				number: t(6),
				operator: t(7),
				applicant: t(8),
				applied_ms: r[9].int(),
				recorded_ms: r[10].int(),
			}
		}))
	}

	fn party(&mut self, account: &str) -> Result<Option<Party>, String> {
		let rows = self.backend.select(schema::GET_PARTY, &[text(account)])?;
		Ok(rows.into_iter().next().map(|r| {
			let t = |i: usize| r[i].text().map(str::to_string);
			Party {
				account: t(0).unwrap_or_default(),
				country: t(1),
				role: t(2),
				name: t(3),
				office: t(4),
			}
		}))
	}
}

/// A text parameter.
pub fn text(value: &str) -> Param {
	Param::Text(Some(value.to_string()))
}

/// An integer parameter.
pub fn int(value: u32) -> Param {
	Param::Int(Some(i64::from(value)))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::rows::{BlockRow, EventRow};

	fn block(number: u32) -> BlockRows {
		BlockRows {
			block: BlockRow {
				number,
				hash: format!("0x{number:064x}"),
				time_ms: Some(1),
				spec_version: 1,
			},
			calls: Vec::new(),
			events: vec![EventRow {
				block: number,
				pallet: "Certificates".into(),
				event: "Registered".into(),
				fields: "{}".into(),
				..Default::default()
			}],
			subjects: vec![Subject {
				pallet: "Certificates".into(),
				id: format!("{number}"),
				..Default::default()
			}],
			parties: Vec::new(),
		}
	}

	#[test]
	fn a_failed_batch_leaves_the_index_as_it_was() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("index.sqlite").display().to_string();
		let mut store = Store::open(&path).unwrap();
		assert_eq!(store.last_block().unwrap(), None);
		store.write(&[block(1), block(2)]).unwrap();
		assert_eq!(store.last_block().unwrap(), Some(2));
		// Block 2 again: the whole batch is refused, block 3 included.
		assert!(store.write(&[block(3), block(2)]).is_err());
		assert_eq!(store.last_block().unwrap(), Some(2));
		let count = store.select("SELECT COUNT(*) FROM events", &[]).unwrap();
		assert_eq!(count, [[Cell::Int(2)]]);
		assert_eq!(store.subject("Certificates", "3").unwrap(), None);
		// Reopened, it still holds the same; another chain is refused.
		drop(store);
		let mut store = Store::open(&path).unwrap();
		assert_eq!(store.last_block().unwrap(), Some(2));
		store.bind_to_chain("0x01").unwrap();
		store.bind_to_chain("0x01").unwrap();
		assert!(store.bind_to_chain("0x02").unwrap_err().contains("genesis is 0x01"));
	}
}
