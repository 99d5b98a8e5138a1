//! The genesis hash of a chain spec, computed as the node computes its genesis block.

use sc_service::ChainSpec;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Block as _};
use tamga_runtime::opaque::Block;

/// Print the genesis hash of a chain spec.
#[derive(Debug, clap::Args)]
pub struct GenesisHashCmd {
	/// The chain spec: a JSON file, or `dev` / `local`.
	#[arg(long)]
	pub chain: String,
}

impl GenesisHashCmd {
	/// Prints the hash (and the chain's name and id on stderr).
	pub fn run(&self) -> Result<(), String> {
		let spec = crate::chain_spec::load(&self.chain)?;
		let hash = genesis_hash(spec.as_ref())?;
		eprintln!("{} ({}, {:?})", spec.name(), spec.id(), spec.chain_type());
		println!("{hash:?}");
		Ok(())
	}
}

/// The hash of the genesis block a node builds from `spec`: its storage's trie root, in
/// the state version of the runtime it holds, in an otherwise empty header.
pub fn genesis_hash(spec: &dyn ChainSpec) -> Result<H256, String> {
	let storage = spec
		.as_storage_builder()
		.build_storage()
		.map_err(|e| format!("the chain spec's genesis does not build: {e}"))?;
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	let state_version =
		sc_service::resolve_state_version_from_wasm::<_, BlakeTwo256>(&storage, &executor)
			.map_err(|e| format!("cannot read the runtime's version from the spec: {e}"))?;
	let state: sp_state_machine::TrieBackend<_, BlakeTwo256> = (storage, state_version).into();
	let block = sc_service::construct_genesis_block::<Block>(*state.root(), state_version);
	Ok(block.hash())
}
