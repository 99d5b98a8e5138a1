//! Acting only on final answers: how long a state-changing command waits for its
//! transaction (by default until the block that holds it is finalized) and which block a
//! reading command answers from (by default the last finalized one).
//!
//! A block that is not finalized may still be abandoned: during a network partition
//! both sides keep producing blocks, and when it heals the blocks of one side are thrown
//! away with everything in them. An officer who releases goods on a use that was only in
//! such a block may have released them on nothing.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tamga_rpc_types::BlockRef;

use crate::rpc::Rpc;

/// What a state-changing command waits for before it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Wait {
	/// Return once the node accepted the transaction into its pool.
	Submitted,
	/// Return once a block of the best chain holds it (that block may still be
	/// abandoned).
	InBlock,
	/// Return once the block holding it is finalized: the result can no longer change.
	Finalized,
}

/// Which block a reading command answers from.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadAt {
	/// Read the state of this block (hash) instead of the last finalized block.
	#[arg(long, conflicts_with = "best")]
	pub at: Option<String>,
	/// Read the best block instead of the last finalized one: newer, but it may still be
	/// abandoned (the answer says so).
	#[arg(long)]
	pub best: bool,
}

impl ReadAt {
	/// The block hash to pass as the RPC's `at` (none: the node's best block).
	pub fn block(&self, rpc: &Rpc) -> Result<Option<String>, String> {
		match (&self.at, self.best) {
			(Some(hash), _) => Ok(Some(hash.clone())),
			(None, true) => Ok(None),
			(None, false) => rpc.finalized_head().map(|(hash, _)| Some(hash)),
		}
	}
}

/// How an answer's block (`at` of a `tamga_*` answer) is described to people.
pub fn block_label(at: &BlockRef) -> String {
	if at.finalized {
		format!("block #{}, finalized", at.number)
	} else {
		format!("block #{}, BEST BLOCK, NOT FINAL: the answer may still change", at.number)
	}
}

/// The chain's head as a node sees it: its best and last finalized block numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
	/// The best block's number.
	pub best: u32,
	/// The last finalized block's number.
	pub finalized: u32,
}

/// Where a transaction was found: its block's number, hash and its index there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
	/// The block's number.
	pub number: u32,
	/// The block's hash (hex).
	pub hash: String,
	/// The transaction's index in the block.
	pub index: u32,
}

impl Rpc {
	/// The last finalized block: its hash (hex) and number.
	pub fn finalized_head(&self) -> Result<(String, u32), String> {
		let hash = self.call("chain_getFinalizedHead", json!([]))?;
		let hash = hash.as_str().ok_or_else(|| format!("bad finalized head {hash}"))?.to_string();
		let header = self.call("chain_getHeader", json!([hash]))?;
		Ok((hash, header_number(&header)?))
	}

	/// The best and last finalized block numbers.
	pub fn head(&self) -> Result<Head, String> {
		let finalized = self.finalized_head()?.1;
		Ok(Head { best: self.best_number()?, finalized })
	}

	/// The best block's number.
	pub fn best_number(&self) -> Result<u32, String> {
		header_number(&self.call("chain_getHeader", json!([]))?)
	}

	/// Looks for `extrinsic` (hex) in the blocks `from..=to` of the chain the node follows
	/// (for blocks at or below the finalized one: the finalized chain).
	fn find(&self, extrinsic: &str, from: u32, to: u32) -> Result<Option<Found>, String> {
		for number in from..=to {
			let hash = self.call("chain_getBlockHash", json!([number]))?;
			let Some(hash) = hash.as_str() else { continue };
			let block = self.call("chain_getBlock", json!([hash]))?;
			let extrinsics = block.pointer("/block/extrinsics").and_then(Value::as_array);
			if let Some(index) =
				extrinsics.and_then(|xs| xs.iter().position(|x| x.as_str() == Some(extrinsic)))
			{
				return Ok(Some(Found { number, hash: hash.to_string(), index: index as u32 }));
			}
		}
		Ok(None)
	}

	/// Waits until `extrinsic` (hex), submitted when `since` was the chain's head, is in a
	/// block of the best chain (`wait` in-block) or of the finalized chain (`wait`
	/// finalized), for at most `timeout`. Reports progress on the way. `Ok(None)`: it
	/// did not get there in time (it may still).
	pub fn wait_for(
		&self,
		extrinsic: &str,
		since: Head,
		wait: Wait,
		timeout: Duration,
	) -> Result<Option<Found>, String> {
		let deadline = Instant::now() + timeout;
		// No finalized block up to `since.finalized` can hold it; on the best chain, a
		// block above `since.best` holds it unless the node switched to a shorter fork
		// (then only the finalized chain tells).
		let (mut next_best, mut next_final) = (since.best + 1, since.finalized + 1);
		let mut seen_in: Option<Found> = None;
		loop {
			if seen_in.is_none() {
				let best = self.best_number()?;
				if let Some(found) = self.find(extrinsic, next_best, best)? {
					if wait == Wait::InBlock {
						return Ok(Some(found));
					}
					println!("in block #{} of the best chain; waiting for finality", found.number);
					seen_in = Some(found);
				}
				next_best = next_best.max(best + 1);
			}
			if wait == Wait::Finalized {
				let (_, finalized) = self.finalized_head()?;
				if let Some(found) = self.find(extrinsic, next_final, finalized)? {
					return Ok(Some(found));
				}
				next_final = next_final.max(finalized + 1);
			}
			if Instant::now() >= deadline {
				return Ok(None);
			}
			std::thread::sleep(Duration::from_millis(500));
		}
	}
}

/// The number of a JSON header.
fn header_number(header: &Value) -> Result<u32, String> {
	let number = header.get("number").and_then(Value::as_str).unwrap_or_default();
	u32::from_str_radix(number.trim_start_matches("0x"), 16)
		.map_err(|e| format!("bad block number in {header}: {e}"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn answers_say_whether_their_block_is_final() {
		let at = |number, finalized| BlockRef { number, hash: "0x12".into(), finalized };
		assert_eq!(block_label(&at(12, true)), "block #12, finalized");
		assert!(block_label(&at(13, false)).contains("NOT FINAL"));
	}

	#[test]
	fn headers_give_their_number() {
		assert_eq!(header_number(&json!({"number": "0x1f"})), Ok(31));
		assert!(header_number(&json!({})).is_err());
	}
}
