//! Pool gating: the transaction extension that decides, for every signed transaction, in
//! the pool and again in every block, whether its signer may send it.
//!
//! [`CheckAccess`] takes the place of `frame_system::CheckNonce` (same wire format, a
//! compact nonce, and the same identifier, so standard clients fill it in) and adds the
//! consortium's rules before the nonce is checked:
//!
//! | rule | refused with |
//! |---|---|
//! | the signer is a member account, a validator or a party with an accreditation in force (or an account offered one, for accepting it) | `Custom(`[`NOT_PERMITTED`]`)` |
//! | the call is one its standing may make ([`CallPolicy`], the runtime's allow-list) | `Custom(`[`NOT_FOR_ROLE`]`)` |
//! | a party's extrinsic is at most `MaxPartyTransactionLength` bytes | `Custom(`[`TOO_LARGE`]`)` |
//! | a party holds fewer than `MaxPartyPooled` transactions ahead of its account's nonce | `Custom(`[`TOO_MANY_PENDING`]`)` |
//! | a block carries at most `MaxPartyTransactionsPerBlock` transactions of one party | `ExhaustsResources` (the block author leaves the rest for the next block; a block carrying more is invalid) |
//!
//! Members' and validators' transactions get [`MEMBER_PRIORITY`], above any party's. A
//! party's transaction gets [`PARTY_PRIORITY`] less how far its nonce is ahead of its
//! account's, so every party's next transaction is taken before anyone's second: one
//! party flooding the pool cannot push another's registration back by more than its
//! own per-block share. Unsigned transactions and inherents pass through: each pallet
//! validates its own.

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Get, OriginTrait},
	DebugNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, PostDispatchInfoOf, Saturating, TransactionExtension, UniqueSaturatedInto,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
	},
	DispatchResult, Weight,
};

use crate::{standing::CallPolicy, Config, Pallet, PartyBlockShare};

/// `InvalidTransaction::Custom` code: the signer is neither a member account, a validator
/// nor a party with an accreditation in force. JSON-RPC clients see it as
/// "Invalid Transaction: Custom error: 1".
pub const NOT_PERMITTED: u8 = 1;

/// `InvalidTransaction::Custom` code: the signer's role may not make this call (e.g. a
/// remark, a balance transfer, a contract call from a party, an officer registering a
/// certificate).
pub const NOT_FOR_ROLE: u8 = 2;

/// `InvalidTransaction::Custom` code: a party's extrinsic is longer than
/// `MaxPartyTransactionLength` bytes.
pub const TOO_LARGE: u8 = 3;

/// `InvalidTransaction::Custom` code: the party already holds `MaxPartyPooled`
/// transactions ahead of its account's nonce; it must wait for some to be included.
pub const TOO_MANY_PENDING: u8 = 4;

/// The priority of transactions from member and validator accounts: above any party's,
/// so accredited parties can never crowd votes and validator keys out of the pool.
pub const MEMBER_PRIORITY: u64 = 1 << 32;

/// The priority of a party's next transaction (its nonce equal to its account's); each
/// further nonce ahead is one lower.
pub const PARTY_PRIORITY: u64 = 1 << 31;

/// Checks the signer's standing, the call, the size, the party's share of the pool and of
/// the block, and the nonce (as `frame_system::CheckNonce`, whose place it takes).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckAccess<T: Config>(#[codec(compact)] pub T::Nonce);

impl<T: Config> CheckAccess<T> {
	/// The extension of a transaction signed with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(nonce)
	}
}

impl<T: Config> core::fmt::Debug for CheckAccess<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckAccess({:?})", self.0)
	}
}

/// What validation hands to `prepare`.
#[derive(DebugNoBound)]
pub enum Val<T: Config> {
	/// A signed transaction of `who`; `party` if it counts against a party's block share.
	Signed {
		/// The signer.
		who: T::AccountId,
		/// Whether the signer is a party (neither a member account nor a validator).
		party: bool,
	},
	/// Not signed: nothing to check here, and the extension's weight is refunded.
	Unsigned(Weight),
}

impl<T: Config> Pallet<T> {
	/// The checks of [`CheckAccess`] for `who` sending `call` of `len` bytes with `nonce`,
	/// from `source`: the transaction's validity (priority and nonce tags) and whether it
	/// counts against a party's share. A transaction marked `InBlock` is exempt from the
	/// pool bound (the single-state pool resubmits a retracted block's transactions as
	/// `External`, so the runtime keeps `MaxPartyPooled` at least the pool's size).
	pub fn check_access(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		len: usize,
		nonce: T::Nonce,
		source: TransactionSource,
	) -> Result<(ValidTransaction, bool), TransactionValidityError> {
		let standing = Self::standing(who);
		if !standing.is_known() {
			return Err(InvalidTransaction::Custom(NOT_PERMITTED).into());
		}
		if !T::CallPolicy::permits(&standing, call) {
			return Err(InvalidTransaction::Custom(NOT_FOR_ROLE).into());
		}
		let frame_system::ValidNonceInfo { provides, requires } =
			frame_system::CheckNonce::<T>::validate_nonce_for_account(who, nonce)?;
		let party = !standing.is_privileged();
		let priority = if party {
			if len > T::MaxPartyTransactionLength::get() as usize {
				return Err(InvalidTransaction::Custom(TOO_LARGE).into());
			}
			let account_nonce = frame_system::Pallet::<T>::account_nonce(who);
			let ahead: u32 = nonce.saturating_sub(account_nonce).unique_saturated_into();
			if ahead >= T::MaxPartyPooled::get() && source != TransactionSource::InBlock {
				return Err(InvalidTransaction::Custom(TOO_MANY_PENDING).into());
			}
			let now = frame_system::Pallet::<T>::block_number();
			let (block, count) = PartyBlockShare::<T>::get(who);
			if block == now && count >= T::MaxPartyTransactionsPerBlock::get() {
				return Err(InvalidTransaction::ExhaustsResources.into());
			}
			PARTY_PRIORITY.saturating_sub(ahead.into())
		} else {
			MEMBER_PRIORITY
		};
		let valid = ValidTransaction {
			priority,
			requires,
			provides,
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		Ok((valid, party))
	}

	/// Counts one more transaction of party `who` in the current block.
	fn count_in_block(who: &T::AccountId) {
		let now = frame_system::Pallet::<T>::block_number();
		PartyBlockShare::<T>::mutate(who, |(block, count)| {
			if *block == now {
				*count = count.saturating_add(1);
			} else {
				*block = now;
				*count = 1;
			}
		});
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckAccess<T>
{
	/// The identifier of `frame_system::CheckNonce`: this extension takes its place with
	/// the same wire format (a compact nonce), so standard clients fill it in.
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = Val<T>;
	/// The weight to refund (all of it for an unsigned transaction).
	type Pre = Weight;

	/// The nonce check (`frame_system`'s measured figure) plus, at most, the standing's
	/// reads (`MemberOf`, `Validators`, `Accreditations`, `Administrations`, the first
	/// `Offers` entry) and the party's block share (a read and a write), charged to every
	/// signed transaction.
	fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		<T::ExtensionsWeightInfo as frame_system::ExtensionsWeightInfo>::check_nonce()
			.saturating_add(T::DbWeight::get().reads_writes(6, 1))
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		source: TransactionSource,
	) -> sp_runtime::traits::ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let Some(who) = origin.as_signer() else {
			return Ok((ValidTransaction::default(), Val::Unsigned(self.weight(call)), origin));
		};
		let (valid, party) = Pallet::<T>::check_access(who, call, len, self.0, source)?;
		let who = who.clone();
		Ok((valid, Val::Signed { who, party }, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &<T as frame_system::Config>::RuntimeOrigin,
		_call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::Signed { who, party } => {
				frame_system::CheckNonce::<T>::prepare_nonce_for_account(&who, self.0)?;
				if party {
					Pallet::<T>::count_in_block(&who);
				}
				Ok(Weight::zero())
			},
			Val::Unsigned(refund) => Ok(refund),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(pre)
	}
}
