//! The words of the information space between administrations (issue 23): how much of a
//! document one administration lets another see ([`Access`]), the parts of a document
//! that are granted and disclosed one by one ([`FieldGroup`]), the table of what one
//! administration grants another ([`Grants`]), and the commitment over a document's field
//! groups that lets a partner prove the groups it received without seeing the others
//! ([`group_leaf`], [`fields_root`], [`root_from_disclosure`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::StorageHasher;
use scale_info::TypeInfo;

use crate::{names::Named, party::DocumentKind};

/// How much of a field group one administration lets another have, from least to most:
/// each mode includes what the ones before it allow.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Access {
	/// Nothing is sent.
	#[default]
	None,
	/// The group is sent; the partner reads it.
	Read,
	/// The partner also appends its own records (a control result, a release, a use),
	/// which travel back under the same agreement.
	ReadAppend,
	/// The partner also passes the group on under its own agreements.
	Full,
}

crate::impl_named!(Access, "access mode", {
	None => "none",
	Read => "read",
	ReadAppend => "readAppend",
	Full => "full",
});

impl Access {
	/// Whether the group is sent to the partner at all.
	pub fn reads(self) -> bool {
		self >= Self::Read
	}

	/// Whether the partner may append its own records to the document.
	pub fn appends(self) -> bool {
		self >= Self::ReadAppend
	}

	fn bits(self) -> u16 {
		self as u16
	}

	fn from_bits(bits: u16) -> Self {
		match bits & 0b11 {
			0 => Self::None,
			1 => Self::Read,
			2 => Self::ReadAppend,
			_ => Self::Full,
		}
	}
}

/// A part of a document granted and disclosed as one: every document type maps its facts
/// to these groups (a group it has no facts for is disclosed empty).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum FieldGroup {
	/// Exporter, consignee, producer, issuer's officers: who is named.
	Parties,
	/// Descriptions, HS codes, quantities, marks and packages.
	Goods,
	/// Means of transport, route, places of loading and unloading.
	Transport,
	/// Invoice values, origin criteria, production and inspection data.
	ValuesAndProduction,
	/// Scans, laboratory reports and other attached files.
	Attachments,
	/// Controls, releases and uses recorded by administrations.
	Controls,
}

crate::impl_named!(FieldGroup, "field group", {
	Parties => "parties",
	Goods => "goods",
	Transport => "transport",
	ValuesAndProduction => "valuesAndProduction",
	Attachments => "attachments",
	Controls => "controls",
});

/// How many field groups a document has.
pub const FIELD_GROUPS: usize = 6;

impl FieldGroup {
	/// The group's place, from 0, in declaration order (the order of a commitment's
	/// leaves).
	pub fn index(self) -> usize {
		self as usize
	}
}

/// A set of field groups: which groups a delivery carried.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct FieldGroups(u8);

impl Decode for FieldGroups {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let bits = u8::decode(input)?;
		if bits >> FIELD_GROUPS != 0 {
			return Err("a set of field groups names a group that does not exist".into());
		}
		Ok(Self(bits))
	}
}

impl FieldGroups {
	/// The set of `groups`.
	pub fn of(groups: &[FieldGroup]) -> Self {
		Self(groups.iter().fold(0, |bits, group| bits | 1 << group.index()))
	}

	/// Whether `group` is in the set.
	pub fn contains(&self, group: FieldGroup) -> bool {
		self.0 & (1 << group.index()) != 0
	}

	/// Whether the set is empty.
	pub fn is_empty(&self) -> bool {
		self.0 == 0
	}

	/// The groups of the set, in [`FieldGroup`] order.
	pub fn iter(self) -> impl Iterator<Item = FieldGroup> {
		FieldGroup::ALL.iter().copied().filter(move |group| self.contains(*group))
	}
}

/// What came of a delivery of field groups, as the receiving administration records it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ReceiptStatus {
	/// The groups arrived and match the document's commitment; the receiving
	/// administration's systems have not taken them over yet.
	Delivered,
	/// The receiving administration's systems took them over.
	Acknowledged,
	/// The receiving administration refused them, for the reason given.
	Rejected(Refusal),
}

/// The name of a [`ReceiptStatus`] without its reason: how the RPC and the `tamga` tool
/// spell it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReceiptStatusName {
	/// [`ReceiptStatus::Delivered`].
	Delivered,
	/// [`ReceiptStatus::Acknowledged`].
	Acknowledged,
	/// [`ReceiptStatus::Rejected`].
	Rejected,
}

crate::impl_named!(ReceiptStatusName, "receipt status", {
	Delivered => "delivered",
	Acknowledged => "acknowledged",
	Rejected => "rejected",
});

impl ReceiptStatus {
	/// The status's name.
	pub fn name(self) -> ReceiptStatusName {
		match self {
			Self::Delivered => ReceiptStatusName::Delivered,
			Self::Acknowledged => ReceiptStatusName::Acknowledged,
			Self::Rejected(_) => ReceiptStatusName::Rejected,
		}
	}

	/// Why it was rejected, if it was.
	pub fn refusal(self) -> Option<Refusal> {
		match self {
			Self::Rejected(refusal) => Some(refusal),
			Self::Delivered | Self::Acknowledged => None,
		}
	}
}

/// Why a receiving administration refused a delivery.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Refusal {
	/// It carried groups the agreement does not grant.
	NotGranted,
	/// A group does not match the document's commitment.
	Tampered,
	/// The agreement was not active when it arrived.
	AgreementNotActive,
	/// It could not be decrypted or decoded.
	Unreadable,
	/// The document has no field commitment to check it against.
	NoCommitment,
}

crate::impl_named!(Refusal, "refusal reason", {
	NotGranted => "notGranted",
	Tampered => "tampered",
	AgreementNotActive => "agreementNotActive",
	Unreadable => "unreadable",
	NoCommitment => "noCommitment",
});

/// What an administration appends to a document it received.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum AppendixKind {
	/// The result of a control (inspection, laboratory test, document check).
	Control,
	/// The release of the goods.
	Release,
	/// A use of the document (quantities written off).
	Use,
}

crate::impl_named!(AppendixKind, "kind of appended record", {
	Control => "control",
	Release => "release",
	Use => "use",
});

/// How many document kinds a [`Grants`] table has room for (there are seven today; the
/// eighth row must stay empty until a kind is added at the end of [`DocumentKind`]).
const KIND_ROWS: usize = 8;

/// What one administration grants another: for each kind of document and each field
/// group, an [`Access`] mode (two bits each; a kind's six groups in one `u16`).
///
/// Only canonical tables decode: bits above a row's twelve, or a row for a kind that does
/// not exist, make the bytes undecodable (a call carrying them is refused).
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Grants([u16; KIND_ROWS]);

impl Decode for Grants {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let rows = <[u16; KIND_ROWS]>::decode(input)?;
		let grants = Self(rows);
		if grants.is_canonical() {
			Ok(grants)
		} else {
			Err("grants name a document kind or field group that does not exist".into())
		}
	}
}

impl DecodeWithMemTracking for Grants {}

impl Grants {
	/// Nothing granted.
	pub const NONE: Self = Self([0; KIND_ROWS]);

	/// The mode granted for `group` of documents of `kind`.
	pub fn get(&self, kind: DocumentKind, group: FieldGroup) -> Access {
		Access::from_bits(self.0[kind as usize] >> (2 * group.index()))
	}

	/// This table with `group` of `kind` granted at `access`.
	pub fn with(mut self, kind: DocumentKind, group: FieldGroup, access: Access) -> Self {
		let shift = 2 * group.index();
		let row = &mut self.0[kind as usize];
		*row = (*row & !(0b11 << shift)) | (access.bits() << shift);
		self
	}

	/// This table with every group of `kind` granted at `access`.
	pub fn with_kind(self, kind: DocumentKind, access: Access) -> Self {
		FieldGroup::ALL.iter().fold(self, |grants, group| grants.with(kind, *group, access))
	}

	/// The modes of `kind`'s groups, in [`FieldGroup`] order.
	pub fn of_kind(&self, kind: DocumentKind) -> [Access; FIELD_GROUPS] {
		let mut modes = [Access::None; FIELD_GROUPS];
		for group in FieldGroup::ALL {
			modes[group.index()] = self.get(kind, *group);
		}
		modes
	}

	/// Every grant above [`Access::None`], kind by kind, group by group.
	pub fn entries(&self) -> impl Iterator<Item = Grant> + '_ {
		DocumentKind::ALL.iter().flat_map(move |kind| {
			FieldGroup::ALL.iter().filter_map(move |group| {
				let access = self.get(*kind, *group);
				(access != Access::None).then_some(Grant { kind: *kind, group: *group, access })
			})
		})
	}

	/// Whether nothing is granted.
	pub fn is_empty(&self) -> bool {
		self.0.iter().all(|row| *row == 0)
	}

	/// Whether the table uses only bits of existing kinds and groups.
	pub fn is_canonical(&self) -> bool {
		let group_bits = (1u16 << (2 * FIELD_GROUPS)) - 1;
		self.0.iter().enumerate().all(|(row, bits)| {
			(bits & !group_bits) == 0 && (row < DocumentKind::ALL.len() || *bits == 0)
		})
	}

	/// The table holding `grants` (a later grant of the same kind and group wins).
	pub fn of(grants: &[Grant]) -> Self {
		grants.iter().fold(Self::NONE, |table, g| table.with(g.kind, g.group, g.access))
	}
}

/// One entry of a [`Grants`] table, written `kind:group=access` (e.g.
/// `veterinary:goods=read`; `kind:*=access` for every group of a kind is read by the
/// `tamga` tool, not here).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Grant {
	/// The kind of document.
	pub kind: DocumentKind,
	/// The field group.
	pub group: FieldGroup,
	/// The mode granted.
	pub access: Access,
}

impl core::fmt::Display for Grant {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "{}:{}={}", self.kind, self.group, self.access)
	}
}

/// Why a text is not a grant's text form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GrantTextError {
	/// It is not `kind:group=access`.
	Shape,
	/// One of its three names is unknown.
	Name(crate::UnknownName),
}

impl core::fmt::Display for GrantTextError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::Shape => f.write_str("is not kind:group=access (e.g. veterinary:goods=read)"),
			Self::Name(unknown) => write!(f, "has a name that {unknown}"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for GrantTextError {}

impl core::str::FromStr for Grant {
	type Err = GrantTextError;

	fn from_str(text: &str) -> Result<Self, GrantTextError> {
		let (target, access) = text.split_once('=').ok_or(GrantTextError::Shape)?;
		let (kind, group) = target.split_once(':').ok_or(GrantTextError::Shape)?;
		Ok(Self {
			kind: kind.trim().parse().map_err(GrantTextError::Name)?,
			group: group.trim().parse().map_err(GrantTextError::Name)?,
			access: access.trim().parse().map_err(GrantTextError::Name)?,
		})
	}
}

/// A 32-byte hash of the field-group commitment.
pub type Hash32 = [u8; 32];

/// The label of a field group's leaf (this scheme and version).
pub const LEAF_LABEL: &[u8] = b"tamga/fields/leaf/v1";
/// The label of a document's field commitment (this scheme and version).
pub const ROOT_LABEL: &[u8] = b"tamga/fields/root/v1";

/// The leaf committing to one field group of `document`: `blake2_256(LEAF_LABEL ‖
/// document ‖ group index ‖ salt ‖ content)`, where `content` is the group's canonical
/// bytes (empty if the document has none) and `salt` a fresh random value per group and
/// document, so a leaf reveals nothing of a group that is not disclosed. The document and
/// the label bind the leaf to this document and this scheme: it proves nothing for
/// another document, and no other hash of Tamga (a batch's Merkle tree) takes its place.
pub fn group_leaf(document: &Hash32, group: FieldGroup, salt: &Hash32, content: &[u8]) -> Hash32 {
	let mut input = alloc::vec::Vec::with_capacity(LEAF_LABEL.len() + 32 + 1 + 32 + content.len());
	input.extend_from_slice(LEAF_LABEL);
	input.extend_from_slice(document);
	input.push(group.index() as u8);
	input.extend_from_slice(salt);
	input.extend_from_slice(content);
	frame_support::Blake2_256::hash(&input)
}

/// The commitment over `document`'s field groups: `blake2_256(ROOT_LABEL ‖ document ‖
/// leaf of each group in [`FieldGroup`] order)` (a one-level tree: with six groups, the
/// leaves of the hidden groups are the proof).
pub fn fields_root(document: &Hash32, leaves: &[Hash32; FIELD_GROUPS]) -> Hash32 {
	let mut input = alloc::vec::Vec::with_capacity(ROOT_LABEL.len() + 32 + 32 * FIELD_GROUPS);
	input.extend_from_slice(ROOT_LABEL);
	input.extend_from_slice(document);
	for leaf in leaves {
		input.extend_from_slice(leaf);
	}
	frame_support::Blake2_256::hash(&input)
}

/// One group of a disclosure: either revealed (its salt and content) or hidden (its leaf
/// alone).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum DisclosedGroup {
	/// The group's salt and canonical content.
	Revealed {
		/// The group.
		group: FieldGroup,
		/// Its salt.
		salt: Hash32,
		/// Its canonical bytes.
		content: alloc::vec::Vec<u8>,
	},
	/// The leaf of a group that is not disclosed.
	Hidden {
		/// The group.
		group: FieldGroup,
		/// Its leaf.
		leaf: Hash32,
	},
}

impl DisclosedGroup {
	/// Which group this is.
	pub fn group(&self) -> FieldGroup {
		match self {
			Self::Revealed { group, .. } | Self::Hidden { group, .. } => *group,
		}
	}

	/// The group's leaf in `document`.
	pub fn leaf(&self, document: &Hash32) -> Hash32 {
		match self {
			Self::Revealed { group, salt, content } => group_leaf(document, *group, salt, content),
			Self::Hidden { leaf, .. } => *leaf,
		}
	}
}

/// The commitment a disclosure of `document` leads to, or `None` unless it names every
/// group exactly once. Compare it with the document's commitment on chain: equal means
/// every revealed group is the one the issuer committed to for this document.
pub fn root_from_disclosure(document: &Hash32, groups: &[DisclosedGroup]) -> Option<Hash32> {
	let mut leaves: [Option<Hash32>; FIELD_GROUPS] = [None; FIELD_GROUPS];
	for disclosed in groups {
		let slot = &mut leaves[disclosed.group().index()];
		if slot.is_some() {
			return None;
		}
		*slot = Some(disclosed.leaf(document));
	}
	let mut complete = [[0u8; 32]; FIELD_GROUPS];
	for (leaf, slot) in complete.iter_mut().zip(leaves) {
		*leaf = slot?;
	}
	Some(fields_root(document, &complete))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn modes_are_ordered_and_include_the_lesser_ones() {
		assert!(!Access::None.reads());
		assert!(Access::Read.reads() && !Access::Read.appends());
		assert!(Access::ReadAppend.appends() && Access::Full.appends());
		assert_eq!("read-append".parse::<Access>(), Ok(Access::ReadAppend));
	}

	#[test]
	fn every_kind_and_group_holds_its_own_mode() {
		let mut grants = Grants::NONE;
		for (i, kind) in DocumentKind::ALL.iter().enumerate() {
			for (j, group) in FieldGroup::ALL.iter().enumerate() {
				grants = grants.with(*kind, *group, Access::ALL[(i + j) % 4]);
			}
		}
		for (i, kind) in DocumentKind::ALL.iter().enumerate() {
			for (j, group) in FieldGroup::ALL.iter().enumerate() {
				assert_eq!(grants.get(*kind, *group), Access::ALL[(i + j) % 4]);
			}
		}
		assert!(grants.is_canonical());
		assert_eq!(Grants::decode(&mut &grants.encode()[..]), Ok(grants));
		let lowered = grants.with(DocumentKind::Aeo, FieldGroup::Goods, Access::None);
		assert_eq!(lowered.get(DocumentKind::Aeo, FieldGroup::Goods), Access::None);
		assert_eq!(
			lowered.get(DocumentKind::Aeo, FieldGroup::Parties),
			grants.get(DocumentKind::Aeo, FieldGroup::Parties)
		);
	}

	#[test]
	fn tables_naming_what_does_not_exist_do_not_decode() {
		let mut rows = [0u16; KIND_ROWS];
		rows[0] = 1 << 12;
		assert!(Grants::decode(&mut &rows.encode()[..]).is_err());
		let mut rows = [0u16; KIND_ROWS];
		rows[KIND_ROWS - 1] = 1;
		assert!(Grants::decode(&mut &rows.encode()[..]).is_err());
	}

	#[test]
	fn sets_of_groups_hold_what_they_name_and_nothing_else_decodes() {
		let set = FieldGroups::of(&[FieldGroup::Goods, FieldGroup::Controls]);
		assert!(set.contains(FieldGroup::Goods) && !set.contains(FieldGroup::Parties));
		assert_eq!(
			set.iter().collect::<alloc::vec::Vec<_>>(),
			[FieldGroup::Goods, FieldGroup::Controls]
		);
		assert_eq!(FieldGroups::decode(&mut &set.encode()[..]), Ok(set));
		assert!(FieldGroups::decode(&mut &[1u8 << FIELD_GROUPS][..]).is_err());
		assert!(FieldGroups::default().is_empty());
	}

	#[test]
	fn grants_read_and_print_as_text() {
		let grant: Grant = "veterinary:goods=read".parse().unwrap();
		assert_eq!(
			grant,
			Grant {
				kind: DocumentKind::Veterinary,
				group: FieldGroup::Goods,
				access: Access::Read
			}
		);
		assert_eq!(grant.to_string(), "veterinary:goods=read");
		assert_eq!("veterinary goods".parse::<Grant>(), Err(GrantTextError::Shape));
		assert!(matches!("veterinary:cargo=read".parse::<Grant>(), Err(GrantTextError::Name(_))));
		let table = Grants::of(&[grant]);
		assert_eq!(table.entries().collect::<alloc::vec::Vec<_>>(), [grant]);
	}

	#[test]
	fn a_disclosure_proves_revealed_groups_and_nothing_else() {
		let salts: [Hash32; FIELD_GROUPS] = core::array::from_fn(|i| [i as u8 + 1; 32]);
		let contents: [&[u8]; FIELD_GROUPS] =
			[b"exporter", b"beef 0201", b"", b"", b"lab.pdf", b""];
		let document = [0xd0; 32];
		let leaves: [Hash32; FIELD_GROUPS] = core::array::from_fn(|i| {
			group_leaf(&document, FieldGroup::ALL[i], &salts[i], contents[i])
		});
		let root = fields_root(&document, &leaves);
		let disclose = |content: &[u8]| -> alloc::vec::Vec<DisclosedGroup> {
			FieldGroup::ALL
				.iter()
				.map(|group| match group {
					FieldGroup::Goods => DisclosedGroup::Revealed {
						group: *group,
						salt: salts[group.index()],
						content: content.to_vec(),
					},
					_ => DisclosedGroup::Hidden { group: *group, leaf: leaves[group.index()] },
				})
				.collect()
		};
		assert_eq!(root_from_disclosure(&document, &disclose(b"beef 0201")), Some(root));
		assert_ne!(root_from_disclosure(&document, &disclose(b"pork 0203")), Some(root));
		// The same groups and salts prove nothing for another document.
		let other = [0xd1; 32];
		assert_ne!(root_from_disclosure(&other, &disclose(b"beef 0201")), Some(root));
		let mut missing = disclose(b"beef 0201");
		missing.pop();
		assert_eq!(root_from_disclosure(&document, &missing), None);
		let mut twice = disclose(b"beef 0201");
		twice[5] = twice[0].clone();
		assert_eq!(root_from_disclosure(&document, &twice), None);
		// A leaf is not a group: the same bytes under another group give another leaf.
		assert_ne!(
			group_leaf(&document, FieldGroup::Goods, &salts[0], b"x"),
			group_leaf(&document, FieldGroup::Parties, &salts[0], b"x")
		);
	}
}
