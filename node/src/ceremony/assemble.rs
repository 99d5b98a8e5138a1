//! `ceremony assemble`: the administrations' public parts become one live chain spec.

use std::{collections::BTreeSet, path::PathBuf};

use sc_service::ChainType;

use super::{
	genesis_hash,
	part::{check_chain_id, PublicPart},
};
use crate::chain_spec::{properties, ChainSpec};

/// Assemble a live chain spec from the administrations' public parts.
#[derive(Debug, clap::Args)]
pub struct AssembleCmd {
	/// The consortium's name, shown by every node, e.g. "Tamga EAEU Consortium".
	#[arg(long)]
	pub name: String,
	/// The chain id the parts were prepared for, e.g. tamga_eaeu.
	#[arg(long)]
	pub id: String,
	/// Where the raw chain spec is written (created).
	#[arg(long)]
	pub out: PathBuf,
	/// The runtime Wasm to launch with (e.g. the release build whose hash everyone
	/// compared; `scripts/release.sh`); by default this node's own runtime.
	#[arg(long)]
	pub runtime: Option<PathBuf>,
	/// The administrations' public part files (`ceremony prepare --out`), at least one.
	#[arg(required = true)]
	pub parts: Vec<PathBuf>,
}

impl AssembleCmd {
	/// Checks the parts, writes the raw spec and prints its genesis hash.
	pub fn run(&self) -> Result<(), String> {
		check_chain_id(&self.id)?;
		if self.name.trim().is_empty() {
			return Err("--name must not be empty".into());
		}
		if self.out.exists() {
			return Err(format!("`{}` exists: the assembler never overwrites", self.out.display()));
		}
		let (parts, founders): (Vec<_>, Vec<_>) = self
			.parts
			.iter()
			.map(|path| PublicPart::read(path))
			.collect::<Result<Vec<_>, _>>()?
			.into_iter()
			.unzip();
		for part in &parts {
			if part.chain_id != self.id {
				return Err(format!(
					"{}'s part was prepared for chain `{}`, not `{}`: its keys are in that \
					 chain's folder",
					part.country, part.chain_id, self.id
				));
			}
		}
		refuse_duplicates("country", parts.iter().map(|p| p.country.clone()))?;
		refuse_duplicates("member account", parts.iter().map(|p| p.account.clone()))?;
		refuse_duplicates("session keys", parts.iter().map(|p| p.session_keys.clone()))?;
		refuse_duplicates("PeerId", parts.iter().map(|p| p.peer_id.clone()))?;
		refuse_duplicates("address", parts.iter().map(|p| p.address.clone()))?;

		let code = match &self.runtime {
			Some(path) => std::fs::read(path)
				.map_err(|e| format!("cannot read runtime `{}`: {e}", path.display()))?,
			None => crate::chain_spec::wasm_binary()?.to_vec(),
		};
		let boot_nodes = parts
			.iter()
			.map(|p| p.boot_node().parse().map_err(|e| format!("{}: {e}", p.boot_node())))
			.collect::<Result<Vec<_>, String>>()?;
		let spec = ChainSpec::builder(&code, Default::default())
			.with_name(self.name.trim())
			.with_id(&self.id)
			.with_protocol_id(&self.id.replace('_', "-"))
			.with_chain_type(ChainType::Live)
			.with_genesis_config_patch(tamga_runtime::genesis_presets::genesis(&founders))
			.with_properties(properties())
			.with_boot_nodes(boot_nodes)
			.build();
		crate::preflight::check_development_keys(&spec)?;
		let json = spec.as_json(true)?;
		std::fs::write(&self.out, json)
			.map_err(|e| format!("cannot write `{}`: {e}", self.out.display()))?;

		// The hash is of the file as written, read back the way every node will read it.
		let written = ChainSpec::from_json_file(self.out.clone())?;
		let hash = genesis_hash(&written)?;
		eprintln!(
			"{} ({}): {} founding administrations",
			written.name(),
			written.id(),
			parts.len()
		);
		for part in &parts {
			eprintln!("  {} {}  {}  {}", part.country, part.account, part.peer_id, part.address);
		}
		eprintln!("spec written to {}; genesis hash:", self.out.display());
		println!("{hash:?}");
		Ok(())
	}
}

/// Refuses a value two parts share.
fn refuse_duplicates(what: &str, values: impl Iterator<Item = String>) -> Result<(), String> {
	let mut seen = BTreeSet::new();
	for value in values {
		if !seen.insert(value.clone()) {
			return Err(format!("two parts have the same {what} `{value}`"));
		}
	}
	Ok(())
}
