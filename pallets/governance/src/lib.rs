//! # Tamga governance pallet
//!
//! The consortium of customs administrations governs itself here: all members are equal,
//! there is no operator above them, and every change of who may do what is decided by
//! their votes or, within its own country, by each administration alone.
//!
//! ## Overview
//! - **Administrations** (one per ISO 3166-1 alpha-2 country) join and leave by a
//!   proposal that at least 2/3 of the administrations approve. Each acts through one or
//!   more member accounts, which it manages itself.
//! - **Proposals** carry any runtime call. Each administration has one vote; a proposal
//!   passes as soon as at least 2/3 of the administrations approve it and is then
//!   dispatched with the consortium's origin (`Root`), fails as soon as 2/3 can no longer
//!   be reached, and expires after `ProposalLifetime` blocks. Runtime upgrades go this way
//!   (`System::authorize_upgrade`), so no sudo key is needed. A proposal may carry only
//!   the calls the runtime allows (`ProposalFilter`, an allow-list); it is dispatched with
//!   the consortium's origin ([`origin::RawOrigin::Consortium`], recording the ayes and
//!   the number of administrations), and only the calls the runtime lists in `RootCalls`
//!   get `Root`. Each administration keeps at most `MaxProposalsPerAdministration`
//!   proposals open and may withdraw its own.
//! - **Validators**: the consortium adds or removes validator accounts; `pallet-session`
//!   picks the set up at the next session change (see [`pallet_session::SessionManager`]),
//!   and the set can never be voted below `MinValidators`.
//! - **Node admission**: the consortium approves each node (PeerId and address) that may
//!   connect; nodes of a consortium chain connect to approved nodes only
//!   ([`node_admission`]).
//! - **Accreditation**: an administration alone accredits the parties of its own country:
//!   issuers (for kinds of documents, within a validity window), approved exporters,
//!   exporters, customs offices (officers) and auditors. It suspends, reinstates and
//!   revokes them and sets an issuer's key cut-off block. An accreditation is an offer
//!   until the account accepts it (`accept_accreditation`, signed by the account): an
//!   offer binds nothing and blocks nobody. An account holds one accreditation, of one
//!   country; a revoked one can be removed (`remove_accreditation`) so the account can be
//!   bound again.
//! - **Leaving**: what the parties of an administration that left anchored is void from
//!   its departure on, its agreements and rule slots end, and nothing of an earlier
//!   membership is revived when it is admitted again; the consortium may also void one
//!   party's documents by vote (`void_documents`). See [`departure`].
//! - **Permissions**: [`Permissions`] answers "may X act as R of kind K for country C at
//!   block N?" for every other pallet.
//!
//! ## Calls
//! | call | who |
//! |---|---|
//! | `propose`, `vote` | a member account (one vote per administration) |
//! | `withdraw_proposal` | a member account of the proposing administration |
//! | `close` | anyone, for an expired proposal |
//! | `admit_administration`, `remove_administration`, `add_validator`, `remove_validator`, `approve_node`, `void_documents` | the consortium (a passed proposal) |
//! | `remove_node` | the consortium, or a member account of the node's administration |
//! | `add_member`, `remove_member`, `accredit`, `withdraw_offer`, `suspend`, `reinstate`, `revoke`, `remove_accreditation`, `set_key_cutoff` | a member account, for its own administration's country |
//! | `accept_accreditation` | the account an administration offered an accreditation |
//!
//! Who may send which call at all is decided before dispatch, in the pool and in every
//! block, by [`CheckAccess`] and the runtime's [`CallPolicy`].
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod accounts;
mod accreditation;
mod administrations;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod departure;
pub mod derived_weights;
pub mod extension;
pub mod node_admission;
mod nodes;
pub mod origin;
pub mod permissions;
mod proposals;
pub mod standing;
pub mod types;
mod validators;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use departure::{OnAdministrationLeft, Voiding, MAX_DEPARTURES};
pub use extension::{
	CheckAccess, MEMBER_PRIORITY, NOT_FOR_ROLE, NOT_PERMITTED, PARTY_PRIORITY, TOO_LARGE,
	TOO_MANY_PENDING,
};
pub use node_admission::ApprovedNode;
pub use origin::{EnsureConsortium, RawOrigin};
pub use pallet::*;
pub use permissions::{Denied, PartySummary, Permissions};
pub use standing::{CallPolicy, PartyStanding, Standing};
pub use tamga_primitives::{calendar, country, impl_from_denied, CountryCode, CountryCodeError};
pub use types::{AccreditationStatus, DocumentKind, DocumentKinds, ProposalId, Role};
pub use weights::WeightInfo;

/// What benchmarks need of the runtime beyond this pallet's own calls.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` session keys, so `ValidatorRegistration` counts it as registered.
	fn register_validator(who: &AccountId);
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {
	fn register_validator(_: &AccountId) {}
}

#[frame_support::pallet]
pub mod pallet {
	use alloc::{boxed::Box, string::String, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	use crate::{
		accreditation::Terms,
		country::CountryCode,
		node_admission::{ApprovedNode, PeerIdText},
		nodes::NodeRemover,
		types::{Accreditation, Administration, DocumentKinds, Proposal, ProposalId, Role},
		weights::WeightInfo,
	};

	/// An administration as stored.
	pub type AdministrationOf<T> = Administration<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
		<T as Config>::MaxMembersPerAdministration,
	>;
	/// A proposal as stored.
	pub type ProposalOf<T> = Proposal<
		BlockNumberFor<T>,
		Weight,
		<T as Config>::MaxCallSize,
		<T as Config>::MaxAdministrations,
	>;
	/// An accreditation as stored.
	pub type AccreditationOf<T> = Accreditation<BlockNumberFor<T>, <T as Config>::MaxNameLength>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origin a passed proposal dispatches its call with.
	#[pallet::origin]
	pub type Origin = crate::origin::RawOrigin;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The runtime origin: a passed proposal dispatches with the consortium's origin
		/// ([`RawOrigin`]) or, for `RootCalls`, with `Root`.
		type RuntimeOrigin: From<crate::origin::RawOrigin>
			+ From<frame_system::RawOrigin<Self::AccountId>>
			+ Into<<Self as frame_system::Config>::RuntimeOrigin>;
		/// The runtime call a proposal carries.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + UnfilteredDispatchable<RuntimeOrigin = <Self as Config>::RuntimeOrigin>
			+ GetDispatchInfo;
		/// The origin of the consortium's decisions: [`crate::EnsureConsortium`] in the
		/// runtime (a passed proposal's origin).
		type ConsortiumOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;
		/// The most administrations the consortium can have.
		#[pallet::constant]
		type MaxAdministrations: Get<u32>;
		/// The most member accounts one administration can have.
		#[pallet::constant]
		type MaxMembersPerAdministration: Get<u32>;
		/// The longest administration name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;
		/// The largest encoded call a proposal may carry, in bytes.
		#[pallet::constant]
		type MaxCallSize: Get<u32>;
		/// The heaviest call a proposal may carry.
		#[pallet::constant]
		type MaxProposalWeight: Get<Weight>;
		/// How many blocks a proposal stays open for votes.
		#[pallet::constant]
		type ProposalLifetime: Get<BlockNumberFor<Self>>;
		/// The most proposals open at once.
		#[pallet::constant]
		type MaxOpenProposals: Get<u32>;
		/// The most validators.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// The fewest validators the set may be voted down to.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// The most approved nodes.
		#[pallet::constant]
		type MaxNodes: Get<u32>;
		/// Whether a validator account has registered session keys (`pallet-session`):
		/// only such validators count, since the session skips the others.
		type ValidatorRegistration: frame_support::traits::ValidatorRegistration<Self::AccountId>;
		/// The calls a proposal may carry: an allow-list (the consortium's own calls,
		/// runtime upgrades), never a call that writes storage directly or acts as an
		/// account.
		type ProposalFilter: frame_support::traits::Contains<<Self as Config>::RuntimeCall>;
		/// The allowed proposal calls that need `Root` (e.g. `System::authorize_upgrade`);
		/// every other passed proposal dispatches with the consortium's origin.
		type RootCalls: frame_support::traits::Contains<<Self as Config>::RuntimeCall>;
		/// The most proposals one administration may have open at once.
		#[pallet::constant]
		type MaxProposalsPerAdministration: Get<u32>;
		/// Which calls each standing (member, validator, party of a role, candidate) may
		/// send; [`CheckAccess`] refuses the rest with [`NOT_FOR_ROLE`].
		type CallPolicy: crate::CallPolicy<<Self as frame_system::Config>::RuntimeCall>;
		/// The longest extrinsic a party may send, in bytes ([`TOO_LARGE`]).
		#[pallet::constant]
		type MaxPartyTransactionLength: Get<u32>;
		/// The most transactions a party may hold ahead of its account's nonce
		/// ([`TOO_MANY_PENDING`]).
		#[pallet::constant]
		type MaxPartyPooled: Get<u32>;
		/// The most transactions of one party a block may carry.
		#[pallet::constant]
		type MaxPartyTransactionsPerBlock: Get<u32>;
		/// What other pallets end at once when an administration leaves (its agreements,
		/// its rule slots).
		type OnAdministrationLeft: crate::OnAdministrationLeft;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Benchmarks only: registers validators' session keys.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The administrations, by country.
	#[pallet::storage]
	pub type Administrations<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, CountryCode, AdministrationOf<T>>;

	/// The administration each member account acts for.
	#[pallet::storage]
	pub type MemberOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, CountryCode>;

	/// Open proposals.
	#[pallet::storage]
	pub type Proposals<T: Config> = CountedStorageMap<_, Twox64Concat, ProposalId, ProposalOf<T>>;

	/// The identifier the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// Accredited parties (issuers, exporters, officers, auditors), by account.
	#[pallet::storage]
	pub type Accreditations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccreditationOf<T>>;

	/// The validator accounts and the administration each belongs to.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<(T::AccountId, CountryCode), T::MaxValidators>, ValueQuery>;

	/// The nodes approved to connect, by PeerId text.
	#[pallet::storage]
	pub type Nodes<T: Config> = CountedStorageMap<_, Blake2_128Concat, PeerIdText, ApprovedNode>;

	/// Accreditations offered and not yet accepted, by account and offering country.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		CountryCode,
		AccreditationOf<T>,
	>;

	/// How many proposals each administration has open.
	#[pallet::storage]
	pub type OpenProposalsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, CountryCode, u32, ValueQuery>;

	/// The last block in which each party sent a transaction, and how many it sent there
	/// (its share of that block, bounded by `MaxPartyTransactionsPerBlock`).
	#[pallet::storage]
	pub type PartyBlockShare<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BlockNumberFor<T>, u32), ValueQuery>;

	/// Whether the validator set changed since the last session change.
	#[pallet::storage]
	pub type ValidatorsChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The blocks in which each country's administration left the consortium, oldest
	/// first (the last [`crate::MAX_DEPARTURES`]): what its parties anchored before a
	/// departure is void ([`crate::departure`]).
	#[pallet::storage]
	pub type Departures<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		CountryCode,
		BoundedVec<BlockNumberFor<T>, ConstU32<{ crate::MAX_DEPARTURES }>>,
		ValueQuery,
	>;

	/// Parties whose documents the consortium voided: everything the party anchored in or
	/// before this block is void.
	#[pallet::storage]
	pub type VoidedParties<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// The founding consortium. Country codes and names are written as text in the chain
	/// spec, e.g. `["KZ", "State Revenue Committee of Kazakhstan", [<account>]]`.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// (country, name, member accounts) of each founding administration.
		pub administrations: Vec<(String, String, Vec<T::AccountId>)>,
		/// (validator account, country) of each founding validator.
		pub validators: Vec<(T::AccountId, String)>,
		/// (country, PeerId, address) of each founding node, e.g.
		/// `["KZ", "12D3KooW…", "/ip4/10.0.0.7/tcp/30333"]`.
		pub nodes: Vec<(String, String, String)>,
	}

	/// The country code `text` stands for; genesis refuses anything else.
	fn genesis_country(text: &str) -> CountryCode {
		let bytes: [u8; 2] = text
			.as_bytes()
			.try_into()
			.unwrap_or_else(|_| panic!("genesis country `{text}` is not two letters"));
		CountryCode::new(bytes)
			.unwrap_or_else(|| panic!("genesis country `{text}` is not an ISO 3166-1 code"))
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (code, name, members) in &self.administrations {
				Pallet::<T>::insert_administration(
					genesis_country(code),
					name.as_bytes().to_vec(),
					members.clone(),
				)
				.expect("genesis administrations are valid");
			}
			let validators: Vec<_> = self
				.validators
				.iter()
				.map(|(account, code)| {
					let country = genesis_country(code);
					assert!(
						Administrations::<T>::contains_key(country),
						"a genesis validator belongs to a genesis administration"
					);
					Pallet::<T>::provide(account);
					(account.clone(), country)
				})
				.collect();
			Validators::<T>::put(
				BoundedVec::try_from(validators).expect("genesis validators fit MaxValidators"),
			);
			for (code, peer, address) in &self.nodes {
				let country = genesis_country(code);
				assert!(
					Administrations::<T>::contains_key(country),
					"a genesis node belongs to a genesis administration"
				);
				Pallet::<T>::insert_node(
					country,
					peer.as_bytes().to_vec(),
					address.as_bytes().to_vec(),
				)
				.unwrap_or_else(|_| panic!("genesis node `{peer}` at `{address}` is invalid"));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An administration proposed a call.
		Proposed { id: ProposalId, proposer: CountryCode, expires_at: BlockNumberFor<T> },
		/// An administration voted.
		Voted { id: ProposalId, country: CountryCode, approve: bool, ayes: u32, nays: u32 },
		/// A proposal passed and its call was dispatched, with this result.
		Executed { id: ProposalId, result: DispatchResult },
		/// A proposal can no longer reach 2/3 and was dropped.
		Rejected { id: ProposalId },
		/// A proposal expired without a decision and was dropped.
		Expired { id: ProposalId },
		/// Its proposer withdrew a proposal.
		Withdrawn { id: ProposalId },
		/// An administration joined the consortium.
		AdministrationAdmitted { country: CountryCode },
		/// An administration left the consortium: what its parties anchored is void.
		AdministrationRemoved { country: CountryCode },
		/// The consortium voided everything `account` (a party of `country`) anchored up
		/// to this block, and revoked its accreditation.
		DocumentsVoided { country: CountryCode, account: T::AccountId },
		/// An administration added a member account.
		MemberAdded { country: CountryCode, account: T::AccountId },
		/// An administration removed a member account.
		MemberRemoved { country: CountryCode, account: T::AccountId },
		/// An administration offered an accreditation; the account holds it once it
		/// accepts.
		Offered { country: CountryCode, account: T::AccountId, role: Role },
		/// The administration withdrew an offer the account had not accepted.
		OfferWithdrawn { country: CountryCode, account: T::AccountId },
		/// A party holds an accreditation of its country: it accepted the offer, or its
		/// administration changed the accreditation it already held.
		Accredited { country: CountryCode, account: T::AccountId, role: Role },
		/// A revoked accreditation was removed; the account may be bound again.
		AccreditationRemoved { country: CountryCode, account: T::AccountId },
		/// An accreditation was suspended.
		Suspended { country: CountryCode, account: T::AccountId },
		/// A suspended accreditation is in force again.
		Reinstated { country: CountryCode, account: T::AccountId },
		/// An accreditation was revoked for good.
		Revoked { country: CountryCode, account: T::AccountId },
		/// Documents this issuer registers after `block` are invalid.
		KeyCutoffSet { country: CountryCode, issuer: T::AccountId, block: BlockNumberFor<T> },
		/// A validator joins the set at the next session change.
		ValidatorAdded { country: CountryCode, validator: T::AccountId },
		/// A validator leaves the set at the next session change.
		ValidatorRemoved { country: CountryCode, validator: T::AccountId },
		/// A node may connect to the consortium's nodes from the next finalized block.
		NodeApproved { country: CountryCode, peer_id: PeerIdText },
		/// A node may no longer connect.
		NodeRemoved { country: CountryCode, peer_id: PeerIdText },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The country code is not an assigned ISO 3166-1 alpha-2 code.
		InvalidCountry,
		/// The sender is not a member account of any administration.
		NotMember,
		/// This country already has an administration in the consortium.
		AdministrationExists,
		/// No administration of this country is in the consortium.
		UnknownAdministration,
		/// The consortium already has `MaxAdministrations` administrations.
		TooManyAdministrations,
		/// The last administration cannot leave.
		LastAdministration,
		/// The name is longer than `MaxNameLength` bytes.
		NameTooLong,
		/// The name is empty or not UTF-8 text.
		InvalidName,
		/// An administration needs at least one member account.
		NoMembers,
		/// More than `MaxMembersPerAdministration` member accounts.
		TooManyMembers,
		/// The account already acts for an administration.
		AlreadyMember,
		/// The account is not a member account of the sender's administration.
		NotOwnMember,
		/// An administration's last member account cannot be removed.
		LastMember,
		/// The encoded call is larger than `MaxCallSize`.
		CallTooLarge,
		/// The call is heavier than `MaxProposalWeight`.
		CallTooHeavy,
		/// `MaxOpenProposals` proposals are already open.
		TooManyProposals,
		/// The administration already has `MaxProposalsPerAdministration` proposals open;
		/// withdraw one or wait for a decision.
		TooManyProposalsOfAdministration,
		/// Only the proposing administration may withdraw a proposal.
		NotYourProposal,
		/// No accreditation from this country is offered to the account.
		NoOffer,
		/// Only a revoked accreditation can be removed.
		NotRevoked,
		/// There is no open proposal with this id.
		UnknownProposal,
		/// The proposal's voting period is over; `close` removes it.
		ProposalExpired,
		/// The proposal is still open for votes.
		ProposalNotExpired,
		/// The administration already voted this way on this proposal.
		DuplicateVote,
		/// The account is accredited by another country's administration.
		AccreditedByAnotherCountry,
		/// The account already acts for an administration and cannot be a party too.
		MemberCannotBeParty,
		/// The account has no accreditation.
		NotAccredited,
		/// The accreditation belongs to another country's administration.
		NotYourCountry,
		/// The validity window ends before it starts.
		InvalidValidity,
		/// An issuer needs at least one document kind; other roles take none.
		KindsMismatch,
		/// An officer needs a 5-character office code of capital letters and digits; other
		/// roles take none.
		OfficeMismatch,
		/// The accreditation is revoked; accredit the account anew instead.
		AlreadyRevoked,
		/// Only a suspended accreditation can be reinstated; only an active one suspended.
		WrongStatus,
		/// Key cut-offs apply only to parties that sign documents: issuers and approved
		/// exporters (their origin declarations).
		NotAnIssuer,
		/// The account is already a validator.
		ValidatorExists,
		/// The account is not a validator.
		UnknownValidator,
		/// The validator set already has `MaxValidators` validators.
		TooManyValidators,
		/// The change would leave fewer than `MinValidators` validators.
		BelowMinimumValidators,
		/// The validator has not registered session keys (`Session::set_keys`) yet.
		ValidatorWithoutKeys,
		/// The runtime does not let proposals carry this call.
		CallNotAllowed,
		/// A key cut-off can only move earlier.
		CutoffMovesLater,
		/// Not a PeerId: 40 to 64 base58 characters are expected.
		InvalidPeerId,
		/// Not a node address: a multiaddress such as `/dns/host/tcp/30333`, without
		/// `/p2p/`, at most 128 characters.
		InvalidAddress,
		/// This node is already approved.
		NodeExists,
		/// No approved node has this PeerId.
		UnknownNode,
		/// `MaxNodes` nodes are already approved.
		TooManyNodes,
		/// Only the consortium or the node's own administration may remove it.
		NotYourNode,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Proposes `call` for the consortium to decide. The proposer's administration
		/// votes in favour at once.
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::propose().saturating_add(T::MaxProposalWeight::get())
		)]
		pub fn propose(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			let (_, country) = Self::ensure_member_origin(origin)?;
			let executed_weight = Self::do_propose(country, *call)?;
			Ok(Some(T::WeightInfo::propose().saturating_add(executed_weight)).into())
		}

		/// Votes for the sender's administration; a later vote of the same administration
		/// replaces its earlier one. Decides the proposal when the vote settles it.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote().saturating_add(T::MaxProposalWeight::get()))]
		pub fn vote(
			origin: OriginFor<T>,
			id: ProposalId,
			approve: bool,
		) -> DispatchResultWithPostInfo {
			let (_, country) = Self::ensure_member_origin(origin)?;
			let executed_weight = Self::do_vote(country, id, approve)?;
			Ok(Some(T::WeightInfo::vote().saturating_add(executed_weight)).into())
		}

		/// Removes a proposal whose voting period is over without a decision; or, while it
		/// is open, decides it anew by its votes (after an administration left, the votes
		/// already cast may now reach, or miss, 2/3).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close().saturating_add(T::MaxProposalWeight::get()))]
		pub fn close(origin: OriginFor<T>, id: ProposalId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let executed_weight = Self::do_close(id)?;
			Ok(Some(T::WeightInfo::close().saturating_add(executed_weight)).into())
		}

		/// Admits the administration of `country` with its `name` and member accounts.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::admit_administration())]
		pub fn admit_administration(
			origin: OriginFor<T>,
			country: [u8; 2],
			name: Vec<u8>,
			members: Vec<T::AccountId>,
		) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			let country = Self::country(country)?;
			Self::insert_administration(country, name, members)?;
			Self::deposit_event(Event::AdministrationAdmitted { country });
			Ok(())
		}

		/// Removes the administration of `country`: its member accounts lose their rights,
		/// its votes on open proposals are withdrawn, its validators leave at the next
		/// session, the parties it accredited can no longer act, what they anchored reads
		/// as void from this block on, and its agreements and rule slots end.
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::remove_administration()
				.saturating_add(crate::derived_weights::departure::<T>())
		)]
		pub fn remove_administration(origin: OriginFor<T>, country: [u8; 2]) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_remove_administration(Self::country(country)?)
		}

		/// Adds a member account to the sender's administration.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_add_member(country, account)
		}

		/// Removes a member account of the sender's administration (not its last one).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_remove_member(country, account)
		}

		/// Offers `account`, known as `name` (UTF-8, e.g. "Chamber of Commerce and Industry
		/// of Kazakhstan"), an accreditation as `role` of the sender's country, from
		/// `valid_from` to `valid_until` (blocks, inclusive). An issuer needs `kinds`; an
		/// officer needs its customs `office` code. The account holds it once it accepts
		/// (`accept_accreditation`); until then the offer binds and blocks nothing. For an
		/// account that already holds an accreditation of this country (not revoked), the
		/// change applies at once, keeping any key cut-off.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::accredit())]
		pub fn accredit(
			origin: OriginFor<T>,
			account: T::AccountId,
			name: Vec<u8>,
			role: Role,
			kinds: DocumentKinds,
			office: Option<[u8; 5]>,
			valid_from: BlockNumberFor<T>,
			valid_until: BlockNumberFor<T>,
		) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			let terms = Terms { role, kinds, office, valid_from, valid_until };
			Self::do_accredit(country, account, name, terms)
		}

		/// Suspends an active accreditation of the sender's country.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::change_status())]
		pub fn suspend(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_suspend(country, account)
		}

		/// Puts a suspended accreditation of the sender's country back in force.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::change_status())]
		pub fn reinstate(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_reinstate(country, account)
		}

		/// Revokes an accreditation of the sender's country for good.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::change_status())]
		pub fn revoke(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_revoke(country, account)
		}

		/// Declares that documents `issuer` registers after `block` are invalid (its key
		/// was compromised or retired). A later call may only move the cut-off earlier.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_key_cutoff())]
		pub fn set_key_cutoff(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			block: BlockNumberFor<T>,
		) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_set_key_cutoff(country, issuer, block)
		}

		/// Adds `validator`, run by the administration of `country`, to the validator set
		/// from the next session change. It must have set its session keys
		/// (`Session::set_keys`) to author and vote.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(
			origin: OriginFor<T>,
			country: [u8; 2],
			validator: T::AccountId,
		) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_add_validator(Self::country(country)?, validator)
		}

		/// Removes `validator` from the validator set from the next session change.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(validator)
		}

		/// Approves the node `peer_id` (base58 text) of the administration of `country`,
		/// listening on `address` (a multiaddress without `/p2p/`): once the approval is
		/// finalized, the consortium's nodes connect to it and accept it.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::approve_node())]
		pub fn approve_node(
			origin: OriginFor<T>,
			country: [u8; 2],
			peer_id: Vec<u8>,
			address: Vec<u8>,
		) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_approve_node(Self::country(country)?, peer_id, address)
		}

		/// Withdraws the approval of node `peer_id`: the consortium's nodes disconnect it
		/// once this is finalized. The consortium may remove any node; an administration
		/// may remove its own (e.g. when its node key leaked) without a vote.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::remove_node())]
		pub fn remove_node(origin: OriginFor<T>, peer_id: Vec<u8>) -> DispatchResult {
			let remover = if T::ConsortiumOrigin::try_origin(origin.clone()).is_ok() {
				NodeRemover::Consortium
			} else {
				NodeRemover::Administration(Self::ensure_member_origin(origin)?.1)
			};
			Self::do_remove_node(remover, peer_id)
		}

		/// Withdraws an open proposal of the sender's administration.
		#[pallet::call_index(16)]
		#[pallet::weight(crate::derived_weights::withdraw_proposal::<T>())]
		pub fn withdraw_proposal(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_withdraw_proposal(country, id)
		}

		/// Accepts the accreditation `country`'s administration offered the sender: from
		/// now on the sender holds it. An account holds one accreditation, of one country:
		/// one held from another country must first be revoked and removed.
		#[pallet::call_index(17)]
		#[pallet::weight(crate::derived_weights::accept_accreditation::<T>())]
		pub fn accept_accreditation(origin: OriginFor<T>, country: [u8; 2]) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_accreditation(who, Self::country(country)?)
		}

		/// Withdraws an accreditation the sender's administration offered `account` and
		/// it has not accepted.
		#[pallet::call_index(18)]
		#[pallet::weight(crate::derived_weights::withdraw_offer::<T>())]
		pub fn withdraw_offer(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_withdraw_offer(country, account)
		}

		/// Removes a revoked accreditation of the sender's country, so the account can be
		/// bound again (as a member account or another country's party). What it anchored
		/// while accredited then names no issuer in good standing.
		#[pallet::call_index(19)]
		#[pallet::weight(crate::derived_weights::remove_accreditation::<T>())]
		pub fn remove_accreditation(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (_, country) = Self::ensure_member_origin(origin)?;
			Self::do_remove_accreditation(country, account)
		}

		/// Voids everything `account` anchored up to now (documents, batches, carnets) and
		/// revokes its accreditation, whatever the administration that accredited it says:
		/// for a party whose administration cannot or will not act (e.g. one that left).
		/// Only the consortium may.
		#[pallet::call_index(20)]
		#[pallet::weight(crate::derived_weights::void_documents::<T>())]
		pub fn void_documents(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			T::ConsortiumOrigin::ensure_origin(origin)?;
			Self::do_void_documents(account)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The signer and the administration it acts for, or `NotMember`.
		pub(crate) fn ensure_member_origin(
			origin: OriginFor<T>,
		) -> Result<(T::AccountId, CountryCode), DispatchError> {
			let who = ensure_signed(origin)?;
			let country = MemberOf::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
			Ok((who, country))
		}

		/// `code` as a country, or `InvalidCountry`.
		fn country(code: [u8; 2]) -> Result<CountryCode, DispatchError> {
			Ok(CountryCode::new(code).ok_or(Error::<T>::InvalidCountry)?)
		}
	}
}
