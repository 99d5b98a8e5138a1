//! The node's JSON-RPC methods beyond the standard Substrate ones (`chain_*`, `state_*`,
//! `author_*`, `system_*` and the new `chainHead_v1_*` family, which `sc-service` adds).
//!
//! Here: `system_accountNextIndex` (nonces for signing clients), the `tamga_*` methods
//! of the `tamga-rpc` crate (document verification, batch membership, history, ATA
//! carnets, AEO status and recognition, data-sharing agreements), and, on the private RPC
//! only, the exchange's own deliveries and `tamga_subscribeDocuments`
//! ([`crate::follow_documents`]).

use std::sync::Arc;

use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use tamga_runtime::{opaque::Block, AccountId, BlockNumber, Nonce};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to read state and call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool, to account for pending transactions in nonces.
	pub pool: Arc<P>,
	/// Native document verification while the node's own runtime is on chain.
	pub native: Arc<crate::native_verify::NativeVerdicts>,
	/// The node's deliveries to and from partners (`None` on a development chain).
	pub exchange: Option<Arc<crate::exchange::Exchange>>,
}

/// Builds the RPC module with every extra method of the node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_tamga_certificates::runtime_api::CertificatesApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_tamga_certificates::runtime_api::DocumentLookupApi<Block, AccountId>,
	C::Api: pallet_tamga_certificates::runtime_api::DocumentTypesApi<Block>,
	C::Api: pallet_tamga_carnets::runtime_api::CarnetsApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_tamga_aeo::runtime_api::AeoApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_tamga_exchange::runtime_api::ExchangeApi<Block, BlockNumber>,
	C: sc_client_api::BlockchainEvents<Block>,
	P: TransactionPool + 'static,
{
	use crate::follow_documents::{FollowDocuments, FollowDocumentsApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, native, exchange } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(tamga_rpc::TamgaApiServer::into_rpc(tamga_rpc::Tamga::with_native_verifier(
		client.clone(),
		native.clone(),
	)))?;
	let verifier = tamga_rpc::Tamga::with_native_verifier(client.clone(), native);
	module.merge(FollowDocuments::new(client.clone(), verifier).into_rpc())?;
	module.merge(tamga_rpc::CarnetApiServer::into_rpc(tamga_rpc::Tamga::new(client.clone())))?;
	module.merge(tamga_rpc::AeoApiServer::into_rpc(tamga_rpc::Tamga::new(client.clone())))?;
	module.merge(tamga_rpc::ExchangeRpcServer::into_rpc(tamga_rpc::Tamga::new(client)))?;
	module.merge(crate::exchange::rpc::ExchangeNodeRpcServer::into_rpc(
		crate::exchange::rpc::ExchangeNode(exchange),
	))?;

	Ok(module)
}

/// Refuses unless the caller may use unsafe methods (the node's private RPC): `methods`
/// name what is refused.
pub fn ensure_private(
	ext: &jsonrpsee::Extensions,
	methods: &str,
) -> Result<(), jsonrpsee::types::ErrorObjectOwned> {
	match ext.get::<sc_rpc::DenyUnsafe>().map(|deny| deny.check_if_safe()) {
		Some(Ok(())) => Ok(()),
		_ => Err(tamga_rpc::errors::error(
			jsonrpsee::types::error::ErrorCode::MethodNotFound.code(),
			format!("{methods}: served on the node's private RPC only (unsafe methods)"),
		)),
	}
}

/// `next`'s output, or `None` if `sink`'s subscriber leaves first: how a subscription waits
/// for what it sends next.
pub async fn unless_closed<F: core::future::Future>(
	sink: &jsonrpsee::SubscriptionSink,
	next: F,
) -> Option<F::Output> {
	use futures::future::{select, Either};
	let closed = sink.closed();
	futures::pin_mut!(next, closed);
	match select(next, closed).await {
		Either::Left((output, _)) => Some(output),
		Either::Right(_) => None,
	}
}
