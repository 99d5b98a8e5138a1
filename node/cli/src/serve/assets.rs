//! The page's files, built into the `tamga` binary so that `tamga serve` needs nothing
//! beside it: the page, its script and style (`node/cli/page/`) and the Wasm hasher the
//! build script compiles from `node/cli/page/blake2b.rs`.

/// `index.html`.
pub const PAGE: &str = include_str!("../../page/index.html");
/// `page.js`.
pub const SCRIPT: &str = include_str!("../../page/page.js");
/// `page.css`.
pub const STYLE: &str = include_str!("../../page/page.css");
/// `blake2b.wasm`.
pub const HASHER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/blake2b.wasm"));
