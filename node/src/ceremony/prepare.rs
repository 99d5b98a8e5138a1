//! `ceremony prepare`: one administration generates its keys for a new chain on its own
//! machine and writes their public parts to a file.

use std::{
	io::Write,
	path::{Path, PathBuf},
	sync::Arc,
};

use codec::Encode;
use sc_network::config::{ed25519, NodeKeyConfig, Secret};
use sp_core::{
	crypto::{key_types, Pair as _, Ss58Codec},
	sr25519,
};
use sp_keystore::{Keystore, KeystoreExt, KeystorePtr};
use tamga_runtime::{AccountId, SessionKeys};

use super::part::{check_chain_id, to_hex, PublicPart, PART_FORMAT};

/// Generate this administration's keys for a new chain.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Writes:
  BASE_PATH/chains/CHAIN_ID/keystore/          the validator's Aura and GRANDPA keys
  BASE_PATH/chains/CHAIN_ID/network/secret_ed25519   the node key
  --secret-out FILE                           the member account's secret phrase (0600):
                                              move it offline, away from the validator
  --out FILE                                  the public part: send it to the assembler
Nothing is overwritten: an existing key or file stops the command.")]
pub struct PrepareCmd {
	/// The chain id the administrations agreed on (the assembled spec's `id`), e.g.
	/// tamga_eaeu: the keystore and node key go into its folder.
	#[arg(long)]
	pub chain_id: String,
	/// Your administration's ISO 3166-1 alpha-2 country code, e.g. KZ.
	#[arg(long)]
	pub country: String,
	/// Your administration's name, e.g. "State Revenue Committee of Kazakhstan".
	#[arg(long)]
	pub name: String,
	/// The address the other administrations' nodes reach your validator at, without
	/// /p2p/, e.g. /dns/tamga.customs.kz/tcp/30333.
	#[arg(long)]
	pub address: String,
	/// Your validator's base path (what it will run with --base-path).
	#[arg(long)]
	pub base_path: PathBuf,
	/// Where the member account's secret phrase is written (created, mode 0600).
	#[arg(long)]
	pub secret_out: PathBuf,
	/// Where the public part is written (created).
	#[arg(long)]
	pub out: PathBuf,
}

impl PrepareCmd {
	/// Generates the keys and writes the files; refuses to overwrite anything.
	pub fn run(&self) -> Result<(), String> {
		check_chain_id(&self.chain_id)?;
		let chain_dir = self.base_path.join("chains").join(&self.chain_id);
		let keystore_dir = chain_dir.join("keystore");
		let node_key_file = chain_dir.join("network").join("secret_ed25519");
		refuse_existing(&keystore_dir, "a keystore")?;
		refuse_existing(&node_key_file, "a node key")?;
		refuse_existing(&self.secret_out, "the secret file")?;
		refuse_existing(&self.out, "the public part file")?;

		let (member, phrase, _) = sr25519::Pair::generate_with_phrase(None);
		let account = AccountId::from(member.public());
		// The candidate part is checked before any key is written, so bad input leaves
		// nothing behind.
		let mut part = PublicPart {
			format: PART_FORMAT,
			chain_id: self.chain_id.clone(),
			country: self.country.to_ascii_uppercase(),
			name: self.name.clone(),
			account: account.to_ss58check(),
			session_keys: String::new(),
			session_keys_proof: String::new(),
			peer_id: String::new(),
			address: self.address.clone(),
		};
		part.check_names()?;

		let keystore: KeystorePtr = Arc::new(
			sc_keystore::LocalKeystore::open(&keystore_dir, None)
				.map_err(|e| format!("cannot open keystore `{}`: {e}", keystore_dir.display()))?,
		);
		let aura = keystore
			.sr25519_generate_new(key_types::AURA, None)
			.map_err(|e| format!("cannot generate the Aura key: {e}"))?;
		let grandpa = keystore
			.ed25519_generate_new(key_types::GRANDPA, None)
			.map_err(|e| format!("cannot generate the GRANDPA key: {e}"))?;
		let mut keys = SessionKeys { aura: aura.into(), grandpa: grandpa.into() };
		let proof = ownership_proof(&mut keys, &account, keystore)?;

		let node_key =
			NodeKeyConfig::Ed25519(Secret::File(node_key_file.clone()))
				.into_keypair()
				.map_err(|e| format!("cannot write node key `{}`: {e}", node_key_file.display()))?;
		let peer_id = ed25519::Keypair::public(&node_key).to_peer_id().to_base58();

		part.session_keys = to_hex(&keys.encode());
		part.session_keys_proof = to_hex(&proof);
		part.peer_id = peer_id;
		part.founder()?;

		write_new(&self.secret_out, phrase.as_bytes(), 0o600)?;
		let json = serde_json::to_string_pretty(&part).map_err(|e| e.to_string())? + "\n";
		write_new(&self.out, json.as_bytes(), 0o644)?;

		println!("{} ({}) for chain {}:", part.name, part.country, part.chain_id);
		println!("  member account  {}", part.account);
		println!("  session keys    {} (in {})", part.session_keys, keystore_dir.display());
		println!("  node            {} at {}", part.peer_id, part.address);
		println!("public part:      {} (send it to the assembler)", self.out.display());
		println!(
			"secret phrase:   {} (mode 0600: move it offline; it signs your votes)",
			self.secret_out.display()
		);
		Ok(())
	}
}

/// The proof, signed by `keys` in `keystore`, that they belong to `account`: what the
/// session pallet's `set_keys` checks. Made by the runtime's own code, with the keystore
/// as its signer.
fn ownership_proof(
	keys: &mut SessionKeys,
	account: &AccountId,
	keystore: KeystorePtr,
) -> Result<Vec<u8>, String> {
	let mut externalities = sp_io::TestExternalities::default();
	externalities.register_extension(KeystoreExt(keystore));
	let owner = account.encode();
	externalities
		.execute_with(|| keys.create_ownership_proof(&owner))
		.map(|proof| proof.encode())
		.map_err(|()| "the keystore could not sign the session keys' proof".to_string())
}

/// Refuses if `path` exists (a key or file the ceremony would overwrite).
fn refuse_existing(path: &Path, what: &str) -> Result<(), String> {
	if path.exists() {
		Err(format!(
			"{what} already exists at `{}`: the ceremony never overwrites keys; choose \
			 another path or remove it",
			path.display()
		))
	} else {
		Ok(())
	}
}

/// Writes `bytes` into a new file at `path` with `mode`.
fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<(), String> {
	use std::os::unix::fs::OpenOptionsExt;
	if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
		std::fs::create_dir_all(parent)
			.map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
	}
	let mut file = std::fs::OpenOptions::new()
		.write(true)
		.create_new(true)
		.mode(mode)
		.open(path)
		.map_err(|e| format!("cannot create `{}`: {e}", path.display()))?;
	file.write_all(bytes).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}
