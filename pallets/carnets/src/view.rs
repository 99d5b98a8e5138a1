//! What a border officer or an auditor is told about a carnet: where it stands today,
//! what each country holds of its goods, its claims, and its history a page at a time.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::{CountryCode, Permissions, Voiding};

use crate::{
	types::{CarnetState, Claim, CountryBalance, HistoryEntry},
	Carnets, Config, History, HistoryLength, NumberOf, Pallet,
};

/// The most history entries one page holds (what `tamga_carnetMovements` lists by
/// default). A larger `limit` asked of the runtime API is lowered to it.
pub const MAX_HISTORY_PAGE: u32 = 256;

/// One page of a carnet's history, as the `tamga_carnetMovements` RPC reads it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct HistoryPage<AccountId, BlockNumber> {
	/// How many entries the whole history holds (0: no carnet has this number).
	pub total: u32,
	/// The page's entries, oldest first (empty past the last page).
	pub entries: Vec<HistoryEntry<AccountId, BlockNumber>>,
}

/// The positions on page `page` of `limit` entries (at most [`MAX_HISTORY_PAGE`]) of a
/// history of `total` entries: `page * limit` up to `limit` entries on, none past the end.
pub fn page_positions(total: u32, page: u32, limit: u32) -> core::ops::Range<u32> {
	let limit = limit.min(MAX_HISTORY_PAGE);
	let start = (u64::from(page) * u64::from(limit)).min(u64::from(total)) as u32;
	start..start.saturating_add(limit).min(total)
}

/// A carnet as the `tamga_carnet` RPC shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct CarnetView<AccountId, BlockNumber> {
	/// The carnet number.
	pub number: Vec<u8>,
	/// Where it stands today.
	pub state: CarnetState,
	/// Why it is void, when `state` says so.
	pub void: Option<Voiding<BlockNumber>>,
	/// The guaranteeing association that issued it.
	pub association: AccountId,
	/// The name its administration accredited the association under (UTF-8).
	pub association_name: Vec<u8>,
	/// Whether the association's accreditation is neither suspended nor revoked.
	pub association_in_good_standing: bool,
	/// The issuing country.
	pub home: CountryCode,
	/// blake2-256 of a salt and the holder's identifier.
	pub holder_commitment: H256,
	/// Items on the general list.
	pub items: u32,
	/// blake2-256 of the general list.
	pub list_hash: H256,
	/// First day of validity (days since 1970-01-01 UTC).
	pub valid_from: u32,
	/// Last day of validity, inclusive.
	pub valid_until: u32,
	/// Items in the issuing country.
	pub at_home: u32,
	/// Items exported or re-exported and not yet arrived anywhere.
	pub in_motion: u32,
	/// What each country of use holds.
	pub countries: Vec<CountryBalance>,
	/// Claims, by claiming country.
	pub claims: Vec<(CountryCode, Claim<AccountId, BlockNumber>)>,
	/// The block in which it was issued.
	pub issued_at: BlockNumber,
	/// The block in which it was closed, if it was.
	pub closed_at: Option<BlockNumber>,
	/// The day the answer is for, by the block timestamp (days since 1970-01-01 UTC).
	pub today: u32,
}

impl<T: Config> Pallet<T> {
	/// Carnet `number` as it stands today, or `None` if none has this number.
	pub fn view(number: &[u8]) -> Option<CarnetView<T::AccountId, BlockNumberFor<T>>> {
		let number = NumberOf::<T>::try_from(number.to_vec()).ok()?;
		let carnet = Carnets::<T>::get(&number)?;
		let association = T::Permissions::party(&carnet.association);
		Some(CarnetView {
			state: Self::state(&carnet),
			void: Self::voiding(&carnet),
			association_name: association.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
			association_in_good_standing: association.is_some_and(|a| a.in_good_standing),
			home: carnet.home,
			holder_commitment: carnet.holder_commitment,
			items: carnet.items,
			list_hash: carnet.list_hash,
			valid_from: carnet.valid_from,
			valid_until: carnet.valid_until,
			at_home: carnet.at_home(),
			in_motion: carnet.in_motion(),
			countries: carnet.countries.to_vec(),
			claims: Self::claims(&number),
			issued_at: carnet.issued_at,
			closed_at: carnet.closed_at,
			today: Self::today(),
			association: carnet.association,
			number: number.into_inner(),
		})
	}

	/// Page `page` (from 0) of carnet `number`'s history, oldest first: the entries at
	/// positions `page * limit` to `page * limit + limit - 1`, with how many it holds in
	/// all. `limit` is lowered to [`MAX_HISTORY_PAGE`]; a `limit` of 0 lists nothing and
	/// gives the total only. Reads the page's entries alone, never the whole history. An
	/// unknown or over-long number has no history (total 0).
	pub fn history_page(
		number: &[u8],
		page: u32,
		limit: u32,
	) -> HistoryPage<T::AccountId, BlockNumberFor<T>> {
		let Ok(number) = NumberOf::<T>::try_from(number.to_vec()) else {
			return HistoryPage { total: 0, entries: Vec::new() };
		};
		let total = HistoryLength::<T>::get(&number);
		let entries = page_positions(total, page, limit)
			.filter_map(|position| History::<T>::get(&number, position))
			.collect();
		HistoryPage { total, entries }
	}
}
