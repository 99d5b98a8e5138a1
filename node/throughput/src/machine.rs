//! The machine a benchmark ran on, stated with its figures.

use serde_json::{json, Value};

/// CPU model, cores, memory, kernel and the node binary measured.
pub fn describe(node_binary: &std::path::Path) -> Value {
	let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
	let cpu = cpuinfo
		.lines()
		.find(|l| l.starts_with("model name"))
		.and_then(|l| l.split(':').nth(1))
		.map(|s| s.trim().to_string())
		.unwrap_or_else(|| "unknown".into());
	let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
	let memory_gib = meminfo
		.lines()
		.find(|l| l.starts_with("MemTotal"))
		.and_then(|l| l.split_whitespace().nth(1))
		.and_then(|kb| kb.parse::<f64>().ok())
		.map(|kb| (kb / 1024.0 / 1024.0 * 10.0).round() / 10.0);
	let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
		.map(|s| s.trim().to_string())
		.unwrap_or_default();
	let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
	let profile = node_binary
		.parent()
		.and_then(|p| p.file_name())
		.map(|n| n.to_string_lossy().into_owned())
		.unwrap_or_default();
	json!({
		"cpu": cpu, "cores": cores, "memoryGiB": memory_gib, "kernel": kernel,
		"nodeBinary": node_binary.display().to_string(), "nodeBuild": profile,
	})
}
