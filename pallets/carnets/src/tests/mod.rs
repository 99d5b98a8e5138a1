//! Unit tests of the carnets pallet: every call's success and each of its errors, the
//! voucher rules, claims, and the two life stories of issue 5.

mod claims;
mod departure;
mod history;
mod issuing;
mod properties;
mod scenarios;
mod vouchers;

use frame_support::assert_ok;
use sp_core::H256;

use crate::{mock::*, CarnetOf, HistoryEntryOf, NumberOf, Voucher, MAX_HISTORY_PAGE};

/// The test carnet's number.
const NUMBER: &str = "KZ/2024/000001";

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn number(text: &str) -> NumberOf<Test> {
	text.as_bytes().to_vec().try_into().unwrap()
}

fn countries(
	codes: &[&[u8; 2]],
) -> frame_support::BoundedVec<[u8; 2], frame_support::traits::ConstU32<4>> {
	codes.iter().map(|c| **c).collect::<Vec<_>>().try_into().unwrap()
}

/// Issues carnet `text` for 10 items, for use in KG and TJ, valid 90 days from today.
fn issue_as(who: u64, text: &str) -> frame_support::dispatch::DispatchResult {
	Carnets::issue(
		signed(who),
		number(text),
		H256::repeat_byte(0xc0),
		countries(&[b"KG", b"TJ"]),
		10,
		H256::repeat_byte(0x11),
		TODAY,
		TODAY + 90,
	)
}

/// Issues the test carnet.
fn issue() {
	assert_ok!(issue_as(KZ_ASSOCIATION, NUMBER));
}

/// Records `voucher` for `items` of the test carnet by `officer`.
fn voucher(officer: u64, voucher: Voucher, items: u32) -> frame_support::dispatch::DispatchResult {
	Carnets::record_voucher(signed(officer), number(NUMBER), voucher, items)
}

/// The test carnet as stored.
fn carnet() -> CarnetOf<Test> {
	crate::Carnets::<Test>::get(number(NUMBER)).expect("issued")
}

/// What country `code` holds of the test carnet: (imported, in transit).
fn held(code: &[u8; 2]) -> (u32, u32) {
	let country = pallet_tamga_governance::CountryCode::new(*code).unwrap();
	let balance = *carnet().balance(country).expect("a country of use");
	(balance.imported, balance.in_transit)
}

/// Every entry of carnet `text`'s history, oldest first, read page by page as the
/// runtime API serves it.
fn full_history(text: &str) -> Vec<HistoryEntryOf<Test>> {
	let mut entries = Vec::new();
	let mut page = 0;
	loop {
		let answer = Carnets::history_page(text.as_bytes(), page, MAX_HISTORY_PAGE);
		if answer.entries.is_empty() {
			assert_eq!(entries.len(), answer.total as usize, "every entry was read");
			return entries;
		}
		entries.extend(answer.entries);
		page += 1;
	}
}
