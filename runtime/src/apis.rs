//! The runtime APIs: what the node and clients may ask the runtime.
//!
//! Besides the consensus and block-building APIs every Substrate node needs, the runtime
//! serves metadata (for polkadot.js apps and subxt), account nonces and genesis presets,
//! the approved nodes (node admission), document verification and history, and dry runs of
//! contract calls (`ContractsApi`, for tools reading a rule contract's policy).

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	genesis_presets, AccountId, Aeo, Aura, Balance, Block, BlockNumber, Carnets, Certificates,
	Contracts, Exchange, Executive, Governance, Grandpa, Hash, InherentDataExt, Nonce, Runtime,
	RuntimeEvent, RuntimeGenesisConfig, SessionKeys, System, VERSION,
};

/// The events a contract dry run reports.
type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

impl_runtime_apis! {
	impl pallet_tamga_governance::node_admission::NodeAdmissionApi<Block> for Runtime {
		fn approved_nodes() -> Vec<(Vec<u8>, Vec<u8>)> {
			Governance::approved_nodes()
		}

		fn approved_node_countries() -> Vec<(Vec<u8>, pallet_tamga_governance::CountryCode)> {
			Governance::approved_node_countries()
		}
	}

	impl pallet_tamga_certificates::runtime_api::CertificatesApi<Block, AccountId, BlockNumber> for Runtime {
		fn verify_document(
			id: pallet_tamga_certificates::DocumentId,
		) -> Option<pallet_tamga_certificates::Verification<AccountId, BlockNumber>> {
			Certificates::verify(id)
		}

		fn verify_batch_member(
			root: sp_core::H256,
			id: pallet_tamga_certificates::DocumentId,
			proof: pallet_tamga_certificates::merkle::Proof,
		) -> Option<pallet_tamga_certificates::BatchVerification<AccountId, BlockNumber>> {
			Certificates::verify_batch(root, id, &proof)
		}

		fn document_history(
			id: pallet_tamga_certificates::DocumentId,
		) -> Vec<pallet_tamga_certificates::HistoryEntryOf<Runtime>> {
			pallet_tamga_certificates::History::<Runtime>::get(id).into_inner()
		}
	}

	impl pallet_tamga_certificates::runtime_api::DocumentLookupApi<Block, AccountId> for Runtime {
		fn find_documents(
			country: pallet_tamga_governance::CountryCode,
			number: Vec<u8>,
			issuer: Option<AccountId>,
		) -> pallet_tamga_certificates::Found {
			Certificates::find_by_number(country, &number, issuer.as_ref())
		}
	}

	impl pallet_tamga_certificates::runtime_api::DocumentTypesApi<Block> for Runtime {
		fn document_types() -> Vec<(pallet_tamga_certificates::CertificateKind, pallet_tamga_certificates::DocumentType)> {
			Certificates::document_types()
		}
	}

	impl pallet_contracts::ContractsApi<Block, AccountId, Balance, BlockNumber, Hash, EventRecord>
		for Runtime
	{
		/// Dry runs for tools (reading a rule contract's policy, checking a call before
		/// sending it): never part of a block, so debug output and events are collected.
		/// Bounded (`dry_runs`): gas at most a rule contract's, deployments by members only.
		fn call(
			origin: AccountId,
			dest: AccountId,
			value: Balance,
			gas_limit: Option<Weight>,
			storage_deposit_limit: Option<Balance>,
			input_data: Vec<u8>,
		) -> pallet_contracts::ContractExecResult<Balance, EventRecord> {
			let gas_limit = crate::dry_runs::gas_limit(gas_limit);
			Contracts::bare_call(
				origin,
				dest,
				value,
				gas_limit,
				storage_deposit_limit,
				input_data,
				pallet_contracts::DebugInfo::UnsafeDebug,
				pallet_contracts::CollectEvents::UnsafeCollect,
				pallet_contracts::Determinism::Enforced,
			)
		}

		fn instantiate(
			origin: AccountId,
			value: Balance,
			gas_limit: Option<Weight>,
			storage_deposit_limit: Option<Balance>,
			code: pallet_contracts::Code<Hash>,
			data: Vec<u8>,
			salt: Vec<u8>,
		) -> pallet_contracts::ContractInstantiateResult<AccountId, Balance, EventRecord> {
			if let Err(error) = crate::dry_runs::ensure_may_deploy(&origin) {
				return crate::dry_runs::refused_instantiation(error);
			}
			let gas_limit = crate::dry_runs::gas_limit(gas_limit);
			Contracts::bare_instantiate(
				origin,
				value,
				gas_limit,
				storage_deposit_limit,
				code,
				data,
				salt,
				pallet_contracts::DebugInfo::UnsafeDebug,
				pallet_contracts::CollectEvents::UnsafeCollect,
			)
		}

		fn upload_code(
			origin: AccountId,
			code: Vec<u8>,
			storage_deposit_limit: Option<Balance>,
			determinism: pallet_contracts::Determinism,
		) -> pallet_contracts::CodeUploadResult<Hash, Balance> {
			crate::dry_runs::ensure_may_deploy(&origin)?;
			Contracts::bare_upload_code(origin, code, storage_deposit_limit, determinism)
		}

		fn get_storage(address: AccountId, key: Vec<u8>) -> pallet_contracts::GetStorageResult {
			Contracts::get_storage(address, key)
		}
	}

	impl pallet_tamga_carnets::runtime_api::CarnetsApi<Block, AccountId, BlockNumber> for Runtime {
		fn carnet(number: Vec<u8>) -> Option<pallet_tamga_carnets::CarnetView<AccountId, BlockNumber>> {
			Carnets::view(&number)
		}

		fn carnet_history(
			number: Vec<u8>,
			page: u32,
			limit: u32,
		) -> pallet_tamga_carnets::HistoryPage<AccountId, BlockNumber> {
			Carnets::history_page(&number, page, limit)
		}
	}

	impl pallet_tamga_exchange::runtime_api::ExchangeApi<Block, BlockNumber> for Runtime {
		fn agreements(
			country: tamga_primitives::CountryCode,
		) -> Vec<pallet_tamga_exchange::AgreementView<BlockNumber>> {
			Exchange::agreements(country)
		}

		fn agreement(
			country: tamga_primitives::CountryCode,
			partner: tamga_primitives::CountryCode,
		) -> Option<pallet_tamga_exchange::AgreementView<BlockNumber>> {
			Exchange::agreement(country, partner)
		}

		fn granted(
			from: tamga_primitives::CountryCode,
			to: tamga_primitives::CountryCode,
			kind: tamga_primitives::DocumentKind,
		) -> [tamga_primitives::Access; tamga_primitives::FIELD_GROUPS] {
			Exchange::granted(from, to, kind)
		}

		fn exchange_key(country: tamga_primitives::CountryCode) -> Option<[u8; 32]> {
			Exchange::exchange_key(country)
		}

		fn field_commitment(
			document: sp_core::H256,
		) -> Option<pallet_tamga_exchange::CommitmentView<BlockNumber>> {
			Exchange::field_commitment(document)
		}

		fn delivery_check(
			from: tamga_primitives::CountryCode,
			to: tamga_primitives::CountryCode,
			document: sp_core::H256,
			groups: tamga_primitives::FieldGroups,
		) -> Result<sp_core::H256, pallet_tamga_exchange::DeliveryRefused> {
			Exchange::delivery_check(from, to, document, groups)
		}

		fn receipt(
			to: tamga_primitives::CountryCode,
			from: tamga_primitives::CountryCode,
			document: sp_core::H256,
			payload: sp_core::H256,
		) -> Option<pallet_tamga_exchange::Receipt<BlockNumber>> {
			Exchange::receipt(to, from, document, payload)
		}

		fn receipts_of(
			to: tamga_primitives::CountryCode,
			deliveries: Vec<(tamga_primitives::CountryCode, sp_core::H256, sp_core::H256)>,
		) -> Vec<Option<pallet_tamga_exchange::Receipt<BlockNumber>>> {
			Exchange::receipts_of(to, deliveries)
		}

		fn receipts(
			to: tamga_primitives::CountryCode,
			from: Option<tamga_primitives::CountryCode>,
			page: u32,
			limit: u32,
		) -> pallet_tamga_exchange::ReceiptsPage<BlockNumber> {
			Exchange::receipts(to, from, page, limit)
		}

		fn appendices(
			document: sp_core::H256,
		) -> Vec<(u32, pallet_tamga_exchange::Appendix<BlockNumber>)> {
			Exchange::appendices(document)
		}
	}

	impl pallet_tamga_aeo::runtime_api::AeoApi<Block, AccountId, BlockNumber> for Runtime {
		fn aeo_status(
			operator: pallet_tamga_aeo::Operator,
		) -> Option<pallet_tamga_aeo::StatusView<AccountId, BlockNumber>> {
			Aeo::status(operator)
		}

		fn aeo_recognition(
			operator: pallet_tamga_aeo::Operator,
			administration: pallet_tamga_governance::CountryCode,
			day: Option<u32>,
		) -> pallet_tamga_aeo::Recognition {
			Aeo::recognition(operator, administration, day)
		}

		fn pending_acknowledgements(
			administration: pallet_tamga_governance::CountryCode,
			page: u32,
			limit: u32,
		) -> pallet_tamga_aeo::PendingPage<AccountId, BlockNumber> {
			Aeo::pending_acknowledgements(administration, page, limit)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, super::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;

			// Keys every block reads anyway (block number, events, ...) are not charged.
			let whitelist = super::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports are not accepted on chain (see `configs`): there is no
			// key-ownership proof to check them against.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_presets::preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_presets::preset_names()
		}
	}
}
