//! A query's answer and its three forms: an aligned table for people, JSON lines and CSV
//! (RFC 4180, with a header line) for auditors' tools.

use std::io::Write;

use serde_json::{Map, Value};

/// Rows under named columns; a cell is a JSON value (text, number, null, or the event's
/// fields as an object).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
	/// The column names.
	pub columns: Vec<String>,
	/// The rows, each with one cell per column.
	pub rows: Vec<Vec<Value>>,
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
	/// Aligned columns (long cells cut), for a terminal.
	Table,
	/// One JSON object per line.
	Jsonl,
	/// Comma-separated values with a header line.
	Csv,
}

/// The widest a cell is shown in the aligned form.
const MAX_SHOWN: usize = 48;

impl Table {
	/// Writes the table in `format`.
	pub fn write(&self, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
		match format {
			Format::Jsonl => {
				for row in &self.rows {
					let object: Map<String, Value> =
						self.columns.iter().cloned().zip(row.iter().cloned()).collect();
					writeln!(out, "{}", Value::Object(object))?;
				}
			},
			Format::Csv => {
				writeln!(out, "{}", self.columns.join(","))?;
				for row in &self.rows {
					let line: Vec<String> = row.iter().map(|v| csv_cell(&plain(v))).collect();
					writeln!(out, "{}", line.join(","))?;
				}
			},
			Format::Table => {
				let shown: Vec<Vec<String>> = self
					.rows
					.iter()
					.map(|row| row.iter().map(|v| cut(&plain(v))).collect())
					.collect();
				let widths: Vec<usize> = (0..self.columns.len())
					.map(|i| {
						shown
							.iter()
							.map(|r| r[i].chars().count())
							.chain([self.columns[i].len()])
							.max()
							.unwrap_or(0)
					})
					.collect();
				let line = |cells: Vec<&str>| {
					cells
						.iter()
						.zip(&widths)
						.map(|(c, w)| format!("{c:<w$}"))
						.collect::<Vec<_>>()
						.join("  ")
						.trim_end()
						.to_string()
				};
				writeln!(out, "{}", line(self.columns.iter().map(String::as_str).collect()))?;
				for row in &shown {
					writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
				}
				writeln!(out, "({} rows)", self.rows.len())?;
			},
		}
		Ok(())
	}
}

/// A cell as text: strings as themselves, null as nothing, anything else as JSON.
fn plain(value: &Value) -> String {
	match value {
		Value::Null => String::new(),
		Value::String(s) => s.clone(),
		other => other.to_string(),
	}
}

/// Quoted when it holds a comma, a quote or a line break.
fn csv_cell(text: &str) -> String {
	if text.contains([',', '"', '\n', '\r']) {
		format!("\"{}\"", text.replace('"', "\"\""))
	} else {
		text.to_string()
	}
}

fn cut(text: &str) -> String {
	if text.chars().count() <= MAX_SHOWN {
		return text.to_string();
	}
	let head: String = text.chars().take(MAX_SHOWN - 1).collect();
	format!("{head}…")
}

/// `time_ms` as ISO 8601 UTC, e.g. `2026-12-07T15:04:05.123Z`.
pub fn iso_time(time_ms: i64) -> String {
	let (year, month, day) = tamga_primitives::calendar::civil_date(time_ms.div_euclid(86_400_000));
	let ms_of_day = time_ms.rem_euclid(86_400_000);
	let (h, m, s, ms) =
		(ms_of_day / 3_600_000, ms_of_day / 60_000 % 60, ms_of_day / 1000 % 60, ms_of_day % 1000);
	format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn each_form_keeps_every_cell() {
		let table = Table {
			columns: vec!["event".into(), "fields".into()],
			rows: vec![vec![json!("Used"), json!({ "officer": "a, b" })]],
		};
		let mut csv = Vec::new();
		table.write(Format::Csv, &mut csv).unwrap();
		assert_eq!(
			String::from_utf8(csv).unwrap(),
			"event,fields\nUsed,\"{\"\"officer\"\":\"\"a, b\"\"}\"\n"
		);
		let mut jsonl = Vec::new();
		table.write(Format::Jsonl, &mut jsonl).unwrap();
		assert_eq!(
			serde_json::from_slice::<Value>(&jsonl).unwrap(),
			json!({ "event": "Used", "fields": { "officer": "a, b" } })
		);
		assert_eq!(iso_time(1_764_547_200_123), "2025-12-01T00:00:00.123Z");
	}
}
