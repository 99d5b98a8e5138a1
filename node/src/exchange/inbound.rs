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

/// The most requests answered together: the deliveries among them are stored in one
/// transaction (one disk sync) before any of them is answered.
const BATCH: usize = 32;

/// Answers every delivery the network hands over, until the network stops: those waiting
/// together are checked one by one, stored together, then answered.
pub async fn serve(
	exchange: std::sync::Arc<Exchange>,
	requests: async_channel::Receiver<IncomingRequest>,
) {
	while let Ok(first) = requests.recv().await {
		let mut batch = vec![first];
		while batch.len() < BATCH {
			match requests.try_recv() {
				Ok(request) => batch.push(request),
				Err(_) => break,
			}
		}
		let answers = exchange.answer_all(&batch);
		for (IncomingRequest { pending_response, .. }, answer) in batch.into_iter().zip(answers) {
			let _ = pending_response.send(OutgoingResponse {
				result: answer.map(|answer| answer.encode()).ok_or(()),
				reputation_changes: Vec::new(),
				sent_feedback: None,
			});
		}
	}
}

/// What the checks of one delivery came to.
enum Checked {
	/// Answered without storing anything (a repeat, a wrong address, busy).
	Answered(Answer),
	/// To store, accepted or refused, then answer.
	Take(NewInbox),
}

impl Exchange {
	/// The answers to `requests`, in order (`None` for one that does not decode).
	pub(super) fn answer_all(&self, requests: &[IncomingRequest]) -> Vec<Option<Answer>> {
		let mut pending = Vec::new();
		let checked: Vec<Option<Checked>> = requests
			.iter()
			.map(|IncomingRequest { peer, payload, .. }| match decode_request(payload) {
				Ok(Request::Deliver(delivery)) => Some(self.check(*peer, delivery, &mut pending)),
				Ok(Request::Return(returned)) => {
					Some(Checked::Answered(self.take_record(*peer, returned)))
				},
				Err(_) => {
					log::warn!(target: LOG_TARGET, "a request from {peer} does not decode: refused");
					None
				},
			})
			.collect();
		let rows: Vec<&NewInbox> = checked
			.iter()
			.filter_map(|c| match c {
				Some(Checked::Take(row)) => Some(row),
				_ => None,
			})
			.collect();
		let stored = rows.is_empty()
			|| match self.store().atomically(|store| {
				rows.iter().try_for_each(|row| store.inbox_insert(row).map(|_| ()))
			}) {
				Ok(()) => true,
				Err(error) => {
					log::error!(target: LOG_TARGET, "cannot store deliveries: {error}");
					false
				},
			};
		if stored && !rows.is_empty() {
			rows.iter().for_each(|row| self.changed(row.key));
			self.wake.notify_one();
			let accepted = rows.iter().filter(|row| row.outcome.is_ok()).count();
			log::info!(
				target: LOG_TARGET,
				"📥 stored {accepted} delivery(ies) accepted, {} refused",
				rows.len() - accepted
			);
		}
		checked
			.into_iter()
			.map(|checked| {
				Some(match checked? {
					Checked::Answered(answer) => answer,
					Checked::Take(_) if !stored => Answer::Busy,
					Checked::Take(row) => self.answer_stored(&row),
				})
			})
			.collect()
	}

	/// The answer to a delivery stored as `row`.
	fn answer_stored(&self, row: &NewInbox) -> Answer {
		let (payload, document) = (row.key.payload, H256(row.key.document));
		match row.outcome {
			Ok(()) => {
				log::debug!(
					target: LOG_TARGET,
					"📥 {} delivered {} of document {document:?} (payload {})",
					row.key.from,
					super::group_names(row.groups),
					H256(payload),
				);
				Answer::Accepted { payload }
			},
			Err(reason) => {
				log::warn!(
					target: LOG_TARGET,
					"📥 refused {}'s delivery of document {document:?}: {reason}",
					row.key.from
				);
				Answer::Refused { payload, reason }
			},
		}
	}

	/// The checks of one delivery: its inbox row, or the answer if nothing is stored.
	/// `pending` counts, per sender, the deliveries without a final receipt, those of this
	/// batch included.
	fn check(
		&self,
		peer: PeerId,
		delivery: Delivery,
		pending: &mut Vec<(CountryCode, u64)>,
	) -> Checked {
		if let Err(answer) = self.addressed(peer, &delivery.genesis, delivery.from, delivery.to) {
			return Checked::Answered(answer);
		}
		let payload = delivery.payload();
		let key = InboxKey { from: delivery.from, document: delivery.document, payload };
		let known = {
			let store = self.store();
			let stored = store.inbox_get(&key);
			let count = match pending.iter().position(|(from, _)| *from == delivery.from) {
				Some(index) => Ok(index),
				None => store.inbox_pending_from(delivery.from).map(|count| {
					pending.push((delivery.from, count));
					pending.len() - 1
				}),
			};
			stored.and_then(|stored| Ok((stored, count?)))
		};
		let index = match known {
			Ok((Some(row), _)) => {
				return Checked::Answered(Answer::AlreadyHave { payload, state: row.state })
			},
			Ok((None, index)) if pending[index].1 < MAX_PENDING_FROM_ONE => index,
			Ok(_) => return Checked::Answered(Answer::Busy),
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the inbox: {error}");
				return Checked::Answered(Answer::Busy);
			},
		};
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
				return Checked::Answered(Answer::Busy)
			},
			Ok(Err(DeliveryRefused::Refused(reason))) => Err(reason),
			Ok(Ok(root)) => self.open(&delivery, &root.0),
			Err(error) => {
				log::warn!(target: LOG_TARGET, "{error}");
				return Checked::Answered(Answer::Busy);
			},
		};
		pending[index].1 += 1;
		Checked::Take(NewInbox {
			key,
			peer: peer.to_base58(),
			groups: delivery.groups,
			appendix: None,
			envelope: delivery.envelope,
			outcome,
			received_at: now_ms(),
		})
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
