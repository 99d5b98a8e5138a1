//! The built-in chain specifications `dev` and `local`, and loading of spec files.
//!
//! Both are built from the runtime's genesis presets (see
//! `tamga_runtime::genesis_presets`), so the genesis lives in one place: the runtime.

use sc_service::{ChainType, Properties};
use std::path::PathBuf;

/// A chain specification of the Tamga chain (no client extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token properties shown by wallets and explorers.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), "TMG".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// The runtime Wasm, or an error saying how to get one.
pub fn wasm_binary() -> Result<&'static [u8], String> {
	tamga_runtime::WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm was not built (this binary was built with SKIP_WASM_BUILD); \
		 rebuild tamga-node without it"
			.to_string()
	})
}

/// `dev`: a single administration whose member account, Alice, runs the one validator;
/// its proposals pass at once (1 of 1).
pub fn development() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("Tamga Development")
		.with_id("tamga_dev")
		.with_protocol_id("tamga-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local`: four administrations (KZ, KG, AM, BY), each with its own validator.
pub fn local_testnet() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("Tamga Local Consortium")
		.with_id("tamga_local")
		.with_protocol_id("tamga-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Resolves a `--chain` argument: `dev`, `local` (also the default) or a JSON file path.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development()?),
		"local" => Box::new(local_testnet()?),
		"" => {
			return Err("no chain given: pass --chain PATH (your consortium's chain spec), \
			            --dev (one development validator) or --chain local (the test network \
			            of four administrations on well-known development keys)"
				.into())
		},
		path => {
			let path = PathBuf::from(path);
			if !path.is_file() {
				return Err(format!(
					"chain spec `{}` not found: expected `dev`, `local` or the path of a chain \
					 spec JSON file",
					path.display()
				));
			}
			let spec = ChainSpec::from_json_file(path.clone())
				.map_err(|e| format!("invalid chain spec `{}`: {e}", path.display()))?;
			Box::new(spec)
		},
	})
}
