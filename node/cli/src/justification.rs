//! GRANDPA justifications checked offline: that a pinned authority set finalized a block.
//!
//! A justification is a commit (the finalized block and the precommits that finalized
//! it) and the headers that link each precommit's block back to the finalized one. It
//! finalizes the block if the precommits' distinct signers hold more than two thirds of
//! the set's weight, every signature is valid for the set's id and the round, and every
//! precommit votes for the finalized block or a descendant of it.

use std::collections::{HashMap, HashSet};

use codec::DecodeAll;
use sp_consensus_grandpa::{AuthorityId, AuthorityList, SignatureResult};
use sp_core::H256;
use tamga_runtime::Header;

/// A GRANDPA justification of Tamga's blocks.
pub type Justification = sp_consensus_grandpa::GrandpaJustification<Header>;

/// Decodes a justification from its SCALE bytes.
pub fn decode(bytes: &[u8]) -> Result<Justification, String> {
	Justification::decode_all(&mut &bytes[..])
		.map_err(|e| format!("the justification does not decode: {e}"))
}

/// The smallest weight that is more than two thirds of `total` (GRANDPA's supermajority:
/// with `f = (total - 1) / 3` faulty, `total - f`).
fn supermajority(total: u64) -> u64 {
	total - total.saturating_sub(1) / 3
}

/// Checks that `justification` finalizes block `target` (hash, number) by the authority set
/// `(set_id, list)`; the number of the set's members that signed it.
pub fn verify(
	justification: &Justification,
	target: (H256, u32),
	set_id: u64,
	list: &AuthorityList,
) -> Result<usize, String> {
	let commit = &justification.commit;
	if (commit.target_hash, commit.target_number) != target {
		return Err(format!(
			"the justification finalizes block #{} {:?}, not the proof's block #{} {:?}",
			commit.target_number, commit.target_hash, target.1, target.0
		));
	}
	let weights: HashMap<&AuthorityId, u64> = list.iter().map(|(id, w)| (id, *w)).collect();
	let total: u64 = weights.values().sum();
	let ancestry: HashMap<H256, &Header> =
		justification.votes_ancestries.iter().map(|h| (h.hash(), h)).collect();
	let mut used: HashSet<H256> = HashSet::new();
	let mut signers: HashSet<&AuthorityId> = HashSet::new();
	let mut weight = 0u64;
	for signed in &commit.precommits {
		let Some(voter_weight) = weights.get(&signed.id) else {
			return Err(format!("a precommit is signed by {}, not of set {set_id}", signed.id));
		};
		let message = finality_grandpa::Message::Precommit(signed.precommit.clone());
		match sp_consensus_grandpa::check_message_signature(
			&message,
			&signed.id,
			&signed.signature,
			justification.round,
			set_id,
		) {
			SignatureResult::Valid => {},
			SignatureResult::Invalid => {
				return Err(format!("the precommit of {} has an invalid signature", signed.id))
			},
			SignatureResult::OutdatedSet => {
				return Err(format!("the precommit of {} is signed for another set", signed.id))
			},
		}
		let (mut hash, mut number) = (signed.precommit.target_hash, signed.precommit.target_number);
		while hash != commit.target_hash {
			let header = ancestry.get(&hash).filter(|h| h.number == number && number > target.1);
			let Some(header) = header else {
				return Err(format!(
					"the precommit of {} votes for block #{number} {hash:?}, which the \
					 justification does not link to the finalized block",
					signed.id
				));
			};
			used.insert(hash);
			(hash, number) = (header.parent_hash, number - 1);
		}
		if number != target.1 {
			return Err(format!("the precommit of {} names a wrong block number", signed.id));
		}
		if signers.insert(&signed.id) {
			weight += voter_weight;
		}
	}
	if used.len() != ancestry.len() {
		return Err("the justification carries headers that no precommit needs".into());
	}
	if weight < supermajority(total) {
		return Err(format!(
			"the precommits carry weight {weight} of {total}: not more than two thirds"
		));
	}
	Ok(signers.len())
}

#[cfg(test)]
mod tests {
	use super::*;
	use finality_grandpa::{Commit, Precommit, SignedPrecommit};
	use sp_consensus_grandpa::AuthorityPair;
	use sp_core::Pair;
	use sp_runtime::{traits::Header as _, Digest};

	/// A signed precommit of Tamga's blocks.
	type Vote = SignedPrecommit<H256, u32, sp_consensus_grandpa::AuthoritySignature, AuthorityId>;

	const SET: u64 = 3;
	const ROUND: u64 = 7;

	fn header(number: u32, parent: H256) -> Header {
		Header::new(number, H256::repeat_byte(1), H256::repeat_byte(2), parent, Digest::default())
	}

	fn pairs() -> Vec<AuthorityPair> {
		["//Alice", "//Bob", "//Charlie", "//Dave"]
			.iter()
			.map(|s| AuthorityPair::from_string(s, None).expect("a dev key"))
			.collect()
	}

	fn list(pairs: &[AuthorityPair]) -> AuthorityList {
		pairs.iter().map(|p| (p.public(), 1)).collect()
	}

	fn sign(pair: &AuthorityPair, target: &Header, set: u64) -> Vote {
		let precommit = Precommit { target_hash: target.hash(), target_number: target.number };
		let message = finality_grandpa::Message::Precommit(precommit.clone());
		let payload = sp_consensus_grandpa::localized_payload(ROUND, set, &message);
		SignedPrecommit { precommit, signature: pair.sign(&payload), id: pair.public() }
	}

	/// A justification of `finalized` by `signers` of `pairs`, each voting for `finalized`
	/// or, with `ancestry`, for its descendant at the ancestry's head.
	fn justification(finalized: &Header, votes: Vec<Vote>, ancestry: Vec<Header>) -> Justification {
		Justification {
			round: ROUND,
			commit: Commit {
				target_hash: finalized.hash(),
				target_number: finalized.number,
				precommits: votes,
			},
			votes_ancestries: ancestry,
		}
	}

	#[test]
	fn three_of_four_finalize_and_two_do_not() {
		let pairs = pairs();
		let block = header(10, H256::repeat_byte(9));
		let target = (block.hash(), 10);
		let votes: Vec<_> = pairs[..3].iter().map(|p| sign(p, &block, SET)).collect();
		let three = justification(&block, votes.clone(), vec![]);
		assert_eq!(verify(&three, target, SET, &list(&pairs)), Ok(3));
		let two = justification(&block, votes[..2].to_vec(), vec![]);
		let error = verify(&two, target, SET, &list(&pairs)).unwrap_err();
		assert!(error.contains("weight 2 of 4"), "{error}");
		// The same voter twice is one voter.
		let twice = justification(
			&block,
			vec![votes[0].clone(), votes[0].clone(), votes[1].clone()],
			vec![],
		);
		assert!(verify(&twice, target, SET, &list(&pairs)).is_err());
	}

	#[test]
	fn a_vote_for_a_descendant_counts_when_the_link_is_given() {
		let pairs = pairs();
		let block = header(10, H256::repeat_byte(9));
		let child = header(11, block.hash());
		let mut votes: Vec<_> = pairs[..2].iter().map(|p| sign(p, &block, SET)).collect();
		votes.push(sign(&pairs[2], &child, SET));
		let linked = justification(&block, votes.clone(), vec![child.clone()]);
		assert_eq!(verify(&linked, (block.hash(), 10), SET, &list(&pairs)), Ok(3));
		let unlinked = justification(&block, votes.clone(), vec![]);
		let error = verify(&unlinked, (block.hash(), 10), SET, &list(&pairs)).unwrap_err();
		assert!(error.contains("does not link"), "{error}");
		let extra = header(12, child.hash());
		let padded = justification(&block, votes, vec![child, extra]);
		assert!(verify(&padded, (block.hash(), 10), SET, &list(&pairs)).is_err());
	}

	#[test]
	fn forged_outsider_or_other_set_signatures_are_refused() {
		let pairs = pairs();
		let block = header(10, H256::repeat_byte(9));
		let target = (block.hash(), 10);
		let mut votes: Vec<_> = pairs[..3].iter().map(|p| sign(p, &block, SET)).collect();
		let other_set = justification(&block, votes.clone(), vec![]);
		let error = verify(&other_set, target, SET + 1, &list(&pairs)).unwrap_err();
		assert!(error.contains("another set"), "{error}");
		let outsider = AuthorityPair::from_string("//Eve", None).unwrap();
		votes[2] = sign(&outsider, &block, SET);
		let error =
			verify(&justification(&block, votes.clone(), vec![]), target, SET, &list(&pairs));
		assert!(error.unwrap_err().contains("not of set"));
		votes[2] = sign(&pairs[2], &block, SET);
		votes[2].signature = votes[1].signature.clone();
		let error = verify(&justification(&block, votes, vec![]), target, SET, &list(&pairs));
		assert!(error.unwrap_err().contains("invalid signature"));
		let other_block = header(10, H256::repeat_byte(8));
		let wrong_target = (other_block.hash(), 10);
		let votes: Vec<_> = pairs[..3].iter().map(|p| sign(p, &block, SET)).collect();
		let error = verify(&justification(&block, votes, vec![]), wrong_target, SET, &list(&pairs));
		assert!(error.unwrap_err().contains("not the proof's block"));
	}
}
