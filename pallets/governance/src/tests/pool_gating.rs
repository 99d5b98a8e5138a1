//! Pool gating ([`crate::CheckAccess`]): who may send what, parties' size, pool and
//! per-block bounds, priorities, and the nonce it checks in `frame_system`'s place.

use super::*;
use crate::{
	CheckAccess, MEMBER_PRIORITY, NOT_FOR_ROLE, NOT_PERMITTED, PARTY_PRIORITY, TOO_LARGE,
	TOO_MANY_PENDING,
};
use codec::Encode;
use frame_support::dispatch::DispatchInfo;
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
};

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// Validates `call` of `len` bytes signed by `who` with `nonce`, as the pool does.
fn check_from(
	who: u64,
	call: &RuntimeCall,
	len: usize,
	nonce: u32,
	source: TransactionSource,
) -> Result<ValidTransaction, TransactionValidityError> {
	CheckAccess::<Test>::from(nonce)
		.validate(
			signed(who),
			call,
			&DispatchInfo::default(),
			len,
			(),
			&TxBaseImplication(()),
			source,
		)
		.map(|(valid, _, _)| valid)
}

fn check(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	check_from(who, call, 10, 0, TransactionSource::External).map(|_| ())
}

fn refused(code: u8) -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(code).into())
}

/// Applies the extension as block import does (validate, then prepare: the nonce and the
/// party's block share move on).
fn apply(who: u64, nonce: u32) -> Result<(), TransactionValidityError> {
	CheckAccess::<Test>::from(nonce)
		.validate_and_prepare(signed(who), &remark(), &DispatchInfo::default(), 10, 0)
		.map(|_| ())
}

#[test]
fn outsiders_are_refused_and_members_validators_and_parties_pass() {
	new_test_ext().execute_with(|| {
		assert_eq!(check(OUTSIDER, &remark()), refused(NOT_PERMITTED));
		assert_eq!(check(KZ, &remark()), Ok(()));
		assert_eq!(check(11, &remark()), Ok(()), "a validator account");
		// Unsigned transactions pass through untouched: their pallet validates them.
		assert!(CheckAccess::<Test>::from(0)
			.validate(
				RuntimeOrigin::none(),
				&remark(),
				&DispatchInfo::default(),
				0,
				(),
				&TxBaseImplication(()),
				TransactionSource::External,
			)
			.is_ok());

		accredit_issuer(KZ, 50);
		assert_eq!(check(50, &remark()), Ok(()));
		assert_ok!(Governance::suspend(signed(KZ), 50));
		assert_eq!(check(50, &remark()), refused(NOT_PERMITTED), "a suspended party");
		assert_ok!(Governance::reinstate(signed(KZ), 50));
		assert_eq!(check(50, &remark()), Ok(()));
		assert_ok!(Governance::revoke(signed(KZ), 50));
		assert_eq!(check(50, &remark()), refused(NOT_PERMITTED), "a revoked party");
	});
}

#[test]
fn parties_of_a_removed_administration_and_removed_members_are_refused() {
	new_test_ext().execute_with(|| {
		accredit_issuer(BY, 60);
		assert_ok!(Governance::add_member(signed(BY), 61));
		assert_eq!(check(61, &remark()), Ok(()));
		assert_ok!(Governance::remove_member(signed(BY), 61));
		assert_eq!(check(61, &remark()), refused(NOT_PERMITTED));

		pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
			country: *b"BY",
		})));
		assert_eq!(check(60, &remark()), refused(NOT_PERMITTED));
		assert_eq!(check(BY, &remark()), refused(NOT_PERMITTED));
	});
}

#[test]
fn calls_outside_a_standing_are_refused() {
	new_test_ext().execute_with(|| {
		// The mock's policy: `remark_with_event` for members only.
		let members_only =
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] });
		accredit_issuer(KZ, 72);
		assert_eq!(check(72, &members_only), refused(NOT_FOR_ROLE), "a party");
		assert_eq!(check(11, &members_only), refused(NOT_FOR_ROLE), "a validator");
		assert_eq!(check(OUTSIDER, &members_only), refused(NOT_PERMITTED));
		assert_eq!(check(KZ, &members_only), Ok(()));
		assert_eq!(check(72, &remark()), Ok(()), "other calls stay open to parties");
	});
}

#[test]
fn an_offered_account_may_only_accept() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::accredit(
			signed(KZ),
			80,
			b"Party".to_vec(),
			Role::Auditor,
			DocumentKinds::default(),
			None,
			1,
			99
		));
		let accept = RuntimeCall::Governance(crate::Call::accept_accreditation { country: *b"KZ" });
		assert_eq!(check(80, &accept), Ok(()));
		assert_eq!(check(80, &remark()), refused(NOT_FOR_ROLE));
		assert_eq!(check(OUTSIDER, &accept), refused(NOT_PERMITTED));
	});
}

#[test]
fn a_partys_transactions_are_bounded_in_size() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		let ok = |who, len| check_from(who, &remark(), len, 0, TransactionSource::External);
		// The mock allows parties 200 bytes.
		assert!(ok(50, 200).is_ok());
		assert_eq!(ok(50, 201).map(|_| ()), refused(TOO_LARGE));
		assert!(ok(KZ, 1 << 20).is_ok(), "members are not bounded (runtime upgrades)");
		assert!(ok(11, 1 << 20).is_ok(), "nor validators");
	});
}

#[test]
fn a_party_holds_a_bounded_number_of_transactions_in_the_pool() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		let at = |nonce, source| check_from(50, &remark(), 10, nonce, source).map(|_| ());
		// The mock allows three nonces ahead: 0, 1 and 2.
		for nonce in 0..3 {
			assert_eq!(at(nonce, TransactionSource::External), Ok(()));
		}
		assert_eq!(at(3, TransactionSource::External), refused(TOO_MANY_PENDING));
		assert_eq!(at(3, TransactionSource::Local), refused(TOO_MANY_PENDING));
		// A transaction coming back from a retracted block is taken back whatever its depth.
		assert_eq!(at(3, TransactionSource::InBlock), Ok(()));
		// Once the first are included, the window moves on.
		assert_ok!(apply(50, 0));
		assert_eq!(at(3, TransactionSource::External), Ok(()));
		// Members are not bounded.
		assert!(check_from(KZ, &remark(), 10, 100, TransactionSource::External).is_ok());
	});
}

#[test]
fn a_block_carries_a_bounded_number_of_one_partys_transactions() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		accredit_issuer(KZ, 51);
		// The mock allows two per block.
		assert_ok!(apply(50, 0));
		assert_ok!(apply(50, 1));
		assert_eq!(apply(50, 2), Err(InvalidTransaction::ExhaustsResources.into()));
		assert_ok!(apply(51, 0));
		assert_ok!(apply(KZ, 0));
		assert_ok!(apply(KZ, 1));
		assert_eq!(apply(KZ, 2), Ok(()), "members are not bounded");
		// The pool keeps it: pool validation runs for the next block, which has room.
		System::set_block_number(2);
		assert!(check_from(50, &remark(), 10, 2, TransactionSource::External).is_ok());
		assert_ok!(apply(50, 2));
	});
}

#[test]
fn members_outrank_parties_and_each_partys_next_transaction_goes_first() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		let priority = |who, nonce| {
			check_from(who, &remark(), 10, nonce, TransactionSource::External).unwrap().priority
		};
		assert_eq!(priority(KZ, 0), MEMBER_PRIORITY);
		assert_eq!(priority(11, 0), MEMBER_PRIORITY);
		assert_eq!(priority(50, 0), PARTY_PRIORITY);
		assert_eq!(priority(50, 2), PARTY_PRIORITY - 2);
	});
}

#[test]
fn the_nonce_is_checked_as_frame_system_does() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 50);
		assert_ok!(apply(50, 0));
		assert_eq!(apply(50, 0), Err(InvalidTransaction::Stale.into()));
		assert_eq!(apply(50, 2), Err(InvalidTransaction::Future.into()));
		assert_eq!(System::account_nonce(50), 1);
		let valid = check_from(50, &remark(), 10, 2, TransactionSource::External).unwrap();
		assert_eq!(valid.provides, vec![(50u64, 2u32).encode()]);
		assert_eq!(valid.requires, vec![(50u64, 1u32).encode()]);
	});
}

#[test]
fn known_accounts_exist_without_tokens_and_stop_existing_when_dropped() {
	new_test_ext().execute_with(|| {
		assert!(System::account_exists(&KZ), "genesis members exist");
		assert!(!System::account_exists(&OUTSIDER));

		assert_ok!(Governance::add_member(signed(KZ), 70));
		assert!(System::account_exists(&70));
		assert_ok!(Governance::remove_member(signed(KZ), 70));
		assert!(!System::account_exists(&70));

		accredit_issuer(KZ, 71);
		assert!(System::account_exists(&71));
		// Accrediting again changes the record and takes no second reference.
		accredit_issuer(KZ, 71);
		assert_eq!(System::providers(&71), 1);
	});
}
