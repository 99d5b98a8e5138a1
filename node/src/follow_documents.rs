//! `tamga_subscribeDocuments`: the verdicts of the documents a national system follows
//! (its own exports, what it let in), sent at once and again whenever one changes in a
//! newly finalized block (revoked, replaced, used, used up, expired), so nobody polls.
//! Each verdict is `tamga_verifyDocument`'s, read at the finalized block. Served on the
//! node's private RPC only: each subscription costs a verification per document and block.

use std::sync::Arc;

use futures::StreamExt;
use jsonrpsee::{
	proc_macros::rpc, types::ErrorObjectOwned, Extensions, PendingSubscriptionSink,
	SubscriptionMessage,
};
use sc_client_api::BlockchainEvents;
use sp_blockchain::HeaderBackend;
use tamga_rpc::{
	errors::{error, INVALID_PARAMS},
	hex, Tamga, TamgaApiServer,
};
use tamga_rpc_types::DocumentStatus;
use tamga_runtime::opaque::Block;

/// The most documents one subscription follows.
pub const MAX_FOLLOWED: usize = 256;

/// Following documents' verdicts.
#[rpc(server, namespace = "tamga")]
pub trait FollowDocumentsApi {
	/// The verdict on each of `ids` (`0x` + blake2-256 of the document, at most
	/// [`MAX_FOLLOWED`], each once) at the finalized block, then each verdict again whenever
	/// it changes in a newly finalized block.
	#[subscription(
		name = "subscribeDocuments" => "documentVerdict",
		unsubscribe = "unsubscribeDocuments",
		item = DocumentVerdict,
		with_extensions
	)]
	fn subscribe_documents(&self, ids: Vec<String>);
}

/// The subscription over `client`, verdicts by `verifier`.
pub struct FollowDocuments<C> {
	client: Arc<C>,
	verifier: Arc<Tamga<C, Block>>,
}

impl<C> FollowDocuments<C> {
	/// Follows documents on `client`, each verdict given by `verifier`.
	pub fn new(client: Arc<C>, verifier: Tamga<C, Block>) -> Self {
		Self { client, verifier: Arc::new(verifier) }
	}
}

impl<C> FollowDocumentsApiServer for FollowDocuments<C>
where
	C: BlockchainEvents<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	Tamga<C, Block>: TamgaApiServer,
{
	fn subscribe_documents(
		&self,
		pending: PendingSubscriptionSink,
		ext: &Extensions,
		ids: Vec<String>,
	) {
		let checked = crate::rpc::ensure_private(ext, "tamga_subscribeDocuments")
			.and_then(|()| followed(ids));
		match checked {
			Ok(ids) => {
				tokio::spawn(follow(self.client.clone(), self.verifier.clone(), pending, ids));
			},
			Err(refusal) => {
				tokio::spawn(pending.reject(refusal));
			},
		}
	}
}

/// `ids` checked: each a document id, at most [`MAX_FOLLOWED`], duplicates dropped.
fn followed(ids: Vec<String>) -> Result<Vec<String>, ErrorObjectOwned> {
	if ids.is_empty() || ids.len() > MAX_FOLLOWED {
		return Err(error(
			INVALID_PARAMS,
			format!("follow 1 to {MAX_FOLLOWED} documents per subscription, not {}", ids.len()),
		));
	}
	let mut checked: Vec<String> = Vec::with_capacity(ids.len());
	for id in ids {
		let parsed = hex::parse_h256("id", &id).map_err(|e| error(INVALID_PARAMS, e))?;
		let id = hex::encode(parsed.as_bytes());
		if !checked.contains(&id) {
			checked.push(id);
		}
	}
	Ok(checked)
}

/// What a verdict change is judged by (its block aside).
type Standing = (bool, DocumentStatus, String);

/// Sends `pending` the verdict on each of `ids` now and whenever it changes, until the
/// subscriber leaves.
async fn follow<C>(
	client: Arc<C>,
	verifier: Arc<Tamga<C, Block>>,
	pending: PendingSubscriptionSink,
	ids: Vec<String>,
) where
	C: BlockchainEvents<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	Tamga<C, Block>: TamgaApiServer,
{
	let mut finality = client.finality_notification_stream();
	let Ok(sink) = pending.accept().await else { return };
	let mut sent: Vec<Option<Standing>> = vec![None; ids.len()];
	let mut at = client.info().finalized_hash;
	loop {
		let block = hex::encode(at.as_bytes());
		for (id, last) in ids.iter().zip(sent.iter_mut()) {
			let Ok(verdict) = verifier.verify_document(id.clone(), Some(block.clone())) else {
				continue;
			};
			let standing = (verdict.valid, verdict.status, verdict.verdict.clone());
			if last.as_ref() == Some(&standing) {
				continue;
			}
			*last = Some(standing);
			let Ok(message) = SubscriptionMessage::from_json(&verdict) else { continue };
			if sink.send(message).await.is_err() {
				return;
			}
		}
		match crate::rpc::unless_closed(&sink, finality.next()).await {
			Some(Some(notification)) => at = notification.hash,
			_ => return,
		}
	}
}
