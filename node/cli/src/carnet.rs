//! `tamga carnet`: what guaranteeing associations, border officers and
//! administrations do with ATA carnets, through a node's JSON-RPC.
//!
//! The holder's identifier never goes on chain: `--holder` and `--salt` become the
//! commitment blake2-256 of the SCALE encoding of (salt, holder). The general list stays
//! off chain too: `--list FILE` is hashed.
//!
//! Exit codes: 0 done, 1 `show`/`movements`: no carnet has this number, 2 error (bad input,
//! unreachable node, failed transaction).

use std::path::PathBuf;

use pallet_tamga_carnets::{Call as CarnetsCall, NumberOf, Voucher, MAX_HISTORY_PAGE};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tamga_primitives::CountryCode;
use tamga_rpc_types::{
	carnet::{CarnetJson, MovementsJson},
	errors::UNKNOWN_CARNET,
};
use tamga_runtime::{Runtime, RuntimeCall};

use crate::{
	support::{
		blake2, commitment, page_line, print_history, print_json, read_file, PageArgs, Verdict,
	},
	tx::Rpc,
};

/// ATA carnets: issue, record vouchers, close, claims, show, movements.
#[derive(Debug, clap::Args)]
#[command(after_help = "Exit codes: 0 done, 1 show/movements: unknown carnet, 2 error.")]
pub struct CarnetCmd {
	/// The node to talk to and the signing account.
	#[command(flatten)]
	pub connection: crate::tx::Connection,

	/// What to do.
	#[command(subcommand)]
	pub action: Action,
}

/// A carnet action.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
	/// Issue a carnet (a guaranteeing association; the issuing country is its own).
	Issue {
		/// The carnet number, starting with the issuing country's code, e.g. KZ/2026/000123.
		#[arg(long)]
		number: String,
		/// The holder's identifier (kept off chain: only its salted commitment is stored).
		#[arg(long)]
		holder: String,
		/// The salt of the holder's commitment, at least 16 bytes (default: 128 random
		/// bits, printed once: keep it with the carnet).
		#[arg(long)]
		salt: Option<String>,
		/// A country of use (ISO 3166-1 alpha-2); repeat for each.
		#[arg(long = "country", required = true)]
		countries: Vec<CountryCode>,
		/// How many items the general list holds.
		#[arg(long)]
		items: u32,
		/// The general list's file (hashed; stays off chain).
		#[arg(long)]
		list: PathBuf,
		/// First day of validity, YYYY-MM-DD.
		#[arg(long)]
		valid_from: String,
		/// Last day of validity, YYYY-MM-DD (less than a year after the first).
		#[arg(long)]
		valid_until: String,
	},
	/// Record a voucher for your own country (a customs officer).
	Voucher {
		/// The carnet number.
		#[arg(long)]
		number: String,
		/// Which voucher.
		#[arg(long, value_parser = crate::flags::named::<Voucher>())]
		voucher: Voucher,
		/// How many items move.
		#[arg(long)]
		items: u32,
	},
	/// Close a carnet whose goods no country of use still holds (its association or
	/// administration).
	Close {
		/// The carnet number.
		#[arg(long)]
		number: String,
	},
	/// Raise your administration's claim for goods left in your country after expiry.
	Claim {
		/// The carnet number.
		#[arg(long)]
		number: String,
	},
	/// Record your administration's claim as settled (duties paid).
	Settle {
		/// The carnet number.
		#[arg(long)]
		number: String,
	},
	/// Discharge your administration's claim on evidence of re-exportation.
	Discharge {
		/// The carnet number.
		#[arg(long)]
		number: String,
		/// The evidence's file (hashed; stays off chain).
		#[arg(long)]
		evidence: PathBuf,
	},
	/// Show a carnet: state, what each country holds, claims.
	Show {
		/// The carnet number.
		#[arg(long)]
		number: String,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Print what is recorded on a carnet, a page at a time (at most 256 entries a page),
	/// oldest first.
	Movements {
		/// The carnet number.
		#[arg(long)]
		number: String,
		/// Which page.
		#[command(flatten)]
		page: PageArgs,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
}

/// `text` as a carnet number.
fn number(text: &str) -> Result<NumberOf<Runtime>, String> {
	text.as_bytes()
		.to_vec()
		.try_into()
		.map_err(|_| format!("--number `{text}` is longer than 32 bytes"))
}

impl CarnetCmd {
	/// Runs the action.
	pub fn run(&self) -> Result<Verdict, String> {
		let rpc = self.connection.rpc()?;
		let call = match &self.action {
			Action::Show { number, json } => return show(&rpc, number, *json),
			Action::Movements { number, page, json } => {
				return movements(&rpc, number, page, *json)
			},
			Action::Issue {
				number: text,
				holder,
				salt,
				countries,
				items,
				list,
				valid_from,
				valid_until,
			} => CarnetsCall::issue {
				number: number(text)?,
				holder_commitment: commitment(
					&crate::salt::given_or_new("--salt", salt.as_deref(), "the holder commitment")?,
					holder,
				),
				countries: countries
					.iter()
					.map(|c| *c.as_bytes())
					.collect::<Vec<_>>()
					.try_into()
					.map_err(|_| "too many --country (at most 24)".to_string())?,
				items: *items,
				list_hash: blake2(&read_file(list)?),
				valid_from: tamga_rpc::dates::parse_iso_date(valid_from)?,
				valid_until: tamga_rpc::dates::parse_iso_date(valid_until)?,
			},
			Action::Voucher { number: text, voucher, items } => CarnetsCall::record_voucher {
				number: number(text)?,
				voucher: *voucher,
				items: *items,
			},
			Action::Close { number: text } => CarnetsCall::close { number: number(text)? },
			Action::Claim { number: text } => CarnetsCall::raise_claim { number: number(text)? },
			Action::Settle { number: text } => CarnetsCall::settle_claim { number: number(text)? },
			Action::Discharge { number: text, evidence } => CarnetsCall::discharge_claim {
				number: number(text)?,
				evidence: blake2(&read_file(evidence)?),
			},
		};
		let submission = self.connection.submit(&rpc, RuntimeCall::Carnets(call))?;
		Ok(submission.verdict())
	}
}

/// Calls `method` with `params` (the carnet number first); an unknown carnet is
/// `Ok(None)` after saying so.
fn ask<T: DeserializeOwned>(rpc: &Rpc, method: &str, params: Value) -> Result<Option<T>, String> {
	match rpc.ask(method, params) {
		Err(error) if error.code() == Some(UNKNOWN_CARNET) => {
			println!("UNKNOWN: {error}");
			Ok(None)
		},
		other => Ok(Some(other?)),
	}
}

/// Prints carnet `number`.
fn show(rpc: &Rpc, number: &str, json: bool) -> Result<Verdict, String> {
	let Some(answer) = ask::<CarnetJson>(rpc, "tamga_carnet", json!([number]))? else {
		return Ok(Verdict::Invalid);
	};
	if json {
		print_json(&answer);
		return Ok(Verdict::Done);
	}
	println!("carnet:    {} ({} items, list {})", answer.number, answer.items, answer.list_hash);
	println!("status:    {}", answer.verdict);
	println!(
		"issuer:    {} ({}), account {}",
		answer.association.name, answer.issuing_country, answer.association.account
	);
	println!("validity:  {} to {}", answer.valid_from, answer.valid_until);
	for balance in &answer.countries {
		println!(
			"  {}: {} imported, {} in transit",
			balance.country, balance.imported, balance.in_transit
		);
	}
	for claim in &answer.claims {
		println!("  claim by {}: {} items, {}", claim.country, claim.items, claim.status);
	}
	Ok(Verdict::Done)
}

/// Prints page `page` of carnet `number`'s history.
fn movements(rpc: &Rpc, number: &str, page: &PageArgs, json: bool) -> Result<Verdict, String> {
	let params = json!([number, page.page, page.limit(MAX_HISTORY_PAGE)?]);
	let Some(answer) = ask::<MovementsJson>(rpc, "tamga_carnetMovements", params)? else {
		return Ok(Verdict::Invalid);
	};
	if json {
		print_json(&answer);
	} else {
		let entries = &answer.entries;
		print_history(entries.iter().map(|e| (e.block, e.extrinsic, e.actor.as_str(), &e.action)));
		let (total, shown) = (answer.total.into(), entries.len() as u64);
		println!("{}", page_line("entries", total, answer.page.into(), answer.limit.into(), shown));
	}
	Ok(Verdict::Done)
}
