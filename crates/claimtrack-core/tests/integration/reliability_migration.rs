//! A migration that fails or is killed midway leaves the database at its previous version
//! with every row as it was: never half-migrated. Failures are injected through
//! `Store::open_with_migrations`; the kill is a real `SIGKILL` of a child process (this test
//! binary run again on one ignored test) while its migration is writing.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimtrack_core::store::{latest_schema_version, Migration, Store, MIGRATIONS};

use crate::reliability_support::{
    assert_review_work_present, database_fingerprint, store_reviewed_article,
};
use crate::support::TempDatabase;

/// Set (to a database path) only in the child process of the kill test.
const CHILD_DATABASE_VARIABLE: &str = "CLAIMTRACK_TEST_MIGRATION_CHILD_DB";

/// What the child prints (libtest may put it on the line of the test's name).
const CHILD_STARTED: &str = "CHILD-MIGRATION-STARTED";
const CHILD_FINISHED: &str = "CHILD-MIGRATION-FINISHED";

/// Kills the child process when the test ends for any reason, a failed assertion included.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A migration that changes existing rows first, then writes for a long time: killed at any
/// moment, it has already changed data that must not survive.
const SLOW_MIGRATION_SQL: &str = "
    UPDATE articles SET title = 'half-migrated ' || title;
    DELETE FROM history WHERE action = 'set_status';
    CREATE TABLE migration_filler (n INTEGER PRIMARY KEY, words TEXT NOT NULL);
    WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 200000000)
    INSERT INTO migration_filler
    SELECT n, printf('%012d words that make each row of the filler table long enough', n) FROM counter;
    ALTER TABLE articles ADD COLUMN language TEXT;
";

fn migrations_with(extra: &[(&'static str, &'static str)]) -> Vec<Migration> {
    let mut list = MIGRATIONS.to_vec();
    for (name, sql) in extra {
        list.push(Migration {
            version: list.len() as i64 + 1,
            name,
            sql,
        });
    }
    list
}

fn table_exists(path: &Path, table: &str) -> bool {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .query_row(
            "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = ?1",
            [table],
            |row| row.get(0),
        )
        .unwrap()
}

#[test]
fn a_migration_failing_at_any_statement_rolls_back_every_pending_migration() {
    // The first pending migration succeeds; the second fails at its first, middle or last
    // statement. Both run in one transaction, so neither may leave a trace.
    let statements = [
        "UPDATE articles SET title = upper(title)",
        "DELETE FROM claim_corrections",
        "CREATE TABLE reviewer_notes (id INTEGER PRIMARY KEY, note TEXT)",
        "INSERT INTO reviewer_notes (note) SELECT title FROM articles",
    ];
    for failing_at in 0..=statements.len() {
        let temp = TempDatabase::new();
        let mut store = temp.open();
        let work = store_reviewed_article(&mut store);
        drop(store);
        let before = database_fingerprint(&temp.path());
        let mut second: Vec<&str> = statements.to_vec();
        second.insert(
            failing_at,
            "INSERT INTO table_that_does_not_exist VALUES (1)",
        );
        let second_sql: &'static str =
            Box::leak(format!("{};", second.join(";\n")).into_boxed_str());
        let list = migrations_with(&[
            ("first_pending", "CREATE TABLE speaker_notes (id INTEGER PRIMARY KEY); ALTER TABLE speakers ADD COLUMN note TEXT;"),
            ("second_pending_fails", second_sql),
        ]);

        let error = Store::open_with_migrations(temp.path(), &list).expect_err("must fail");

        assert_eq!(error.kind(), "migration", "{error}");
        assert!(
            error.to_string().contains("second_pending_fails"),
            "{error}"
        );
        assert!(error.to_string().contains("left unchanged"), "{error}");
        assert_eq!(
            database_fingerprint(&temp.path()),
            before,
            "failing at statement {failing_at}"
        );
        assert!(!table_exists(&temp.path(), "speaker_notes"));
        let store = temp.open();
        assert_eq!(store.schema_version().unwrap(), latest_schema_version());
        assert_review_work_present(&store, &work);
    }
}

/// The child side of the kill test: runs only when the parent sets the variable, so the
/// normal suite (which skips ignored tests anyway) never runs the slow migration.
#[test]
#[ignore = "run by a_migration_killed_midway_leaves_the_previous_version in a child process"]
fn child_process_runs_a_slow_migration() {
    let Ok(path) = std::env::var(CHILD_DATABASE_VARIABLE) else {
        return;
    };
    let list = migrations_with(&[("slow_migration", SLOW_MIGRATION_SQL)]);
    println!("{CHILD_STARTED}");
    let result = Store::open_with_migrations(&path, &list);
    println!("{CHILD_FINISHED}: {:?}", result.map(|_| ()));
}

#[test]
fn a_migration_killed_midway_leaves_the_previous_version() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let work = store_reviewed_article(&mut store);
    drop(store);
    let before = database_fingerprint(&temp.path());
    let wal = temp.dir.path().join("claimtrack.sqlite3-wal");

    let mut child = KillOnDrop(
        Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "reliability_migration::child_process_runs_a_slow_migration",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DATABASE_VARIABLE, temp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|line| line.unwrap().contains(CHILD_STARTED)),
        "the child never started migrating"
    );
    // An open write transaction spills its pages into the WAL once SQLite's page cache is
    // full: a WAL of several megabytes means the migration is well under way and has
    // already rewritten the articles.
    let started = Instant::now();
    while std::fs::metadata(&wal).map_or(0, |meta| meta.len()) < 8 * 1024 * 1024 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the migration never got going"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.0.kill().unwrap();
    child.0.wait().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(
        !rest.iter().any(|line| line.contains(CHILD_FINISHED)),
        "the migration ended before the kill: {rest:?}"
    );

    assert_eq!(database_fingerprint(&temp.path()), before);
    assert!(!table_exists(&temp.path(), "migration_filler"));
    let connection = rusqlite::Connection::open(temp.path()).unwrap();
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(connection);
    let store = temp.open();
    assert_eq!(store.schema_version().unwrap(), latest_schema_version());
    assert_review_work_present(&store, &work);
}
