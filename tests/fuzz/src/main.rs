//! `tamga-fuzz`: long fuzzing runs against the real runtime. The test command runs a short
//! smoke run of each target (tests/smoke.rs); this runs as long as you like.

use clap::Parser;
use tamga_fuzz::targets::{self, Target};

/// Fuzz Tamga's calls, extrinsics or runtime API arguments against the real runtime.
///
/// Inputs are generated from the runtime's metadata and mutated; each run is reproducible
/// from its seed. Exits 0 if no rule was broken, 1 with the finding (input bytes and the
/// command that reproduces it) if one was, 2 on bad usage.
#[derive(Debug, Parser)]
#[command(name = "tamga-fuzz", version)]
struct Args {
	/// What to fuzz.
	#[arg(value_enum)]
	target: Target,

	/// How many inputs to run.
	#[arg(long, default_value_t = 100_000)]
	runs: u64,

	/// The seed; the same seed, day and target run the same inputs.
	#[arg(long, default_value_t = 1)]
	seed: u64,

	/// The chain's day, in days since 1970-01-01 (default: today). Inputs lean towards
	/// dates near it, so a finding reproduces with the day it was found on.
	#[arg(long)]
	today: Option<u32>,
}

fn main() {
	let args = Args::parse();
	let started = std::time::Instant::now();
	let today = args.today.unwrap_or_else(tamga_fuzz::chain::today);
	eprintln!(
		"fuzzing {:?}: {} inputs from seed {} on day {today}",
		args.target, args.runs, args.seed
	);
	let outcome = targets::run(args.target, args.seed, today, args.runs, |report| {
		let rate = report.inputs as f64 / started.elapsed().as_secs_f64();
		eprintln!(
			"  {} inputs ({rate:.0}/s): {} undecodable, {} accepted",
			report.inputs,
			report.undecodable,
			report.accepted()
		);
	});
	match outcome {
		Ok(report) => {
			println!("{report}");
			println!("no rule broken in {:.1} s", started.elapsed().as_secs_f64());
		},
		Err(finding) => {
			eprintln!("FINDING: {finding}");
			std::process::exit(1);
		},
	}
}
