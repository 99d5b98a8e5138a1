//! The records the exchange pallet keeps: data-sharing agreements between two
//! administrations and the terms each side signs.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::{AppendixKind, CountryCode, FieldGroups, Grants, ReceiptStatus};

/// The two administrations of an agreement, the one with the smaller country code first:
/// an agreement is stored once, under this pair, whichever side proposed it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Pair {
	/// The smaller country code.
	pub first: CountryCode,
	/// The larger one.
	pub second: CountryCode,
}

impl Pair {
	/// The pair of `a` and `b` (`None` if they are the same administration).
	pub fn of(a: CountryCode, b: CountryCode) -> Option<Self> {
		match a.cmp(&b) {
			core::cmp::Ordering::Less => Some(Self { first: a, second: b }),
			core::cmp::Ordering::Greater => Some(Self { first: b, second: a }),
			core::cmp::Ordering::Equal => None,
		}
	}
}

/// What each side of an agreement grants the other, stored in the pair's order.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Terms {
	/// What the pair's first administration grants the second.
	pub first_to_second: Grants,
	/// What the second grants the first.
	pub second_to_first: Grants,
}

impl Terms {
	/// The terms by which `from` grants `gives` to its partner and receives `receives`,
	/// stored in `pair`'s order.
	pub fn from_side(pair: Pair, from: CountryCode, gives: Grants, receives: Grants) -> Self {
		if from == pair.first {
			Self { first_to_second: gives, second_to_first: receives }
		} else {
			Self { first_to_second: receives, second_to_first: gives }
		}
	}

	/// What `side` (one of `pair`) grants its partner and what it receives.
	pub fn for_side(&self, pair: Pair, side: CountryCode) -> (Grants, Grants) {
		if side == pair.first {
			(self.first_to_second, self.second_to_first)
		} else {
			(self.second_to_first, self.first_to_second)
		}
	}

	/// Whether both sides grant each other the same.
	pub fn is_symmetric(&self) -> bool {
		self.first_to_second == self.second_to_first
	}

	/// Whether neither side grants anything.
	pub fn is_empty(&self) -> bool {
		self.first_to_second.is_empty() && self.second_to_first.is_empty()
	}
}

/// Where an agreement stands.
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
pub enum AgreementState {
	/// Proposed, never accepted: nothing is granted yet.
	Proposed,
	/// In force: its terms apply.
	Active,
	/// Suspended by one side (only that side resumes it): nothing is granted meanwhile.
	Suspended {
		/// The side that suspended it.
		by: CountryCode,
	},
	/// Ended for good, or a proposal declined; the two may propose a new one.
	Terminated {
		/// The side that ended it.
		by: CountryCode,
	},
}

tamga_primitives::impl_named!(AgreementStateName, "agreement state", {
	Proposed => "proposed",
	Active => "active",
	Suspended => "suspended",
	Terminated => "terminated",
});

/// The name of an [`AgreementState`] without the side that acted: how the RPC and the
/// `tamga` tool spell a state.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AgreementStateName {
	/// [`AgreementState::Proposed`].
	Proposed,
	/// [`AgreementState::Active`].
	Active,
	/// [`AgreementState::Suspended`].
	Suspended,
	/// [`AgreementState::Terminated`].
	Terminated,
}

impl AgreementState {
	/// The state's name.
	pub fn name(self) -> AgreementStateName {
		match self {
			Self::Proposed => AgreementStateName::Proposed,
			Self::Active => AgreementStateName::Active,
			Self::Suspended { .. } => AgreementStateName::Suspended,
			Self::Terminated { .. } => AgreementStateName::Terminated,
		}
	}

	/// The side that suspended or terminated it, if one did.
	pub fn by(self) -> Option<CountryCode> {
		match self {
			Self::Suspended { by } | Self::Terminated { by } => Some(by),
			Self::Proposed | Self::Active => None,
		}
	}
}

/// Terms one side proposed and the other has not accepted yet: the first terms of an
/// agreement, or new terms of one in force (which keeps its old terms until then).
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
pub struct Proposal<BlockNumber> {
	/// The side that proposed them (the other accepts or declines).
	pub by: CountryCode,
	/// The terms.
	pub terms: Terms,
	/// The block in which they were proposed.
	pub at: BlockNumber,
}

/// A data-sharing agreement between two administrations.
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
pub struct Agreement<BlockNumber> {
	/// Where it stands.
	pub state: AgreementState,
	/// The terms both sides signed (nothing granted while it is only proposed).
	pub terms: Terms,
	/// Terms proposed and not yet accepted.
	pub proposal: Option<Proposal<BlockNumber>>,
	/// The block in which it was first accepted.
	pub since: Option<BlockNumber>,
	/// The block of its last change.
	pub changed: BlockNumber,
}

impl<BlockNumber> Agreement<BlockNumber> {
	/// Whether it is not terminated (proposed, active or suspended): the two are parties
	/// to it and may act on it.
	pub fn is_open(&self) -> bool {
		!matches!(self.state, AgreementState::Terminated { .. })
	}

	/// What the pair's `from` side grants the other now: its signed terms while the
	/// agreement is active, nothing otherwise.
	pub fn granted(&self, pair: Pair, from: CountryCode) -> Grants {
		match self.state {
			AgreementState::Active => self.terms.for_side(pair, from).0,
			_ => Grants::NONE,
		}
	}
}

/// What a receiving administration recorded about one delivery of a document's groups
/// (the delivery is named by the hash of what arrived: the key of its receipt).
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
pub struct Receipt<BlockNumber> {
	/// Delivered, acknowledged or rejected (with the reason).
	pub status: ReceiptStatus,
	/// The groups the delivery carried.
	pub groups: FieldGroups,
	/// The block of the last change.
	pub at: BlockNumber,
}

/// One receipt of [`record_receipts`](crate::Call::record_receipts): what came of
/// `from`'s delivery `payload` of `groups` of `document`, as
/// [`record_receipt`](crate::Call::record_receipt) takes it.
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
pub struct ReceiptEntry {
	/// The sending administration's country code.
	pub from: [u8; 2],
	/// The document.
	pub document: H256,
	/// The groups the delivery carried.
	pub groups: FieldGroups,
	/// blake2-256 of what arrived.
	pub payload: H256,
	/// Delivered, acknowledged or rejected (with the reason).
	pub status: ReceiptStatus,
}

/// A record an administration appended to a document it received (or to one of its own).
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
pub struct Appendix<BlockNumber> {
	/// The administration that appended it.
	pub by: CountryCode,
	/// What it records.
	pub kind: AppendixKind,
	/// blake2-256 of the record (kept off chain).
	pub hash: H256,
	/// The block in which it was appended.
	pub at: BlockNumber,
}

/// What the exchange pallet needs to know of an anchored document.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AnchoredDocument<AccountId> {
	/// The account that anchored it (its issuer, or the approved exporter of an origin
	/// declaration).
	pub author: AccountId,
	/// The country whose administration accredited its author.
	pub country: CountryCode,
	/// The kind of document it is (what agreements grant).
	pub kind: tamga_primitives::DocumentKind,
	/// The role its author anchored it in: an issuer, or an approved exporter for its own
	/// declaration.
	pub role: tamga_primitives::Role,
}

/// A document's field commitment as stored: the root and the block it was made in (a
/// commitment made after its author's key was cut off, or by a party whose anchoring the
/// consortium voided, reads as void).
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
pub struct FieldCommitment<BlockNumber> {
	/// The root over the document's salted field groups.
	pub root: H256,
	/// The block in which its author made it.
	pub at: BlockNumber,
}
