//! Dispatches `tamga-node` subcommands and starts the node.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use tamga_runtime::opaque::Block;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Tamga Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		"Validator and full node of Tamga, the permissioned ledger of a consortium of customs \
		 administrations. It anchors trade documents (certificates of origin, veterinary \
		 certificates, ATA carnets, AEO statuses) by hash, produces blocks with Aura, \
		 finalizes them with GRANDPA, stores them in RocksDB and serves JSON-RPC."
			.into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"the Tamga consortium's issue tracker".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// The command line, parsed as `sc-cli` does (`SubstrateCli::from_args`), except that
/// `--pool-type` defaults to `single-state`, and `--help` says so (why:
/// `docs/decisions.md`, "The single-state transaction pool").
fn parse_command_line() -> Cli {
	use clap::{CommandFactory, FromArgMatches};
	let command = <Cli as CommandFactory>::command().mut_arg("pool_type", |arg| {
		arg.default_value("single-state").help(
			"The type of transaction pool to be instantiated (Tamga's default: single-state; \
			 the fork-aware pool dropped accepted transactions under load)",
		)
	});
	let command = <Cli as SubstrateCli>::setup_command(command);
	let matches = command.try_get_matches_from(std::env::args_os()).unwrap_or_else(|e| e.exit());
	Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	let cli = parse_command_line();

	match &cli.subcommand {
		// A node key written to a file or printed needs no chain (upstream loads the
		// default chain, which Tamga does not have); one written into a base path goes
		// under the chain's folder, so that needs --chain. (The command's path fields are
		// private: the command line says which was given.)
		Some(Subcommand::Key(sc_cli::KeySubcommand::GenerateNodeKey(cmd)))
			if cmd.chain.is_none() =>
		{
			let into_base_path = std::env::args().any(|arg| {
				arg == "--default-base-path"
					|| arg == "--base-path"
					|| arg.starts_with("--base-path=")
			});
			if into_base_path {
				return Err(sc_cli::Error::Input(
					"give --chain: a key written into a base path goes into that chain's folder"
						.into(),
				));
			}
			cmd.run("", &Cli::executable_name())
		},
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::Ceremony(cmd)) => cmd.run().map_err(sc_cli::Error::Input),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let mut runner = cli.create_runner(&cli.run)?;
			// Refuse bad input before the start-up banner, so the error is the last line.
			crate::preflight::check(runner.config_mut()).map_err(sc_cli::Error::Input)?;
			let verifier = cli.verifier.clone();
			let exchange = cli.exchange.clone();
			runner.run_node_until_exit(|config| async move {
				use sc_network::config::NetworkBackendType;
				type Hash = <Block as sp_runtime::traits::Block>::Hash;
				match config.network.network_backend {
					NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<Block, Hash>,
					>(config, &verifier, &exchange),
					NetworkBackendType::Litep2p => service::new_full::<
						sc_network::Litep2pNetworkBackend,
					>(config, &verifier, &exchange),
				}
				.map_err(sc_cli::Error::Service)
			})
		},
	}
}
