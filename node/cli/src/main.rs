//! `tamga`: the command line of Tamga's users. Exporters, issuers, member administrations,
//! border officers and auditors do their work through a node's JSON-RPC; the tool signs
//! transactions itself with the runtime's own types, so a secret key never leaves the
//! machine it runs on.
//!
//! Exit codes: 0 done (a check: yes, e.g. the document is valid; a transaction: final), 1
//! a check's answer is no (invalid, not genuine, not recognised, a proof that does not
//! hold), 2 error (bad input, unreachable node, failed transaction), 3 not final: what
//! the command waited for (by default finality) did not come within --timeout.

mod admin;
mod aeo;
mod audit;
mod audit_index;
mod carnet;
mod cert;
mod exchange;
mod facts;
mod finality;
mod firewall;
mod flags;
mod justification;
mod key;
mod kinds;
mod node_address;
mod proof;
mod qr;
mod rpc;
mod rules;
mod salt;
mod secret;
mod serve;
mod speech;
mod support;
mod tx;
mod verify;
mod xml_in;

use clap::Parser;

use crate::support::Verdict;

/// Tamga's command line: keys, governance, certificates, ATA carnets, AEO, verification,
/// audit and offline proofs, through a Tamga node's JSON-RPC.
#[derive(Debug, Parser)]
#[command(name = "tamga", version, after_help = AFTER_HELP)]
struct Cli {
	/// The language of verdicts, sentences and errors (`en`, `ru`, ...; default: the
	/// locale of LC_ALL, LC_MESSAGES or LANG, else English). JSON answers are unchanged.
	#[arg(long, global = true, value_name = "LANG")]
	lang: Option<String>,
	/// What to do.
	#[command(subcommand)]
	command: Command,
}

/// The commands, one per job.
#[derive(Debug, clap::Subcommand)]
enum Command {
	/// Generate an account key, or show the account of a secret URI or an address.
	#[command(subcommand)]
	Key(key::KeyCmd),
	/// Member administrations: propose and vote on consortium decisions (admissions,
	/// validators, nodes, runtime upgrades), accredit issuers, officers and auditors of
	/// your country, register a validator's session keys.
	Admin(admin::GovernanceCmd),
	/// Certificates of origin and veterinary certificates: register, apply, endorse,
	/// replace, revoke, use, anchor a folder as a batch (writing each file's proof),
	/// verify, history.
	Cert(cert::CertificateCmd),
	/// ATA carnets: issue, record vouchers, close, raise and settle or discharge claims,
	/// show a carnet and its movements.
	Carnet(carnet::CarnetCmd),
	/// AEO: certify, suspend, reinstate and revoke operators, mutual recognition
	/// agreements, recognition, partners' acknowledgements.
	Aeo(aeo::AeoCmd),
	/// The information space between administrations: data-sharing agreements (what your
	/// administration gives and receives, per kind of document and field group), its
	/// exchange secret and key, field commitments, disclosures sealed to a partner's key
	/// and checked against the chain, receipts of deliveries, records appended by partners.
	Exchange(exchange::ExchangeCmd),
	/// Rule contracts of your administration: deploy, call (change a rule, impose a ban),
	/// register for a document kind and direction, encode their arguments.
	Rules(rules::RulesCmd),
	/// Verify a document (its file, or `--id`): integrity, status, issuer. Exit code 0
	/// valid, 1 invalid or not genuine, 2 error.
	Verify(verify::VerifyCmd),
	/// Serve the verification page for border posts: officers drop a document, paste a QR
	/// code's link or type a country and number, and read the three checks, the remaining
	/// quantity and the history, in their language. It only reads the chain.
	Serve(serve::ServeCmd),
	/// Auditors: a document's history, every Tamga event of a range of blocks as JSON
	/// lines or CSV, the whole history indexed into SQLite or PostgreSQL, and queries and
	/// statistics over that index.
	#[command(subcommand)]
	Audit(audit::AuditCmd),
	/// Write a self-contained proof of a document's record: the storage read proof, the
	/// finalized header, and the GRANDPA justification that finalized it.
	Proof(proof::ProofCmd),
	/// Check a proof written by `proof` offline, against a given GRANDPA authority set.
	/// Exit code 0 the proof holds and the document is anchored, 1 the proof does not hold
	/// or proves the document is not anchored, 2 error.
	VerifyProof(proof::VerifyProofCmd),
	/// Write the chain's current GRANDPA authority set (to pin for `verify-proof`).
	Authorities(proof::AuthoritiesCmd),
}

/// Examples shown at the end of `tamga --help`.
const AFTER_HELP: &str = "\
Every node-facing command takes --url (default http://127.0.0.1:9944, or $TAMGA_URL) and,
to sign, --suri-file FILE (mode 600) or $TAMGA_SURI (--suri on a command line is visible to
other users of the machine). Commands that change state wait until their transaction is
final (--wait finalized, the default; in-block or submitted return sooner); verify and
recognition answer from the last finalized block (--best: the best block, labelled).

Examples:
  tamga key generate                                       a new account (keep the phrase secret)
  tamga admin --suri //Alice accredit --account <SS58> --name \"KZ Chamber\" --role issuer \\
        --kind origin --valid-until 1000000                 KZ accredits an issuer
  tamga cert --suri //Eve register --file ct1.pdf --kind ct1 --number KZ-2026-0001 ...
  tamga verify ct1.pdf                                     a border officer's check
  tamga --lang ru verify --country KZ --number KZ-2026-0001  by the paper's number, in Russian
  tamga serve --url http://127.0.0.1:9944 --listen 127.0.0.1:8080   the border posts' page
  tamga audit history --file ct1.pdf                       every action on a document
  tamga audit export --from 1 --to 5000 --format csv --out events.csv
  tamga audit index --url http://archive:9944 --database audit.sqlite --follow
  tamga audit query --database audit.sqlite --issuer <SS58> --month 2026-12
  tamga audit stats uses --database postgres://auditor@127.0.0.1/tamga --format csv
  tamga authorities --out authorities.json                 pin the validators' keys
  tamga proof ct1.pdf --out ct1.proof.json                 a proof that needs no node
  tamga verify-proof ct1.proof.json --authorities authorities.json

Exit codes: 0 done (a check: yes; a transaction: final), 1 a check's answer is no,
2 error (bad input, unreachable node, failed transaction), 3 not final within --timeout.";

fn main() {
	let cli = Cli::parse();
	let outcome = speech::Catalogue::choose_for_run(cli.lang.as_deref()).and_then(|_| run(&cli));
	match outcome {
		Ok(Verdict::Done) => {},
		Ok(Verdict::Invalid) => std::process::exit(1),
		Ok(Verdict::NotFinal) => std::process::exit(3),
		Err(error) => {
			eprintln!("{}: {error}", speech::Catalogue::current().word("error.prefix"));
			std::process::exit(2)
		},
	}
}

/// Runs the command.
fn run(cli: &Cli) -> Result<Verdict, String> {
	match &cli.command {
		Command::Key(cmd) => cmd.run(),
		Command::Admin(cmd) => cmd.run(),
		Command::Cert(cmd) => cmd.run(),
		Command::Carnet(cmd) => cmd.run(),
		Command::Aeo(cmd) => cmd.run(),
		Command::Exchange(cmd) => cmd.run(),
		Command::Rules(cmd) => cmd.run(),
		Command::Verify(cmd) => cmd.run(),
		Command::Serve(cmd) => cmd.run(),
		Command::Audit(cmd) => cmd.run(),
		Command::Proof(cmd) => cmd.run(),
		Command::VerifyProof(cmd) => cmd.run(),
		Command::Authorities(cmd) => cmd.run(),
	}
}

#[cfg(test)]
mod tests {
	use clap::CommandFactory;

	use super::Cli;

	#[test]
	fn the_command_tree_is_consistent() {
		Cli::command().debug_assert();
	}

	#[test]
	fn paged_lists_take_page_and_limit() {
		use clap::Parser;
		let args = "tamga carnet movements --number KZ/1 --page 2 --limit 9";
		let cli = Cli::try_parse_from(args.split(' ')).expect("parses");
		let super::Command::Carnet(cmd) = cli.command else { panic!("a carnet command") };
		let crate::carnet::Action::Movements { page, .. } = cmd.action else { panic!("movements") };
		assert_eq!((page.page, page.limit), (2, Some(9)));
		let pending = "tamga aeo pending --administration KG --page 1";
		assert!(Cli::try_parse_from(pending.split(' ')).is_ok());
	}
}
