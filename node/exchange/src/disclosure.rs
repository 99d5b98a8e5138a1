//! What an envelope holds once opened, and the check a receiving node makes of it.
//!
//! A [`Disclosure`] names every field group of a document exactly once: the groups sent
//! are revealed (salt and content), the others hidden (their leaf alone). Its SCALE bytes
//! are what is sealed. On arrival ([`check_arrival`]) the revealed groups must be exactly
//! the ones the delivery claims, and the disclosure must lead to the document's field
//! commitment on chain.

use codec::{Decode, DecodeLimit, Encode};
use tamga_primitives::{
	exchange::{root_from_disclosure, DisclosedGroup},
	FieldGroup, FieldGroups, Refusal,
};

/// How deep the SCALE of a [`Disclosure`] (and of the wire's messages) may nest.
pub const DEPTH_LIMIT: u32 = 8;

/// The plaintext of an envelope: each field group of one document, revealed or hidden.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct Disclosure {
	/// Every group of the document, each once, in any order.
	pub groups: Vec<DisclosedGroup>,
}

impl Disclosure {
	/// The groups it reveals.
	pub fn revealed(&self) -> FieldGroups {
		let revealed: Vec<FieldGroup> = self
			.groups
			.iter()
			.filter(|group| matches!(group, DisclosedGroup::Revealed { .. }))
			.map(DisclosedGroup::group)
			.collect();
		FieldGroups::of(&revealed)
	}
}

/// Checks what arrived for `document`, claimed to carry the groups `claimed`, against the
/// document's field commitment `root`, and gives the disclosure if it holds:
///
/// - `plaintext` must be the whole SCALE of a [`Disclosure`] (nested at most
///   [`DEPTH_LIMIT`] deep, no byte left over), else [`Refusal::Unreadable`];
/// - the groups it reveals must be exactly `claimed`, else [`Refusal::Tampered`];
/// - it must name every group once and lead to `root`, else [`Refusal::Tampered`].
pub fn check_arrival(
	document: &[u8; 32],
	claimed: FieldGroups,
	plaintext: &[u8],
	root: &[u8; 32],
) -> Result<Disclosure, Refusal> {
	let disclosure = Disclosure::decode_all_with_depth_limit(DEPTH_LIMIT, &mut &plaintext[..])
		.map_err(|_| Refusal::Unreadable)?;
	if disclosure.revealed() != claimed {
		return Err(Refusal::Tampered);
	}
	match root_from_disclosure(document, &disclosure.groups) {
		Some(found) if found == *root => Ok(disclosure),
		_ => Err(Refusal::Tampered),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::{
		exchange::{fields_root, group_leaf},
		Named, FIELD_GROUPS,
	};

	const DOCUMENT: [u8; 32] = [0xd0; 32];

	/// A document's salts and contents, and its commitment.
	struct Document {
		salts: [[u8; 32]; FIELD_GROUPS],
		contents: [Vec<u8>; FIELD_GROUPS],
		root: [u8; 32],
	}

	fn document(id: &[u8; 32]) -> Document {
		let salts = core::array::from_fn(|i| [i as u8 + 1; 32]);
		let contents = core::array::from_fn(|i| format!("group {i}").into_bytes());
		let leaves =
			core::array::from_fn(|i| group_leaf(id, FieldGroup::ALL[i], &salts[i], &contents[i]));
		Document { salts, contents, root: fields_root(id, &leaves) }
	}

	/// `doc`'s disclosure for `id` revealing `shown`.
	fn disclose(id: &[u8; 32], doc: &Document, shown: FieldGroups) -> Disclosure {
		let groups = FieldGroup::ALL
			.iter()
			.map(|&group| {
				let (salt, content) = (doc.salts[group.index()], &doc.contents[group.index()]);
				if shown.contains(group) {
					DisclosedGroup::Revealed { group, salt, content: content.clone() }
				} else {
					DisclosedGroup::Hidden { group, leaf: group_leaf(id, group, &salt, content) }
				}
			})
			.collect();
		Disclosure { groups }
	}

	fn goods() -> FieldGroups {
		FieldGroups::of(&[FieldGroup::Goods, FieldGroup::Attachments])
	}

	#[test]
	fn a_disclosure_of_the_claimed_groups_arrives() {
		let doc = document(&DOCUMENT);
		let disclosure = disclose(&DOCUMENT, &doc, goods());
		let arrived = check_arrival(&DOCUMENT, goods(), &disclosure.encode(), &doc.root);
		assert_eq!(arrived, Ok(disclosure));
		let nothing = disclose(&DOCUMENT, &doc, FieldGroups::default());
		let plaintext = nothing.encode();
		assert_eq!(
			check_arrival(&DOCUMENT, FieldGroups::default(), &plaintext, &doc.root),
			Ok(nothing)
		);
	}

	#[test]
	fn a_changed_content_byte_is_tampered() {
		let doc = document(&DOCUMENT);
		let mut disclosure = disclose(&DOCUMENT, &doc, goods());
		if let DisclosedGroup::Revealed { content, .. } = &mut disclosure.groups[1] {
			content[0] ^= 1;
		}
		let arrived = check_arrival(&DOCUMENT, goods(), &disclosure.encode(), &doc.root);
		assert_eq!(arrived, Err(Refusal::Tampered));
	}

	#[test]
	fn the_revealed_groups_must_be_the_claimed_ones() {
		let doc = document(&DOCUMENT);
		let more =
			FieldGroups::of(&[FieldGroup::Goods, FieldGroup::Attachments, FieldGroup::Parties]);
		let revealing_more = disclose(&DOCUMENT, &doc, more).encode();
		let arrived = check_arrival(&DOCUMENT, goods(), &revealing_more, &doc.root);
		assert_eq!(arrived, Err(Refusal::Tampered), "a revealed group not claimed");
		let hiding_one = disclose(&DOCUMENT, &doc, goods()).encode();
		let arrived = check_arrival(&DOCUMENT, more, &hiding_one, &doc.root);
		assert_eq!(arrived, Err(Refusal::Tampered), "a claimed group hidden");
		let mut missing = disclose(&DOCUMENT, &doc, goods());
		missing.groups.remove(0);
		let arrived = check_arrival(&DOCUMENT, goods(), &missing.encode(), &doc.root);
		assert_eq!(arrived, Err(Refusal::Tampered), "a group missing");
	}

	#[test]
	fn bytes_that_are_not_exactly_a_disclosure_are_unreadable() {
		let doc = document(&DOCUMENT);
		let garbage = [0xff_u8; 40];
		let arrived = check_arrival(&DOCUMENT, goods(), &garbage, &doc.root);
		assert_eq!(arrived, Err(Refusal::Unreadable));
		let mut trailing = disclose(&DOCUMENT, &doc, goods()).encode();
		trailing.push(0);
		let arrived = check_arrival(&DOCUMENT, goods(), &trailing, &doc.root);
		assert_eq!(arrived, Err(Refusal::Unreadable));
		assert_eq!(check_arrival(&DOCUMENT, goods(), &[], &doc.root), Err(Refusal::Unreadable));
	}

	#[test]
	fn another_documents_disclosure_is_tampered() {
		let doc = document(&DOCUMENT);
		let other_id = [0xd1; 32];
		let other = disclose(&other_id, &document(&other_id), goods()).encode();
		let arrived = check_arrival(&DOCUMENT, goods(), &other, &doc.root);
		assert_eq!(arrived, Err(Refusal::Tampered));
	}
}
