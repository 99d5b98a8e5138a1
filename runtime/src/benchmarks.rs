//! The pallets whose FRAME benchmarks the runtime serves through the `Benchmark` runtime
//! API when built with the `runtime-benchmarks` feature. `node/bench` (`tamga-bench`) runs
//! them against this runtime's Wasm and writes each pallet's `weights.rs`.

frame_benchmarking::define_benchmarks!(
	[pallet_tamga_governance, Governance]
	[pallet_tamga_certificates, Certificates]
	[pallet_tamga_carnets, Carnets]
	[pallet_tamga_aeo, Aeo]
	[pallet_tamga_exchange, Exchange]
);
