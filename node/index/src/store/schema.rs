//! The index's tables, one SQL text for SQLite and PostgreSQL (types both read the same:
//! `BIGINT`, `TEXT`, `BOOLEAN`), and the statements that fill them.

/// The schema's version, kept in `meta`: an index of another version is refused rather
/// than mixed.
pub const SCHEMA_VERSION: &str = "1";

/// Creates the tables and indexes, if missing.
pub const CREATE: &[&str] = &[
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS blocks (
		number BIGINT PRIMARY KEY,
		hash TEXT NOT NULL,
		time_ms BIGINT,
		spec_version BIGINT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS calls (
		block BIGINT NOT NULL,
		extrinsic BIGINT NOT NULL,
		signer TEXT,
		pallet TEXT NOT NULL,
		call TEXT NOT NULL,
		args TEXT NOT NULL,
		success BOOLEAN NOT NULL,
		error TEXT,
		PRIMARY KEY (block, extrinsic))",
	"CREATE TABLE IF NOT EXISTS events (
		block BIGINT NOT NULL,
		position BIGINT NOT NULL,
		extrinsic BIGINT,
		time_ms BIGINT,
		month TEXT,
		signer TEXT,
		pallet TEXT NOT NULL,
		event TEXT NOT NULL,
		fields TEXT NOT NULL,
		subject TEXT,
		issuer TEXT,
		account TEXT,
		office TEXT,
		country TEXT,
		partner TEXT,
		kind TEXT,
		operator TEXT,
		PRIMARY KEY (block, position))",
	"CREATE TABLE IF NOT EXISTS subjects (
		pallet TEXT NOT NULL,
		id TEXT NOT NULL,
		issuer TEXT,
		country TEXT,
		partner TEXT,
		kind TEXT,
		number TEXT,
		operator TEXT,
		applicant TEXT,
		applied_ms BIGINT,
		recorded_ms BIGINT,
		PRIMARY KEY (pallet, id))",
	"CREATE TABLE IF NOT EXISTS parties (
		account TEXT PRIMARY KEY,
		country TEXT,
		role TEXT,
		name TEXT,
		office TEXT)",
	"CREATE INDEX IF NOT EXISTS events_subject ON events (subject)",
	"CREATE INDEX IF NOT EXISTS events_issuer ON events (issuer, time_ms)",
	"CREATE INDEX IF NOT EXISTS events_account ON events (account, time_ms)",
	"CREATE INDEX IF NOT EXISTS events_kind ON events (pallet, event, time_ms)",
	"CREATE INDEX IF NOT EXISTS events_countries ON events (country, partner, time_ms)",
	"CREATE INDEX IF NOT EXISTS events_operator ON events (operator)",
	"CREATE INDEX IF NOT EXISTS calls_signer ON calls (signer)",
];

/// Inserts a block.
pub const INSERT_BLOCK: &str =
	"INSERT INTO blocks (number, hash, time_ms, spec_version) VALUES ($1, $2, $3, $4)";

/// Inserts an extrinsic.
pub const INSERT_CALL: &str = "INSERT INTO calls \
	(block, extrinsic, signer, pallet, call, args, success, error) \
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// Inserts an event.
pub const INSERT_EVENT: &str = "INSERT INTO events \
	(block, position, extrinsic, time_ms, month, signer, pallet, event, fields, subject, \
	issuer, account, office, country, partner, kind, operator) \
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

/// Inserts or replaces a subject.
pub const UPSERT_SUBJECT: &str = "INSERT INTO subjects \
	(pallet, id, issuer, country, partner, kind, number, operator, applicant, applied_ms, \
	recorded_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
	ON CONFLICT (pallet, id) DO UPDATE SET issuer = excluded.issuer, \
	country = excluded.country, partner = excluded.partner, kind = excluded.kind, \
	number = excluded.number, operator = excluded.operator, applicant = excluded.applicant, \
	applied_ms = excluded.applied_ms, recorded_ms = excluded.recorded_ms";

/// Inserts or replaces a party.
pub const UPSERT_PARTY: &str = "INSERT INTO parties (account, country, role, name, office) \
	VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account) DO UPDATE SET \
	country = excluded.country, role = excluded.role, name = excluded.name, \
	office = excluded.office";

/// Sets a `meta` value.
pub const SET_META: &str = "INSERT INTO meta (key, value) VALUES ($1, $2) \
	ON CONFLICT (key) DO UPDATE SET value = excluded.value";

/// Reads a `meta` value.
pub const GET_META: &str = "SELECT value FROM meta WHERE key = $1";

/// Reads a subject.
pub const GET_SUBJECT: &str = "SELECT pallet, id, issuer, country, partner, kind, number, \
	operator, applicant, applied_ms, recorded_ms FROM subjects WHERE pallet = $1 AND id = $2";

/// Reads a party.
pub const GET_PARTY: &str =
	"SELECT account, country, role, name, office FROM parties WHERE account = $1";
