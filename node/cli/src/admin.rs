//! `tamga admin`: the consortium's decisions from the command line. Proposes,
//! votes, lists and closes proposals, registers a validator's session keys, and does what
//! an administration does alone (member accounts, accreditation, key cut-offs), by
//! sending signed transactions to a node's JSON-RPC.

use codec::Decode;
use pallet_tamga_governance::{Call as GovernanceCall, Proposals};
use sp_core::crypto::Ss58Codec;
use tamga_primitives::{CountryCode, DocumentKind, Role};
use tamga_runtime::{AccountId, Runtime, RuntimeCall, SessionKeys};

use crate::{
	flags::named,
	tx::{from_hex, to_hex, Rpc},
};

/// Consortium governance: propose, vote, list proposals, register session keys.
#[derive(Debug, clap::Args)]
pub struct GovernanceCmd {
	/// The node to talk to and the signing account.
	#[command(flatten)]
	pub connection: crate::tx::Connection,

	/// What to do.
	#[command(subcommand)]
	pub action: Action,
}

/// A governance action.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
	/// Propose a decision to the consortium; your administration votes aye at once.
	#[command(subcommand)]
	Propose(Decision),
	/// Vote on open proposal ID: aye unless `--nay`.
	Vote {
		/// The proposal's id (see `proposals`).
		#[arg(long)]
		id: u32,
		/// Vote against.
		#[arg(long)]
		nay: bool,
	},
	/// List the open proposals with their calls and votes.
	Proposals {
		/// Print JSON.
		#[arg(long)]
		json: bool,
	},
	/// Print an nftables ruleset that lets only the approved nodes (as of the last
	/// finalized block) reach this host's peer-to-peer port: apply it with `nft -f`.
	FirewallRules {
		/// The node's peer-to-peer port.
		#[arg(long, default_value_t = 30333)]
		port: u16,
	},
	/// Remove proposal ID whose voting period ended without a decision.
	Close {
		/// The proposal's id.
		#[arg(long)]
		id: u32,
	},
	/// Withdraw open proposal ID of your administration (each administration may have at
	/// most 4 open).
	Withdraw {
		/// The proposal's id.
		#[arg(long)]
		id: u32,
	},
	/// Accept the accreditation COUNTRY's administration offered the signing account: a
	/// party holds its role only once it accepted (sign with the party's own key).
	Accept {
		/// The offering administration's ISO 3166-1 alpha-2 code, e.g. KZ.
		#[arg(long)]
		country: CountryCode,
	},
	/// Act for your own administration, without a vote.
	#[command(flatten)]
	Own(OwnAction),
	/// Apply the runtime upgrade the consortium authorized (`propose authorize-upgrade`):
	/// submit the Wasm file whose hash the vote named (any member account may). The new
	/// runtime's migrations run in the next block.
	ApplyUpgrade {
		/// The authorized runtime's Wasm file.
		#[arg(long)]
		wasm: std::path::PathBuf,
	},
	/// Register the session keys of the signing validator account: KEYS and PROOF as
	/// printed by the node's `author_rotateKeysWithOwner` RPC for that account.
	SetKeys {
		/// SCALE-encoded session keys, hex.
		#[arg(long)]
		keys: String,
		/// Their proof of ownership, hex.
		#[arg(long)]
		proof: String,
	},
}

/// What an administration does alone, for its own country.
#[derive(Debug, clap::Subcommand)]
pub enum OwnAction {
	/// Add a member account to your administration.
	AddMember {
		/// The account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Remove a member account of your administration (not its last).
	RemoveMember {
		/// The account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Offer a party of your country an accreditation for ROLE from block VALID_FROM to
	/// VALID_UNTIL; the party holds it once it accepts (`tamga admin accept`). A change of
	/// an accreditation the party already holds from you applies at once.
	Accredit {
		/// The party's account (SS58).
		#[arg(long)]
		account: String,
		/// The party's name, shown to whoever verifies its documents, e.g. "Chamber of
		/// Commerce and Industry of Kazakhstan".
		#[arg(long)]
		name: String,
		/// What it may do.
		#[arg(long, value_parser = named::<Role>())]
		role: Role,
		/// For an issuer: a kind of document it issues; repeat for several.
		#[arg(long = "kind", value_parser = named::<DocumentKind>())]
		kinds: Vec<DocumentKind>,
		/// For an officer: its customs office code, 5 capital letters or digits.
		#[arg(long)]
		office: Option<String>,
		/// First block in which it may act.
		#[arg(long, default_value_t = 0)]
		valid_from: u32,
		/// Last block in which it may act.
		#[arg(long)]
		valid_until: u32,
	},
	/// Suspend an accreditation of your country.
	Suspend {
		/// The party's account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Put a suspended accreditation of your country back in force.
	Reinstate {
		/// The party's account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Revoke an accreditation of your country for good.
	Revoke {
		/// The party's account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Withdraw an accreditation you offered that the party has not accepted.
	WithdrawOffer {
		/// The party's account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Remove a revoked accreditation of your country, so the account can be bound again.
	RemoveAccreditation {
		/// The party's account (SS58).
		#[arg(long)]
		account: String,
	},
	/// Declare documents ISSUER registers after BLOCK invalid (a leaked or retired key).
	SetKeyCutoff {
		/// The issuer's account (SS58).
		#[arg(long)]
		issuer: String,
		/// The last block whose documents stay valid.
		#[arg(long)]
		block: u32,
	},
}

impl OwnAction {
	/// The call this action sends.
	fn call(&self) -> Result<GovernanceCall<Runtime>, String> {
		use pallet_tamga_governance::DocumentKinds;
		Ok(match self {
			Self::AddMember { account: a } => GovernanceCall::add_member { account: account(a)? },
			Self::RemoveMember { account: a } => {
				GovernanceCall::remove_member { account: account(a)? }
			},
			Self::Accredit { account: a, name, role, kinds, office, valid_from, valid_until } => {
				let office = office
					.as_deref()
					.map(|o| {
						o.as_bytes()
							.try_into()
							.map_err(|_| format!("office code `{o}` is not 5 characters"))
					})
					.transpose()?;
				GovernanceCall::accredit {
					account: account(a)?,
					name: name.as_bytes().to_vec(),
					role: *role,
					kinds: DocumentKinds::of(kinds),
					office,
					valid_from: *valid_from,
					valid_until: *valid_until,
				}
			},
			Self::Suspend { account: a } => GovernanceCall::suspend { account: account(a)? },
			Self::Reinstate { account: a } => GovernanceCall::reinstate { account: account(a)? },
			Self::Revoke { account: a } => GovernanceCall::revoke { account: account(a)? },
			Self::WithdrawOffer { account: a } => {
				GovernanceCall::withdraw_offer { account: account(a)? }
			},
			Self::RemoveAccreditation { account: a } => {
				GovernanceCall::remove_accreditation { account: account(a)? }
			},
			Self::SetKeyCutoff { issuer, block } => {
				GovernanceCall::set_key_cutoff { issuer: account(issuer)?, block: *block }
			},
		})
	}
}

/// A decision the consortium votes on.
#[derive(Debug, clap::Subcommand)]
pub enum Decision {
	/// Admit the administration of COUNTRY (ISO 3166-1 alpha-2) with its member accounts.
	AdmitAdministration {
		/// ISO 3166-1 alpha-2 code, e.g. UZ.
		#[arg(long)]
		country: CountryCode,
		/// The administration's name.
		#[arg(long)]
		name: String,
		/// A member account (SS58); repeat for several.
		#[arg(long = "member", required = true)]
		members: Vec<String>,
	},
	/// Remove the administration of COUNTRY, its validators and nodes.
	RemoveAdministration {
		/// ISO 3166-1 alpha-2 code.
		#[arg(long)]
		country: CountryCode,
	},
	/// Let the node PEER_ID of COUNTRY's administration connect, listening on ADDRESS.
	ApproveNode {
		/// ISO 3166-1 alpha-2 code.
		#[arg(long)]
		country: CountryCode,
		/// The node's PeerId (`tamga-node key inspect-node-key --file <key>`).
		#[arg(long)]
		peer_id: String,
		/// Its multiaddress without /p2p/, e.g. /dns/node1.customs.uz/tcp/30333.
		#[arg(long)]
		address: String,
	},
	/// Withdraw the approval of node PEER_ID.
	RemoveNode {
		/// The node's PeerId.
		#[arg(long)]
		peer_id: String,
	},
	/// Add validator account VALIDATOR of COUNTRY's administration from the next session.
	AddValidator {
		/// ISO 3166-1 alpha-2 code.
		#[arg(long)]
		country: CountryCode,
		/// The validator account (SS58); it must have registered session keys.
		#[arg(long)]
		validator: String,
	},
	/// Remove validator account VALIDATOR from the next session.
	RemoveValidator {
		/// The validator account (SS58).
		#[arg(long)]
		validator: String,
	},
	/// Authorize the runtime upgrade to the Wasm file WASM (anyone may then apply it).
	AuthorizeUpgrade {
		/// The new runtime's Wasm file.
		#[arg(long)]
		wasm: std::path::PathBuf,
	},
	/// Add a document type to the chain's registry: once passed, issuers holding its
	/// accreditation anchor documents of it like any other (`--kind NAME`).
	AddDocumentType {
		/// Its name: 1 to 24 ASCII letters, digits or `-`, starting with a letter, e.g.
		/// importLicence.
		#[arg(long)]
		name: String,
		/// Its UN/CEFACT document name code (UNCL 1001), 1 to 999, e.g. 911.
		#[arg(long)]
		un_code: u16,
		/// The accreditation its issuers hold: origin, veterinary, phytosanitary,
		/// conformity or licensing.
		#[arg(long, value_parser = named::<DocumentKind>())]
		accreditation: DocumentKind,
		/// Approved exporters declare it themselves (like an origin declaration) instead of
		/// issuers issuing it.
		#[arg(long)]
		declaration: bool,
		/// Its documents may list no HS code.
		#[arg(long)]
		hs_codes_optional: bool,
		/// Its uses are counted, not bounded by a declared quantity (which becomes
		/// optional).
		#[arg(long)]
		unbounded_uses: bool,
	},
}

/// `text` as a PeerId the chain and the nodes accept.
fn peer_id(text: &str) -> Result<Vec<u8>, String> {
	crate::node_address::check_peer_id(text)?;
	pallet_tamga_governance::node_admission::peer_id(text.as_bytes().to_vec())
		.map(|p| p.into_inner())
		.ok_or_else(|| format!("`{text}` is not a PeerId the chain accepts"))
}

/// `text` as a node address the chain and the nodes accept.
fn node_address(text: &str) -> Result<Vec<u8>, String> {
	text.parse::<crate::node_address::NodeAddress>()?;
	pallet_tamga_governance::node_admission::address(text.as_bytes().to_vec())
		.map(|a| a.into_inner())
		.ok_or_else(|| {
			format!(
				"`{text}` is not a node address: give it without /p2p/, e.g. /dns/host/tcp/30333"
			)
		})
}

fn account(text: &str) -> Result<AccountId, String> {
	AccountId::from_ss58check(text).map_err(|e| format!("`{text}` is not an SS58 account: {e:?}"))
}

impl Decision {
	/// The runtime call this decision dispatches once passed.
	fn call(&self) -> Result<RuntimeCall, String> {
		let call = match self {
			Self::AdmitAdministration { country: c, name, members } => {
				GovernanceCall::admit_administration {
					country: *c.as_bytes(),
					name: name.clone().into_bytes(),
					members: members.iter().map(|m| account(m)).collect::<Result<_, _>>()?,
				}
			},
			Self::RemoveAdministration { country: c } => {
				GovernanceCall::remove_administration { country: *c.as_bytes() }
			},
			Self::ApproveNode { country: c, peer_id: p, address } => GovernanceCall::approve_node {
				country: *c.as_bytes(),
				peer_id: peer_id(p)?,
				address: node_address(address)?,
			},
			Self::RemoveNode { peer_id: p } => GovernanceCall::remove_node { peer_id: peer_id(p)? },
			Self::AddValidator { country: c, validator } => GovernanceCall::add_validator {
				country: *c.as_bytes(),
				validator: account(validator)?,
			},
			Self::RemoveValidator { validator } => {
				GovernanceCall::remove_validator { validator: account(validator)? }
			},
			Self::AddDocumentType {
				name,
				un_code,
				accreditation,
				declaration,
				hs_codes_optional,
				unbounded_uses,
			} => {
				let entry = pallet_tamga_certificates::DocumentType {
					name: name.as_bytes().to_vec().try_into().map_err(|_| {
						format!(
							"the name `{name}` is longer than {} bytes",
							pallet_tamga_certificates::document_types::MAX_TYPE_NAME
						)
					})?,
					un_code: *un_code,
					accreditation: *accreditation,
					author: match declaration {
						true => Role::ApprovedExporter,
						false => Role::Issuer,
					},
					hs_codes_required: !hs_codes_optional,
					bounded_uses: !unbounded_uses,
				};
				entry.check().map_err(|invalid| invalid.to_string())?;
				return Ok(RuntimeCall::Certificates(
					pallet_tamga_certificates::Call::add_document_type { entry },
				));
			},
			Self::AuthorizeUpgrade { wasm } => {
				let code = std::fs::read(wasm)
					.map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
				let code_hash = sp_io::hashing::blake2_256(&code).into();
				return Ok(RuntimeCall::System(frame_system::Call::authorize_upgrade {
					code_hash,
				}));
			},
		};
		Ok(RuntimeCall::Governance(call))
	}
}

impl GovernanceCmd {
	/// Runs the action; prints what was submitted or found.
	pub fn run(&self) -> Result<crate::support::Verdict, String> {
		let rpc = self.connection.rpc()?;
		let call = match &self.action {
			Action::Proposals { json } => {
				return list_proposals(&rpc, *json).map(|()| crate::support::Verdict::Done)
			},
			Action::FirewallRules { port } => {
				let nodes = crate::firewall::approved_nodes(&rpc)?;
				print!("{}", crate::firewall::ruleset(&nodes, *port));
				return Ok(crate::support::Verdict::Done);
			},
			Action::Propose(decision) => RuntimeCall::Governance(GovernanceCall::propose {
				call: Box::new(decision.call()?),
			}),
			Action::Vote { id, nay } => {
				RuntimeCall::Governance(GovernanceCall::vote { id: *id, approve: !nay })
			},
			Action::Close { id } => RuntimeCall::Governance(GovernanceCall::close { id: *id }),
			Action::ApplyUpgrade { wasm } => {
				let code = std::fs::read(wasm)
					.map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
				// A block holds at most 5 MiB (the runtime's `BlockLength`).
				if code.len() > 5 * 1024 * 1024 {
					return Err(format!(
						"{} is {} bytes, more than a block holds (5 MiB): submit the compressed \
						 runtime (`*.compact.compressed.wasm` of a release build) the vote named",
						wasm.display(),
						code.len()
					));
				}
				println!(
					"applying runtime {} ({} bytes)",
					to_hex(&sp_io::hashing::blake2_256(&code)),
					code.len()
				);
				RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { code })
			},
			Action::Withdraw { id } => {
				RuntimeCall::Governance(GovernanceCall::withdraw_proposal { id: *id })
			},
			Action::Accept { country: c } => {
				RuntimeCall::Governance(GovernanceCall::accept_accreditation {
					country: *c.as_bytes(),
				})
			},
			Action::Own(action) => RuntimeCall::Governance(action.call()?),
			Action::SetKeys { keys, proof } => {
				let keys = from_hex(keys)?;
				let keys = SessionKeys::decode(&mut &keys[..])
					.map_err(|e| format!("--keys are not Tamga session keys: {e}"))?;
				RuntimeCall::Session(pallet_session::Call::set_keys {
					keys,
					proof: from_hex(proof)?,
				})
			},
		};
		self.connection.submit(&rpc, call).map(|submission| submission.verdict())
	}
}

/// Prints each open proposal: id, proposer, expiry, votes and the call (as a JSON array
/// with `json`).
fn list_proposals(rpc: &Rpc, json: bool) -> Result<(), String> {
	let prefix = Proposals::<Runtime>::map_storage_final_prefix();
	let keys = rpc.keys(&prefix)?;
	let mut listed = Vec::new();
	for key in keys {
		// Twox64Concat: 8 bytes of hash, then the id itself.
		let id = u32::decode(&mut &key[prefix.len() + 8..]).map_err(|e| e.to_string())?;
		let Some(raw) = rpc.storage(&key)? else { continue };
		let proposal = pallet_tamga_governance::ProposalOf::<Runtime>::decode(&mut &raw[..])
			.map_err(|e| format!("proposal {id} does not decode: {e}"))?;
		let call = RuntimeCall::decode(&mut &proposal.call[..])
			.map(|c| format!("{c:?}"))
			.unwrap_or_else(|_| "(a call this runtime no longer decodes)".into());
		let names = |v: &[pallet_tamga_governance::CountryCode]| {
			v.iter().map(|c| c.to_string()).collect::<Vec<_>>()
		};
		listed.push(serde_json::json!({
			"id": id,
			"proposer": proposal.proposer.to_string(),
			"expiresAt": proposal.expires_at,
			"ayes": names(&proposal.ayes),
			"nays": names(&proposal.nays),
			"call": call,
		}));
	}
	if json {
		crate::support::print_json(&serde_json::Value::Array(listed));
		return Ok(());
	}
	if listed.is_empty() {
		println!("no open proposals");
	}
	for p in listed {
		let list = |v: &serde_json::Value| {
			v.as_array()
				.into_iter()
				.flatten()
				.filter_map(|c| c.as_str())
				.collect::<Vec<_>>()
				.join(" ")
		};
		println!(
			"#{} by {} until block {}: ayes [{}] nays [{}]\n    {}",
			p["id"],
			p["proposer"].as_str().unwrap_or_default(),
			p["expiresAt"],
			list(&p["ayes"]),
			list(&p["nays"]),
			p["call"].as_str().unwrap_or_default()
		);
	}
	Ok(())
}
