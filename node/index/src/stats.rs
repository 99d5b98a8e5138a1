//! The statistics auditors and analysts ask for, computed from the index: documents
//! issued per issuer and month, uses per border post, time from application to
//! endorsement per issuer, and delays of AEO acknowledgements per partner.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::{
	query::{json_of, Conditions},
	store::{Cell, Store},
	table::Table,
};

/// Which statistic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistic {
	/// Documents anchored per month, issuer and country (exporting → importing).
	Issued,
	/// Certificate uses and carnet vouchers recorded per customs office and officer.
	Uses,
	/// Seconds from an exporter's application to the issuer's endorsement, per issuer.
	Endorsement,
	/// Seconds from an AEO status change to each partner's acknowledgement, per partner.
	Acknowledgements,
}

/// The period a statistic covers (ms since 1970-01-01 UTC; `since` inclusive, `until`
/// exclusive) and the country it is limited to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
	/// From.
	pub since_ms: Option<i64>,
	/// Until.
	pub until_ms: Option<i64>,
	/// Only this country (exporting country, office's country, operator's administration).
	pub country: Option<String>,
}

/// Computes `statistic` over `scope`.
pub fn compute(store: &mut Store, statistic: Statistic, scope: &Scope) -> Result<Table, String> {
	match statistic {
		Statistic::Issued => {
			let mut c = scoped(scope, "time_ms", "country");
			c.raw("pallet = 'Certificates'");
			c.raw("event = 'Registered'");
			let (clause, params) = c.finish();
			let sql = format!(
				"SELECT month, issuer, country, partner, COUNT(*) FROM events{clause} \
				 GROUP BY month, issuer, country, partner ORDER BY month, issuer, country, partner"
			);
			let rows = store.select(&sql, &params)?;
			Ok(table(&["month", "issuer", "country", "partner", "documents"], rows))
		},
		Statistic::Uses => {
			// The country is the officer's administration, from its accreditation.
			let mut c = scoped(scope, "e.time_ms", "p.country");
			c.raw(
				"((e.pallet = 'Certificates' AND e.event = 'Used') OR \
				 (e.pallet = 'Carnets' AND e.event = 'VoucherRecorded'))",
			);
			let (clause, params) = c.finish();
			let sql = format!(
				"SELECT e.office, e.account, p.country, e.pallet, COUNT(*) FROM events e \
				 LEFT JOIN parties p ON p.account = e.account{clause} \
				 GROUP BY e.office, e.account, p.country, e.pallet \
				 ORDER BY COUNT(*) DESC, e.office, e.account, e.pallet"
			);
			let rows = store.select(&sql, &params)?;
			Ok(table(&["office", "officer", "country", "of", "uses"], rows))
		},
		Statistic::Endorsement => {
			let mut c = scoped(scope, "recorded_ms", "country");
			c.raw("pallet = 'Certificates'");
			c.raw("applied_ms IS NOT NULL");
			c.raw("recorded_ms IS NOT NULL");
			let (clause, params) = c.finish();
			let sql = format!(
				"SELECT issuer, country, recorded_ms - applied_ms FROM subjects{clause} \
				 ORDER BY issuer, country"
			);
			let rows = store.select(&sql, &params)?;
			Ok(delays(&["issuer", "country"], rows))
		},
		Statistic::Acknowledgements => {
			let mut c = scoped(scope, "a.time_ms", "a.country");
			c.raw("a.pallet = 'Aeo'");
			c.raw("a.event = 'Acknowledged'");
			let (clause, params) = c.finish();
			let sql = format!(
				"SELECT a.partner, a.country, a.time_ms - s.recorded_ms FROM events a \
				 JOIN subjects s ON s.pallet = 'Aeo' AND s.id = a.subject{clause} \
				 ORDER BY a.partner, a.country"
			);
			let rows = store.select(&sql, &params)?;
			Ok(delays(&["partner", "administration"], rows))
		},
	}
}

fn scoped(scope: &Scope, time: &str, country: &str) -> Conditions {
	let mut c = Conditions::default();
	c.compare(time, ">=", scope.since_ms);
	c.compare(time, "<", scope.until_ms);
	c.equal(country, &scope.country);
	c
}

fn table(columns: &[&str], rows: Vec<Vec<Cell>>) -> Table {
	Table {
		columns: columns.iter().map(|c| c.to_string()).collect(),
		rows: rows.into_iter().map(|r| r.into_iter().map(json_of).collect()).collect(),
	}
}

/// Rows of (key cells…, delay in ms) summarised per key: count, median, 95th percentile
/// and longest, in seconds.
fn delays(keys: &[&str], rows: Vec<Vec<Cell>>) -> Table {
	let mut groups: BTreeMap<Vec<String>, Vec<i64>> = BTreeMap::new();
	for mut row in rows {
		let Some(Cell::Int(delay)) = row.pop() else { continue };
		let key = row.into_iter().map(|c| c.text().unwrap_or_default().to_string()).collect();
		groups.entry(key).or_default().push(delay);
	}
	let mut columns: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
	columns.extend(["count", "median_s", "p95_s", "max_s"].map(String::from));
	let rows = groups
		.into_iter()
		.map(|(key, mut delays)| {
			delays.sort_unstable();
			let at = |q: f64| {
				let i = ((delays.len() as f64 * q).ceil() as usize).clamp(1, delays.len()) - 1;
				Value::from(delays[i] as f64 / 1000.0)
			};
			let mut row: Vec<Value> = key.into_iter().map(Value::from).collect();
			row.extend([Value::from(delays.len()), at(0.5), at(0.95), at(1.0)]);
			row
		})
		.collect();
	Table { columns, rows }
}
