//! Proposals: what the consortium decides together. A proposal carries one allowed call;
//! each administration has one vote; it passes at two thirds and is dispatched with the
//! consortium's origin, fails once two thirds can no longer be reached, and expires after
//! `ProposalLifetime` blocks.

use alloc::vec::Vec;

use codec::{DecodeLimit, Encode};
use frame_support::{
	dispatch::GetDispatchInfo,
	ensure,
	traits::{Contains, Get, UnfilteredDispatchable},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::{DispatchError, DispatchResult, Saturating};

use crate::{
	country::CountryCode, types::ProposalId, Config, Error, Event, NextProposalId, OpenProposalsOf,
	Pallet, ProposalOf, Proposals,
};

/// How deeply nested a proposed call may be when decoded.
const CALL_DECODE_DEPTH_LIMIT: u32 = 16;

/// Whether `ayes` of `members` administrations are at least two thirds.
pub(crate) fn passes(ayes: u32, members: u32) -> bool {
	crate::origin::two_thirds(ayes, members)
}

impl<T: Config> Pallet<T> {
	/// Stores `call` as `country`'s proposal, with `country`'s aye; returns the weight of
	/// the call dispatched if that alone passes it (a consortium of one).
	pub(crate) fn do_propose(
		country: CountryCode,
		call: <T as Config>::RuntimeCall,
	) -> Result<Weight, DispatchError> {
		ensure!(T::ProposalFilter::contains(&call), Error::<T>::CallNotAllowed);
		let call_weight = call.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxProposalWeight::get()), Error::<T>::CallTooHeavy);
		let encoded: BoundedVec<u8, T::MaxCallSize> =
			call.encode().try_into().map_err(|_| Error::<T>::CallTooLarge)?;
		ensure!(Proposals::<T>::count() < T::MaxOpenProposals::get(), Error::<T>::TooManyProposals);
		ensure!(
			OpenProposalsOf::<T>::get(country) < T::MaxProposalsPerAdministration::get(),
			Error::<T>::TooManyProposalsOfAdministration
		);

		let id = NextProposalId::<T>::mutate(|next| {
			let id = *next;
			*next = next.wrapping_add(1);
			id
		});
		let expires_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ProposalLifetime::get());
		let proposal = ProposalOf::<T> {
			proposer: country,
			call: encoded,
			call_weight,
			ayes: BoundedVec::truncate_from(alloc::vec![country]),
			nays: BoundedVec::new(),
			expires_at,
		};
		Proposals::<T>::insert(id, &proposal);
		OpenProposalsOf::<T>::mutate(country, |open| *open = open.saturating_add(1));
		Self::deposit_event(Event::Proposed { id, proposer: country, expires_at });
		// A consortium of one decides alone (and pays for the call it dispatches).
		Ok(Self::decide(id, proposal))
	}

	/// Records `country`'s vote on proposal `id` (replacing an earlier one); returns the
	/// weight of the call dispatched if the vote passes it.
	pub(crate) fn do_vote(
		country: CountryCode,
		id: ProposalId,
		approve: bool,
	) -> Result<Weight, DispatchError> {
		let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() <= proposal.expires_at,
			Error::<T>::ProposalExpired
		);
		let (add_to, remove_from) = if approve {
			(&mut proposal.ayes, &mut proposal.nays)
		} else {
			(&mut proposal.nays, &mut proposal.ayes)
		};
		ensure!(!add_to.contains(&country), Error::<T>::DuplicateVote);
		remove_from.retain(|c| *c != country);
		add_to.try_push(country).map_err(|_| Error::<T>::TooManyAdministrations)?;
		Self::deposit_event(Event::Voted {
			id,
			country,
			approve,
			ayes: proposal.ayes.len() as u32,
			nays: proposal.nays.len() as u32,
		});
		Proposals::<T>::insert(id, &proposal);
		Ok(Self::decide(id, proposal))
	}

	/// Removes proposal `id` if it expired, or decides it anew by its votes (refused with
	/// `ProposalNotExpired` if it stays open); returns the weight of the call dispatched.
	pub(crate) fn do_close(id: ProposalId) -> Result<Weight, DispatchError> {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		if frame_system::Pallet::<T>::block_number() > proposal.expires_at {
			Self::end_proposal(id, proposal.proposer);
			Self::deposit_event(Event::Expired { id });
			return Ok(Weight::zero());
		}
		let executed_weight = Self::decide(id, proposal);
		ensure!(!Proposals::<T>::contains_key(id), Error::<T>::ProposalNotExpired);
		Ok(executed_weight)
	}

	/// Withdraws `country`'s own open proposal `id`.
	pub(crate) fn do_withdraw_proposal(country: CountryCode, id: ProposalId) -> DispatchResult {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.proposer == country, Error::<T>::NotYourProposal);
		Self::end_proposal(id, country);
		Self::deposit_event(Event::Withdrawn { id });
		Ok(())
	}

	/// Takes a departing administration `country` out of every open proposal: its own end
	/// (nobody is left to withdraw them, and its aye is gone), its votes on the others go.
	pub(crate) fn withdraw_from_proposals(country: CountryCode) {
		let open: Vec<(ProposalId, ProposalOf<T>)> = Proposals::<T>::iter().collect();
		for (id, mut proposal) in open {
			if proposal.proposer == country {
				Self::end_proposal(id, country);
				Self::deposit_event(Event::Withdrawn { id });
				continue;
			}
			proposal.ayes.retain(|c| *c != country);
			proposal.nays.retain(|c| *c != country);
			Proposals::<T>::insert(id, proposal);
		}
	}

	/// Removes proposal `id` of `proposer` and gives the proposer its slot back.
	fn end_proposal(id: ProposalId, proposer: CountryCode) {
		Proposals::<T>::remove(id);
		OpenProposalsOf::<T>::mutate_exists(proposer, |open| {
			*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Passes, rejects or leaves open proposal `id` by its votes; returns the weight of the
	/// call dispatched, if it passed.
	fn decide(id: ProposalId, proposal: ProposalOf<T>) -> Weight {
		let members = crate::Administrations::<T>::count();
		let ayes = proposal.ayes.len() as u32;
		let nays = proposal.nays.len() as u32;
		if passes(ayes, members) {
			Self::end_proposal(id, proposal.proposer);
			let (result, weight) = match <T as Config>::RuntimeCall::decode_all_with_depth_limit(
				CALL_DECODE_DEPTH_LIMIT,
				&mut &proposal.call[..],
			) {
				Ok(call) => {
					let info = call.get_dispatch_info();
					let origin: <T as Config>::RuntimeOrigin = if T::RootCalls::contains(&call) {
						frame_system::RawOrigin::Root.into()
					} else {
						crate::origin::RawOrigin::Consortium { ayes, total: members }.into()
					};
					let outcome = call.dispatch_bypass_filter(origin);
					let weight = frame_support::dispatch::extract_actual_weight(&outcome, &info);
					(outcome.map(|_| ()).map_err(|e| e.error), weight)
				},
				// The call was encoded from a decoded call, so this only happens if a
				// runtime upgrade changed its encoding meanwhile.
				Err(_) => {
					(Err(DispatchError::Other("proposal call no longer decodes")), Weight::zero())
				},
			};
			Self::deposit_event(Event::Executed { id, result });
			weight
		} else if !passes(members.saturating_sub(nays), members) {
			Self::end_proposal(id, proposal.proposer);
			Self::deposit_event(Event::Rejected { id });
			Weight::zero()
		} else {
			Weight::zero()
		}
	}
}
