//! The fuzz targets and the loop that runs them: generate an input from the metadata,
//! mutate it half the time, run it on the chain, and turn any broken rule into a
//! [`Finding`] that names the seed and input number that reproduce it.

pub mod api;
pub mod calls;
pub mod extrinsics;

use std::collections::BTreeMap;

use frame_metadata::v15::RuntimeMetadataV15;

use crate::{chain, generate::Generator, rng::Rng};

/// How many inputs run on one chain state before it is reset to genesis: long enough for
/// earlier inputs to set the stage (accreditations, documents) for later ones.
const INPUTS_PER_STATE: u64 = 250;

/// What is fuzzed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
	/// SCALE bytes decoded as a call of Tamga's pallets and dispatched from any actor.
	Calls,
	/// Bytes a stranger may submit to a node: signed extrinsics, validated as the pool
	/// does and applied as a block author does.
	Extrinsics,
	/// Arguments of Tamga's runtime APIs (what the JSON-RPC layer passes on).
	Api,
}

/// An input that broke a rule.
#[derive(Debug)]
pub struct Finding {
	/// The target that found it.
	pub target: Target,
	/// The seed of the run.
	pub seed: u64,
	/// The day the run's chain was on (days since 1970-01-01).
	pub today: u32,
	/// The input's number in the run (from 0).
	pub number: u64,
	/// The input's bytes.
	pub input: Vec<u8>,
	/// What went wrong.
	pub problem: String,
}

impl std::fmt::Display for Finding {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(
			f,
			"{:?} input #{} (seed {}): {}\n  input: 0x{}\n  reproduce: tamga-fuzz {} --seed {} \
			 --runs {} --today {}",
			self.target,
			self.number,
			self.seed,
			self.problem,
			self.input.iter().map(|b| format!("{b:02x}")).collect::<String>(),
			format!("{:?}", self.target).to_lowercase(),
			self.seed,
			self.number + 1,
			self.today
		)
	}
}

/// How one input fared.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
	/// It did not decode (refused before any logic ran).
	Undecodable,
	/// It decoded as `name` and was refused with an error, changing nothing.
	Refused(String),
	/// It decoded as `name` and succeeded.
	Accepted(String),
}

/// What a run tried.
#[derive(Debug, Default)]
pub struct Report {
	/// Inputs run.
	pub inputs: u64,
	/// Inputs that did not decode.
	pub undecodable: u64,
	/// Per call or API method: (decoded, accepted).
	pub seen: BTreeMap<String, (u64, u64)>,
}

impl Report {
	fn record(&mut self, outcome: &Outcome) {
		self.inputs += 1;
		match outcome {
			Outcome::Undecodable => self.undecodable += 1,
			Outcome::Refused(name) => self.seen.entry(name.clone()).or_default().0 += 1,
			Outcome::Accepted(name) => {
				let entry = self.seen.entry(name.clone()).or_default();
				entry.0 += 1;
				entry.1 += 1;
			},
		}
	}

	/// Inputs that decoded and succeeded.
	pub fn accepted(&self) -> u64 {
		self.seen.values().map(|(_, accepted)| accepted).sum()
	}
}

impl std::fmt::Display for Report {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		writeln!(
			f,
			"{} inputs: {} undecodable, {} decoded, {} accepted",
			self.inputs,
			self.undecodable,
			self.inputs - self.undecodable,
			self.accepted()
		)?;
		for (name, (decoded, accepted)) in &self.seen {
			writeln!(f, "  {name:<48} decoded {decoded:>7}  accepted {accepted:>7}")?;
		}
		Ok(())
	}
}

/// Runs `runs` inputs of `target` from `seed` on a chain at day `today`; `progress` is
/// called every 1,000 inputs.
pub fn run(
	target: Target,
	seed: u64,
	today: u32,
	runs: u64,
	mut progress: impl FnMut(&Report),
) -> Result<Report, Finding> {
	let metadata = crate::metadata::load();
	let mut generator = Generator::new(&metadata.types, Rng::new(seed), chain::actor_ids(), today);
	let mut report = Report::default();
	let mut ext = chain::genesis(today);
	for number in 0..runs {
		if number > 0 && number % INPUTS_PER_STATE == 0 {
			ext = chain::genesis(today);
		}
		let (input, outcome) = ext.execute_with(|| one(target, &metadata, &mut generator));
		match outcome {
			Ok(outcome) => report.record(&outcome),
			Err(problem) => return Err(Finding { target, seed, today, number, input, problem }),
		}
		if (number + 1) % 1_000 == 0 {
			progress(&report);
		}
	}
	Ok(report)
}

/// Generates and runs one input of `target` on the current externalities.
fn one(
	target: Target,
	metadata: &RuntimeMetadataV15,
	generator: &mut Generator,
) -> (Vec<u8>, Result<Outcome, String>) {
	match target {
		Target::Calls => calls::one(metadata, generator),
		Target::Extrinsics => extrinsics::one(metadata, generator),
		Target::Api => api::one(metadata, generator),
	}
}

/// The state root now, to check that refused inputs change nothing.
fn state_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}
