//! Reading a node's Prometheus endpoint as a monitoring system scrapes it.

use std::time::Duration;

use crate::{node::TamgaNode, wait};

/// One scrape of a node's metrics (Prometheus text format).
pub struct Scrape(String);

/// Scrapes `node`'s `/metrics`.
pub fn scrape(node: &TamgaNode) -> Result<Scrape, String> {
	let response = ureq::get(&node.metrics_url())
		.timeout(Duration::from_secs(5))
		.call()
		.map_err(|e| format!("scraping {}: {e}", node.metrics_url()))?;
	response.into_string().map(Scrape).map_err(|e| format!("reading the metrics: {e}"))
}

impl Scrape {
	/// The value of metric `name` in the series whose labels include every `(label, value)`
	/// of `labels` (the first such series), if there is one.
	pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
		self.0.lines().filter(|line| !line.starts_with('#')).find_map(|line| {
			let (series, value) = line.rsplit_once(' ')?;
			let (metric, series_labels) = match series.split_once('{') {
				Some((metric, rest)) => (metric, rest.trim_end_matches('}')),
				None => (series, ""),
			};
			let matches = metric == name
				&& labels.iter().all(|(label, wanted)| {
					series_labels.split(',').any(|pair| pair == format!("{label}=\"{wanted}\""))
				});
			matches.then(|| value.parse().ok()).flatten()
		})
	}
}

/// Waits until `node`'s metric `name` (with `labels`) satisfies `holds`; its value.
pub fn wait_for_metric(
	node: &TamgaNode,
	name: &str,
	labels: &[(&str, &str)],
	timeout: Duration,
	holds: impl Fn(f64) -> bool,
) -> Result<f64, String> {
	let mut last = None;
	wait::until(timeout, &format!("{}'s {name}{labels:?}", node.name), || {
		last = scrape(node).ok().and_then(|s| s.value(name, labels));
		last.filter(|v| holds(*v))
	})
	.map_err(|e| format!("{e} (last value: {last:?})"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_series_is_found_by_name_and_labels() {
		let scrape = Scrape(
			"# HELP x\ntamga_verifications_total{path=\"native\",chain=\"c\"} 3\n\
			 tamga_verifications_total{path=\"wasm\",chain=\"c\"} 1\ntamga_approved_nodes 4\n"
				.into(),
		);
		assert_eq!(scrape.value("tamga_verifications_total", &[("path", "wasm")]), Some(1.0));
		assert_eq!(scrape.value("tamga_verifications_total", &[("path", "native")]), Some(3.0));
		assert_eq!(scrape.value("tamga_approved_nodes", &[]), Some(4.0));
		assert_eq!(scrape.value("tamga_approved", &[]), None);
		assert_eq!(scrape.value("tamga_verifications_total", &[("path", "nat")]), None);
	}
}
