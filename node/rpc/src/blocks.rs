//! The block an answer is read from, and the errors every `tamga_*` method shares.

use jsonrpsee::types::ErrorObjectOwned;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::{Block as BlockT, NumberFor, UniqueSaturatedInto};

use crate::{
	errors::{self, error},
	hex,
	verdict::BlockRef,
};

/// An invalid-params error with `message`.
pub fn invalid(message: String) -> ErrorObjectOwned {
	error(errors::INVALID_PARAMS, message)
}

/// The error for a runtime API call that failed.
pub fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	error(errors::RUNTIME, format!("the runtime could not answer: {e}"))
}

/// The block `at` names (default: the best block): its hash, to read state at, and its
/// reference (number, finalized on this node's chain) for the answer.
pub fn block_at<C, Block>(
	client: &C,
	at: Option<String>,
) -> Result<(H256, BlockRef), ErrorObjectOwned>
where
	Block: BlockT<Hash = H256>,
	C: HeaderBackend<Block>,
{
	let info = client.info();
	let hash = match at {
		Some(text) => hex::parse_h256("at", &text).map_err(invalid)?,
		None => info.best_hash,
	};
	let number = client.number(hash).map_err(runtime_error)?.ok_or_else(|| {
		error(
			errors::UNKNOWN_BLOCK,
			format!("block {} is unknown to this node", hex::encode(hash.as_bytes())),
		)
	})?;
	let canonical = client.hash(number).map_err(runtime_error)? == Some(hash);
	Ok((
		hash,
		BlockRef {
			number: number.unique_saturated_into(),
			hash: hex::encode(hash.as_bytes()),
			finalized: canonical && number <= info.finalized_number,
		},
	))
}

/// The hash of block `number` on the chain `client` follows, as hex, if it knows it.
pub fn block_hash<C, Block>(client: &C, number: u64) -> Option<String>
where
	Block: BlockT<Hash = H256>,
	C: HeaderBackend<Block>,
{
	let number: NumberFor<Block> = number.unique_saturated_into();
	client.hash(number).ok().flatten().map(|h| hex::encode(h.as_bytes()))
}
