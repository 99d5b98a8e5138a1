//! # Tamga exchange pallet
//!
//! The on-chain half of the information space between administrations (issue 23): what
//! each administration lets each partner have of its documents, the keys the partners
//! encrypt to, and the commitments that let a partner prove the parts of a document it
//! received. Contents never come on chain.
//!
//! ## Overview
//! - **Agreements** between two administrations, stored once per pair: for each kind of
//!   document ([`DocumentKind`](tamga_primitives::DocumentKind)) and each field group
//!   ([`FieldGroup`](tamga_primitives::FieldGroup)) an access mode
//!   ([`Access`](tamga_primitives::Access): none, read, read-and-append, full), in each
//!   direction ([`Terms`]). A member account `propose`s terms to a partner (symmetric
//!   unless it states what it receives apart from what it gives); the partner `accept`s
//!   exactly those terms (naming them, so a counter-proposal made meanwhile is never
//!   signed unseen) or either side `decline`s. Either side may propose new terms for an
//!   agreement in force (the old ones apply until accepted), `suspend` it (only that side
//!   `resume`s) or `terminate` it. While an agreement is not active nothing is granted.
//! - **Exchange keys**: each administration's X25519 public key, to which partners encrypt
//!   what they send; set and rotated by its member accounts.
//! - **Field commitments**: the author of an anchored document commits, once, to the
//!   salted hashes of its field groups
//!   ([`fields_root`](tamga_primitives::exchange::fields_root)), so a partner that
//!   receives only some groups proves them against the chain.
//! - **Receipts**: the receiving administration records what came of each delivery of a
//!   document's groups from a partner (delivered, acknowledged, or rejected with a
//!   reason), keyed by the hash of what arrived. A delivery is receipted as delivered or
//!   acknowledged only if the document has a field commitment and an active agreement
//!   grants the groups (a partner passing on another administration's document needs
//!   `full` from it); a rejection needs an agreement between the two.
//! - **Appendices**: an administration appends its own records (a control result, a
//!   release, a use) to a document it received when the document's administration grants
//!   it `readAppend` or `full` on a group of its kind (or the document is its own), at
//!   most `MaxAppendices` per administration and document.
//!
//! An administration that leaves the consortium takes its agreements and key with it.
//! Who may act is decided by the governance pallet's [`Permissions`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod runtime_api;
pub mod types;
pub mod view;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::{
	Agreement, AgreementState, AgreementStateName, AnchoredDocument, Appendix, FieldCommitment,
	Pair, Proposal, Receipt, ReceiptEntry, Terms,
};
pub use view::{
	AgreementView, CommitmentView, DeliveryRefused, ListedReceipt, ProposalView, ReceiptsPage,
	MAX_LISTED_RECEIPTS, MAX_RECEIPTS_OF,
};
pub use weights::WeightInfo;

/// What the exchange pallet needs to know of anchored documents.
pub trait AnchoredDocuments<AccountId> {
	/// Document `id`'s author, country and kind, or `None` if no document has that id.
	fn document(id: &sp_core::H256) -> Option<AnchoredDocument<AccountId>>;

	/// Benchmarks only: anchors a document `id` of KZ authored by `author`, an issuer of
	/// KZ that [`Permissions::set_up_party`](tamga_primitives::Permissions) made.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_up_document(id: &sp_core::H256, author: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use tamga_primitives::{
		AppendixKind, CountryCode, Denied, FieldGroups, Grants, Permissions, ReceiptStatus, Role,
	};

	use crate::{
		types::{
			Agreement, AgreementState, AnchoredDocument, Appendix, FieldCommitment, Pair, Proposal,
			Receipt, ReceiptEntry, Terms,
		},
		weights::WeightInfo,
		AnchoredDocuments,
	};

	/// An agreement as stored.
	pub type AgreementOf<T> = Agreement<BlockNumberFor<T>>;
	/// A receipt as stored.
	pub type ReceiptOf<T> = Receipt<BlockNumberFor<T>>;
	/// An appendix as stored.
	pub type AppendixOf<T> = Appendix<BlockNumberFor<T>>;
	/// A field commitment as stored.
	pub type FieldCommitmentOf<T> = FieldCommitment<BlockNumberFor<T>>;

	/// The current storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may act: the governance pallet.
		type Permissions: Permissions<Self::AccountId, BlockNumberFor<Self>>;
		/// The anchored documents (the certificates pallet), for field commitments.
		type Documents: AnchoredDocuments<Self::AccountId>;
		/// The most agreements not terminated one administration may have.
		#[pallet::constant]
		type MaxPartners: Get<u32>;
		/// The most records one administration may append to one document.
		#[pallet::constant]
		type MaxAppendices: Get<u32>;
		/// The most receipts one `record_receipts` call carries.
		#[pallet::constant]
		type MaxReceiptsPerCall: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Agreements, by the pair of administrations (smaller country code first). A
	/// terminated one stays until the two propose a new one.
	#[pallet::storage]
	pub type Agreements<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CountryCode,
		Blake2_128Concat,
		CountryCode,
		AgreementOf<T>,
	>;

	/// Each administration's partners in agreements not terminated.
	#[pallet::storage]
	pub type Partners<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CountryCode,
		BoundedVec<CountryCode, T::MaxPartners>,
		ValueQuery,
	>;

	/// Each administration's X25519 public key, to which partners encrypt what they send.
	#[pallet::storage]
	pub type ExchangeKeys<T: Config> = StorageMap<_, Blake2_128Concat, CountryCode, [u8; 32]>;

	/// Field commitments of anchored documents, by document id: the root over the salted
	/// hashes of the document's field groups, set once by its author (replaced only if it
	/// reads as void), with the block it was made in.
	#[pallet::storage]
	pub type FieldCommitments<T: Config> = StorageMap<_, Identity, H256, FieldCommitmentOf<T>>;

	/// Receipts, by receiving administration, sending administration, document and
	/// delivery (blake2-256 of what arrived).
	#[pallet::storage]
	pub type Receipts<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CountryCode>,
			NMapKey<Blake2_128Concat, CountryCode>,
			NMapKey<Identity, H256>,
			NMapKey<Identity, H256>,
		),
		ReceiptOf<T>,
	>;

	/// The documents each administration has received (a delivery receipted as delivered
	/// or acknowledged): what it may append records to under `readAppend`.
	#[pallet::storage]
	pub type Received<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, CountryCode, Identity, H256, ()>;

	/// Records appended to documents, by document and number (from 0).
	#[pallet::storage]
	pub type Appendices<T: Config> =
		StorageDoubleMap<_, Identity, H256, Twox64Concat, u32, AppendixOf<T>>;

	/// The number the next record appended to each document gets.
	#[pallet::storage]
	pub type NextAppendix<T: Config> = StorageMap<_, Identity, H256, u32, ValueQuery>;

	/// How many records each administration appended to each document (at most
	/// `MaxAppendices`, so no partner fills a document's record for the others).
	#[pallet::storage]
	pub type AppendixCount<T: Config> =
		StorageDoubleMap<_, Identity, H256, Blake2_128Concat, CountryCode, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `by` proposed terms to `partner` (`symmetric`: both grant each other the same).
		AgreementProposed { by: CountryCode, partner: CountryCode, symmetric: bool },
		/// `by` accepted the terms `partner` proposed; they apply from now on.
		AgreementAccepted { by: CountryCode, partner: CountryCode },
		/// `by` declined or withdrew the terms proposed between it and `partner`.
		ProposalDeclined { by: CountryCode, partner: CountryCode },
		/// `by` suspended its agreement with `partner`.
		AgreementSuspended { by: CountryCode, partner: CountryCode },
		/// `by` resumed its agreement with `partner`.
		AgreementResumed { by: CountryCode, partner: CountryCode },
		/// `by` terminated its agreement with `partner`.
		AgreementTerminated { by: CountryCode, partner: CountryCode },
		/// `country`'s administration set its exchange key.
		ExchangeKeySet { country: CountryCode, key: [u8; 32] },
		/// `country`'s administration left the consortium and its exchange key with it.
		ExchangeKeyRemoved { country: CountryCode },
		/// The author of `document` committed to its field groups.
		FieldsCommitted { document: H256, root: H256 },
		/// `to` recorded what came of `from`'s delivery `payload` of `document`'s groups.
		ReceiptRecorded {
			document: H256,
			from: CountryCode,
			to: CountryCode,
			payload: H256,
			status: ReceiptStatus,
		},
		/// Receipt `index` of a `record_receipts` call was not recorded (the others were).
		ReceiptNotRecorded { index: u32, receipt: ReceiptEntry, error: DispatchError },
		/// `by` appended record `index` of `kind` to `document`.
		Appended { document: H256, index: u32, by: CountryCode, kind: AppendixKind },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The sender may not make this call, and why, in the consortium's one vocabulary.
		Denied(tamga_primitives::Denied),
		/// A country code is not an assigned ISO 3166-1 alpha-2 code.
		UnknownCountry,
		/// The partner is not a member administration.
		UnknownAdministration,
		/// An administration makes no agreement with itself.
		SelfAgreement,
		/// The terms grant nothing in either direction.
		EmptyTerms,
		/// One of the two administrations has `MaxPartners` agreements already.
		TooManyPartners,
		/// The two administrations have no agreement (or only a terminated one).
		NoAgreement,
		/// No terms are proposed between the two.
		NoProposal,
		/// The sender's administration proposed these terms itself: the partner accepts.
		OwnProposal,
		/// The proposed terms are not the ones the sender named: read them again.
		TermsChanged,
		/// The agreement is not active (only an active one can be suspended).
		NotActive,
		/// The agreement is not suspended, or the sender's administration did not
		/// suspend it.
		NotSuspendedByYou,
		/// An exchange key of all zeros is no key.
		InvalidKey,
		/// No document has this id.
		UnknownDocument,
		/// Only the document's author commits to its field groups.
		NotAuthor,
		/// The document's field groups are committed already (a commitment that does not
		/// read as void never changes).
		AlreadyCommitted,
		/// The document has no field commitment to check a delivery against.
		NoCommitment,
		/// The receipt's groups are not the ones the delivery was receipted with.
		GroupsMismatch,
		/// The sender's administration has not received the document (no delivery
		/// receipted as delivered or acknowledged), so it appends nothing to it.
		NotReceived,
		/// A receipt names no group.
		NoGroups,
		/// The sender's agreement does not grant the receiver a group the receipt names
		/// (not active, not granted at `read` or above, or, for another administration's
		/// document, not granted to the sender at `full`).
		NotGranted,
		/// The delivery's receipt is acknowledged or rejected already.
		ReceiptFinal,
		/// The document's administration grants the sender's no `readAppend` or `full`
		/// on any group of the document's kind.
		AppendNotGranted,
		/// The sender's administration appended `MaxAppendices` records to the document
		/// already.
		TooManyAppendices,
		/// This delivery was receipted as delivered already.
		AlreadyRecorded,
		/// A `record_receipts` call carries no receipt.
		NoReceipts,
	}

	tamga_primitives::impl_from_denied!(Error);

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Proposes to `partner`'s administration terms by which the sender's administration
		/// grants `gives` and receives `receives` (`None`: the same as it gives). Creates the
		/// agreement if the two have none (or only a terminated one); otherwise replaces
		/// the terms proposed so far (a counter-proposal), while terms in force apply until
		/// the new ones are accepted.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			partner: [u8; 2],
			gives: Grants,
			receives: Option<Grants>,
		) -> DispatchResult {
			let (by, partner, pair) = Self::ensure_pair(origin, partner)?;
			ensure!(T::Permissions::is_administration(partner), Error::<T>::UnknownAdministration);
			let terms = Terms::from_side(pair, by, gives, receives.unwrap_or(gives));
			ensure!(!terms.is_empty(), Error::<T>::EmptyTerms);
			let proposal = Proposal { by, terms, at: Self::now() };
			match Agreements::<T>::get(pair.first, pair.second).filter(|a| a.is_open()) {
				Some(mut agreement) => {
					agreement.proposal = Some(proposal);
					agreement.changed = Self::now();
					Agreements::<T>::insert(pair.first, pair.second, agreement);
				},
				None => {
					for (side, other) in [(pair.first, pair.second), (pair.second, pair.first)] {
						Partners::<T>::try_mutate(side, |partners| partners.try_push(other))
							.map_err(|_| Error::<T>::TooManyPartners)?;
					}
					Agreements::<T>::insert(
						pair.first,
						pair.second,
						AgreementOf::<T> {
							state: AgreementState::Proposed,
							terms: Terms::default(),
							proposal: Some(proposal),
							since: None,
							changed: Self::now(),
						},
					);
				},
			}
			let symmetric = terms.is_symmetric();
			Self::deposit_event(Event::AgreementProposed { by, partner, symmetric });
			Ok(())
		}

		/// Accepts the terms `partner`'s administration proposed, which must be `terms`
		/// (what the sender read). The agreement becomes active with them (a suspended
		/// one stays suspended, with the new terms).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept())]
		pub fn accept(origin: OriginFor<T>, partner: [u8; 2], terms: Terms) -> DispatchResult {
			let (by, partner, pair) = Self::ensure_pair(origin, partner)?;
			Self::update(pair, |agreement| {
				let proposal = agreement.proposal.ok_or(Error::<T>::NoProposal)?;
				ensure!(proposal.by != by, Error::<T>::OwnProposal);
				ensure!(proposal.terms == terms, Error::<T>::TermsChanged);
				agreement.terms = proposal.terms;
				agreement.proposal = None;
				if agreement.state == AgreementState::Proposed {
					agreement.state = AgreementState::Active;
					agreement.since = Some(Self::now());
				}
				Ok(())
			})?;
			Self::deposit_event(Event::AgreementAccepted { by, partner });
			Ok(())
		}

		/// Declines the terms proposed between the sender's administration and `partner`'s
		/// (the proposer withdraws them the same way). An agreement never accepted ends
		/// with it; one in force keeps its terms.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::decline())]
		pub fn decline(origin: OriginFor<T>, partner: [u8; 2]) -> DispatchResult {
			let (by, partner, pair) = Self::ensure_pair(origin, partner)?;
			let mut ended = false;
			Self::update(pair, |agreement| {
				agreement.proposal.take().ok_or(Error::<T>::NoProposal)?;
				if agreement.state == AgreementState::Proposed {
					agreement.state = AgreementState::Terminated { by };
					ended = true;
				}
				Ok(())
			})?;
			if ended {
				Self::free_places(pair);
			}
			Self::deposit_event(Event::ProposalDeclined { by, partner });
			Ok(())
		}

		/// Suspends the active agreement with `partner`'s administration: nothing is
		/// granted either way until the sender's administration resumes it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, partner: [u8; 2]) -> DispatchResult {
			let (by, partner, pair) = Self::ensure_pair(origin, partner)?;
			Self::update(pair, |agreement| {
				ensure!(agreement.state == AgreementState::Active, Error::<T>::NotActive);
				agreement.state = AgreementState::Suspended { by };
				Ok(())
			})?;
			Self::deposit_event(Event::AgreementSuspended { by, partner });
			Ok(())
		}

		/// Resumes the agreement with `partner`'s administration that the sender's
		/// administration suspended.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resume())]
		pub fn resume(origin: OriginFor<T>, partner: [u8; 2]) -> DispatchResult {
			let (by, partner, pair) = Self::ensure_pair(origin, partner)?;
			Self::update(pair, |agreement| {
				ensure!(
					agreement.state == AgreementState::Suspended { by },
					Error::<T>::NotSuspendedByYou
				);
				agreement.state = AgreementState::Active;
				Ok(())
			})?;
			Self::deposit_event(Event::AgreementResumed { by, partner });
			Ok(())
		}

		/// Terminates the agreement with `partner`'s administration for good, at any stage;
		/// the two may then propose a new one.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::terminate())]
		pub fn terminate(origin: OriginFor<T>, partner: [u8; 2]) -> DispatchResult {
			let (by, partner, pair) = Self::ensure_pair(origin, partner)?;
			Self::end(pair, by)?;
			Self::deposit_event(Event::AgreementTerminated { by, partner });
			Ok(())
		}

		/// Sets the X25519 public key of the sender's administration, to which partners
		/// encrypt what they send it (replacing the previous one).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_exchange_key())]
		pub fn set_exchange_key(origin: OriginFor<T>, key: [u8; 32]) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let country = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			ensure!(key != [0; 32], Error::<T>::InvalidKey);
			ExchangeKeys::<T>::insert(country, key);
			Self::deposit_event(Event::ExchangeKeySet { country, key });
			Ok(())
		}

		/// Commits to the field groups of anchored document `document`: `root` is the root
		/// over the salted hashes of its groups. Only the document's author, with its
		/// accreditation in force, may; once (unless the commitment reads as void).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::commit_fields())]
		pub fn commit_fields(origin: OriginFor<T>, document: H256, root: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let anchored = T::Documents::document(&document).ok_or(Error::<T>::UnknownDocument)?;
			ensure!(who == anchored.author, Error::<T>::NotAuthor);
			let kind = (anchored.role == tamga_primitives::Role::Issuer).then_some(anchored.kind);
			T::Permissions::ensure_party(
				&who,
				anchored.role,
				kind,
				Some(anchored.country),
				Self::now(),
			)
			.map_err(Error::<T>::from)?;
			let replaceable = FieldCommitments::<T>::get(document)
				.is_none_or(|c| Self::commitment_void(&anchored, c.at));
			ensure!(replaceable, Error::<T>::AlreadyCommitted);
			FieldCommitments::<T>::insert(
				document,
				FieldCommitmentOf::<T> { root, at: Self::now() },
			);
			Self::deposit_event(Event::FieldsCommitted { document, root });
			Ok(())
		}

		/// Records, for the sender's administration, what came of `from`'s delivery
		/// `payload` (blake2-256 of what arrived) of `groups` of `document`. A new
		/// delivered or acknowledged receipt needs the groups granted now by an active
		/// agreement and the document's field commitment; a rejection needs an agreement
		/// between the two (in any state but terminated). A delivered receipt may become
		/// acknowledged or rejected, with the same groups; those are final.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::record_receipt())]
		pub fn record_receipt(
			origin: OriginFor<T>,
			from: [u8; 2],
			document: H256,
			groups: FieldGroups,
			payload: H256,
			status: ReceiptStatus,
		) -> DispatchResult {
			let to = Self::ensure_receiving(origin)?;
			Self::record(to, ReceiptEntry { from, document, groups, payload, status })
		}

		/// Appends a record of `kind` (`hash`: blake2-256 of the record, kept off chain) to
		/// `document` for the sender's administration: its own document, or one it received
		/// whose administration grants it `readAppend` or `full` on a group of the
		/// document's kind; at most `MaxAppendices` records per administration and document.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::append())]
		pub fn append(
			origin: OriginFor<T>,
			document: H256,
			kind: AppendixKind,
			hash: H256,
		) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let by = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			let anchored = T::Documents::document(&document).ok_or(Error::<T>::UnknownDocument)?;
			if by != anchored.country {
				ensure!(
					Self::granted(anchored.country, by, anchored.kind)
						.iter()
						.any(|access| access.appends()),
					Error::<T>::AppendNotGranted
				);
				ensure!(Received::<T>::contains_key(by, document), Error::<T>::NotReceived);
			}
			let appended = AppendixCount::<T>::get(document, by);
			ensure!(appended < T::MaxAppendices::get(), Error::<T>::TooManyAppendices);
			let index = NextAppendix::<T>::get(document);
			Appendices::<T>::insert(
				document,
				index,
				AppendixOf::<T> { by, kind, hash, at: Self::now() },
			);
			NextAppendix::<T>::insert(document, index.saturating_add(1));
			AppendixCount::<T>::insert(document, by, appended + 1);
			Self::deposit_event(Event::Appended { document, index, by, kind });
			Ok(())
		}

		/// Records, for the sender's administration, each receipt of `receipts` as
		/// [`record_receipt`](Self::record_receipt) would, in one transaction: what a
		/// receiving node sends for many deliveries at once. A receipt that
		/// `record_receipt` would refuse is left out with `ReceiptNotRecorded` (its index
		/// and error); the others are recorded.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::record_receipts(receipts.len() as u32))]
		pub fn record_receipts(
			origin: OriginFor<T>,
			receipts: BoundedVec<ReceiptEntry, T::MaxReceiptsPerCall>,
		) -> DispatchResult {
			let to = Self::ensure_receiving(origin)?;
			ensure!(!receipts.is_empty(), Error::<T>::NoReceipts);
			for (index, receipt) in receipts.into_iter().enumerate() {
				if let Err(error) = Self::record(to, receipt) {
					let index = index as u32;
					Self::deposit_event(Event::ReceiptNotRecorded { index, receipt, error });
				}
			}
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The current block number.
		pub(crate) fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// Checks that `origin` is a member account; returns its administration, `partner`
		/// as a country and the pair of the two.
		fn ensure_pair(
			origin: OriginFor<T>,
			partner: [u8; 2],
		) -> Result<(CountryCode, CountryCode, Pair), DispatchError> {
			let member = ensure_signed(origin)?;
			let by = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			let partner = CountryCode::new(partner).ok_or(Error::<T>::UnknownCountry)?;
			let pair = Pair::of(by, partner).ok_or(Error::<T>::SelfAgreement)?;
			Ok((by, partner, pair))
		}

		/// The administration a receipt is recorded for: the signer's, if it is a member
		/// account, or the administration whose exchange node (a party accredited as
		/// [`Role::ExchangeNode`]) signed it.
		fn ensure_receiving(origin: OriginFor<T>) -> Result<CountryCode, DispatchError> {
			let signer = ensure_signed(origin)?;
			let by = T::Permissions::ensure_member(&signer).or_else(|not_member| {
				T::Permissions::ensure_party(&signer, Role::ExchangeNode, None, None, Self::now())
					.map_err(|denied| match denied {
						Denied::NotAccredited => not_member,
						other => other,
					})
			});
			Ok(by.map_err(Error::<T>::from)?)
		}

		/// Records `receipt` for receiving administration `to` (the checks of
		/// [`record_receipt`](Pallet::record_receipt)); nothing is written if it fails.
		fn record(to: CountryCode, receipt: ReceiptEntry) -> DispatchResult {
			let ReceiptEntry { from, document, groups, payload, status } = receipt;
			let from = CountryCode::new(from).ok_or(Error::<T>::UnknownCountry)?;
			let pair = Pair::of(to, from).ok_or(Error::<T>::SelfAgreement)?;
			ensure!(!groups.is_empty(), Error::<T>::NoGroups);
			let anchored = T::Documents::document(&document).ok_or(Error::<T>::UnknownDocument)?;
			let rejected = matches!(status, ReceiptStatus::Rejected(_));
			match Receipts::<T>::get((to, from, document, payload)) {
				Some(receipt) => {
					ensure!(receipt.status == ReceiptStatus::Delivered, Error::<T>::ReceiptFinal);
					ensure!(status != ReceiptStatus::Delivered, Error::<T>::AlreadyRecorded);
					ensure!(receipt.groups == groups, Error::<T>::GroupsMismatch);
				},
				None if rejected => ensure!(
					Agreements::<T>::get(pair.first, pair.second).is_some_and(|a| a.is_open()),
					Error::<T>::NoAgreement
				),
				None => {
					ensure!(
						FieldCommitments::<T>::contains_key(document),
						Error::<T>::NoCommitment
					);
					ensure!(Self::may_send(from, to, &anchored, groups), Error::<T>::NotGranted);
				},
			}
			Receipts::<T>::insert(
				(to, from, document, payload),
				ReceiptOf::<T> { status, groups, at: Self::now() },
			);
			if !rejected {
				Received::<T>::insert(to, document, ());
			}
			Self::deposit_event(Event::ReceiptRecorded { document, from, to, payload, status });
			Ok(())
		}

		/// Applies `update` to the open agreement of `pair` and stores it if it succeeds.
		fn update(
			pair: Pair,
			update: impl FnOnce(&mut AgreementOf<T>) -> Result<(), Error<T>>,
		) -> DispatchResult {
			Agreements::<T>::try_mutate(pair.first, pair.second, |stored| {
				let agreement =
					stored.as_mut().filter(|a| a.is_open()).ok_or(Error::<T>::NoAgreement)?;
				update(agreement)?;
				agreement.changed = Self::now();
				Ok(())
			})
		}

		/// Terminates the open agreement of `pair` by `by` and frees both sides' places.
		pub(crate) fn end(pair: Pair, by: CountryCode) -> DispatchResult {
			Self::update(pair, |agreement| {
				agreement.state = AgreementState::Terminated { by };
				agreement.proposal = None;
				Ok(())
			})?;
			Self::free_places(pair);
			Ok(())
		}

		/// Whether `from` may send `groups` of `document` to `to` now: its active agreement
		/// grants each at `read` or above and, for another administration's document, that
		/// administration grants each to `from` at `full`.
		pub(crate) fn may_send(
			from: CountryCode,
			to: CountryCode,
			document: &AnchoredDocument<T::AccountId>,
			groups: FieldGroups,
		) -> bool {
			let to_receiver = Self::granted(from, to, document.kind);
			let passed_on = (from != document.country)
				.then(|| Self::granted(document.country, from, document.kind));
			groups.iter().all(|group| {
				to_receiver[group.index()].reads()
					&& passed_on
						.is_none_or(|modes| modes[group.index()] == tamga_primitives::Access::Full)
			})
		}

		/// Whether a field commitment of `document` made in block `at` reads as void: made
		/// after its author's key cut-off, or by a party whose anchoring is void (its
		/// administration left, or the consortium voided it).
		pub(crate) fn commitment_void(
			document: &AnchoredDocument<T::AccountId>,
			at: BlockNumberFor<T>,
		) -> bool {
			T::Permissions::voiding(&document.author, document.country, at).is_some()
				|| T::Permissions::issuer_key_cutoff(&document.author)
					.is_some_and(|cutoff| at > cutoff)
		}

		/// Removes each side of `pair` from the other's partners.
		fn free_places(pair: Pair) {
			Partners::<T>::mutate(pair.first, |partners| partners.retain(|p| *p != pair.second));
			Partners::<T>::mutate(pair.second, |partners| partners.retain(|p| *p != pair.first));
		}
	}
}

impl<T: Config> tamga_primitives::OnAdministrationLeft for Pallet<T> {
	/// Terminates every agreement of the administration that left (by it), freeing its
	/// partners' places, and removes its exchange key; at most `MaxPartners` agreements.
	fn on_administration_left(
		country: tamga_primitives::CountryCode,
	) -> frame_support::weights::Weight {
		let partners = Partners::<T>::get(country);
		for partner in &partners {
			if let Some(pair) = types::Pair::of(country, *partner) {
				// The list holds only agreements not terminated yet: ending one cannot fail.
				let _ = Self::end(pair, country);
				Self::deposit_event(Event::AgreementTerminated { by: country, partner: *partner });
			}
		}
		if ExchangeKeys::<T>::take(country).is_some() {
			Self::deposit_event(Event::ExchangeKeyRemoved { country });
		}
		Self::departure_weight(partners.len() as u64)
	}

	fn max_weight() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		Self::departure_weight(T::MaxPartners::get().into())
	}
}

impl<T: Config> Pallet<T> {
	/// A leaving administration's departure: its partner list read and its key removed,
	/// and per agreement the agreement read and written and both sides' lists read and
	/// written.
	fn departure_weight(count: u64) -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		T::DbWeight::get()
			.reads_writes(1, 1)
			.saturating_add(T::DbWeight::get().reads_writes(3, 3).saturating_mul(count))
	}
}
