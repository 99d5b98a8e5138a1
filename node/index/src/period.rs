//! Periods as auditors write them: a day `2026-12-07` or a month `2026-12`, in UTC.

/// Milliseconds since 1970-01-01 UTC at the start of day `year-month-day`.
fn day_start_ms(year: i64, month: u32, day: u32) -> i64 {
	tamga_primitives::calendar::days_from_civil(year, month, day) * 86_400_000
}

fn number<T: std::str::FromStr>(text: &str, what: &str, whole: &str) -> Result<T, String> {
	text.parse().map_err(|_| format!("`{whole}` is not a date: bad {what} `{text}`"))
}

/// The start of a day (`YYYY-MM-DD`) or a month (`YYYY-MM`), in ms since 1970-01-01 UTC.
pub fn start_ms(text: &str) -> Result<i64, String> {
	Ok(range_ms(text)?.0)
}

/// The day (`YYYY-MM-DD`) or month (`YYYY-MM`) `text` names, as `[start, end)` in ms
/// since 1970-01-01 UTC.
pub fn range_ms(text: &str) -> Result<(i64, i64), String> {
	let parts: Vec<&str> = text.split('-').collect();
	let (year, month) = match parts.as_slice() {
		[y, m] | [y, m, _] if y.len() == 4 && m.len() == 2 => {
			(number::<i64>(y, "year", text)?, number::<u32>(m, "month", text)?)
		},
		_ => return Err(format!("`{text}` is not a date: write YYYY-MM-DD or YYYY-MM")),
	};
	if !(1..=12).contains(&month) {
		return Err(format!("`{text}` is not a date: month {month}"));
	}
	let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
	let month_end = day_start_ms(next_year, next_month, 1);
	match parts.as_slice() {
		[_, _] => Ok((day_start_ms(year, month, 1), month_end)),
		[_, _, d] if d.len() == 2 => {
			let day = number::<u32>(d, "day", text)?;
			let start = day_start_ms(year, month, day);
			if day == 0 || start >= month_end {
				return Err(format!("`{text}` is not a date: day {day}"));
			}
			Ok((start, start + 86_400_000))
		},
		_ => Err(format!("`{text}` is not a date: write YYYY-MM-DD or YYYY-MM")),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn days_and_months_are_utc_ranges_and_nonsense_is_refused() {
		assert_eq!(range_ms("2025-12").unwrap(), (1_764_547_200_000, 1_767_225_600_000));
		assert_eq!(range_ms("2024-02-29").unwrap().0, 19_782 * 86_400_000);
		assert_eq!(start_ms("1970-01-01").unwrap(), 0);
		for bad in ["2025-13", "2025-02-30", "2025-1-01", "yesterday", "2025-12-00"] {
			assert!(range_ms(bad).is_err(), "{bad}");
		}
	}
}
