//! Bounds on the contract dry runs the node serves (`ContractsApi`, reached through the
//! safe `state_call` RPC): whoever reaches a node's RPC can ask for them, so none may
//! hold a core for long or do what its origin may not do for real.
//!
//! - Gas is capped at [`RULE_GAS_LIMIT`], what a rule contract gets to judge a document
//!   (16 ms of compute): a contract that loops forever runs out of gas within
//!   milliseconds, whatever gas limit the request names (`docs/decisions.md`, "Bounded
//!   dry runs").
//! - Code uploads and instantiations are dry-run for member accounts only, as they are
//!   made for real (`AdministrationMember`); anyone else gets `NotMember` at once.

use frame_support::weights::Weight;
use pallet_tamga_governance::Permissions;
use sp_runtime::DispatchError;

use super::{contracts::RULE_GAS_LIMIT, AccountId, Balance, Governance, Runtime};

/// The gas a dry run runs with: the gas `asked`, at most [`RULE_GAS_LIMIT`] (each
/// component), or that limit when none is asked.
pub fn gas_limit(asked: Option<Weight>) -> Weight {
	asked.unwrap_or(RULE_GAS_LIMIT).min(RULE_GAS_LIMIT)
}

/// Fails unless `origin` may upload code or instantiate a contract: a member account of
/// an administration.
pub fn ensure_may_deploy(origin: &AccountId) -> Result<(), DispatchError> {
	Governance::ensure_member(origin)
		.map(|_| ())
		.map_err(|_| pallet_tamga_governance::Error::<Runtime>::NotMember.into())
}

/// The answer to an instantiation dry run that was refused with `error` before running.
pub fn refused_instantiation<EventRecord>(
	error: DispatchError,
) -> pallet_contracts::ContractInstantiateResult<AccountId, Balance, EventRecord> {
	pallet_contracts::ContractResult {
		gas_consumed: Weight::zero(),
		gas_required: Weight::zero(),
		storage_deposit: Default::default(),
		debug_message: b"only a member account of an administration deploys contracts".to_vec(),
		result: Err(error),
		events: None,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn gas_is_capped_at_what_a_rule_contract_gets() {
		assert_eq!(gas_limit(None), RULE_GAS_LIMIT);
		assert_eq!(gas_limit(Some(Weight::MAX)), RULE_GAS_LIMIT);
		let small = Weight::from_parts(1_000, 1_000);
		assert_eq!(gas_limit(Some(small)), small);
		// Each component on its own: a huge proof size does not lift the time.
		let mixed = Weight::from_parts(1_000, u64::MAX);
		assert_eq!(gas_limit(Some(mixed)), Weight::from_parts(1_000, RULE_GAS_LIMIT.proof_size()));
	}
}
