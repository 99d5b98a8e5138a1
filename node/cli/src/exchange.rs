//! `tamga exchange`: the information space between administrations, through a node's
//! JSON-RPC — data-sharing agreements (what your administration gives each partner and
//! receives from it, per kind of document and field group), your administration's
//! exchange key, the field commitments that let a partner prove the groups of a document
//! it received without seeing the others, receipts of deliveries, and the records a
//! partner appends to a document it received.
//!
//! Grants are written `kind:group=mode` (e.g. `veterinary:goods=read`), or `kind:*=mode`
//! for every group of a kind; modes are `none`, `read`, `readAppend`, `full`.
//!
//! What travels between administrations is sealed to the receiver's exchange key
//! (`keygen`, `set-key --secret-file`, `seal`, `open`: `tamga-exchange`).
//!
//! Exit codes: 0 done (for `check`: every revealed group matches the chain), 1 `check`:
//! they do not, or the document has no commitment; 2 error (also: an envelope that does
//! not open).

use std::path::{Path, PathBuf};

use codec::Encode;
use pallet_tamga_exchange::{Call as ExchangeCall, Pair, Terms};
use serde_json::json;
use sp_core::H256;
use tamga_exchange::disclosure::Disclosure;
use tamga_exchange::{ExchangeSecret, SealContext};
use tamga_primitives::{
	exchange::{fields_root, group_leaf, root_from_disclosure, DisclosedGroup, Hash32},
	AppendixKind, CountryCode, FieldGroup, FieldGroups, Grant, Grants, Named, ReceiptStatus,
	Refusal, FIELD_GROUPS,
};
use tamga_rpc_types::exchange::{
	grants_table, AgreementJson, AgreementsJson, AppendicesJson, CommitmentJson,
	DisclosedGroupJson, DisclosureFile, ExchangeKeyJson, GrantJson, InboxItemJson, InboxState,
	OpenedJson, OutboxItemJson, OutboxState, ReceiptsJson, SealedFile, SentJson,
};
use tamga_runtime::{Runtime, RuntimeCall};

use crate::{
	support::{blake2, page_line, print_json, PageArgs, Verdict},
	tx::{from_hex, to_hex, Rpc},
};

/// The information space: agreements, exchange keys, field commitments.
#[derive(Debug, clap::Args)]
#[command(after_help = "Grants: kind:group=mode, e.g. veterinary:goods=read, or \
	              veterinary:*=read for every group. Exit codes: 0 done (check: the revealed \
	              groups match the chain), 1 check: they do not, 2 error.")]
pub struct ExchangeCmd {
	/// The node to talk to and the signing account.
	#[command(flatten)]
	pub connection: crate::tx::Connection,

	/// What to do.
	#[command(subcommand)]
	pub action: Action,
}

/// One `--give` or `--receive`: `kind:group=mode`, or `kind:*=mode`.
#[derive(Debug, Clone)]
pub struct GrantArg(Vec<Grant>);

fn grant_arg(text: &str) -> Result<GrantArg, String> {
	if let Some((kind, mode)) = text.split_once(":*=") {
		let kind = kind.parse().map_err(|e| format!("`{text}` has a kind that {e}"))?;
		let access = mode.parse().map_err(|e| format!("`{text}` has a mode that {e}"))?;
		let all = FieldGroup::ALL.iter().map(|group| Grant { kind, group: *group, access });
		return Ok(GrantArg(all.collect()));
	}
	text.parse::<Grant>().map(|g| GrantArg(vec![g])).map_err(|e| format!("`{text}` {e}"))
}

fn table(args: &[GrantArg]) -> Grants {
	Grants::of(&args.iter().flat_map(|a| a.0.iter().copied()).collect::<Vec<_>>())
}

/// A delivery the node received, as `inbox` lists it.
#[derive(Debug, clap::Args)]
pub struct Received {
	/// The sending administration.
	#[arg(long)]
	from: CountryCode,
	/// The document (0x and 64 hex digits).
	#[arg(long)]
	document: String,
	/// The delivery's payload.
	#[arg(long)]
	payload: String,
}

impl Received {
	/// The JSON-RPC parameters naming it.
	fn params(&self) -> serde_json::Value {
		json!([self.from, self.document, self.payload])
	}
}

/// An exchange action.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
	/// Propose terms to another administration (or new terms for an agreement in force):
	/// what yours gives and, if it differs, what it receives. The partner accepts them.
	Propose {
		/// The partner administration's country.
		#[arg(long)]
		partner: CountryCode,
		/// A grant your administration gives (repeat the flag).
		#[arg(long = "give", value_parser = grant_arg)]
		gives: Vec<GrantArg>,
		/// A grant it receives (repeat); omitted: the same as it gives (symmetric).
		#[arg(long = "receive", value_parser = grant_arg)]
		receives: Vec<GrantArg>,
		/// Propose receiving nothing (a one-way agreement) instead of the same.
		#[arg(long, conflicts_with = "receives")]
		receive_nothing: bool,
	},
	/// Accept the terms a partner proposed: they are read from the chain, printed, and
	/// signed as read.
	Accept {
		/// The partner that proposed them.
		#[arg(long)]
		partner: CountryCode,
	},
	/// Decline (or, as proposer, withdraw) the terms proposed between you and a partner.
	Decline {
		/// The partner.
		#[arg(long)]
		partner: CountryCode,
	},
	/// Suspend an active agreement (only your administration resumes it).
	Suspend {
		/// The partner.
		#[arg(long)]
		partner: CountryCode,
	},
	/// Resume an agreement your administration suspended.
	Resume {
		/// The partner.
		#[arg(long)]
		partner: CountryCode,
	},
	/// Terminate an agreement for good.
	Terminate {
		/// The partner.
		#[arg(long)]
		partner: CountryCode,
	},
	/// Generate your administration's exchange secret into a new file only you can read
	/// (never overwritten) and print its public key (publish it with `set-key`).
	Keygen {
		/// Where to write the secret.
		#[arg(long)]
		out: PathBuf,
	},
	/// Set your administration's exchange key (X25519 public key) partners encrypt to.
	SetKey {
		/// The key, 0x and 64 hex digits.
		#[arg(long, required_unless_present = "secret_file", conflicts_with = "secret_file")]
		key: Option<String>,
		/// Or the secret file `keygen` wrote: its public key is set.
		#[arg(long)]
		secret_file: Option<PathBuf>,
	},
	/// Seal a disclosure to the receiving administration's exchange key (read from the
	/// chain), for delivery.
	Seal {
		/// The disclosure `disclose` wrote.
		#[arg(long)]
		disclosure: PathBuf,
		/// The sending administration (yours).
		#[arg(long)]
		from: CountryCode,
		/// The receiving administration.
		#[arg(long)]
		to: CountryCode,
		/// Where to write the sealed disclosure.
		#[arg(long)]
		out: PathBuf,
	},
	/// Open a sealed disclosure with your administration's exchange secret (then `check`
	/// it).
	Open {
		/// The sealed disclosure.
		#[arg(long)]
		sealed: PathBuf,
		/// Your administration's exchange secret.
		#[arg(long)]
		secret_file: PathBuf,
		/// Where to write the disclosure.
		#[arg(long)]
		out: PathBuf,
	},
	/// List an administration's agreements: per partner, what it gives and receives, and
	/// terms proposed.
	Agreements {
		/// The administration.
		#[arg(long)]
		country: CountryCode,
		/// Only the agreement with this partner (a terminated one too).
		#[arg(long)]
		partner: Option<CountryCode>,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// As a document's author: salt its field groups, commit to them on chain, and write
	/// the groups with their salts to --out (keep it: disclosures are made from it).
	Commit {
		/// The anchored document (0x and 64 hex digits).
		#[arg(long)]
		document: String,
		/// A group's content from a file: `group=FILE` (repeat; groups not given are
		/// committed empty).
		#[arg(long = "group", value_parser = group_file)]
		groups: Vec<(FieldGroup, PathBuf)>,
		/// A UN/CEFACT SPS e-Cert (the XML your system issued) sorted into the groups:
		/// parties, goods, transport, attachments and controls, each written as a
		/// `tamga:FieldGroup` XML document (what goes where: docs/xml-mapping.md);
		/// `--group` adds the groups it leaves empty.
		#[arg(long)]
		xml: Option<PathBuf>,
		/// Where to write the salted groups.
		#[arg(long)]
		out: PathBuf,
	},
	/// Write a disclosure of some groups of a committed document: those named revealed,
	/// the others hidden (their leaves only).
	Disclose {
		/// The salted groups `commit` wrote.
		#[arg(long)]
		fields: PathBuf,
		/// The groups to reveal, comma-separated.
		#[arg(long, value_delimiter = ',', value_parser = crate::flags::named::<FieldGroup>())]
		reveal: Vec<FieldGroup>,
		/// Where to write the disclosure.
		#[arg(long)]
		out: PathBuf,
	},
	/// Check a disclosure against the document's commitment on chain (exit 0 it holds).
	Check {
		/// The disclosure.
		#[arg(long)]
		disclosure: PathBuf,
	},
	/// Record, for your administration, what came of a partner's delivery of a
	/// document's groups.
	Receipt {
		/// The sending administration.
		#[arg(long)]
		from: CountryCode,
		/// The document (0x and 64 hex digits).
		#[arg(long)]
		document: String,
		/// The groups the delivery carried, comma-separated.
		#[arg(long, value_delimiter = ',', value_parser = crate::flags::named::<FieldGroup>(), required = true)]
		groups: Vec<FieldGroup>,
		/// What arrived (only its blake2-256 goes on chain).
		#[arg(long)]
		payload: PathBuf,
		/// What came of it.
		#[arg(long, value_enum)]
		status: ReceiptArg,
		/// Why it was rejected (with --status rejected).
		#[arg(long, value_parser = crate::flags::named::<Refusal>())]
		reason: Option<Refusal>,
	},
	/// List the receipts an administration recorded, a page at a time (at most 1,000).
	Receipts {
		/// The receiving administration.
		#[arg(long)]
		country: CountryCode,
		/// Only deliveries from this partner.
		#[arg(long)]
		partner: Option<CountryCode>,
		/// Which page.
		#[command(flatten)]
		page: PageArgs,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Append a record of your administration to a document (needs readAppend or full
	/// from the document's administration, or your own document).
	Append {
		/// The document (0x and 64 hex digits).
		#[arg(long)]
		document: String,
		/// What the record is.
		#[arg(long, value_parser = crate::flags::named::<AppendixKind>())]
		kind: AppendixKind,
		/// The record (only its blake2-256 goes on chain).
		#[arg(long)]
		file: PathBuf,
	},
	/// List the records appended to a document.
	Appendices {
		/// The document (0x and 64 hex digits).
		#[arg(long)]
		document: String,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Hand a disclosure to your administration's node for delivery: the node checks it
	/// against the chain (agreement, commitment), seals it to the receiver's exchange key
	/// and sends it to the receiver's nodes until one stores it (asks the node's private
	/// RPC, --url).
	Send {
		/// The disclosure `disclose` wrote.
		#[arg(long)]
		disclosure: PathBuf,
		/// The receiving administration.
		#[arg(long)]
		to: CountryCode,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// List the deliveries your node sends and where each stands.
	Outbox {
		/// Only those in this state (queued, sent, receipted, rejected, expired, failed).
		#[arg(long, value_parser = crate::flags::named::<OutboxState>())]
		state: Option<OutboxState>,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Write the groups of a delivery your node received, opened with its exchange
	/// secret, as a disclosure file (then `check` it, or hand it to your systems).
	Show {
		/// Which delivery.
		#[command(flatten)]
		delivery: Received,
		/// Where to write the disclosure (or the returned record).
		#[arg(long)]
		out: PathBuf,
	},
	/// Return a record your administration appended to a partner's document (a control
	/// result, a release) to that administration: your node seals it to its key and
	/// delivers it like field groups.
	Return {
		/// The document (0x and 64 hex digits).
		#[arg(long)]
		document: String,
		/// The record's number, as `appendices` lists it.
		#[arg(long)]
		appendix: u32,
		/// The record's file (its hash is the one appended).
		#[arg(long)]
		file: PathBuf,
		/// The document's administration.
		#[arg(long)]
		to: CountryCode,
	},
	/// Tell your node that your systems took a delivery over: it records the
	/// acknowledged receipt on chain (after its delivered receipt is final).
	Ack {
		/// Which delivery.
		#[command(flatten)]
		delivery: Received,
	},
	/// List the deliveries your node received (their contents stay sealed on the node).
	Inbox {
		/// Only those from this administration.
		#[arg(long)]
		from: Option<CountryCode>,
		/// Only those in this state (accepted, refused, receiptSubmitted, delivered,
		/// rejected, acknowledged).
		#[arg(long, value_parser = crate::flags::named::<InboxState>())]
		state: Option<InboxState>,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
}

/// What came of a delivery.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReceiptArg {
	/// The groups arrived and match the document's commitment.
	Delivered,
	/// Your systems took them over.
	Acknowledged,
	/// Refused (give --reason).
	Rejected,
}

fn receipt_status(status: ReceiptArg, reason: Option<Refusal>) -> Result<ReceiptStatus, String> {
	match (status, reason) {
		(ReceiptArg::Delivered, None) => Ok(ReceiptStatus::Delivered),
		(ReceiptArg::Acknowledged, None) => Ok(ReceiptStatus::Acknowledged),
		(ReceiptArg::Rejected, Some(reason)) => Ok(ReceiptStatus::Rejected(reason)),
		(ReceiptArg::Rejected, None) => Err("--status rejected needs --reason".into()),
		(_, Some(_)) => Err("--reason goes with --status rejected only".into()),
	}
}

fn file_hash(path: &Path) -> Result<H256, String> {
	std::fs::read(path)
		.map(|bytes| blake2(&bytes))
		.map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn group_file(text: &str) -> Result<(FieldGroup, PathBuf), String> {
	let (group, file) =
		text.split_once('=').ok_or_else(|| format!("`{text}` is not group=FILE"))?;
	let group = group.parse().map_err(|e| format!("`{text}` has a group that {e}"))?;
	Ok((group, PathBuf::from(file)))
}

fn hash(what: &str, text: &str) -> Result<H256, String> {
	tamga_rpc::hex::parse_h256(what, text)
}

fn bytes32(what: &str, text: &str) -> Result<Hash32, String> {
	hash(what, text).map(|h| h.0)
}

impl ExchangeCmd {
	/// Runs the action.
	pub fn run(&self) -> Result<Verdict, String> {
		let call = match &self.action {
			Action::Agreements { country, partner, json } => {
				return agreements(&self.connection.rpc()?, *country, *partner, *json)
			},
			Action::Commit { document, groups, xml, out } => {
				let mut contents = match xml {
					Some(file) => groups_of_message(file)?,
					None => Default::default(),
				};
				for (group, file) in groups {
					let read = std::fs::read(file)
						.map_err(|e| format!("cannot read {}: {e}", file.display()))?;
					if contents[group.index()].replace(read).is_some() {
						return Err(match xml {
							Some(_) => format!("--group {group} is given by --xml already"),
							None => format!("--group {group} is given twice"),
						});
					}
				}
				return self.commit(document, contents, out);
			},
			Action::Disclose { fields, reveal, out } => return disclose(fields, reveal, out),
			Action::Check { disclosure } => return check(&self.connection.rpc()?, disclosure),
			Action::Propose { partner, gives, receives, receive_nothing } => {
				let receives = match (*receive_nothing, receives.is_empty()) {
					(true, _) => Some(Grants::NONE),
					(false, true) => None,
					(false, false) => Some(table(receives)),
				};
				ExchangeCall::propose {
					partner: *partner.as_bytes(),
					gives: table(gives),
					receives,
				}
			},
			Action::Accept { partner } => {
				let terms = self.proposed_terms(*partner)?;
				ExchangeCall::accept { partner: *partner.as_bytes(), terms }
			},
			Action::Decline { partner } => ExchangeCall::decline { partner: *partner.as_bytes() },
			Action::Suspend { partner } => ExchangeCall::suspend { partner: *partner.as_bytes() },
			Action::Resume { partner } => ExchangeCall::resume { partner: *partner.as_bytes() },
			Action::Terminate { partner } => {
				ExchangeCall::terminate { partner: *partner.as_bytes() }
			},
			Action::SetKey { key, secret_file } => {
				let key = match (key, secret_file) {
					(Some(key), _) => bytes32("--key", key)?,
					(None, Some(file)) => {
						ExchangeSecret::read(file).map_err(|e| e.to_string())?.public()
					},
					(None, None) => return Err("give --key or --secret-file".into()),
				};
				ExchangeCall::set_exchange_key { key }
			},
			Action::Keygen { out } => return keygen(out),
			Action::Seal { disclosure, from, to, out } => {
				return seal_file(&self.connection.rpc()?, disclosure, *from, *to, out)
			},
			Action::Open { sealed, secret_file, out } => {
				return open_file(sealed, secret_file, out)
			},
			Action::Receipt { from, document, groups, payload, status, reason } => {
				ExchangeCall::record_receipt {
					from: *from.as_bytes(),
					document: hash("--document", document)?,
					groups: FieldGroups::of(groups),
					payload: file_hash(payload)?,
					status: receipt_status(*status, *reason)?,
				}
			},
			Action::Receipts { country, partner, page, json } => {
				return receipts(&self.connection.rpc()?, *country, *partner, page, *json)
			},
			Action::Append { document, kind, file } => ExchangeCall::append {
				document: hash("--document", document)?,
				kind: *kind,
				hash: file_hash(file)?,
			},
			Action::Appendices { document, json } => {
				return appendices(&self.connection.rpc()?, document, *json)
			},
			Action::Send { disclosure, to, json } => {
				return send(&self.connection.rpc()?, disclosure, *to, *json)
			},
			Action::Outbox { state, json } => {
				return outbox(&self.connection.rpc()?, *state, *json)
			},
			Action::Inbox { from, state, json } => {
				return inbox(&self.connection.rpc()?, *from, *state, *json)
			},
			Action::Show { delivery, out } => {
				let rpc = self.connection.rpc()?;
				let Received { from, payload, .. } = delivery;
				match rpc.ask("tamga_exchangeOpen", delivery.params())? {
					OpenedJson::Disclosure { disclosure } => write_file(out, &disclosure)?,
					OpenedJson::Record { content, .. } => std::fs::write(out, from_hex(&content)?)
						.map_err(|e| format!("cannot write {}: {e}", out.display()))?,
				}
				println!("opened {from}'s delivery {payload}: {}", out.display());
				return Ok(Verdict::Done);
			},
			Action::Return { document, appendix, file, to } => {
				let rpc = self.connection.rpc()?;
				let record = std::fs::read(file)
					.map_err(|e| format!("cannot read {}: {e}", file.display()))?;
				let sent: SentJson = rpc.ask(
					"tamga_exchangeReturn",
					json!([to, document, appendix, to_hex(&record)]),
				)?;
				println!(
					"queued record {appendix} of {document} for {to}: payload {}",
					sent.payload
				);
				return Ok(Verdict::Done);
			},
			Action::Ack { delivery } => {
				let rpc = self.connection.rpc()?;
				let Received { from, payload, .. } = delivery;
				let item: InboxItemJson = rpc.ask("tamga_exchangeAck", delivery.params())?;
				println!("{from}'s delivery {payload}: {}", item.state);
				return Ok(Verdict::Done);
			},
		};
		let rpc = self.connection.rpc()?;
		Ok(self.connection.submit(&rpc, RuntimeCall::Exchange(call))?.verdict())
	}

	/// The administration the signing account is a member account of.
	fn own_country(&self, rpc: &Rpc) -> Result<CountryCode, String> {
		use codec::Decode;
		let signer = crate::tx::Signer::from_suri(&self.connection.secret.suri()?)?;
		let key = pallet_tamga_governance::MemberOf::<Runtime>::hashed_key_for(signer.account());
		let raw = rpc.storage(&key)?.ok_or("the signing account is no member account")?;
		CountryCode::decode(&mut &raw[..]).map_err(|e| format!("membership does not decode: {e}"))
	}

	/// The terms `partner` proposed to the signer's administration, printed.
	fn proposed_terms(&self, partner: CountryCode) -> Result<Terms, String> {
		let rpc = self.connection.rpc()?;
		let own = self.own_country(&rpc)?;
		let answer: AgreementsJson = rpc.ask("tamga_exchangeAgreements", json!([own, partner]))?;
		let proposal = answer
			.agreements
			.into_iter()
			.find_map(|a| a.proposal)
			.ok_or_else(|| format!("{partner} has proposed no terms to {own}"))?;
		if proposal.by != partner {
			return Err(format!("the terms between {own} and {partner} are {own}'s own proposal"));
		}
		println!("accepting {partner}'s terms:");
		print_grants("  you give", &proposal.gives);
		print_grants("  you receive", &proposal.receives);
		let pair =
			Pair::of(own, partner).ok_or("an administration has no agreement with itself")?;
		Ok(Terms::from_side(
			pair,
			own,
			grants_table(&proposal.gives),
			grants_table(&proposal.receives),
		))
	}

	/// Salts and commits `groups` of `document`, writing them to `out` first.
	/// Commits to `contents` (by group; `None`: empty) of `document`, the salted groups
	/// written to `out`.
	fn commit(
		&self,
		document: &str,
		mut contents: [Option<Vec<u8>>; FIELD_GROUPS],
		out: &Path,
	) -> Result<Verdict, String> {
		let id = hash("--document", document)?;
		// A commitment is made once: new salts for a committed document would leave its
		// disclosures unprovable.
		let rpc = self.connection.rpc()?;
		let existing: CommitmentJson =
			rpc.ask("tamga_exchangeCommitment", json!([to_hex(id.as_bytes())]))?;
		if existing.root.is_some() && !existing.void {
			return Err(format!(
				"document {} is committed already (block #{}): disclose from the salted groups \
				 written then",
				to_hex(id.as_bytes()),
				existing.committed_at.unwrap_or_default()
			));
		}
		let mut revealed = Vec::with_capacity(FIELD_GROUPS);
		let mut leaves = [[0u8; 32]; FIELD_GROUPS];
		for group in FieldGroup::ALL {
			let mut salt = [0u8; 32];
			getrandom::getrandom(&mut salt)
				.map_err(|e| format!("no randomness for a salt: {e}"))?;
			let content = contents[group.index()].take().unwrap_or_default();
			leaves[group.index()] = group_leaf(&id.0, *group, &salt, &content);
			revealed.push(DisclosedGroupJson::Revealed {
				group: *group,
				salt: to_hex(&salt),
				content: to_hex(&content),
			});
		}
		let root = H256(fields_root(&id.0, &leaves));
		let file = DisclosureFile { document: to_hex(id.as_bytes()), groups: revealed };
		write_new_file(out, &file)?;
		println!("salted field groups written to {} (keep it)", out.display());
		println!("field commitment: {}", to_hex(root.as_bytes()));
		let call = ExchangeCall::commit_fields { document: id, root };
		Ok(self.connection.submit(&rpc, RuntimeCall::Exchange(call))?.verdict())
	}
}

fn write_file(path: &Path, file: &DisclosureFile) -> Result<(), String> {
	let text = serde_json::to_string_pretty(file).expect("JSON serialises");
	std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes `file` to `path`, which must not exist: salted groups are never overwritten.
fn write_new_file(path: &Path, file: &DisclosureFile) -> Result<(), String> {
	use std::io::Write;
	let text = serde_json::to_string_pretty(file).expect("JSON serialises");
	let mut created =
		std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| match e
			.kind()
		{
			std::io::ErrorKind::AlreadyExists => format!(
				"{} exists: salted groups are never overwritten (another file, or remove it if \
				 its commitment was never made)",
				path.display()
			),
			_ => format!("cannot create {}: {e}", path.display()),
		})?;
	created.write_all(text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn read_file(path: &Path) -> Result<DisclosureFile, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
	serde_json::from_str(&text).map_err(|e| format!("{} is no disclosure: {e}", path.display()))
}

/// The groups of `file` as the primitives take them.
fn groups(file: &DisclosureFile) -> Result<Vec<DisclosedGroup>, String> {
	tamga_rpc::exchange::disclosure_groups(file).map(|(_, groups)| groups)
}

/// Hands the disclosure at `path` to the node for delivery to `to`.
fn send(rpc: &Rpc, path: &Path, to: CountryCode, json: bool) -> Result<Verdict, String> {
	let file = read_file(path)?;
	let sent: SentJson = rpc.ask("tamga_exchangeSend", json!([to, file]))?;
	if json {
		print_json(&sent);
	} else {
		let groups: Vec<_> = sent.groups.iter().map(|g| g.as_str()).collect();
		println!(
			"queued delivery {} of {} ({}) to {to}: payload {}",
			sent.id,
			sent.document,
			groups.join(", "),
			sent.payload
		);
	}
	Ok(Verdict::Done)
}

/// Prints the node's outbox.
fn outbox(rpc: &Rpc, state: Option<OutboxState>, json: bool) -> Result<Verdict, String> {
	let items: Vec<OutboxItemJson> = rpc.ask("tamga_exchangeOutbox", json!([state]))?;
	if json {
		print_json(&items);
		return Ok(Verdict::Done);
	}
	println!("{} deliveries", items.len());
	for item in items {
		let groups: Vec<_> = item.groups.iter().map(|g| g.as_str()).collect();
		let detail = match (&item.receipt, &item.last_error) {
			(Some(receipt), _) => format!("receipt {receipt}"),
			(None, Some(error)) => format!("{} attempt(s), last: {error}", item.attempts),
			(None, None) => String::new(),
		};
		println!(
			"  {:>5} to {} {} {} [{}] {}",
			item.id,
			item.to,
			item.state,
			item.document,
			groups.join(", "),
			detail
		);
	}
	Ok(Verdict::Done)
}

/// Prints the node's inbox.
fn inbox(
	rpc: &Rpc,
	from: Option<CountryCode>,
	state: Option<InboxState>,
	json: bool,
) -> Result<Verdict, String> {
	let items: Vec<InboxItemJson> = rpc.ask("tamga_exchangeInbox", json!([from, state]))?;
	if json {
		print_json(&items);
		return Ok(Verdict::Done);
	}
	println!("{} deliveries", items.len());
	for item in items {
		let groups: Vec<_> = item.groups.iter().map(|g| g.as_str()).collect();
		let refusal = item.refusal.map(|r| format!(" ({r})")).unwrap_or_default();
		println!(
			"  from {} {}{refusal} {} [{}] payload {}",
			item.from,
			item.state,
			item.document,
			groups.join(", "),
			item.payload
		);
	}
	Ok(Verdict::Done)
}

/// Writes a disclosure of `fields` revealing `reveal` only.
fn disclose(fields: &Path, reveal: &[FieldGroup], out: &Path) -> Result<Verdict, String> {
	let file = read_file(fields)?;
	let document = bytes32("document", &file.document)?;
	let mut disclosed = Vec::with_capacity(FIELD_GROUPS);
	for group in groups(&file)? {
		let hidden = !reveal.contains(&group.group());
		disclosed.push(match group {
			DisclosedGroup::Hidden { group, leaf } => {
				if !hidden {
					return Err(format!("{} holds only the leaf of {group}", fields.display()));
				}
				DisclosedGroupJson::Hidden { group, leaf: to_hex(&leaf) }
			},
			revealed if hidden => DisclosedGroupJson::Hidden {
				group: revealed.group(),
				leaf: to_hex(&revealed.leaf(&document)),
			},
			DisclosedGroup::Revealed { group, salt, content } => DisclosedGroupJson::Revealed {
				group,
				salt: to_hex(&salt),
				content: to_hex(&content),
			},
		});
	}
	write_file(out, &DisclosureFile { document: file.document, groups: disclosed })?;
	let names: Vec<_> = reveal.iter().map(|g| g.as_str()).collect();
	println!("disclosure of {} written to {}", names.join(", "), out.display());
	Ok(Verdict::Done)
}

/// Checks a disclosure against the chain: exit 0 if it leads to the document's
/// commitment.
fn check(rpc: &Rpc, path: &Path) -> Result<Verdict, String> {
	let file = read_file(path)?;
	let id = hash("document", &file.document)?;
	let answer: CommitmentJson =
		rpc.ask("tamga_exchangeCommitment", json!([to_hex(id.as_bytes())]))?;
	let groups = groups(&file)?;
	let revealed: Vec<_> = groups
		.iter()
		.filter(|g| matches!(g, DisclosedGroup::Revealed { .. }))
		.map(|g| g.group().as_str())
		.collect();
	if revealed.is_empty() {
		return Err(format!("{} reveals no group: there is nothing to check", path.display()));
	}
	let Some(root) = root_from_disclosure(&id.0, &groups) else {
		return Err(format!("{} must name each of the {FIELD_GROUPS} groups once", path.display()));
	};
	let Some(on_chain) = answer.root else {
		println!("NO COMMITMENT: document {} has no field commitment on chain", file.document);
		return Ok(Verdict::Invalid);
	};
	if answer.void {
		println!(
			"VOID: document {}'s commitment was made after its author's key was cut off or its \
			 anchoring voided: it proves nothing",
			file.document
		);
		return Ok(Verdict::Invalid);
	}
	if to_hex(&root) == on_chain {
		println!(
			"VALID: {} of document {} match its commitment",
			revealed.join(", "),
			file.document
		);
		println!("read from {}", crate::finality::block_label(&answer.at));
		Ok(Verdict::Done)
	} else {
		println!("NOT GENUINE: the disclosed groups do not match the document's commitment");
		Ok(Verdict::Invalid)
	}
}

fn print_grants(label: &str, grants: &[GrantJson]) {
	if grants.is_empty() {
		println!("{label}: nothing");
		return;
	}
	let text: Vec<_> = grants.iter().map(|g| Grant::from(*g).to_string()).collect();
	println!("{label}: {}", text.join(", "));
}

fn print_agreement(agreement: &AgreementJson) {
	let by = agreement.by.map(|c| format!(" by {c}")).unwrap_or_default();
	let since = agreement.since.map(|b| format!(", since block #{b}")).unwrap_or_default();
	println!("with {}: {}{by}{since}", agreement.partner, agreement.state);
	print_grants("  gives", &agreement.gives);
	print_grants("  receives", &agreement.receives);
	if let Some(proposal) = &agreement.proposal {
		println!("  proposed by {} in block #{}:", proposal.by, proposal.block);
		print_grants("    gives", &proposal.gives);
		print_grants("    receives", &proposal.receives);
	}
}

/// Prints `country`'s agreements (or the one with `partner`).
fn agreements(
	rpc: &Rpc,
	country: CountryCode,
	partner: Option<CountryCode>,
	json: bool,
) -> Result<Verdict, String> {
	let answer: AgreementsJson = rpc.ask("tamga_exchangeAgreements", json!([country, partner]))?;
	if json {
		print_json(&answer);
		return Ok(Verdict::Done);
	}
	if answer.agreements.is_empty() {
		println!(
			"{country} has no data-sharing agreement{}",
			match partner {
				Some(p) => format!(" with {p}"),
				None => String::new(),
			}
		);
	}
	answer.agreements.iter().for_each(print_agreement);
	Ok(Verdict::Done)
}

/// Writes a new exchange secret to `out` and prints its public key.
fn keygen(out: &Path) -> Result<Verdict, String> {
	let secret = ExchangeSecret::generate().map_err(|e| e.to_string())?;
	secret.write_new(out).map_err(|e| e.to_string())?;
	println!("exchange secret written to {} (readable by you only; keep it)", out.display());
	println!("public key: {}", to_hex(&secret.public()));
	Ok(Verdict::Done)
}

/// Seals the disclosure at `path` from `from` to `to`'s published key.
fn seal_file(
	rpc: &Rpc,
	path: &Path,
	from: CountryCode,
	to: CountryCode,
	out: &Path,
) -> Result<Verdict, String> {
	let disclosure = read_file(path)?;
	let document = bytes32("document", &disclosure.document)?;
	let answer: ExchangeKeyJson = rpc.ask("tamga_exchangeKey", json!([to]))?;
	let key = answer.key.ok_or_else(|| format!("{to} has published no exchange key"))?;
	let context = SealContext { document, from, to };
	let plaintext = Disclosure { groups: groups(&disclosure)? }.encode();
	let sealed = tamga_exchange::seal(&bytes32("key", &key)?, &context, &plaintext)
		.map_err(|e| e.to_string())?;
	let file =
		SealedFile { document: disclosure.document, from, to, envelope: to_hex(&sealed.encode()) };
	let text = serde_json::to_string_pretty(&file).expect("JSON serialises");
	std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
	println!("sealed to {to}'s exchange key: {}", out.display());
	Ok(Verdict::Done)
}

/// Opens the sealed disclosure at `path` with the secret in `secret_file`.
fn open_file(path: &Path, secret_file: &Path, out: &Path) -> Result<Verdict, String> {
	use codec::{Decode, DecodeAll};
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
	let file: SealedFile = serde_json::from_str(&text)
		.map_err(|e| format!("{} is no sealed disclosure: {e}", path.display()))?;
	let envelope = from_hex(&file.envelope)?;
	let sealed = tamga_exchange::Sealed::decode(&mut &envelope[..])
		.map_err(|e| format!("{}'s envelope does not decode: {e}", path.display()))?;
	let secret = ExchangeSecret::read(secret_file).map_err(|e| e.to_string())?;
	let context = SealContext {
		document: bytes32("document", &file.document)?,
		from: file.from,
		to: file.to,
	};
	let plaintext = tamga_exchange::open(&secret, &sealed, &context).map_err(|e| e.to_string())?;
	let opened = Disclosure::decode_all(&mut &plaintext[..])
		.map_err(|e| format!("the opened envelope holds no disclosure: {e}"))?;
	let disclosure =
		tamga_rpc::exchange::disclosure_file(&hash("document", &file.document)?, &opened.groups);
	write_file(out, &disclosure)?;
	println!("opened {}'s disclosure from {}: {}", file.to, file.from, out.display());
	Ok(Verdict::Done)
}

/// Prints page `page` of the receipts `country` recorded.
fn receipts(
	rpc: &Rpc,
	country: CountryCode,
	partner: Option<CountryCode>,
	page: &PageArgs,
	json: bool,
) -> Result<Verdict, String> {
	let limit = page.limit(pallet_tamga_exchange::MAX_LISTED_RECEIPTS)?;
	let answer: ReceiptsJson =
		rpc.ask("tamga_exchangeReceipts", json!([country, partner, page.page, limit]))?;
	if json {
		print_json(&answer);
		return Ok(Verdict::Done);
	}
	println!("{} receipt(s) recorded by {country}", answer.total);
	for receipt in &answer.receipts {
		let groups: Vec<_> = receipt.groups.iter().map(|g| g.as_str()).collect();
		let reason = receipt.reason.map(|r| format!(" ({r})")).unwrap_or_default();
		println!(
			"  from {} document {}: {}{reason}, {} (block #{})",
			receipt.from,
			receipt.document,
			receipt.status,
			groups.join(", "),
			receipt.block
		);
	}
	if answer.total > 0 {
		let shown = answer.receipts.len() as u64;
		let (total, page, limit) = (answer.total.into(), answer.page.into(), answer.limit.into());
		println!("{}", page_line("receipts", total, page, limit, shown));
	}
	Ok(Verdict::Done)
}

/// Prints the records appended to `document`.
fn appendices(rpc: &Rpc, document: &str, json: bool) -> Result<Verdict, String> {
	let id = hash("--document", document)?;
	let answer: AppendicesJson =
		rpc.ask("tamga_exchangeAppendices", json!([to_hex(id.as_bytes())]))?;
	if json {
		print_json(&answer);
		return Ok(Verdict::Done);
	}
	println!("{} record(s) appended to {}", answer.appendices.len(), answer.document);
	for appendix in &answer.appendices {
		println!(
			"  {:>3}: {} by {} (block #{}), {}",
			appendix.index, appendix.kind, appendix.by, appendix.block, appendix.hash
		);
	}
	Ok(Verdict::Done)
}

/// The groups of the SPS e-Cert in `file`, each a `tamga:FieldGroup` document (`None`:
/// the message has nothing for it); says on stderr what went where and what no group
/// takes.
fn groups_of_message(file: &Path) -> Result<[Option<Vec<u8>>; FIELD_GROUPS], String> {
	use crate::xml_in::{groups, tree::Element};
	let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
	let root = Element::parse(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
	let split = groups::split(&root)?;
	let standard = format!("UN/CEFACT SPSCertificate:{}", root.version);
	let mut contents: [Option<Vec<u8>>; FIELD_GROUPS] = Default::default();
	for group in FieldGroup::ALL {
		let elements = &split.groups[group.index()];
		if elements.is_empty() {
			continue;
		}
		contents[group.index()] = Some(groups::write_group(*group, &standard, elements));
		let names: Vec<&str> = elements.iter().map(|e| e.name.as_str()).collect();
		eprintln!("{group}: {}", names.join(", "));
	}
	for path in &split.left_out {
		eprintln!("in no group (no partner receives it): {path}");
	}
	Ok(contents)
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::{Access, DocumentKind};

	#[test]
	fn a_rejection_needs_its_reason_and_nothing_else_takes_one() {
		assert_eq!(receipt_status(ReceiptArg::Delivered, None), Ok(ReceiptStatus::Delivered));
		assert_eq!(
			receipt_status(ReceiptArg::Rejected, Some(Refusal::Tampered)),
			Ok(ReceiptStatus::Rejected(Refusal::Tampered))
		);
		assert!(receipt_status(ReceiptArg::Rejected, None).unwrap_err().contains("--reason"));
		assert!(receipt_status(ReceiptArg::Acknowledged, Some(Refusal::Tampered)).is_err());
	}

	#[test]
	fn grants_are_read_one_by_one_or_for_a_whole_kind() {
		let one = grant_arg("veterinary:goods=read").unwrap();
		let all = grant_arg("origin:*=readAppend").unwrap();
		let table = table(&[one, all]);
		assert_eq!(table.get(DocumentKind::Veterinary, FieldGroup::Goods), Access::Read);
		assert_eq!(table.get(DocumentKind::Veterinary, FieldGroup::Parties), Access::None);
		assert_eq!(table.of_kind(DocumentKind::Origin), [Access::ReadAppend; FIELD_GROUPS]);
		assert!(grant_arg("veterinary:*=maybe").unwrap_err().contains("mode"));
		assert!(grant_arg("veterinary").unwrap_err().contains("kind:group=access"));
		assert!(group_file("goods").is_err());
		assert_eq!(group_file("goods=a.xml").unwrap().0, FieldGroup::Goods);
	}

	#[test]
	fn a_disclosure_of_a_committed_file_keeps_its_root() {
		let dir = std::env::temp_dir().join(format!("tamga-disclose-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let salts: [Hash32; FIELD_GROUPS] = core::array::from_fn(|i| [i as u8; 32]);
		let full = DisclosureFile {
			document: to_hex(&[1; 32]),
			groups: FieldGroup::ALL
				.iter()
				.map(|g| DisclosedGroupJson::Revealed {
					group: *g,
					salt: to_hex(&salts[g.index()]),
					content: to_hex(g.as_str().as_bytes()),
				})
				.collect(),
		};
		let (fields, out) = (dir.join("fields.json"), dir.join("out.json"));
		write_file(&fields, &full).unwrap();
		disclose(&fields, &[FieldGroup::Goods], &out).unwrap();
		let partial = read_file(&out).unwrap();
		let revealed = partial
			.groups
			.iter()
			.filter(|g| matches!(g, DisclosedGroupJson::Revealed { .. }))
			.count();
		assert_eq!(revealed, 1);
		assert_eq!(
			root_from_disclosure(&[1; 32], &groups(&partial).unwrap()),
			root_from_disclosure(&[1; 32], &groups(&full).unwrap())
		);
		// A partial disclosure cannot reveal what it does not hold.
		assert!(disclose(&out, &[FieldGroup::Parties], &dir.join("x.json")).is_err());
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
