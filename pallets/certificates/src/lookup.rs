//! What a border officer holding a paper asks: which documents did an issuer of this
//! country anchor under this certificate number? The ids it finds are verified as any id
//! is ([`Pallet::verify`]); only a file's hash proves its exact content.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
use tamga_primitives::CountryCode;

use crate::{types::DocumentId, Config, Documents, DocumentsByNumber, Numbers, Pallet};

/// The most documents one look-up lists.
pub const MAX_FOUND: u32 = 16;

/// The documents anchored under a country's certificate number.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub struct Found {
	/// Their ids, at most [`MAX_FOUND`], each anchored by a different issuer.
	pub ids: Vec<DocumentId>,
	/// Whether more documents carry the number than are listed (name the issuer to
	/// narrow the look-up).
	pub more: bool,
}

impl<T: Config> Pallet<T> {
	/// The documents issuers of `country` anchored under `number`, or only `issuer`'s
	/// one if named. A number longer than any the chain accepts finds nothing.
	pub fn find_by_number(
		country: CountryCode,
		number: &[u8],
		issuer: Option<&T::AccountId>,
	) -> Found {
		let Ok(number) = BoundedVec::<u8, T::MaxNumberLength>::try_from(number.to_vec()) else {
			return Found::default();
		};
		if let Some(issuer) = issuer {
			let ids = Numbers::<T>::get(issuer, &number)
				.filter(|id| {
					Documents::<T>::get(id).is_some_and(|record| record.facts.exporting == country)
				})
				.into_iter()
				.collect();
			return Found { ids, more: false };
		}
		let mut ids = DocumentsByNumber::<T>::iter_key_prefix((country, number));
		let listed: Vec<_> = ids.by_ref().take(MAX_FOUND as usize).collect();
		Found { ids: listed, more: ids.next().is_some() }
	}
}
