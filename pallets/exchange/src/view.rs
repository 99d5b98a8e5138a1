//! What the runtime API answers: one administration's agreements as it sees them (what
//! it gives, what it receives), what one administration grants another now, exchange
//! keys, field commitments (and whether they read as void), receipts a page at a time and
//! appended records.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::{
	Access, CountryCode, DocumentKind, FieldGroups, Grants, Permissions, Refusal, FIELD_GROUPS,
};

use crate::{
	types::{AgreementState, Appendix, Pair, Receipt},
	Agreements, AnchoredDocuments, Appendices, Config, ExchangeKeys, FieldCommitments, Pallet,
	Partners, Receipts,
};

/// The most receipts one page lists (what `tamga_exchangeReceipts` lists by default).
pub const MAX_LISTED_RECEIPTS: u32 = 1_000;

/// The most receipts one [`receipts_of`](crate::Pallet::receipts_of) read answers: a
/// node's inbox round.
pub const MAX_RECEIPTS_OF: u32 = 1_024;

/// One receipt as listed: the sender, the document, the delivery (blake2-256 of what
/// arrived) and what the receiver recorded.
pub type ListedReceipt<BlockNumber> = (CountryCode, H256, H256, Receipt<BlockNumber>);

/// One page of the receipts an administration recorded.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ReceiptsPage<BlockNumber> {
	/// How many receipts match in all.
	pub total: u32,
	/// The page's receipts, oldest change first.
	pub receipts: Vec<ListedReceipt<BlockNumber>>,
}

/// A document's field commitment as the runtime API answers it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct CommitmentView<BlockNumber> {
	/// The root over the document's salted field groups.
	pub root: H256,
	/// The block in which its author made it.
	pub at: BlockNumber,
	/// Whether it reads as void: made after its author's key cut-off, or by a party whose
	/// anchoring is void. A void commitment proves nothing.
	pub void: bool,
}

/// Why a delivery may not go (checked by the sender before sending and by the receiver
/// on arrival, at a finalized block).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum DeliveryRefused {
	/// The document is not anchored.
	UnknownDocument,
	/// The two administrations have no agreement (or a terminated one): the receiver
	/// cannot even record a rejection.
	NoAgreement,
	/// Refused for a reason the receiver records in a rejected receipt.
	Refused(Refusal),
}

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

	/// The field commitment of `document`, if its author made one, and whether it reads as
	/// void.
	pub fn field_commitment(document: H256) -> Option<CommitmentView<BlockNumberFor<T>>> {
		let commitment = FieldCommitments::<T>::get(document)?;
		let void = T::Documents::document(&document)
			.is_none_or(|anchored| Self::commitment_void(&anchored, commitment.at));
		Some(CommitmentView { root: commitment.root, at: commitment.at, void })
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `from` may deliver `groups` of `document` to `to` now, and if so the field
	/// commitment to check them against: the document is anchored, the agreement between
	/// the two is active and grants each group (passing on another administration's
	/// document needs `full` from it), and the document has a commitment that is not void.
	/// The same checks as [`Pallet::record_receipt`] makes of a new delivered receipt.
	pub fn delivery_check(
		from: CountryCode,
		to: CountryCode,
		document: H256,
		groups: FieldGroups,
	) -> Result<H256, DeliveryRefused> {
		let anchored = T::Documents::document(&document).ok_or(DeliveryRefused::UnknownDocument)?;
		let pair = Pair::of(from, to).ok_or(DeliveryRefused::NoAgreement)?;
		let agreement = Agreements::<T>::get(pair.first, pair.second)
			.filter(|agreement| agreement.is_open())
			.ok_or(DeliveryRefused::NoAgreement)?;
		if agreement.state != AgreementState::Active {
			return Err(DeliveryRefused::Refused(Refusal::AgreementNotActive));
		}
		if groups.is_empty() || !Self::may_send(from, to, &anchored, groups) {
			return Err(DeliveryRefused::Refused(Refusal::NotGranted));
		}
		let commitment = FieldCommitments::<T>::get(document)
			.filter(|commitment| !Self::commitment_void(&anchored, commitment.at))
			.ok_or(DeliveryRefused::Refused(Refusal::NoCommitment))?;
		Ok(commitment.root)
	}

	/// The receipt `to` recorded of `from`'s delivery `payload` of `document`, if any.
	pub fn receipt(
		to: CountryCode,
		from: CountryCode,
		document: H256,
		payload: H256,
	) -> Option<Receipt<BlockNumberFor<T>>> {
		Receipts::<T>::get((to, from, document, payload))
	}

	/// The receipts `to` recorded of `deliveries` (sender, document, payload), in their
	/// order; past the first [`MAX_RECEIPTS_OF`], `None`.
	pub fn receipts_of(
		to: CountryCode,
		deliveries: Vec<(CountryCode, H256, H256)>,
	) -> Vec<Option<Receipt<BlockNumberFor<T>>>> {
		deliveries
			.into_iter()
			.enumerate()
			.map(|(index, (from, document, payload))| {
				(index < MAX_RECEIPTS_OF as usize)
					.then(|| Receipts::<T>::get((to, from, document, payload)))
					.flatten()
			})
			.collect()
	}

	/// Page `page` (from 0) of the receipts `to` recorded (of deliveries from `from`, if
	/// given), oldest change first, `limit` a page (lowered to [`MAX_LISTED_RECEIPTS`]),
	/// with how many there are in all.
	pub fn receipts(
		to: CountryCode,
		from: Option<CountryCode>,
		page: u32,
		limit: u32,
	) -> ReceiptsPage<BlockNumberFor<T>> {
		let mut all: Vec<ListedReceipt<BlockNumberFor<T>>> = match from {
			Some(from) => Receipts::<T>::iter_prefix((to, from))
				.map(|((document, payload), receipt)| (from, document, payload, receipt))
				.collect(),
			None => Receipts::<T>::iter_prefix((to,))
				.map(|((from, document, payload), receipt)| (from, document, payload, receipt))
				.collect(),
		};
		all.sort_by(|a, b| (a.3.at, a.0, a.1, a.2).cmp(&(b.3.at, b.0, b.1, b.2)));
		let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
		let limit = limit.min(MAX_LISTED_RECEIPTS) as usize;
		let start = (page as usize).saturating_mul(limit);
		ReceiptsPage { total, receipts: all.into_iter().skip(start).take(limit).collect() }
	}

	/// The records appended to `document`, by number, oldest first.
	pub fn appendices(document: H256) -> Vec<(u32, Appendix<BlockNumberFor<T>>)> {
		let mut all: Vec<_> = Appendices::<T>::iter_prefix(document).collect();
		all.sort_by_key(|(index, _)| *index);
		all
	}
}
