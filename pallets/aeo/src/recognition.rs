//! What an officer or a partner administration asks: where an operator's certification
//! stands, whether another administration recognises it today, and which status changes
//! an administration has not acknowledged.
//!
//! Recognition of operator X (certified by administration A) by administration B on day
//! D, first failing rule decides:
//! 0. A and B are both members of the consortium ([`RecognitionReason::AdministrationGone`]);
//! 1. X has a certification of A ([`RecognitionReason::UnknownOperator`]);
//! 2. it is certified (during A's current membership), not suspended, revoked, not yet
//!    valid or expired on D;
//! 3. B is A itself ([`RecognitionReason::OwnAdministration`]: recognised), or
//! 4. A and B have an agreement ([`RecognitionReason::NoAgreement`]) in force on D:
//!    accepted, not suspended nor terminated, D within its dates;
//! 5. its scope covers X's programme, at least in part: the answer names the programme
//!    covered ([`RecognitionReason::UnderAgreement`]).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use tamga_primitives::{CountryCode, Permissions};

use crate::{
	types::{AeoStatus, Change, ChangeId, MraId, MraStatus, Operator, Programme, StatusReason},
	Certifications, Changes, Config, Mras, Pallet, Partners, Pending,
};

/// The most status changes a status answer lists, newest first.
pub const MAX_LISTED_CHANGES: usize = 64;

/// The most unacknowledged changes one page lists (what `tamga_pendingAcknowledgements`
/// lists by default). A larger `limit` asked of the runtime API is lowered to it.
pub const MAX_LISTED_PENDING: u32 = 1_000;

/// One page of the status changes an administration has not acknowledged, as the
/// `tamga_pendingAcknowledgements` RPC reads it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PendingPage<AccountId, BlockNumber> {
	/// How many changes the administration has not acknowledged.
	pub total: u32,
	/// The page's changes with their numbers, oldest first (empty past the last page).
	pub changes: Vec<(ChangeId, Change<AccountId, BlockNumber>)>,
}

/// Where a certification stands on a given day.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum AeoState {
	/// Certified and within its validity.
	Certified,
	/// Certified, but its validity starts later.
	NotYetValid,
	/// Certified, but its validity has ended.
	Expired,
	/// Suspended by its administration.
	Suspended,
	/// Revoked by its administration.
	Revoked,
	/// Certified during an earlier membership of its administration, which has left the
	/// consortium since (and may have been admitted again): void, not revived.
	AdministrationLeft,
}

tamga_primitives::impl_named!(AeoState, "AEO state", {
	Certified => "certified",
	NotYetValid => "notYetValid",
	Expired => "expired",
	Suspended => "suspended",
	Revoked => "revoked",
	AdministrationLeft => "administrationLeft",
});

/// An operator's certification as the `tamga_aeoStatus` RPC shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct StatusView<AccountId, BlockNumber> {
	/// The operator.
	pub operator: Operator,
	/// Where it stands today.
	pub state: AeoState,
	/// Its programme.
	pub programme: Programme,
	/// Why it was suspended or revoked, with the hash of the free-text explanation.
	pub reason: Option<(StatusReason, sp_core::H256)>,
	/// First day of validity (days since 1970-01-01 UTC).
	pub valid_from: u32,
	/// Last day of validity, inclusive.
	pub valid_until: u32,
	/// The block from which its current status is effective.
	pub effective_at: BlockNumber,
	/// The day from which its current status is effective.
	pub effective_day: u32,
	/// The name of its administration (UTF-8).
	pub administration_name: Vec<u8>,
	/// Its status changes, newest first (at most [`MAX_LISTED_CHANGES`]).
	pub changes: Vec<(ChangeId, Change<AccountId, BlockNumber>)>,
	/// The day the answer is for (days since 1970-01-01 UTC, by the block timestamp).
	pub today: u32,
}

/// Why an operator is or is not recognised.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum RecognitionReason {
	/// Recognised: certified by the asking administration itself.
	OwnAdministration,
	/// Recognised under an agreement in force whose scope covers its programme.
	UnderAgreement,
	/// The operator's administration, or the asking one, is not a member of the
	/// consortium (any more).
	AdministrationGone,
	/// No certification of this operator by its administration.
	UnknownOperator,
	/// Its certification is not in force today (see `state`).
	NotCertified,
	/// Its administration and the asking one have no agreement (or only terminated ones).
	NoAgreement,
	/// Their agreement is not in force today: not accepted yet, suspended, or outside its
	/// dates.
	AgreementNotInForce,
	/// Their agreement's scope does not cover the operator's programme.
	OutOfScope,
}

tamga_primitives::impl_named!(RecognitionReason, "recognition reason", {
	OwnAdministration => "ownAdministration",
	UnderAgreement => "underAgreement",
	AdministrationGone => "administrationGone",
	UnknownOperator => "unknownOperator",
	NotCertified => "notCertified",
	NoAgreement => "noAgreement",
	AgreementNotInForce => "agreementNotInForce",
	OutOfScope => "outOfScope",
});

/// The answer to "is operator X recognised by administration B today?".
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Recognition {
	/// Whether it is.
	pub recognised: bool,
	/// Why.
	pub reason: RecognitionReason,
	/// The operator's certification state today, if it has one.
	pub state: Option<AeoState>,
	/// What is recognised: the operator's programme within the agreement's scope.
	pub programme: Option<Programme>,
	/// The agreement between the two administrations, if any, with its status.
	pub agreement: Option<(MraId, MraStatus)>,
	/// The day the answer is for (days since 1970-01-01 UTC, by the block timestamp).
	pub today: u32,
}

impl<T: Config> Pallet<T> {
	/// Where `operator`'s certification stands on day `today`.
	fn state_of(
		operator: Operator,
		certification: &crate::CertificationOf<T>,
		today: u32,
	) -> AeoState {
		if !Self::of_current_membership(operator, certification) {
			return AeoState::AdministrationLeft;
		}
		match certification.status {
			AeoStatus::Suspended => AeoState::Suspended,
			AeoStatus::Revoked => AeoState::Revoked,
			AeoStatus::Certified if today < certification.valid_from => AeoState::NotYetValid,
			AeoStatus::Certified if today > certification.valid_until => AeoState::Expired,
			AeoStatus::Certified => AeoState::Certified,
		}
	}

	/// `operator`'s certification as it stands today, or `None` if it has none.
	pub fn status(operator: Operator) -> Option<StatusView<T::AccountId, BlockNumberFor<T>>> {
		let certification = Certifications::<T>::get(operator)?;
		let today = Self::today();
		let mut changes = Vec::new();
		let mut next = Some(certification.last_change);
		while let Some(id) = next.filter(|_| changes.len() < MAX_LISTED_CHANGES) {
			let Some(change) = Changes::<T>::get(id) else { break };
			next = change.previous;
			changes.push((id, change));
		}
		Some(StatusView {
			operator,
			state: Self::state_of(operator, &certification, today),
			programme: certification.programme,
			reason: certification.reason,
			valid_from: certification.valid_from,
			valid_until: certification.valid_until,
			effective_at: certification.effective_at,
			effective_day: certification.effective_day,
			administration_name: T::Permissions::administration_name(operator.country),
			changes,
			today,
		})
	}

	/// Whether `administration` recognises `operator` on `day` (default: today), as the
	/// chain stands now (see the module docs).
	pub fn recognition(
		operator: Operator,
		administration: CountryCode,
		day: Option<u32>,
	) -> Recognition {
		let today = day.unwrap_or_else(Self::today);
		let mut answer = Recognition {
			recognised: false,
			reason: RecognitionReason::UnknownOperator,
			state: None,
			programme: None,
			agreement: None,
			today,
		};
		if !T::Permissions::is_administration(operator.country)
			|| !T::Permissions::is_administration(administration)
		{
			answer.reason = RecognitionReason::AdministrationGone;
			return answer;
		}
		let Some(certification) = Certifications::<T>::get(operator) else { return answer };
		let state = Self::state_of(operator, &certification, today);
		answer.state = Some(state);
		if state != AeoState::Certified {
			answer.reason = RecognitionReason::NotCertified;
			return answer;
		}
		if administration == operator.country {
			answer.recognised = true;
			answer.reason = RecognitionReason::OwnAdministration;
			answer.programme = Some(certification.programme);
			return answer;
		}
		let agreement = Partners::<T>::get(operator.country)
			.into_iter()
			.find(|(other, _)| *other == administration)
			.and_then(|(_, id)| Mras::<T>::get(id).map(|mra| (id, mra)));
		let Some((id, mra)) = agreement else {
			answer.reason = RecognitionReason::NoAgreement;
			return answer;
		};
		answer.agreement = Some((id, mra.status));
		if !mra.in_force_on(today) {
			answer.reason = RecognitionReason::AgreementNotInForce;
			return answer;
		}
		match certification.programme.within(mra.scope) {
			Some(covered) => {
				answer.recognised = true;
				answer.reason = RecognitionReason::UnderAgreement;
				answer.programme = Some(covered);
			},
			None => answer.reason = RecognitionReason::OutOfScope,
		}
		answer
	}

	/// Page `page` (from 0) of the status changes `administration` has not acknowledged,
	/// oldest (lowest number) first: `limit` of them from the one at index `page * limit`
	/// (counting from 0), with how many there are in all. `limit` is lowered to
	/// [`MAX_LISTED_PENDING`]; a `limit` of 0 lists nothing and gives the total only.
	///
	/// Changes made before the administration's current membership began (it left and was
	/// admitted again) are not its to acknowledge and are not listed.
	///
	/// The pending numbers are stored under hashed keys, so all of them are read (with the
	/// block each was made in) to count and order them; the changes themselves are read for
	/// the page alone.
	pub fn pending_acknowledgements(
		administration: CountryCode,
		page: u32,
		limit: u32,
	) -> PendingPage<T::AccountId, BlockNumberFor<T>> {
		let mut ids: Vec<ChangeId> = Pending::<T>::iter_prefix(administration)
			.filter(|(_, made)| Self::owed_by_current_membership(administration, *made))
			.map(|(id, _)| id)
			.collect();
		ids.sort_unstable();
		let total = u32::try_from(ids.len()).unwrap_or(u32::MAX);
		let limit = limit.min(MAX_LISTED_PENDING) as usize;
		let start = (page as usize).saturating_mul(limit);
		let changes = ids
			.into_iter()
			.skip(start)
			.take(limit)
			.filter_map(|id| Changes::<T>::get(id).map(|change| (id, change)))
			.collect();
		PendingPage { total, changes }
	}

	/// Whether a change made in block `made` is `partner`'s to acknowledge: made during its
	/// current membership (not one it had before it left).
	pub(crate) fn owed_by_current_membership(
		partner: CountryCode,
		made: BlockNumberFor<T>,
	) -> bool {
		T::Permissions::member_since(partner).is_some_and(|since| made >= since)
	}
}
