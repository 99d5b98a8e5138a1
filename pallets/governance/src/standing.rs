//! What the consortium knows a signer as, and which calls that standing may send.
//!
//! Pool gating ([`crate::CheckAccess`]) computes each signer's [`Standing`] once and asks
//! the runtime's [`CallPolicy`] whether it may make the call. The policy is an
//! allow-list: a party may make only the calls of its role, a member account its
//! administration's calls, a validator its session keys; anything the policy does not
//! name (a remark, a transfer, a call of a pallet added later) is refused to everyone.

use crate::{
	types::{AccreditationStatus, DocumentKinds, Role},
	Config, Pallet,
};

/// A party's accreditation in force: its role and, for an issuer, its document kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PartyStanding {
	/// The role it was accredited for.
	pub role: Role,
	/// The kinds of documents an issuer may sign (empty for other roles).
	pub kinds: DocumentKinds,
}

/// What the consortium knows an account as. An account may be several things at once
/// (e.g. a founding administration's member account that also runs its validator), but
/// never both a member account and a party.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Standing {
	/// A member account of an administration.
	pub member: bool,
	/// A validator account.
	pub validator: bool,
	/// A party whose accreditation is active, within its validity and granted by an
	/// administration that is still a member.
	pub party: Option<PartyStanding>,
	/// An account that an administration offered an accreditation it has not accepted yet.
	pub candidate: bool,
}

impl Standing {
	/// Whether the account may send transactions at all.
	pub fn is_known(&self) -> bool {
		self.member || self.validator || self.party.is_some() || self.candidate
	}

	/// Whether its transactions take precedence over parties' and are exempt from the
	/// parties' size and rate bounds: member and validator accounts.
	pub fn is_privileged(&self) -> bool {
		self.member || self.validator
	}

	/// Whether it is a party accredited as `role`.
	pub fn is_party(&self, role: Role) -> bool {
		self.party.is_some_and(|party| party.role == role)
	}
}

/// The runtime's allow-list: which calls a signer of a given standing may send.
pub trait CallPolicy<Call> {
	/// Whether a signer of `standing` may send `call`.
	fn permits(standing: &Standing, call: &Call) -> bool;
}

/// Permits everything to everyone known (test runtimes of other pallets).
impl<Call> CallPolicy<Call> for () {
	fn permits(_standing: &Standing, _call: &Call) -> bool {
		true
	}
}

impl<T: Config> Pallet<T> {
	/// The standing of `who` now. Reads `MemberOf`, `Validators` and, for an account that
	/// is neither, its accreditation and its administration, and its offers (one per
	/// country at most) until one is live.
	pub fn standing(who: &T::AccountId) -> Standing {
		let member = crate::MemberOf::<T>::contains_key(who);
		let validator = crate::Validators::<T>::get().iter().any(|(v, _)| v == who);
		let mut standing = Standing { member, validator, ..Default::default() };
		if member {
			return standing;
		}
		let now = frame_system::Pallet::<T>::block_number();
		standing.party = crate::Accreditations::<T>::get(who)
			.filter(|a| {
				a.status == AccreditationStatus::Active
					&& a.valid_from <= now
					&& now <= a.valid_until
					&& Self::granted_under_current_membership(a)
			})
			.map(|a| PartyStanding { role: a.role, kinds: a.kinds });
		standing.candidate = Self::has_live_offer(who);
		standing
	}
}

impl<T: Config> Pallet<T> {
	/// Whether an administration that is still a member, and has not left and rejoined
	/// since, offers `who` an accreditation.
	pub fn has_live_offer(who: &T::AccountId) -> bool {
		crate::Offers::<T>::iter_prefix(who)
			.any(|(_, offer)| Self::granted_under_current_membership(&offer))
	}
}
