//! The chain the inputs are tried on: the real runtime's `local_testnet` genesis (four
//! administrations, no sudo) at block 1 on today's date, and the accounts that act.

use frame_support::traits::OnInitialize;
use sp_keyring::Sr25519Keyring;
use tamga_runtime::{genesis_presets, AccountId, Governance, Runtime, System};

/// Milliseconds in a day.
const DAY_MS: u64 = 86_400_000;

/// Today, in days since 1970-01-01 (UTC).
pub fn today() -> u32 {
	let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	(now.as_millis() as u64 / DAY_MS) as u32
}

/// Who acts: the four administrations' member accounts, then development accounts that
/// start as outsiders (and may be accredited by earlier inputs).
pub fn actors() -> Vec<Sr25519Keyring> {
	let mut actors: Vec<Sr25519Keyring> =
		genesis_presets::LOCAL_ADMINISTRATIONS.iter().map(|a| a.account_key).collect();
	for key in
		[Sr25519Keyring::Eve, Sr25519Keyring::Ferdie, Sr25519Keyring::One, Sr25519Keyring::Two]
	{
		if !actors.contains(&key) {
			actors.push(key);
		}
	}
	actors
}

/// The accounts of [`actors`], as raw 32-byte ids for the generator.
pub fn actor_ids() -> Vec<[u8; 32]> {
	actors().iter().map(|k| <[u8; 32]>::from(k.to_account_id())).collect()
}

/// The account of `key`.
pub fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

/// Fresh externalities holding the `local_testnet` genesis state at block 1, on day `today`
/// (days since 1970-01-01).
pub fn genesis(today: u32) -> sp_io::TestExternalities {
	let mut ext: sp_io::TestExternalities = genesis_presets::local_testnet_storage().into();
	ext.execute_with(|| {
		System::set_block_number(1);
		// The time of the last block (set directly: no slot to match outside a block).
		pallet_timestamp::Now::<Runtime>::put(today as u64 * DAY_MS + DAY_MS / 2);
		Governance::on_initialize(1);
	});
	ext
}
