//! FRAME benchmarks of every AEO call, each in its worst case: a status change notifies
//! `MaxPartners` partners with agreements in force; proposing and terminating an
//! agreement scan partner lists that are as full as the call accepts.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use tamga_primitives::{CountryCode, Permissions};

use crate::{
	types::{Mra, MraStatus, Operator, Programme, StatusReason},
	AeoStatus, BenchmarkHelper, Call, Certifications, Config, Mras, NextMra, Pallet, Partners,
	Pending,
};

/// The day the benchmarks run on (2026-11-23).
const TODAY: u32 = 20_780;

fn kz() -> CountryCode {
	CountryCode::new(*b"KZ").expect("assigned")
}

/// The first `n` assigned codes other than KZ, in alphabetical order.
fn other_countries(n: u32) -> Vec<CountryCode> {
	CountryCode::assigned().filter(|code| *code != kz()).take(n as usize).collect()
}

/// A member account of `country`'s administration (admitted if needed).
fn member<T: Config>(country: CountryCode) -> T::AccountId {
	let who: T::AccountId = account(
		"member",
		u32::from_le_bytes([country.as_bytes()[0], country.as_bytes()[1], 0, 0]),
		0,
	);
	T::Permissions::set_up_member(&who, country);
	who
}

/// Gives `country` `n` partners with agreements of `status`, stored directly.
fn partners<T: Config>(country: CountryCode, n: u32, status: MraStatus) -> Vec<CountryCode> {
	let others = other_countries(n + 1).into_iter().filter(|c| *c != country).take(n as usize);
	let mut listed = Vec::new();
	for other in others {
		let id = NextMra::<T>::mutate(|next| {
			*next += 1;
			*next - 1
		});
		Mras::<T>::insert(
			id,
			Mra {
				proposer: country,
				partner: other,
				scope: Programme::Both,
				valid_from: 0,
				valid_until: u32::MAX,
				status,
				proposed_at: BlockNumberFor::<T>::from(1u32),
				accepted_at: Some(BlockNumberFor::<T>::from(1u32)),
			},
		);
		for (side, party) in [(country, other), (other, country)] {
			Partners::<T>::mutate(side, |list| {
				list.try_push((party, id)).expect("below MaxPartners")
			});
		}
		T::Permissions::set_up_member(&account("partner", listed.len() as u32, 0), other);
		listed.push(other);
	}
	listed
}

/// KZ's member, with `MaxPartners` partners in force and an operator certified.
fn certified<T: Config>() -> (T::AccountId, H256) {
	let kz_member = member::<T>(kz());
	partners::<T>(kz(), T::MaxPartners::get(), MraStatus::InForce);
	let commitment = H256::repeat_byte(0xac);
	Pallet::<T>::certify(
		RawOrigin::Signed(kz_member.clone()).into(),
		commitment,
		Programme::Both,
		0,
		u32::MAX,
	)
	.expect("a member certifies its operator");
	(kz_member, commitment)
}

fn status_of<T: Config>(commitment: H256) -> Option<AeoStatus> {
	Certifications::<T>::get(Operator { country: kz(), commitment }).map(|c| c.status)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn certify() {
		let kz_member = member::<T>(kz());
		let notified = partners::<T>(kz(), T::MaxPartners::get(), MraStatus::InForce);
		let commitment = H256::repeat_byte(0xac);

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), commitment, Programme::Both, 0, u32::MAX);

		assert_eq!(status_of::<T>(commitment), Some(AeoStatus::Certified));
		assert!(notified.iter().all(|p| Pending::<T>::contains_key(p, 0)));
	}

	#[benchmark]
	fn suspend() {
		let (kz_member, commitment) = certified::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), commitment, StatusReason::Infringement, H256::zero());

		assert_eq!(status_of::<T>(commitment), Some(AeoStatus::Suspended));
	}

	#[benchmark]
	fn reinstate() {
		let (kz_member, commitment) = certified::<T>();
		Pallet::<T>::suspend(
			RawOrigin::Signed(kz_member.clone()).into(),
			commitment,
			StatusReason::Infringement,
			H256::zero(),
		)
		.expect("certified");

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), commitment);

		assert_eq!(status_of::<T>(commitment), Some(AeoStatus::Certified));
	}

	#[benchmark]
	fn revoke() {
		let (kz_member, commitment) = certified::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), commitment, StatusReason::Infringement, H256::zero());

		assert_eq!(status_of::<T>(commitment), Some(AeoStatus::Revoked));
	}

	#[benchmark]
	fn acknowledge() {
		certified::<T>();
		let partner = Partners::<T>::get(kz())[0].0;
		let partner_member: T::AccountId = account("partner", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), 0);

		assert!(!Pending::<T>::contains_key(partner, 0));
	}

	#[benchmark]
	fn propose_mra() {
		// KZ's list is full, its last agreement (with the partner) has lapsed: the proposal
		// terminates it, freeing both places, then lists the new one on both sides.
		T::BenchmarkHelper::set_day(TODAY);
		let kz_member = member::<T>(kz());
		let listed = partners::<T>(kz(), T::MaxPartners::get(), MraStatus::InForce);
		let partner = *listed.last().expect("at least one partner");
		let lapsed = Partners::<T>::get(kz()).last().expect("listed").1;
		Mras::<T>::mutate(lapsed, |mra| {
			if let Some(mra) = mra {
				mra.valid_until = TODAY - 1;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), *partner.as_bytes(), Programme::Both, TODAY, u32::MAX);

		assert!(matches!(
			Mras::<T>::get(lapsed).map(|m| m.status),
			Some(MraStatus::Terminated { .. })
		));
		assert_eq!(Partners::<T>::get(kz()).len() as u32, T::MaxPartners::get());
	}

	#[benchmark]
	fn accept_mra() {
		partners::<T>(kz(), 1, MraStatus::Proposed);
		let partner_member: T::AccountId = account("partner", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), 0);

		assert_eq!(Mras::<T>::get(0).map(|m| m.status), Some(MraStatus::InForce));
	}

	#[benchmark]
	fn suspend_mra() {
		partners::<T>(kz(), 1, MraStatus::InForce);
		let partner_member: T::AccountId = account("partner", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), 0);

		assert!(matches!(Mras::<T>::get(0).map(|m| m.status), Some(MraStatus::Suspended { .. })));
	}

	#[benchmark]
	fn resume_mra() {
		partners::<T>(kz(), 1, MraStatus::InForce);
		let partner_member: T::AccountId = account("partner", 0, 0);
		Pallet::<T>::suspend_mra(RawOrigin::Signed(partner_member.clone()).into(), 0)
			.expect("in force");

		#[extrinsic_call]
		_(RawOrigin::Signed(partner_member), 0);

		assert_eq!(Mras::<T>::get(0).map(|m| m.status), Some(MraStatus::InForce));
	}

	#[benchmark]
	fn terminate_mra() {
		// KZ's list is full; the agreement terminated is its last.
		let listed = partners::<T>(kz(), T::MaxPartners::get(), MraStatus::InForce);
		let kz_member = member::<T>(kz());
		let last = T::MaxPartners::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(kz_member), last);

		assert!(!Partners::<T>::get(kz()).iter().any(|(c, _)| Some(c) == listed.last()));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
