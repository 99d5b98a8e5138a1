//! The voucher rules: how each voucher moves a carnet's goods, and what it may not do.
//!
//! A carnet's `items` are always in exactly one place:
//! - **at home** (`items - abroad`): in the issuing country;
//! - **held** by a country of use: imported there, or in transit there;
//! - **in motion** (`abroad - held`): exported or re-exported, not yet arrived anywhere.
//!
//! | voucher | recorded by customs of | moves items | refused when |
//! |---|---|---|---|
//! | exportation | the issuing country | home → in motion | more than are at home |
//! | importation | a listed country of use | in motion → imported there | not listed; more than are in motion |
//! | re-exportation | that country | imported there → in motion | more than it imported and still holds |
//! | re-importation | the issuing country | in motion → home | more than are in motion (nothing was exported) |
//! | transit start | a listed country of use | in motion → in transit there | not listed; more than are in motion |
//! | transit end | that country | in transit there → in motion | more than are in transit there |

use frame_support::traits::Get;
use tamga_primitives::CountryCode;

use crate::types::{Carnet, CountryBalance, Voucher};

/// Why a voucher is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VoucherError {
	/// A voucher moves at least one item.
	ZeroItems,
	/// Exportation and re-importation are recorded by the issuing country's customs.
	NotIssuingCountry,
	/// Importation, re-exportation and transit are recorded by a country of use, never by
	/// the issuing country.
	IssuingCountry,
	/// The country is not among the carnet's countries of use.
	CountryNotListed,
	/// More items than are at home would be exported.
	ExceedsItemsAtHome,
	/// More items than are in motion (exported or re-exported, not arrived anywhere) would
	/// arrive.
	ExceedsItemsInMotion,
	/// More items than the country imported and still holds would be re-exported.
	ExceedsImported,
	/// More items than are in transit in the country would end their transit.
	ExceedsInTransit,
}

/// Applies `voucher` for `items`, recorded by the customs of `country`, to `carnet`; on
/// error `carnet` is unchanged.
pub fn apply<A, B, N, C>(
	carnet: &mut Carnet<A, B, N, C>,
	country: CountryCode,
	voucher: Voucher,
	items: u32,
) -> Result<(), VoucherError>
where
	A: Clone + PartialEq + Eq + core::fmt::Debug,
	B: Clone + PartialEq + Eq + core::fmt::Debug,
	N: Get<u32>,
	C: Get<u32>,
{
	if items == 0 {
		return Err(VoucherError::ZeroItems);
	}
	let in_motion = carnet.in_motion();
	match voucher {
		Voucher::Exportation | Voucher::ReImportation => {
			if country != carnet.home {
				return Err(VoucherError::NotIssuingCountry);
			}
			if voucher == Voucher::Exportation {
				if items > carnet.at_home() {
					return Err(VoucherError::ExceedsItemsAtHome);
				}
				carnet.abroad += items;
			} else {
				if items > in_motion {
					return Err(VoucherError::ExceedsItemsInMotion);
				}
				carnet.abroad -= items;
			}
		},
		Voucher::Importation
		| Voucher::ReExportation
		| Voucher::TransitStart
		| Voucher::TransitEnd => {
			if country == carnet.home {
				return Err(VoucherError::IssuingCountry);
			}
			let balance = carnet
				.countries
				.iter_mut()
				.find(|b| b.country == country)
				.ok_or(VoucherError::CountryNotListed)?;
			move_within(balance, voucher, items, in_motion)?;
		},
	}
	Ok(())
}

/// Moves `items` into or out of what a country of use holds.
fn move_within(
	balance: &mut CountryBalance,
	voucher: Voucher,
	items: u32,
	in_motion: u32,
) -> Result<(), VoucherError> {
	let arriving = |held: &mut u32| {
		if items > in_motion {
			return Err(VoucherError::ExceedsItemsInMotion);
		}
		*held += items;
		Ok(())
	};
	match voucher {
		Voucher::Importation => arriving(&mut balance.imported),
		Voucher::TransitStart => arriving(&mut balance.in_transit),
		Voucher::ReExportation => {
			balance.imported =
				balance.imported.checked_sub(items).ok_or(VoucherError::ExceedsImported)?;
			Ok(())
		},
		Voucher::TransitEnd => {
			balance.in_transit =
				balance.in_transit.checked_sub(items).ok_or(VoucherError::ExceedsInTransit)?;
			Ok(())
		},
		Voucher::Exportation | Voucher::ReImportation => Err(VoucherError::NotIssuingCountry),
	}
}
