//! Pool gating: the transaction extension that keeps outsiders' transactions out of the
//! pool and out of blocks.
//!
//! A signed transaction is valid only if its signer is a member account of an
//! administration, a validator account, or a party whose accreditation is active and in
//! its validity, granted by an administration still in the consortium
//! ([`Permissions::is_known`]). Members' and validators' transactions get a higher
//! priority ([`MEMBER_PRIORITY`]) than parties'.
//! Anyone else's transaction is rejected with
//! `InvalidTransaction::Custom(`[`NOT_PERMITTED`]`)` before it is gossiped, and a block
//! that carries one is invalid, so an outsider can neither spam the pool nor be included
//! by a misbehaving author. The calls the runtime names in `MemberOnlyCalls` (calls into
//! smart contracts) are refused from anyone but a member account with
//! `InvalidTransaction::Custom(`[`MEMBERS_ONLY`]`)`. Unsigned transactions and inherents
//! pass through: each pallet validates its own.

use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Contains, Get, OriginTrait},
	DefaultNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension},
	transaction_validity::{InvalidTransaction, ValidTransaction},
	Weight,
};

use crate::{permissions::Permissions, Config, Pallet, Validators};

/// The `InvalidTransaction::Custom` code of a transaction whose signer is neither a
/// member, a validator nor an accredited party. JSON-RPC clients see it as
/// "Invalid Transaction: Custom error: 1".
pub const NOT_PERMITTED: u8 = 1;

/// The `InvalidTransaction::Custom` code of a members-only call (`Config::MemberOnlyCalls`)
/// from an account that is not a member account of an administration.
pub const MEMBERS_ONLY: u8 = 2;

/// The priority of transactions from member and validator accounts: above any party's,
/// so accredited parties can never crowd votes and validator keys out of the pool.
pub const MEMBER_PRIORITY: u64 = 1 << 32;

/// Rejects signed transactions from accounts the consortium does not know.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckPermitted<T>(PhantomData<T>);

impl<T> CheckPermitted<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckPermitted<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckPermitted")
	}
}

impl<T: Config> Pallet<T> {
	/// The pool priority of `who`'s signed transactions, or `None` if it may not send any:
	/// [`MEMBER_PRIORITY`] for member and validator accounts, 0 for accredited parties.
	/// Each storage item is read at most once (this runs for every pooled transaction).
	pub fn transaction_priority(who: &T::AccountId) -> Option<u64> {
		let member_or_validator = crate::MemberOf::<T>::contains_key(who)
			|| Validators::<T>::get().iter().any(|(validator, _)| validator == who);
		if member_or_validator {
			Some(MEMBER_PRIORITY)
		} else {
			<Self as Permissions<_, _>>::is_known(who).then_some(0)
		}
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckPermitted<T>
{
	const IDENTIFIER: &'static str = "TamgaCheckPermitted";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	/// At most three reads: `MemberOf`, `Accreditations` with `Administrations`, or
	/// `Validators` (a bounded vector of at most `MaxValidators` entries, read whole).
	fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::DbWeight::get().reads(3)
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> sp_runtime::traits::ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let mut valid = ValidTransaction::default();
		if let Some(who) = origin.as_signer() {
			valid.priority = Pallet::<T>::transaction_priority(who)
				.ok_or(InvalidTransaction::Custom(NOT_PERMITTED))?;
			if T::MemberOnlyCalls::contains(call) && !crate::MemberOf::<T>::contains_key(who) {
				return Err(InvalidTransaction::Custom(MEMBERS_ONLY).into());
			}
		}
		Ok((valid, (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
