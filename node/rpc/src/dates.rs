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
}
