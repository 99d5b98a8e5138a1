//! The messages of the request-response protocol between administrations' nodes
//! (`/tamga/exchange/1`), in SCALE: a sender pushes a [`Delivery`] ([`Request`]), the
//! receiver says what it made of it ([`Answer`]). Nothing is ever fetched: a node only
//! receives what is addressed to its administration.

use codec::{Decode, DecodeLimit, Encode};
use tamga_primitives::{CountryCode, FieldGroups, Refusal};

use crate::{disclosure::DEPTH_LIMIT, seal::Sealed, store::InboxState, SealContext};

/// The protocol's logical name.
pub const PROTOCOL: &str = "/tamga/exchange/1";

/// The largest request, in bytes, a node sends or takes.
pub const MAX_REQUEST: u64 = 4 * 1024 * 1024;
/// The largest answer, in bytes.
pub const MAX_RESPONSE: u64 = 1024;
/// The largest envelope (its SCALE bytes) that fits in a request, with room for the rest
/// of the [`Delivery`]; a larger one is refused before it is queued.
pub const MAX_ENVELOPE: usize = MAX_REQUEST as usize - 1024;

/// The protocol's name on the wire for the chain of genesis hash `genesis`:
/// `/<genesis in hex, no 0x>/tamga/exchange/1`, like the upstream protocols, so nodes of
/// different chains never speak it to each other.
pub fn protocol_name(genesis: &[u8; 32]) -> String {
	let hex: String = genesis.iter().map(|byte| format!("{byte:02x}")).collect();
	format!("/{hex}{PROTOCOL}")
}

/// Field groups of a document, sealed by one administration to another.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct Delivery {
	/// The genesis hash of the chain both are members of.
	pub genesis: [u8; 32],
	/// The document (blake2-256 of its bytes).
	pub document: [u8; 32],
	/// The sending administration.
	pub from: CountryCode,
	/// The receiving administration.
	pub to: CountryCode,
	/// The groups the envelope reveals.
	pub groups: FieldGroups,
	/// The SCALE of a [`Disclosure`](crate::Disclosure), sealed to the receiver's exchange
	/// key about [`Self::context`].
	pub envelope: Sealed,
}

impl Delivery {
	/// What the receipt names the delivery by: blake2-256 of the envelope's SCALE bytes.
	/// The envelope is sealed once and re-sent as is, so the payload never changes.
	pub fn payload(&self) -> [u8; 32] {
		payload(&self.envelope)
	}

	/// What the envelope was sealed about.
	pub fn context(&self) -> SealContext {
		SealContext { document: self.document, from: self.from, to: self.to }
	}
}

/// A record an administration appended to a document it received (a control result, a
/// release, a use), returned to the document's administration. The chain holds the
/// record's hash; the envelope holds the record.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct Returned {
	/// The genesis hash of the chain both are members of.
	pub genesis: [u8; 32],
	/// The document the record was appended to.
	pub document: [u8; 32],
	/// The administration that appended it.
	pub from: CountryCode,
	/// The document's administration.
	pub to: CountryCode,
	/// The record's number among the document's appended records.
	pub appendix: u32,
	/// The record's bytes, sealed to the receiver's exchange key about [`Self::context`].
	pub envelope: Sealed,
}

impl Returned {
	/// What names it: blake2-256 of the envelope's SCALE bytes, as for a [`Delivery`].
	pub fn payload(&self) -> [u8; 32] {
		payload(&self.envelope)
	}

	/// What the envelope was sealed about.
	pub fn context(&self) -> SealContext {
		SealContext { document: self.document, from: self.from, to: self.to }
	}
}

/// The payload of `envelope`: blake2-256 of its SCALE bytes (see [`Delivery::payload`]).
pub fn payload(envelope: &Sealed) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&envelope.encode())
}

/// What a sender asks of a receiver.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub enum Request {
	/// Take this delivery.
	#[codec(index = 0)]
	Deliver(Delivery),
	/// Take this record appended to one of your documents.
	#[codec(index = 1)]
	Return(Returned),
}

/// What the receiver made of a request, and what it means to the sender.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
pub enum Answer {
	/// Stored, and it opened and matched the document: a `Delivered` receipt will follow
	/// on chain. The delivery is done; wait for the receipt.
	#[codec(index = 0)]
	Accepted {
		/// The delivery's payload.
		payload: [u8; 32],
	},
	/// Stored before (this is a repeat), in the state given: a receipt follows or is on
	/// chain. The delivery is done; wait for the receipt.
	#[codec(index = 1)]
	AlreadyHave {
		/// The delivery's payload.
		payload: [u8; 32],
		/// Where the receiver's copy stands.
		state: InboxState,
	},
	/// Stored but refused for `reason`: a `Rejected` receipt will follow. Do not retry the
	/// same envelope.
	#[codec(index = 2)]
	Refused {
		/// The delivery's payload.
		payload: [u8; 32],
		/// Why.
		reason: Refusal,
	},
	/// Not taken now (too much pending from this sender or for this document): retry
	/// later, with back-off.
	#[codec(index = 3)]
	Busy,
	/// The sending node is not an approved node of the `from` administration: a
	/// configuration error; do not retry to that peer.
	#[codec(index = 4)]
	WrongSender,
	/// The receiving node is not of the `to` administration: a configuration error; do not
	/// retry to that peer.
	#[codec(index = 5)]
	WrongReceiver,
	/// The delivery names another chain's genesis: a configuration error; do not retry to
	/// that peer.
	#[codec(index = 6)]
	WrongChain,
	/// That node holds no exchange secret and takes no deliveries: try another node of
	/// the receiving administration.
	#[codec(index = 7)]
	NotReceiving,
	/// The request is larger than the receiver takes: never retry it.
	#[codec(index = 8)]
	TooLarge,
}

/// The request in `bytes`: whole SCALE of a [`Request`], no byte left over, nested at
/// most [`DEPTH_LIMIT`] deep.
pub fn decode_request(bytes: &[u8]) -> Result<Request, codec::Error> {
	Request::decode_all_with_depth_limit(DEPTH_LIMIT, &mut &bytes[..])
}

/// The answer in `bytes`: whole SCALE of an [`Answer`], no byte left over.
pub fn decode_answer(bytes: &[u8]) -> Result<Answer, codec::Error> {
	Answer::decode_all_with_depth_limit(DEPTH_LIMIT, &mut &bytes[..])
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::FieldGroup;

	fn delivery() -> Delivery {
		Delivery {
			genesis: [0x9e; 32],
			document: [0xd0; 32],
			from: CountryCode::new(*b"KZ").unwrap(),
			to: CountryCode::new(*b"KG").unwrap(),
			groups: FieldGroups::of(&[FieldGroup::Goods]),
			envelope: Sealed { ephemeral: [1; 32], nonce: [2; 12], ciphertext: vec![3; 100] },
		}
	}

	#[test]
	fn messages_round_trip_and_nothing_may_trail() {
		let request = Request::Deliver(delivery());
		let bytes = request.encode();
		assert_eq!(decode_request(&bytes), Ok(request));
		let mut trailing = bytes.clone();
		trailing.push(0);
		assert!(decode_request(&trailing).is_err());
		assert!(decode_request(&bytes[..bytes.len() - 1]).is_err());
		let payload = delivery().payload();
		let answers = [
			Answer::Accepted { payload },
			Answer::AlreadyHave { payload, state: InboxState::ReceiptSubmitted },
			Answer::Refused { payload, reason: Refusal::NotGranted },
			Answer::Busy,
			Answer::WrongSender,
			Answer::WrongReceiver,
			Answer::WrongChain,
			Answer::NotReceiving,
			Answer::TooLarge,
		];
		for answer in answers {
			let bytes = answer.encode();
			assert!(bytes.len() as u64 <= MAX_RESPONSE);
			assert_eq!(decode_answer(&bytes), Ok(answer));
			assert!(decode_answer(&[bytes, vec![0]].concat()).is_err());
		}
		assert!(decode_answer(&[9]).is_err(), "no such answer");
	}

	#[test]
	fn the_payload_follows_the_envelope_and_nothing_else() {
		let original = delivery();
		let mut changed = delivery();
		changed.envelope.ciphertext[50] ^= 1;
		assert_ne!(changed.payload(), original.payload());
		let mut readdressed = delivery();
		readdressed.groups = FieldGroups::default();
		readdressed.genesis = [0; 32];
		readdressed.to = CountryCode::new(*b"AM").unwrap();
		assert_eq!(readdressed.payload(), original.payload());
		assert_eq!(original.payload(), sp_crypto_hashing::blake2_256(&original.envelope.encode()));
	}

	#[test]
	fn the_wire_name_carries_the_genesis() {
		let mut genesis = [0u8; 32];
		genesis[0] = 0xab;
		genesis[31] = 0x01;
		let name = protocol_name(&genesis);
		assert_eq!(name, format!("/ab{}01/tamga/exchange/1", "00".repeat(30)));
		assert!(name.ends_with(PROTOCOL));
		assert!(MAX_ENVELOPE < MAX_REQUEST as usize);
	}
}
