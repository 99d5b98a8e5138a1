//! `tamga_exchangeAgreements`, `tamga_exchangeKey`, `tamga_exchangeCommitment`,
//! `tamga_exchangeReceipts` and `tamga_exchangeAppendices`: what an administration gives
//! and receives under its data-sharing agreements, the key partners encrypt to, a
//! document's field commitment, the receipts an administration recorded and the records
//! appended to a document. Served to consortium nodes only (not by
//! the verifier profile).

use serde::{Deserialize, Serialize};
use tamga_primitives::{
	Access, AppendixKind, CountryCode, DocumentKind, FieldGroup, Grant, Grants, ReceiptStatusName,
	Refusal,
};

pub use tamga_exchange::store::{InboxState, OutboxState};

use crate::block::BlockRef;

/// One grant: a kind of document, a field group and the mode granted.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct GrantJson {
	/// The kind of document.
	pub kind: DocumentKind,
	/// The field group.
	pub group: FieldGroup,
	/// The mode granted (never `none`: groups not granted are not listed).
	pub access: Access,
}

impl From<Grant> for GrantJson {
	fn from(grant: Grant) -> Self {
		Self { kind: grant.kind, group: grant.group, access: grant.access }
	}
}

impl From<GrantJson> for Grant {
	fn from(grant: GrantJson) -> Self {
		Self { kind: grant.kind, group: grant.group, access: grant.access }
	}
}

/// Every grant of `grants` above `none`, kind by kind, group by group.
pub fn grants_json(grants: &Grants) -> Vec<GrantJson> {
	grants.entries().map(GrantJson::from).collect()
}

/// The table `grants` lists.
pub fn grants_table(grants: &[GrantJson]) -> Grants {
	Grants::of(&grants.iter().map(|g| Grant::from(*g)).collect::<Vec<_>>())
}

/// Terms proposed and not yet accepted, from the asking administration's side.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProposalJson {
	/// The side that proposed them (the other accepts or declines).
	pub by: CountryCode,
	/// What the asking administration would grant its partner.
	pub gives: Vec<GrantJson>,
	/// What it would receive.
	pub receives: Vec<GrantJson>,
	/// The block in which they were proposed.
	pub block: u64,
}

/// An agreement as one of its administrations sees it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AgreementJson {
	/// The other administration.
	pub partner: CountryCode,
	/// `proposed`, `active`, `suspended` or `terminated`.
	pub state: String,
	/// The side that suspended or terminated it.
	pub by: Option<CountryCode>,
	/// What the asking administration grants under the signed terms.
	pub gives: Vec<GrantJson>,
	/// What it receives under them.
	pub receives: Vec<GrantJson>,
	/// Whether both grant each other the same.
	pub symmetric: bool,
	/// Terms proposed and not yet accepted.
	pub proposal: Option<ProposalJson>,
	/// The block in which it was first accepted.
	pub since: Option<u64>,
	/// The block of its last change.
	pub changed: u64,
}

/// The answer of `tamga_exchangeAgreements`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AgreementsJson {
	/// The administration asked about.
	pub country: CountryCode,
	/// Its agreements not terminated, in the order they were proposed (with `partner`
	/// given: that one agreement, a terminated one too, or none).
	pub agreements: Vec<AgreementJson>,
	/// The block read.
	pub at: BlockRef,
}

/// The answer of `tamga_exchangeKey`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeKeyJson {
	/// The administration asked about.
	pub country: CountryCode,
	/// Its X25519 public key (`0x` and 64 hex digits), if it set one.
	pub key: Option<String>,
	/// The block read.
	pub at: BlockRef,
}

/// The answer of `tamga_exchangeCommitment`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentJson {
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// The root over its field groups' salted hashes, if its author committed.
	pub root: Option<String>,
	/// The block in which its author committed.
	pub committed_at: Option<u64>,
	/// Whether the commitment reads as void (made after its author's key cut-off, or by a
	/// party whose anchoring is void): it proves nothing.
	pub void: bool,
	/// The block read.
	pub at: BlockRef,
}

/// One receipt: what the receiving administration recorded of a delivery.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptJson {
	/// The sending administration.
	pub from: CountryCode,
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// The delivery: blake2-256 of what arrived.
	pub payload: String,
	/// What came of it.
	pub status: ReceiptStatusName,
	/// Why, for a rejection.
	pub reason: Option<Refusal>,
	/// The groups the delivery carried.
	pub groups: Vec<FieldGroup>,
	/// The block of the last change.
	pub block: u64,
}

/// The answer of `tamga_exchangeReceipts`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptsJson {
	/// The receiving administration asked about.
	pub administration: CountryCode,
	/// How many receipts match in all.
	pub total: u32,
	/// The page (from 0).
	pub page: u32,
	/// Receipts a page.
	pub limit: u32,
	/// The page's receipts, oldest change first.
	pub receipts: Vec<ReceiptJson>,
	/// The block read.
	pub at: BlockRef,
}

/// One record appended to a document.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AppendixJson {
	/// Its number on the document (from 0).
	pub index: u32,
	/// The administration that appended it.
	pub by: CountryCode,
	/// What it records.
	pub kind: AppendixKind,
	/// blake2-256 of the record.
	pub hash: String,
	/// The block it was appended in.
	pub block: u64,
}

/// The answer of `tamga_exchangeAppendices`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AppendicesJson {
	/// The document.
	pub document: String,
	/// Its appended records, by number.
	pub appendices: Vec<AppendixJson>,
	/// The block read.
	pub at: BlockRef,
}

/// One field group of a [`DisclosureFile`]: revealed (its salt and content) or hidden
/// (its leaf alone). Bytes are `0x` and hex digits.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum DisclosedGroupJson {
	/// A group whose content is disclosed.
	#[serde(rename_all = "camelCase")]
	Revealed {
		/// The group.
		group: FieldGroup,
		/// Its salt (32 bytes).
		salt: String,
		/// Its canonical bytes.
		content: String,
	},
	/// A group that is not disclosed: its leaf only.
	#[serde(rename_all = "camelCase")]
	Hidden {
		/// The group.
		group: FieldGroup,
		/// Its leaf (32 bytes).
		leaf: String,
	},
}

/// A document's field groups as its author keeps them (every group revealed: what
/// `tamga exchange commit` writes) or as a partner receives them (the granted groups
/// revealed, the others hidden: what `tamga exchange disclose` writes). `tamga exchange
/// check` proves the revealed groups against the document's commitment on chain.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DisclosureFile {
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// Every field group, each once.
	pub groups: Vec<DisclosedGroupJson>,
}

/// A disclosure sealed to the receiving administration's exchange key, as `tamga
/// exchange seal` writes it: the document and the two administrations in clear (they are
/// bound into the encryption), the envelope as hex.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SealedFile {
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// The sending administration.
	pub from: CountryCode,
	/// The receiving administration.
	pub to: CountryCode,
	/// The SCALE-encoded envelope (`tamga_exchange::Sealed`), `0x` and hex digits.
	pub envelope: String,
}

/// What `tamga_exchangeSend` answers: the delivery as queued in the sending node's outbox.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SentJson {
	/// The outbox row.
	pub id: i64,
	/// The receiving administration.
	pub to: CountryCode,
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// The delivery's payload (blake2-256 of the sealed envelope): the key of its receipt.
	pub payload: String,
	/// The groups it reveals.
	pub groups: Vec<FieldGroup>,
}

/// What `tamga_exchangeOpen` answers: a delivery's field groups, or a record returned.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum OpenedJson {
	/// Field groups of a document, as a disclosure file holds them.
	#[serde(rename_all = "camelCase")]
	Disclosure {
		/// The groups (those not delivered as leaves).
		disclosure: DisclosureFile,
	},
	/// A record the sender appended to one of the receiver's documents.
	#[serde(rename_all = "camelCase")]
	Record {
		/// The document (`0x` and 64 hex digits).
		document: String,
		/// The record's number among the document's appended records.
		appendix: u32,
		/// The record's bytes, `0x` and hex digits.
		content: String,
	},
}

/// One delivery in the sending node's outbox (`tamga_exchangeOutbox`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct OutboxItemJson {
	/// The outbox row.
	pub id: i64,
	/// The receiving administration.
	pub to: CountryCode,
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// The delivery's payload.
	pub payload: String,
	/// The groups it reveals (none for a returned record).
	pub groups: Vec<FieldGroup>,
	/// For a record returned to the document's administration: its number.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub appendix: Option<u32>,
	/// Where it stands.
	pub state: OutboxState,
	/// How many attempts failed.
	pub attempts: u32,
	/// When the next attempt is due (milliseconds since 1970), while queued.
	pub next_attempt_at: u64,
	/// The receiving node last tried (PeerId).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub last_peer: Option<String>,
	/// Why the last attempt failed.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub last_error: Option<String>,
	/// When it was queued (milliseconds since 1970).
	pub created_at: u64,
	/// What the receiver recorded, once final.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub receipt: Option<ReceiptStatusName>,
	/// The block of that receipt.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub receipt_block: Option<u32>,
}

/// One delivery in the receiving node's inbox (`tamga_exchangeInbox`). Its contents stay
/// sealed on the node.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct InboxItemJson {
	/// The sending administration.
	pub from: CountryCode,
	/// The document (`0x` and 64 hex digits).
	pub document: String,
	/// The delivery's payload.
	pub payload: String,
	/// The sending node (PeerId).
	pub peer: String,
	/// The groups it claims to reveal (none for a returned record).
	pub groups: Vec<FieldGroup>,
	/// For a record returned by the administration that appended it: its number.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub appendix: Option<u32>,
	/// Where it stands.
	pub state: InboxState,
	/// Why it was refused, if it was.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub refusal: Option<Refusal>,
	/// When it arrived (milliseconds since 1970).
	pub received_at: u64,
	/// The block of its final receipt.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub receipt_block: Option<u32>,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn grants_travel_as_names_and_come_back_as_the_same_table() {
		let table = Grants::NONE
			.with(DocumentKind::Veterinary, FieldGroup::Goods, Access::Read)
			.with(DocumentKind::Origin, FieldGroup::ValuesAndProduction, Access::ReadAppend);
		let json = serde_json::to_string(&grants_json(&table)).unwrap();
		assert!(
			json.contains(r#"{"kind":"veterinary","group":"goods","access":"read"}"#),
			"{json}"
		);
		assert!(json.contains(r#""group":"valuesAndProduction","access":"readAppend""#), "{json}");
		let back: Vec<GrantJson> = serde_json::from_str(&json).unwrap();
		assert_eq!(grants_table(&back), table);
		assert!(serde_json::from_str::<GrantJson>(
			r#"{"kind":"veterinary","group":"cargo","access":"read"}"#
		)
		.is_err());
	}
}
