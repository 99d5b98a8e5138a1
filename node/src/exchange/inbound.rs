//! What the receiving node answers a delivery, or a record returned to it: the checks, in
//! order, and the inbox row it commits before it answers (see
//! `docs/exchange-delivery-plan.md`, "Receiver checks").

use codec::Encode;
use pallet_tamga_exchange::DeliveryRefused;
use sc_network::{
	config::{IncomingRequest, OutgoingResponse},
	PeerId,
};
use sp_core::H256;
use tamga_exchange::{
	store::{InboxKey, NewInbox},
	wire::{decode_request, Answer, Delivery, Request, Returned},
};
use tamga_primitives::{CountryCode, Refusal};

use super::{now_ms, Exchange, LOG_TARGET};

/// The most deliveries from one administration waiting for their receipt: beyond, the
/// node answers `Busy` and the sender backs off.
pub const MAX_PENDING_FROM_ONE: u64 = 1_000;

/// Answers every delivery the network hands over, until the network stops.
pub async fn serve(
	exchange: std::sync::Arc<Exchange>,
	requests: async_channel::Receiver<IncomingRequest>,
) {
	while let Ok(IncomingRequest { peer, payload, pending_response }) = requests.recv().await {
		let result = match exchange.answer(peer, &payload) {
			Some(answer) => Ok(answer.encode()),
			None => Err(()),
		};
		let _ = pending_response.send(OutgoingResponse {
			result,
			reputation_changes: Vec::new(),
			sent_feedback: None,
		});
	}
}

impl Exchange {
	/// The answer to `bytes` from `peer`, or `None` for a request that does not decode.
	pub(super) fn answer(&self, peer: PeerId, bytes: &[u8]) -> Option<Answer> {
		let answer = match decode_request(bytes) {
			Ok(Request::Deliver(delivery)) => self.take(peer, delivery),
			Ok(Request::Return(returned)) => self.take_record(peer, returned),
			Err(_) => {
				log::warn!(target: LOG_TARGET, "a request from {peer} does not decode: refused");
				return None;
			},
		};
		log::debug!(target: LOG_TARGET, "answered {peer}: {answer:?}");
		Some(answer)
	}

	/// The checks of one delivery, and its inbox row.
	fn take(&self, peer: PeerId, delivery: Delivery) -> Answer {
		if let Err(answer) = self.addressed(peer, &delivery.genesis, delivery.from, delivery.to) {
			return answer;
		}
		let payload = delivery.payload();
		let key = InboxKey { from: delivery.from, document: delivery.document, payload };
		let store = self.store();
		match store.inbox_get(&key) {
			Ok(Some(row)) => return Answer::AlreadyHave { payload, state: row.state },
			Ok(None) => {},
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the inbox: {error}");
				return Answer::Busy;
			},
		}
		match store.inbox_pending_from(delivery.from) {
			Ok(pending) if pending < MAX_PENDING_FROM_ONE => {},
			Ok(_) => return Answer::Busy,
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the inbox: {error}");
				return Answer::Busy;
			},
		}
		let document = H256(delivery.document);
		let outcome = match self.chain.delivery_check(
			delivery.from,
			delivery.to,
			document,
			delivery.groups,
		) {
			// Not anchored or no agreement as of this node's finalized block: it may
			// follow the sender's by a block or two; no receipt could be recorded anyway.
			Ok(Err(DeliveryRefused::UnknownDocument | DeliveryRefused::NoAgreement)) => {
				return Answer::Busy
			},
			Ok(Err(DeliveryRefused::Refused(reason))) => Err(reason),
			Ok(Ok(root)) => self.open(&delivery, &root.0),
			Err(error) => {
				log::warn!(target: LOG_TARGET, "{error}");
				return Answer::Busy;
			},
		};
		let row = NewInbox {
			key,
			peer: peer.to_base58(),
			groups: delivery.groups,
			appendix: None,
			envelope: delivery.envelope,
			outcome,
			received_at: now_ms(),
		};
		if let Err(error) = store.inbox_insert(&row) {
			log::error!(target: LOG_TARGET, "cannot store a delivery: {error}");
			return Answer::Busy;
		}
		drop(store);
		self.changed(key);
		self.wake.notify_one();
		match outcome {
			Ok(()) => {
				log::info!(
					target: LOG_TARGET,
					"📥 {} delivered {} of document {document:?} (payload {})",
					delivery.from,
					super::group_names(delivery.groups),
					H256(payload),
				);
				Answer::Accepted { payload }
			},
			Err(reason) => {
				log::warn!(
					target: LOG_TARGET,
					"📥 refused {}'s delivery of document {document:?}: {reason}",
					delivery.from
				);
				Answer::Refused { payload, reason }
			},
		}
	}

	/// The checks every request passes first: the chain, who sent it, whom it is for,
	/// whether this node receives at all.
	fn addressed(
		&self,
		peer: PeerId,
		genesis: &[u8; 32],
		from: CountryCode,
		to: CountryCode,
	) -> Result<(), Answer> {
		if *genesis != self.genesis {
			return Err(Answer::WrongChain);
		}
		if self.chain.country_of(&peer) != Some(from) {
			log::warn!(
				target: LOG_TARGET,
				"🚫 node {peer} delivered as {from}, which does not run it: refused"
			);
			return Err(Answer::WrongSender);
		}
		if self.own_country() != Some(to) {
			return Err(Answer::WrongReceiver);
		}
		if self.secrets.is_empty() {
			return Err(Answer::NotReceiving);
		}
		Ok(())
	}

	/// The checks of a record returned to this administration: appended on chain by its
	/// sender to one of this administration's documents, and the same bytes.
	fn take_record(&self, peer: PeerId, returned: Returned) -> Answer {
		if let Err(answer) = self.addressed(peer, &returned.genesis, returned.from, returned.to) {
			return answer;
		}
		let payload = returned.payload();
		let key = InboxKey { from: returned.from, document: returned.document, payload };
		match self.store().inbox_get(&key) {
			Ok(Some(row)) => return Answer::AlreadyHave { payload, state: row.state },
			Ok(None) => {},
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the inbox: {error}");
				return Answer::Busy;
			},
		}
		let document = H256(returned.document);
		let (appendix, owner) = match (
			self.chain.appendix(document, returned.appendix),
			self.chain.document_country(document),
		) {
			(Ok(appendix), Ok(owner)) => (appendix, owner),
			(Err(error), _) | (_, Err(error)) => {
				log::warn!(target: LOG_TARGET, "{error}");
				return Answer::Busy;
			},
		};
		let outcome = match appendix {
			// Not appended as of this node's finalized block: it may follow the sender's.
			None => return Answer::Busy,
			Some(appendix) if appendix.by != returned.from || owner != Some(returned.to) => {
				Err(Refusal::NotGranted)
			},
			Some(appendix) => self
				.secrets
				.iter()
				.find_map(|secret| {
					tamga_exchange::open(secret, &returned.envelope, &returned.context()).ok()
				})
				.ok_or(Refusal::Unreadable)
				.and_then(|record| {
					(sp_io::hashing::blake2_256(&record) == appendix.hash.0)
						.then_some(())
						.ok_or(Refusal::Tampered)
				}),
		};
		let row = NewInbox {
			key,
			peer: peer.to_base58(),
			groups: Default::default(),
			appendix: Some(returned.appendix),
			envelope: returned.envelope,
			outcome,
			received_at: now_ms(),
		};
		if let Err(error) = self.store().inbox_insert(&row) {
			log::error!(target: LOG_TARGET, "cannot store a returned record: {error}");
			return Answer::Busy;
		}
		self.changed(key);
		log::info!(
			target: LOG_TARGET,
			"📥 {} returned record {} of document {document:?}: {outcome:?}",
			returned.from,
			returned.appendix
		);
		match outcome {
			Ok(()) => Answer::Accepted { payload },
			Err(reason) => Answer::Refused { payload, reason },
		}
	}

	/// Opens `delivery` with the node's secrets (newest first) and checks what it reveals
	/// against the document's commitment `root`.
	fn open(&self, delivery: &Delivery, root: &[u8; 32]) -> Result<(), Refusal> {
		let context = delivery.context();
		let plaintext = self
			.secrets
			.iter()
			.find_map(|secret| tamga_exchange::open(secret, &delivery.envelope, &context).ok())
			.ok_or(Refusal::Unreadable)?;
		tamga_exchange::disclosure::check_arrival(
			&delivery.document,
			delivery.groups,
			&plaintext,
			root,
		)
		.map(|_| ())
	}
}
