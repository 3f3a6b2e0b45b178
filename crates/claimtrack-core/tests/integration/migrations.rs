//! Schema migrations on real files: refusal of newer databases, atomic failure.

use claimtrack_core::store::{latest_schema_version, Migration, Store, MIGRATIONS};
use claimtrack_core::CoreError;

use crate::support::{draft, TempDatabase, CYCLING_ARTICLE};

fn user_version(path: &std::path::Path) -> i64 {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap()
}

fn table_exists(path: &std::path::Path, table: &str) -> bool {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = ?1",
            [table],
            |row| row.get::<_, i64>(0),
        )
        .unwrap()
        > 0
}

#[test]
fn a_database_from_a_newer_build_is_refused_and_left_untouched() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    store
        .ingest(&draft("Cycling", CYCLING_ARTICLE, None))
        .unwrap();
    drop(store);
    {
        let connection = rusqlite::Connection::open(temp.path()).unwrap();
        connection.pragma_update(None, "user_version", 999).unwrap();
        // Fold the WAL into the main file so the bytes compared below are the whole database.
        connection
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let bytes_before = std::fs::read(temp.path()).unwrap();
    let error = Store::open(temp.path()).expect_err("newer database must be refused");
    assert!(
        matches!(
            error,
            CoreError::DatabaseTooNew {
                found: 999,
                supported
            } if supported == latest_schema_version()
        ),
        "{error:?}"
    );
    assert_eq!(error.kind(), "database_too_new");
    assert!(error.to_string().contains("newer"));
    assert_eq!(std::fs::read(temp.path()).unwrap(), bytes_before);
    assert!(!temp.dir.path().join("claimtrack.sqlite3-wal").exists());
}

#[test]
fn a_failing_migration_leaves_the_database_at_its_previous_version() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    store
        .ingest(&draft("Cycling", CYCLING_ARTICLE, None))
        .unwrap();
    drop(store);
    let next = latest_schema_version() + 1;
    let mut broken = MIGRATIONS.to_vec();
    broken.push(Migration {
        version: next,
        name: "0099_broken",
        sql: "CREATE TABLE reviewer_notes (id INTEGER PRIMARY KEY, note TEXT);
                  ALTER TABLE articles ADD COLUMN language TEXT;
                  INSERT INTO table_that_does_not_exist VALUES (1);",
    });
    let error = Store::open_with_migrations(temp.path(), &broken).expect_err("broken migration");
    assert_eq!(error.kind(), "migration");
    assert!(error.to_string().contains("0099_broken"), "{error}");
    assert_eq!(user_version(&temp.path()), latest_schema_version());
    assert!(!table_exists(&temp.path(), "reviewer_notes"));
    let store = temp.open();
    assert_eq!(store.list_articles().unwrap().len(), 1);
    assert_eq!(store.schema_version().unwrap(), latest_schema_version());
}

#[test]
fn a_new_migration_is_applied_once_and_then_the_old_build_refuses_the_file() {
    let temp = TempDatabase::new();
    drop(temp.open());
    let next = latest_schema_version() + 1;
    let mut newer = MIGRATIONS.to_vec();
    newer.push(Migration {
        version: next,
        name: "0099_reviewer_notes",
        sql: "CREATE TABLE reviewer_notes (id INTEGER PRIMARY KEY, note TEXT);",
    });
    let store = Store::open_with_migrations(temp.path(), &newer).unwrap();
    assert_eq!(store.schema_version().unwrap(), next);
    drop(store);
    // Opening again must not re-run the migration (it would fail: the table exists).
    drop(Store::open_with_migrations(temp.path(), &newer).unwrap());
    assert!(table_exists(&temp.path(), "reviewer_notes"));
    assert!(matches!(
        Store::open(temp.path()),
        Err(CoreError::DatabaseTooNew { found, supported })
            if found == next && supported == latest_schema_version()
    ));
}

#[test]
fn migration_lists_with_gaps_are_refused() {
    let temp = TempDatabase::new();
    let gapped = [Migration {
        version: 2,
        name: "0002_gap",
        sql: "SELECT 1;",
    }];
    let error = Store::open_with_migrations(temp.path(), &gapped).expect_err("gap");
    assert!(matches!(error, CoreError::InvalidInput(_)));
}

#[test]
fn a_file_that_is_not_a_database_gets_a_clear_error() {
    let temp = TempDatabase::new();
    std::fs::write(temp.path(), b"these are plain words, not an SQLite database at all, padded out to be long enough to have a header").unwrap();
    let before = std::fs::read(temp.path()).unwrap();
    let error = Store::open(temp.path()).expect_err("not a database");
    assert_eq!(error.kind(), "database");
    assert_eq!(std::fs::read(temp.path()).unwrap(), before);
}
