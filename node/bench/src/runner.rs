//! Runs the runtime's `Benchmark` API in its Wasm, on the `development` genesis state in
//! memory ([`BenchmarkingState`]), as `frame-benchmarking-cli` would.

use std::borrow::Cow;

use codec::{Decode, Encode};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::StorageInfo;
use sc_client_db::BenchmarkingState;
use sc_executor::WasmExecutor;
use sp_core::traits::{CallContext, ReadRuntimeVersionExt, RuntimeCode, WrappedRuntimeCode};
use sp_runtime::traits::BlakeTwo256;
use sp_state_machine::StateMachine;

use crate::measure::Figures;

/// The host functions a validator offers, plus the benchmarking ones (clock, database
/// wipe and commit, read/write counters).
type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// The benchmark runtime's Wasm and the `development` genesis state with it as its code.
pub fn development_genesis() -> Result<(Vec<u8>, sp_core::storage::Storage), String> {
	let code = tamga_runtime::WASM_BINARY
		.ok_or("tamga-runtime was built without its Wasm (SKIP_WASM_BUILD set?)")?
		.to_vec();
	let mut genesis = sc_chain_spec::GenesisConfigBuilderRuntimeCaller::<()>::new(&code)
		.get_storage_for_named_preset(Some(&"development".to_string()))
		.map_err(|e| format!("cannot build the development genesis state: {e}"))?;
	genesis.top.insert(sp_core::storage::well_known_keys::CODE.to_vec(), code.clone());
	Ok((code, genesis))
}

/// A pallet and the names of its benchmarks.
pub struct PalletBenchmarks {
	/// The pallet's crate name, e.g. `pallet_tamga_carnets`.
	pub name: String,
	/// Its instance in the runtime, e.g. `Carnets`.
	pub instance: String,
	/// Its benchmarks: one per call.
	pub benchmarks: Vec<String>,
}

/// The runtime's Wasm, an executor and two states: one that tracks reads, writes and the
/// proof, one that does not (for timing).
pub struct Runner {
	code: Vec<u8>,
	executor: WasmExecutor<HostFunctions>,
	tracking: BenchmarkingState<BlakeTwo256>,
	timing: BenchmarkingState<BlakeTwo256>,
}

impl Runner {
	/// Builds the `development` genesis state with the benchmark runtime as its code.
	pub fn new() -> Result<Self, String> {
		let (code, genesis) = development_genesis()?;
		let tracking = BenchmarkingState::new(genesis.clone(), None, true, true)?;
		let timing = BenchmarkingState::new(genesis, None, false, false)?;
		let executor = WasmExecutor::<HostFunctions>::builder()
			.with_max_runtime_instances(2)
			.with_runtime_cache_size(2)
			.build();
		Ok(Self { code, executor, tracking, timing })
	}

	/// Calls runtime API `method` with `input` on `state`.
	fn call<R: Decode>(
		&self,
		state: &BenchmarkingState<BlakeTwo256>,
		method: &str,
		input: &[u8],
	) -> Result<R, String> {
		let wrapped = WrappedRuntimeCode(Cow::Borrowed(&self.code));
		let runtime_code = RuntimeCode {
			code_fetcher: &wrapped,
			heap_pages: None,
			hash: sp_io::hashing::blake2_256(&self.code).to_vec(),
		};
		let mut extensions = sp_externalities::Extensions::default();
		extensions.register(ReadRuntimeVersionExt::new(self.executor.clone()));
		let output = StateMachine::new(
			state,
			&mut Default::default(),
			&self.executor,
			method,
			input,
			&mut extensions,
			&runtime_code,
			CallContext::Offchain,
		)
		.execute()
		.map_err(|e| format!("{method} failed in the runtime: {e}"))?;
		R::decode(&mut &output[..]).map_err(|e| format!("{method} answered undecodably: {e}"))
	}

	/// The pallets the runtime benchmarks, with their benchmarks.
	pub fn pallets(&self) -> Result<Vec<PalletBenchmarks>, String> {
		let (lists, _): (Vec<BenchmarkList>, Vec<StorageInfo>) =
			self.call(&self.timing, "Benchmark_benchmark_metadata", &false.encode())?;
		let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
		lists
			.into_iter()
			.map(|list| {
				for benchmark in &list.benchmarks {
					if !benchmark.components.is_empty() {
						return Err(format!(
							"{}::{} has components; tamga-bench measures worst cases without \
							 components only",
							text(&list.pallet),
							text(&benchmark.name)
						));
					}
				}
				Ok(PalletBenchmarks {
					name: text(&list.pallet),
					instance: text(&list.instance),
					benchmarks: list.benchmarks.iter().map(|b| text(&b.name)).collect(),
				})
			})
			.collect()
	}

	/// Runs benchmark `name` of `pallet` once with its verification, once with storage
	/// tracking (reads, writes, proof size) and `repeat` times for its execution time.
	pub fn measure(
		&self,
		pallet: &PalletBenchmarks,
		name: &str,
		repeat: u32,
	) -> Result<Figures, String> {
		let config = |verify: bool, internal_repeats: u32| BenchmarkConfig {
			pallet: pallet.name.as_bytes().to_vec(),
			instance: pallet.instance.as_bytes().to_vec(),
			benchmark: name.as_bytes().to_vec(),
			selected_components: Vec::new(),
			verify,
			internal_repeats,
		};
		let dispatch = |state, config: BenchmarkConfig| -> Result<Vec<BenchmarkBatch>, String> {
			self.call::<Result<Vec<BenchmarkBatch>, String>>(
				state,
				"Benchmark_dispatch_benchmark",
				&config.encode(),
			)?
		};
		dispatch(&self.timing, config(true, 1))?;
		let tracked = dispatch(&self.tracking, config(false, 1))?;
		let timed = dispatch(&self.timing, config(false, repeat))?;
		let results = |batches: Vec<BenchmarkBatch>| {
			batches.into_iter().flat_map(|batch| batch.results).collect::<Vec<_>>()
		};
		Figures::from_results(name, &results(tracked), &results(timed))
	}
}
