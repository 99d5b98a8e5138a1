//! The sending side: the outbox worker sends each due delivery to a node of the receiving
//! administration, backs off when it cannot, and marks a delivery done when its receipt
//! is final on chain.

use std::{sync::Arc, time::Duration};

use codec::Encode;
use futures::StreamExt;
use pallet_tamga_exchange::DeliveryRefused;
use sc_network::{IfDisconnected, PeerId};
use sp_core::H256;
use tamga_exchange::{
	store::{Due, InboxState, OutboxRow, Store, StoreError},
	wire::{decode_answer, Answer, Delivery, Request, Returned},
	Sealed,
};
use tamga_primitives::{CountryCode, ReceiptStatusName, Refusal};
use tamga_runtime::BlockNumber;

use super::{now_ms, Exchange, LOG_TARGET};

/// How many due deliveries one round sends.
const ROUND: usize = 256;
/// How many deliveries of a round are on their way at once.
const IN_FLIGHT: usize = 16;
/// How many sent deliveries one round checks for their receipt.
const RECEIPT_CHECKS: usize = 1_024;
/// A sent delivery with no final receipt after this long is sent again (the receiver
/// answers a repeat with what it has).
const RESEND_AFTER: Duration = Duration::from_secs(600);
/// A delivery never sent after this long is given up.
const EXPIRE_AFTER: Duration = Duration::from_secs(7 * 24 * 3600);

/// What one attempt came to.
enum Attempt {
	/// The receiver's node has it (its answer): wait for the receipt.
	Taken(PeerId, Answer),
	/// Try again later.
	Later(String),
	/// Never again.
	GiveUp(String),
}

impl Exchange {
	/// Sends every due delivery once, [`IN_FLIGHT`] at a time, and records what came of
	/// them in one transaction.
	pub(super) async fn send_due(self: &Arc<Self>) {
		let Some(own) = self.own_country() else { return };
		let due = match self.store().due(now_ms(), ROUND) {
			Ok(due) => due,
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the outbox: {error}");
				return;
			},
		};
		if due.is_empty() {
			return;
		}
		let attempts: Vec<(OutboxRow, Attempt)> = futures::stream::iter(due)
			.map(|Due { row, envelope }| async move {
				let attempt = self.attempt_row(own, &row, envelope).await;
				(row, attempt)
			})
			.buffer_unordered(IN_FLIGHT)
			.collect()
			.await;
		let (_, finalized) = self.chain.finalized();
		let written = self.store().atomically(|store| {
			attempts.iter().try_for_each(|(row, attempt)| {
				Self::record_attempt(store, row, attempt, finalized).map(|_| ())
			})
		});
		if let Err(error) = written {
			log::error!(target: LOG_TARGET, "cannot update the outbox: {error}");
		}
		let mut taken = 0;
		for (row, attempt) in &attempts {
			self.metrics.attempted(match attempt {
				Attempt::Taken(..) => "taken",
				Attempt::Later(_) => "later",
				Attempt::GiveUp(_) => "givenUp",
			});
			match attempt {
				Attempt::Taken(peer, answer) => {
					taken += 1;
					log::debug!(
						target: LOG_TARGET,
						"📤 delivered {} of document {:?} to {} (node {peer}): {answer:?}",
						row.appendix.map_or("field groups".to_string(), |n| format!("record {n}")),
						H256(row.document),
						row.to
					)
				},
				Attempt::Later(error) => log::info!(
					target: LOG_TARGET,
					"📤 delivery {} to {} waits: {error}",
					row.id,
					row.to
				),
				Attempt::GiveUp(error) => log::warn!(
					target: LOG_TARGET,
					"📤 delivery {} to {} given up: {error}",
					row.id,
					row.to
				),
			}
		}
		if taken > 0 {
			log::info!(target: LOG_TARGET, "📤 {taken} delivery(ies) taken by their receivers");
		}
	}

	/// One attempt at outbox row `row`, sealed as `envelope`, from `own`.
	async fn attempt_row(&self, own: CountryCode, row: &OutboxRow, envelope: Sealed) -> Attempt {
		match row.appendix {
			None => {
				let delivery = Delivery {
					genesis: self.genesis,
					document: row.document,
					from: own,
					to: row.to,
					groups: row.groups,
					envelope,
				};
				self.attempt(&delivery, row.attempts).await
			},
			Some(appendix) => {
				let returned = Returned {
					genesis: self.genesis,
					document: row.document,
					from: own,
					to: row.to,
					appendix,
					envelope,
				};
				self.send(returned.to, Request::Return(returned), row.attempts).await
			},
		}
	}

	/// Writes what `attempt` at `row` came to (`finalized`: the block a returned record's
	/// answer counts from).
	fn record_attempt(
		store: &Store,
		row: &OutboxRow,
		attempt: &Attempt,
		finalized: BlockNumber,
	) -> Result<bool, StoreError> {
		match attempt {
			// A returned record has no receipt: the receiver's answer is the end of it.
			Attempt::Taken(_, answer) if row.appendix.is_some() => {
				let status = match answer {
					Answer::Refused { .. }
					| Answer::AlreadyHave { state: InboxState::Rejected, .. } => ReceiptStatusName::Rejected,
					_ => ReceiptStatusName::Delivered,
				};
				store.mark_receipted(row.id, status, finalized)
			},
			Attempt::Taken(peer, _) => store.mark_sent(row.id, &peer.to_base58(), now_ms()),
			Attempt::Later(error) => {
				let jitter = f64::from(rand_jitter()) / 1_000.0;
				store.retry_later(row.id, error, now_ms(), jitter).map(|_| true)
			},
			Attempt::GiveUp(error) => store.mark_failed(row.id, error),
		}
	}

	/// One attempt to hand `delivery` to a node of its receiver, the `attempts`-th.
	async fn attempt(&self, delivery: &Delivery, attempts: u32) -> Attempt {
		let document = H256(delivery.document);
		match self.chain.delivery_check(delivery.from, delivery.to, document, delivery.groups) {
			Ok(Ok(_)) => {},
			Ok(Err(DeliveryRefused::Refused(Refusal::AgreementNotActive))) => {
				return Attempt::Later("the agreement is not active".into())
			},
			Ok(Err(refused)) => {
				return Attempt::GiveUp(format!("the chain refuses it: {refused:?}"))
			},
			Err(error) => return Attempt::Later(error.to_string()),
		}
		self.send(delivery.to, Request::Deliver(delivery.clone()), attempts).await
	}

	/// Sends `request` to a node of `to`, the next one in turn after `attempts` attempts.
	async fn send(&self, to: CountryCode, request: Request, attempts: u32) -> Attempt {
		let nodes = self.chain.nodes_of(to);
		if nodes.is_empty() {
			return Attempt::Later(format!("{to} has no approved node"));
		}
		let peer = nodes[attempts as usize % nodes.len()];
		let request = request.encode();
		let sent = self
			.network
			.request(peer, self.protocol.clone(), request, None, IfDisconnected::TryConnect)
			.await;
		let bytes = match sent {
			Ok((bytes, _)) => bytes,
			Err(error) => return Attempt::Later(format!("node {peer}: {error}")),
		};
		match decode_answer(&bytes) {
			Ok(
				answer @ (Answer::Accepted { .. }
				| Answer::AlreadyHave { .. }
				| Answer::Refused { .. }),
			) => Attempt::Taken(peer, answer),
			Ok(Answer::Busy) => Attempt::Later(format!("node {peer} is busy")),
			Ok(Answer::NotReceiving) => {
				Attempt::Later(format!("node {peer} holds no exchange secret"))
			},
			Ok(answer @ (Answer::WrongSender | Answer::WrongReceiver | Answer::WrongChain)) => {
				Attempt::Later(format!("node {peer} answered {answer:?}"))
			},
			Ok(Answer::TooLarge) => Attempt::GiveUp(format!("node {peer}: too large")),
			Err(error) => Attempt::Later(format!("node {peer}'s answer does not decode: {error}")),
		}
	}

	/// Marks sent deliveries whose receipt is final (one chain read and one transaction per
	/// receiver), sends again those receipted by no one for long, and gives up on those
	/// never sent for a week.
	pub(super) fn follow_receipts(&self) {
		let Some(own) = self.own_country() else { return };
		let store = self.store();
		let sent = match store.awaiting_receipt(RECEIPT_CHECKS) {
			Ok(sent) => sent,
			Err(error) => {
				log::error!(target: LOG_TARGET, "cannot read the outbox: {error}");
				return;
			},
		};
		let mut receivers: Vec<CountryCode> = sent.iter().map(|row| row.to).collect();
		receivers.sort();
		receivers.dedup();
		for to in receivers {
			let rows: Vec<&OutboxRow> = sent.iter().filter(|row| row.to == to).collect();
			let keys =
				rows.iter().map(|row| (own, H256(row.document), H256(row.payload))).collect();
			let receipts = match self.chain.receipts_of(to, keys) {
				Ok(receipts) => receipts,
				Err(error) => {
					log::warn!(target: LOG_TARGET, "{error}");
					return;
				},
			};
			let done: Vec<_> = rows
				.into_iter()
				.zip(receipts)
				.filter_map(|(row, receipt)| Some((row, receipt?)))
				.collect();
			let written = store.atomically(|store| {
				done.iter().try_for_each(|(row, receipt)| {
					store.mark_receipted(row.id, receipt.status.name(), receipt.at).map(|_| ())
				})
			});
			match written {
				Ok(()) if !done.is_empty() => log::info!(
					target: LOG_TARGET,
					"🧾 {to} recorded {} delivery(ies), the last {} as {}",
					done.len(),
					done[done.len() - 1].0.id,
					done[done.len() - 1].1.status.name()
				),
				Ok(()) => {},
				Err(error) => log::error!(target: LOG_TARGET, "cannot update the outbox: {error}"),
			}
		}
		let now = now_ms();
		let stale = now.saturating_sub(RESEND_AFTER.as_millis() as u64);
		let old = now.saturating_sub(EXPIRE_AFTER.as_millis() as u64);
		if let Err(error) = store.requeue_stale(stale).and_then(|_| store.expire(old)) {
			log::error!(target: LOG_TARGET, "cannot update the outbox: {error}");
		}
	}
}

/// A jitter in thousandths, from -200 to 200, from the clock's low bits: enough to spread
/// retries of many deliveries over time.
fn rand_jitter() -> i16 {
	let nanos = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.subsec_nanos())
		.unwrap_or(0);
	(nanos % 401) as i16 - 200
}
