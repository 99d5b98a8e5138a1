//! Administrations' rule contracts: which contract judges which documents, how the chain
//! asks it, and what its answer does to a registration.
//!
//! An administration registers a contract for a slot (document kind, direction): its
//! **export** rules judge the documents its own issuers anchor (e.g. rules of origin),
//! its **import** rules the documents bound for its country (e.g. veterinary import
//! conditions). Anchoring a document asks the exporting administration's export contract
//! and the importing administration's import contract, if registered, with the document's
//! facts as a SCALE-encoded [`tamga_rules::RuleInput`]. A `Reject` refuses the
//! registration with the reason code in the error ([`crate::Error::RejectedByRules`]); a
//! `Warn` is stored on the record ([`RuleWarning`]) and shown to verifiers; a contract
//! that traps, runs out of gas or answers nonsense refuses the registration too
//! ([`crate::Error::RulesFailed`]): nothing is ever accepted by default. The runtime rolls
//! back whatever a contract changes while judging.
//!
//! How a contract is called is the runtime's business ([`RuleEngine`]); the runtime
//! implements it with `pallet-contracts`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, weights::Weight, BoundedVec, PalletError};
use scale_info::TypeInfo;
use tamga_primitives::{CountryCode, DocumentKind};
use tamga_rules::Verdict;

use crate::types::{CertificateKind, HsCode};

/// Whose rules: the exporting administration's or the importing one's.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PalletError,
	Debug,
)]
pub enum Direction {
	/// Rules an administration applies to documents its own issuers anchor.
	Export,
	/// Rules an administration applies to documents bound for its country.
	Import,
}

tamga_primitives::impl_named!(Direction, "direction", { Export => "export", Import => "import" });

/// Why a rule contract gave no verdict. The registration is refused in every case.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PalletError,
	Debug,
)]
pub enum RuleFailure {
	/// The registered account holds no contract any more.
	NoContract,
	/// The contract trapped (a panic, an invalid instruction, a failed host call).
	Trapped,
	/// The contract used more than the gas a rule may use.
	OutOfGas,
	/// The contract reverted (e.g. it could not decode the facts).
	Reverted,
	/// The contract's answer is not a verdict.
	BadAnswer,
	/// The contract needed a storage deposit or a transfer, which judging is not given
	/// (whatever else it changes is rolled back).
	SideEffects,
}

/// A warning a rule contract attached to a document it let through.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct RuleWarning {
	/// The administration whose contract warned.
	pub administration: CountryCode,
	/// Whether it judged as the exporting or the importing administration.
	pub direction: Direction,
	/// The reason code (`tamga_rules::reasons`).
	pub code: u16,
}

/// The most warnings a record holds: one per direction.
pub type MaxWarnings = frame_support::traits::ConstU32<2>;

/// The warnings stored on a record.
pub type Warnings = BoundedVec<RuleWarning, MaxWarnings>;

/// A material used to make the goods, as declared to origin rules.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Material {
	/// Its HS subheading (six ASCII digits).
	pub hs: HsCode,
	/// Its country of origin (ISO 3166-1 alpha-2).
	pub origin: [u8; 2],
	/// Its value, in the currency unit of the ex-works price.
	pub value: u128,
	/// The certificate of origin anchored on Tamga that proves the material's origin,
	/// if any (needed for cumulation by rules that ask for proof).
	pub evidence: Option<crate::types::DocumentId>,
}

/// How the goods were produced: the facts origin rules judge. They are read by the
/// contracts while the document is anchored and not stored in the chain state.
#[derive(
	frame_support::CloneNoBound,
	frame_support::PartialEqNoBound,
	frame_support::EqNoBound,
	frame_support::DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxMaterials))]
#[codec(mel_bound())]
pub struct Production<MaxMaterials: Get<u32>> {
	/// Wholly obtained in the exporting country.
	pub wholly_obtained: bool,
	/// The ex-works price of the goods.
	pub ex_works_price: u128,
	/// The materials used.
	pub materials: BoundedVec<Material, MaxMaterials>,
}

/// Runs administrations' rule contracts.
pub trait RuleEngine<AccountId> {
	/// Whether `account` holds a contract that can be registered as rules.
	fn is_contract(account: &AccountId) -> bool;

	/// The most weight one contract call may use (its gas limit and the call's overhead).
	fn max_weight() -> Weight;

	/// Asks `contract` for its verdict on `input`, as `caller` (the document's author).
	/// Returns the weight used, and the verdict or why there is none.
	fn validate(
		contract: &AccountId,
		caller: &AccountId,
		input: &tamga_rules::RuleInput,
	) -> (Weight, Result<Verdict, RuleFailure>);
}

/// No contract engine: nothing is a contract, so no rules can be registered.
impl<AccountId> RuleEngine<AccountId> for () {
	fn is_contract(_: &AccountId) -> bool {
		false
	}

	fn max_weight() -> Weight {
		Weight::zero()
	}

	fn validate(
		_: &AccountId,
		_: &AccountId,
		_: &tamga_rules::RuleInput,
	) -> (Weight, Result<Verdict, RuleFailure>) {
		(Weight::zero(), Err(RuleFailure::NoContract))
	}
}

/// The rules' view of an accreditation kind, or `None` for kinds no rule contract judges
/// (carnets, AEO statuses, conformity certificates and licences).
pub fn rule_kind(kind: DocumentKind) -> Option<tamga_rules::DocumentKind> {
	match kind {
		DocumentKind::Origin => Some(tamga_rules::DocumentKind::Origin),
		DocumentKind::Veterinary => Some(tamga_rules::DocumentKind::Veterinary),
		DocumentKind::Phytosanitary => Some(tamga_rules::DocumentKind::Phytosanitary),
		DocumentKind::AtaGuarantee
		| DocumentKind::Aeo
		| DocumentKind::Conformity
		| DocumentKind::Licensing => None,
	}
}

/// The rules' view of a certificate's form: the built-in types by name, the consortium's
/// own by their registry id.
pub fn rule_form(kind: CertificateKind) -> tamga_rules::Form {
	match kind {
		CertificateKind::EAEU_CT1 => tamga_rules::Form::EaeuCt1,
		CertificateKind::EUR1 => tamga_rules::Form::Eur1,
		CertificateKind::FORM_A => tamga_rules::Form::FormA,
		CertificateKind::NON_PREFERENTIAL => tamga_rules::Form::NonPreferential,
		CertificateKind::VETERINARY => tamga_rules::Form::Veterinary,
		CertificateKind::ORIGIN_DECLARATION => tamga_rules::Form::OriginDeclaration,
		CertificateKind::PHYTOSANITARY => tamga_rules::Form::Phytosanitary,
		CertificateKind::PHYTOSANITARY_REEXPORT => tamga_rules::Form::PhytosanitaryReexport,
		CertificateKind(id) => tamga_rules::Form::Registered(id),
	}
}

/// The certificate kind the rules' `form` stands for (the inverse of [`rule_form`]), so
/// tools name a contract's forms with the registry's names.
pub fn form_kind(form: tamga_rules::Form) -> CertificateKind {
	match form {
		tamga_rules::Form::EaeuCt1 => CertificateKind::EAEU_CT1,
		tamga_rules::Form::Eur1 => CertificateKind::EUR1,
		tamga_rules::Form::FormA => CertificateKind::FORM_A,
		tamga_rules::Form::NonPreferential => CertificateKind::NON_PREFERENTIAL,
		tamga_rules::Form::Veterinary => CertificateKind::VETERINARY,
		tamga_rules::Form::OriginDeclaration => CertificateKind::ORIGIN_DECLARATION,
		tamga_rules::Form::Phytosanitary => CertificateKind::PHYTOSANITARY,
		tamga_rules::Form::PhytosanitaryReexport => CertificateKind::PHYTOSANITARY_REEXPORT,
		tamga_rules::Form::Registered(id) => CertificateKind(id),
	}
}

/// The production facts as the contracts take them.
pub fn production_input<M: Get<u32>>(production: &Production<M>) -> tamga_rules::Production {
	tamga_rules::Production {
		wholly_obtained: production.wholly_obtained,
		ex_works_price: production.ex_works_price,
		materials: production
			.materials
			.iter()
			.map(|m| tamga_rules::Material {
				hs: m.hs.number(),
				origin: m.origin,
				value: m.value,
				evidence: m.evidence.map(|id| id.0),
			})
			.collect::<Vec<_>>(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn forms_and_kinds_map_both_ways() {
		for kind in (0..=u8::MAX).map(CertificateKind) {
			assert_eq!(form_kind(rule_form(kind)), kind);
		}
		assert_eq!(rule_form(CertificateKind(8)), tamga_rules::Form::Registered(8));
	}

	#[test]
	fn certificate_kinds_map_to_rule_kinds() {
		assert_eq!(rule_kind(DocumentKind::Origin), Some(tamga_rules::DocumentKind::Origin));
		assert_eq!(rule_kind(DocumentKind::Aeo), None);
		assert_eq!(
			rule_kind(DocumentKind::Phytosanitary),
			Some(tamga_rules::DocumentKind::Phytosanitary)
		);
		assert_eq!(rule_kind(DocumentKind::Licensing), None);
	}
}
