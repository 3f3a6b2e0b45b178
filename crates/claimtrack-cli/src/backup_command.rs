//! `claimtrack backup FILE` and `claimtrack restore FILE`: a few lines each around the
//! core's `Store::backup_to` and `restore_from`, which do the checking and the atomic
//! replacement; here the paths are resolved and the outcome is printed.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use claimtrack_core::store::{default_database_path, restore_from, DatabaseContents, Store};

/// The database the command works on: `--db PATH`, or the one shared with the desktop app.
fn database_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    db.or_else(default_database_path)
        .ok_or_else(|| anyhow!("this platform has no data directory; pass --db PATH"))
}

fn describe(contents: &DatabaseContents) -> String {
    format!(
        "{} articles, {} claims, {} corrections, {} history events",
        contents.articles, contents.claims, contents.corrections, contents.history_events
    )
}

/// Writes a checked, self-contained copy of the database to `file`; safe while the desktop
/// app or another `claimtrack` is using the database.
pub fn backup(db: Option<PathBuf>, file: &Path) -> anyhow::Result<()> {
    let path = database_path(db)?;
    if !path.exists() {
        anyhow::bail!("there is no database at {} to back up", path.display());
    }
    let store = Store::open(&path)
        .with_context(|| format!("cannot open the database {}", path.display()))?;
    let report = store
        .backup_to(file)
        .with_context(|| format!("cannot back up to {}", file.display()))?;
    println!(
        "backed up {} ({}, {} bytes) to {}",
        path.display(),
        describe(&report.contents),
        report.bytes,
        report.path.display()
    );
    Ok(())
}

/// Replaces the database with the backup in `file` once the backup passes every check; the
/// replaced database is kept beside it.
pub fn restore(db: Option<PathBuf>, file: &Path) -> anyhow::Result<()> {
    let path = database_path(db)?;
    let report = restore_from(file, &path)
        .with_context(|| format!("cannot restore {} into {}", file.display(), path.display()))?;
    println!(
        "restored {} into {} ({})",
        report.restored_from.display(),
        report.target.display(),
        describe(&report.contents)
    );
    if let Some(previous) = &report.previous_database {
        println!("the replaced database was kept as {}", previous.display());
    }
    Ok(())
}
