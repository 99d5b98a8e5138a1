//! `tamga_carnet` and `tamga_carnetMovements`: where an ATA carnet stands and everything
//! recorded on it.

use serde::{Deserialize, Serialize};

use crate::block::BlockRef;

/// The guaranteeing association that issued a carnet.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AssociationJson {
	/// Its account (SS58).
	pub account: String,
	/// The name it was accredited under.
	pub name: String,
	/// Whether its accreditation is neither suspended nor revoked.
	pub in_good_standing: bool,
}

/// What a country of use holds.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BalanceJson {
	/// The country.
	pub country: String,
	/// Items imported there and not re-exported.
	pub imported: u32,
	/// Items in transit there.
	pub in_transit: u32,
}

/// A claim on a carnet.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimJson {
	/// The claiming country.
	pub country: String,
	/// Items left open there when it was raised.
	pub items: u32,
	/// `raised`, `settled` or `discharged`.
	pub status: String,
	/// For a discharged claim: blake2-256 of the evidence of re-exportation.
	pub evidence: Option<String>,
	/// The member account that raised it (SS58).
	pub raised_by: String,
	/// The block in which it was raised.
	pub raised_at: u64,
	/// The block in which it was settled or discharged.
	pub closed_at: Option<u64>,
}

/// The answer of `tamga_carnet`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CarnetJson {
	/// The carnet number.
	pub number: String,
	/// `open`, `notYetValid`, `expired`, `closed` or `void`.
	pub state: String,
	/// The state in one sentence, for people (for `void`: why).
	pub verdict: String,
	/// For `void`: the block in which the association's administration left the
	/// consortium, or the consortium's vote voiding its carnets passed.
	pub void_at: Option<u64>,
	/// Who issued it.
	pub association: AssociationJson,
	/// The issuing country.
	pub issuing_country: String,
	/// blake2-256 of a salt and the holder's identifier.
	pub holder_commitment: String,
	/// Items on the general list.
	pub items: u32,
	/// blake2-256 of the general list.
	pub list_hash: String,
	/// First day of validity (ISO 8601 date, UTC).
	pub valid_from: String,
	/// Last day of validity, inclusive.
	pub valid_until: String,
	/// Items in the issuing country.
	pub at_home: u32,
	/// Items exported or re-exported, not arrived anywhere yet.
	pub in_motion: u32,
	/// What each country of use holds.
	pub countries: Vec<BalanceJson>,
	/// Claims, by claiming country.
	pub claims: Vec<ClaimJson>,
	/// The block in which it was issued.
	pub issued_at: u64,
	/// The block in which it was closed.
	pub closed_at: Option<u64>,
	/// The block the answer was read from.
	pub at: BlockRef,
}

/// What happened in one entry of a carnet's history.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum CarnetActionJson {
	/// Issued by its association.
	Issued,
	/// A voucher recorded by `country`'s customs.
	Voucher {
		/// `exportation`, `importation`, `reExportation`, `reImportation`, `transitStart`
		/// or `transitEnd`.
		voucher: String,
		/// The country whose customs recorded it.
		country: String,
		/// Items moved.
		items: u32,
	},
	/// Closed.
	Closed,
	/// `country` raised a claim for `items`.
	ClaimRaised {
		/// The claiming country.
		country: String,
		/// Items left open there.
		items: u32,
	},
	/// `country`'s claim was settled.
	ClaimSettled {
		/// The claiming country.
		country: String,
	},
	/// `country`'s claim was discharged with evidence.
	ClaimDischarged {
		/// The claiming country.
		country: String,
		/// blake2-256 of the evidence.
		evidence: String,
	},
}

/// One entry of a carnet's history.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MovementJson {
	/// The block it happened in.
	pub block: u64,
	/// That block's hash on the chain this node follows.
	pub block_hash: Option<String>,
	/// The extrinsic's index in the block.
	pub extrinsic: u32,
	/// Who acted (SS58).
	pub actor: String,
	/// What happened.
	pub action: CarnetActionJson,
}

/// The answer of `tamga_carnetMovements`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MovementsJson {
	/// The carnet number.
	pub number: String,
	/// How many actions are recorded on it in all.
	pub total: u32,
	/// The page's number, from 0.
	pub page: u32,
	/// How many entries a page holds.
	pub limit: u32,
	/// The page's recorded actions, oldest first (empty past the last page).
	pub entries: Vec<MovementJson>,
	/// The block the answer was read from.
	pub at: BlockRef,
}
