//! `tamga_carnet` and `tamga_carnetMovements`: where an ATA carnet stands (state, what
//! each country holds, claims) and everything recorded on it, a page at a time.

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_tamga_carnets::{
	runtime_api::CarnetsApi,
	types::{Action, CarnetState, Claim, ClaimStatus, CountryBalance, HistoryEntry},
	CarnetView, MAX_HISTORY_PAGE,
};
use pallet_tamga_governance::{CountryCode, Voiding};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	AccountId32,
};

use crate::{
	api::Tamga,
	blocks::{block_at, block_hash, invalid, runtime_error},
	dates::iso_date,
	errors::{self, error},
	hex,
	paging::{ensure_api_version, Page},
	verdict::BlockRef,
};

pub use tamga_rpc_types::carnet::{
	AssociationJson, BalanceJson, CarnetActionJson, CarnetJson, ClaimJson, MovementJson,
	MovementsJson,
};

/// The longest carnet number the methods accept, in bytes (the runtime's bound).
pub const MAX_NUMBER_LENGTH: usize = 32;

/// The carnet methods of the `tamga` namespace.
#[rpc(server, namespace = "tamga")]
pub trait CarnetApi {
	/// Carnet `number` (e.g. `KZ/2026/000123`) as of block `at` (default: the best block):
	/// its state, what each country holds of its goods and its claims.
	#[method(name = "carnet")]
	fn carnet(&self, number: String, at: Option<String>) -> RpcResult<CarnetJson>;

	/// Page `page` (from 0; default 0) of the recorded actions on carnet `number` (issue,
	/// vouchers, claims, closing), oldest first, `limit` per page (default and at most
	/// [`MAX_HISTORY_PAGE`]), with how many there are in all, as of block `at`.
	#[method(name = "carnetMovements")]
	fn carnet_movements(
		&self,
		number: String,
		page: Option<u32>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<MovementsJson>;
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn country(code: CountryCode) -> String {
	code.to_string()
}

fn balance(b: &CountryBalance) -> BalanceJson {
	BalanceJson { country: country(b.country), imported: b.imported, in_transit: b.in_transit }
}

fn claim<N: Into<u64>>(code: CountryCode, claim: Claim<AccountId32, N>) -> ClaimJson {
	let (status, evidence) = match claim.status {
		ClaimStatus::Raised => ("raised", None),
		ClaimStatus::Settled => ("settled", None),
		ClaimStatus::Discharged { evidence } => {
			("discharged", Some(hex::encode(evidence.as_bytes())))
		},
	};
	ClaimJson {
		country: country(code),
		items: claim.items,
		status: status.into(),
		evidence,
		raised_by: claim.raised_by.to_ss58check(),
		raised_at: claim.raised_at.into(),
		closed_at: claim.closed_at.map(Into::into),
	}
}

/// The state of `view` in one sentence.
fn verdict_sentence<N: Into<u64> + Copy>(view: &CarnetView<AccountId32, N>) -> String {
	let held: u32 = view.countries.iter().map(CountryBalance::open).sum();
	let until = iso_date(view.valid_until);
	let mut sentence = match view.state {
		CarnetState::Open => format!("OPEN: valid until {until}"),
		CarnetState::NotYetValid => {
			format!("NOT YET VALID: valid from {}", iso_date(view.valid_from))
		},
		CarnetState::Expired => format!("EXPIRED on {until}: no voucher may be recorded"),
		CarnetState::Closed => "CLOSED".to_string(),
		CarnetState::Void => match view.void {
			Some(Voiding::AdministrationLeft { at }) => format!(
				"VOID: the administration that accredited its association left the consortium \
				 at block {}; no voucher may be recorded",
				at.into()
			),
			Some(Voiding::VoidedByConsortium { at }) => format!(
				"VOID: the consortium voided every carnet of its association (vote passed at \
				 block {}); no voucher may be recorded",
				at.into()
			),
			None => "VOID: no voucher may be recorded".to_string(),
		},
	};
	sentence.push_str(&format!(
		"; {} of {} items at home, {held} held abroad, {} in motion",
		view.at_home, view.items, view.in_motion
	));
	let raised = view.claims.iter().filter(|(_, c)| c.status == ClaimStatus::Raised).count();
	if raised > 0 {
		sentence.push_str(&format!("; {raised} claim(s) raised"));
	}
	sentence
}

/// The JSON answer for carnet `view`, read at `at`.
pub fn carnet_json<N: Into<u64> + Copy>(
	view: CarnetView<AccountId32, N>,
	at: BlockRef,
) -> CarnetJson {
	let verdict = verdict_sentence(&view);
	CarnetJson {
		number: text(&view.number),
		state: view.state.as_str().into(),
		verdict,
		void_at: view.void.map(|void| match void {
			Voiding::AdministrationLeft { at } | Voiding::VoidedByConsortium { at } => at.into(),
		}),
		association: AssociationJson {
			account: view.association.to_ss58check(),
			name: text(&view.association_name),
			in_good_standing: view.association_in_good_standing,
		},
		issuing_country: country(view.home),
		holder_commitment: hex::encode(view.holder_commitment.as_bytes()),
		items: view.items,
		list_hash: hex::encode(view.list_hash.as_bytes()),
		valid_from: iso_date(view.valid_from),
		valid_until: iso_date(view.valid_until),
		at_home: view.at_home,
		in_motion: view.in_motion,
		countries: view.countries.iter().map(balance).collect(),
		claims: view.claims.into_iter().map(|(code, c)| claim(code, c)).collect(),
		issued_at: view.issued_at.into(),
		closed_at: view.closed_at.map(Into::into),
		at,
	}
}

/// One history entry as JSON; `block_hash` names a block number's hash.
pub fn movement_json<N: Into<u64>>(
	entry: HistoryEntry<AccountId32, N>,
	block_hash: impl Fn(u64) -> Option<String>,
) -> MovementJson {
	let block: u64 = entry.block.into();
	let action = match entry.action {
		Action::Issued => CarnetActionJson::Issued,
		Action::Movement { voucher, country: code, items } => CarnetActionJson::Voucher {
			voucher: voucher.as_str().into(),
			country: country(code),
			items,
		},
		Action::Closed => CarnetActionJson::Closed,
		Action::ClaimRaised { country: code, items } => {
			CarnetActionJson::ClaimRaised { country: country(code), items }
		},
		Action::ClaimSettled { country: code } => {
			CarnetActionJson::ClaimSettled { country: country(code) }
		},
		Action::ClaimDischarged { country: code, evidence } => CarnetActionJson::ClaimDischarged {
			country: country(code),
			evidence: hex::encode(evidence.as_bytes()),
		},
	};
	MovementJson {
		block,
		block_hash: block_hash(block),
		extrinsic: entry.extrinsic,
		actor: entry.actor.to_ss58check(),
		action,
	}
}

/// Checks a carnet number parameter.
fn number_param(number: &str) -> Result<(), jsonrpsee::types::ErrorObjectOwned> {
	if number.is_empty() || number.len() > MAX_NUMBER_LENGTH {
		return Err(invalid(format!(
			"number must be 1 to {MAX_NUMBER_LENGTH} bytes (e.g. KZ/2026/000123), got {}",
			number.len()
		)));
	}
	Ok(())
}

fn unknown_carnet(number: &str, at: &BlockRef) -> jsonrpsee::types::ErrorObjectOwned {
	error(
		errors::UNKNOWN_CARNET,
		format!("no carnet numbered `{number}` was issued as of block #{}", at.number),
	)
}

/// The block `at` (hash, default the best block) to read carnets from, if its runtime
/// serves the version of `CarnetsApi` this node was built for.
fn carnets_block<C, Block>(
	client: &C,
	at: Option<String>,
) -> Result<(H256, BlockRef), jsonrpsee::types::ErrorObjectOwned>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: CarnetsApi<Block, AccountId32, NumberFor<Block>>,
{
	let (hash, block) = block_at(client, at)?;
	ensure_api_version::<dyn CarnetsApi<Block, AccountId32, NumberFor<Block>>, C, Block>(
		client,
		hash,
		&block,
		"CarnetsApi",
	)?;
	Ok((hash, block))
}

impl<C, Block> CarnetApiServer for Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CarnetsApi<Block, AccountId32, NumberFor<Block>>,
{
	fn carnet(&self, number: String, at: Option<String>) -> RpcResult<CarnetJson> {
		number_param(&number)?;
		let (hash, block) = carnets_block(&*self.client, at)?;
		let view = self
			.client
			.runtime_api()
			.carnet(hash, number.as_bytes().to_vec())
			.map_err(runtime_error)?
			.ok_or_else(|| unknown_carnet(&number, &block))?;
		Ok(carnet_json(view, block))
	}

	fn carnet_movements(
		&self,
		number: String,
		page: Option<u32>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<MovementsJson> {
		number_param(&number)?;
		let Page { page, limit } = Page::from_params(page, limit, MAX_HISTORY_PAGE)?;
		let (hash, block) = carnets_block(&*self.client, at)?;
		let history = self
			.client
			.runtime_api()
			.carnet_history(hash, number.as_bytes().to_vec(), page, limit)
			.map_err(runtime_error)?;
		if history.total == 0 {
			return Err(unknown_carnet(&number, &block));
		}
		let entries = history
			.entries
			.into_iter()
			.map(|entry| movement_json(entry, |n| block_hash(&*self.client, n)))
			.collect();
		Ok(MovementsJson { number, total: history.total, page, limit, entries, at: block })
	}
}
