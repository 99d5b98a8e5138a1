//! `tamga-bench`: measures the weight of every call of Tamga's own pallets.
//!
//! It runs the pallets' FRAME benchmarks (each pallet's `benchmarking.rs`, every call in
//! its worst case) inside the runtime's Wasm, built with `runtime-benchmarks`, on the
//! `development` genesis state held in memory with storage tracking, as a validator would
//! execute them. For each call it prints the execution time (median, min and max of the
//! repeats), the database reads and writes and the proof size, and writes the pallet's
//! `weights.rs` from those figures. `scripts/bench-weights.sh` builds and runs it.
//!
//! Before the calls, it measures what one storage read and one write cost on this
//! machine's RocksDB ([`database`]) and writes them to `runtime/src/db_weight.rs`: the
//! runtime's `DbWeight`, which every call's weight adds per read and write.
//!
//! Modules: [`database`] (read and write costs on RocksDB), [`runner`] (the Wasm executor
//! and the benchmark runtime API calls), [`measure`] (figures of one call),
//! [`weights_file`] (the generated `weights.rs` and `db_weight.rs`).

#[cfg(feature = "run")]
mod database;
#[cfg(feature = "run")]
mod measure;
#[cfg(feature = "run")]
mod runner;
#[cfg(feature = "run")]
mod weights_file;

use std::path::PathBuf;

/// Measures the weights of Tamga's pallets and writes their `weights.rs`.
#[derive(Debug, clap::Parser)]
#[command(version, about, long_about = None)]
pub struct Args {
	/// How many times each call is timed (the median becomes its weight).
	#[arg(long, default_value_t = 50)]
	pub repeat: u32,
	/// The workspace root: `pallets/<name>/src/weights.rs` is written under it.
	#[arg(long, default_value = ".")]
	pub workspace: PathBuf,
	/// Only print the figures; write no `weights.rs`.
	#[arg(long)]
	pub dry_run: bool,
	/// Only the pallets whose name contains this (e.g. `carnets`).
	#[arg(long)]
	pub pallet: Option<String>,
	/// Skip the database measurement (keep `runtime/src/db_weight.rs` as it is).
	#[arg(long)]
	pub skip_database: bool,
	/// Records in the database whose read and write costs are measured.
	#[arg(long, default_value_t = 1_000_000)]
	pub db_entries: u32,
	/// Random reads timed.
	#[arg(long, default_value_t = 20_000)]
	pub db_reads: u32,
	/// Blocks committed to time writes.
	#[arg(long, default_value_t = 20)]
	pub db_blocks: u32,
	/// Keys each of those blocks changes.
	#[arg(long, default_value_t = 2_000)]
	pub db_keys_per_block: u32,
	/// Where the measured database is created (and removed).
	#[arg(long, default_value_os_t = std::env::temp_dir())]
	pub db_folder: PathBuf,
}

#[cfg(feature = "run")]
fn main() {
	use clap::Parser;
	let args = Args::parse();
	if let Err(error) = run(&args) {
		eprintln!("Error: {error}");
		std::process::exit(2);
	}
}

#[cfg(feature = "run")]
fn run(args: &Args) -> Result<(), String> {
	println!("machine: {}", measure::machine());
	if !args.skip_database {
		let (_, genesis) = runner::development_genesis()?;
		let costs = database::measure(
			&args.db_folder,
			genesis,
			args.db_entries,
			args.db_reads,
			args.db_blocks,
			args.db_keys_per_block,
		)?;
		println!(
			"database: read {:.1} µs (mean; median {:.1} µs, 95th percentile {:.1} µs) of {} \
			 records, write {:.1} µs per key (blocks of {} changed keys)",
			costs.read_ns as f64 / 1_000.0,
			costs.read_median_ns as f64 / 1_000.0,
			costs.read_p95_ns as f64 / 1_000.0,
			costs.entries,
			costs.write_ns as f64 / 1_000.0,
			costs.keys_per_block
		);
		if !args.dry_run {
			let path = args.workspace.join("runtime/src/db_weight.rs");
			std::fs::write(&path, weights_file::render_db_weight(&costs))
				.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
			println!("wrote {}", path.display());
		}
	}
	let runner = runner::Runner::new()?;
	println!(
		"runtime: tamga-runtime Wasm with runtime-benchmarks; {} timed repeats per call",
		args.repeat
	);
	let mut failures = 0;
	for pallet in runner.pallets()? {
		if args.pallet.as_ref().is_some_and(|only| !pallet.name.contains(only.as_str())) {
			continue;
		}
		println!("\n{}", pallet.name);
		println!("{}", measure::Figures::header());
		let mut figures = Vec::new();
		for benchmark in &pallet.benchmarks {
			match runner.measure(&pallet, benchmark, args.repeat) {
				Ok(measured) => {
					println!("{}", measured.row());
					figures.push(measured);
				},
				Err(error) => {
					println!("  {benchmark:<24} FAILED: {error}");
					failures += 1;
				},
			}
		}
		if !args.dry_run && failures == 0 {
			let path = weights_file::path(&args.workspace, &pallet.name)?;
			std::fs::write(&path, weights_file::render(&pallet.name, &figures, args.repeat))
				.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
			println!("wrote {}", path.display());
		}
	}
	if failures > 0 {
		return Err(format!(
			"{failures} benchmark(s) failed; no weights.rs was written for their pallets"
		));
	}
	Ok(())
}

#[cfg(not(feature = "run"))]
fn main() {
	use clap::Parser;
	let _ = Args::parse();
	eprintln!(
		"Error: tamga-bench was built without its `run` feature; use scripts/bench-weights.sh \
		 (cargo run -p tamga-bench --features run)"
	);
	std::process::exit(2);
}
