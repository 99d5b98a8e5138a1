//! # Tamga AEO pallet
//!
//! Authorised Economic Operator statuses and the mutual recognition agreements (MRAs)
//! between administrations, so that any member can answer "is operator X recognised by
//! administration B, now?".
//!
//! ## Overview
//! - An administration (a member account, or an office it accredited as issuer for
//!   [`DocumentKind::Aeo`](tamga_primitives::DocumentKind)) `certify`s its own
//!   operators for a [`Programme`] (AEO-S, AEO-C or both) within a validity window;
//!   it `suspend`s, `reinstate`s and `revoke`s them with a reason from [`StatusReason`]
//!   and the hash of a free-text explanation. A certification past its last day is
//!   expired (computed when asked; nothing is swept). The administration is the offices'
//!   headquarters: once one of its member accounts revokes a certification, only a member
//!   account may certify the operator anew; an office may certify anew over an office's
//!   revocation (its own or another office's of the same administration).
//! - MRAs: one administration `propose_mra`s to another with a scope (programmes) and
//!   dates; the other `accept_mra`s it. Either party may `suspend_mra` (only that party
//!   `resume_mra`s) or `terminate_mra` (also how a proposal is withdrawn or declined). Two
//!   administrations have at most one agreement that is not terminated; one past its last
//!   day is terminated when either proposes a new one.
//! - Recognition ([`recognition`]): X is recognised by B on a day when X is certified by
//!   its own administration and in force that day, an MRA between the two is in force
//!   that day, and its scope covers X's programme (the answer names what is covered).
//! - Every status change is numbered and kept (each links to the operator's previous
//!   one); each partner administration with an MRA in force or suspended must
//!   `acknowledge` it, and its unacknowledged changes are listable. Expiry is no change:
//!   every partner reads the validity dates on chain and recognition computes it.
//! - An administration that leaves the consortium takes its recognition with it: its
//!   operators are recognised nowhere, and it recognises none.
//!
//! Who may act is decided by the governance pallet's [`Permissions`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod recognition;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use recognition::{
	AeoState, PendingPage, Recognition, RecognitionReason, StatusView, MAX_LISTED_PENDING,
};
pub use types::{
	AeoStatus, Authority, ChangeId, MraId, MraStatus, Operator, Programme, StatusReason,
};
pub use weights::WeightInfo;

/// What benchmarks need of the runtime beyond the pallet's own calls.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Sets the chain's clock (what `Config::Time` reads) to the start of day `day`
	/// (days since 1970-01-01 UTC).
	fn set_day(day: u32);
}

#[frame_support::pallet]
pub mod pallet {
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use tamga_primitives::{CountryCode, DocumentKind, Permissions};

	use crate::{
		types::{
			AeoStatus, Authority, Certification, Change, ChangeId, Mra, MraId, MraStatus, Operator,
			Programme, StatusReason,
		},
		weights::WeightInfo,
	};

	/// A certification as stored.
	pub type CertificationOf<T> =
		Certification<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A status change as stored.
	pub type ChangeOf<T> = Change<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// An agreement as stored.
	pub type MraOf<T> = Mra<BlockNumberFor<T>>;

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
		/// The chain's clock (the block timestamp), for validity.
		type Time: UnixTime;
		/// The most agreements (not terminated) one administration may have: the most
		/// partners a status change notifies.
		#[pallet::constant]
		type MaxPartners: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Benchmarks only: moves the chain's clock.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper;
	}

	/// Certifications, by operator.
	#[pallet::storage]
	pub type Certifications<T: Config> =
		StorageMap<_, Blake2_128Concat, Operator, CertificationOf<T>>;

	/// Every status change, by number.
	#[pallet::storage]
	pub type Changes<T: Config> = StorageMap<_, Twox64Concat, ChangeId, ChangeOf<T>>;

	/// The number the next status change gets.
	#[pallet::storage]
	pub type NextChange<T: Config> = StorageValue<_, ChangeId, ValueQuery>;

	/// Status changes each partner administration has not acknowledged yet, with the
	/// block in which they were made.
	#[pallet::storage]
	pub type Pending<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		CountryCode,
		Twox64Concat,
		ChangeId,
		BlockNumberFor<T>,
	>;

	/// Acknowledgements: (change, partner) → the member account that acknowledged it and
	/// the block.
	#[pallet::storage]
	pub type Acknowledgements<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ChangeId,
		Blake2_128Concat,
		CountryCode,
		(T::AccountId, BlockNumberFor<T>),
	>;

	/// Agreements, by number.
	#[pallet::storage]
	pub type Mras<T: Config> = StorageMap<_, Twox64Concat, MraId, MraOf<T>>;

	/// The number the next agreement gets.
	#[pallet::storage]
	pub type NextMra<T: Config> = StorageValue<_, MraId, ValueQuery>;

	/// Each administration's agreements that are not terminated: (other party, agreement).
	#[pallet::storage]
	pub type Partners<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CountryCode,
		BoundedVec<(CountryCode, MraId), T::MaxPartners>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An operator's certification changed (`change` is its number).
		StatusChanged {
			operator: Operator,
			status: AeoStatus,
			programme: Programme,
			change: ChangeId,
		},
		/// `partner` acknowledged status change `change`.
		Acknowledged { change: ChangeId, partner: CountryCode },
		/// `proposer` proposed agreement `id` to `partner`.
		MraProposed { id: MraId, proposer: CountryCode, partner: CountryCode, scope: Programme },
		/// Agreement `id` was accepted.
		MraAccepted { id: MraId },
		/// Agreement `id` was suspended by party `by`.
		MraSuspended { id: MraId, by: CountryCode },
		/// Agreement `id` was resumed.
		MraResumed { id: MraId },
		/// Agreement `id` was terminated by party `by`.
		MraTerminated { id: MraId, by: CountryCode },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The sender may not make this call, and why, in the consortium's one vocabulary:
		/// not a member, not accredited, another role, country or kind, the accreditation's
		/// state, its administration gone, its key cut off.
		Denied(tamga_primitives::Denied),
		/// The validity ends before it starts, or has already ended.
		InvalidValidity,
		/// No certification of this operator by the sender's administration.
		UnknownOperator,
		/// The certification is suspended: reinstate or revoke it first.
		CertificationSuspended,
		/// The certification is revoked.
		CertificationRevoked,
		/// Only a suspended certification can be reinstated.
		NotSuspended,
		/// The certification's validity has ended: certify the operator anew (one both
		/// suspended and expired can only be revoked, then certified anew).
		CertificationExpired,
		/// The sender's administration has no unacknowledged change with this number.
		NothingToAcknowledge,
		/// A country code is not an assigned ISO 3166-1 alpha-2 code.
		UnknownCountry,
		/// The partner is not a member administration.
		UnknownAdministration,
		/// An administration makes no agreement with itself.
		SelfAgreement,
		/// The two administrations already have an agreement that is not terminated.
		DuplicateMra,
		/// One of the two administrations has `MaxPartners` agreements already.
		TooManyPartners,
		/// No agreement with this number.
		UnknownMra,
		/// The sender's administration is not the party that may do this.
		NotParty,
		/// The agreement is not proposed (only a proposal can be accepted).
		NotProposed,
		/// The agreement is not in force (only one in force can be suspended).
		NotInForce,
		/// The agreement is not suspended, or the sender's administration did not suspend it.
		NotSuspendedByYou,
		/// The agreement is already terminated.
		MraTerminated,
		/// The agreement's last day has passed: it can no longer be accepted.
		MraLapsed,
		/// Every status change or agreement number has been used.
		IdsExhausted,
		/// The operator's administration itself (a member account) revoked its
		/// certification: only a member account of the administration may certify the
		/// operator anew, not an AEO office.
		RevokedByAdministration,
		/// The operator's administration itself (a member account) suspended its
		/// certification: only a member account may reinstate, suspend again or revoke it,
		/// not an AEO office.
		SuspendedByAdministration,
	}

	tamga_primitives::impl_from_denied!(Error);

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Certifies the operator of the sender's country committed to by `commitment`
		/// (blake2-256 of a salt and its identifier) for `programme`, from day `valid_from`
		/// to day `valid_until` (days since 1970-01-01, inclusive). Also renews or amends a
		/// certification in force, or certifies anew one revoked or expired; a suspended one
		/// must be reinstated or revoked first. The sender must be a member account of the
		/// administration or an office it accredited as AEO issuer; an office may not certify
		/// anew a certification a member account revoked.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::certify().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn certify(
			origin: OriginFor<T>,
			commitment: H256,
			programme: Programme,
			valid_from: u32,
			valid_until: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (country, authority) = Self::ensure_certifier(&who)?;
			ensure!(
				valid_from <= valid_until && valid_until >= Self::today(),
				Error::<T>::InvalidValidity
			);
			let operator = Operator { country, commitment };
			let previous = Certifications::<T>::get(operator);
			// What an earlier membership certified is void: certify anew, whoever revoked it.
			let current = previous.as_ref().filter(|c| Self::of_current_membership(operator, c));
			ensure!(
				current.is_none_or(|c| c.status != AeoStatus::Suspended),
				Error::<T>::CertificationSuspended
			);
			ensure!(
				authority == Authority::Administration
					|| !current.is_some_and(|c| c.revoked_by_administration()),
				Error::<T>::RevokedByAdministration
			);
			let certification = CertificationOf::<T> {
				programme,
				status: AeoStatus::Certified,
				reason: None,
				valid_from,
				valid_until,
				changed_by: who.clone(),
				changed_as: authority,
				effective_at: Self::now(),
				effective_day: Self::today(),
				last_change: 0,
			};
			Self::record_change(&who, operator, certification, previous.map(|c| c.last_change))
		}

		/// Suspends the certification of the sender's country's operator `commitment` for
		/// `reason` (`text_hash`: blake2-256 of the free-text explanation).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn suspend(
			origin: OriginFor<T>,
			commitment: H256,
			reason: StatusReason,
			text_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::change_status(&who, commitment, AeoStatus::Suspended, Some((reason, text_hash)))
		}

		/// Reinstates the suspended certification of the sender's country's operator
		/// `commitment`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reinstate().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn reinstate(origin: OriginFor<T>, commitment: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::change_status(&who, commitment, AeoStatus::Certified, None)
		}

		/// Revokes the certification of the sender's country's operator `commitment` for
		/// `reason` (`text_hash`: blake2-256 of the free-text explanation).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(T::DbWeight::get().reads(1)))]
		pub fn revoke(
			origin: OriginFor<T>,
			commitment: H256,
			reason: StatusReason,
			text_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::change_status(&who, commitment, AeoStatus::Revoked, Some((reason, text_hash)))
		}

		/// Acknowledges status change `change` for the sender's administration, a partner
		/// that was notified of it during its current membership.
		#[pallet::call_index(4)]
		#[pallet::weight(
			// The measured call, and the administration's membership read to check when it
			// began.
			T::WeightInfo::acknowledge().saturating_add(T::DbWeight::get().reads(1))
		)]
		pub fn acknowledge(origin: OriginFor<T>, change: ChangeId) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let partner = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			let made =
				Pending::<T>::get(partner, change).ok_or(Error::<T>::NothingToAcknowledge)?;
			ensure!(
				Self::owed_by_current_membership(partner, made),
				Error::<T>::NothingToAcknowledge
			);
			Pending::<T>::remove(partner, change);
			Acknowledgements::<T>::insert(change, partner, (member, Self::now()));
			Self::deposit_event(Event::Acknowledged { change, partner });
			Ok(())
		}

		/// Proposes to `partner`'s administration an agreement recognising each other's
		/// operators certified for programmes within `scope`, in force from day
		/// `valid_from` to day `valid_until` once accepted.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::propose_mra())]
		pub fn propose_mra(
			origin: OriginFor<T>,
			partner: [u8; 2],
			scope: Programme,
			valid_from: u32,
			valid_until: u32,
		) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let proposer = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			let partner = CountryCode::new(partner).ok_or(Error::<T>::UnknownCountry)?;
			ensure!(partner != proposer, Error::<T>::SelfAgreement);
			ensure!(T::Permissions::is_administration(partner), Error::<T>::UnknownAdministration);
			ensure!(
				valid_from <= valid_until && valid_until >= Self::today(),
				Error::<T>::InvalidValidity
			);
			// A lapsed agreement between the two ends here: the new one replaces it.
			let existing = Partners::<T>::get(proposer)
				.into_iter()
				.find(|(other, _)| *other == partner)
				.map(|(_, id)| id);
			if let Some(existing) = existing {
				let lapsed =
					Mras::<T>::get(existing).is_some_and(|mra| mra.valid_until < Self::today());
				ensure!(lapsed, Error::<T>::DuplicateMra);
				Self::end_mra(existing, proposer)?;
			}
			let id = NextMra::<T>::try_mutate(|next| {
				let id = *next;
				*next = next.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
				Ok::<_, Error<T>>(id)
			})?;
			for (side, other) in [(proposer, partner), (partner, proposer)] {
				Partners::<T>::try_mutate(side, |partners| partners.try_push((other, id)))
					.map_err(|_| Error::<T>::TooManyPartners)?;
			}
			Mras::<T>::insert(
				id,
				MraOf::<T> {
					proposer,
					partner,
					scope,
					valid_from,
					valid_until,
					status: MraStatus::Proposed,
					proposed_at: Self::now(),
					accepted_at: None,
				},
			);
			Self::deposit_event(Event::MraProposed { id, proposer, partner, scope });
			Ok(())
		}

		/// Accepts agreement `id`, proposed to the sender's administration.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::accept_mra())]
		pub fn accept_mra(origin: OriginFor<T>, id: MraId) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let country = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			Self::update_mra(id, |mra| {
				ensure!(mra.partner == country, Error::<T>::NotParty);
				ensure!(mra.status == MraStatus::Proposed, Error::<T>::NotProposed);
				ensure!(mra.valid_until >= Self::today(), Error::<T>::MraLapsed);
				mra.status = MraStatus::InForce;
				mra.accepted_at = Some(Self::now());
				Ok(())
			})?;
			Self::deposit_event(Event::MraAccepted { id });
			Ok(())
		}

		/// Suspends agreement `id`, in force, for both parties; only the sender's
		/// administration (one of them) may resume it.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::suspend_mra())]
		pub fn suspend_mra(origin: OriginFor<T>, id: MraId) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let by = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			Self::update_mra(id, |mra| {
				ensure!(mra.is_party(by), Error::<T>::NotParty);
				ensure!(mra.status == MraStatus::InForce, Error::<T>::NotInForce);
				mra.status = MraStatus::Suspended { by };
				Ok(())
			})?;
			Self::deposit_event(Event::MraSuspended { id, by });
			Ok(())
		}

		/// Resumes agreement `id`, which the sender's administration suspended.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::resume_mra())]
		pub fn resume_mra(origin: OriginFor<T>, id: MraId) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let country = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			Self::update_mra(id, |mra| {
				ensure!(mra.is_party(country), Error::<T>::NotParty);
				ensure!(
					mra.status == MraStatus::Suspended { by: country },
					Error::<T>::NotSuspendedByYou
				);
				mra.status = MraStatus::InForce;
				Ok(())
			})?;
			Self::deposit_event(Event::MraResumed { id });
			Ok(())
		}

		/// Terminates agreement `id` for good: either party may, at any stage (a proposal
		/// is thus withdrawn or declined). The two may then propose a new one.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::terminate_mra())]
		pub fn terminate_mra(origin: OriginFor<T>, id: MraId) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let by = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			Self::end_mra(id, by)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The current block number.
		pub(crate) fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// Today, in days since 1970-01-01 (UTC), by the block timestamp.
		pub fn today() -> u32 {
			(T::Time::now().as_secs() / SECONDS_PER_DAY) as u32
		}

		/// Checks that `who` certifies operators now: a member account of an administration,
		/// or an AEO office (issuer accredited for AEO) in force. Returns its country and the
		/// capacity in which it acts.
		fn ensure_certifier(who: &T::AccountId) -> Result<(CountryCode, Authority), DispatchError> {
			if let Ok(country) = T::Permissions::ensure_member(who) {
				return Ok((country, Authority::Administration));
			}
			T::Permissions::ensure_issuer(who, DocumentKind::Aeo, Self::now())
				.map(|country| (country, Authority::Office))
				.map_err(|denied| Error::<T>::from(denied).into())
		}

		/// Moves the certification of `who`'s country's operator `commitment` to `status`
		/// (suspend: from certified; reinstate: from suspended; revoke: from either).
		fn change_status(
			who: &T::AccountId,
			commitment: H256,
			status: AeoStatus,
			reason: Option<(StatusReason, H256)>,
		) -> DispatchResult {
			let (country, authority) = Self::ensure_certifier(who)?;
			let operator = Operator { country, commitment };
			let mut certification = Certifications::<T>::get(operator)
				.filter(|c| Self::of_current_membership(operator, c))
				.ok_or(Error::<T>::UnknownOperator)?;
			ensure!(
				authority == Authority::Administration
					|| !(certification.status == AeoStatus::Suspended
						&& certification.changed_as == Authority::Administration),
				Error::<T>::SuspendedByAdministration
			);
			match (certification.status, status) {
				(AeoStatus::Revoked, _) => return Err(Error::<T>::CertificationRevoked.into()),
				(AeoStatus::Suspended, AeoStatus::Suspended) => {
					return Err(Error::<T>::CertificationSuspended.into())
				},
				(AeoStatus::Certified, AeoStatus::Certified) => {
					return Err(Error::<T>::NotSuspended.into())
				},
				_ => {},
			}
			ensure!(
				status == AeoStatus::Revoked || Self::today() <= certification.valid_until,
				Error::<T>::CertificationExpired
			);
			let previous = certification.last_change;
			certification.status = status;
			certification.reason = reason;
			certification.changed_by = who.clone();
			certification.changed_as = authority;
			certification.effective_at = Self::now();
			certification.effective_day = Self::today();
			Self::record_change(who, operator, certification, Some(previous))
		}

		/// Whether `certification` of `operator` was made during its administration's
		/// current membership (what an earlier one made is void and not revived). One read,
		/// charged on top of the benchmarked status calls.
		pub(crate) fn of_current_membership(
			operator: Operator,
			certification: &CertificationOf<T>,
		) -> bool {
			T::Permissions::member_since(operator.country)
				.is_some_and(|joined| certification.effective_at >= joined)
		}

		/// Terminates agreement `id` by party `by` and frees both parties' places.
		pub(crate) fn end_mra(id: MraId, by: CountryCode) -> DispatchResult {
			let mut parties = None;
			Self::update_mra(id, |mra| {
				ensure!(mra.is_party(by), Error::<T>::NotParty);
				ensure!(
					!matches!(mra.status, MraStatus::Terminated { .. }),
					Error::<T>::MraTerminated
				);
				mra.status = MraStatus::Terminated { by };
				parties = Some((mra.proposer, mra.partner));
				Ok(())
			})?;
			if let Some((proposer, partner)) = parties {
				for side in [proposer, partner] {
					Partners::<T>::mutate(side, |partners| partners.retain(|(_, mra)| *mra != id));
				}
			}
			Self::deposit_event(Event::MraTerminated { id, by });
			Ok(())
		}

		/// Stores `certification` as `operator`'s, numbers the change, links it to the
		/// operator's `previous` one and notifies every partner of the operator's
		/// administration that is still a member, with an agreement in force or suspended
		/// and not past its last day.
		fn record_change(
			who: &T::AccountId,
			operator: Operator,
			mut certification: CertificationOf<T>,
			previous: Option<ChangeId>,
		) -> DispatchResult {
			let change = NextChange::<T>::try_mutate(|next| {
				let id = *next;
				*next = next.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
				Ok::<_, Error<T>>(id)
			})?;
			certification.last_change = change;
			let (status, programme) = (certification.status, certification.programme);
			Changes::<T>::insert(
				change,
				ChangeOf::<T> {
					operator,
					status,
					programme,
					reason: certification.reason,
					actor: who.clone(),
					block: Self::now(),
					extrinsic: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
					day: Self::today(),
					previous,
				},
			);
			Certifications::<T>::insert(operator, certification);
			let today = Self::today();
			for (partner, id) in Partners::<T>::get(operator.country) {
				let notified = Mras::<T>::get(id).is_some_and(|mra| {
					matches!(mra.status, MraStatus::InForce | MraStatus::Suspended { .. })
						&& mra.valid_until >= today
				}) && T::Permissions::is_administration(partner);
				if notified {
					Pending::<T>::insert(partner, change, Self::now());
				}
			}
			Self::deposit_event(Event::StatusChanged { operator, status, programme, change });
			Ok(())
		}

		/// Applies `update` to agreement `id` and stores it if it succeeds.
		fn update_mra(
			id: MraId,
			update: impl FnOnce(&mut MraOf<T>) -> Result<(), Error<T>>,
		) -> DispatchResult {
			Mras::<T>::try_mutate(id, |mra| {
				let mra = mra.as_mut().ok_or(Error::<T>::UnknownMra)?;
				update(mra)
			})
			.map_err(Into::into)
		}
	}
}

impl<T: Config> tamga_primitives::OnAdministrationLeft for Pallet<T> {
	/// Terminates every agreement of the administration that left (by it), freeing its
	/// partners' places; at most `MaxPartners`.
	fn on_administration_left(
		country: tamga_primitives::CountryCode,
	) -> frame_support::weights::Weight {
		let agreements = Partners::<T>::get(country);
		for (_, id) in &agreements {
			// The list holds only agreements of `country` not terminated yet: ending one
			// cannot fail.
			let _ = Self::end_mra(*id, country);
		}
		Self::agreements_ended_weight(agreements.len() as u64)
	}

	fn max_weight() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		Self::agreements_ended_weight(T::MaxPartners::get().into())
	}
}

impl<T: Config> Pallet<T> {
	/// Ending `count` agreements of a leaving administration: its partner list read, and
	/// per agreement the agreement read and written and both parties' lists read and
	/// written.
	fn agreements_ended_weight(count: u64) -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		T::DbWeight::get()
			.reads(1)
			.saturating_add(T::DbWeight::get().reads_writes(3, 3).saturating_mul(count))
	}
}
