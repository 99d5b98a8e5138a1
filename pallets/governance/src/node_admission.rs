//! Node admission: which libp2p nodes may connect to the consortium's network.
//!
//! The consortium approves each node by its PeerId and the address it listens on; every
//! Tamga node on a consortium chain runs reserved-only and keeps its reserved peers equal
//! to the approved nodes of the last finalized block (see `node/src/admission.rs`), so an
//! unknown node can neither connect nor sync.
//!
//! Both are stored as text, as operators write them:
//! - PeerId: base58btc, e.g. `12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp`;
//! - address: a multiaddress without the `/p2p/<PeerId>` suffix, e.g.
//!   `/dns/node1.customs.kz/tcp/30333` or `/ip4/10.0.0.7/tcp/30333`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

use crate::country::CountryCode;

/// The longest PeerId text accepted.
pub const MAX_PEER_ID_LENGTH: u32 = 64;
/// The longest address text accepted.
pub const MAX_ADDRESS_LENGTH: u32 = 128;

/// A node's PeerId, base58 text.
pub type PeerIdText = BoundedVec<u8, ConstU32<MAX_PEER_ID_LENGTH>>;
/// A node's multiaddress, text, without `/p2p/`.
pub type AddressText = BoundedVec<u8, ConstU32<MAX_ADDRESS_LENGTH>>;

/// An approved node.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ApprovedNode {
	/// The administration that runs it.
	pub country: CountryCode,
	/// Where it listens.
	pub address: AddressText,
}

const BASE58_ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// `text` as a PeerId, if it looks like one: 40 to 64 base58 characters. (Whether it
/// decodes to a valid multihash is checked by every node before use.)
pub fn peer_id(text: Vec<u8>) -> Option<PeerIdText> {
	let plausible = (40..=MAX_PEER_ID_LENGTH as usize).contains(&text.len())
		&& text.iter().all(|b| BASE58_ALPHABET.contains(b));
	plausible.then(|| text.try_into().ok()).flatten()
}

/// `text` as a node address, if it looks like a multiaddress without a PeerId: it starts
/// with `/`, is printable ASCII without spaces and has no `/p2p/` part.
pub fn address(text: Vec<u8>) -> Option<AddressText> {
	let plausible = text.first() == Some(&b'/')
		&& text.iter().all(|b| b.is_ascii_graphic())
		&& !text.windows(5).any(|w| w == b"/p2p/")
		&& !text.ends_with(b"/p2p");
	plausible.then(|| text.try_into().ok()).flatten()
}

sp_api::decl_runtime_apis! {
	/// What the node asks the runtime about node admission. Version 2 added which
	/// administration runs each node.
	#[api_version(2)]
	pub trait NodeAdmissionApi {
		/// (PeerId text, address text) of every approved node.
		fn approved_nodes() -> Vec<(Vec<u8>, Vec<u8>)>;
		/// (PeerId text, administration) of every approved node.
		#[api_version(2)]
		fn approved_node_countries() -> Vec<(Vec<u8>, CountryCode)>;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn peer_ids_and_addresses_are_validated() {
		let good = b"12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp".to_vec();
		assert!(peer_id(good).is_some());
		assert!(peer_id(b"12D3KooW0OIl".to_vec()).is_none(), "too short, not base58");
		assert!(peer_id([b'z'; 65].to_vec()).is_none(), "too long");
		assert!(address(b"/ip4/127.0.0.1/tcp/30333".to_vec()).is_some());
		assert!(address(b"/dns/node1.customs.kz/tcp/30333".to_vec()).is_some());
		assert!(address(b"127.0.0.1:30333".to_vec()).is_none());
		assert!(address(b"/ip4/1.2.3.4/tcp/1/p2p/12D3Koo".to_vec()).is_none());
		assert!(address(b"/ip4/1.2.3.4/tcp/1 x".to_vec()).is_none());
		assert!(address([b'/'; 129].to_vec()).is_none());
	}
}
