//! The SQLite store: articles, machine claims, human corrections and their history.
//!
//! One SQLite file holds everything. Machine output (`claims`) and analysts' decisions
//! (`claim_corrections`) live in separate tables, so re-extraction can rewrite the former
//! without ever losing the latter; the `effective_claims` view lays one over the other.
//! Every analyst action is one transaction that also appends a `history` event carrying
//! JSON row images, which is what undo and redo replay (so they survive a restart).
//!
//! Writes take `&mut self`; the desktop app keeps the store behind a mutex.

mod article_urls;
mod articles;
mod backup;
mod history;
pub mod migrations;
mod queries;
mod review;
mod speakers;
mod types;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::error::{CoreError, CoreResult};
pub use backup::{restore_from, BackupReport, DatabaseContents, RestoreReport};
pub use migrations::{latest_schema_version, Migration, MIGRATIONS};
pub use types::*;

/// The Tauri identifier; the CLI and the desktop app agree on it so they share one file.
pub const APP_IDENTIFIER: &str = "dev.claimtrack.app";
/// The database file name inside the app data directory.
pub const DATABASE_FILE_NAME: &str = "claimtrack.sqlite3";

/// `<platform data dir>/dev.claimtrack.app/claimtrack.sqlite3`, the same path as Tauri's
/// `app_data_dir()` joined with the file name. `None` when the platform has no data dir.
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join(DATABASE_FILE_NAME))
}

/// An open ClaimTrack database.
pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database written by a newer ClaimTrack is refused before anything is written to it.
    pub fn open(path: impl AsRef<Path>) -> CoreResult<Store> {
        Store::open_with_migrations(path, MIGRATIONS)
    }

    /// `open` with an explicit migration list. The app always uses [`MIGRATIONS`]; tests use
    /// this to prove that a failing migration leaves the database at its previous version.
    pub fn open_with_migrations(
        path: impl AsRef<Path>,
        migrations: &[Migration],
    ) -> CoreResult<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|error| CoreError::io(parent, error))?;
        }
        let mut connection = Connection::open(&path)?;
        connection.busy_timeout(Duration::from_millis(5000))?;
        // Checked before the journal-mode switch, which itself writes to the file header:
        // a database from a newer build must be left byte-for-byte as it was.
        migrations::refuse_newer_schema(&connection, migrations)?;
        configure_connection(&connection)?;
        migrations::apply_migrations(&mut connection, migrations)?;
        Ok(Store { connection, path })
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> CoreResult<i64> {
        migrations::read_schema_version(&self.connection)
    }
}

/// The per-connection settings every connection to a ClaimTrack file must have.
fn configure_connection(connection: &Connection) -> CoreResult<()> {
    // WAL lets the desktop app read while the CLI writes; journal_mode answers with a row,
    // so it is read rather than executed.
    let mode: String = connection.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::InvalidInput(format!(
            "the database could not be switched to WAL journaling (it reports `{mode}`)"
        )));
    }
    connection.pragma_update(None, "foreign_keys", "ON")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// The current time as stored in timestamps: RFC 3339, UTC, to the millisecond.
pub(crate) fn now_timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The key speaker names are matched by: Unicode lower case, inner whitespace collapsed.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name as it is stored: trimmed, inner whitespace collapsed, case kept.
pub(crate) fn tidy_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn format_date(date: Option<chrono::NaiveDate>) -> Option<String> {
    date.map(|date| date.format("%Y-%m-%d").to_string())
}

pub(crate) fn parse_date(text: Option<String>) -> Option<chrono::NaiveDate> {
    text.and_then(|text| chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
}
