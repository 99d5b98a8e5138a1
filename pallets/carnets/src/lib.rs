//! # Tamga carnets pallet
//!
//! ATA carnets (temporary admission of goods, Istanbul Convention) with their voucher
//! movements checked on chain, and the claims that follow goods left abroad.
//!
//! ## Overview
//! - A guaranteeing association (an issuer accredited for
//!   [`DocumentKind::AtaGuarantee`](tamga_primitives::DocumentKind)) `issue`s a
//!   carnet: its number (starting with the association's country code), a salted
//!   commitment of the holder, the countries of use, the number of items and the hash of
//!   the general list, a validity of at most one year.
//! - Customs officers `record_voucher`s for their own country: exportation and
//!   re-importation in the issuing country; importation, re-exportation and transit in a
//!   listed country of use. [`vouchers`] holds the rules (no importation into a country not
//!   listed, no re-exportation of more than was imported there, re-importation only of
//!   goods exported, ...). Nothing is recorded before or after the validity, or once the
//!   carnet is closed.
//! - The association (or its administration) `close`s a carnet once no country of use
//!   holds its goods, unless a claim for them was settled or discharged, and (before
//!   expiry) no goods are in motion between countries.
//! - After expiry, an administration whose country still holds goods of the carnet
//!   `raise_claim`s against the association; it later records the claim `settle`d (duties
//!   paid) or `discharge`d with the hash of evidence of re-exportation.
//! - Validity is in days since 1970-01-01 (UTC), compared with the block timestamp when a
//!   voucher or claim is recorded and when a carnet is queried: nothing is swept.
//! - Every action is appended to the carnet's history (block, extrinsic, actor, action),
//!   one storage entry per action: no action is ever refused for lack of room.
//!
//! Who may act is decided by the governance pallet's [`Permissions`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod runtime_api;
pub mod types;
pub mod view;
pub mod vouchers;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::{CarnetState, ClaimStatus, Voucher};
pub use view::{CarnetView, HistoryPage, MAX_HISTORY_PAGE};
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
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use tamga_primitives::{calendar, CountryCode, DocumentKind, Permissions, Role, Voiding};

	use crate::{
		types::{
			Action, Carnet, CarnetState, Claim, ClaimStatus, CountryBalance, HistoryEntry, Voucher,
		},
		vouchers::{self, VoucherError},
		weights::WeightInfo,
	};

	/// A carnet number as this runtime bounds it.
	pub type NumberOf<T> = BoundedVec<u8, <T as Config>::MaxNumberLength>;
	/// A carnet as stored.
	pub type CarnetOf<T> = Carnet<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNumberLength,
		<T as Config>::MaxCountries,
	>;
	/// A claim as stored.
	pub type ClaimOf<T> = Claim<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A history entry as stored.
	pub type HistoryEntryOf<T> =
		HistoryEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

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
		/// The longest carnet number, in bytes.
		#[pallet::constant]
		type MaxNumberLength: Get<u32>;
		/// The most countries of use one carnet lists.
		#[pallet::constant]
		type MaxCountries: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Benchmarks only: moves the chain's clock.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper;
	}

	/// Carnets, by number.
	#[pallet::storage]
	pub type Carnets<T: Config> = StorageMap<_, Blake2_128Concat, NumberOf<T>, CarnetOf<T>>;

	/// Claims, by carnet number and claiming country.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		NumberOf<T>,
		Blake2_128Concat,
		CountryCode,
		ClaimOf<T>,
	>;

	/// Each carnet's history: (number, position from 0) → entry. Appending costs the same
	/// however long a carnet's life, and no action is ever refused for lack of room.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, NumberOf<T>, Twox64Concat, u32, HistoryEntryOf<T>>;

	/// How many entries each carnet's history holds.
	#[pallet::storage]
	pub type HistoryLength<T: Config> =
		StorageMap<_, Blake2_128Concat, NumberOf<T>, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A carnet was issued.
		Issued { number: NumberOf<T>, association: T::AccountId, items: u32 },
		/// Customs of `country` recorded a voucher.
		VoucherRecorded {
			number: NumberOf<T>,
			voucher: Voucher,
			country: CountryCode,
			items: u32,
			officer: T::AccountId,
		},
		/// A carnet was closed.
		Closed { number: NumberOf<T> },
		/// `country`'s administration claims duties for `items` left open.
		ClaimRaised { number: NumberOf<T>, country: CountryCode, items: u32 },
		/// `country`'s claim was settled.
		ClaimSettled { number: NumberOf<T>, country: CountryCode },
		/// `country`'s claim was discharged with evidence of re-exportation.
		ClaimDischarged { number: NumberOf<T>, country: CountryCode, evidence: H256 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The sender may not make this call, and why, in the consortium's one vocabulary:
		/// not a member, not accredited, another role, country or kind, the accreditation's
		/// state, its administration gone, its key cut off.
		Denied(tamga_primitives::Denied),
		/// The carnet number holds characters other than printable ASCII, or ends with a
		/// space.
		InvalidNumber,
		/// A carnet number starts with its issuing country's code and a slash (e.g.
		/// `KZ/2026/000123`).
		NumberCountryMismatch,
		/// A carnet with this number was already issued.
		DuplicateCarnet,
		/// No carnet with this number was issued.
		UnknownCarnet,
		/// A country code is not an assigned ISO 3166-1 alpha-2 code.
		UnknownCountry,
		/// A carnet lists at least one country of use.
		NoCountries,
		/// A country of use is listed twice.
		DuplicateCountry,
		/// The issuing country cannot be a country of use.
		IssuingCountryListed,
		/// A carnet covers at least one item.
		NoItems,
		/// The validity ends before it starts, or has already ended.
		InvalidValidity,
		/// A carnet is valid for at most one year.
		ValidityOverOneYear,
		/// The carnet's validity has not started.
		CarnetNotYetValid,
		/// The carnet's validity has ended.
		CarnetExpired,
		/// The carnet is closed.
		CarnetClosed,
		/// The carnet is void: its association's administration left the consortium, or the
		/// consortium voided the association's documents. Claims stay possible.
		CarnetVoid,
		/// A voucher moves at least one item.
		ZeroItems,
		/// Exportation and re-importation are recorded by the issuing country's customs.
		NotIssuingCountry,
		/// Importation, re-exportation and transit are recorded by a country of use.
		IssuingCountry,
		/// The country is not among the carnet's countries of use.
		CountryNotListed,
		/// More items than are at home would be exported.
		ExceedsItemsAtHome,
		/// More items than are in motion would arrive: goods are re-imported or imported
		/// only after they were exported or re-exported.
		ExceedsItemsInMotion,
		/// More items than the country imported and still holds would be re-exported.
		ExceedsImported,
		/// More items than are in transit in the country would end their transit.
		ExceedsInTransit,
		/// Only the carnet's association, or its administration, may do this.
		NotAssociation,
		/// A country of use still holds goods of the carnet with no settled or discharged
		/// claim: they must be re-exported first.
		GoodsStillHeld,
		/// Goods left a country and have not arrived anywhere yet: record their importation
		/// or re-importation first (after expiry the carnet may close regardless).
		GoodsInMotion,
		/// Claims are raised only after the carnet expired.
		NotExpired,
		/// The sender's country holds no goods of the carnet.
		NothingOpen,
		/// The sender's country already raised a claim on this carnet.
		DuplicateClaim,
		/// No claim by this country on this carnet.
		UnknownClaim,
		/// The claim was already settled or discharged.
		ClaimClosed,
		/// The carnet's history holds 2^32 entries.
		HistoryFull,
	}

	tamga_primitives::impl_from_denied!(Error);

	impl<T> From<VoucherError> for Error<T> {
		fn from(error: VoucherError) -> Self {
			match error {
				VoucherError::ZeroItems => Error::ZeroItems,
				VoucherError::NotIssuingCountry => Error::NotIssuingCountry,
				VoucherError::IssuingCountry => Error::IssuingCountry,
				VoucherError::CountryNotListed => Error::CountryNotListed,
				VoucherError::ExceedsItemsAtHome => Error::ExceedsItemsAtHome,
				VoucherError::ExceedsItemsInMotion => Error::ExceedsItemsInMotion,
				VoucherError::ExceedsImported => Error::ExceedsImported,
				VoucherError::ExceedsInTransit => Error::ExceedsInTransit,
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Issues carnet `number` for the goods of the general list hashed in `list_hash`
		/// (`items` items), held by the holder committed to by `holder_commitment`, for use
		/// in `countries`, valid from day `valid_from` to day `valid_until` (days since
		/// 1970-01-01, inclusive, less than a year). The sender must be a guaranteeing
		/// association; the carnet's issuing country is its own.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::issue())]
		pub fn issue(
			origin: OriginFor<T>,
			number: NumberOf<T>,
			holder_commitment: H256,
			countries: BoundedVec<[u8; 2], T::MaxCountries>,
			items: u32,
			list_hash: H256,
			valid_from: u32,
			valid_until: u32,
		) -> DispatchResult {
			let association = ensure_signed(origin)?;
			let home = T::Permissions::ensure_issuer(
				&association,
				DocumentKind::AtaGuarantee,
				Self::now(),
			)
			.map_err(Error::<T>::from)?;
			Self::validate_number(&number, home)?;
			ensure!(!Carnets::<T>::contains_key(&number), Error::<T>::DuplicateCarnet);
			let countries = Self::validate_countries(&countries, home)?;
			ensure!(items > 0, Error::<T>::NoItems);
			Self::validate_validity(valid_from, valid_until)?;
			Carnets::<T>::insert(
				&number,
				CarnetOf::<T> {
					number: number.clone(),
					association: association.clone(),
					home,
					holder_commitment,
					items,
					list_hash,
					valid_from,
					valid_until,
					abroad: 0,
					countries,
					issued_at: Self::now(),
					closed_at: None,
				},
			);
			Self::append_history(&number, &association, Action::Issued)?;
			Self::deposit_event(Event::Issued { number, association, items });
			Ok(())
		}

		/// Records `voucher` for `items` of carnet `number`. The sender must be an officer;
		/// the voucher is its own country's (see [`crate::vouchers`] for the rules).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::record_voucher().saturating_add(T::DbWeight::get().reads(2)))]
		pub fn record_voucher(
			origin: OriginFor<T>,
			number: NumberOf<T>,
			voucher: Voucher,
			items: u32,
		) -> DispatchResult {
			let officer = ensure_signed(origin)?;
			let country =
				T::Permissions::ensure_officer(&officer, Self::now()).map_err(Error::<T>::from)?;
			let mut carnet = Carnets::<T>::get(&number).ok_or(Error::<T>::UnknownCarnet)?;
			match Self::state(&carnet) {
				CarnetState::Open => {},
				CarnetState::NotYetValid => return Err(Error::<T>::CarnetNotYetValid.into()),
				CarnetState::Expired => return Err(Error::<T>::CarnetExpired.into()),
				CarnetState::Closed => return Err(Error::<T>::CarnetClosed.into()),
				CarnetState::Void => return Err(Error::<T>::CarnetVoid.into()),
			}
			vouchers::apply(&mut carnet, country, voucher, items).map_err(Error::<T>::from)?;
			Carnets::<T>::insert(&number, carnet);
			Self::append_history(&number, &officer, Action::Movement { voucher, country, items })?;
			Self::deposit_event(Event::VoucherRecorded {
				number,
				voucher,
				country,
				items,
				officer,
			});
			Ok(())
		}

		/// Closes carnet `number`: no voucher is recorded after this. No country of use may
		/// still hold its goods, unless its claim for them was settled or discharged; before
		/// expiry, no goods may be in motion either (their arrival must be recorded). The
		/// carnet's association, or a member account of its administration, may do this.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close())]
		pub fn close(origin: OriginFor<T>, number: NumberOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut carnet = Carnets::<T>::get(&number).ok_or(Error::<T>::UnknownCarnet)?;
			Self::ensure_association_or_administration(&who, &carnet)?;
			ensure!(carnet.closed_at.is_none(), Error::<T>::CarnetClosed);
			ensure!(
				carnet.in_motion() == 0 || Self::today() > carnet.valid_until,
				Error::<T>::GoodsInMotion
			);
			for balance in carnet.countries.iter().filter(|b| b.open() > 0) {
				let cleared = Claims::<T>::get(&number, balance.country)
					.is_some_and(|claim| claim.status != ClaimStatus::Raised);
				ensure!(cleared, Error::<T>::GoodsStillHeld);
			}
			carnet.closed_at = Some(Self::now());
			Carnets::<T>::insert(&number, carnet);
			Self::append_history(&number, &who, Action::Closed)?;
			Self::deposit_event(Event::Closed { number });
			Ok(())
		}

		/// Raises the sender's administration's claim against carnet `number`'s association
		/// for the goods its country still holds after the carnet expired. The sender must
		/// be a member account of that administration.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::raise_claim())]
		pub fn raise_claim(origin: OriginFor<T>, number: NumberOf<T>) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let country = T::Permissions::ensure_member(&member).map_err(Error::<T>::from)?;
			let carnet = Carnets::<T>::get(&number).ok_or(Error::<T>::UnknownCarnet)?;
			ensure!(carnet.closed_at.is_none(), Error::<T>::CarnetClosed);
			ensure!(Self::today() > carnet.valid_until, Error::<T>::NotExpired);
			let items = carnet.balance(country).map(|b| b.open()).unwrap_or_default();
			ensure!(items > 0, Error::<T>::NothingOpen);
			ensure!(!Claims::<T>::contains_key(&number, country), Error::<T>::DuplicateClaim);
			Claims::<T>::insert(
				&number,
				country,
				ClaimOf::<T> {
					association: carnet.association,
					items,
					raised_by: member.clone(),
					raised_at: Self::now(),
					status: ClaimStatus::Raised,
					closed_at: None,
				},
			);
			Self::append_history(&number, &member, Action::ClaimRaised { country, items })?;
			Self::deposit_event(Event::ClaimRaised { number, country, items });
			Ok(())
		}

		/// Records that the association paid the sender's administration's claim on carnet
		/// `number`. The sender must be a member account of the claiming administration.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::settle_claim())]
		pub fn settle_claim(origin: OriginFor<T>, number: NumberOf<T>) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let country = Self::close_claim(&member, &number, ClaimStatus::Settled)?;
			Self::append_history(&number, &member, Action::ClaimSettled { country })?;
			Self::deposit_event(Event::ClaimSettled { number, country });
			Ok(())
		}

		/// Discharges the sender's administration's claim on carnet `number` on evidence of
		/// re-exportation (`evidence` is blake2-256 of it, kept off chain). The sender must
		/// be a member account of the claiming administration.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::discharge_claim())]
		pub fn discharge_claim(
			origin: OriginFor<T>,
			number: NumberOf<T>,
			evidence: H256,
		) -> DispatchResult {
			let member = ensure_signed(origin)?;
			let country =
				Self::close_claim(&member, &number, ClaimStatus::Discharged { evidence })?;
			Self::append_history(&number, &member, Action::ClaimDischarged { country, evidence })?;
			Self::deposit_event(Event::ClaimDischarged { number, country, evidence });
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

		/// Where `carnet` stands today.
		pub fn state(carnet: &CarnetOf<T>) -> CarnetState {
			let today = Self::today();
			if Self::voiding(carnet).is_some() {
				CarnetState::Void
			} else if carnet.closed_at.is_some() {
				CarnetState::Closed
			} else if today < carnet.valid_from {
				CarnetState::NotYetValid
			} else if today > carnet.valid_until {
				CarnetState::Expired
			} else {
				CarnetState::Open
			}
		}

		/// Why `carnet` is void whatever its dates, if it is (two reads, charged on top of
		/// `record_voucher`'s benchmark): its association's
		/// administration left since it was issued, or the consortium voided the
		/// association's documents.
		pub fn voiding(carnet: &CarnetOf<T>) -> Option<Voiding<BlockNumberFor<T>>> {
			T::Permissions::voiding(&carnet.association, carnet.home, carnet.issued_at)
		}

		/// Every claim on carnet `number`, by claiming country.
		pub fn claims(number: &NumberOf<T>) -> Vec<(CountryCode, ClaimOf<T>)> {
			Claims::<T>::iter_prefix(number).collect()
		}

		/// Checks a new carnet's number: `home`'s code, a slash, then printable ASCII (inner
		/// spaces allowed) not ending with a space, e.g. `KZ/2026/000123`.
		fn validate_number(number: &NumberOf<T>, home: CountryCode) -> DispatchResult {
			ensure!(
				number.iter().all(|b| b.is_ascii_graphic() || *b == b' ')
					&& number.last().is_some_and(u8::is_ascii_graphic),
				Error::<T>::InvalidNumber
			);
			let prefix = [home.as_bytes()[0], home.as_bytes()[1], b'/'];
			ensure!(
				number.len() > prefix.len() && number.starts_with(&prefix),
				Error::<T>::NumberCountryMismatch
			);
			Ok(())
		}

		/// Checks the countries of use and gives each an empty balance.
		fn validate_countries(
			countries: &[[u8; 2]],
			home: CountryCode,
		) -> Result<BoundedVec<CountryBalance, T::MaxCountries>, DispatchError> {
			ensure!(!countries.is_empty(), Error::<T>::NoCountries);
			let mut balances = BoundedVec::<CountryBalance, T::MaxCountries>::new();
			for code in countries {
				let country = CountryCode::new(*code).ok_or(Error::<T>::UnknownCountry)?;
				ensure!(country != home, Error::<T>::IssuingCountryListed);
				ensure!(
					!balances.iter().any(|b| b.country == country),
					Error::<T>::DuplicateCountry
				);
				balances
					.try_push(CountryBalance { country, imported: 0, in_transit: 0 })
					.map_err(|_| Error::<T>::DuplicateCountry)?;
			}
			Ok(balances)
		}

		/// Checks a validity window: it has not ended and lasts less than a year (its last
		/// day comes before the first day's anniversary).
		fn validate_validity(valid_from: u32, valid_until: u32) -> DispatchResult {
			ensure!(
				valid_from <= valid_until && valid_until >= Self::today(),
				Error::<T>::InvalidValidity
			);
			ensure!(
				i64::from(valid_until) < calendar::anniversary(valid_from),
				Error::<T>::ValidityOverOneYear
			);
			Ok(())
		}

		/// Fails unless `who` is the carnet's association with its accreditation in force
		/// now, or a member account of the carnet's issuing administration.
		fn ensure_association_or_administration(
			who: &T::AccountId,
			carnet: &CarnetOf<T>,
		) -> DispatchResult {
			T::Permissions::ensure_party_or_administration(
				who,
				&carnet.association,
				Role::Issuer,
				Some(DocumentKind::AtaGuarantee),
				carnet.home,
				Self::now(),
			)
			.map_err(|denied| denied.map_or(Error::<T>::NotAssociation, Error::<T>::from).into())
		}

		/// Moves the claim of `member`'s administration on carnet `number` from `Raised`
		/// to `status`. Returns the claiming country.
		fn close_claim(
			member: &T::AccountId,
			number: &NumberOf<T>,
			status: ClaimStatus,
		) -> Result<CountryCode, DispatchError> {
			let country = T::Permissions::ensure_member(member).map_err(Error::<T>::from)?;
			Claims::<T>::try_mutate(number, country, |claim| {
				let claim = claim.as_mut().ok_or(Error::<T>::UnknownClaim)?;
				ensure!(claim.status == ClaimStatus::Raised, Error::<T>::ClaimClosed);
				claim.status = status;
				claim.closed_at = Some(Self::now());
				Ok::<_, DispatchError>(())
			})?;
			Ok(country)
		}

		/// Appends `action` by `actor` to carnet `number`'s history.
		fn append_history(
			number: &NumberOf<T>,
			actor: &T::AccountId,
			action: Action,
		) -> DispatchResult {
			let position = HistoryLength::<T>::get(number);
			let next = position.checked_add(1).ok_or(Error::<T>::HistoryFull)?;
			let entry = HistoryEntryOf::<T> {
				block: Self::now(),
				extrinsic: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
				actor: actor.clone(),
				action,
			};
			History::<T>::insert(number, position, entry);
			HistoryLength::<T>::insert(number, next);
			Ok(())
		}
	}
}
