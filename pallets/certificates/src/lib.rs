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
//!   [`CertificateKind::ORIGIN_DECLARATION`]: self-certification, same record shape).
//! - Any exporter known to its administration may `apply` for a certificate; an issuer of
//!   that country accredited for the kind `endorse`s it (the document is then anchored as
//!   issued by that issuer, on the exporter's application) or `reject`s it with a reason
//!   from [`RejectionReason`]; the exporter may `withdraw` it while it is pending. A
//!   pending application is kept on its own ([`Applications`]) and deleted when it ends;
//!   withdrawals and rejections are told by events only, so no number of applications
//!   for an id can fill the history of the document that id may later name.
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
//!   action) for auditors; a document issued on an application starts with the
//!   application's filing ([`types::Action::Applied`]).
//!
//! [`Pallet::verify`] and [`Pallet::verify_batch_member`] give the verdict a border officer
//! needs ([`verification`]).
//!
//! Administrations' rule contracts judge documents as they are anchored ([`rules`]): an
//! administration `set_rules` for a (document kind, direction) slot; a `Reject` refuses
//! the registration with the contract's reason code, a `Warn` is stored on the record.
//!
//! Who may act is decided by the governance pallet's [`Permissions`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod document_types;
mod lookup;
pub mod merkle;
pub mod migrations;
pub mod rules;
pub mod runtime_api;
pub mod types;
pub mod verification;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use document_types::{DocumentType, TypeName};
pub use lookup::{Found, MAX_FOUND};
pub use pallet::*;
pub use rules::{Direction, RuleEngine, RuleFailure, RuleWarning};
pub use types::{CertificateKind, DocumentId, HsCode, RejectionReason, RevocationReason, Status};
pub use verification::{BatchValidity, BatchVerification, Validity, Verification};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{
		dispatch::{
			DispatchErrorWithPostInfo, DispatchResultWithPostInfo, PostDispatchInfo,
			WithPostDispatchInfo,
		},
		pallet_prelude::*,
		traits::UnixTime,
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use tamga_primitives::{CountryCode, Denied, DocumentKind, HsCode, Permissions, Role, Voiding};

	use crate::{
		document_types::{DocumentType, InvalidType},
		merkle,
		rules::{self, Direction, RuleEngine, RuleFailure, RuleWarning, Warnings},
		types::{
			Action, Application, Batch, CertificateKind, DocumentFacts, DocumentId, HistoryEntry,
			Record, RejectionReason, RevocationReason, Status,
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
	/// Production facts as this runtime bounds them.
	pub type ProductionOf<T> = rules::Production<<T as Config>::MaxMaterials>;

	/// Seconds in a day.
	const SECONDS_PER_DAY: u64 = 86_400;

	/// The layout of this pallet's storage: 1 added [`DocumentsByNumber`] (filled for
	/// documents anchored before by [`crate::migrations::v1`]); 2 added the registry of
	/// document types [`DocumentTypes`] (its built-in entries stored for chains older than
	/// it by [`crate::migrations::v2`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

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
		/// The most materials one document's production facts list.
		#[pallet::constant]
		type MaxMaterials: Get<u32>;
		/// Runs the administrations' rule contracts.
		type RuleEngine: RuleEngine<Self::AccountId>;
		/// Who may add a document type to the registry: the consortium, by a two-thirds
		/// vote.
		type RegistryOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The registry of document types: what each [`CertificateKind`] a record names is.
	/// Entries are added (built-in ones at genesis or by [`crate::migrations::v2`], others
	/// by `add_document_type`) and never changed or removed.
	#[pallet::storage]
	pub type DocumentTypes<T: Config> = StorageMap<_, Twox64Concat, CertificateKind, DocumentType>;

	/// How many document types the registry holds: the next type gets this id.
	#[pallet::storage]
	pub type DocumentTypeCount<T: Config> = StorageValue<_, u16, ValueQuery>;

	/// Stores the built-in document types in a new chain's registry.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Nothing to configure: the built-in types are the code's.
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::store_built_in_types();
		}
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

	/// Every anchored document by its issuer's country and its certificate number (a number
	/// is unique per issuer, so a country may hold several documents under one number, one
	/// per issuer): what a border officer holding a paper looks up. Batch members are not
	/// here (their numbers are not on chain).
	#[pallet::storage]
	pub type DocumentsByNumber<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, CountryCode>,
			NMapKey<Blake2_128Concat, BoundedVec<u8, T::MaxNumberLength>>,
			NMapKey<Identity, DocumentId>,
		),
		(),
	>;

	/// Each anchored record's history, oldest first. Only anchored documents have one:
	/// applications write nothing here until an issuer endorses one.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<
		_,
		Identity,
		DocumentId,
		BoundedVec<HistoryEntryOf<T>, T::MaxHistory>,
		ValueQuery,
	>;

	/// Exporters' pending applications, by the id the document will have; each is removed
	/// when it is withdrawn, rejected or endorsed.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Identity, DocumentId, ApplicationOf<T>>;

	/// How many applications each exporter has pending.
	#[pallet::storage]
	pub type PendingApplications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Anchored batches, by Merkle root.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Identity, H256, BatchOf<T>>;

	/// Each administration's rule contracts: (administration, (document kind, direction))
	/// → contract account.
	#[pallet::storage]
	pub type RuleContracts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CountryCode,
		Blake2_128Concat,
		(DocumentKind, Direction),
		T::AccountId,
	>;

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
		/// An issuer rejected the application for document `id` for `reason`; `text_hash`
		/// is blake2-256 of its free-text explanation (kept off chain). The event is the
		/// rejection's only record on chain.
		ApplicationRejected {
			id: DocumentId,
			issuer: T::AccountId,
			reason: RejectionReason,
			text_hash: H256,
		},
		/// The exporter withdrew its application for document `id` (the event is the
		/// withdrawal's only record on chain).
		ApplicationWithdrawn { id: DocumentId },
		/// An administration's rule contract let document `id` through with a warning
		/// (stored on the record).
		RuleWarned { id: DocumentId, warning: RuleWarning },
		/// The consortium added document type `kind` named `name` to the registry.
		DocumentTypeAdded { kind: CertificateKind, name: crate::TypeName },
		/// `administration` registered `contract` (or removed its contract, `None`) to
		/// judge documents of `kind` in `direction`.
		RulesSet {
			administration: CountryCode,
			kind: DocumentKind,
			direction: Direction,
			contract: Option<T::AccountId>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The sender may not make this call, and why, in the consortium's one vocabulary:
		/// not a member, not accredited, another role, country or kind, the accreditation's
		/// state, its administration gone, its key cut off.
		Denied(tamga_primitives::Denied),
		/// The document's issuer was accredited by an administration that has since left
		/// the consortium: the document is void.
		IssuerAdministrationLeft,
		/// The consortium voided the documents of the document's issuer.
		DocumentsVoided,
		/// The exporting country must be the issuer's own.
		ExportingCountryMismatch,
		/// The exporting and importing countries are the same.
		SameCountry,
		/// Documents of this type list at least one HS code.
		NoHsCodes,
		/// An HS code is not six digits of a chapter 01 to 97.
		InvalidHsCode,
		/// The validity window ends before it starts.
		InvalidValidity,
		/// The declared quantity is zero, and documents of this type bound their uses by
		/// one.
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
		/// An administration's rule contract rejected the document: `code` is its reason
		/// (`tamga_rules::reasons`), `direction` says whether the exporting or the importing
		/// administration's rules refused it.
		RejectedByRules { direction: Direction, code: u16 },
		/// An administration's rule contract gave no verdict (it trapped, ran out of gas,
		/// reverted or answered nonsense), so the document is not anchored.
		RulesFailed { direction: Direction, failure: RuleFailure },
		/// Rules judge certificates of origin, veterinary and phytosanitary certificates
		/// only.
		NoRulesForKind,
		/// The account holds no contract.
		NotAContract,
		/// A material's HS code is not six digits of a chapter 01 to 97, or its country is
		/// not an assigned ISO 3166-1 alpha-2 code.
		InvalidMaterial,
		/// The registry holds no document type with this id.
		UnknownDocumentType,
		/// A document type's name is 1 to 24 ASCII letters, digits or `-`, starting with a
		/// letter.
		InvalidTypeName,
		/// A document type's UN/CEFACT document name code is 1 to 999.
		InvalidUnCode,
		/// A document type is issued under an accreditation for certificates (origin,
		/// veterinary, phytosanitary, conformity, licensing), not carnets or AEO.
		NotACertificateAccreditation,
		/// A document type is anchored by an issuer or an approved exporter.
		InvalidTypeAuthor,
		/// The registry already holds a document type of this name.
		DuplicateTypeName,
		/// The registry holds 256 document types, as many as a one-byte id names.
		RegistryFull,
	}

	tamga_primitives::impl_from_denied!(Error);

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Anchors document `id` (blake2-256 of its bytes) with its `facts`. The sender must
		/// be an issuer accredited for the document's kind or, for an origin declaration, an
		/// approved exporter; the exporting country is its own.
		///
		/// The administrations' rule contracts judge it (see [`crate::rules`]); rules of
		/// origin judge the `production` facts (materials, their origin and value, the
		/// ex-works price), which are read while anchoring and not stored.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register().saturating_add(Pallet::<T>::rules_weight(production)).saturating_add(Pallet::<T>::number_index_weight()).saturating_add(Pallet::<T>::type_weight()))]
		pub fn register(
			origin: OriginFor<T>,
			id: DocumentId,
			facts: FactsOf<T>,
			production: Option<ProductionOf<T>>,
		) -> DispatchResultWithPostInfo {
			let base = T::WeightInfo::register();
			let author = ensure_signed(origin)?;
			let country =
				Self::ensure_author(&author, facts.kind).map_err(|e| e.with_weight(base))?;
			let anchoring = Anchoring { id, replaces: None, applicant: None, used: 0 };
			Self::anchor(&author, country, anchoring, facts, production, base)
		}

		/// Anchors the corrected document `new_id` in place of `old`, which becomes
		/// `Replaced` and links to it. Only `old`'s issuer may do this, while `old` is in
		/// force. The rule contracts judge the replacement as `register` does.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::replace().saturating_add(Pallet::<T>::rules_weight(production)).saturating_add(Pallet::<T>::number_index_weight()).saturating_add(Pallet::<T>::type_weight()))]
		pub fn replace(
			origin: OriginFor<T>,
			old: DocumentId,
			new_id: DocumentId,
			facts: FactsOf<T>,
			production: Option<ProductionOf<T>>,
		) -> DispatchResultWithPostInfo {
			let base = T::WeightInfo::replace();
			let issuer = ensure_signed(origin)?;
			let (mut record, country) =
				Self::ensure_replaceable(&issuer, old, &facts).map_err(|e| e.with_weight(base))?;
			let anchoring = Anchoring {
				id: new_id,
				replaces: Some(old),
				applicant: record.applicant.clone(),
				used: record.used,
			};
			let post = Self::anchor(&issuer, country, anchoring, facts, production, base)?;
			record.status = Status::Replaced { by: new_id };
			Documents::<T>::insert(old, record);
			Self::append_history(old, &issuer, Action::Replaced { by: new_id })
				.map_err(|e| e.with_weight(post.actual_weight.unwrap_or_default()))?;
			Self::deposit_event(Event::Replaced { id: old, by: new_id });
			Ok(post)
		}

		/// Revokes document `id` for `reason`; `text_hash` is blake2-256 of the free-text
		/// explanation kept off chain. Its issuer, or a member account of the issuer's
		/// administration, may do this.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(Pallet::<T>::type_weight()))]
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
				Self::document_type(record.facts.kind)?.author,
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
		#[pallet::weight(T::WeightInfo::record_use().saturating_add(Pallet::<T>::voiding_weight()))]
		pub fn record_use(
			origin: OriginFor<T>,
			id: DocumentId,
			declaration: H256,
			quantity: u128,
		) -> DispatchResult {
			let officer = ensure_signed(origin)?;
			let mut record = Documents::<T>::get(id).ok_or(Error::<T>::UnknownDocument)?;
			T::Permissions::ensure_officer_of(&officer, record.facts.importing, Self::now())
				.map_err(Error::<T>::from)?;
			Self::ensure_not_void(&record)?;
			Self::ensure_issued(&record)?;
			Self::ensure_not_cut_off(&record)?;
			Self::ensure_within_validity(&record)?;
			ensure!(quantity > 0, Error::<T>::ZeroUse);
			// A quantity of zero was not declared (a type whose uses are not bounded): uses
			// are counted, never refused.
			let bounded = record.facts.quantity > 0;
			let used = record
				.used
				.checked_add(quantity)
				.filter(|used| !bounded || *used <= record.facts.quantity)
				.ok_or(Error::<T>::QuantityExceeded)?;
			record.used = used;
			let remaining = record.facts.quantity.saturating_sub(used);
			Documents::<T>::insert(id, record);
			Self::append_history(id, &officer, Action::Used { quantity, declaration })?;
			Self::deposit_event(Event::Used { id, officer, quantity, remaining });
			Ok(())
		}

		/// Anchors a batch of `count` documents of `kind` by the Merkle `root` of their ids
		/// (see [`crate::merkle`]). The sender must be an issuer accredited for `kind`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_batch().saturating_add(Pallet::<T>::type_weight()))]
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
		#[pallet::weight(T::WeightInfo::revoke_batch_member().saturating_add(Pallet::<T>::type_weight()))]
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
				Self::document_type(batch.kind)?.author,
				batch.country,
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
		/// issuer of that country then endorses or rejects the application. The application
		/// is kept in [`Applications`] only, not in the id's history.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::apply().saturating_add(Pallet::<T>::type_weight()))]
		pub fn apply(origin: OriginFor<T>, id: DocumentId, facts: FactsOf<T>) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			let document_type = Self::document_type(facts.kind)?;
			ensure!(!document_type.is_declaration(), Error::<T>::DeclarationNotApplicable);
			let country = Self::ensure_exporter(&applicant)?;
			Self::validate(&facts, &document_type)?;
			ensure!(facts.exporting == country, Error::<T>::ExportingCountryMismatch);
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
				ApplicationOf::<T> {
					applicant: applicant.clone(),
					facts,
					filed_at: Self::now(),
					filed_in: Self::extrinsic_index(),
				},
			);
			Self::deposit_event(Event::Applied { id, applicant, kind });
			Ok(())
		}

		/// Endorses the pending application for document `id`: the document is anchored as
		/// issued by the sender, an issuer of the exporting country accredited for its kind.
		/// The issuer restates the `facts` it certifies; they must be the application's, so
		/// it never anchors facts it did not see. The rule contracts judge the document as
		/// `register` does, with the `production` facts the issuer verified. The document's
		/// history starts with the application's filing, then the issuer's registration.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::endorse().saturating_add(Pallet::<T>::rules_weight(production)).saturating_add(Pallet::<T>::number_index_weight()).saturating_add(Pallet::<T>::type_weight()))]
		pub fn endorse(
			origin: OriginFor<T>,
			id: DocumentId,
			facts: FactsOf<T>,
			production: Option<ProductionOf<T>>,
		) -> DispatchResultWithPostInfo {
			let base = T::WeightInfo::endorse();
			let issuer = ensure_signed(origin)?;
			let (application, country) =
				Self::ensure_endorsable(&issuer, id, &facts).map_err(|e| e.with_weight(base))?;
			Self::close_application(id, &application.applicant);
			let filing = HistoryEntryOf::<T> {
				block: application.filed_at,
				extrinsic: application.filed_in,
				actor: application.applicant.clone(),
				action: Action::Applied,
			};
			Self::append_entry(id, filing).map_err(|e| e.with_weight(base))?;
			let applicant = application.applicant;
			let anchoring =
				Anchoring { id, replaces: None, applicant: Some(applicant.clone()), used: 0 };
			let post =
				Self::anchor(&issuer, country, anchoring, application.facts, production, base)?;
			Self::deposit_event(Event::ApplicationEndorsed { id, issuer, applicant });
			Ok(post)
		}

		/// Rejects the pending application for document `id` for `reason`; `text_hash` is
		/// blake2-256 of the free-text explanation kept off chain. The sender must be an
		/// issuer of the exporting country accredited for the document's kind. The
		/// application is deleted; the `ApplicationRejected` event records the rejection.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reject().saturating_add(Pallet::<T>::type_weight()))]
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
			Self::deposit_event(Event::ApplicationRejected { id, issuer, reason, text_hash });
			Ok(())
		}

		/// Withdraws the sender's pending application for document `id`. The application is
		/// deleted; the `ApplicationWithdrawn` event records the withdrawal.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: DocumentId) -> DispatchResult {
			let applicant = ensure_signed(origin)?;
			let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
			ensure!(application.applicant == applicant, Error::<T>::NotApplicant);
			Self::close_application(id, &applicant);
			Self::deposit_event(Event::ApplicationWithdrawn { id });
			Ok(())
		}

		/// Registers `contract` as the sender's administration's rules for documents of
		/// `kind` in `direction`, or removes them (`None`). The sender must be a member
		/// account of an administration; the contract must exist. From the next document
		/// on, the contract judges every document of that kind its issuers anchor (export)
		/// or that is bound for its country (import).
		#[pallet::call_index(11)]
		#[pallet::weight(Pallet::<T>::set_rules_weight())]
		pub fn set_rules(
			origin: OriginFor<T>,
			kind: DocumentKind,
			direction: Direction,
			contract: Option<T::AccountId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let administration = T::Permissions::ensure_member(&who).map_err(Error::<T>::from)?;
			ensure!(rules::rule_kind(kind).is_some(), Error::<T>::NoRulesForKind);
			match &contract {
				Some(account) => {
					ensure!(T::RuleEngine::is_contract(account), Error::<T>::NotAContract);
					RuleContracts::<T>::insert(administration, (kind, direction), account);
				},
				None => RuleContracts::<T>::remove(administration, (kind, direction)),
			}
			Self::deposit_event(Event::RulesSet { administration, kind, direction, contract });
			Ok(())
		}

		/// Adds `entry` to the registry of document types under the next free id: from the
		/// next block on, its issuers anchor, verify and use documents of that type as of
		/// any other. Only the consortium, by a two-thirds vote, may do this.
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::add_document_type_weight())]
		pub fn add_document_type(origin: OriginFor<T>, entry: DocumentType) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			entry.check().map_err(|invalid| match invalid {
				InvalidType::Name => Error::<T>::InvalidTypeName,
				InvalidType::UnCode => Error::<T>::InvalidUnCode,
				InvalidType::Accreditation => Error::<T>::NotACertificateAccreditation,
				InvalidType::Author => Error::<T>::InvalidTypeAuthor,
			})?;
			ensure!(
				!DocumentTypes::<T>::iter_values().any(|known| known.same_name(&entry.name)),
				Error::<T>::DuplicateTypeName
			);
			let count = DocumentTypeCount::<T>::get();
			let id = u8::try_from(count).map_err(|_| Error::<T>::RegistryFull)?;
			let kind = CertificateKind(id);
			let name = entry.name.clone();
			DocumentTypes::<T>::insert(kind, entry);
			DocumentTypeCount::<T>::put(count + 1);
			Self::deposit_event(Event::DocumentTypeAdded { kind, name });
			Ok(())
		}
	}

	/// What is anchored besides the facts: the id, the document it replaces, the exporter
	/// it was issued for and the quantity already used (what a replacement carries over).
	struct Anchoring<AccountId> {
		id: DocumentId,
		replaces: Option<DocumentId>,
		applicant: Option<AccountId>,
		used: u128,
	}

	impl<T: Config> Pallet<T> {
		/// The current block number.
		fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// The index of the extrinsic being applied in the current block (0 outside one).
		fn extrinsic_index() -> u32 {
			frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default()
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
			let document_type = Self::document_type(kind)?;
			T::Permissions::ensure_party(
				who,
				document_type.author,
				document_type.required_kind(),
				None,
				Self::now(),
			)
			.map_err(|denied| Error::<T>::from(denied).into())
		}

		/// Every entry of the registry of document types, by id.
		pub fn document_types() -> Vec<(CertificateKind, DocumentType)> {
			let mut types: Vec<_> = DocumentTypes::<T>::iter().collect();
			types.sort_by_key(|(kind, _)| *kind);
			types
		}

		/// The registry's entry for `kind`.
		pub fn document_type(kind: CertificateKind) -> Result<DocumentType, Error<T>> {
			DocumentTypes::<T>::get(kind).ok_or(Error::<T>::UnknownDocumentType)
		}

		/// Stores the built-in document types the registry lacks (all of them in a new
		/// chain) and counts them; returns how many it stored. Built-in ids come first, so
		/// it runs before the consortium adds any type.
		pub fn store_built_in_types() -> u32 {
			let mut stored = 0;
			for kind in CertificateKind::built_ins() {
				if !DocumentTypes::<T>::contains_key(kind) {
					if let Some(entry) = kind.built_in() {
						DocumentTypes::<T>::insert(kind, entry);
						stored += 1;
					}
				}
			}
			DocumentTypeCount::<T>::mutate(|count| {
				*count = (*count).max(CertificateKind::BUILT_IN_COUNT as u16)
			});
			stored
		}

		/// The read of the registry's entry for a document's type, beyond what the
		/// benchmarks of the calls that check it measured (they predate the registry).
		pub fn type_weight() -> Weight {
			T::DbWeight::get().reads(1)
		}

		/// The weight of `add_document_type`: the name's uniqueness read over the whole
		/// registry (at most 256 entries), the count's read and the two writes; its compute
		/// (comparing at most 256 names of 24 bytes) is bounded by 50 µs.
		pub fn add_document_type_weight() -> Weight {
			Weight::from_parts(50_000_000, 256 * 40)
				.saturating_add(T::DbWeight::get().reads_writes(257, 2))
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
			let exporting = application.facts.exporting;
			let kind = Self::document_type(application.facts.kind)?.accreditation;
			T::Permissions::ensure_issuer_of(who, kind, exporting, Self::now())
				.map(|()| exporting)
				.map_err(|denied| Error::<T>::from(denied).into())
		}

		/// Removes the pending application for `id` (all the chain keeps of it) and releases
		/// the applicant's slot.
		fn close_application(id: DocumentId, applicant: &T::AccountId) {
			Applications::<T>::remove(id);
			PendingApplications::<T>::mutate_exists(applicant, |pending| {
				*pending = pending.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}

		/// Validates `facts` from `author` of `country` (permissions already checked), asks
		/// the rule contracts and stores the document. `base` is the call's weight without
		/// the contracts; the result carries the weight actually used.
		fn anchor(
			author: &T::AccountId,
			country: CountryCode,
			anchoring: Anchoring<T::AccountId>,
			facts: FactsOf<T>,
			production: Option<ProductionOf<T>>,
			base: Weight,
		) -> DispatchResultWithPostInfo {
			let Anchoring { id, replaces, applicant, used } = anchoring;
			let base = base
				.saturating_add(Self::production_weight(&production))
				.saturating_add(Self::number_index_weight())
				.saturating_add(Self::type_weight());
			let document_type = Self::document_type(facts.kind)
				.map_err(|e| DispatchError::from(e).with_weight(base))?;
			Self::ensure_anchorable(
				author,
				country,
				id,
				&facts,
				&document_type,
				production.as_ref(),
			)
			.map_err(|e| e.with_weight(base))?;
			let (rules_weight, verdicts) =
				Self::judge(author, &facts, &document_type, production.as_ref());
			let actual = base.saturating_add(rules_weight);
			let warnings = verdicts.map_err(|error| DispatchErrorWithPostInfo {
				post_info: PostDispatchInfo { actual_weight: Some(actual), pays_fee: Pays::Yes },
				error,
			})?;
			Numbers::<T>::insert(author, &facts.number, id);
			DocumentsByNumber::<T>::insert((country, &facts.number, id), ());
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
					warnings: warnings.clone(),
				},
			);
			Self::append_history(id, author, Action::Registered)
				.map_err(|e| e.with_weight(actual))?;
			Self::deposit_event(Event::Registered { id, issuer: author.clone(), kind });
			for warning in warnings {
				Self::deposit_event(Event::RuleWarned { id, warning });
			}
			Ok(Some(actual).into())
		}

		/// Checks that `author` of `country` may anchor document `id` with `facts` and
		/// `production` (permissions already checked): the facts are well-formed and the
		/// exporting country is the author's, the id and number are new.
		fn ensure_anchorable(
			author: &T::AccountId,
			country: CountryCode,
			id: DocumentId,
			facts: &FactsOf<T>,
			document_type: &DocumentType,
			production: Option<&ProductionOf<T>>,
		) -> DispatchResult {
			Self::validate(facts, document_type)?;
			if let Some(production) = production {
				Self::validate_production(production)?;
			}
			ensure!(facts.exporting == country, Error::<T>::ExportingCountryMismatch);
			ensure!(!Documents::<T>::contains_key(id), Error::<T>::DuplicateDocument);
			ensure!(
				!Numbers::<T>::contains_key(author, &facts.number),
				Error::<T>::DuplicateNumber
			);
			Ok(())
		}

		/// Checks that `issuer` may replace document `old` with one of `facts`: it is `old`'s
		/// issuer, `old` is in force, the issuer is accredited for the new kind, and the new
		/// quantity covers what importing customs already released (which stays used under
		/// the replacement). Returns `old`'s record and the issuer's country.
		fn ensure_replaceable(
			issuer: &T::AccountId,
			old: DocumentId,
			facts: &FactsOf<T>,
		) -> Result<(RecordOf<T>, CountryCode), DispatchError> {
			let record = Documents::<T>::get(old).ok_or(Error::<T>::UnknownDocument)?;
			ensure!(record.issuer == *issuer, Error::<T>::NotIssuer);
			Self::ensure_issued(&record)?;
			let country = Self::ensure_author(issuer, facts.kind)?;
			ensure!(facts.quantity >= record.used, Error::<T>::QuantityBelowUsed);
			Ok((record, country))
		}

		/// Checks that `issuer` may endorse the pending application for `id` restating
		/// `facts`. Returns the application and the issuer's country.
		fn ensure_endorsable(
			issuer: &T::AccountId,
			id: DocumentId,
			facts: &FactsOf<T>,
		) -> Result<(ApplicationOf<T>, CountryCode), DispatchError> {
			let application = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
			let country = Self::ensure_issuer_of(issuer, &application)?;
			ensure!(application.facts == *facts, Error::<T>::FactsMismatch);
			Ok((application, country))
		}

		/// The most weight anchoring a document with `production` facts adds for the rule
		/// contracts: the facts' conversion and [`Self::rules_weight_bound`].
		pub fn rules_weight(production: &Option<ProductionOf<T>>) -> Weight {
			Self::production_weight(production).saturating_add(Self::rules_weight_bound())
		}

		/// The most weight the rule contracts of one anchoring may use: two registry reads,
		/// two membership reads and two contract calls.
		pub fn rules_weight_bound() -> Weight {
			T::DbWeight::get()
				.reads(4)
				.saturating_add(T::RuleEngine::max_weight().saturating_mul(2))
		}

		/// The weight of decoding and converting `production` for the contracts: linear in
		/// its materials (a justified bound: 1 µs per material, far above the measured
		/// cost of copying 80 bytes; the contracts' own work is charged as gas).
		pub fn production_weight(production: &Option<ProductionOf<T>>) -> Weight {
			let materials = production.as_ref().map_or(0, |p| p.materials.len() as u64 + 1);
			Weight::from_parts(1_000_000, 64).saturating_mul(materials)
		}

		/// The weight of `set_rules`: the member check (2 reads), the contract check (1
		/// read), the registry write; its compute is bounded by `register_batch`'s measured
		/// 17.5 µs (3 reads, 1 write, no hashing), so 25 µs is a justified bound.
		pub fn set_rules_weight() -> Weight {
			Weight::from_parts(25_000_000, 2_000)
				.saturating_add(T::DbWeight::get().reads_writes(3, 1))
		}

		/// Asks the exporting administration's export rules and the importing
		/// administration's import rules about `facts` from `author`. Returns the weight
		/// used and the warnings, or the error that refuses the document.
		fn judge(
			author: &T::AccountId,
			facts: &FactsOf<T>,
			document_type: &DocumentType,
			production: Option<&ProductionOf<T>>,
		) -> (Weight, Result<Warnings, DispatchError>) {
			// The two slots; for each registered one, whether its administration is still a
			// member (charged below).
			let mut used = T::DbWeight::get().reads(2);
			let kind = document_type.accreditation;
			let Some(rule_kind) = rules::rule_kind(kind) else {
				return (used, Ok(Warnings::new()));
			};
			let slots =
				[(facts.exporting, Direction::Export), (facts.importing, Direction::Import)];
			let mut found = 0;
			let contracts: Vec<_> = slots
				.into_iter()
				.filter_map(|(administration, direction)| {
					let contract = RuleContracts::<T>::get(administration, (kind, direction))?;
					found += 1;
					// An administration that left the consortium judges nothing any more.
					T::Permissions::is_administration(administration).then_some((
						administration,
						direction,
						contract,
					))
				})
				.collect();
			used = used.saturating_add(T::DbWeight::get().reads(found));
			if contracts.is_empty() {
				return (used, Ok(Warnings::new()));
			}
			let input = tamga_rules::RuleInput {
				kind: rule_kind,
				form: rules::rule_form(facts.kind),
				exporting: *facts.exporting.as_bytes(),
				importing: *facts.importing.as_bytes(),
				hs_codes: facts.hs_codes.iter().map(HsCode::number).collect(),
				day: Self::today(),
				production: production.map(rules::production_input),
			};
			let mut warnings = Warnings::new();
			for (administration, direction, contract) in contracts {
				let (weight, verdict) = T::RuleEngine::validate(&contract, author, &input);
				used = used.saturating_add(weight);
				match verdict {
					Ok(tamga_rules::Verdict::Accept) => {},
					Ok(tamga_rules::Verdict::Warn(code)) => {
						// Two slots, at most two warnings: the bound holds.
						let _ = warnings.try_push(RuleWarning { administration, direction, code });
					},
					Ok(tamga_rules::Verdict::Reject(code)) => {
						return (used, Err(Error::<T>::RejectedByRules { direction, code }.into()))
					},
					Err(failure) => {
						log::warn!(
							target: "tamga::rules",
							"{direction:?} rules of {administration} gave no verdict: {failure:?}",
						);
						return (used, Err(Error::<T>::RulesFailed { direction, failure }.into()));
					},
				}
			}
			(used, Ok(warnings))
		}

		/// Checks production facts: every material's HS code and country.
		fn validate_production(production: &ProductionOf<T>) -> DispatchResult {
			ensure!(
				production
					.materials
					.iter()
					.all(|m| m.hs.is_valid() && CountryCode::new(m.origin).is_some()),
				Error::<T>::InvalidMaterial
			);
			Ok(())
		}

		/// Checks the facts an issuer declares, field by field, and that they carry what
		/// their `document_type` requires.
		fn validate(facts: &FactsOf<T>, document_type: &DocumentType) -> DispatchResult {
			ensure!(!facts.number.is_empty(), Error::<T>::EmptyNumber);
			ensure!(facts.exporting != facts.importing, Error::<T>::SameCountry);
			ensure!(
				!document_type.hs_codes_required || !facts.hs_codes.is_empty(),
				Error::<T>::NoHsCodes
			);
			ensure!(facts.hs_codes.iter().all(HsCode::is_valid), Error::<T>::InvalidHsCode);
			ensure!(facts.valid_from <= facts.valid_until, Error::<T>::InvalidValidity);
			ensure!(!document_type.bounded_uses || facts.quantity > 0, Error::<T>::ZeroQuantity);
			// A document that declares no quantity (zero) may name no unit (zero bytes).
			let no_quantity = facts.quantity == 0 && facts.unit == [0; 3];
			ensure!(
				no_quantity
					|| facts.unit.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
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

		/// The write of a document into [`DocumentsByNumber`], beyond what the benchmarks of
		/// `register`, `replace` and `endorse` measured (they predate the index).
		pub fn number_index_weight() -> Weight {
			T::DbWeight::get().writes(1)
		}

		/// The reads of the check that a document is not void (the author's voiding and
		/// its country's departures), beyond what the benchmarked call measured.
		pub fn voiding_weight() -> Weight {
			T::DbWeight::get().reads(2)
		}

		/// Fails if the document is void whatever its status: its issuer's administration
		/// left, or the consortium voided its issuer's documents.
		fn ensure_not_void(record: &RecordOf<T>) -> DispatchResult {
			match Self::voiding(&record.issuer, record.facts.exporting, record.registered_at) {
				None => Ok(()),
				Some(Voiding::AdministrationLeft { .. }) => {
					Err(Error::<T>::IssuerAdministrationLeft.into())
				},
				Some(Voiding::VoidedByConsortium { .. }) => Err(Error::<T>::DocumentsVoided.into()),
			}
		}

		/// Fails if the issuer's key was cut off before the document was anchored.
		fn ensure_not_cut_off(record: &RecordOf<T>) -> DispatchResult {
			ensure!(
				!Self::anchored_after_cutoff(&record.issuer, record.registered_at),
				Error::<T>::Denied(tamga_primitives::Denied::AfterKeyCutoff)
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
			country: CountryCode,
		) -> DispatchResult {
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

		/// Appends `action` by `actor`, now, to `id`'s history (see [`Self::append_entry`]).
		fn append_history(id: DocumentId, actor: &T::AccountId, action: Action) -> DispatchResult {
			let entry = HistoryEntryOf::<T> {
				block: Self::now(),
				extrinsic: Self::extrinsic_index(),
				actor: actor.clone(),
				action,
			};
			Self::append_entry(id, entry)
		}

		/// Appends `entry` to `id`'s history. The last slots are kept for the actions that
		/// end a record's life, so a busy record can always still be registered, then
		/// replaced or revoked: uses and an endorsed application's filing (always the first
		/// entry) leave two slots free, registration one.
		fn append_entry(id: DocumentId, entry: HistoryEntryOf<T>) -> DispatchResult {
			let reserved = match entry.action {
				Action::Replaced { .. } | Action::Revoked { .. } => 0,
				Action::Registered => 1,
				Action::Applied | Action::Used { .. } => 2,
			};
			let room = T::MaxHistory::get().saturating_sub(reserved) as usize;
			History::<T>::try_mutate(id, |history| {
				ensure!(history.len() < room, Error::<T>::HistoryFull);
				history.try_push(entry).map_err(|_| Error::<T>::HistoryFull)
			})
			.map_err(Into::into)
		}
	}
}

/// The most rule slots one administration holds: every kind of document rules judge, in
/// both directions.
const MAX_RULE_SLOTS: u32 = 8;

impl<T: Config> tamga_primitives::OnAdministrationLeft for Pallet<T> {
	/// Empties the rule slots of the administration that left: were it admitted again, its
	/// earlier rule contracts would not judge anything until it sets them anew.
	fn on_administration_left(
		country: tamga_primitives::CountryCode,
	) -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		let removed = RuleContracts::<T>::clear_prefix(country, MAX_RULE_SLOTS, None);
		<T as frame_system::Config>::DbWeight::get()
			.reads_writes(removed.loops.into(), removed.unique.into())
	}

	fn max_weight() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		<T as frame_system::Config>::DbWeight::get()
			.reads_writes(MAX_RULE_SLOTS.into(), MAX_RULE_SLOTS.into())
	}
}
