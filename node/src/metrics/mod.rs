//! Tamga's own metrics on the node's Prometheus endpoint (`--prometheus-port`, 9615),
//! beside Substrate's `substrate_*` ones. `scripts/ops/grafana-dashboard.json` charts them
//! and `scripts/ops/prometheus-alerts.yml` alerts on them.
//!
//! - [`events`]: what a finalized block's events add (anchored documents, rule verdicts).
//! - [`watch`]: the task that keeps the gauges and the event counters up to date.

pub mod events;
pub mod watch;

use substrate_prometheus_endpoint::{
	register, Counter, CounterVec, Gauge, Opts, PrometheusError, Registry, U64,
};

/// Tamga's metrics. Counters count from the node's start, over finalized blocks only.
pub struct TamgaMetrics {
	/// Nodes the consortium approved, at the last finalized block (this one included).
	pub approved_nodes: Gauge<U64>,
	/// Approved nodes this node is connected to (peers it syncs with).
	pub connected_approved_nodes: Gauge<U64>,
	/// Admission drift: approved nodes (other than this one) it is not connected to,
	/// plus connected peers that are not approved. Zero on a healthy consortium.
	pub admission_drift: Gauge<U64>,
	/// `tamga_verifyDocument` answers, by `path`: `native` (the node's own runtime code,
	/// run natively) or `wasm` (through the runtime API: another runtime is on chain).
	pub verifications: CounterVec<U64>,
	/// Administrations' rule-contract verdicts seen in finalized blocks, by `verdict`
	/// (`warned`, `rejected`, `failed`) and `code` (the contract's reason code, or the
	/// failure's name).
	pub rule_verdicts: CounterVec<U64>,
	/// Documents anchored in finalized blocks (single registrations, endorsed
	/// applications and batch members).
	pub documents_anchored: Counter<U64>,
	/// AEO status changes waiting for a partner administration's acknowledgement, at the
	/// last finalized block.
	pub pending_acknowledgements: Gauge<U64>,
	/// The last finalized block whose events were counted.
	pub counted_block: Gauge<U64>,
}

impl TamgaMetrics {
	/// The metrics, registered with `registry` if the node serves Prometheus.
	pub fn new(registry: Option<&Registry>) -> Result<Self, PrometheusError> {
		let metrics = Self {
			approved_nodes: Gauge::new(
				"tamga_approved_nodes",
				"Nodes the consortium approved, at the last finalized block",
			)?,
			connected_approved_nodes: Gauge::new(
				"tamga_connected_approved_nodes",
				"Approved nodes this node is connected to",
			)?,
			admission_drift: Gauge::new(
				"tamga_admission_drift",
				"Approved nodes not connected plus connected peers not approved",
			)?,
			verifications: CounterVec::new(
				Opts::new("tamga_verifications_total", "tamga_verifyDocument answers by path"),
				&["path"],
			)?,
			rule_verdicts: CounterVec::new(
				Opts::new(
					"tamga_rule_verdicts_total",
					"Rule-contract verdicts in finalized blocks by verdict and code",
				),
				&["verdict", "code"],
			)?,
			documents_anchored: Counter::new(
				"tamga_documents_anchored_total",
				"Documents anchored in finalized blocks",
			)?,
			pending_acknowledgements: Gauge::new(
				"tamga_aeo_pending_acknowledgements",
				"AEO status changes awaiting a partner's acknowledgement",
			)?,
			counted_block: Gauge::new(
				"tamga_counted_finalized_block",
				"The last finalized block whose events the Tamga counters include",
			)?,
		};
		// Both paths are listed from the start, so a dashboard shows 0 rather than nothing.
		for path in ["native", "wasm"] {
			metrics.verifications.with_label_values(&[path]);
		}
		if let Some(registry) = registry {
			register(metrics.approved_nodes.clone(), registry)?;
			register(metrics.connected_approved_nodes.clone(), registry)?;
			register(metrics.admission_drift.clone(), registry)?;
			register(metrics.verifications.clone(), registry)?;
			register(metrics.rule_verdicts.clone(), registry)?;
			register(metrics.documents_anchored.clone(), registry)?;
			register(metrics.pending_acknowledgements.clone(), registry)?;
			register(metrics.counted_block.clone(), registry)?;
		}
		Ok(metrics)
	}

	/// Counts one `tamga_verifyDocument` answer: natively or through the runtime API.
	pub fn verified(&self, natively: bool) {
		self.verifications.with_label_values(&[if natively { "native" } else { "wasm" }]).inc();
	}
}
