//! `tamga_aeoStatus`, `tamga_aeoRecognition` and `tamga_pendingAcknowledgements`: an
//! operator's AEO certification, whether another administration recognises it, and the
//! status changes a partner has not acknowledged.

use serde::{Deserialize, Serialize};

use crate::block::BlockRef;

/// One status change of a certification.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ChangeJson {
	/// Its number (what a partner acknowledges).
	pub change: u64,
	/// The operator, `CC:0x…`.
	pub operator: String,
	/// `certified`, `suspended` or `revoked`.
	pub status: String,
	/// `AEO-S`, `AEO-C` or `AEO-F` (both).
	pub programme: String,
	/// Why, for a suspension or revocation.
	pub reason: Option<String>,
	/// blake2-256 of the free-text explanation.
	pub text_hash: Option<String>,
	/// Who made it (SS58).
	pub actor: String,
	/// The block it was made in (and effective from).
	pub block: u64,
	/// The extrinsic's index in that block.
	pub extrinsic: u32,
	/// The day it was made (ISO 8601 date, UTC).
	pub date: String,
}

/// The answer of `tamga_aeoStatus`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StatusJson {
	/// The operator, `CC:0x…`.
	pub operator: String,
	/// `certified`, `notYetValid`, `expired`, `suspended` or `revoked`, as of the block's day.
	pub state: String,
	/// Whether it is certified and in force on that day.
	pub in_force: bool,
	/// `AEO-S`, `AEO-C` or `AEO-F` (both).
	pub programme: String,
	/// Why it was suspended or revoked.
	pub reason: Option<String>,
	/// blake2-256 of the free-text explanation.
	pub text_hash: Option<String>,
	/// First day of validity (ISO 8601 date, UTC).
	pub valid_from: String,
	/// Last day of validity, inclusive.
	pub valid_until: String,
	/// The block from which its current status is effective.
	pub effective_block: u64,
	/// The day from which its current status is effective.
	pub effective_date: String,
	/// The certifying administration's name.
	pub administration: String,
	/// Its status changes, newest first.
	pub changes: Vec<ChangeJson>,
	/// The block the answer was read from.
	pub at: BlockRef,
}

/// The answer of `tamga_aeoRecognition`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RecognitionJson {
	/// The operator, `CC:0x…`.
	pub operator: String,
	/// The administration asked about.
	pub administration: String,
	/// Whether it recognises the operator.
	pub recognised: bool,
	/// `ownAdministration`, `underAgreement`, `unknownOperator`, `notCertified`,
	/// `noAgreement`, `agreementNotInForce` or `outOfScope`.
	pub reason: String,
	/// The answer in one sentence, for people.
	pub verdict: String,
	/// The operator's certification state, if it has one.
	pub state: Option<String>,
	/// What is recognised: the operator's programme within the agreement's scope.
	pub programme: Option<String>,
	/// The agreement between the two, if any: its number.
	pub agreement: Option<u32>,
	/// Its status: `proposed`, `inForce`, `suspended` or `terminated`.
	pub agreement_status: Option<String>,
	/// The day the answer is for (ISO 8601 date, UTC).
	pub date: String,
	/// The block the answer was read from.
	pub at: BlockRef,
}

/// The answer of `tamga_pendingAcknowledgements`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PendingJson {
	/// The administration.
	pub administration: String,
	/// How many changes it has not acknowledged in all.
	pub total: u32,
	/// The page's number, from 0.
	pub page: u32,
	/// How many changes a page holds.
	pub limit: u32,
	/// The page's changes it has not acknowledged, oldest first (empty past the last page).
	pub pending: Vec<ChangeJson>,
	/// The block the answer was read from.
	pub at: BlockRef,
}
