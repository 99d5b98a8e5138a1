//! The proleptic Gregorian calendar for the days-since-1970-01-01 counts Tamga stores
//! (validity windows of certificates, carnets and AEO certifications).

/// The date (year, month 1-12, day 1-31) of `days` after 1970-01-01.
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

/// Days after 1970-01-01 of the date `year-month-day`. A day past the month's end counts
/// on into the next month (2025-02-29 is 2025-03-01).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
	let year = year - i64::from(month <= 2);
	let era = year.div_euclid(400);
	let year_of_era = year.rem_euclid(400);
	let month_index = i64::from(if month > 2 { month - 3 } else { month + 9 });
	let day_of_year = (153 * month_index + 2) / 5 + i64::from(day) - 1;
	let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	era * 146_097 + day_of_era - 719_468
}

/// The same day one year after `days` (a 29 February's anniversary in a common year is
/// 1 March), in days after 1970-01-01.
pub fn anniversary(days: u32) -> i64 {
	let (year, month, day) = civil_date(i64::from(days));
	days_from_civil(year + 1, month, day)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn known_dates_round_trip() {
		for (days, date) in [
			(0, (1970, 1, 1)),
			(59, (1970, 3, 1)),
			(11_016, (2000, 2, 29)),
			(20_000, (2024, 10, 4)),
			(20_780, (2026, 11, 23)),
		] {
			assert_eq!(civil_date(days), date);
			assert_eq!(days_from_civil(date.0, date.1, date.2), days);
		}
	}

	#[test]
	fn anniversaries() {
		// 2026-11-23 → 2027-11-23, 365 days later.
		assert_eq!(anniversary(20_780), 20_780 + 365);
		// 2023-03-01 → 2024-03-01 spans 29 February: 366 days.
		let march_2023 = days_from_civil(2023, 3, 1) as u32;
		assert_eq!(anniversary(march_2023), i64::from(march_2023) + 366);
		// 2024-02-29 → 2025-03-01.
		let leap_day = days_from_civil(2024, 2, 29) as u32;
		assert_eq!(civil_date(anniversary(leap_day)), (2025, 3, 1));
	}
}
