//! The boundary between Tamga and an administration's validation contract: what the chain
//! asks (the facts of a document being registered, [`RuleInput`]) and what a contract
//! answers ([`Verdict`]), both SCALE-encoded. It is kept narrow on purpose, one question
//! and one answer, so that the contract engine can change without changing the rules.
//!
//! Every refusal or warning carries a [`ReasonCode`] from [`reasons`]: automated
//! decisions must be explainable, so each code has a fixed meaning people can read.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

pub mod policy;

/// An ISO 3166-1 alpha-2 country code, e.g. `*b"KZ"`.
pub type Country = [u8; 2];

/// A six-digit HS subheading, e.g. `100199` (durum wheat, other).
pub type HsCode = u32;

/// A document's id on Tamga: blake2-256 of its exact bytes.
pub type DocumentId = [u8; 32];

/// A reason code: what made a contract reject or warn (see [`reasons`]).
pub type ReasonCode = u16;

/// A contract's answer about a document.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Verdict {
	/// The document meets the rules.
	Accept,
	/// The document may be registered, with this warning stored on its record.
	Warn(ReasonCode),
	/// The document must not be registered, for this reason.
	Reject(ReasonCode),
}

/// The kind of document, as far as rules care.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum DocumentKind {
	/// A certificate of origin (CT-1, EUR.1, Form A, non-preferential) or an approved
	/// exporter's origin declaration.
	Origin,
	/// A veterinary (SPS) certificate.
	Veterinary,
	/// A phytosanitary certificate (export or re-export).
	Phytosanitary,
}

/// The form of a document: rules may differ between them (the rules of origin of a
/// preferential agreement do not apply to a non-preferential certificate).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(all(feature = "ink", feature = "std"), derive(ink::storage::traits::StorageLayout))]
pub enum Form {
	/// EAEU certificate of origin, form CT-1.
	EaeuCt1,
	/// Movement certificate EUR.1.
	Eur1,
	/// GSP certificate of origin, Form A.
	FormA,
	/// A non-preferential (generic) certificate of origin.
	NonPreferential,
	/// A veterinary (SPS) certificate.
	Veterinary,
	/// An approved exporter's own origin declaration.
	OriginDeclaration,
	/// A phytosanitary certificate for export.
	Phytosanitary,
	/// A phytosanitary certificate for re-export.
	PhytosanitaryReexport,
	/// A type the consortium added to the registry by vote, by its registry id.
	Registered(u8),
}

/// A material used to make the goods.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Material {
	/// Its HS subheading.
	pub hs: HsCode,
	/// Its country of origin.
	pub origin: Country,
	/// Its value (customs value or price paid), in the same currency unit as the ex-works
	/// price.
	pub value: u128,
	/// The id of the certificate of origin anchored on Tamga that proves the material's
	/// origin, if the exporter gave one (rules may ask for it to cumulate).
	pub evidence: Option<DocumentId>,
}

/// How the goods were produced: what rules of origin judge.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Production {
	/// Wholly obtained in the exporting country (grown, born and raised, mined there).
	pub wholly_obtained: bool,
	/// The ex-works price of the goods.
	pub ex_works_price: u128,
	/// The materials used, with their origin and value.
	pub materials: Vec<Material>,
}

/// What a contract is asked about a document being registered.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct RuleInput {
	/// The kind of document.
	pub kind: DocumentKind,
	/// Its form.
	pub form: Form,
	/// The exporting country (the issuer's).
	pub exporting: Country,
	/// The importing country.
	pub importing: Country,
	/// The goods' HS subheadings; the first is the goods the origin rules judge.
	pub hs_codes: Vec<HsCode>,
	/// The day of registration (days since 1970-01-01 UTC).
	pub day: u32,
	/// How the goods were produced, for origin rules.
	pub production: Option<Production>,
}

/// What the chain tells a contract about an anchored document (chain extension function
/// [`extension::DOCUMENT`]).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct DocumentSummary {
	/// The kind of document.
	pub kind: DocumentKind,
	/// Its form (a rule of origin may take only preferential forms as evidence).
	pub form: Form,
	/// The exporting country (its issuer's).
	pub exporting: Country,
	/// The importing country.
	pub importing: Country,
	/// The goods' HS subheadings.
	pub hs_codes: Vec<HsCode>,
	/// In force today: neither replaced nor revoked, within its validity window, not used
	/// up, not anchored after its issuer's key cut-off.
	pub in_force: bool,
	/// Its issuer is in good standing: accredited, neither suspended nor revoked, by an
	/// administration still in the consortium.
	pub issuer_accredited: bool,
}

/// The chain extension through which contracts read Tamga's registry. A contract calls
/// function `f` of extension `ID` as `(ID << 16) | f`; the input and output are SCALE.
pub mod extension {
	/// The extension's id.
	pub const ID: u16 = 0;
	/// `document(id: DocumentId) -> Option<DocumentSummary>`: what the chain knows about
	/// an anchored document, `None` if none has this id.
	pub const DOCUMENT: u16 = 1;
}

#[cfg(feature = "ink")]
pub use environment::{RegistryExtension, TamgaEnvironment};

/// The ink! environment of Tamga's contracts: ink!'s default types, which are Tamga's
/// (32-byte accounts, u128 balances, u32 block numbers, u64 timestamps), plus the
/// registry extension.
#[cfg(feature = "ink")]
mod environment {
	use super::{DocumentId, DocumentSummary};

	/// Tamga's registry, as a contract reads it.
	#[ink::chain_extension(extension = 0)]
	pub trait RegistryExtension {
		/// The chain's status codes carry no errors: functions answer with values.
		type ErrorCode = NoErrors;

		/// What the chain knows about document `id`, `None` if none is anchored.
		#[ink(function = 1, handle_status = false)]
		fn document(id: DocumentId) -> Option<DocumentSummary>;
	}

	/// The extension never signals an error through its status code.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum NoErrors {
		/// A status code other than 0 (never sent).
		Unexpected,
	}

	impl ink::env::chain_extension::FromStatusCode for NoErrors {
		fn from_status_code(code: u32) -> Result<(), Self> {
			if code == 0 {
				Ok(())
			} else {
				Err(Self::Unexpected)
			}
		}
	}

	/// Tamga's contract environment.
	#[derive(Clone, Debug, PartialEq, Eq)]
	#[ink::scale_derive(TypeInfo)]
	pub enum TamgaEnvironment {}

	impl ink::env::Environment for TamgaEnvironment {
		const MAX_EVENT_TOPICS: usize =
			<ink::env::DefaultEnvironment as ink::env::Environment>::MAX_EVENT_TOPICS;
		type AccountId = <ink::env::DefaultEnvironment as ink::env::Environment>::AccountId;
		type Balance = <ink::env::DefaultEnvironment as ink::env::Environment>::Balance;
		type Hash = <ink::env::DefaultEnvironment as ink::env::Environment>::Hash;
		type Timestamp = <ink::env::DefaultEnvironment as ink::env::Environment>::Timestamp;
		type BlockNumber = <ink::env::DefaultEnvironment as ink::env::Environment>::BlockNumber;
		type ChainExtension = RegistryExtension;
	}
}

/// The answer of an ink! message, from the bytes its call returned: ink! wraps every
/// message's answer in `Result<_, LangError>`, so the bytes are `0x00` and the answer
/// when the contract could read its input. `None` when it could not (`0x01`, a
/// `LangError`) or the bytes are no message's answer.
pub fn message_answer(returned: &[u8]) -> Option<&[u8]> {
	match returned.split_first() {
		Some((0, answer)) => Some(answer),
		_ => None,
	}
}

/// The largest six-digit HS subheading (contracts reject anything above).
pub const MAX_HS_CODE: HsCode = 999_999;

/// The first refusal `hs_codes` deserve as goods: none given, or one that is not a
/// six-digit subheading. Every contract checks this before its own rules.
pub fn goods_refusal(hs_codes: &[HsCode]) -> Option<ReasonCode> {
	if hs_codes.is_empty() {
		Some(reasons::NO_GOODS)
	} else if hs_codes.iter().any(|hs| *hs > MAX_HS_CODE) {
		Some(reasons::INVALID_HS_CODE)
	} else {
		None
	}
}

/// The HS heading (first four digits) of subheading `hs`.
pub fn heading(hs: HsCode) -> u32 {
	hs / 100
}

/// The HS chapter (first two digits) of subheading `hs`.
pub fn chapter(hs: HsCode) -> u8 {
	(hs / 10_000) as u8
}

/// Whether subheading `hs` starts with the `digits` leading digits `prefix`: chapter 02
/// is prefix 2 with 2 digits, heading 0201 is prefix 201 with 4 digits.
pub fn has_prefix(hs: HsCode, prefix: u32, digits: u8) -> bool {
	match digits {
		1..=6 => hs / 10u32.pow(6 - u32::from(digits)) == prefix,
		_ => false,
	}
}

/// The reason codes, with their meaning. 1xx: origin; 2xx: import conditions; 9xx: the
/// call itself. Codes below [`reasons::FIRST_OWN_CODE`] are Tamga's, with the fixed
/// meanings listed here; an administration's own contract may answer codes from
/// [`reasons::FIRST_OWN_CODE`] on, whose meaning that administration publishes.
pub mod reasons {
	use super::ReasonCode;

	/// The first code an administration's own contract may give its own meaning.
	pub const FIRST_OWN_CODE: ReasonCode = 1000;

	/// The rules of origin need the production facts (materials, ex-works price).
	pub const PRODUCTION_FACTS_MISSING: ReasonCode = 101;
	/// Claimed wholly obtained, yet non-originating materials were used.
	pub const WHOLLY_OBTAINED_WITH_NON_ORIGINATING: ReasonCode = 102;
	/// A non-originating material has the same 4-digit heading as the goods: no change
	/// of tariff heading.
	pub const TARIFF_HEADING_NOT_CHANGED: ReasonCode = 103;
	/// Non-originating materials exceed the maximum share of the ex-works price.
	pub const NON_ORIGINATING_SHARE_EXCEEDED: ReasonCode = 104;
	/// Non-originating materials are within the warning margin below the maximum share
	/// (a warning).
	pub const NON_ORIGINATING_SHARE_NEAR_LIMIT: ReasonCode = 105;
	/// The ex-works price is zero, so no share can be computed.
	pub const NO_EX_WORKS_PRICE: ReasonCode = 106;
	/// No HS code was given.
	pub const NO_GOODS: ReasonCode = 107;
	/// An HS code is not a six-digit subheading.
	pub const INVALID_HS_CODE: ReasonCode = 108;
	/// A material's origin evidence is not a certificate of origin in force, from an
	/// issuer in good standing of the material's country.
	pub const ORIGIN_EVIDENCE_INVALID: ReasonCode = 109;
	/// A material from a cumulation country has no origin evidence, and the rule asks
	/// for it.
	pub const ORIGIN_EVIDENCE_MISSING: ReasonCode = 110;

	/// The goods' HS chapter needs a veterinary certificate in the importing country, and
	/// this document is another kind (a warning: it stands, and a veterinary certificate is
	/// needed besides).
	pub const VETERINARY_CERTIFICATE_REQUIRED: ReasonCode = 201;
	/// Imports of these goods from the exporting country are banned on this day (an
	/// outbreak response).
	pub const BANNED_ORIGIN: ReasonCode = 202;
	/// A ban on these goods from the exporting country starts within 30 days (a warning).
	pub const BAN_ANNOUNCED: ReasonCode = 203;
	/// A veterinary certificate for goods whose chapters need none (a warning).
	pub const NO_VETERINARY_CHAPTER: ReasonCode = 204;

	/// The input could not be decoded.
	pub const UNDECODABLE_INPUT: ReasonCode = 901;

	/// Every code and its meaning, for people and for the node's RPC.
	pub const ALL: &[(ReasonCode, &str)] = &[
		(PRODUCTION_FACTS_MISSING, "the rules of origin need the production facts"),
		(
			WHOLLY_OBTAINED_WITH_NON_ORIGINATING,
			"claimed wholly obtained, yet non-originating materials were used",
		),
		(TARIFF_HEADING_NOT_CHANGED, "a non-originating material has the goods' 4-digit heading"),
		(NON_ORIGINATING_SHARE_EXCEEDED, "non-originating materials exceed the maximum share"),
		(
			NON_ORIGINATING_SHARE_NEAR_LIMIT,
			"non-originating materials are close to the maximum share",
		),
		(NO_EX_WORKS_PRICE, "no ex-works price to compute the share against"),
		(NO_GOODS, "no HS code was given"),
		(INVALID_HS_CODE, "an HS code is not a six-digit subheading"),
		(
			ORIGIN_EVIDENCE_INVALID,
			"a material's origin evidence is not a certificate of origin in force from its country",
		),
		(
			ORIGIN_EVIDENCE_MISSING,
			"a material claimed for cumulation has no certificate of origin anchored on Tamga",
		),
		(
			VETERINARY_CERTIFICATE_REQUIRED,
			"the goods also need a veterinary certificate in the importing country",
		),
		(BANNED_ORIGIN, "imports of these goods from the exporting country are banned"),
		(BAN_ANNOUNCED, "a ban on these goods from the exporting country starts soon"),
		(NO_VETERINARY_CHAPTER, "the goods need no veterinary certificate"),
		(UNDECODABLE_INPUT, "the contract could not decode the document's facts"),
	];

	/// The meaning of `code`, if it is one of Tamga's (an administration's own codes, from
	/// [`FIRST_OWN_CODE`] on, have none here).
	pub fn meaning(code: ReasonCode) -> Option<&'static str> {
		ALL.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn headings_chapters_and_prefixes() {
		assert_eq!(heading(100199), 1001);
		assert_eq!(chapter(20130), 2);
		assert!(has_prefix(20130, 2, 2));
		assert!(has_prefix(20130, 201, 4));
		assert!(!has_prefix(20230, 201, 4));
		assert!(has_prefix(20130, 20130, 6));
		assert!(!has_prefix(20130, 2, 0) && !has_prefix(20130, 2, 7));
	}

	#[test]
	fn every_reason_code_is_unique_and_explained() {
		for (i, (code, meaning)) in reasons::ALL.iter().enumerate() {
			assert!(!meaning.is_empty());
			assert!(reasons::ALL[i + 1..].iter().all(|(other, _)| other != code), "{code}");
			assert_eq!(reasons::meaning(*code), Some(*meaning));
		}
		assert_eq!(reasons::meaning(999), None);
		assert!(reasons::ALL.iter().all(|(code, _)| *code < reasons::FIRST_OWN_CODE));
	}

	#[test]
	fn goods_must_be_six_digit_subheadings() {
		assert_eq!(goods_refusal(&[]), Some(reasons::NO_GOODS));
		assert_eq!(goods_refusal(&[20130, 999_999]), None);
		assert_eq!(goods_refusal(&[20130, 201_300_000]), Some(reasons::INVALID_HS_CODE));
	}

	#[test]
	fn verdicts_round_trip() {
		for verdict in [Verdict::Accept, Verdict::Warn(105), Verdict::Reject(202)] {
			assert_eq!(Verdict::decode(&mut &verdict.encode()[..]).unwrap(), verdict);
		}
	}

	#[test]
	fn message_answers_lose_their_lang_error_wrapper() {
		let answer = Ok::<Verdict, u8>(Verdict::Warn(105)).encode();
		assert_eq!(message_answer(&answer), Some(&Verdict::Warn(105).encode()[..]));
		// ink!'s `LangError::CouldNotReadInput`, and no bytes at all.
		assert_eq!(message_answer(&[1, 1]), None);
		assert_eq!(message_answer(&[]), None);
	}
}
