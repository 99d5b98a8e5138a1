//! Batch anchoring: a binary Merkle tree over document ids, with blake2-256.
//!
//! Encoding (domain-separated, so a leaf can never pass for a node):
//! - leaf:  `blake2_256(0x00 ‖ document_id)`
//! - node:  `blake2_256(0x01 ‖ left ‖ right)`
//!
//! Leaves are taken in the order the issuer lists the documents. Each level pairs
//! neighbours left to right; an unpaired last node moves up to the next level unchanged.
//! The root of one document is its leaf hash. A proof of the member at `index` in a batch
//! of `count` is the list of siblings from the leaf up (levels where the node was
//! unpaired contribute none).

use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

/// The most siblings a proof can have: enough for 2^32 documents.
pub const MAX_PROOF_LENGTH: u32 = 32;

/// The hash of leaf `id`.
pub fn leaf(id: &H256) -> H256 {
	let mut input = [0u8; 33];
	input[1..].copy_from_slice(id.as_bytes());
	sp_io::hashing::blake2_256(&input).into()
}

/// The hash of an inner node with children `left` and `right`.
pub fn node(left: &H256, right: &H256) -> H256 {
	let mut input = [0u8; 65];
	input[0] = 1;
	input[1..33].copy_from_slice(left.as_bytes());
	input[33..].copy_from_slice(right.as_bytes());
	sp_io::hashing::blake2_256(&input).into()
}

/// A member's place in a batch and its siblings from the leaf up.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Proof {
	/// The member's position in the batch, from 0.
	pub index: u32,
	/// How many documents the batch holds.
	pub count: u32,
	/// The sibling hashes, from the leaf level up.
	pub siblings: BoundedVec<H256, ConstU32<MAX_PROOF_LENGTH>>,
}

/// The root `id` and `proof` lead to, or `None` if the proof does not fit its batch size
/// (index out of range, too few or too many siblings).
pub fn root_from_proof(id: &H256, proof: &Proof) -> Option<H256> {
	if proof.index >= proof.count {
		return None;
	}
	let mut hash = leaf(id);
	let (mut index, mut width) = (proof.index, proof.count);
	let mut siblings = proof.siblings.iter();
	while width > 1 {
		let unpaired_last = index == width - 1 && width % 2 == 1;
		if !unpaired_last {
			let sibling = siblings.next()?;
			hash = if index % 2 == 0 { node(&hash, sibling) } else { node(sibling, &hash) };
		}
		index /= 2;
		width = width.div_ceil(2);
	}
	siblings.next().is_none().then_some(hash)
}

/// A whole tree over a batch's ids, every level kept: the issuer side, which hands each
/// member its proof (build it once, then take any number of proofs).
pub struct Tree {
	/// The levels from the leaves (level 0) up to the root (one hash).
	levels: Vec<Vec<H256>>,
}

impl Tree {
	/// The tree over `ids`, or `None` for an empty batch.
	pub fn new(ids: &[H256]) -> Option<Self> {
		let mut levels = vec![ids.iter().map(leaf).collect::<Vec<H256>>()];
		if levels[0].is_empty() {
			return None;
		}
		while levels.last().map_or(0, Vec::len) > 1 {
			let next = levels
				.last()
				.expect("at least the leaves")
				.chunks(2)
				.map(|pair| if pair.len() == 2 { node(&pair[0], &pair[1]) } else { pair[0] })
				.collect();
			levels.push(next);
		}
		Some(Self { levels })
	}

	/// The root.
	pub fn root(&self) -> H256 {
		self.levels.last().expect("never empty")[0]
	}

	/// The proof of member `index`, or `None` if there is no such member.
	pub fn proof(&self, index: u32) -> Option<Proof> {
		let count = self.levels[0].len();
		if index as usize >= count {
			return None;
		}
		let mut position = index as usize;
		let mut siblings = Vec::new();
		for level in &self.levels[..self.levels.len() - 1] {
			if let Some(sibling) = level.get(position ^ 1) {
				siblings.push(*sibling);
			}
			position /= 2;
		}
		Some(Proof { index, count: count as u32, siblings: siblings.try_into().ok()? })
	}
}

/// The root of `ids` (the issuer side; also used by tests and the client). `None` for an
/// empty batch.
pub fn root(ids: &[H256]) -> Option<H256> {
	Tree::new(ids).map(|tree| tree.root())
}

/// The proof of member `index` of `ids`, or `None` if there is no such member. To prove
/// many members, build a [`Tree`] once.
pub fn proof(ids: &[H256], index: u32) -> Option<Proof> {
	Tree::new(ids)?.proof(index)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn ids(n: u32) -> Vec<H256> {
		(0..n).map(|i| H256::from_low_u64_be(i as u64 + 1)).collect()
	}

	#[test]
	fn every_member_of_every_batch_size_verifies_and_nothing_else_does() {
		for n in 1..=33 {
			let ids = ids(n);
			let root = root(&ids).unwrap();
			for i in 0..n {
				let proof = proof(&ids, i).unwrap();
				assert_eq!(root_from_proof(&ids[i as usize], &proof), Some(root), "n={n} i={i}");
				// Another id with the same proof does not lead to the root.
				assert_ne!(root_from_proof(&H256::repeat_byte(0xee), &proof), Some(root));
				// Nor does the right id at another index.
				if n > 1 {
					let moved = Proof { index: (i + 1) % n, ..proof.clone() };
					assert_ne!(
						root_from_proof(&ids[i as usize], &moved),
						Some(root),
						"n={n} i={i}"
					);
				}
			}
		}
	}

	#[test]
	fn a_tree_gives_the_same_root_and_proofs_as_the_functions() {
		for n in [1, 2, 3, 7, 8, 33] {
			let ids = ids(n);
			let tree = Tree::new(&ids).unwrap();
			assert_eq!(Some(tree.root()), root(&ids));
			for i in 0..n {
				let from_tree = tree.proof(i).unwrap();
				assert_eq!(root_from_proof(&ids[i as usize], &from_tree), Some(tree.root()));
			}
			assert!(tree.proof(n).is_none());
		}
		assert!(Tree::new(&[]).is_none());
	}

	#[test]
	fn malformed_proofs_are_rejected() {
		let ids = ids(5);
		let mut proof = proof(&ids, 2).unwrap();
		assert!(root_from_proof(&ids[2], &Proof { index: 5, ..proof.clone() }).is_none());
		proof.siblings.try_push(H256::zero()).unwrap();
		assert!(root_from_proof(&ids[2], &proof).is_none(), "a sibling too many");
		proof.siblings.truncate(1);
		assert!(root_from_proof(&ids[2], &proof).is_none(), "siblings missing");
	}

	#[test]
	fn leaves_and_nodes_are_domain_separated() {
		let (a, b) = (H256::repeat_byte(1), H256::repeat_byte(2));
		// A node's hash cannot be presented as a document id of a one-document batch.
		let inner = node(&leaf(&a), &leaf(&b));
		assert_ne!(leaf(&inner), inner);
		assert_eq!(root(&[a]), Some(leaf(&a)));
		assert_eq!(root(&[]), None);
	}
}
