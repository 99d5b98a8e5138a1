//! FRAME benchmarks of every certificates call, each in its worst case: the longest
//! number, the most HS codes, a history as full as the call accepts (appending reads and
//! writes the whole history), and the longest Merkle proof a batch of `MaxBatchSize`
//! documents can need. Applications touch no history (`apply`, `reject`, `withdraw`), and
//! an endorsement starts the document's history, which is always empty before it.

use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use tamga_primitives::{CountryCode, HsCode, Permissions, Role};

use crate::{
	merkle,
	types::{Action, CertificateKind, RejectionReason, RevocationReason},
	Applications, Batches, Call, Config, Documents, FactsOf, History, HistoryEntryOf, Pallet,
	RevokedBatchMembers,
};

fn kz() -> CountryCode {
	CountryCode::new(*b"KZ").expect("assigned")
}

/// A party of KZ with `role`, in force.
fn party<T: Config>(name: &'static str, role: Role) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Permissions::set_up_party(&who, role, kz());
	who
}

/// The largest facts this runtime accepts: the longest number, the most HS codes.
fn facts<T: Config>(kind: CertificateKind, number: u8) -> FactsOf<T> {
	let today = Pallet::<T>::today();
	let mut digits = vec![number; T::MaxNumberLength::get() as usize];
	digits[0] = b'N';
	FactsOf::<T> {
		kind,
		number: digits.try_into().expect("MaxNumberLength bytes fit"),
		exporting: kz(),
		importing: CountryCode::new(*b"KG").expect("assigned"),
		hs_codes: vec![HsCode(*b"100199"); T::MaxHsCodes::get() as usize]
			.try_into()
			.expect("MaxHsCodes fit"),
		valid_from: today,
		valid_until: today + 365,
		quantity: u128::MAX,
		unit: *b"KGM",
		exporter_commitment: H256::repeat_byte(0xec),
	}
}

/// Fills `id`'s history up to `MaxHistory - leave` entries: the most a call that needs
/// `leave` free slots (see `append_history`) may find there.
fn fill_history<T: Config>(id: H256, actor: &T::AccountId, leave: u32) {
	let entry = HistoryEntryOf::<T> {
		block: BlockNumberFor::<T>::from(1u32),
		extrinsic: 1,
		actor: actor.clone(),
		action: Action::Used { quantity: 1, declaration: H256::zero() },
	};
	let target = T::MaxHistory::get().saturating_sub(leave) as usize;
	History::<T>::mutate(id, |history| {
		while history.len() < target {
			history.try_push(entry.clone()).expect("below MaxHistory");
		}
	});
}

/// An issuer of KZ with document `id` anchored, its history filled up to
/// `MaxHistory - leave` entries.
fn anchored<T: Config>(id: H256, leave: u32) -> T::AccountId {
	let issuer = party::<T>("issuer", Role::Issuer);
	Pallet::<T>::register(
		RawOrigin::Signed(issuer.clone()).into(),
		id,
		facts::<T>(CertificateKind::EAEU_CT1, b'1'),
		None,
	)
	.expect("an accredited issuer registers");
	fill_history::<T>(id, &issuer, leave);
	issuer
}

/// An exporter of KZ with a pending application for `id`.
fn applied<T: Config>(id: H256) -> T::AccountId {
	let exporter = party::<T>("exporter", Role::Exporter);
	Pallet::<T>::apply(
		RawOrigin::Signed(exporter.clone()).into(),
		id,
		facts::<T>(CertificateKind::EAEU_CT1, b'2'),
	)
	.expect("a known exporter applies");
	exporter
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let issuer = party::<T>("issuer", Role::Issuer);
		let id = H256::repeat_byte(1);
		let facts = facts::<T>(CertificateKind::EAEU_CT1, b'1');

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, facts, None);

		assert!(Documents::<T>::contains_key(id));
	}

	#[benchmark]
	fn replace() {
		let old = H256::repeat_byte(1);
		let issuer = anchored::<T>(old, 1);
		let new_id = H256::repeat_byte(2);
		let facts = facts::<T>(CertificateKind::EAEU_CT1, b'2');

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), old, new_id, facts, None);

		assert_eq!(
			Documents::<T>::get(old).map(|r| r.status),
			Some(crate::Status::Replaced { by: new_id })
		);
	}

	#[benchmark]
	fn revoke() {
		let id = H256::repeat_byte(1);
		let issuer = anchored::<T>(id, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, RevocationReason::Fraud, H256::zero());

		assert!(matches!(
			Documents::<T>::get(id).map(|r| r.status),
			Some(crate::Status::Revoked { .. })
		));
	}

	#[benchmark]
	fn record_use() {
		let id = H256::repeat_byte(1);
		anchored::<T>(id, 3);
		// The importing country of `facts` is KG.
		let officer: T::AccountId = account("officer", 0, 0);
		T::Permissions::set_up_party(
			&officer,
			Role::Officer,
			CountryCode::new(*b"KG").expect("assigned"),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, H256::zero(), 1);

		assert_eq!(Documents::<T>::get(id).map(|r| r.used), Some(1));
	}

	#[benchmark]
	fn register_batch() {
		let issuer = party::<T>("issuer", Role::Issuer);
		let root = H256::repeat_byte(7);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), root, T::MaxBatchSize::get(), CertificateKind::VETERINARY);

		assert!(Batches::<T>::contains_key(root));
	}

	#[benchmark]
	fn revoke_batch_member() {
		let issuer = party::<T>("issuer", Role::Issuer);
		// The longest proof a batch of MaxBatchSize documents needs: its first member's,
		// which has a sibling on every level.
		let count = T::MaxBatchSize::get();
		let depth = 32 - (count - 1).leading_zeros();
		let siblings: vec::Vec<H256> =
			(0..depth).map(|level| H256::repeat_byte(level as u8 + 1)).collect();
		let proof = merkle::Proof {
			index: 0,
			count,
			siblings: siblings.try_into().expect("at most 32 levels"),
		};
		let id = H256::repeat_byte(0xdd);
		let root = merkle::root_from_proof(&id, &proof).expect("the proof fits the batch");
		Pallet::<T>::register_batch(
			RawOrigin::Signed(issuer.clone()).into(),
			root,
			count,
			CertificateKind::VETERINARY,
		)
		.expect("an issuer anchors a batch");

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), root, id, proof, RevocationReason::Fraud, H256::zero());

		assert!(RevokedBatchMembers::<T>::contains_key(root, id));
	}

	#[benchmark]
	fn apply() {
		let exporter = party::<T>("exporter", Role::Exporter);
		let id = H256::repeat_byte(3);
		let facts = facts::<T>(CertificateKind::EAEU_CT1, b'3');

		#[extrinsic_call]
		_(RawOrigin::Signed(exporter), id, facts);

		assert!(Applications::<T>::contains_key(id));
		assert!(!History::<T>::contains_key(id));
	}

	#[benchmark]
	fn endorse() {
		let id = H256::repeat_byte(3);
		applied::<T>(id);
		let issuer = party::<T>("issuer", Role::Issuer);
		let facts = facts::<T>(CertificateKind::EAEU_CT1, b'2');

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, facts, None);

		assert!(Documents::<T>::contains_key(id));
		assert_eq!(History::<T>::get(id).len(), 2, "the filing, then the registration");
	}

	#[benchmark]
	fn reject() {
		let id = H256::repeat_byte(3);
		applied::<T>(id);
		let issuer = party::<T>("issuer", Role::Issuer);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, RejectionReason::NotCompliant, H256::zero());

		assert!(!Applications::<T>::contains_key(id));
		assert!(!History::<T>::contains_key(id));
	}

	#[benchmark]
	fn withdraw() {
		let id = H256::repeat_byte(3);
		let exporter = applied::<T>(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(exporter), id);

		assert!(!Applications::<T>::contains_key(id));
		assert!(!History::<T>::contains_key(id));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
