//! The exchange's metrics on the node's Prometheus endpoint: how many deliveries stand in
//! each state of the outbox and the inbox, and what each attempt to deliver came to.

use substrate_prometheus_endpoint::{
	register, CounterVec, GaugeVec, Opts, PrometheusError, Registry, U64,
};
use tamga_exchange::store::{InboxState, OutboxState, Store};

/// The exchange's metrics.
pub struct ExchangeMetrics {
	/// Deliveries this node sends, by `state`.
	outbox: GaugeVec<U64>,
	/// Deliveries this node received, by `state`.
	inbox: GaugeVec<U64>,
	/// Attempts to deliver, by `result`: `taken` (the receiver stored it), `later` (to be
	/// retried) or `givenUp`.
	attempts: CounterVec<U64>,
}

impl ExchangeMetrics {
	/// The metrics, registered with `registry` if the node serves Prometheus.
	pub fn new(registry: Option<&Registry>) -> Result<Self, PrometheusError> {
		let metrics = Self {
			outbox: GaugeVec::new(
				Opts::new("tamga_exchange_outbox", "Deliveries this node sends, by state"),
				&["state"],
			)?,
			inbox: GaugeVec::new(
				Opts::new("tamga_exchange_inbox", "Deliveries this node received, by state"),
				&["state"],
			)?,
			attempts: CounterVec::new(
				Opts::new("tamga_exchange_attempts_total", "Attempts to deliver, by result"),
				&["result"],
			)?,
		};
		for result in ["taken", "later", "givenUp"] {
			metrics.attempts.with_label_values(&[result]);
		}
		if let Some(registry) = registry {
			register(metrics.outbox.clone(), registry)?;
			register(metrics.inbox.clone(), registry)?;
			register(metrics.attempts.clone(), registry)?;
		}
		Ok(metrics)
	}

	/// Counts one attempt's `result`.
	pub fn attempted(&self, result: &str) {
		self.attempts.with_label_values(&[result]).inc();
	}

	/// Sets the gauges from `store`'s counts.
	pub fn count(&self, store: &Store) {
		if let Ok(counts) = store.outbox_counts() {
			for (state, count) in counts {
				self.outbox.with_label_values(&[OutboxState::as_str(state)]).set(count);
			}
		}
		if let Ok(counts) = store.inbox_counts() {
			for (state, count) in counts {
				self.inbox.with_label_values(&[InboxState::as_str(state)]).set(count);
			}
		}
	}
}
