//! What a decoded block becomes in the index: a row per block, per extrinsic and per
//! event, each event with the typed columns auditors filter on (the document or carnet it
//! concerns, the issuer, the acting account and its office, the countries, the document
//! type, the AEO operator), plus what the index remembers about documents, carnets, AEO
//! changes and accredited parties so later events can be placed (a use names the officer;
//! the countries come from the document's facts, given when it was anchored).

use std::collections::HashMap;

use serde_json::Value;
use tamga_primitives::calendar::civil_date;

use crate::block::DecodedBlock;

/// A block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockRow {
	/// Its number.
	pub number: u32,
	/// Its hash.
	pub hash: String,
	/// Its time, ms since 1970-01-01 UTC.
	pub time_ms: Option<i64>,
	/// Its runtime's `specVersion`.
	pub spec_version: u32,
}

/// An extrinsic and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
	/// Its block.
	pub block: u32,
	/// Its index in the block.
	pub extrinsic: u32,
	/// Who signed it (SS58), if signed.
	pub signer: Option<String>,
	/// The pallet called.
	pub pallet: String,
	/// The call.
	pub call: String,
	/// Its arguments, JSON.
	pub args: String,
	/// Whether it succeeded.
	pub success: bool,
	/// The error it failed with.
	pub error: Option<String>,
}

/// An event with its typed columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventRow {
	/// Its block.
	pub block: u32,
	/// Its position among all the block's events.
	pub position: u32,
	/// The extrinsic that emitted it.
	pub extrinsic: Option<u32>,
	/// Its block's time, ms since 1970-01-01 UTC.
	pub time_ms: Option<i64>,
	/// Its block's month, `YYYY-MM` (UTC).
	pub month: Option<String>,
	/// Who signed the extrinsic that emitted it.
	pub signer: Option<String>,
	/// The pallet, e.g. `Certificates`.
	pub pallet: String,
	/// The event, e.g. `Used`.
	pub event: String,
	/// All its fields, JSON.
	pub fields: String,
	/// What it concerns: a document id, a batch root, a carnet number, an AEO change, an
	/// MRA or a proposal.
	pub subject: Option<String>,
	/// The issuer of the document it concerns.
	pub issuer: Option<String>,
	/// The account named in it (issuer, applicant, officer, association, accredited
	/// party), else the one that signed it.
	pub account: Option<String>,
	/// That account's customs office, for an officer.
	pub office: Option<String>,
	/// The country it belongs to: a document's exporting country, a voucher's country, the
	/// AEO operator's administration, the administration concerned.
	pub country: Option<String>,
	/// The other country: a document's importing country, the partner of an MRA or of an
	/// acknowledgement.
	pub partner: Option<String>,
	/// The document type (its registry id).
	pub kind: Option<String>,
	/// The AEO operator (`CC:0x…`).
	pub operator: Option<String>,
}

/// What the index knows about something events concern (a document, a carnet, an AEO
/// change): the facts later events do not repeat.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subject {
	/// Its pallet.
	pub pallet: String,
	/// Its id (a document id, a carnet number, a change id).
	pub id: String,
	/// Its issuer (document) or association (carnet).
	pub issuer: Option<String>,
	/// Its country (a document's exporting country).
	pub country: Option<String>,
	/// Its other country (a document's importing country).
	pub partner: Option<String>,
	/// Its document type.
	pub kind: Option<String>,
	/// Its number (a certificate number).
	pub number: Option<String>,
	/// The AEO operator a change concerns.
	pub operator: Option<String>,
	/// Who applied for it (a document issued on application).
	pub applicant: Option<String>,
	/// When it was applied for.
	pub applied_ms: Option<i64>,
	/// When it was anchored (issued), or the change made.
	pub recorded_ms: Option<i64>,
}

/// An accredited party or member account.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Party {
	/// Its account.
	pub account: String,
	/// The administration it belongs to.
	pub country: Option<String>,
	/// Its role (`Member`, `Issuer`, `Officer`, …).
	pub role: Option<String>,
	/// Its name.
	pub name: Option<String>,
	/// Its customs office code (officers).
	pub office: Option<String>,
}

/// A block's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockRows {
	/// The block.
	pub block: BlockRow,
	/// Its extrinsics.
	pub calls: Vec<CallRow>,
	/// Its events.
	pub events: Vec<EventRow>,
	/// Subjects it created or changed (the latest state of each).
	pub subjects: Vec<Subject>,
	/// Parties it created or changed.
	pub parties: Vec<Party>,
}

/// Where subjects and parties indexed earlier are looked up.
pub trait Recall {
	/// The subject `id` of `pallet`, if indexed.
	fn subject(&mut self, pallet: &str, id: &str) -> Result<Option<Subject>, String>;
	/// The party `account`, if indexed.
	fn party(&mut self, account: &str) -> Result<Option<Party>, String>;
}

/// The most subjects kept in memory between lookups; beyond it the memory starts over.
const MAX_REMEMBERED: usize = 200_000;

/// Subjects and parties of the blocks being indexed, in front of the store's.
#[derive(Default)]
pub struct Memory {
	subjects: HashMap<(String, String), Subject>,
	parties: HashMap<String, Party>,
}

impl Memory {
	fn subject(
		&mut self,
		recall: &mut dyn Recall,
		pallet: &str,
		id: &str,
	) -> Result<Subject, String> {
		let key = (pallet.to_string(), id.to_string());
		if let Some(known) = self.subjects.get(&key) {
			return Ok(known.clone());
		}
		let found = recall.subject(pallet, id)?.unwrap_or_else(|| Subject {
			pallet: pallet.to_string(),
			id: id.to_string(),
			..Default::default()
		});
		if self.subjects.len() >= MAX_REMEMBERED {
			self.subjects.clear();
		}
		self.subjects.insert(key, found.clone());
		Ok(found)
	}

	fn party(&mut self, recall: &mut dyn Recall, account: &str) -> Result<Party, String> {
		if let Some(known) = self.parties.get(account) {
			return Ok(known.clone());
		}
		let found = recall
			.party(account)?
			.unwrap_or_else(|| Party { account: account.to_string(), ..Default::default() });
		self.parties.insert(account.to_string(), found.clone());
		Ok(found)
	}

	/// The rows of `block`, looking up what earlier blocks said in `recall`.
	pub fn rows(
		&mut self,
		block: &DecodedBlock,
		recall: &mut dyn Recall,
	) -> Result<BlockRows, String> {
		let month = block.time_ms.map(month_of);
		let calls: Vec<CallRow> = block
			.calls
			.iter()
			.map(|c| CallRow {
				block: block.number,
				extrinsic: c.call.index,
				signer: c.call.signer.clone(),
				pallet: c.call.pallet.clone(),
				call: c.call.call.clone(),
				args: c.call.args.to_string(),
				success: c.success,
				error: c.error.clone(),
			})
			.collect();
		let mut changed_subjects: Vec<Subject> = Vec::new();
		let mut changed_parties: Vec<Party> = Vec::new();
		let mut events = Vec::with_capacity(block.events.len());
		for (position, event) in &block.events {
			let call = event.extrinsic.and_then(|i| block.calls.get(i as usize));
			let args = call.map(|c| &c.call.args).unwrap_or(&Value::Null);
			let f = &event.fields;
			let mut row = EventRow {
				block: block.number,
				position: *position,
				extrinsic: event.extrinsic,
				time_ms: block.time_ms,
				month: month.clone(),
				signer: call.and_then(|c| c.call.signer.clone()),
				pallet: event.pallet.clone(),
				event: event.event.clone(),
				fields: f.to_string(),
				..Default::default()
			};
			let mut changed: Option<Subject> = None;
			match event.pallet.as_str() {
				"Certificates" => {
					row.subject = text(&f["id"]).or_else(|| text(&f["root"]));
					row.kind = text(&f["kind"]);
					row.account =
						["issuer", "officer", "applicant"].iter().find_map(|k| text(&f[*k]));
					if let Some(id) = row.subject.clone() {
						let mut subject = self.subject(recall, "Certificates", &id)?;
						let facts = &args["facts"];
						let facts_apply = !facts.is_null()
							&& matches!(event.event.as_str(), "Registered" | "Applied");
						if facts_apply {
							subject.kind = text(&facts["kind"]).or(subject.kind);
							subject.number = text(&facts["number"]).or(subject.number);
							subject.country = text(&facts["exporting"]).or(subject.country);
							subject.partner = text(&facts["importing"]).or(subject.partner);
						}
						match event.event.as_str() {
							"Registered" => {
								subject.issuer = text(&f["issuer"]);
								subject.kind = row.kind.clone().or(subject.kind);
								subject.recorded_ms = block.time_ms;
							},
							"BatchRegistered" => {
								subject.issuer = text(&f["issuer"]);
								subject.recorded_ms = block.time_ms;
								if let Some(issuer) = &subject.issuer {
									subject.country = self.party(recall, issuer)?.country;
								}
							},
							"Applied" => {
								subject.applicant = text(&f["applicant"]);
								subject.kind = row.kind.clone().or(subject.kind);
								subject.applied_ms = block.time_ms;
							},
							_ => {},
						}
						row.issuer = subject.issuer.clone();
						row.country = subject.country.clone();
						row.partner = subject.partner.clone();
						row.kind = row.kind.clone().or(subject.kind.clone());
						if matches!(
							event.event.as_str(),
							"Registered" | "BatchRegistered" | "Applied"
						) {
							changed = Some(subject);
						}
					}
					if event.event == "RulesSet" {
						row.country = text(&f["administration"]);
					}
				},
				"Carnets" => {
					let number = text(&f["number"]);
					row.subject = number.clone();
					row.account = text(&f["officer"]).or_else(|| text(&f["association"]));
					if let Some(number) = number {
						let mut subject = self.subject(recall, "Carnets", &number)?;
						if event.event == "Issued" {
							subject.issuer = text(&f["association"]);
							subject.recorded_ms = block.time_ms;
							if let Some(association) = &subject.issuer {
								subject.country = self.party(recall, association)?.country;
							}
							changed = Some(subject.clone());
						}
						row.issuer = subject.issuer.clone();
						row.country = text(&f["country"]).or(subject.country.clone());
						row.partner = subject.country.filter(|c| Some(c) != row.country.as_ref());
					}
				},
				"Aeo" => {
					row.operator = operator_text(&f["operator"]);
					row.subject = text(&f["change"]).or_else(|| text(&f["id"]));
					row.account = row.signer.clone();
					match event.event.as_str() {
						"StatusChanged" => {
							row.country = text(&f["operator"]["country"]);
							if let Some(change) = &row.subject {
								let mut subject = self.subject(recall, "Aeo", change)?;
								subject.operator = row.operator.clone();
								subject.country = row.country.clone();
								subject.recorded_ms = block.time_ms;
								changed = Some(subject);
							}
						},
						"Acknowledged" => {
							row.partner = text(&f["partner"]);
							if let Some(change) = &row.subject {
								let subject = self.subject(recall, "Aeo", change)?;
								row.operator = subject.operator;
								row.country = subject.country;
							}
						},
						_ => {
							row.country = text(&f["proposer"]).or_else(|| text(&f["by"]));
							row.partner = text(&f["partner"]);
						},
					}
				},
				"Exchange" => {
					// Agreements name the acting side and its partner; receipts the receiver
					// and the sender; commitments, receipts and appendices their document.
					row.account = row.signer.clone();
					row.country = ["by", "country", "to"].iter().find_map(|k| text(&f[*k]));
					row.partner = text(&f["partner"]).or_else(|| text(&f["from"]));
					row.subject = text(&f["document"]);
				},
				"Governance" => {
					row.subject = text(&f["id"]).or_else(|| text(&f["peer_id"]));
					row.country = text(&f["country"]).or_else(|| text(&f["proposer"]));
					row.account =
						["account", "validator", "issuer"].iter().find_map(|k| text(&f[*k]));
					if let (Some(account), Some(country)) = (&row.account, &row.country) {
						let role = match event.event.as_str() {
							"MemberAdded" => Some("Member".to_string()),
							"Offered" | "Accredited" => text(&f["role"]),
							_ => None,
						};
						if let Some(role) = role {
							let mut party = self.party(recall, account)?;
							party.country = Some(country.clone());
							party.role = Some(role);
							if call.is_some_and(|c| c.call.call == "accredit") {
								party.name = text(&args["name"]).or(party.name);
								party.office = text(&args["office"]).or(party.office);
							}
							self.parties.insert(account.clone(), party.clone());
							changed_parties.retain(|p| &p.account != account);
							changed_parties.push(party);
						}
					}
				},
				_ => {},
			}
			if row.account.is_none() {
				row.account = row.signer.clone();
			}
			if let Some(account) = &row.account {
				if row.pallet != "Governance" {
					row.office = self.party(recall, account)?.office;
				}
			}
			if let Some(subject) = changed {
				self.subjects.insert((subject.pallet.clone(), subject.id.clone()), subject.clone());
				changed_subjects.retain(|s| !(s.pallet == subject.pallet && s.id == subject.id));
				changed_subjects.push(subject);
			}
			events.push(row);
		}
		Ok(BlockRows {
			block: BlockRow {
				number: block.number,
				hash: block.hash.clone(),
				time_ms: block.time_ms,
				spec_version: block.spec_version,
			},
			calls,
			events,
			subjects: changed_subjects,
			parties: changed_parties,
		})
	}
}

/// A scalar field as text (`None` for null, objects and lists).
fn text(value: &Value) -> Option<String> {
	match value {
		Value::String(s) => Some(s.clone()),
		Value::Number(n) => Some(n.to_string()),
		Value::Bool(b) => Some(b.to_string()),
		_ => None,
	}
}

/// An AEO operator `{country, commitment}` as `CC:0x…`, the form the tool names it by.
fn operator_text(value: &Value) -> Option<String> {
	Some(format!("{}:{}", value["country"].as_str()?, value["commitment"].as_str()?))
}

/// `YYYY-MM` (UTC) of a time in ms since 1970-01-01.
pub fn month_of(time_ms: i64) -> String {
	let (year, month, _) = civil_date(time_ms.div_euclid(86_400_000));
	format!("{year:04}-{month:02}")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn months_are_utc_calendar_ones() {
		assert_eq!(month_of(1_764_547_199_999), "2025-11");
		assert_eq!(month_of(1_764_547_200_000), "2025-12");
	}
}
