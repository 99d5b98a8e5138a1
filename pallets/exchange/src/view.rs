//! What the runtime API answers: one administration's agreements as it sees them (what
//! it gives, what it receives), and what one administration grants another now.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::{Access, CountryCode, DocumentKind, Grants, Permissions, FIELD_GROUPS};

use crate::{
	types::{AgreementState, Pair},
	Agreements, Config, ExchangeKeys, FieldCommitments, Pallet, Partners,
};

/// Terms proposed and not yet accepted, from the asking administration's side.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ProposalView<BlockNumber> {
	/// The side that proposed them.
	pub by: CountryCode,
	/// What the asking administration would grant its partner.
	pub gives: Grants,
	/// What it would receive.
	pub receives: Grants,
	/// The block in which they were proposed.
	pub at: BlockNumber,
}

/// An agreement as one of its two administrations sees it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AgreementView<BlockNumber> {
	/// The other administration.
	pub partner: CountryCode,
	/// Where the agreement stands.
	pub state: AgreementState,
	/// What the asking administration grants its partner under the signed terms.
	pub gives: Grants,
	/// What it receives under them.
	pub receives: Grants,
	/// Terms proposed and not yet accepted.
	pub proposal: Option<ProposalView<BlockNumber>>,
	/// The block in which the agreement was first accepted.
	pub since: Option<BlockNumber>,
	/// The block of its last change.
	pub changed: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// The agreement between `country` and `partner` (a terminated one too, until the two
	/// propose a new one), as `country` sees it.
	pub fn agreement(
		country: CountryCode,
		partner: CountryCode,
	) -> Option<AgreementView<BlockNumberFor<T>>> {
		let pair = Pair::of(country, partner)?;
		let agreement = Agreements::<T>::get(pair.first, pair.second)?;
		let (gives, receives) = agreement.terms.for_side(pair, country);
		Some(AgreementView {
			partner,
			state: agreement.state,
			gives,
			receives,
			proposal: agreement.proposal.map(|proposal| {
				let (gives, receives) = proposal.terms.for_side(pair, country);
				ProposalView { by: proposal.by, gives, receives, at: proposal.at }
			}),
			since: agreement.since,
			changed: agreement.changed,
		})
	}

	/// Every agreement of `country` that is not terminated, as it sees them, in the order
	/// they were proposed.
	pub fn agreements(country: CountryCode) -> Vec<AgreementView<BlockNumberFor<T>>> {
		Partners::<T>::get(country)
			.into_iter()
			.filter_map(|partner| Self::agreement(country, partner))
			.collect()
	}

	/// What `from` grants `to` now for documents of `kind`, group by group (in
	/// [`FieldGroup`](tamga_primitives::FieldGroup) order): the signed terms of an active
	/// agreement between two member administrations, nothing otherwise.
	pub fn granted(
		from: CountryCode,
		to: CountryCode,
		kind: DocumentKind,
	) -> [Access; FIELD_GROUPS] {
		let Some(pair) = Pair::of(from, to) else { return [Access::None; FIELD_GROUPS] };
		let members =
			T::Permissions::is_administration(from) && T::Permissions::is_administration(to);
		Agreements::<T>::get(pair.first, pair.second)
			.filter(|_| members)
			.map_or(Grants::NONE, |agreement| agreement.granted(pair, from))
			.of_kind(kind)
	}

	/// `country`'s exchange key, if it set one.
	pub fn exchange_key(country: CountryCode) -> Option<[u8; 32]> {
		ExchangeKeys::<T>::get(country)
	}

	/// The field commitment of `document`, if its author made one.
	pub fn field_commitment(document: H256) -> Option<H256> {
		FieldCommitments::<T>::get(document)
	}
}
