//! `tamga_aeoStatus`, `tamga_aeoRecognition` and `tamga_pendingAcknowledgements`: an
//! operator's AEO certification, whether another administration recognises it, and the
//! status changes a partner has not acknowledged.
//!
//! An operator is written `CC:0x…`: its administration's ISO 3166-1 alpha-2 code and the
//! salted commitment of its identifier (64 hex digits), e.g. `KZ:0xac…ac`.

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use pallet_tamga_aeo::{
	runtime_api::AeoApi,
	types::{Change, MraStatus},
	AeoState, ChangeId, Operator, Programme, Recognition, RecognitionReason, StatusView,
	MAX_LISTED_PENDING,
};
use pallet_tamga_governance::CountryCode;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	AccountId32,
};

use crate::{
	api::Tamga,
	blocks::{block_at, invalid, runtime_error},
	dates::iso_date,
	errors::{self, error},
	hex,
	paging::{ensure_api_version, Page},
	verdict::BlockRef,
};

pub use tamga_rpc_types::aeo::{ChangeJson, PendingJson, RecognitionJson, StatusJson};

/// The AEO methods of the `tamga` namespace.
#[rpc(server, namespace = "tamga")]
pub trait AeoApi {
	/// `operator`'s (`CC:0x…`) certification as of block `at` (default: the best block),
	/// with its status changes, newest first.
	#[method(name = "aeoStatus")]
	fn aeo_status(&self, operator: String, at: Option<String>) -> RpcResult<StatusJson>;

	/// Whether `administration` (ISO code) recognises `operator` (`CC:0x…`), and why:
	/// `at` is a block hash (that block's state and day; default: the best block) or an
	/// ISO date `YYYY-MM-DD` (the best block's state, that day's validity windows); `day`
	/// (an ISO date) asks about that day with the state of block `at`.
	#[method(name = "aeoRecognition")]
	fn aeo_recognition(
		&self,
		operator: String,
		administration: String,
		at: Option<String>,
		day: Option<String>,
	) -> RpcResult<RecognitionJson>;

	/// Page `page` (from 0; default 0) of the status changes `administration` (ISO code)
	/// has not acknowledged as of block `at`, oldest first, `limit` per page (default and
	/// at most [`MAX_LISTED_PENDING`]), with how many there are in all.
	#[method(name = "pendingAcknowledgements")]
	fn pending_acknowledgements(
		&self,
		administration: String,
		page: Option<u32>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<PendingJson>;
}

/// Parses `CC:0x…` into an operator.
pub fn parse_operator(text: &str) -> Result<Operator, String> {
	let shown: String = text.chars().take(80).collect();
	text.parse().map_err(|e| format!("operator `{shown}` {e}"))
}

/// Parses an ISO 3166-1 alpha-2 code, which it calls `what`.
pub fn parse_country(what: &str, text: &str) -> Result<CountryCode, String> {
	text.parse().map_err(|e| format!("{what} `{text}` {e}"))
}

/// The name of a programme.
pub fn programme_name(programme: Programme) -> &'static str {
	match programme {
		Programme::Security => "AEO-S",
		Programme::Simplifications => "AEO-C",
		Programme::Both => "AEO-F",
	}
}

fn mra_status_name(status: MraStatus) -> &'static str {
	match status {
		MraStatus::Proposed => "proposed",
		MraStatus::InForce => "inForce",
		MraStatus::Suspended { .. } => "suspended",
		MraStatus::Terminated { .. } => "terminated",
	}
}

/// One status change as JSON.
pub fn change_json<N: Into<u64>>(id: ChangeId, change: Change<AccountId32, N>) -> ChangeJson {
	ChangeJson {
		change: id,
		operator: change.operator.to_string(),
		status: change.status.as_str().into(),
		programme: programme_name(change.programme).into(),
		reason: change.reason.map(|(r, _)| r.as_str().into()),
		text_hash: change.reason.map(|(_, h)| hex::encode(h.as_bytes())),
		actor: change.actor.to_ss58check(),
		block: change.block.into(),
		extrinsic: change.extrinsic,
		date: iso_date(change.day),
	}
}

/// The JSON answer for `view`, read at `at`.
pub fn status_json<N: Into<u64>>(view: StatusView<AccountId32, N>, at: BlockRef) -> StatusJson {
	StatusJson {
		operator: view.operator.to_string(),
		state: view.state.as_str().into(),
		in_force: view.state == AeoState::Certified,
		programme: programme_name(view.programme).into(),
		reason: view.reason.map(|(r, _)| r.as_str().into()),
		text_hash: view.reason.map(|(_, h)| hex::encode(h.as_bytes())),
		valid_from: iso_date(view.valid_from),
		valid_until: iso_date(view.valid_until),
		effective_block: view.effective_at.into(),
		effective_date: iso_date(view.effective_day),
		administration: String::from_utf8_lossy(&view.administration_name).into_owned(),
		changes: view.changes.into_iter().map(|(id, c)| change_json(id, c)).collect(),
		at,
	}
}

/// The answer to "does `administration` recognise `operator`?" in one sentence.
fn recognition_sentence(
	operator: &Operator,
	administration: CountryCode,
	r: &Recognition,
) -> String {
	let who = format!("operator {} certified by {}", operator.to_string(), operator.country);
	match r.reason {
		RecognitionReason::OwnAdministration | RecognitionReason::UnderAgreement => format!(
			"RECOGNISED by {administration} as {}: {who}{}",
			r.programme.map(programme_name).unwrap_or("AEO"),
			if r.reason == RecognitionReason::UnderAgreement {
				format!(", under agreement #{}", r.agreement.map(|(id, _)| id).unwrap_or_default())
			} else {
				String::new()
			}
		),
		RecognitionReason::UnknownOperator => {
			format!("NOT RECOGNISED: {} never certified this operator", operator.country)
		},
		RecognitionReason::AdministrationGone => format!(
			"NOT RECOGNISED: {} or {administration} is not a member of the consortium",
			operator.country
		),
		RecognitionReason::NotCertified => format!(
			"NOT RECOGNISED: the certification is {}",
			r.state.map(AeoState::as_str).unwrap_or("not in force")
		),
		RecognitionReason::NoAgreement => format!(
			"NOT RECOGNISED: {} and {administration} have no mutual recognition agreement",
			operator.country
		),
		RecognitionReason::AgreementNotInForce => format!(
			"NOT RECOGNISED: the agreement between {} and {administration} is {} or outside its dates",
			operator.country,
			r.agreement.map(|(_, s)| mra_status_name(s)).unwrap_or("not in force")
		),
		RecognitionReason::OutOfScope => format!(
			"NOT RECOGNISED: the agreement between {} and {administration} does not cover the operator's programme",
			operator.country
		),
	}
}

/// The JSON answer on recognition `r` of `operator` by `administration`, read at `at`.
pub fn recognition_json(
	operator: Operator,
	administration: CountryCode,
	r: Recognition,
	at: BlockRef,
) -> RecognitionJson {
	RecognitionJson {
		verdict: recognition_sentence(&operator, administration, &r),
		operator: operator.to_string(),
		administration: administration.to_string(),
		recognised: r.recognised,
		reason: r.reason.as_str().into(),
		state: r.state.map(|s| s.as_str().into()),
		programme: r.programme.map(|p| programme_name(p).into()),
		agreement: r.agreement.map(|(id, _)| id),
		agreement_status: r.agreement.map(|(_, s)| mra_status_name(s).into()),
		date: iso_date(r.today),
		at,
	}
}

fn operator_param(text: &str) -> Result<Operator, ErrorObjectOwned> {
	parse_operator(text).map_err(invalid)
}

fn administration_param(text: &str) -> Result<CountryCode, ErrorObjectOwned> {
	parse_country("administration", text).map_err(invalid)
}

impl<C, Block> AeoApiServer for Tamga<C, Block>
where
	Block: BlockT<Hash = H256>,
	NumberFor<Block>: Into<u64>,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AeoApi<Block, AccountId32, NumberFor<Block>>,
{
	fn aeo_status(&self, operator: String, at: Option<String>) -> RpcResult<StatusJson> {
		let operator = operator_param(&operator)?;
		let (hash, block) = block_at(&*self.client, at)?;
		let view = self
			.client
			.runtime_api()
			.aeo_status(hash, operator)
			.map_err(runtime_error)?
			.ok_or_else(|| {
				error(
					errors::UNKNOWN_OPERATOR,
					format!(
						"{} never certified operator {} as of block #{}",
						operator.country,
						operator.to_string(),
						block.number
					),
				)
			})?;
		Ok(status_json(view, block))
	}

	fn aeo_recognition(
		&self,
		operator: String,
		administration: String,
		at: Option<String>,
		day: Option<String>,
	) -> RpcResult<RecognitionJson> {
		let operator = operator_param(&operator)?;
		let administration = administration_param(&administration)?;
		let (at, at_day) = match at {
			Some(text) if !text.starts_with("0x") => {
				let day = crate::dates::parse_iso_date(&text)
					.map_err(|e| invalid(format!("at must be a block hash or a date: {e}")))?;
				(None, Some(day))
			},
			other => (other, None),
		};
		let day = match (at_day, day) {
			(Some(_), Some(_)) => {
				return Err(invalid("give the day once: as `at` or as `day`, not both".into()))
			},
			(Some(day), None) => Some(day),
			(None, Some(text)) => Some(
				crate::dates::parse_iso_date(&text)
					.map_err(|e| invalid(format!("day must be a date YYYY-MM-DD: {e}")))?,
			),
			(None, None) => None,
		};
		let (hash, block) = block_at(&*self.client, at)?;
		let recognition = self
			.client
			.runtime_api()
			.aeo_recognition(hash, operator, administration, day)
			.map_err(runtime_error)?;
		Ok(recognition_json(operator, administration, recognition, block))
	}

	fn pending_acknowledgements(
		&self,
		administration: String,
		page: Option<u32>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<PendingJson> {
		let administration = administration_param(&administration)?;
		let Page { page, limit } = Page::from_params(page, limit, MAX_LISTED_PENDING)?;
		let (hash, block) = block_at(&*self.client, at)?;
		ensure_api_version::<dyn AeoApi<Block, AccountId32, NumberFor<Block>>, C, Block>(
			&*self.client,
			hash,
			&block,
			"AeoApi",
		)?;
		let answer = self
			.client
			.runtime_api()
			.pending_acknowledgements(hash, administration, page, limit)
			.map_err(runtime_error)?;
		Ok(PendingJson {
			administration: administration.to_string(),
			total: answer.total,
			page,
			limit,
			pending: answer.changes.into_iter().map(|(id, c)| change_json(id, c)).collect(),
			at: block,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn operators_parse_and_print_back() {
		let text = format!("KZ:{}", hex::encode(&[0xac; 32]));
		let operator = parse_operator(&text).unwrap();
		assert_eq!(operator.country.as_bytes(), b"KZ");
		assert_eq!(operator.to_string(), text);
		assert!(parse_operator("KZ").unwrap_err().contains("CC:0x"));
		assert!(parse_operator("XX:0x00").unwrap_err().contains("not an assigned"));
		assert!(parse_operator("KZ:0x00").unwrap_err().contains("64 hex digits"));
		assert!(parse_country("administration", "kzz").unwrap_err().contains("two capital"));
	}

	#[test]
	fn recognition_verdicts_say_why() {
		let operator = parse_operator(&format!("KZ:{}", hex::encode(&[1; 32]))).unwrap();
		let kg = parse_country("x", "KG").unwrap();
		let at = BlockRef { number: 9, hash: hex::encode(&[9; 32]), finalized: true };
		let answer = Recognition {
			recognised: true,
			reason: RecognitionReason::UnderAgreement,
			state: Some(AeoState::Certified),
			programme: Some(Programme::Security),
			agreement: Some((3, MraStatus::InForce)),
			today: 20_780,
		};
		let json = recognition_json(operator, kg, answer, at.clone());
		assert!(json.recognised);
		assert_eq!(
			(json.reason.as_str(), json.programme.as_deref(), json.date.as_str()),
			("underAgreement", Some("AEO-S"), "2026-11-23")
		);
		assert!(json.verdict.starts_with("RECOGNISED by KG as AEO-S"), "{}", json.verdict);
		assert!(json.verdict.contains("agreement #3"));
		let suspended = Recognition {
			recognised: false,
			reason: RecognitionReason::NotCertified,
			state: Some(AeoState::Suspended),
			programme: None,
			agreement: None,
			today: 20_780,
		};
		let json = recognition_json(operator, kg, suspended, at);
		assert_eq!(json.verdict, "NOT RECOGNISED: the certification is suspended");
	}
}
