//! The `page` and `limit` parameters of the methods that answer a page at a time
//! (`tamga_carnetMovements`, `tamga_pendingAcknowledgements`), and the check that the
//! runtime serves the paged version of the API they call.

use jsonrpsee::types::ErrorObjectOwned;
use sp_api::{ApiExt, ProvideRuntimeApi, RuntimeApiInfo};
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;

use crate::{
	blocks::{invalid, runtime_error},
	errors::{self, error},
	verdict::BlockRef,
};

/// A page asked for: its number (from 0) and how many entries it holds at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
	/// The page's number, from 0: it starts with entry `page * limit`.
	pub page: u32,
	/// How many entries a page holds, from 1 to the method's maximum.
	pub limit: u32,
}

impl Page {
	/// Page `page` (default 0) of `limit` entries (default: `max`). A `limit` of 0 or
	/// above `max` is refused with an invalid-params error saying what is allowed.
	pub fn from_params(
		page: Option<u32>,
		limit: Option<u32>,
		max: u32,
	) -> Result<Self, ErrorObjectOwned> {
		let limit = limit.unwrap_or(max);
		if limit == 0 || limit > max {
			let more = if limit > max {
				" (ask for the following ones with page = 1, 2, ...)"
			} else {
				""
			};
			return Err(invalid(format!(
				"limit must be 1 to {max} entries per page, got {limit}{more}"
			)));
		}
		Ok(Self { page: page.unwrap_or(0), limit })
	}
}

/// Refuses to read block `at` (hash `hash`) when its runtime serves runtime API `Api`
/// (called `name`) in a version older than the one this node was built for (e.g. a chain
/// still on a runtime from before the paged answers or void carnets), naming both
/// versions.
pub fn ensure_api_version<Api, C, Block>(
	client: &C,
	hash: H256,
	at: &BlockRef,
	name: &str,
) -> Result<(), ErrorObjectOwned>
where
	Api: RuntimeApiInfo + ?Sized,
	Block: BlockT<Hash = H256>,
	C: ProvideRuntimeApi<Block>,
{
	let found = client.runtime_api().api_version::<Api>(hash).map_err(runtime_error)?;
	match found {
		Some(version) if version >= Api::VERSION => Ok(()),
		found => Err(error(
			errors::RUNTIME,
			format!(
				"the runtime of block #{} serves {name} {}; this node needs version {} \
				 (for the answers it gives): upgrade the chain's runtime",
				at.number,
				found.map_or("not at all".to_string(), |v| format!("version {v}")),
				Api::VERSION
			),
		)),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pages_default_to_the_first_of_the_maximum_size() {
		let page = |page, limit| Page::from_params(page, limit, 256).ok();
		assert_eq!(page(None, None), Some(Page { page: 0, limit: 256 }));
		assert_eq!(page(Some(3), Some(10)), Some(Page { page: 3, limit: 10 }));
		assert_eq!(page(Some(u32::MAX), Some(1)), Some(Page { page: u32::MAX, limit: 1 }));
	}

	#[test]
	fn a_limit_of_zero_or_above_the_maximum_is_refused_with_the_range() {
		for limit in [0, 257, u32::MAX] {
			let refused = Page::from_params(None, Some(limit), 256).expect_err("refused");
			assert_eq!(refused.code(), errors::INVALID_PARAMS);
			assert!(
				refused
					.message()
					.contains(&format!("limit must be 1 to 256 entries per page, got {limit}")),
				"{}",
				refused.message()
			);
		}
	}
}
