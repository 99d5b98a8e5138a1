//! Who may send which call: the allow-lists of pool gating and of proposals.
//!
//! [`TamgaCallPolicy`] is checked for every signed transaction, in the pool and again in
//! every block (`pallet_tamga_governance::CheckAccess`); a call it does not permit is
//! refused with `Custom error: 2` and never enters a block. Each pallet still checks its
//! own permissions at dispatch (e.g. that an issuer signs only kinds it is accredited
//! for); this list only keeps each standing to the calls of its role:
//!
//! | standing | may send |
//! |---|---|
//! | member account | governance (propose, vote, close, withdraw a proposal, its members, accreditations and nodes), revoking its issuers' certificates, rule slots, carnet closing and claims, every AEO and MRA call, every data-sharing agreement call, its exchange key, receipts of deliveries and records appended to documents, contract uploads, instantiations and calls, `System::apply_authorized_upgrade`, `Session::set_keys` (for the validator it is about to propose) |
//! | validator | `Session::set_keys` |
//! | issuer of certificates (origin, veterinary, phytosanitary, conformity, licences) | register, replace, revoke, batches, revoking batch members, endorsing and rejecting applications, committing to its documents' field groups |
//! | issuer of carnets (guaranteeing association) | issue and close carnets |
//! | AEO office (issuer of kind AEO) | certify, suspend, reinstate and revoke operators |
//! | approved exporter | register, replace and revoke its origin declarations and commit to their field groups; apply and withdraw applications |
//! | exporter | apply and withdraw applications |
//! | officer | record uses of certificates and carnet vouchers |
//! | auditor | nothing (it reads) |
//! | an account offered an accreditation | accept it |
//!
//! Nothing else from anyone: no remarks, transfers, `Session::purge_keys`, contract
//! calls from parties, or calls of a pallet added later until this list names them.
//! [`ProposalCalls`] is the allow-list of what a proposal may carry, and [`RootCalls`]
//! the part of it that is dispatched with `Root`.

use frame_support::traits::Contains;
use pallet_tamga_governance::{CallPolicy, DocumentKind, PartyStanding, Role, Standing};

use crate::RuntimeCall;

type Governance = pallet_tamga_governance::Call<crate::Runtime>;
type Certificates = pallet_tamga_certificates::Call<crate::Runtime>;
type Carnets = pallet_tamga_carnets::Call<crate::Runtime>;
type Aeo = pallet_tamga_aeo::Call<crate::Runtime>;
type Exchange = pallet_tamga_exchange::Call<crate::Runtime>;
type Contracts = pallet_contracts::Call<crate::Runtime>;

/// The runtime's allow-list for signed transactions (see the module docs).
pub struct TamgaCallPolicy;

impl CallPolicy<RuntimeCall> for TamgaCallPolicy {
	fn permits(standing: &Standing, call: &RuntimeCall) -> bool {
		(standing.member && member_may(call))
			|| (standing.validator && validator_may(call))
			|| standing.party.is_some_and(|party| party_may(&party, call))
			|| (standing.candidate
				&& matches!(call, RuntimeCall::Governance(Governance::accept_accreditation { .. })))
	}
}

/// The calls of an administration's member account.
fn member_may(call: &RuntimeCall) -> bool {
	match call {
		RuntimeCall::Governance(call) => matches!(
			call,
			Governance::propose { .. }
				| Governance::vote { .. }
				| Governance::close { .. }
				| Governance::withdraw_proposal { .. }
				| Governance::add_member { .. }
				| Governance::remove_member { .. }
				| Governance::accredit { .. }
				| Governance::withdraw_offer { .. }
				| Governance::suspend { .. }
				| Governance::reinstate { .. }
				| Governance::revoke { .. }
				| Governance::remove_accreditation { .. }
				| Governance::set_key_cutoff { .. }
				| Governance::remove_node { .. }
		),
		RuntimeCall::Certificates(call) => matches!(
			call,
			Certificates::revoke { .. }
				| Certificates::revoke_batch_member { .. }
				| Certificates::set_rules { .. }
		),
		RuntimeCall::Carnets(call) => matches!(
			call,
			Carnets::close { .. }
				| Carnets::raise_claim { .. }
				| Carnets::settle_claim { .. }
				| Carnets::discharge_claim { .. }
		),
		RuntimeCall::Aeo(call) => !matches!(call, Aeo::__Ignore(..)),
		RuntimeCall::Exchange(call) => matches!(
			call,
			Exchange::propose { .. }
				| Exchange::accept { .. }
				| Exchange::decline { .. }
				| Exchange::suspend { .. }
				| Exchange::resume { .. }
				| Exchange::terminate { .. }
				| Exchange::set_exchange_key { .. }
				| Exchange::record_receipt { .. }
				| Exchange::record_receipts { .. }
				| Exchange::append { .. }
		),
		RuntimeCall::Contracts(call) => matches!(
			call,
			Contracts::upload_code { .. }
				| Contracts::remove_code { .. }
				| Contracts::instantiate { .. }
				| Contracts::instantiate_with_code { .. }
				| Contracts::call { .. }
		),
		RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { .. }) => true,
		// An administration registers the keys of its future validator from its member
		// account before the consortium votes the validator in.
		RuntimeCall::Session(pallet_session::Call::set_keys { .. }) => true,
		_ => false,
	}
}

/// The calls of a validator account.
fn validator_may(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::Session(pallet_session::Call::set_keys { .. }))
}

/// The calls of a party, by its role (and an issuer's kinds).
fn party_may(party: &PartyStanding, call: &RuntimeCall) -> bool {
	let issues = |kind| party.role == Role::Issuer && party.kinds.contains(kind);
	match call {
		RuntimeCall::Certificates(call) => match call {
			Certificates::register { .. }
			| Certificates::replace { .. }
			| Certificates::revoke { .. } => certificate_author(party),
			Certificates::register_batch { .. }
			| Certificates::revoke_batch_member { .. }
			| Certificates::endorse { .. }
			| Certificates::reject { .. } => certificate_issuer(party),
			Certificates::apply { .. } | Certificates::withdraw { .. } => {
				matches!(party.role, Role::Exporter | Role::ApprovedExporter)
			},
			Certificates::record_use { .. } => party.role == Role::Officer,
			_ => false,
		},
		RuntimeCall::Carnets(call) => match call {
			Carnets::issue { .. } | Carnets::close { .. } => issues(DocumentKind::AtaGuarantee),
			Carnets::record_voucher { .. } => party.role == Role::Officer,
			_ => false,
		},
		RuntimeCall::Aeo(call) => match call {
			Aeo::certify { .. }
			| Aeo::suspend { .. }
			| Aeo::reinstate { .. }
			| Aeo::revoke { .. } => issues(DocumentKind::Aeo),
			_ => false,
		},
		RuntimeCall::Exchange(Exchange::commit_fields { .. }) => certificate_author(party),
		RuntimeCall::Exchange(
			Exchange::record_receipt { .. } | Exchange::record_receipts { .. },
		) => party.role == Role::ExchangeNode,
		_ => false,
	}
}

/// An issuer of certificates: of origin, veterinary, phytosanitary or conformity
/// certificates, or licences (the certificates pallet checks the document's type).
fn certificate_issuer(party: &PartyStanding) -> bool {
	party.role == Role::Issuer
		&& [
			DocumentKind::Origin,
			DocumentKind::Veterinary,
			DocumentKind::Phytosanitary,
			DocumentKind::Conformity,
			DocumentKind::Licensing,
		]
		.into_iter()
		.any(|kind| party.kinds.contains(kind))
}

/// A party that signs certificates or declarations of its own: an issuer of certificates
/// or an approved exporter.
fn certificate_author(party: &PartyStanding) -> bool {
	certificate_issuer(party) || party.role == Role::ApprovedExporter
}

/// What a governance proposal may carry: the consortium's own decisions and runtime
/// upgrades. Never a call that writes storage directly (`System::set_storage`,
/// `kill_*`), sets code without a vote on its hash, or acts as an account.
pub struct ProposalCalls;

impl Contains<RuntimeCall> for ProposalCalls {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Governance(call) => matches!(
				call,
				Governance::admit_administration { .. }
					| Governance::remove_administration { .. }
					| Governance::add_validator { .. }
					| Governance::remove_validator { .. }
					| Governance::approve_node { .. }
					| Governance::remove_node { .. }
					| Governance::void_documents { .. }
			),
			RuntimeCall::Certificates(Certificates::add_document_type { .. }) => true,
			_ => RootCalls::contains(call),
		}
	}
}

/// The allowed proposal calls that need `Root`: authorising a runtime upgrade by its code
/// hash (anyone known then supplies the code) and telling GRANDPA that finality stalled.
pub struct RootCalls;

impl Contains<RuntimeCall> for RootCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(frame_system::Call::authorize_upgrade { .. })
				| RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled { .. })
		)
	}
}
