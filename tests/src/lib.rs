//! Harness for Tamga's integration tests: starts real `tamga-node` processes on loopback,
//! talks to them over JSON-RPC and stops them when a test ends, passes or fails.
//!
//! - [`binary`]: where the `tamga-node` executable is.
//! - [`browser`]: a headless Chromium driven over the DevTools protocol.
//! - [`cli`]: running the `tamga` tool's commands against a test node.
//! - [`node`]: one node process with its own base path, ports and log file.
//! - [`load`]: a stream of certificate registrations, and which of them a node finalized.
//! - [`metrics`]: scraping a node's Prometheus endpoint.
//! - [`namespaces`]: one network namespace per node, to cut and heal links between them.
//! - [`network`]: a consortium of validators of the `local` chain, connected to each other.
//! - [`raw_peer`]: a bare litep2p client that speaks the chain's wire protocols directly.
//! - [`postgres`]: a private PostgreSQL cluster for one test.
//! - [`page`]: `tamga serve`, the verification page, as a test starts it.
//! - [`rpc`]: a small blocking JSON-RPC client.
//! - [`wait`]: polling until a condition holds or a deadline passes.

pub mod binary;
pub mod browser;
pub mod cli;
pub mod contracts;
pub mod load;
pub mod metrics;
pub mod namespaces;
pub mod network;
pub mod node;
pub mod page;
pub mod postgres;
pub mod raw_peer;
pub mod rpc;
pub mod subscription;
pub mod wait;
