//! # Tamga certificates pallet
//!
//! Certificates of origin (EAEU CT-1, EUR.1, Form A, non-preferential) and veterinary
//! certificates, anchored by hash. The document itself stays off chain; the chain keeps
//! its id (blake2-256 of its exact bytes), the facts needed to decide whether it is valid
//! (kind, number, countries, HS codes, validity, quantity), a salted commitment of the
//! exporter, its status and every event of its life.
//!
//! ## Overview
//! - An issuer accredited by its administration for the document's kind `register`s it;
//!   the exporting country is the issuer's own. Numbers are unique per issuer.
//! - An approved exporter `register`s its own origin declarations (kind
//!   [`CertificateKind::OriginDeclaration`]: self-certification, same record shape).
//! - Any exporter known to its administration may `apply` for a certificate; an issuer of
//!   that country accredited for the kind `endorse`s it (the document is then anchored as
//!   issued by that issuer, on the exporter's application) or `reject`s it with a reason
//!   from [`RejectionReason`]; the exporter may `withdraw` it while it is pending.
//! - `replace` anchors a corrected document; the old one becomes `Replaced` and links to
//!   the new one. `revoke` withdraws one, with a reason from [`RevocationReason`] and the
//!   hash of a free-text explanation kept off chain.
//! - Officers of the importing country `record_use`s: cumulative uses never exceed the
//!   declared quantity; nothing can be used after revocation, replacement or expiry, or
//!   if the issuer's key was cut off before the document was anchored.
//! - `register_batch` anchors a Merkle root over many ids at once ([`merkle`]); any member
//!   is verifiable with its proof and `revoke_batch_member` revokes one alone.
//! - Expiry is computed when asked (the validity window is in days since 1970-01-01 UTC
//!   against the chain's timestamp): no sweep, no stored expiry status.
//! - Every action on a record is appended to its history (block, extrinsic index, actor,
//!   action) for auditors.
//!
//! [`Pallet::verify`] and [`Pallet::verify_batch_member`] give the verdict a border officer
//! needs ([`verification`]).
//!
//! Who may act is decided by the governance pallet's [`Permissions`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod merkle;
pub mod runtime_api;
pub mod types;
pub mod verification;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::{CertificateKind, DocumentId, RejectionReason, RevocationReason, Status};
pub use verification::{BatchValidity, BatchVerification, Validity, Verification};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use pallet_tamga_governance::{CountryCode, Denied, Permissions, Role};
	use sp_core::H256;

	use crate::{
		merkle,
		types::{
			valid_hs_code, Action, Application, Batch, CertificateKind, DocumentFacts, DocumentId,
			HistoryEntry, Record, RejectionReason, RevocationReason, Status,
		},
		weights::WeightInfo,
	};

	/// The facts of a document as this runtime bounds them.
	pub type FactsOf<T> = DocumentFacts<<T as Config>::MaxNumberLength, <T as Config>::MaxHsCodes>;
	/// A record as stored.
	pub type RecordOf<T> = Record<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNumberLength,
		<T as Config>::MaxHsCodes,
	>;
	/// A pending application as stored.
	pub type ApplicationOf<T> = Application<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNumberLength,
		<T as Config>::MaxHsCodes,
	>;
	/// A history entry as stored.
	pub type HistoryEntryOf<T> =
		HistoryEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A batch as stored.
	pub type BatchOf<T> = Batch<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// Seconds in a day.
	const SECONDS_PER_DAY: u64 = 86_400;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may act: the governance pallet.
		type Permissions: Permissions<Self::AccountId, BlockNumberFor<Self>>;
		/// The chain's clock (the block timestamp), for validity windows.
		type Time: UnixTime;
		/// The longest certificate number, in bytes.
		#[pallet::constant]
		type MaxNumberLength: Get<u32>;
		/// The most HS codes one certificate lists.
		#[pallet::constant]
		type MaxHsCodes: Get<u32>;
		/// The most history entries one record keeps.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// The most documents one batch may anchor.
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;
		/// The most applications one exporter may have pending at once.
		#[pallet::constant]
		type MaxPendingApplications: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Anchored documents, by id.
	#[pallet::storage]
	pub type Documents<T: Config> = StorageMap<_, Identity, DocumentId, RecordOf<T>>;

	/// The document each issuer gave each certificate number.
	#[pallet::storage]
	pub type Numbers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		BoundedVec<u8, T::MaxNumberLength>,
		DocumentId,
	>;

	/// Each record's history, oldest first.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<
		_,
		Identity,
		DocumentId,
		BoundedVec<HistoryEntryOf<T>, T::MaxHistory>,
		ValueQuery,
	>;

	/// Exporters' pending applications, by the id the document will have.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Identity, DocumentId, ApplicationOf<T>>;

	/// How many applications each exporter has pending.
	#[pallet::storage]
	pub type PendingApplications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Anchored batches, by Merkle root.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Identity, H256, BatchOf<T>>;

	/// Revoked members of batches: (root, document id) → (reason, hash of the free text).
	#[pallet::storage]
	pub type RevokedBatchMembers<T: Config> =
		StorageDoubleMap<_, Identity, H256, Identity, DocumentId, (RevocationReason, H256)>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A document was anchored.
		Registered { id: DocumentId, issuer: T::AccountId, kind: CertificateKind },
		/// A document was replaced by a corrected one.
		Replaced { id: DocumentId, by: DocumentId },
		/// A document was revoked.
		Revoked { id: DocumentId, reason: RevocationReason },
		/// Importing customs used `quantity` of a document; `remaining` is left.
		Used { id: DocumentId, officer: T::AccountId, quantity: u128, remaining: u128 },
		/// A batch of `count` documents was anchored.
		BatchRegistered { root: H256, issuer: T::AccountId, count: u32 },
		/// One member of a batch was revoked.
		BatchMemberRevoked { root: H256, id: DocumentId, reason: RevocationReason },
		/// An exporter applied for document `id` to be issued.
		Applied { id: DocumentId, applicant: T::AccountId, kind: CertificateKind },
		/// An issuer endorsed the application: document `id` is anchored as issued by it.
		ApplicationEndorsed { id: DocumentId, issuer: T::AccountId, applicant: T::AccountId },
		/// An issuer rejected the application for document `id`.
		ApplicationRejected { id: DocumentId, issuer: T::AccountId, reason: RejectionReason },
		/// The exporter withdrew its application for document `id`.
		ApplicationWithdrawn { id: DocumentId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The sender is not a member account of any administration.
		NotMember,
		/// The sender holds no accreditation.
		NotAccredited,
		/// The sender is accredited for another role: an issuer anchors certificates, an
		/// approved exporter its origin declarations, an exporter applies, an officer
		/// records uses.
		WrongRole,
		/// The sender belongs to another country than the one the action concerns (an
		/// officer of the importing country must record its uses).
		WrongCountry,
		/// The issuer is not accredited for this kind of document.
		KindNotAccredited,
		/// The sender's accreditation starts later.
		AccreditationNotYetValid,
		/// The sender's accreditation has expired.
		AccreditationExpired,
		/// The sender's accreditation is suspended.
		AccreditationSuspended,
		/// The sender's accreditation is revoked.
		AccreditationRevoked,
		/// The sender's administration has left the consortium.
		AdministrationGone,
		/// The issuer's key was cut off: it can no longer anchor, and its documents
		/// anchored after the cut-off are invalid.
		IssuerKeyCutOff,
		/// A country code is not an assigned ISO 3166-1 alpha-2 code.
		UnknownCountry,
		/// The exporting country must be the issuer's own.
		ExportingCountryMismatch,
		/// The exporting and importing countries are the same.
		SameCountry,
		/// A certificate lists at least one HS code.
		NoHsCodes,
		/// An HS code is not six digits of a chapter 01 to 97.
		InvalidHsCode,
		/// The validity window ends before it starts.
		InvalidValidity,
		/// The declared quantity is zero.
		ZeroQuantity,
		/// The unit is not a UN/ECE Recommendation 20 code (3 capital letters or digits).
		InvalidUnit,
		/// The certificate number is empty.
		EmptyNumber,
		/// A document with this id is already anchored.
		DuplicateDocument,
		/// This issuer already gave this certificate number to another document.
		DuplicateNumber,
		/// No document with this id is anchored.
		UnknownDocument,
		/// Only the document's issuer (or, to revoke, its administration) may do this.
		NotIssuer,
		/// The document was replaced: act on its replacement.
		DocumentReplaced,
		/// The document is revoked.
		DocumentRevoked,
		/// The document's validity has not started yet.
		DocumentNotYetValid,
		/// The document's validity has ended.
		DocumentExpired,
		/// A use of zero was recorded.
		ZeroUse,
		/// The uses would exceed the declared quantity.
		QuantityExceeded,
		/// The record's history is full for this action: its last slots are kept for
		/// registering, replacing and revoking it.
		HistoryFull,
		/// A batch holds at least one document.
		EmptyBatch,
		/// The batch is larger than `MaxBatchSize`.
		BatchTooLarge,
		/// A batch with this root is already anchored.
		DuplicateBatch,
		/// No batch with this root is anchored.
		UnknownBatch,
		/// The proof does not lead from the document to the batch's root.
		InvalidProof,
		/// This batch member is already revoked.
		AlreadyRevoked,
		/// Origin declarations are made by the approved exporter itself (`register`), not
		/// applied for.
		DeclarationNotApplicable,
		/// An application for this document is already pending.
		DuplicateApplication,
		/// No application for this document is pending.
		UnknownApplication,
		/// The exporter already has `MaxPendingApplications` applications pending.
		TooManyApplications,
		/// Only the exporter that applied may withdraw its application.
		NotApplicant,
		/// A replacement cannot declare less than the quantity already used.
		QuantityBelowUsed,
		/// The facts the issuer endorses differ from those the exporter applied with.
		FactsMismatch,
	}

	pallet_tamga_governance::impl_from_denied!(Error, IssuerKeyCutOff);

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Anchors document `id` (blake2-256 of its bytes) with its `facts`. The sender must
		/// be an issuer accredited for the document's kind or, for an origin declaration, an
		/// approved exporter; the exporting country is its own.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>, id: DocumentId, facts: FactsOf<T>) -> DispatchResult {
			let author = ensure_signed(origin)?;
			let country = Self::ensure_author(&author, facts.kind)?;
			Self::anchor(&author, country, id, facts, None, None, 0)
		}

		/// Anchors the corrected document `new_id` in place of `old`, which becomes
		/// `Replaced` and links to it. Only `old`'s issuer may do this, while `old` is in
		/// force.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::replace())]
		pub fn replace(
			origin: OriginFor<T>,
			old: DocumentId,
			new_id: DocumentId,
			facts: FactsOf<T>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let mut record = Documents::<T>::get(old).ok_or(Error::<T>::UnknownDocument)?;
			ensure!(record.issuer == issuer, Error::<T>::NotIssuer);
			Self::ensure_issued(&record)?;
			let country = Self::ensure_author(&issuer, facts.kind)?;
			// What importing customs already released stays used under the replacement.
			ensure!(facts.quantity >= record.used, Error::<T>::QuantityBelowUsed);
			let applicant = record.applicant.clone();
			Self::anchor(&issuer, country, new_id, facts, Some(old), applicant, record.used)?;
			record.status = Status::Replaced { by: new_id };
			Documents::<T>::insert(old, record);
			Self::append_history(old, &issuer, Action::Replaced { by: new_id })?;
			Self::deposit_event(Event::Replaced { id: old, by: new_id });
			Ok(())
		}

		/// Revokes document `id` for `reason`; `text_hash` is blake2-256 of the free-text
		/// explanation kept off chain. Its issuer, or a member account of the issuer's
		/// administration, may do this.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			id: DocumentId,
			reason: RevocationReason,
			text_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
			Self::ensure_issuer_or_administration(
				&who,
				&record.issuer,
				record.facts.kind.author_role(),
				record.facts.exporting,
			)?;
			Self::ensure_issued(&record)?;
			record.status = Status::Revoked { reason, text_hash };
			Documents::<T>::insert(id, record);
			Self::append_history(id, &who, Action::Revoked { reason })?;
			Self::deposit_event(Event::Revoked { id, reason });
			Ok(())
		}

		/// Records that customs released `quantity` of the goods under document `id`
		/// against the customs declaration committed to by `declaration` (blake2-256 of a
		/// salt and its reference). The sender must be an officer of the importing country.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::record_use())]
		pub fn record_use(
			origin: OriginFor<T>,
			id: DocumentId,
			declaration: H256,
			quantity: u128,
		) -> DispatchResult {
			let officer = ensure_signed(origin)?;
			let mut record = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
			let importing =
				CountryCode::new(record.facts.importing).ok_or(Error::<T>::UnknownCountry)?;
			T::Permissions::ensure_party(
				&officer,
				Role::Officer,
				None,
				Some(importing),
				Self::now(),
			)
			.map_err(Error::<T>::from)?;
			Self::ensure_issued(&record)?;
			Self::ensure_not_cut_off(&record)?;
			Self::ensure_within_validity(&record)?;
			ensure!(quantity > 0, Error::<T>::ZeroUse);
			let used = record
				.used
				.checked_add(quantity)
				.filter(|used| *used <= record.facts.quantity)
				.ok_or(Error::<T>::QuantityExceeded)?;
			record.used = used;
			let remaining = record.facts.quantity - used;
			Documents::<T>::insert(id, record);
			Self::append_history(id, &officer, Action::Used { quantity, declaration })?;
			Self::deposit_event(Event::Used { id, officer, quantity, remaining });
			Ok(())
		}

		/// Anchors a batch of `count` documents of `kind` by the Merkle `root` of their ids
		/// (see [`crate::merkle`]). The sender must be an issuer accredited for `kind`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_batch())]
		pub fn register_batch(
			origin: OriginFor<T>,
			root: H256,
			count: u32,
			kind: CertificateKind,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let country = Self::ensure_author(&issuer, kind)?;
			ensure!(count > 0, Error::<T>::EmptyBatch);
			ensure!(count <= T::MaxBatchSize::get(), Error::<T>::BatchTooLarge);
			ensure!(!Batches::<T>::contains_key(root), Error::<T>::DuplicateBatch);
			Batches::<T>::insert(
				root,
				BatchOf::<T> {
					issuer: issuer.clone(),
					country,
					kind,
					count,
					registered_at: Self::now(),
				},
			);
			Self::deposit_event(Event::BatchRegistered { root, issuer, count });
			Ok(())
		}

		/// Revokes the member `id` of batch `root`, shown by its `proof`, for `reason`. The
		/// batch's issuer, or a member account of its administration, may do this.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revoke_batch_member())]
		pub fn revoke_batch_member(
			origin: OriginFor<T>,
			root: H256,
			id: DocumentId,
			proof: merkle::Proof,
			reason: RevocationReason,
			text_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let batch = Batches::<T>::get(root).ok_or(Error::<T>::UnknownBatch)?;
			Self::ensure_issuer_or_administration(
				&who,
				&batch.issuer,
				batch.kind.author_role(),
				*batch.country.as_bytes(),
			)?;
			ensure!(
				proof.count == batch.count && merkle::root_from_proof(&id, &proof) == Some(root),
				Error::<T>::InvalidProof
			);
			ensure!(!RevokedBatchMembers::<T>::contains_key(root, id), Error::<T>::AlreadyRevoked);
			RevokedBatchMembers::<T>::insert(root, id, (reason, text_hash));
			Self::deposit_event(Event::BatchMemberRevoked { root, id, reason });
			Ok(())
		}

		/// Applies for document `id` (blake2-256 of its bytes) to be issued with `facts`.
		/// The sender must be an exporter (or approved exporter) of the exporting country; an
		/// issuer of that country then endorses or rejects the application.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(origin: OriginFor<T>, id: DocumentId, facts: FactsOf<T>) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			ensure!(!facts.kind.is_declaration(), Error::<T>::DeclarationNotApplicable);
			let country = Self::ensure_exporter(&applicant)?;
			Self::validate(&facts)?;
			ensure!(facts.exporting == *country.as_bytes(), Error::<T>::ExportingCountryMismatch);
			ensure!(!Documents::<T>::contains_key(id), Error::<T>::DuplicateDocument);
			ensure!(!Applications::<T>::contains_key(id), Error::<T>::DuplicateApplication);
			PendingApplications::<T>::try_mutate(&applicant, |pending| {
				*pending = pending
					.checked_add(1)
					.filter(|n| *n <= T::MaxPendingApplications::get())
					.ok_or(Error::<T>::TooManyApplications)?;
				Ok::<_, Error<T>>(())
			})?;
			let kind = facts.kind;
			Applications::<T>::insert(
				id,
				ApplicationOf::<T> { applicant: applicant.clone(), facts, filed_at: Self::now() },
			);
			Self::append_history(id, &applicant, Action::Applied)?;
			Self::deposit_event(Event::Applied { id, applicant, kind });
			Ok(())
		}

		/// Endorses the pending application for document `id`: the document is anchored as
		/// issued by the sender, an issuer of the exporting country accredited for its kind.
		/// The issuer restates the `facts` it certifies; they must be the application's, so
		/// it never anchors facts it did not see.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::endorse())]
		pub fn endorse(origin: OriginFor<T>, id: DocumentId, facts: FactsOf<T>) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
			let country = Self::ensure_issuer_of(&issuer, &application)?;
			ensure!(application.facts == facts, Error::<T>::FactsMismatch);
			Self::close_application(id, &application.applicant);
			let applicant = application.applicant;
			Self::anchor(
				&issuer,
				country,
				id,
				application.facts,
				None,
				Some(applicant.clone()),
				0,
			)?;
			Self::deposit_event(Event::ApplicationEndorsed { id, issuer, applicant });
			Ok(())
		}

		/// Rejects the pending application for document `id` for `reason`; `text_hash` is
		/// blake2-256 of the free-text explanation kept off chain. The sender must be an
		/// issuer of the exporting country accredited for the document's kind.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(
			origin: OriginFor<T>,
			id: DocumentId,
			reason: RejectionReason,
			text_hash: H256,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
			Self::ensure_issuer_of(&issuer, &application)?;
			Self::close_application(id, &application.applicant);
			Self::append_history(id, &issuer, Action::ApplicationRejected { reason, text_hash })?;
			Self::deposit_event(Event::ApplicationRejected { id, issuer, reason });
			Ok(())
		}

		/// Withdraws the sender's pending application for document `id`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
			ensure!(application.applicant == applicant, Error::<T>::NotApplicant);
			Self::close_application(id, &applicant);
			Self::append_history(id, &applicant, Action::ApplicationWithdrawn)?;
			Self::deposit_event(Event::ApplicationWithdrawn { id });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The current block number.
		fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// Today, in days since 1970-01-01 (UTC), by the block timestamp.
		pub fn today() -> u32 {
			(T::Time::now().as_secs() / SECONDS_PER_DAY) as u32
		}

		/// Checks that `who` may anchor documents of `kind` now: an issuer accredited for it,
		/// or an approved exporter for an origin declaration. Returns its country.
		fn ensure_author(
			who: &T::AccountId,
			kind: CertificateKind,
		) -> Result<CountryCode, DispatchError> {
			T::Permissions::ensure_party(
				who,
				kind.author_role(),
				kind.required_kind(),
				None,
				Self::now(),
			)
			.map_err(|denied| Error::<T>::from(denied).into())
		}

		/// Checks that `who` is an exporter or an approved exporter now. Returns its country.
		fn ensure_exporter(who: &T::AccountId) -> Result<CountryCode, DispatchError> {
			let now = Self::now();
			T::Permissions::ensure_party(who, Role::Exporter, None, None, now)
				.or_else(|denied| match denied {
					Denied::WrongRole => {
						T::Permissions::ensure_party(who, Role::ApprovedExporter, None, None, now)
					},
					other => Err(other),
				})
				.map_err(|denied| Error::<T>::from(denied).into())
		}

		/// Checks that `who` is an issuer of the application's exporting country accredited
		/// for its kind now. Returns that country.
		fn ensure_issuer_of(
			who: &T::AccountId,
			application: &ApplicationOf<T>,
		) -> Result<CountryCode, DispatchError> {
			let exporting =
				CountryCode::new(application.facts.exporting).ok_or(Error::<T>::UnknownCountry)?;
			T::Permissions::ensure_party(
				who,
				Role::Issuer,
				Some(application.facts.kind.accreditation()),
				Some(exporting),
				Self::now(),
			)
			.map_err(|denied| Error::<T>::from(denied).into())
		}

		/// Removes the pending application for `id` and releases the applicant's slot.
		fn close_application(id: DocumentId, applicant: &T::AccountId) {
			Applications::<T>::remove(id);
			PendingApplications::<T>::mutate_exists(applicant, |pending| {
				*pending = pending.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}

		/// Validates `facts` from `author` of `country` (permissions already checked) and
		/// stores document `id`, `used` of its quantity already used (what a replaced
		/// document carries over).
		fn anchor(
			author: &T::AccountId,
			country: CountryCode,
			id: DocumentId,
			facts: FactsOf<T>,
			replaces: Option<DocumentId>,
			applicant: Option<T::AccountId>,
			used: u128,
		) -> DispatchResult {
			Self::validate(&facts)?;
			ensure!(facts.exporting == *country.as_bytes(), Error::<T>::ExportingCountryMismatch);
			ensure!(!Documents::<T>::contains_key(id), Error::<T>::DuplicateDocument);
			ensure!(
				!Numbers::<T>::contains_key(author, &facts.number),
				Error::<T>::DuplicateNumber
			);
			Numbers::<T>::insert(author, &facts.number, id);
			let kind = facts.kind;
			Documents::<T>::insert(
				id,
				RecordOf::<T> {
					facts,
					issuer: author.clone(),
					registered_at: Self::now(),
					status: Status::Issued,
					replaces,
					applicant,
					used,
				},
			);
			Self::append_history(id, author, Action::Registered)?;
			Self::deposit_event(Event::Registered { id, issuer: author.clone(), kind });
			Ok(())
		}

		/// Checks the facts an issuer declares, field by field.
		fn validate(facts: &FactsOf<T>) -> DispatchResult {
			ensure!(!facts.number.is_empty(), Error::<T>::EmptyNumber);
			let exporting = CountryCode::new(facts.exporting).ok_or(Error::<T>::UnknownCountry)?;
			let importing = CountryCode::new(facts.importing).ok_or(Error::<T>::UnknownCountry)?;
			ensure!(exporting != importing, Error::<T>::SameCountry);
			ensure!(!facts.hs_codes.is_empty(), Error::<T>::NoHsCodes);
			ensure!(facts.hs_codes.iter().all(valid_hs_code), Error::<T>::InvalidHsCode);
			ensure!(facts.valid_from <= facts.valid_until, Error::<T>::InvalidValidity);
			ensure!(facts.quantity > 0, Error::<T>::ZeroQuantity);
			ensure!(
				facts.unit.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
				Error::<T>::InvalidUnit
			);
			Ok(())
		}

		/// Fails unless the document is `Issued` (neither replaced nor revoked).
		fn ensure_issued(record: &RecordOf<T>) -> DispatchResult {
			match record.status {
				Status::Issued => Ok(()),
				Status::Replaced { .. } => Err(Error::<T>::DocumentReplaced.into()),
				Status::Revoked { .. } => Err(Error::<T>::DocumentRevoked.into()),
			}
		}

		/// Fails if the issuer's key was cut off before the document was anchored.
		fn ensure_not_cut_off(record: &RecordOf<T>) -> DispatchResult {
			ensure!(
				!Self::anchored_after_cutoff(&record.issuer, record.registered_at),
				Error::<T>::IssuerKeyCutOff
			);
			Ok(())
		}

		/// Whether `issuer` anchored something in block `at` after its key cut-off (which
		/// makes it void).
		pub(crate) fn anchored_after_cutoff(issuer: &T::AccountId, at: BlockNumberFor<T>) -> bool {
			Self::after_cutoff(T::Permissions::issuer_key_cutoff(issuer), at)
		}

		/// Whether something anchored in block `at` is void under key `cutoff`.
		pub(crate) fn after_cutoff(
			cutoff: Option<BlockNumberFor<T>>,
			at: BlockNumberFor<T>,
		) -> bool {
			cutoff.is_some_and(|cutoff| at > cutoff)
		}

		/// Fails unless today is within the document's validity window.
		fn ensure_within_validity(record: &RecordOf<T>) -> DispatchResult {
			let today = Self::today();
			ensure!(today >= record.facts.valid_from, Error::<T>::DocumentNotYetValid);
			ensure!(today <= record.facts.valid_until, Error::<T>::DocumentExpired);
			Ok(())
		}

		/// Fails unless `who` is `issuer` itself, acting as `role` with its accreditation in
		/// force now, or a member account of `country`'s administration (the issuer's).
		fn ensure_issuer_or_administration(
			who: &T::AccountId,
			issuer: &T::AccountId,
			role: Role,
			country: [u8; 2],
		) -> DispatchResult {
			let country = CountryCode::new(country).ok_or(Error::<T>::UnknownCountry)?;
			T::Permissions::ensure_party_or_administration(
				who,
				issuer,
				role,
				None,
				country,
				Self::now(),
			)
			.map_err(|denied| denied.map_or(Error::<T>::NotIssuer, Error::<T>::from).into())
		}

		/// Appends `action` by `actor` to `id`'s history. The last slots are kept for the
		/// actions that end a record's life, so a busy record can always still be registered,
		/// then replaced or revoked: uses and application steps leave two slots free,
		/// registration one.
		fn append_history(id: DocumentId, actor: &T::AccountId, action: Action) -> DispatchResult {
			let reserved = match action {
				Action::Replaced { .. } | Action::Revoked { .. } => 0,
				Action::Registered => 1,
				_ => 2,
			};
			let room = T::MaxHistory::get().saturating_sub(reserved) as usize;
			let entry = HistoryEntryOf::<T> {
				block: Self::now(),
				extrinsic: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
				actor: actor.clone(),
				action,
			};
			History::<T>::try_mutate(id, |history| {
				ensure!(history.len() < room, Error::<T>::HistoryFull);
				history.try_push(entry).map_err(|_| Error::<T>::HistoryFull)
			})
			.map_err(Into::into)
		}
	}
}
