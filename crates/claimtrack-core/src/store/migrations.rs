//! Schema migrations: numbered SQL files compiled into the binary and applied in order,
//! tracked by SQLite's `PRAGMA user_version`, all pending ones inside one transaction so a
//! failure leaves the database exactly at the version it had.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{CoreError, CoreResult};

/// One schema step. `version` is the `user_version` the database has once it is applied.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration this build knows, in order. Versions must run 1, 2, 3... with no gap.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial",
        sql: include_str!("migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "0002_article_urls",
        sql: include_str!("migrations/0002_article_urls.sql"),
    },
];

/// The schema version this build writes.
pub fn latest_schema_version() -> i64 {
    MIGRATIONS.last().map_or(0, |migration| migration.version)
}

pub(crate) fn read_schema_version(connection: &Connection) -> CoreResult<i64> {
    Ok(connection.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Refuses a database written by a newer build before anything touches the file.
pub(crate) fn refuse_newer_schema(
    connection: &Connection,
    migrations: &[Migration],
) -> CoreResult<()> {
    let found = read_schema_version(connection)?;
    let supported = migrations.last().map_or(0, |migration| migration.version);
    if found > supported {
        return Err(CoreError::DatabaseTooNew { found, supported });
    }
    Ok(())
}

/// Applies every migration newer than the database's `user_version`, all in one
/// transaction. Returns the version the database ends at.
pub(crate) fn apply_migrations(
    connection: &mut Connection,
    migrations: &[Migration],
) -> CoreResult<i64> {
    for (index, migration) in migrations.iter().enumerate() {
        if migration.version != index as i64 + 1 {
            return Err(CoreError::InvalidInput(format!(
                "migration {} has version {} but should have {}",
                migration.name,
                migration.version,
                index + 1
            )));
        }
    }
    // IMMEDIATE takes the write lock up front, so two processes opening the same fresh
    // file cannot both decide to run the same migration.
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = read_schema_version(&transaction)?;
    let supported = migrations.last().map_or(0, |migration| migration.version);
    if current > supported {
        return Err(CoreError::DatabaseTooNew {
            found: current,
            supported,
        });
    }
    for migration in migrations
        .iter()
        .filter(|migration| migration.version > current)
    {
        transaction
            .execute_batch(migration.sql)
            .map_err(|error| CoreError::Migration {
                name: migration.name.to_string(),
                message: error.to_string(),
            })?;
        // user_version lives in the database header, which is written as part of the
        // transaction, so it rolls back together with the schema changes.
        transaction.pragma_update(None, "user_version", migration.version)?;
    }
    transaction.commit()?;
    Ok(supported.max(current))
}
