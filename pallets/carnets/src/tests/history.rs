//! The history a page at a time, as `tamga_carnetMovements` reads it.

use frame_support::assert_ok;

use super::*;
use crate::{types::Action, view::page_positions};

/// Issues the test carnet and records `vouchers` more entries (exportation and
/// re-importation of one item in turn): a history of `vouchers + 1` entries.
fn history_of(vouchers: u32) {
	issue();
	for i in 0..vouchers {
		let next = if i % 2 == 0 { Voucher::Exportation } else { Voucher::ReImportation };
		assert_ok!(voucher(KZ_OFFICER, next, 1));
	}
}

/// The sizes of pages 0, 1, ... of the test carnet's history with `limit`, up to the first
/// empty page, each with the total it reports.
fn page_sizes(limit: u32) -> Vec<(usize, u32)> {
	let mut sizes = Vec::new();
	for page in 0.. {
		let answer = Carnets::history_page(NUMBER.as_bytes(), page, limit);
		if answer.entries.is_empty() {
			return sizes;
		}
		sizes.push((answer.entries.len(), answer.total));
	}
	sizes
}

#[test]
fn ten_entries_by_three_are_pages_of_three_three_three_and_one() {
	new_test_ext().execute_with(|| {
		history_of(9);
		assert_eq!(page_sizes(3), vec![(3, 10), (3, 10), (3, 10), (1, 10)]);
		// The pages are the history in order, oldest first.
		let pages: Vec<_> = (0..4)
			.flat_map(|page| Carnets::history_page(NUMBER.as_bytes(), page, 3).entries)
			.collect();
		assert_eq!(pages, full_history(NUMBER));
		assert_eq!(pages[0].action, Action::Issued);
		let last = Carnets::history_page(NUMBER.as_bytes(), 3, 3).entries;
		assert_eq!(last, vec![pages[9].clone()]);
	});
}

#[test]
fn a_page_past_the_end_is_empty_and_still_gives_the_total() {
	new_test_ext().execute_with(|| {
		history_of(9);
		for (page, limit) in [(4, 3), (1, 10), (u32::MAX, 3), (u32::MAX, u32::MAX)] {
			let answer = Carnets::history_page(NUMBER.as_bytes(), page, limit);
			assert_eq!((answer.total, answer.entries.len()), (10, 0), "page {page} of {limit}");
		}
		// A limit of 0 asks for the total alone.
		let count = Carnets::history_page(NUMBER.as_bytes(), 0, 0);
		assert_eq!((count.total, count.entries.len()), (10, 0));
	});
}

#[test]
fn an_unknown_or_malformed_number_has_no_history() {
	new_test_ext().execute_with(|| {
		issue();
		let too_long = "K".repeat(300);
		for number in ["KZ/2024/999999", "", too_long.as_str()] {
			let answer = Carnets::history_page(number.as_bytes(), 0, 10);
			assert_eq!((answer.total, answer.entries.len()), (0, 0), "{number}");
		}
	});
}

#[test]
fn no_page_holds_more_than_the_cap() {
	new_test_ext().execute_with(|| {
		history_of(MAX_HISTORY_PAGE + 43);
		let total = MAX_HISTORY_PAGE + 44;
		let max = MAX_HISTORY_PAGE as usize;
		assert_eq!(page_sizes(u32::MAX), vec![(max, total), (44, total)]);
		assert_eq!(page_sizes(MAX_HISTORY_PAGE + 1), vec![(max, total), (44, total)]);
		// Page 1 asked with a limit above the cap starts where page 0 of the cap ended.
		let second = Carnets::history_page(NUMBER.as_bytes(), 1, u32::MAX).entries;
		assert_eq!(second[..], full_history(NUMBER)[max..]);
	});
}

#[test]
fn page_positions_stay_within_the_history_without_overflow() {
	assert_eq!(page_positions(10, 0, 3), 0..3);
	assert_eq!(page_positions(10, 3, 3), 9..10);
	assert_eq!(page_positions(10, 4, 3), 10..10);
	assert_eq!(page_positions(0, 0, 256), 0..0);
	assert_eq!(page_positions(u32::MAX, 0, u32::MAX), 0..MAX_HISTORY_PAGE);
	assert_eq!(page_positions(u32::MAX, u32::MAX, u32::MAX), u32::MAX..u32::MAX);
	assert_eq!(page_positions(u32::MAX, 1, 0), 0..0);
}
