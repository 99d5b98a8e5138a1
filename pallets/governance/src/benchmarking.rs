//! FRAME benchmarks of every governance call, each in its worst case: proposals carry a
//! call of `MaxCallSize` bytes; votes come from a consortium of `MaxAdministrations`;
//! removing an administration finds `MaxMembersPerAdministration` members,
//! `MaxOpenProposals` proposals it voted on, `MaxNodes` nodes of its own and a full
//! validator set; lists that calls scan are as full as the call accepts.

use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

use crate::{
	node_admission::{ApprovedNode, MAX_ADDRESS_LENGTH, MAX_PEER_ID_LENGTH},
	permissions::Permissions,
	types::{AccreditationStatus, Role},
	Accreditations, Administrations, BenchmarkHelper, Call, Config, CountryCode, MemberOf, Nodes,
	Pallet, ProposalOf, Proposals, Validators,
};

/// The first `n` assigned country codes, in alphabetical order.
fn countries(n: u32) -> Vec<CountryCode> {
	CountryCode::assigned().take(n as usize).collect()
}

/// A member account of `country`'s administration (admitted if needed).
fn member<T: Config>(country: CountryCode, index: u32) -> T::AccountId {
	let who: T::AccountId = account(
		"member",
		u32::from(country.as_bytes()[0]) << 8 | u32::from(country.as_bytes()[1]),
		index,
	);
	<Pallet<T> as Permissions<_, _>>::set_up_member(&who, country);
	who
}

/// The consortium grown to `MaxAdministrations` administrations; returns one member
/// account of each.
fn full_consortium<T: Config>() -> Vec<(CountryCode, T::AccountId)> {
	for country in countries(u32::MAX) {
		if Administrations::<T>::count() >= T::MaxAdministrations::get() {
			break;
		}
		if !Administrations::<T>::contains_key(country) {
			member::<T>(country, 0);
		}
	}
	Administrations::<T>::iter()
		.filter_map(|(country, a)| a.members.first().cloned().map(|m| (country, m)))
		.collect()
}

/// The longest call a proposal may carry: the admission of an administration with the
/// longest name and the most member accounts (the largest call of the runtime's
/// allow-list), cut to `MaxCallSize` if that is smaller.
fn longest_call<T: Config>() -> <T as Config>::RuntimeCall
where
	<T as Config>::RuntimeCall: From<Call<T>>,
{
	use codec::Encode;
	let name = vec![b'N'; T::MaxNameLength::get() as usize];
	let mut members: Vec<T::AccountId> =
		(0..T::MaxMembersPerAdministration::get()).map(|i| account("new member", i, 0)).collect();
	loop {
		let call: <T as Config>::RuntimeCall = Call::<T>::admit_administration {
			country: *b"UZ",
			name: name.clone(),
			members: members.clone(),
		}
		.into();
		if call.encoded_size() <= T::MaxCallSize::get() as usize || members.len() <= 1 {
			return call;
		}
		members.pop();
	}
}

/// Stores proposal `id` carrying the longest call, with `ayes` and `nays`.
fn store_proposal<T: Config>(
	id: u32,
	proposer: CountryCode,
	ayes: Vec<CountryCode>,
	nays: Vec<CountryCode>,
	expires_at: BlockNumberFor<T>,
) where
	<T as Config>::RuntimeCall: From<Call<T>>,
{
	use codec::Encode;
	Proposals::<T>::insert(
		id,
		ProposalOf::<T> {
			proposer,
			call: BoundedVec::truncate_from(longest_call::<T>().encode()),
			call_weight: frame_support::weights::Weight::zero(),
			ayes: BoundedVec::truncate_from(ayes),
			nays: BoundedVec::truncate_from(nays),
			expires_at,
		},
	);
}

/// A plausible PeerId of the longest length, unique by `n`.
fn peer_id(n: u32) -> Vec<u8> {
	const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	let mut text = vec![b'1'; MAX_PEER_ID_LENGTH as usize];
	let mut rest = n;
	for byte in text.iter_mut().rev().take(6) {
		*byte = BASE58[(rest % 58) as usize];
		rest /= 58;
	}
	text
}

/// The longest plausible node address.
fn longest_address() -> Vec<u8> {
	let mut text = b"/dns/".to_vec();
	text.resize(MAX_ADDRESS_LENGTH as usize, b'a');
	text
}

/// Fills the node list up to `n` nodes of `country`.
fn nodes<T: Config>(country: CountryCode, n: u32) {
	for i in Nodes::<T>::count()..n {
		Nodes::<T>::insert(
			BoundedVec::truncate_from(peer_id(i)),
			ApprovedNode { country, address: BoundedVec::truncate_from(longest_address()) },
		);
	}
}

/// Fills the validator set up to `n` registered validators of `country`.
fn validators<T: Config>(country: CountryCode, n: u32) {
	let mut set = Validators::<T>::get();
	for v in set.iter() {
		T::BenchmarkHelper::register_validator(&v.0);
	}
	let seed = u32::from(country.as_bytes()[0]) << 8 | u32::from(country.as_bytes()[1]);
	let mut i = 0;
	while (set.len() as u32) < n {
		let validator: T::AccountId = account("validator", i, seed);
		T::BenchmarkHelper::register_validator(&validator);
		let _ = set.try_push((validator, country));
		i += 1;
	}
	Validators::<T>::put(set);
}

#[benchmarks(where <T as Config>::RuntimeCall: From<Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose() {
		// Two administrations, so the proposal waits for a vote instead of passing.
		let members = countries(2);
		let proposer = member::<T>(members[0], 0);
		member::<T>(members[1], 0);
		let call = Box::new(longest_call::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), call);

		assert_eq!(Proposals::<T>::count(), 1);
	}

	#[benchmark]
	fn vote() {
		// A full consortium, a proposal with as many votes as leave it undecided after
		// this one: every list is scanned at its longest.
		let consortium = full_consortium::<T>();
		let n = consortium.len() as u32;
		let needed = (2 * n).div_ceil(3);
		let ayes: Vec<CountryCode> =
			consortium.iter().take((needed - 2) as usize).map(|(c, _)| *c).collect();
		let nays: Vec<CountryCode> = consortium
			.iter()
			.skip((needed - 2) as usize)
			.take((n - needed) as usize)
			.map(|(c, _)| *c)
			.collect();
		let voter = consortium.last().expect("a consortium").1.clone();
		store_proposal::<T>(0, ayes[0], ayes, nays, 1_000u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(voter), 0, true);

		assert!(Proposals::<T>::contains_key(0), "still undecided");
	}

	#[benchmark]
	fn close() {
		let proposer = countries(1)[0];
		member::<T>(proposer, 0);
		store_proposal::<T>(0, proposer, vec![proposer], vec![], 1u32.into());
		frame_system::Pallet::<T>::set_block_number(10u32.into());
		let anyone: T::AccountId = account("anyone", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), 0);

		assert!(!Proposals::<T>::contains_key(0));
	}

	#[benchmark]
	fn admit_administration() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let members: Vec<T::AccountId> = (0..T::MaxMembersPerAdministration::get())
			.map(|i| account("new member", i, 0))
			.collect();
		let name = vec![b'N'; T::MaxNameLength::get() as usize];

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, *b"UZ", name, members);

		assert!(Administrations::<T>::contains_key(CountryCode::new(*b"UZ").expect("assigned")));
		Ok(())
	}

	#[benchmark]
	fn remove_administration() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let pair = countries(2);
		let (leaving, staying) = (pair[0], pair[1]);
		for i in 0..T::MaxMembersPerAdministration::get() {
			member::<T>(leaving, i);
		}
		member::<T>(staying, 0);
		for id in 0..T::MaxOpenProposals::get().saturating_sub(Proposals::<T>::count()) {
			store_proposal::<T>(id, leaving, vec![leaving, staying], vec![], 1_000u32.into());
		}
		nodes::<T>(leaving, T::MaxNodes::get());
		validators::<T>(staying, T::MaxValidators::get() - 1);
		validators::<T>(leaving, T::MaxValidators::get());

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, *leaving.as_bytes());

		assert!(!Administrations::<T>::contains_key(leaving));
		Ok(())
	}

	#[benchmark]
	fn add_member() {
		let country = countries(1)[0];
		let sender = member::<T>(country, 0);
		for i in 1..T::MaxMembersPerAdministration::get() - 1 {
			member::<T>(country, i);
		}
		let new: T::AccountId = account("new member", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(sender), new.clone());

		assert!(MemberOf::<T>::contains_key(&new));
	}

	#[benchmark]
	fn remove_member() {
		let country = countries(1)[0];
		let sender = member::<T>(country, 0);
		for i in 1..T::MaxMembersPerAdministration::get() {
			member::<T>(country, i);
		}
		let last = Administrations::<T>::get(country)
			.and_then(|a| a.members.last().cloned())
			.expect("members");

		#[extrinsic_call]
		_(RawOrigin::Signed(sender), last.clone());

		assert!(!MemberOf::<T>::contains_key(&last));
	}

	#[benchmark]
	fn accredit() {
		let country = countries(1)[0];
		let sender = member::<T>(country, 0);
		let party: T::AccountId = account("party", 0, 0);
		let name = vec![b'P'; T::MaxNameLength::get() as usize];

		#[extrinsic_call]
		_(
			RawOrigin::Signed(sender),
			party.clone(),
			name,
			Role::Officer,
			Default::default(),
			Some(*b"BENCH"),
			0u32.into(),
			1_000_000u32.into(),
		);

		assert!(crate::Offers::<T>::contains_key(&party, country));
	}

	#[benchmark]
	fn change_status() {
		let country = countries(1)[0];
		let sender = member::<T>(country, 0);
		let party: T::AccountId = account("party", 0, 0);
		<Pallet<T> as Permissions<_, _>>::set_up_party(&party, Role::Issuer, country);

		#[extrinsic_call]
		suspend(RawOrigin::Signed(sender), party.clone());

		assert_eq!(
			Accreditations::<T>::get(&party).map(|a| a.status),
			Some(AccreditationStatus::Suspended)
		);
	}

	#[benchmark]
	fn set_key_cutoff() {
		let country = countries(1)[0];
		let sender = member::<T>(country, 0);
		let issuer: T::AccountId = account("issuer", 0, 0);
		<Pallet<T> as Permissions<_, _>>::set_up_party(&issuer, Role::Issuer, country);

		#[extrinsic_call]
		_(RawOrigin::Signed(sender), issuer.clone(), 7u32.into());

		assert!(Accreditations::<T>::get(&issuer).is_some_and(|a| a.key_cutoff.is_some()));
	}

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let country = countries(1)[0];
		member::<T>(country, 0);
		validators::<T>(country, T::MaxValidators::get() - 1);
		let new: T::AccountId = account("new validator", 0, 0);
		T::BenchmarkHelper::register_validator(&new);

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, *country.as_bytes(), new.clone());

		assert!(Validators::<T>::get().iter().any(|(v, _)| *v == new));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let country = countries(1)[0];
		member::<T>(country, 0);
		validators::<T>(country, T::MaxValidators::get());
		let last = Validators::<T>::get().last().expect("validators").0.clone();

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, last.clone());

		assert!(!Validators::<T>::get().iter().any(|(v, _)| *v == last));
		Ok(())
	}

	#[benchmark]
	fn approve_node() -> Result<(), BenchmarkError> {
		let origin =
			T::ConsortiumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let country = countries(1)[0];
		member::<T>(country, 0);
		nodes::<T>(country, T::MaxNodes::get() - 1);
		let new = peer_id(T::MaxNodes::get() + 1);

		#[extrinsic_call]
		_(
			origin as <T as frame_system::Config>::RuntimeOrigin,
			*country.as_bytes(),
			new,
			longest_address(),
		);

		assert_eq!(Nodes::<T>::count(), T::MaxNodes::get());
		Ok(())
	}

	#[benchmark]
	fn remove_node() {
		let country = countries(1)[0];
		let sender = member::<T>(country, 0);
		nodes::<T>(country, T::MaxNodes::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(sender), peer_id(T::MaxNodes::get() - 1));

		assert_eq!(Nodes::<T>::count(), T::MaxNodes::get() - 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
