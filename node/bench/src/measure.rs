//! The figures of one call: its execution time over the repeats, its database reads and
//! writes, its proof size; and the machine they were measured on.

use frame_benchmarking::BenchmarkResult;

/// What one call was measured at.
pub struct Figures {
	/// The benchmark's (the call's) name.
	pub call: String,
	/// Median execution time, in nanoseconds.
	pub median_ns: u128,
	/// Fastest repeat, in nanoseconds.
	pub min_ns: u128,
	/// Slowest repeat, in nanoseconds.
	pub max_ns: u128,
	/// Database reads (distinct keys; whitelisted keys every block reads are free).
	pub reads: u32,
	/// Database writes (distinct keys).
	pub writes: u32,
	/// Bytes of storage proof the call needs.
	pub proof_size: u32,
}

impl Figures {
	/// The figures of `call` from one tracked run and the timed repeats.
	pub fn from_results(
		call: &str,
		tracked: &[BenchmarkResult],
		timed: &[BenchmarkResult],
	) -> Result<Self, String> {
		let first = tracked.first().ok_or("the tracked run returned no result")?;
		let mut times: Vec<u128> = timed.iter().map(|r| r.extrinsic_time).collect();
		if times.is_empty() {
			return Err("the timed runs returned no result".into());
		}
		times.sort_unstable();
		Ok(Self {
			call: call.to_string(),
			median_ns: times[times.len() / 2],
			min_ns: times[0],
			max_ns: times[times.len() - 1],
			reads: first.reads,
			writes: first.writes,
			proof_size: first.proof_size,
		})
	}

	/// The column titles of [`Self::row`].
	pub fn header() -> String {
		format!(
			"  {:<24} {:>10} {:>10} {:>10} {:>6} {:>6} {:>10}",
			"call", "median µs", "min µs", "max µs", "reads", "writes", "proof B"
		)
	}

	/// One line of the table.
	pub fn row(&self) -> String {
		let micros = |ns: u128| format!("{:.1}", ns as f64 / 1_000.0);
		format!(
			"  {:<24} {:>10} {:>10} {:>10} {:>6} {:>6} {:>10}",
			self.call,
			micros(self.median_ns),
			micros(self.min_ns),
			micros(self.max_ns),
			self.reads,
			self.writes,
			self.proof_size
		)
	}
}

/// The machine: CPU model, core count and memory, from `/proc`.
pub fn machine() -> String {
	let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
	let model = cpuinfo
		.lines()
		.find_map(|line| line.strip_prefix("model name"))
		.map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
		.unwrap_or_else(|| "unknown CPU".into());
	let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
	let memory_kib: u64 = std::fs::read_to_string("/proc/meminfo")
		.unwrap_or_default()
		.lines()
		.find_map(|line| line.strip_prefix("MemTotal:"))
		.and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
		.unwrap_or(0);
	format!("{model}, {cores} cores, {} GiB RAM", memory_kib / 1_048_576)
}
