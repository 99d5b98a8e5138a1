//! `tamga_exchangeSubscribeInbox`: each inbox item, as it arrives or changes state, to a
//! national system that follows its node instead of polling it.

use std::sync::Arc;

use jsonrpsee::{PendingSubscriptionSink, SubscriptionMessage};
use tamga_primitives::CountryCode;

use super::items::inbox_item;
use crate::exchange::Exchange;

/// Sends `pending` each inbox item from `from` (any, if `None`) as it arrives or changes,
/// until the subscriber leaves.
pub(super) async fn follow_inbox(
	exchange: Arc<Exchange>,
	pending: PendingSubscriptionSink,
	from: Option<CountryCode>,
) {
	use tokio::sync::broadcast::error::RecvError;
	let mut changes = exchange.changes.subscribe();
	let Ok(sink) = pending.accept().await else { return };
	loop {
		let Some(next) = crate::rpc::unless_closed(&sink, changes.recv()).await else { return };
		let key = match next {
			Ok(key) => key,
			Err(RecvError::Lagged(_)) => continue,
			Err(RecvError::Closed) => return,
		};
		if from.is_some_and(|from| from != key.from) {
			continue;
		}
		let Ok(Some(row)) = exchange.store().inbox_get(&key) else { continue };
		let Ok(message) = SubscriptionMessage::from_json(&inbox_item(row)) else { continue };
		if sink.send(message).await.is_err() {
			return;
		}
	}
}
