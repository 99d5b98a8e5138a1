//! Calendar dates for the days-since-1970 counts the chain stores.

/// The proleptic Gregorian date (year, month 1-12, day 1-31) of `days` after 1970-01-01.
pub fn civil_date(days: i64) -> (i64, u32, u32) {
	// Count from 0000-03-01, so a leap day ends its year; eras are 400-year cycles of
	// 146,097 days.
	let shifted = days + 719_468;
	let era = shifted.div_euclid(146_097);
	let day_of_era = shifted.rem_euclid(146_097);
	let year_of_era =
		(day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
	let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	let month_index = (5 * day_of_year + 2) / 153; // 0 = March
	let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
	let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
	let year = year_of_era + era * 400 + i64::from(month <= 2);
	(year, month, day)
}

/// `days` after 1970-01-01 as an ISO 8601 date, e.g. `2026-11-23`.
pub fn iso_date(days: u32) -> String {
	let (year, month, day) = civil_date(i64::from(days));
	format!("{year:04}-{month:02}-{day:02}")
}

/// Days after 1970-01-01 of the proleptic Gregorian date `year-month-day`.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
	let year = year - i64::from(month <= 2);
	let era = year.div_euclid(400);
	let year_of_era = year.rem_euclid(400);
	let month_index = i64::from(if month > 2 { month - 3 } else { month + 9 });
	let day_of_year = (153 * month_index + 2) / 5 + i64::from(day) - 1;
	let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	era * 146_097 + day_of_era - 719_468
}

/// Parses an ISO 8601 date (`YYYY-MM-DD`, from 1970 on) into days after 1970-01-01.
pub fn parse_iso_date(text: &str) -> Result<u32, String> {
	let bad = || format!("`{text}` is not a date of the form YYYY-MM-DD (e.g. 2026-11-23)");
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
	}
}
