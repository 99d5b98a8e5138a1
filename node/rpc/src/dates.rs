//! Calendar dates for the days-since-1970 counts the chain stores.

pub use pallet_tamga_governance::calendar::{civil_date, days_from_civil};

/// `days` after 1970-01-01 as an ISO 8601 date, e.g. `2026-11-23`.
pub fn iso_date(days: u32) -> String {
	let (year, month, day) = civil_date(i64::from(days));
	format!("{year:04}-{month:02}-{day:02}")
}

/// Parses an ISO 8601 date (`YYYY-MM-DD`, from 1970 on) into days after 1970-01-01.
pub fn parse_iso_date(text: &str) -> Result<u32, String> {
	let bad = || format!("`{text}` is not a date of the form YYYY-MM-DD (e.g. 2026-11-23)");
	if text.len() > 16 {
		// Quote only its start: an error never echoes a huge input.
		let shown: String = text.chars().take(16).collect();
		return Err(format!("`{shown}…` is not a date of the form YYYY-MM-DD (e.g. 2026-11-23)"));
	}
	let mut parts = text.split('-');
	let (Some(year), Some(month), Some(day), None) =
		(parts.next(), parts.next(), parts.next(), parts.next())
	else {
		return Err(bad());
	};
	let year: i64 = year.parse().map_err(|_| bad())?;
	let month: u32 = month.parse().map_err(|_| bad())?;
	let day: u32 = day.parse().map_err(|_| bad())?;
	if !(1..=12).contains(&month) || day == 0 {
		return Err(bad());
	}
	let days = days_from_civil(year, month, day);
	// Reject days past the month's end (e.g. 2026-02-30) by the round trip.
	if civil_date(days) != (year, month, day) {
		return Err(format!("`{text}` is not a day of the calendar"));
	}
	u32::try_from(days).map_err(|_| format!("`{text}` is before 1970-01-01"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn known_dates() {
		assert_eq!(iso_date(0), "1970-01-01");
		assert_eq!(iso_date(59), "1970-03-01");
		assert_eq!(iso_date(11_016), "2000-02-29");
		assert_eq!(iso_date(11_017), "2000-03-01");
		assert_eq!(iso_date(20_000), "2024-10-04");
		assert_eq!(iso_date(20_415), "2025-11-23");
		assert_eq!(iso_date(20_780), "2026-11-23");
	}

	#[test]
	fn parsing_round_trips_and_rejects_non_dates() {
		for days in [0, 59, 11_016, 11_017, 20_780, 60_000] {
			assert_eq!(parse_iso_date(&iso_date(days)), Ok(days));
		}
		assert!(parse_iso_date("2026-02-30").unwrap_err().contains("not a day"));
		assert!(parse_iso_date("1969-12-31").unwrap_err().contains("before 1970"));
		for bad in ["", "2026-11", "2026-13-01", "2026-11-23-1", "23.11.2026", "2026-11-00"] {
			assert!(parse_iso_date(bad).is_err(), "{bad}");
		}
		let huge = format!("2026-11-23{}", "0".repeat(10_000));
		assert!(parse_iso_date(&huge).unwrap_err().len() < 100);
	}
}
