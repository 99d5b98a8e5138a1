//! The public part of one administration's ceremony keys: the file it sends to the
//! assembler (and, for a late joiner, what the admission votes name).

use std::path::Path;

use codec::{Decode, Encode};
use frame_support::traits::Get;
use pallet_tamga_governance::CountryCode;
use sc_network::{Multiaddr, PeerId};
use serde::{Deserialize, Serialize};
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::OpaqueKeys;
use tamga_runtime::{genesis_presets::Founder, AccountId, Runtime, SessionKeys};

/// The version of the file format this node writes and reads.
pub const PART_FORMAT: u32 = 1;

/// What one administration makes public of its keys for a new chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicPart {
	/// [`PART_FORMAT`].
	pub format: u32,
	/// The chain id the keys were generated for (their keystore folder is named after it).
	pub chain_id: String,
	/// ISO 3166-1 alpha-2 code of the administration's country.
	pub country: String,
	/// The administration's name.
	pub name: String,
	/// Its member account (SS58), also its validator's account.
	pub account: String,
	/// Its validator's session keys, SCALE-encoded (Aura sr25519 then GRANDPA ed25519), hex.
	pub session_keys: String,
	/// Proof that the session keys' holder signed for `account`, hex: what `set-keys` sends.
	pub session_keys_proof: String,
	/// Its validator node's libp2p PeerId.
	pub peer_id: String,
	/// The address the other administrations' nodes reach it at (no `/p2p/`).
	pub address: String,
}

impl PublicPart {
	/// Reads and checks a part file; the part and the founder it describes.
	pub fn read(path: &Path) -> Result<(Self, Founder), String> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
		let part: Self = serde_json::from_str(&text)
			.map_err(|e| format!("`{}` is not a ceremony part file: {e}", path.display()))?;
		let founder = part.founder().map_err(|e| format!("`{}`: {e}", path.display()))?;
		Ok((part, founder))
	}

	/// The founder this part describes, after checking every field: the format, the
	/// country code, the account, the keys and their proof of ownership, the PeerId and
	/// the address.
	pub fn founder(&self) -> Result<Founder, String> {
		if self.format != PART_FORMAT {
			return Err(format!(
				"part format {} is not {PART_FORMAT} (made by another node version?)",
				self.format
			));
		}
		let country = self.check_names()?;
		let account = AccountId::from_ss58check(&self.account)
			.map_err(|e| format!("account `{}` is not an SS58 address: {e:?}", self.account))?;
		let keys = SessionKeys::decode(&mut &from_hex(&self.session_keys)?[..])
			.map_err(|e| format!("sessionKeys are not Tamga session keys: {e}"))?;
		let proof = from_hex(&self.session_keys_proof)?;
		let owner = account.encode();
		let proven = sp_io::TestExternalities::default()
			.execute_with(|| keys.ownership_proof_is_valid(&owner, &proof));
		if !proven {
			return Err(format!(
				"the session keys' proof of ownership is not valid for account {}",
				self.account
			));
		}
		self.peer_id
			.parse::<PeerId>()
			.map_err(|e| format!("peerId `{}` is not a libp2p PeerId: {e}", self.peer_id))?;
		Ok(Founder {
			country: country.to_string(),
			name: self.name.trim().to_string(),
			account,
			aura: keys.aura.clone(),
			grandpa: keys.grandpa.clone(),
			node_peer_id: self.peer_id.clone(),
			node_address: self.address.clone(),
		})
	}

	/// Checks what needs no key (chain id, country, name, address); the country.
	pub fn check_names(&self) -> Result<CountryCode, String> {
		check_chain_id(&self.chain_id)?;
		let country = self.country.parse::<CountryCode>().map_err(|e| {
			format!("country `{}` is not an ISO 3166-1 alpha-2 code: {e:?}", self.country)
		})?;
		let longest: u32 = <Runtime as pallet_tamga_governance::Config>::MaxNameLength::get();
		let longest = longest as usize;
		if self.name.trim().is_empty() || self.name.len() > longest {
			return Err(format!("the administration's name must have 1 to {longest} bytes"));
		}
		let plausible =
			pallet_tamga_governance::node_admission::address(self.address.clone().into_bytes())
				.is_some();
		if !plausible || self.address.parse::<Multiaddr>().is_err() {
			return Err(format!(
				"address `{}` must be a multiaddress without /p2p/, e.g. \
				 /dns/tamga.customs.kz/tcp/30333",
				self.address
			));
		}
		Ok(country)
	}

	/// The address other nodes dial: the address with `/p2p/<PeerId>`.
	pub fn boot_node(&self) -> String {
		format!("{}/p2p/{}", self.address, self.peer_id)
	}
}

/// Refuses a chain id that cannot name a folder or a network protocol: 3 to 40 lowercase
/// ASCII letters, digits and `_`, starting with a letter.
pub fn check_chain_id(id: &str) -> Result<(), String> {
	let good = (3..=40).contains(&id.len())
		&& id.starts_with(|c: char| c.is_ascii_lowercase())
		&& id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
	if good {
		Ok(())
	} else {
		Err(format!(
			"chain id `{id}` must have 3 to 40 lowercase letters, digits or `_`, starting with \
			 a letter, e.g. tamga_eaeu"
		))
	}
}

/// `0x`-prefixed lowercase hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes))
}

/// The bytes of `0x`-prefixed hex text.
fn from_hex(text: &str) -> Result<Vec<u8>, String> {
	let digits = text.strip_prefix("0x").ok_or_else(|| format!("`{text}` is not 0x hex"))?;
	sp_core::bytes::from_hex(digits).map_err(|e| format!("`{text}` is not 0x hex: {e}"))
}
