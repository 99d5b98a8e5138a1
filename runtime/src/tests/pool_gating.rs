//! Pool gating on the real runtime with real signed extrinsics: what a party may send,
//! refused in the pool (`validate_transaction`) and again when a block is applied
//! (`apply_extrinsic`), so a refused call never enters a block.

use frame_support::assert_ok;
use pallet_tamga_governance::{DocumentKinds, Role, NOT_FOR_ROLE};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
};

use super::{local_testnet, signed};
use crate::{Executive, Governance, Runtime, RuntimeCall, RuntimeOrigin, System, VERSION};

/// `call` signed by `key` with the account's next nonce.
fn signed_by(key: Sr25519Keyring, call: RuntimeCall) -> crate::UncheckedExtrinsic {
	signed_for(key, call, crate::Lifetime::Immortal)
}

/// `call` signed by `key` with the account's next nonce, valid for `lifetime`.
fn signed_for(
	key: Sr25519Keyring,
	call: RuntimeCall,
	lifetime: crate::Lifetime,
) -> crate::UncheckedExtrinsic {
	let nonce = System::account_nonce(key.to_account_id());
	crate::sign(
		&key.pair(),
		call,
		nonce,
		VERSION.spec_version,
		VERSION.transaction_version,
		System::block_hash(0),
		lifetime,
	)
}

/// What the pool says of `xt`.
fn pool(xt: crate::UncheckedExtrinsic) -> Result<(), TransactionValidityError> {
	Executive::validate_transaction(TransactionSource::External, xt, System::block_hash(0))
		.map(|_| ())
}

/// What applying `xt` in a new block says of it.
fn block(xt: crate::UncheckedExtrinsic) -> Result<(), TransactionValidityError> {
	let number = System::block_number() + 1;
	let header = crate::Header::new(
		number,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		Default::default(),
	);
	Executive::initialize_block(&header);
	Executive::apply_extrinsic(xt).map(|_| ())
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

/// KZ accredits `key` as `role` and it accepts.
fn accredit(key: Sr25519Keyring, role: Role) {
	assert_ok!(Governance::accredit(
		signed(0),
		key.to_account_id(),
		b"Party".to_vec(),
		role,
		DocumentKinds::default(),
		None,
		0,
		1_000_000
	));
	assert_ok!(Governance::accept_accreditation(
		RuntimeOrigin::signed(key.to_account_id()),
		*b"KZ"
	));
}

#[test]
fn an_exporters_megabyte_remark_never_enters_the_pool_or_a_block() {
	local_testnet().execute_with(|| {
		accredit(Sr25519Keyring::Ferdie, Role::Exporter);
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 1 << 20] });
		let xt = signed_by(Sr25519Keyring::Ferdie, remark);
		assert_eq!(pool(xt.clone()), refused(NOT_FOR_ROLE));
		assert_eq!(block(xt), refused(NOT_FOR_ROLE));
	});
}

#[test]
fn no_one_sends_remarks_transfers_or_another_roles_calls() {
	local_testnet().execute_with(|| {
		accredit(Sr25519Keyring::Ferdie, Role::Exporter);
		// KZ's member account (Alice) also runs KZ's validator.
		let member = Sr25519Keyring::Alice;
		let calls = [
			RuntimeCall::System(frame_system::Call::remark { remark: vec![1] }),
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1] }),
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: sp_runtime::MultiAddress::Id(Sr25519Keyring::Ferdie.to_account_id()),
				value: 1,
			}),
			RuntimeCall::Session(pallet_session::Call::purge_keys {}),
			// A consortium call sent directly: only a passed proposal may make it.
			RuntimeCall::Governance(pallet_tamga_governance::Call::remove_administration {
				country: *b"BY",
			}),
		];
		for call in calls {
			assert_eq!(pool(signed_by(member, call.clone())), refused(NOT_FOR_ROLE), "{call:?}");
			assert_eq!(
				pool(signed_by(Sr25519Keyring::Ferdie, call.clone())),
				refused(NOT_FOR_ROLE),
				"{call:?}"
			);
		}
		// An exporter may apply, not register or use.
		let use_call = RuntimeCall::Certificates(pallet_tamga_certificates::Call::record_use {
			id: Default::default(),
			declaration: Default::default(),
			quantity: 1,
		});
		assert_eq!(pool(signed_by(Sr25519Keyring::Ferdie, use_call)), refused(NOT_FOR_ROLE));
		// A member may vote (the pool takes it; dispatch decides the rest).
		let vote =
			RuntimeCall::Governance(pallet_tamga_governance::Call::withdraw_proposal { id: 0 });
		assert_eq!(pool(signed_by(member, vote)), Ok(()));
	});
}

#[test]
fn a_mortal_transaction_is_refused_once_its_period_is_over() {
	local_testnet().execute_with(|| {
		let member = Sr25519Keyring::Alice;
		let vote =
			RuntimeCall::Governance(pallet_tamga_governance::Call::withdraw_proposal { id: 0 });
		let lifetime =
			crate::Lifetime::Mortal { period: 64, birth: 0, birth_hash: System::block_hash(0) };
		assert_eq!(pool(signed_for(member, vote.clone(), lifetime)), Ok(()));
		// Signed for another fork's birth block: refused.
		let other = crate::Lifetime::Mortal {
			period: 64,
			birth: 0,
			birth_hash: sp_core::H256::repeat_byte(9),
		};
		assert_eq!(
			pool(signed_for(member, vote.clone(), other)),
			Err(InvalidTransaction::BadProof.into())
		);
		// 64 blocks on, it is dead: a dropped transaction cannot come back later.
		System::set_block_number(99);
		assert_eq!(
			pool(signed_for(member, vote, lifetime)),
			Err(InvalidTransaction::AncientBirthBlock.into())
		);
	});
}

#[test]
fn the_largest_call_a_party_may_make_fits_its_size_bound() {
	use codec::MaxEncodedLen;
	use frame_support::traits::Get;
	// A registration (or replacement) with the longest facts and a full bill of materials,
	// every material with its evidence, is a party's largest call; every other party call
	// is a few hundred bytes at most (all its arguments are bounded).
	let call = 2
		+ 2 * 32
		+ pallet_tamga_certificates::FactsOf::<Runtime>::max_encoded_len()
		+ Option::<pallet_tamga_certificates::ProductionOf<Runtime>>::max_encoded_len();
	// Length prefix, version, address, signature and the extensions' data (era, nonce).
	let envelope = 5 + 1 + 33 + 65 + 2 + 5;
	let bound: u32 = <Runtime as pallet_tamga_governance::Config>::MaxPartyTransactionLength::get();
	assert!(call + envelope <= bound as usize, "{call} + {envelope} bytes > {bound}");
	assert!(call + envelope > bound as usize / 4, "the bound is not far above the need");
}
