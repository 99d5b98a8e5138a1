//! The records the AEO pallet keeps: certifications, their status changes, mutual
//! recognition agreements.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use tamga_primitives::CountryCode;

/// Identifier of a status change, counted up from 0.
pub type ChangeId = u64;
/// Identifier of a mutual recognition agreement, counted up from 0.
pub type MraId = u32;

/// An operator: the country of the administration that certifies it, and blake2-256 of
/// a salt and its identifier there (TIN, EORI, ...), so the identifier stays off chain.
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
pub struct Operator {
	/// The certifying administration's country.
	pub country: CountryCode,
	/// The salted commitment of the operator's identifier.
	pub commitment: H256,
}

impl core::fmt::Display for Operator {
	/// The operator's text form, `CC:0x<64 hex digits>` (e.g. `KZ:0xac…`): how the RPC,
	/// the `tamga` tool and the pages name an operator.
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "{}:0x", self.country)?;
		self.commitment.as_bytes().iter().try_for_each(|b| write!(f, "{b:02x}"))
	}
}

/// Why a text is not an operator's text form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperatorTextError {
	/// It is not `CC:0x<64 hex digits>`.
	Shape,
	/// Its country is not an assigned ISO 3166-1 alpha-2 code.
	Country(tamga_primitives::CountryCodeError),
	/// Its commitment is not `0x` and 64 hex digits.
	Commitment,
}

impl core::fmt::Display for OperatorTextError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::Shape => f.write_str("is not CC:0x<64 hex digits> (e.g. KZ:0xac…)"),
			Self::Country(e) => write!(f, "has a country that {e}"),
			Self::Commitment => f.write_str("has a commitment that is not 0x and 64 hex digits"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for OperatorTextError {}

impl core::str::FromStr for Operator {
	type Err = OperatorTextError;

	/// Reads the text form `CC:0x<64 hex digits>`.
	fn from_str(text: &str) -> Result<Self, OperatorTextError> {
		let (code, commitment) = text.split_once(':').ok_or(OperatorTextError::Shape)?;
		let country = code.parse().map_err(OperatorTextError::Country)?;
		let digits = commitment.strip_prefix("0x").ok_or(OperatorTextError::Commitment)?;
		let digits = digits.as_bytes();
		if digits.len() != 64 {
			return Err(OperatorTextError::Commitment);
		}
		let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
		let mut bytes = [0u8; 32];
		for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
			*byte = nibble(pair[0])
				.zip(nibble(pair[1]))
				.map(|(high, low)| high << 4 | low)
				.ok_or(OperatorTextError::Commitment)?;
		}
		Ok(Self { country, commitment: H256(bytes) })
	}
}

/// An AEO programme, or an MRA's scope.
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
pub enum Programme {
	/// AEO-S: security and safety.
	Security,
	/// AEO-C: customs simplifications.
	Simplifications,
	/// AEO-F: both.
	Both,
}

impl Programme {
	fn bits(self) -> u8 {
		match self {
			Self::Security => 1,
			Self::Simplifications => 2,
			Self::Both => 3,
		}
	}

	fn from_bits(bits: u8) -> Option<Self> {
		match bits {
			1 => Some(Self::Security),
			2 => Some(Self::Simplifications),
			3 => Some(Self::Both),
			_ => None,
		}
	}

	/// What both cover: an operator's programme within an agreement's scope.
	pub fn within(self, scope: Programme) -> Option<Programme> {
		Self::from_bits(self.bits() & scope.bits())
	}
}

/// Where a certification stands, as its administration set it.
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
pub enum AeoStatus {
	/// Certified: in force within its validity.
	Certified,
	/// Suspended: not in force until reinstated.
	Suspended,
	/// Revoked for good (a new certification may follow a new audit).
	Revoked,
}

tamga_primitives::impl_named!(AeoStatus, "AEO status", {
	Certified => "certified",
	Suspended => "suspended",
	Revoked => "revoked",
});

/// Why an administration suspended or revoked a certification (a documented, closed list;
/// free text is kept off chain and only its hash recorded).
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
pub enum StatusReason {
	/// The operator asked for it.
	OperatorRequest,
	/// The operator no longer meets the criteria (monitoring, re-assessment).
	CriteriaNotMet,
	/// A security incident or serious infringement.
	Infringement,
	/// Insolvency or cessation of business.
	Insolvency,
	/// Another reason, given in the free text.
	Other,
}

tamga_primitives::impl_named!(StatusReason, "reason for suspending or revoking", {
	OperatorRequest => "operatorRequest",
	CriteriaNotMet => "criteriaNotMet",
	Infringement => "infringement",
	Insolvency => "insolvency",
	Other => "other",
});

/// In which capacity an account changed a certification: as the administration itself
/// (one of its member accounts: the headquarters) or as an AEO office it accredited.
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
pub enum Authority {
	/// A member account of the administration (its headquarters).
	Administration,
	/// An AEO office: an issuer the administration accredited for AEO certification.
	Office,
}

/// An operator's certification by its administration.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Certification<AccountId, BlockNumber> {
	/// The programme it is certified for.
	pub programme: Programme,
	/// Where it stands.
	pub status: AeoStatus,
	/// Why it was last suspended or revoked, with blake2-256 of the free-text explanation.
	pub reason: Option<(StatusReason, H256)>,
	/// First day of validity, in days since 1970-01-01 (UTC).
	pub valid_from: u32,
	/// Last day of validity, inclusive; after it the certification is expired.
	pub valid_until: u32,
	/// The member account or AEO office that last changed it.
	pub changed_by: AccountId,
	/// In which capacity `changed_by` acted, as it stood then (it is not read again from
	/// the accounts, which may change): what decides whether an AEO office may certify
	/// over a revocation.
	pub changed_as: Authority,
	/// The block from which its current status is effective.
	pub effective_at: BlockNumber,
	/// The day from which its current status is effective (days since 1970-01-01 UTC).
	pub effective_day: u32,
	/// Its latest status change.
	pub last_change: ChangeId,
}

impl<AccountId, BlockNumber> Certification<AccountId, BlockNumber> {
	/// Whether the administration itself (a member account) revoked it: then only the
	/// administration may certify the operator anew, not its AEO offices.
	pub fn revoked_by_administration(&self) -> bool {
		self.status == AeoStatus::Revoked && self.changed_as == Authority::Administration
	}
}

/// One status change of a certification, which partner administrations acknowledge.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Change<AccountId, BlockNumber> {
	/// The operator.
	pub operator: Operator,
	/// Its new status.
	pub status: AeoStatus,
	/// Its programme.
	pub programme: Programme,
	/// Why, for a suspension or revocation.
	pub reason: Option<(StatusReason, H256)>,
	/// Who made it.
	pub actor: AccountId,
	/// The block in which it was made (and from which it is effective).
	pub block: BlockNumber,
	/// The extrinsic's index in that block.
	pub extrinsic: u32,
	/// The day it was made (days since 1970-01-01 UTC).
	pub day: u32,
	/// The operator's change before it, if any: the operator's history is this chain.
	pub previous: Option<ChangeId>,
}

/// Where a mutual recognition agreement stands.
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
pub enum MraStatus {
	/// Proposed, waiting for the partner to accept.
	Proposed,
	/// Accepted: in force within its dates.
	InForce,
	/// Suspended by one party; only that party resumes it.
	Suspended {
		/// The party that suspended it.
		by: CountryCode,
	},
	/// Ended by one party (or a proposal withdrawn or declined); for good.
	Terminated {
		/// The party that ended it.
		by: CountryCode,
	},
}

/// A bilateral mutual recognition agreement between two administrations.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Mra<BlockNumber> {
	/// The administration that proposed it.
	pub proposer: CountryCode,
	/// The administration that accepts it.
	pub partner: CountryCode,
	/// The programmes each recognises of the other's operators.
	pub scope: Programme,
	/// First day in force, in days since 1970-01-01 (UTC).
	pub valid_from: u32,
	/// Last day in force, inclusive.
	pub valid_until: u32,
	/// Where it stands.
	pub status: MraStatus,
	/// The block in which it was proposed.
	pub proposed_at: BlockNumber,
	/// The block in which it was accepted, if it was.
	pub accepted_at: Option<BlockNumber>,
}

impl<BlockNumber> Mra<BlockNumber> {
	/// Whether `country` is one of its two parties.
	pub fn is_party(&self, country: CountryCode) -> bool {
		self.proposer == country || self.partner == country
	}

	/// The party other than `country`.
	pub fn other(&self, country: CountryCode) -> CountryCode {
		if self.proposer == country {
			self.partner
		} else {
			self.proposer
		}
	}

	/// Whether it is in force on `day`: accepted, neither suspended nor terminated, within
	/// its dates.
	pub fn in_force_on(&self, day: u32) -> bool {
		self.status == MraStatus::InForce && self.valid_from <= day && day <= self.valid_until
	}
}
