//! What one storage read and one storage write cost on this machine's RocksDB, through
//! the same client database code a validator runs (`sc-client-db` over RocksDB with the
//! node's default 1 GiB `--db-cache`, trie cache off, so every read walks the trie in the
//! database). With a 128 MiB cache, reads of 300,000 records cost ten times more: keep
//! validators at the default.
//!
//! The database holds the `development` genesis state plus `entries` records shaped like
//! anchored documents (80-byte `Blake2_128Concat`-style map keys, 200-byte values), so the
//! trie is as deep as a chain with that many documents. Then:
//! - reads: the database is reopened (RocksDB's own cache starts empty; the operating
//!   system's page cache still holds the files, as it does on a validator that has run a
//!   while) and `reads` random records are read one by one from the state; the weight is
//!   the mean (a block's reads add up to about their count times the mean, as
//!   polkadot-sdk's storage benchmark also takes it), with the median and 95th percentile
//!   reported;
//! - writes: blocks that each change `keys_per_block` random records are built and
//!   committed (new trie root, nodes written, block committed); the weight is the mean
//!   time per changed key over those blocks. That spreads a block's fixed costs over its
//!   writes, as a full block does; a block with a single write costs that write more, but
//!   such a block is far from any weight limit. (polkadot-sdk's storage benchmark commits
//!   one key per root, so its figures are higher by construction.)

use std::{path::Path, time::Instant};

use sc_client_api::{
	backend::{Backend as _, BlockImportOperation as _, NewBlockState},
	TrieCacheContext,
};
use sc_client_db::{BlocksPruning, DatabaseSettings, DatabaseSource, PruningMode};
use sp_core::{storage::Storage, H256};
use sp_runtime::{
	traits::{BlakeTwo256, Hash as _, Header as _},
	StateVersion,
};
use sp_state_machine::Backend as _;
use tamga_runtime::opaque::Block;

/// The client database over RocksDB.
type Database = sc_client_db::Backend<Block>;
/// A block header.
type Header = <Block as sp_runtime::traits::Block>::Header;

/// The measured costs, nanoseconds.
pub struct DatabaseCosts {
	/// One read of a record not in RocksDB's or the trie cache: the mean.
	pub read_ns: u64,
	/// Median read, for the report.
	pub read_median_ns: u64,
	/// 95th percentile read, for the report.
	pub read_p95_ns: u64,
	/// One changed key in a block: mean over the blocks.
	pub write_ns: u64,
	/// Records in the database.
	pub entries: u32,
	/// Reads timed.
	pub reads: u32,
	/// Blocks committed, and keys changed in each.
	pub blocks: u32,
	/// Keys changed per block.
	pub keys_per_block: u32,
}

/// A small deterministic generator (splitmix64), so runs are comparable.
struct Numbers(u64);

impl Numbers {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	fn bytes(&mut self, n: usize) -> Vec<u8> {
		(0..n.div_ceil(8)).flat_map(|_| self.next().to_le_bytes()).take(n).collect()
	}
}

/// The storage key of record `i`: a map prefix, blake2-128 of the id, then the 32-byte id
/// (80 bytes, as a `Blake2_128Concat` map lays keys out: Tamga's maps are keyed so or, like
/// `Documents`, by the 64-byte `Identity` layout, whose hashed ids spread the same way).
fn record_key(i: u32) -> Vec<u8> {
	let id = sp_io::hashing::blake2_256(&i.to_le_bytes());
	let mut key = sp_io::hashing::twox_128(b"TamgaBench").to_vec();
	key.extend_from_slice(&sp_io::hashing::twox_128(b"Records"));
	key.extend_from_slice(&sp_io::hashing::blake2_128(&id));
	key.extend_from_slice(&id);
	key
}

/// RocksDB's cache, as `tamga-node`'s default `--db-cache`.
const DB_CACHE_MIB: usize = 1024;

fn open(path: &Path) -> Result<Database, String> {
	let settings = DatabaseSettings {
		trie_cache_maximum_size: None,
		state_pruning: Some(PruningMode::ArchiveAll),
		source: DatabaseSource::RocksDb { path: path.to_path_buf(), cache_size: DB_CACHE_MIB },
		blocks_pruning: BlocksPruning::KeepAll,
		pruning_filters: Vec::new(),
		metrics_registry: None,
	};
	Database::new(settings, 0).map_err(|e| format!("cannot open RocksDB at {path:?}: {e}"))
}

fn header(number: u32, state_root: H256, parent: H256) -> Header {
	Header::new(number, BlakeTwo256::hash(&[]), state_root, parent, Default::default())
}

/// Writes `genesis` plus `entries` records as block 0; returns its hash.
fn populate(db: &Database, mut genesis: Storage, entries: u32) -> Result<H256, String> {
	let mut numbers = Numbers(1);
	for i in 0..entries {
		genesis.top.insert(record_key(i), numbers.bytes(200));
	}
	let mut op = db.begin_operation().map_err(|e| e.to_string())?;
	let root = op.set_genesis_state(genesis, true, StateVersion::V1).map_err(|e| e.to_string())?;
	let block = header(0, root, H256::zero());
	let hash = block.hash();
	op.set_block_data(block, Some(Vec::new()), None, None, NewBlockState::Final, true)
		.map_err(|e| e.to_string())?;
	db.commit_operation(op).map_err(|e| e.to_string())?;
	Ok(hash)
}

/// Times `reads` random record reads on a freshly opened database.
fn time_reads(db: &Database, at: H256, entries: u32, reads: u32) -> Result<Vec<u64>, String> {
	let state = db.state_at(at, TrieCacheContext::Untrusted).map_err(|e| e.to_string())?;
	let mut numbers = Numbers(2);
	let mut times = Vec::with_capacity(reads as usize);
	for _ in 0..reads {
		let key = record_key((numbers.next() % entries as u64) as u32);
		let started = Instant::now();
		let value = state.storage(&key).map_err(|e| e.to_string())?;
		times.push(started.elapsed().as_nanos() as u64);
		if value.is_none() {
			return Err("a record written at genesis is missing".into());
		}
	}
	times.sort_unstable();
	Ok(times)
}

/// Commits `blocks` blocks on top of `parent`, each changing `keys` random records; the
/// mean time per changed key (trie root, node writes, commit).
fn time_writes(
	db: &Database,
	mut parent: H256,
	entries: u32,
	blocks: u32,
	keys: u32,
) -> Result<u64, String> {
	let mut numbers = Numbers(3);
	let mut total = 0u128;
	for number in 1..=blocks {
		let changes: Vec<(Vec<u8>, Option<Vec<u8>>)> = (0..keys)
			.map(|_| {
				(record_key((numbers.next() % entries as u64) as u32), Some(numbers.bytes(200)))
			})
			.collect();
		let started = Instant::now();
		let state = db.state_at(parent, TrieCacheContext::Trusted).map_err(|e| e.to_string())?;
		let delta = changes.iter().map(|(k, v)| (&k[..], v.as_deref()));
		let (root, transaction) = state.storage_root(delta, StateVersion::V1);
		let mut op = db.begin_operation().map_err(|e| e.to_string())?;
		db.begin_state_operation(&mut op, parent).map_err(|e| e.to_string())?;
		op.update_db_storage(transaction).map_err(|e| e.to_string())?;
		op.update_storage(changes, Vec::new()).map_err(|e| e.to_string())?;
		let block = header(number, root, parent);
		parent = block.hash();
		op.set_block_data(block, Some(Vec::new()), None, None, NewBlockState::Final, true)
			.map_err(|e| e.to_string())?;
		db.commit_operation(op).map_err(|e| e.to_string())?;
		total += started.elapsed().as_nanos();
	}
	Ok((total / (blocks as u128 * keys as u128)) as u64)
}

/// Measures read and write costs in a RocksDB under `folder` (created and removed).
pub fn measure(
	folder: &Path,
	genesis: Storage,
	entries: u32,
	reads: u32,
	blocks: u32,
	keys_per_block: u32,
) -> Result<DatabaseCosts, String> {
	if entries == 0 || reads == 0 || blocks == 0 || keys_per_block == 0 {
		return Err(
			"--db-entries, --db-reads, --db-blocks and --db-keys-per-block must be > 0".into()
		);
	}
	let path = folder.join(format!("tamga-bench-db-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&path);
	let result = (|| {
		let genesis_hash = {
			let db = open(&path)?;
			println!("database: writing {entries} records into RocksDB at {}", path.display());
			populate(&db, genesis, entries)?
		};
		let times = {
			let db = open(&path)?;
			time_reads(&db, genesis_hash, entries, reads)?
		};
		let db = open(&path)?;
		let write_ns = time_writes(&db, genesis_hash, entries, blocks, keys_per_block)?;
		let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
		Ok(DatabaseCosts {
			read_ns: times.iter().sum::<u64>() / times.len() as u64,
			read_median_ns: at(0.5),
			read_p95_ns: at(0.95),
			write_ns,
			entries,
			reads,
			blocks,
			keys_per_block,
		})
	})();
	let _ = std::fs::remove_dir_all(&path);
	result
}
