//! The index in an SQLite file: write-ahead log (readers go on while the indexer writes;
//! a killed process loses nothing committed), one writer.

use rusqlite::{params_from_iter, types::ValueRef, Connection, ToSql};

use super::{Backend, Cell, Param};

/// An SQLite index.
pub struct Sqlite {
	connection: Connection,
}

impl Sqlite {
	/// Opens or creates the file at `path`.
	pub fn open(path: &str) -> Result<Self, String> {
		let connection = Connection::open(path)
			.map_err(|e| format!("cannot open the SQLite index {path}: {e}"))?;
		connection
			.execute_batch(
				"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
				 PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = OFF;",
			)
			.map_err(|e| format!("cannot set up the SQLite index {path}: {e}"))?;
		connection.set_prepared_statement_cache_capacity(64);
		Ok(Self { connection })
	}
}

impl ToSql for Param {
	fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
		match self {
			Param::Int(i) => i.to_sql(),
			Param::Text(t) => t.to_sql(),
			Param::Bool(b) => b.to_sql(),
		}
	}
}

impl Backend for Sqlite {
	fn name(&self) -> &'static str {
		"sqlite"
	}

	fn begin(&self) -> &'static str {
		"BEGIN IMMEDIATE"
	}

	fn batch(&mut self, sql: &str) -> Result<(), String> {
		self.connection.execute_batch(sql).map_err(|e| format!("SQLite: {e}"))
	}

	fn execute(&mut self, sql: &str, params: &[Param]) -> Result<(), String> {
		let mut statement =
			self.connection.prepare_cached(sql).map_err(|e| format!("SQLite: {e}"))?;
		statement.execute(params_from_iter(params.iter())).map_err(|e| format!("SQLite: {e}"))?;
		Ok(())
	}

	fn select(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, String> {
		let mut statement =
			self.connection.prepare_cached(sql).map_err(|e| format!("SQLite: {e}"))?;
		let columns = statement.column_count();
		let mut rows =
			statement.query(params_from_iter(params.iter())).map_err(|e| format!("SQLite: {e}"))?;
		let mut out = Vec::new();
		while let Some(row) = rows.next().map_err(|e| format!("SQLite: {e}"))? {
			let mut cells = Vec::with_capacity(columns);
			for i in 0..columns {
				cells.push(match row.get_ref(i).map_err(|e| format!("SQLite: {e}"))? {
					ValueRef::Null => Cell::Null,
					ValueRef::Integer(i) => Cell::Int(i),
					ValueRef::Real(r) => Cell::Text(r.to_string()),
					ValueRef::Text(t) | ValueRef::Blob(t) => {
						Cell::Text(String::from_utf8_lossy(t).into_owned())
					},
				});
			}
			out.push(cells);
		}
		Ok(out)
	}
}
