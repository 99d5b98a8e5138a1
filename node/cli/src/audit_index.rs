//! `tamga audit index | query | stats`: the auditors' index of the whole history in
//! SQLite or PostgreSQL ([`tamga_index`]), and the questions it answers without a node.

use std::io::{IsTerminal, Write};

use tamga_index::{
	follow, period,
	query::{self, Filter},
	stats::{self, Scope, Statistic},
	store::Store,
	table::{Format, Table},
};

use crate::support::Verdict;

/// Where the index is.
#[derive(Debug, clap::Args)]
pub struct DatabaseArg {
	/// The index: an SQLite file's path (`audit index` creates it), or a PostgreSQL URL
	/// (`postgres://user:password@host:port/database`).
	#[arg(
		long,
		env = "TAMGA_INDEX",
		default_value = "tamga-index.sqlite",
		value_name = "PATH|URL"
	)]
	pub database: String,
}

impl DatabaseArg {
	/// Opens it to write (created if missing).
	fn open(&self) -> Result<Store, String> {
		Store::open(&self.database)
	}

	/// Opens it to read (refused if nothing was indexed there).
	fn open_existing(&self) -> Result<Store, String> {
		Store::open_existing(&self.database)
	}
}

/// `tamga audit index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
	/// The node to read finalized blocks from (an archive node, for history older than
	/// its pruning window).
	#[arg(long, env = "TAMGA_URL", default_value = "http://127.0.0.1:9944")]
	pub url: String,
	/// Where to write.
	#[command(flatten)]
	pub database: DatabaseArg,
	/// Stop after this block (default: the finalized head).
	#[arg(long)]
	pub to: Option<u32>,
	/// Keep following new finalized blocks (stop with Ctrl-C: nothing committed is lost).
	#[arg(long, conflicts_with = "to")]
	pub follow: bool,
}

impl IndexArgs {
	/// Indexes, printing progress and a summary on standard error.
	pub fn run(&self) -> Result<Verdict, String> {
		let mut store = self.database.open()?;
		let options = follow::Options {
			to: self.to,
			follow: self.follow,
			poll: std::time::Duration::from_secs(1),
			bar: std::io::stderr().is_terminal(),
		};
		let started = std::time::Instant::now();
		let summary = follow::run(&self.url, &mut store, &options)?;
		let seconds = started.elapsed().as_secs_f64();
		match (summary.first, summary.last) {
			(Some(first), Some(last)) => eprintln!(
				"indexed blocks #{first}..=#{last} into {} ({}): {} events in {seconds:.1} s \
				 ({:.0} events/s)",
				tamga_index::store::database_shown(&self.database.database),
				store.backend_name(),
				summary.events,
				summary.events as f64 / seconds.max(1e-3)
			),
			(None, Some(last)) => eprintln!("nothing new: the index holds blocks up to #{last}"),
			_ => eprintln!("nothing to index yet"),
		}
		Ok(Verdict::Done)
	}
}

/// How an answer is printed.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
	/// Aligned columns.
	Table,
	/// One JSON object per line.
	Jsonl,
	/// CSV with a header line.
	Csv,
}

impl From<OutputFormat> for Format {
	fn from(format: OutputFormat) -> Self {
		match format {
			OutputFormat::Table => Format::Table,
			OutputFormat::Jsonl => Format::Jsonl,
			OutputFormat::Csv => Format::Csv,
		}
	}
}

/// A period: `--month`, or `--since` and/or `--until`.
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
	/// Only this month (`YYYY-MM`, UTC).
	#[arg(long, conflicts_with_all = ["since", "until"])]
	pub month: Option<String>,
	/// From this day or month on (`YYYY-MM-DD` or `YYYY-MM`, UTC, inclusive).
	#[arg(long)]
	pub since: Option<String>,
	/// Before this day or month (`YYYY-MM-DD` or `YYYY-MM`, UTC, exclusive).
	#[arg(long)]
	pub until: Option<String>,
}

impl PeriodArgs {
	/// `[since, until)` in ms since 1970-01-01 UTC.
	fn range(&self) -> Result<(Option<i64>, Option<i64>), String> {
		if let Some(month) = &self.month {
			if month.len() != 7 {
				return Err(format!("--month `{month}`: write YYYY-MM"));
			}
			let (start, end) = period::range_ms(month)?;
			return Ok((Some(start), Some(end)));
		}
		let since = self.since.as_deref().map(period::start_ms).transpose()?;
		let until = self.until.as_deref().map(period::start_ms).transpose()?;
		if let (Some(s), Some(u)) = (since, until) {
			if u <= s {
				return Err("--until must be after --since".into());
			}
		}
		Ok((since, until))
	}
}

/// `tamga audit query`.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
	/// The index.
	#[command(flatten)]
	pub database: DatabaseArg,
	/// A certificate's id (`0x…`).
	#[arg(long)]
	pub document: Option<String>,
	/// An ATA carnet's number.
	#[arg(long)]
	pub carnet: Option<String>,
	/// Events of documents issued by this account (SS58).
	#[arg(long)]
	pub issuer: Option<String>,
	/// Events an account acted in or is named in (officer, applicant, issuer; SS58).
	#[arg(long)]
	pub account: Option<String>,
	/// Events of officers of this customs office (e.g. KGAKJ).
	#[arg(long)]
	pub office: Option<String>,
	/// The country (a document's exporting country, a voucher's country, an operator's
	/// administration; ISO 3166 alpha-2).
	#[arg(long)]
	pub country: Option<String>,
	/// The other country (a document's importing country, an MRA or acknowledgement
	/// partner).
	#[arg(long)]
	pub partner: Option<String>,
	/// A document type: a built-in type's name (`ct1`, `veterinary`, …) or a registry id.
	#[arg(long)]
	pub kind: Option<String>,
	/// An AEO operator (`CC:0x…`).
	#[arg(long)]
	pub operator: Option<String>,
	/// An event: `Pallet.Event` (e.g. `Certificates.Used`), a pallet, or an event name.
	#[arg(long)]
	pub event: Option<String>,
	/// The period.
	#[command(flatten)]
	pub period: PeriodArgs,
	/// At most this many rows.
	#[arg(long)]
	pub limit: Option<u32>,
	/// How to print.
	#[arg(long, value_enum, default_value = "table")]
	pub format: OutputFormat,
}

impl QueryArgs {
	/// Prints the matching events.
	pub fn run(&self) -> Result<Verdict, String> {
		let (since_ms, until_ms) = self.period.range()?;
		let kind = self
			.kind
			.as_deref()
			.map(|k| match k.parse::<u8>() {
				Ok(id) => Ok(id.to_string()),
				Err(_) => crate::kinds::parse_built_in(k).map(|kind| kind.0.to_string()),
			})
			.transpose()?;
		let upper = |c: &Option<String>| c.as_ref().map(|c| c.to_ascii_uppercase());
		let filter = Filter {
			document: self.document.as_ref().map(|d| d.to_ascii_lowercase()),
			carnet: self.carnet.clone(),
			issuer: self.issuer.clone(),
			account: self.account.clone(),
			office: upper(&self.office),
			country: upper(&self.country),
			partner: upper(&self.partner),
			kind,
			operator: self.operator.clone(),
			event: self.event.clone(),
			since_ms,
			until_ms,
			limit: self.limit,
		};
		let table = query::events(&mut self.database.open_existing()?, &filter)?;
		print(&table, self.format)
	}
}

/// Which statistic.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatisticArg {
	/// Documents anchored per month, issuer and country pair.
	Issued,
	/// Certificate uses and carnet vouchers per customs office and officer.
	Uses,
	/// Application-to-endorsement time per issuer.
	Endorsement,
	/// AEO acknowledgement delays per partner.
	Acknowledgements,
}

/// `tamga audit stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
	/// Which statistic.
	#[arg(value_enum)]
	pub statistic: StatisticArg,
	/// The index.
	#[command(flatten)]
	pub database: DatabaseArg,
	/// Only this country.
	#[arg(long)]
	pub country: Option<String>,
	/// The period.
	#[command(flatten)]
	pub period: PeriodArgs,
	/// How to print.
	#[arg(long, value_enum, default_value = "table")]
	pub format: OutputFormat,
}

impl StatsArgs {
	/// Prints the statistic.
	pub fn run(&self) -> Result<Verdict, String> {
		let (since_ms, until_ms) = self.period.range()?;
		let statistic = match self.statistic {
			StatisticArg::Issued => Statistic::Issued,
			StatisticArg::Uses => Statistic::Uses,
			StatisticArg::Endorsement => Statistic::Endorsement,
			StatisticArg::Acknowledgements => Statistic::Acknowledgements,
		};
		let scope = Scope {
			since_ms,
			until_ms,
			country: self.country.as_ref().map(|c| c.to_ascii_uppercase()),
		};
		let table = stats::compute(&mut self.database.open_existing()?, statistic, &scope)?;
		print(&table, self.format)
	}
}

fn print(table: &Table, format: OutputFormat) -> Result<Verdict, String> {
	let mut out = std::io::BufWriter::new(std::io::stdout().lock());
	table.write(format.into(), &mut out).map_err(|e| format!("cannot write the answer: {e}"))?;
	out.flush().map_err(|e| format!("cannot write the answer: {e}"))?;
	Ok(Verdict::Done)
}
