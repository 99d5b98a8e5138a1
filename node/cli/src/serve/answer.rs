//! The answers of the page's four questions, from the node's read methods, said in the
//! asker's language: each verdict with its three checks, facts and history.

use serde::Serialize;
use serde_json::{json, Value};
use tamga_rpc_types::{
	errors::{NOT_A_MEMBER, UNKNOWN_BATCH},
	BatchVerdict, DocumentHistory, DocumentMatches, DocumentVerdict, ProofParam,
};

use super::reader::{NodeReader, ReadError};
use crate::{
	qr::QrPayload,
	speech::{
		explain::{self, Said, SaidCheck},
		Catalogue,
	},
};

/// What the page shows for one question.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct PageAnswer {
	/// Each verdict found, said.
	pub results: Vec<Said>,
	/// Sentences about the question as a whole (nothing found, more matches, a code of
	/// another chain, a code that does not fit its document).
	pub notes: Vec<String>,
	/// The block the answer was read from, said.
	pub at: Option<String>,
}

/// `/api/about`: the chain this page verifies on, and its languages.
pub async fn about(node: &NodeReader) -> Result<Value, ReadError> {
	let languages: Vec<Value> =
		Catalogue::all().iter().map(|c| json!({ "code": c.code, "name": c.name() })).collect();
	Ok(json!({ "chain": node.genesis().await?, "languages": languages }))
}

/// A verdict said with its history (a document nothing is anchored under has none).
async fn with_history(
	node: &NodeReader,
	verdict: &DocumentVerdict,
	c: &Catalogue,
) -> Result<Said, ReadError> {
	let mut said = explain::document(verdict, c);
	if let Some(document) = &verdict.document {
		let history: DocumentHistory = node
			.ask("tamga_documentHistory", vec![json!(verdict.id), json!(verdict.at.hash)])
			.await?;
		said.history = explain::history(&history, &document.unit, c);
	}
	Ok(said)
}

/// A result that names no anchored document: `headline` and the integrity check's
/// sentence.
fn refused(headline: &str, text: String, c: &Catalogue) -> Said {
	Said {
		headline: c.word(headline),
		valid: false,
		status: "notAnchored".into(),
		checks: vec![SaidCheck {
			check: "integrity",
			label: c.word("check.integrity"),
			code: "notAnchored".into(),
			passed: false,
			mark: c.word("mark.failed"),
			text: text.clone(),
		}],
		facts: Vec::new(),
		verdict: text,
		history: Vec::new(),
	}
}

/// `/api/verify`: document `id`, or batch member `id` by its `proof`.
pub async fn verify(
	node: &NodeReader,
	id: &str,
	proof: Option<&ProofParam>,
	c: &Catalogue,
) -> Result<PageAnswer, ReadError> {
	if let Some(proof) = proof {
		return member(node, id, proof, c).await;
	}
	let at = node.finalized().await?;
	let verdict: DocumentVerdict = node.ask("tamga_verifyDocument", vec![json!(id), at]).await?;
	Ok(PageAnswer {
		results: vec![with_history(node, &verdict, c).await?],
		notes: Vec::new(),
		at: Some(explain::block(&verdict.at, c)),
	})
}

/// Batch member `id` by its `proof`.
async fn member(
	node: &NodeReader,
	id: &str,
	proof: &ProofParam,
	c: &Catalogue,
) -> Result<PageAnswer, ReadError> {
	let at = node.finalized().await?;
	let proof_json = serde_json::to_value(proof).expect("a proof serialises");
	let asked =
		node.ask::<BatchVerdict>("tamga_verifyBatchMember", vec![json!(id), proof_json, at]).await;
	match asked {
		Ok(verdict) => Ok(PageAnswer {
			results: vec![explain::member(&verdict, c)],
			notes: Vec::new(),
			at: Some(explain::block(&verdict.at, c)),
		}),
		Err(ReadError::Node { code, .. }) if code == UNKNOWN_BATCH || code == NOT_A_MEMBER => {
			let text = explain::member_refused(id, &proof.root, code == UNKNOWN_BATCH, c);
			Ok(PageAnswer {
				results: vec![refused("headline.notGenuine", text, c)],
				notes: Vec::new(),
				at: None,
			})
		},
		Err(other) => Err(other),
	}
}

/// `/api/find`: the documents of `country` numbered `number` (only `issuer`'s if named).
pub async fn find(
	node: &NodeReader,
	country: &str,
	number: &str,
	issuer: Option<&str>,
	c: &Catalogue,
) -> Result<PageAnswer, ReadError> {
	let at = node.finalized().await?;
	let found: DocumentMatches = node
		.ask("tamga_findDocument", vec![json!(country), json!(number), json!(issuer), at])
		.await?;
	let mut results = Vec::new();
	for verdict in &found.matches {
		results.push(with_history(node, verdict, c).await?);
	}
	let mut notes = Vec::new();
	if found.matches.is_empty() {
		notes.push(explain::not_found(&found, c));
	}
	if found.more {
		notes.push(c.word("verdict.more"));
	}
	Ok(PageAnswer { results, notes, at: Some(explain::block(&found.at, c)) })
}

/// `/api/link`: what a QR code's link names, if it names this chain; a document whose
/// country or number is not the code's is not accepted.
pub async fn link(
	node: &NodeReader,
	payload: &QrPayload,
	c: &Catalogue,
) -> Result<PageAnswer, ReadError> {
	let chain = node.genesis().await?;
	let code_chain = tamga_rpc::hex::encode(payload.chain.as_bytes());
	let id = tamga_rpc::hex::encode(payload.id.as_bytes());
	if code_chain != chain {
		let text = c.say("verdict.otherChain", &[("code", &code_chain), ("chain", &chain)]);
		return Ok(PageAnswer {
			results: vec![refused("headline.notGenuine", text, c)],
			notes: Vec::new(),
			at: None,
		});
	}
	if let Some(proof) = &payload.proof {
		return member(node, &id, proof, c).await;
	}
	let at = node.finalized().await?;
	let verdict: DocumentVerdict = node.ask("tamga_verifyDocument", vec![json!(id), at]).await?;
	let mut said = with_history(node, &verdict, c).await?;
	let mut notes = Vec::new();
	if !verdict.document.as_ref().is_none_or(|document| payload.fits(document)) {
		said.valid = false;
		said.headline = c.word("headline.invalid");
		notes.push(c.word("verdict.noMatch"));
	}
	Ok(PageAnswer { results: vec![said], notes, at: Some(explain::block(&verdict.at, c)) })
}
