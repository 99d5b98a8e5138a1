//! Builds the runtime to Wasm with substrate-wasm-builder when the `std` and `wasm-binary`
//! features are on (skipped with `SKIP_WASM_BUILD=1`).
fn main() {
	#[cfg(all(feature = "std", feature = "wasm-binary"))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
