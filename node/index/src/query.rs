//! Auditors' questions of the index: the events matching a filter, oldest first.

use serde_json::Value;

use crate::{
	store::{text, Cell, Param, Store},
	table::{iso_time, Table},
};

/// Which events to list; every given condition must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
	/// Events of this certificate (document id, `0x…`).
	pub document: Option<String>,
	/// Events of this ATA carnet (its number).
	pub carnet: Option<String>,
	/// Events of documents issued by this account (SS58).
	pub issuer: Option<String>,
	/// Events acting through or naming this account (officer, applicant, issuer, …).
	pub account: Option<String>,
	/// Events of officers of this customs office.
	pub office: Option<String>,
	/// Events of this country (a document's exporting country, a voucher's country, …).
	pub country: Option<String>,
	/// Events with this other country (a document's importing country, an MRA partner).
	pub partner: Option<String>,
	/// Events of documents of this type (registry id).
	pub kind: Option<String>,
	/// Events of this AEO operator (`CC:0x…`).
	pub operator: Option<String>,
	/// `Pallet`, `Pallet.Event` or `Event`.
	pub event: Option<String>,
	/// From this time on (ms since 1970-01-01 UTC, inclusive).
	pub since_ms: Option<i64>,
	/// Before this time (ms, exclusive).
	pub until_ms: Option<i64>,
	/// At most this many rows.
	pub limit: Option<u32>,
}

/// The columns of a listed event.
pub const EVENT_COLUMNS: [&str; 16] = [
	"block",
	"extrinsic",
	"time",
	"signer",
	"pallet",
	"event",
	"subject",
	"issuer",
	"account",
	"office",
	"country",
	"partner",
	"kind",
	"operator",
	"fields",
	"position",
];

/// SQL conditions with numbered parameters, built in order.
#[derive(Default)]
pub(crate) struct Conditions {
	sql: Vec<String>,
	params: Vec<Param>,
}

impl Conditions {
	/// Adds `column = value`.
	pub(crate) fn equal(&mut self, column: &str, value: &Option<String>) {
		if let Some(value) = value {
			self.params.push(text(value));
			self.sql.push(format!("{column} = ${}", self.params.len()));
		}
	}

	/// Adds `column <op> value` for a number.
	pub(crate) fn compare(&mut self, column: &str, op: &str, value: Option<i64>) {
		if let Some(value) = value {
			self.params.push(Param::Int(Some(value)));
			self.sql.push(format!("{column} {op} ${}", self.params.len()));
		}
	}

	/// Adds a condition without parameters.
	pub(crate) fn raw(&mut self, sql: &str) {
		self.sql.push(sql.to_string());
	}

	/// `WHERE …` (or nothing) and the parameters.
	pub(crate) fn finish(self) -> (String, Vec<Param>) {
		let clause = if self.sql.is_empty() {
			String::new()
		} else {
			format!(" WHERE {}", self.sql.join(" AND "))
		};
		(clause, self.params)
	}
}

impl Filter {
	pub(crate) fn conditions(&self) -> Conditions {
		let mut c = Conditions::default();
		if self.document.is_some() {
			c.raw("pallet = 'Certificates'");
			c.equal("subject", &self.document);
		}
		if self.carnet.is_some() {
			c.raw("pallet = 'Carnets'");
			c.equal("subject", &self.carnet);
		}
		c.equal("issuer", &self.issuer);
		c.equal("account", &self.account);
		c.equal("office", &self.office);
		c.equal("country", &self.country);
		c.equal("partner", &self.partner);
		c.equal("kind", &self.kind);
		c.equal("operator", &self.operator);
		if let Some(event) = &self.event {
			match event.split_once('.') {
				Some((pallet, name)) => {
					c.equal("pallet", &Some(pallet.to_string()));
					c.equal("event", &Some(name.to_string()));
				},
				None if event.starts_with(|ch: char| ch.is_ascii_uppercase())
					&& crate::block::TAMGA_PALLETS.contains(&event.as_str()) =>
				{
					c.equal("pallet", &Some(event.clone()))
				},
				None => c.equal("event", &Some(event.clone())),
			}
		}
		c.compare("time_ms", ">=", self.since_ms);
		c.compare("time_ms", "<", self.until_ms);
		c
	}
}

/// The events matching `filter`, oldest first.
pub fn events(store: &mut Store, filter: &Filter) -> Result<Table, String> {
	let (clause, params) = filter.conditions().finish();
	let limit = filter.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
	let sql = format!(
		"SELECT block, extrinsic, time_ms, signer, pallet, event, subject, issuer, account, \
		 office, country, partner, kind, operator, fields, position FROM events{clause} \
		 ORDER BY block, position{limit}"
	);
	let rows = store.select(&sql, &params)?;
	let rows = rows
		.into_iter()
		.map(|row| {
			row.into_iter()
				.enumerate()
				.map(|(i, cell)| match (i, cell) {
					(2, Cell::Int(ms)) => Value::from(iso_time(ms)),
					(14, Cell::Text(fields)) => {
						serde_json::from_str(&fields).unwrap_or(Value::String(fields))
					},
					(_, cell) => json_of(cell),
				})
				.collect()
		})
		.collect();
	Ok(Table { columns: EVENT_COLUMNS.iter().map(|c| c.to_string()).collect(), rows })
}

/// A cell as JSON (a boolean SQLite keeps as 0/1 is read by the caller that knows).
pub(crate) fn json_of(cell: Cell) -> Value {
	match cell {
		Cell::Null => Value::Null,
		Cell::Int(i) => Value::from(i),
		Cell::Text(t) => Value::from(t),
		Cell::Bool(b) => Value::from(b),
	}
}
