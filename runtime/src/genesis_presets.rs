//! Genesis presets: the initial state of the `development` and `local_testnet` chains.
//!
//! - `development`: one administration (KZ) whose member account (Alice) runs the one
//!   validator; its proposals pass at once (1 of 1). For a developer's laptop only.
//! - `local_testnet`: four customs administrations (KZ, KG, AM, BY), each with a member
//!   account that also runs its validator (session keys set at genesis).
//!   Every change from here on is voted by the administrations. Its four validator nodes
//!   are approved to connect with the node keys of `scripts/local-net/node-keys/` on
//!   ports 30333-30336 of 127.0.0.1, as `scripts/local-net.sh` runs them. This is the shape of a real
//!   consortium genesis. Its keys are the well-known development keys (`//Alice` ..
//!   `//Dave`), so it must never carry real documents: a production genesis is built the
//!   same way from keys each administration generates on its own machine.

use alloc::{
	string::{String, ToString},
	vec,
	vec::Vec,
};
use frame_support::build_struct_json_patch;
use pallet_grandpa::AuthorityId as GrandpaId;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, BalancesConfig, GovernanceConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	UNIT,
};

/// Balance given to each administration's account at genesis (for future deposits).
pub const ADMINISTRATION_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// A founding administration of a genesis preset and the keys its validator uses.
pub struct FoundingAdministration {
	/// ISO 3166-1 alpha-2 code of the administration's country.
	pub country: &'static str,
	/// Human-readable name of the administration.
	pub name: &'static str,
	/// Development key for its member account and Aura key.
	pub account_key: Sr25519Keyring,
	/// Development key for its GRANDPA key.
	pub grandpa_key: Ed25519Keyring,
	/// PeerId of its validator node (libp2p), approved to connect at genesis.
	pub node_peer_id: &'static str,
	/// The address its validator node listens on.
	pub node_address: &'static str,
}

impl FoundingAdministration {
	/// The administration's member account.
	pub fn account(&self) -> AccountId {
		self.account_key.to_account_id()
	}

	/// What a genesis names of it: its public keys, node and address.
	pub fn founder(&self) -> Founder {
		Founder {
			country: self.country.to_string(),
			name: self.name.to_string(),
			account: self.account(),
			aura: self.account_key.public().into(),
			grandpa: self.grandpa_key.public().into(),
			node_peer_id: self.node_peer_id.to_string(),
			node_address: self.node_address.to_string(),
		}
	}
}

/// A founding administration as a genesis names it: public keys only. The presets make
/// them from development keys; a launch ceremony (`tamga-node ceremony`) from the public
/// parts each administration generated on its own machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Founder {
	/// ISO 3166-1 alpha-2 code of the administration's country.
	pub country: String,
	/// Human-readable name of the administration.
	pub name: String,
	/// Its member account, which is also its validator's account.
	pub account: AccountId,
	/// Its validator's Aura authority id.
	pub aura: AuraId,
	/// Its validator's GRANDPA authority id.
	pub grandpa: GrandpaId,
	/// PeerId of its validator node (libp2p), approved to connect at genesis.
	pub node_peer_id: String,
	/// The address its validator node listens on (a multiaddress without `/p2p/`).
	pub node_address: String,
}

impl Founder {
	/// Its validator's session keys.
	pub fn session_keys(&self) -> SessionKeys {
		SessionKeys { aura: self.aura.clone(), grandpa: self.grandpa.clone() }
	}
}

/// The four administrations of the `local_testnet` preset.
pub const LOCAL_ADMINISTRATIONS: [FoundingAdministration; 4] = [
	FoundingAdministration {
		country: "KZ",
		name: "State Revenue Committee of Kazakhstan",
		account_key: Sr25519Keyring::Alice,
		grandpa_key: Ed25519Keyring::Alice,
		node_peer_id: "12D3KooWCAqfMjEv93pJhiTQeMDVPJA3V7s5GuNcJuo5gQcfp2YV",
		node_address: "/ip4/127.0.0.1/tcp/30333",
	},
	FoundingAdministration {
		country: "KG",
		name: "State Customs Service of Kyrgyzstan",
		account_key: Sr25519Keyring::Bob,
		grandpa_key: Ed25519Keyring::Bob,
		node_peer_id: "12D3KooWMuknx4Q1kgRTeFs5EK8NJn1JQ6SMN39FkRbUy6R4fkkR",
		node_address: "/ip4/127.0.0.1/tcp/30334",
	},
	FoundingAdministration {
		country: "AM",
		name: "State Revenue Committee of Armenia",
		account_key: Sr25519Keyring::Charlie,
		grandpa_key: Ed25519Keyring::Charlie,
		node_peer_id: "12D3KooWJTE8QkCiaD2UaAUx7PZDZRzncFiqjEz9B7hK9jVC18Ge",
		node_address: "/ip4/127.0.0.1/tcp/30335",
	},
	FoundingAdministration {
		country: "BY",
		name: "State Customs Committee of Belarus",
		account_key: Sr25519Keyring::Dave,
		grandpa_key: Ed25519Keyring::Dave,
		node_peer_id: "12D3KooWGp1KLPaaCXWvZjLgZcwz7aHzwQpJuKur3pDDaohtyyDV",
		node_address: "/ip4/127.0.0.1/tcp/30336",
	},
];

/// The administration of the single-validator `development` preset.
pub const DEV_ADMINISTRATION: FoundingAdministration = FoundingAdministration {
	country: "KZ",
	name: "Development administration",
	account_key: Sr25519Keyring::Alice,
	grandpa_key: Ed25519Keyring::Alice,
	node_peer_id: "12D3KooWCAqfMjEv93pJhiTQeMDVPJA3V7s5GuNcJuo5gQcfp2YV",
	node_address: "/ip4/127.0.0.1/tcp/30333",
};

/// The genesis patch for a set of founding administrations: each is a member with its
/// account endowed, runs a validator (session keys set here) and has its node approved.
pub fn genesis(founders: &[Founder]) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: founders
				.iter()
				.map(|f| (f.account.clone(), ADMINISTRATION_ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		governance: GovernanceConfig {
			administrations: founders
				.iter()
				.map(|f| (f.country.clone(), f.name.clone(), vec![f.account.clone()]))
				.collect::<Vec<_>>(),
			validators: founders
				.iter()
				.map(|f| (f.account.clone(), f.country.clone()))
				.collect::<Vec<_>>(),
			nodes: founders
				.iter()
				.map(|f| (f.country.clone(), f.node_peer_id.clone(), f.node_address.clone()))
				.collect::<Vec<_>>(),
		},
		// Aura and GRANDPA take their authorities from the session keys.
		session: SessionConfig {
			keys: founders
				.iter()
				.map(|f| (f.account.clone(), f.account.clone(), f.session_keys()))
				.collect::<Vec<_>>(),
		},
	})
}

/// The genesis patch of the `development` preset.
pub fn development() -> Value {
	genesis(&[DEV_ADMINISTRATION.founder()])
}

/// The genesis patch of the `local_testnet` preset: four administrations.
pub fn local_testnet() -> Value {
	genesis(&LOCAL_ADMINISTRATIONS.iter().map(FoundingAdministration::founder).collect::<Vec<_>>())
}

/// The storage of the `local_testnet` genesis: the preset's patch over the defaults, as the
/// node builds it from a chain spec. For tests and tools that run the native runtime.
#[cfg(feature = "std")]
pub fn local_testnet_storage() -> sp_runtime::Storage {
	storage(local_testnet())
}

/// The storage of the `development` genesis (see [`local_testnet_storage`]).
#[cfg(feature = "std")]
pub fn development_storage() -> sp_runtime::Storage {
	storage(development())
}

/// The storage of the genesis `patch` over the defaults.
#[cfg(feature = "std")]
pub fn storage(patch: Value) -> sp_runtime::Storage {
	use sp_runtime::BuildStorage;
	let mut json = serde_json::to_value(crate::RuntimeGenesisConfig::default())
		.expect("the default genesis config serialises");
	merge(&mut json, patch);
	let config: crate::RuntimeGenesisConfig =
		serde_json::from_value(json).expect("the preset is a valid genesis config");
	config.build_storage().expect("the genesis builds")
}

/// Merges the JSON `patch` into `base`, as the node does with a chain spec's patch.
#[cfg(feature = "std")]
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The JSON of the preset called `id`, if there is one.
pub fn preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).expect("serializing a JSON value cannot fail").into_bytes())
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
