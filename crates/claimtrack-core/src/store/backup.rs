//! Backups and restores of the whole database, so weeks of review work survive a broken
//! disk, a bad upgrade or a mistaken bulk action.
//!
//! A backup goes through SQLite's online backup API: it reads one consistent snapshot of
//! the live database while the desktop app and the CLI keep working, writes it to a temp
//! file beside the destination, checks it (`PRAGMA integrity_check`), turns it into one
//! self-contained file (rollback journal, no `-wal` needed) and only then renames it into
//! place, so a failed backup never leaves half a file under the chosen name.
//!
//! A restore never trusts the file it is given. It copies the backup to a temp file and
//! refuses it, with the target untouched, unless it is an SQLite database that passes
//! `integrity_check`, holds the ClaimTrack schema and was not written by a newer ClaimTrack.
//! An older backup is migrated (on the copy) to the current schema first. The current
//! database is then kept as a `*.before-restore-*` copy beside it (when it holds anything;
//! a damaged one is kept as it is, or moved aside whole when SQLite cannot open it),
//! and the backup's pages are written into the target through the backup API in one write
//! transaction: other connections see the old database or the restored one, never a mix,
//! and a crash midway leaves the old one.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{migrations, Store};
use crate::error::{CoreError, CoreResult};

/// How long a backup or restore keeps retrying while another connection holds the lock it
/// needs (each attempt also waits out the connection's busy timeout first).
const LOCK_RETRY_ATTEMPTS: u32 = 40;
const LOCK_RETRY_PAUSE: Duration = Duration::from_millis(250);

/// How much a database holds: what a backup wrote or a restore brought back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseContents {
    pub schema_version: i64,
    pub articles: i64,
    pub claims: i64,
    pub corrections: i64,
    pub history_events: i64,
}

/// What [`Store::backup_to`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub contents: DatabaseContents,
}

/// What [`restore_from`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreReport {
    pub target: PathBuf,
    pub restored_from: PathBuf,
    /// The backup's schema version as found, before any migration of the copy.
    pub backup_schema_version: i64,
    /// What the target holds now.
    pub contents: DatabaseContents,
    /// Where the database that was replaced was kept, when it held anything.
    pub previous_database: Option<PathBuf>,
}

impl Store {
    /// Writes a consistent copy of the whole database to `path` while the database stays in
    /// use. The copy is checked before it gets its name; an existing file at `path` is
    /// replaced only by a complete, checked backup.
    pub fn backup_to(&self, path: impl AsRef<Path>) -> CoreResult<BackupReport> {
        let path = path.as_ref();
        refuse_own_files(&self.path, path)?;
        write_copy(&self.connection, path, CopyCheck::MustBeSound)
    }
}

/// Whether a copy must pass the integrity check before it gets its name. Only the copy a
/// restore keeps of the database it replaces is written as it is: that database may be
/// damaged, which is often why it is being restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyCheck {
    MustBeSound,
    AsItIs,
}

/// Copies `source` to `path` through a temp file beside it, as one self-contained file.
fn write_copy(source: &Connection, path: &Path, check: CopyCheck) -> CoreResult<BackupReport> {
    let temp = temp_file_beside(path, ".claimtrack-backup-")?;
    let mut destination = open_plain_connection(temp.path())?;
    copy_all_pages(source, &mut destination)?;
    // The copy carries the source's WAL flag in its header; a backup should be one
    // self-contained file that opens anywhere, even read-only.
    let mode: String =
        destination.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(CoreError::InvalidInput(format!(
            "the backup could not be switched to a single-file journal (it reports `{mode}`)"
        )));
    }
    let contents = match check {
        CopyCheck::MustBeSound => {
            check_integrity(&destination, &temp.path().display().to_string())?;
            read_contents(&destination)?
        }
        CopyCheck::AsItIs => read_contents(&destination).unwrap_or_default(),
    };
    destination
        .close()
        .map_err(|(_, error)| CoreError::Database(error))?;
    temp.as_file()
        .sync_all()
        .map_err(|error| CoreError::io(temp.path(), error))?;
    temp.persist(path)
        .map_err(|error| CoreError::io(path, error.error))?;
    let bytes = std::fs::metadata(path)
        .map_err(|error| CoreError::io(path, error))?
        .len();
    Ok(BackupReport {
        path: path.to_path_buf(),
        bytes,
        contents,
    })
}

/// Replaces the database at `target` (created if missing) with the backup at `backup`, after
/// checking the backup; see the module documentation for every step. A store already open
/// on `target` (the desktop app's) sees the restored data at its next read.
pub fn restore_from(
    backup: impl AsRef<Path>,
    target: impl AsRef<Path>,
) -> CoreResult<RestoreReport> {
    let backup = backup.as_ref();
    let target = target.as_ref();
    let metadata = std::fs::metadata(backup).map_err(|error| CoreError::io(backup, error))?;
    if !metadata.is_file() {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a file; give the backup file to restore",
            backup.display()
        )));
    }
    refuse_own_files(target, backup)?;

    // Every check and the migration run on a private copy, so neither the backup file nor
    // the target is touched until the backup is known to be good.
    let copy = temp_file_beside(target, ".claimtrack-restore-")?;
    let copy_path = copy.path().to_path_buf();
    let result = restore_through_copy(backup, &copy_path, target);
    // The copy was opened as a store (WAL); its side files go with it.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(side_file(&copy_path, suffix));
    }
    drop(copy);
    result
}

fn restore_through_copy(
    backup: &Path,
    copy_path: &Path,
    target: &Path,
) -> CoreResult<RestoreReport> {
    let what = backup.display().to_string();
    let backup_schema_version = {
        let mut copy = open_plain_connection(copy_path)?;
        // Read through SQLite rather than copied as bytes, so a backup that is itself in
        // WAL mode comes with the writes still in its `-wal` file; read-only, so the
        // backup file is never changed.
        let unreadable = |error: CoreError| {
            CoreError::InvalidInput(format!(
                "{what} is not a ClaimTrack backup (SQLite cannot read it: {error}); nothing was restored"
            ))
        };
        let source = Connection::open_with_flags(
            backup,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|error| unreadable(error.into()))?;
        copy_all_pages(&source, &mut copy).map_err(unreadable)?;
        drop(source);
        let version = check_backup_file(&copy, &what)?;
        copy.close()
            .map_err(|(_, error)| CoreError::Database(error))?;
        version
    };
    let source = Store::open(copy_path).map_err(|error| match error {
        CoreError::Migration { name, message } => CoreError::InvalidInput(format!(
            "{what} could not be brought up to this ClaimTrack's schema (migration {name}: {message}); nothing was restored"
        )),
        other => other,
    })?;

    let (mut target_store, moved_aside) = open_restore_target(target)?;
    // A damaged database may not even answer whether it holds anything: then it does.
    let previous_database = match moved_aside {
        Some(kept) => Some(kept),
        None if holds_anything(&target_store.connection).unwrap_or(true) => {
            let keep = previous_database_path(target);
            write_copy(&target_store.connection, &keep, CopyCheck::AsItIs)?;
            Some(keep)
        }
        None => None,
    };
    copy_all_pages(&source.connection, &mut target_store.connection)?;
    check_integrity(&target_store.connection, &target.display().to_string())?;
    let contents = read_contents(&target_store.connection)?;
    let expected = read_contents(&source.connection)?;
    if contents != expected {
        return Err(CoreError::InvalidInput(format!(
            "the restored database holds {contents:?} but the backup held {expected:?}"
        )));
    }
    Ok(RestoreReport {
        target: target.to_path_buf(),
        restored_from: backup.to_path_buf(),
        backup_schema_version,
        contents,
        previous_database,
    })
}

/// Opens the database a restore replaces. A file SQLite cannot open as a ClaimTrack database
/// at all (damaged past reading) is renamed aside, kept, and a fresh database takes its
/// place: a damaged database is exactly when a restore is needed. Returns where the
/// damaged file went, if it was moved.
fn open_restore_target(target: &Path) -> CoreResult<(Store, Option<PathBuf>)> {
    match Store::open(target) {
        Ok(store) => Ok((store, None)),
        // A newer ClaimTrack's database is not damaged; it must not be replaced by an
        // older build, and a file that cannot be reached is not SQLite's to judge.
        Err(error @ (CoreError::DatabaseTooNew { .. } | CoreError::Io { .. })) => Err(error),
        Err(_) if target.is_file() => {
            let keep = previous_database_path(target);
            std::fs::rename(target, &keep).map_err(|error| CoreError::io(target, error))?;
            // The side files belong to the damaged file: its WAL goes with it, its shared
            // memory index is rebuilt by whoever opens it.
            let wal = side_file(target, "-wal");
            if wal.exists() {
                std::fs::rename(&wal, side_file(&keep, "-wal"))
                    .map_err(|error| CoreError::io(&wal, error))?;
            }
            let _ = std::fs::remove_file(side_file(target, "-shm"));
            Ok((Store::open(target)?, Some(keep)))
        }
        Err(error) => Err(error),
    }
}

/// The checks a file must pass before it may replace a database. Returns its schema version.
fn check_backup_file(connection: &Connection, what: &str) -> CoreResult<i64> {
    let not_a_database = |error: rusqlite::Error| {
        CoreError::InvalidInput(format!(
            "{what} is not a ClaimTrack backup (SQLite cannot read it: {error}); nothing was restored"
        ))
    };
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(not_a_database)?;
    check_integrity(connection, what)?;
    let has_articles: bool = connection
        .query_row(
            "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
            [],
            |row| row.get(0),
        )
        .map_err(not_a_database)?;
    if version < 1 || !has_articles {
        return Err(CoreError::InvalidInput(format!(
            "{what} is an SQLite database but not a ClaimTrack one (no ClaimTrack schema in it); nothing was restored"
        )));
    }
    let supported = migrations::latest_schema_version();
    if version > supported {
        return Err(CoreError::DatabaseTooNew {
            found: version,
            supported,
        });
    }
    Ok(version)
}

/// `PRAGMA integrity_check` must answer exactly `ok`; otherwise its first complaint is the
/// error message.
fn check_integrity(connection: &Connection, what: &str) -> CoreResult<()> {
    let answer: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|error| {
            CoreError::InvalidInput(format!(
                "{what} is damaged (SQLite integrity check: {error}); nothing was changed"
            ))
        })?;
    if answer != "ok" {
        return Err(CoreError::InvalidInput(format!(
            "{what} is damaged (SQLite integrity check: {answer}); nothing was changed"
        )));
    }
    Ok(())
}

/// Copies every page of `source` into `destination` in one step, so the destination gets
/// one consistent snapshot in one write transaction. Waits for locks held by other
/// connections rather than failing at the first one.
fn copy_all_pages(source: &Connection, destination: &mut Connection) -> CoreResult<()> {
    let backup = Backup::new(source, destination)?;
    for _ in 0..LOCK_RETRY_ATTEMPTS {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // Busy or locked by another connection (`More` cannot follow a step of all
            // pages): wait and step again.
            _ => thread::sleep(LOCK_RETRY_PAUSE),
        }
    }
    Err(CoreError::InvalidInput(
        "the database stayed locked by another program for too long; try the backup or restore again".into(),
    ))
}

fn read_contents(connection: &Connection) -> CoreResult<DatabaseContents> {
    let count = |table: &str| -> CoreResult<i64> {
        Ok(
            connection.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                row.get(0)
            })?,
        )
    };
    Ok(DatabaseContents {
        schema_version: migrations::read_schema_version(connection)?,
        articles: count("articles")?,
        claims: count("claims")?,
        corrections: count("claim_corrections")?,
        history_events: count("history")?,
    })
}

fn holds_anything(connection: &Connection) -> CoreResult<bool> {
    Ok(connection
        .query_row(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM history)",
            [],
            |row| row.get::<_, i64>(0),
        )
        .optional()?
        .is_some())
}

/// A connection with only a busy timeout: for files that are not (yet) ClaimTrack stores,
/// where `Store::open` would create a schema or switch the journal.
fn open_plain_connection(path: &Path) -> CoreResult<Connection> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(Duration::from_millis(5000))?;
    Ok(connection)
}

/// `<target>.before-restore-<UTC time>.sqlite3` beside the target, numbered if taken.
fn previous_database_path(target: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claimtrack.sqlite3".into());
    let stem = name.strip_suffix(".sqlite3").unwrap_or(&name);
    let mut number = 1;
    loop {
        let suffix = if number == 1 {
            String::new()
        } else {
            format!("-{number}")
        };
        let candidate =
            target.with_file_name(format!("{stem}.before-restore-{stamp}{suffix}.sqlite3"));
        if !candidate.exists() {
            return candidate;
        }
        number += 1;
    }
}

/// A temp file in `path`'s folder, which is created if missing (a backup may well go to a
/// new folder), deleted unless persisted. The temp file shares the folder so the final
/// rename stays on one file system and is atomic.
fn temp_file_beside(path: &Path, prefix: &str) -> CoreResult<tempfile::NamedTempFile> {
    if path.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "{} is a folder; give a file name",
            path.display()
        )));
    }
    let directory = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(directory).map_err(|error| CoreError::io(directory, error))?;
    tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".sqlite3.tmp")
        .tempfile_in(directory)
        .map_err(|error| CoreError::io(directory, error))
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Refuses `other` when it is the database file at `database` or one of its side files:
/// a backup written over the live database, or a restore from it, would destroy it.
fn refuse_own_files(database: &Path, other: &Path) -> CoreResult<()> {
    let same = |first: &Path, second: &Path| match (first.canonicalize(), second.canonicalize()) {
        (Ok(first), Ok(second)) => first == second,
        _ => first == second,
    };
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if same(&side_file(database, suffix), other) {
            return Err(CoreError::InvalidInput(format!(
                "{} is the database itself; choose another file for the backup",
                other.display()
            )));
        }
    }
    Ok(())
}
