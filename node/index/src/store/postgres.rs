//! The index in a PostgreSQL database (`postgres://user@host:port/db`), for
//! administrations that run their analytics there.

use std::collections::HashMap;

use postgres::{
	types::{ToSql, Type},
	Client, NoTls, Statement,
};

use super::{Backend, Cell, Param};

/// A PostgreSQL index.
pub struct Postgres {
	client: Client,
	prepared: HashMap<String, Statement>,
}

impl Postgres {
	/// Connects to `url`.
	pub fn connect(url: &str) -> Result<Self, String> {
		let client = Client::connect(url, NoTls)
			.map_err(|e| format!("cannot connect to PostgreSQL at {}: {e}", shown(url)))?;
		Ok(Self { client, prepared: HashMap::new() })
	}

	fn statement(&mut self, sql: &str) -> Result<Statement, String> {
		if let Some(statement) = self.prepared.get(sql) {
			return Ok(statement.clone());
		}
		let statement = self.client.prepare(sql).map_err(|e| format!("PostgreSQL: {e}"))?;
		self.prepared.insert(sql.to_string(), statement.clone());
		Ok(statement)
	}
}

/// A database URL without its password, to print.
pub fn shown(url: &str) -> String {
	match (url.find("://"), url.rfind('@')) {
		(Some(scheme), Some(at)) if at > scheme => {
			let user = &url[scheme + 3..at];
			let user = user.split(':').next().unwrap_or_default();
			format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
		},
		_ => url.to_string(),
	}
}

fn bound(params: &[Param]) -> Vec<Box<dyn ToSql + Sync>> {
	params
		.iter()
		.map(|p| -> Box<dyn ToSql + Sync> {
			match p {
				Param::Int(i) => Box::new(*i),
				Param::Text(t) => Box::new(t.clone()),
				Param::Bool(b) => Box::new(*b),
			}
		})
		.collect()
}

impl Backend for Postgres {
	fn name(&self) -> &'static str {
		"postgres"
	}

	fn batch(&mut self, sql: &str) -> Result<(), String> {
		self.client.batch_execute(sql).map_err(|e| format!("PostgreSQL: {e}"))
	}

	fn execute(&mut self, sql: &str, params: &[Param]) -> Result<(), String> {
		let statement = self.statement(sql)?;
		let values = bound(params);
		let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
		self.client.execute(&statement, &refs).map_err(|e| format!("PostgreSQL: {e}"))?;
		Ok(())
	}

	fn select(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, String> {
		let statement = self.statement(sql)?;
		let values = bound(params);
		let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
		let rows = self.client.query(&statement, &refs).map_err(|e| format!("PostgreSQL: {e}"))?;
		let read = |e: postgres::Error| format!("PostgreSQL: {e}");
		let mut out = Vec::with_capacity(rows.len());
		for row in rows {
			let mut cells = Vec::with_capacity(row.len());
			for (i, column) in row.columns().iter().enumerate() {
				let cell = match *column.type_() {
					Type::INT8 => row.try_get::<_, Option<i64>>(i).map_err(read)?.map(Cell::Int),
					Type::INT4 => {
						row.try_get::<_, Option<i32>>(i).map_err(read)?.map(|v| Cell::Int(v.into()))
					},
					Type::INT2 => {
						row.try_get::<_, Option<i16>>(i).map_err(read)?.map(|v| Cell::Int(v.into()))
					},
					Type::BOOL => row.try_get::<_, Option<bool>>(i).map_err(read)?.map(Cell::Bool),
					_ => row.try_get::<_, Option<String>>(i).map_err(read)?.map(Cell::Text),
				};
				cells.push(cell.unwrap_or(Cell::Null));
			}
			out.push(cells);
		}
		Ok(out)
	}
}

#[cfg(test)]
mod tests {
	#[test]
	fn passwords_are_not_printed() {
		assert_eq!(
			super::shown("postgres://tamga:secret@127.0.0.1:5/x"),
			"postgres://tamga@127.0.0.1:5/x"
		);
		assert_eq!(super::shown("postgres://127.0.0.1/x"), "postgres://127.0.0.1/x");
	}
}
