//! Command-line arguments of `tamga-node`.

/// The subcommands of `tamga-node`. Without one, the node runs.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys (session keys into the keystore,
	/// node keys for libp2p).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Launch a consortium's own chain: each administration prepares its keys, one
	/// command assembles their public parts into the chain spec, everyone compares the
	/// genesis hash.
	#[command(subcommand)]
	Ceremony(crate::ceremony::CeremonyCmd),

	/// Print a chain specification as JSON (`--raw` for raw genesis storage).
	/// Use `--disable-default-bootnode` for a reproducible output.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification, with raw genesis storage, to a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks to a file.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks from a file.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database of this node.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous (unfinalized) state.
	Revert(sc_cli::RevertCmd),

	/// Print information about the database of this node.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// `tamga-node`: runs a validator or full node of the Tamga consortium chain.
#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true,
	after_help = AFTER_HELP
)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// The verifier RPC profile (for border posts, single windows and auditors).
	#[clap(flatten)]
	pub verifier: crate::verifier_rpc::VerifierRpcArgs,

	/// Deliveries to and from partner administrations' nodes.
	#[clap(flatten)]
	pub exchange: crate::exchange::ExchangeArgs,
}

/// Examples shown at the end of `tamga-node --help`.
const AFTER_HELP: &str = "\
Chains (--chain, required: there is no default chain):
  dev        one administration and validator (Alice), governed by its own votes (1 of 1);
             state in a temporary folder with --dev
  local      four administrations (KZ, KG, AM, BY) with their own validators, on the
             well-known development keys: for tests only
  FILE.json  your consortium's chain spec; a live one (chainType Live) whose genesis names
             a well-known development key (//Alice...) is refused

Examples:
  tamga-node --dev                                   single-validator development chain
  tamga-node --chain local --base-path data/kz --validator --node-key-file kz.key \\
             --port 30333 --rpc-port 9944            one administration's validator
  tamga-node key insert --chain local --base-path data/kz --scheme sr25519 \\
             --suri //Alice --key-type aura          put a session key into the keystore
  tamga-node build-spec --chain local --disable-default-bootnode > local.json
  tamga-node ceremony prepare --chain-id tamga_eaeu --country KZ --name '...' \\
             --address /dns/tamga.customs.kz/tcp/30333 --base-path /var/lib/tamga \\
             --secret-out kz.secret --out kz.part.json     keys for a new chain
  tamga-node ceremony assemble --id tamga_eaeu --name 'Tamga EAEU' --out spec.json \\
             kz.part.json kg.part.json ...           the spec and its genesis hash

RPC exposure: the node's own RPC (--rpc-port) listens on loopback unless --rpc-external,
and then serves safe methods only (--rpc-methods). For border posts, single windows and
auditors, serve the verifier profile instead: --verifier-rpc-addr 0.0.0.0:9955 answers
tamga_* reads, headers, finality and system_health only, rate-limited per connection
(--verifier-rpc-rate-limit, calls per minute).

A whole four-validator network on this machine: scripts/local-net.sh start
Users' commands (governance, certificates, carnets, AEO, audit, proofs): the `tamga` tool";
