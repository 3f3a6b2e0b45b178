//! Backups and restores on real files: a backup is a complete, checked, self-contained copy
//! taken while the database is in use; a restore refuses anything that is not a sound
//! ClaimTrack backup with the target left exactly as it was, and otherwise brings back every
//! row while keeping the database it replaced.

use std::path::{Path, PathBuf};

use claimtrack_core::store::{
    latest_schema_version, restore_from, ReviewStatus, Store, MIGRATIONS,
};
use claimtrack_core::CoreError;

use crate::reliability_support::{
    all_rows, assert_review_work_present, database_fingerprint, store_reviewed_article,
};
use crate::support::{draft, TempDatabase, HARBOUR_ARTICLE};

fn file_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Written for these tests: a generated council story, different for each `number`.
fn numbered_story(number: usize) -> String {
    format!(
        "Council meeting number {number}\n\n\
         \"We approved item {number} after a long debate,\" Mayor Petra Holm said on Tuesday.\n\n\
         Councillor Jonas Berg said the item would cost {number} thousand crowns more than planned.\n"
    )
}

#[test]
fn a_backup_holds_every_row_as_one_self_contained_file_and_the_store_stays_usable() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let work = store_reviewed_article(&mut store);
    // The folder does not exist yet: the backup creates it.
    let backup_path = temp.dir.path().join("backups").join("monday.sqlite3");

    let report = store.backup_to(&backup_path).unwrap();

    assert_eq!(report.path, backup_path);
    assert_eq!(report.bytes, std::fs::metadata(&backup_path).unwrap().len());
    assert_eq!(report.contents.articles, 1);
    assert_eq!(report.contents.corrections, 2);
    assert_eq!(report.contents.schema_version, latest_schema_version());
    assert_eq!(all_rows(&backup_path), all_rows(&temp.path()));
    // Bytes 18 and 19 of the header are 1 for a rollback-journal database and 2 for WAL:
    // the backup needs no `-wal` file beside it.
    let header = std::fs::read(&backup_path).unwrap();
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!((header[18], header[19]), (1, 1));
    assert_eq!(
        file_names(backup_path.parent().unwrap()),
        vec!["monday.sqlite3"]
    );
    let reopened = Store::open(&backup_path).unwrap();
    assert_review_work_present(&reopened, &work);
    drop(reopened);

    // The live store carries on, and the backup does not follow it.
    let backup_state = database_fingerprint(&backup_path);
    store
        .set_status(work.verified_claim, ReviewStatus::Pending)
        .unwrap();
    assert_eq!(
        store.get_claim(work.verified_claim).unwrap().status,
        ReviewStatus::Pending
    );
    assert_ne!(
        database_fingerprint(&temp.path()),
        database_fingerprint(&backup_path)
    );
    assert_eq!(database_fingerprint(&backup_path), backup_state);
}

#[test]
fn a_backup_replaces_an_existing_file_whole() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    store_reviewed_article(&mut store);
    let backup_path = temp.dir.path().join("latest.sqlite3");
    std::fs::write(&backup_path, b"an older file that is about to be replaced").unwrap();
    store.backup_to(&backup_path).unwrap();
    assert_eq!(all_rows(&backup_path), all_rows(&temp.path()));
    let names = file_names(temp.dir.path());
    assert!(
        names.iter().all(|name| !name.contains("claimtrack-backup")),
        "temp files left: {names:?}"
    );
}

#[test]
fn backups_taken_during_writes_by_another_connection_are_consistent_snapshots() {
    let temp = TempDatabase::new();
    let store = temp.open();
    let path = temp.path();
    let writer = std::thread::spawn(move || {
        // Another connection, as the CLI would be beside the app.
        let mut other = Store::open(&path).unwrap();
        let mut expected = Vec::new();
        for number in 0..40 {
            let outcome = other
                .ingest(&draft(
                    &format!("Meeting {number}"),
                    &numbered_story(number),
                    None,
                ))
                .unwrap();
            if let claimtrack_core::store::IngestOutcome::Inserted { article_id, claims } = outcome
            {
                expected.push((article_id, claims as i64));
            }
        }
        expected
    });
    // Backups are taken for as long as the writer runs (and at least eight), so they fall
    // before, between and during its transactions.
    let mut backups = Vec::new();
    while backups.len() < 8 || !writer.is_finished() {
        let backup_path = temp
            .dir
            .path()
            .join(format!("during-{}.sqlite3", backups.len()));
        store.backup_to(&backup_path).unwrap();
        backups.push(backup_path);
    }
    let expected = writer.join().unwrap();
    assert_eq!(expected.len(), 40);
    for backup_path in &backups {
        let connection = rusqlite::Connection::open(backup_path).unwrap();
        let integrity: String = connection
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "{}", backup_path.display());
        // Each article in a snapshot has all of its claims and its ingest event: no
        // backup caught an article half stored.
        let mut statement = connection
            .prepare(
                "SELECT a.id, (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id),
                        (SELECT COUNT(*) FROM history h WHERE h.article_id = a.id AND h.action = 'ingest')
                 FROM articles a",
            )
            .unwrap();
        let rows: Vec<(i64, i64, i64)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (article_id, claims, ingest_events) in rows {
            let wanted = expected
                .iter()
                .find(|(id, _)| *id == article_id)
                .map(|(_, claims)| *claims)
                .unwrap();
            assert_eq!(
                claims,
                wanted,
                "article {article_id} in {}",
                backup_path.display()
            );
            assert_eq!(ingest_events, 1);
        }
    }
}

#[test]
fn a_restore_brings_back_every_row_into_an_open_store_and_keeps_the_replaced_database() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let work = store_reviewed_article(&mut store);
    let backup_path = temp.dir.path().join("friday.sqlite3");
    store.backup_to(&backup_path).unwrap();
    let backed_up = all_rows(&backup_path);

    // Work after the backup that the restore is about to replace.
    store
        .ingest(&draft("Harbour dredging", HARBOUR_ARTICLE, None))
        .unwrap();
    store
        .set_status(work.rejected_claim, ReviewStatus::Verified)
        .unwrap();
    let before_restore = all_rows(&temp.path());

    let report = restore_from(&backup_path, temp.path()).unwrap();

    assert_eq!(report.target, temp.path());
    assert_eq!(report.backup_schema_version, latest_schema_version());
    assert_eq!(report.contents.articles, 1);
    assert_eq!(all_rows(&temp.path()), backed_up);
    // The store that was open the whole time reads the restored database.
    assert_eq!(store.list_articles().unwrap().len(), 1);
    assert_review_work_present(&store, &work);
    // And can write to it.
    store
        .set_status(work.rejected_claim, ReviewStatus::Pending)
        .unwrap();
    let kept = report
        .previous_database
        .expect("the replaced database is kept");
    assert!(kept
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains(".before-restore-"));
    assert_eq!(all_rows(&kept), before_restore);
    // The backup file itself is untouched by the restore.
    assert_eq!(all_rows(&backup_path), backed_up);
    let names = file_names(temp.dir.path());
    assert!(
        names
            .iter()
            .all(|name| !name.contains("claimtrack-restore")),
        "temp files left: {names:?}"
    );
}

#[test]
fn a_restore_into_a_missing_database_creates_it_and_keeps_nothing_extra() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let work = store_reviewed_article(&mut store);
    let backup_path = temp.dir.path().join("backup.sqlite3");
    store.backup_to(&backup_path).unwrap();
    let target = temp
        .dir
        .path()
        .join("new machine")
        .join("claimtrack.sqlite3");

    let report = restore_from(&backup_path, &target).unwrap();

    assert_eq!(report.previous_database, None);
    assert_review_work_present(&Store::open(&target).unwrap(), &work);
    assert_eq!(all_rows(&target), all_rows(&backup_path));
}

#[test]
fn an_older_backup_is_brought_up_to_the_current_schema_on_restore() {
    let temp = TempDatabase::new();
    let old_path = temp.dir.path().join("old-build.sqlite3");
    let mut old = Store::open_with_migrations(&old_path, &MIGRATIONS[..1]).unwrap();
    let work = store_reviewed_article(&mut old);
    let backup_path = temp.dir.path().join("old-backup.sqlite3");
    old.backup_to(&backup_path).unwrap();
    drop(old);

    let report = restore_from(&backup_path, temp.path()).unwrap();

    assert_eq!(report.backup_schema_version, 1);
    assert_eq!(report.contents.schema_version, latest_schema_version());
    let restored = temp.open();
    assert_eq!(restored.schema_version().unwrap(), latest_schema_version());
    assert_review_work_present(&restored, &work);
}

/// A backup of the reviewed article, and damaged or foreign files beside it.
struct BadBackups {
    good: PathBuf,
    cases: Vec<(&'static str, PathBuf)>,
}

fn bad_backups(folder: &Path) -> BadBackups {
    let source = folder.join("source.sqlite3");
    let mut store = Store::open(&source).unwrap();
    store_reviewed_article(&mut store);
    for number in 0..30 {
        store
            .ingest(&draft(
                &format!("Meeting {number}"),
                &numbered_story(number),
                None,
            ))
            .unwrap();
    }
    let good = folder.join("good.sqlite3");
    store.backup_to(&good).unwrap();
    drop(store);
    let bytes = std::fs::read(&good).unwrap();
    assert!(
        bytes.len() > 8 * 4096,
        "the backup should span several pages"
    );
    let write = |name: &str, contents: &[u8]| {
        let path = folder.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    };
    let mut cases = vec![
        ("a missing file", folder.join("no-such-backup.sqlite3")),
        ("a folder", {
            let path = folder.join("a-folder.sqlite3");
            std::fs::create_dir_all(&path).unwrap();
            path
        }),
        ("an empty file", write("empty.sqlite3", b"")),
        (
            "a text file",
            write(
                "notes.sqlite3",
                "Minutes of the harbour board, not a database.\n"
                    .repeat(200)
                    .as_bytes(),
            ),
        ),
        (
            "the first half of a backup",
            write("truncated.sqlite3", &bytes[..bytes.len() / 2]),
        ),
    ];
    // Garbage over the middle pages of an otherwise good backup: still an SQLite file,
    // but its b-trees no longer hold together.
    let mut damaged = bytes.clone();
    for (index, byte) in damaged[2 * 4096..bytes.len() - 4096].iter_mut().enumerate() {
        if index % 7 == 0 {
            *byte = (index % 251) as u8;
        }
    }
    cases.push(("a damaged backup", write("damaged.sqlite3", &damaged)));
    let foreign = folder.join("foreign.sqlite3");
    {
        let connection = rusqlite::Connection::open(&foreign).unwrap();
        connection
            .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
            .unwrap();
    }
    cases.push(("another program's database", foreign));
    let newer = folder.join("newer.sqlite3");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", latest_schema_version() + 1)
        .unwrap();
    cases.push(("a backup from a newer ClaimTrack", newer));
    BadBackups { good, cases }
}

#[test]
fn a_restore_refuses_every_bad_backup_and_leaves_the_target_and_the_backup_unchanged() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let work = store_reviewed_article(&mut store);
    let files = tempfile::tempdir().unwrap();
    let backups = bad_backups(files.path());
    let target_before = database_fingerprint(&temp.path());

    for (what, backup) in &backups.cases {
        let backup_bytes = std::fs::read(backup).ok();
        let error = restore_from(backup, temp.path()).expect_err(what);
        let message = error.to_string();
        let expected_kind = match *what {
            "a missing file" => "io",
            "a backup from a newer ClaimTrack" => "database_too_new",
            _ => "invalid_input",
        };
        assert_eq!(error.kind(), expected_kind, "{what}: {message}");
        assert!(
            !message.is_empty() && !message.contains('\n'),
            "{what}: {message:?}"
        );
        if expected_kind == "invalid_input" && *what != "a folder" {
            assert!(message.contains("nothing was"), "{what}: {message}");
        }
        assert_eq!(
            database_fingerprint(&temp.path()),
            target_before,
            "{what} changed the target"
        );
        assert_eq!(
            std::fs::read(backup).ok(),
            backup_bytes,
            "{what}: the backup file changed"
        );
        let names = file_names(temp.dir.path());
        assert!(
            names.iter().all(
                |name| !name.contains("claimtrack-restore") && !name.contains("before-restore")
            ),
            "{what}: files left beside the target: {names:?}"
        );
    }
    assert_review_work_present(&store, &work);
    // The good one among them restores.
    restore_from(&backups.good, temp.path()).unwrap();
    assert_eq!(store.list_articles().unwrap().len(), 31);
}

#[test]
fn a_restore_replaces_a_damaged_database_and_keeps_the_damaged_file() {
    let files = tempfile::tempdir().unwrap();
    let backups = bad_backups(files.path());
    let expected = all_rows(&backups.good);
    let good_bytes = std::fs::read(&backups.good).unwrap();
    // A database whose middle pages were overwritten, and a file that is no database at
    // all where the database should be: the two ways a database is found broken.
    let mut damaged = good_bytes.clone();
    for byte in damaged[3 * 4096..5 * 4096].iter_mut() {
        *byte = 0x5a;
    }
    for (what, broken) in [
        ("damaged pages", damaged),
        ("not a database", b"lost in a disk failure ".repeat(500)),
    ] {
        let temp = TempDatabase::new();
        std::fs::write(temp.path(), &broken).unwrap();

        let report = restore_from(&backups.good, temp.path())
            .unwrap_or_else(|error| panic!("{what}: {error}"));

        assert_eq!(all_rows(&temp.path()), expected, "{what}");
        let kept = report
            .previous_database
            .expect("the damaged database is kept");
        assert_eq!(
            &std::fs::read(&kept).unwrap()[..16],
            &broken[..16],
            "{what}"
        );
        let store = temp.open();
        assert_eq!(store.list_articles().unwrap().len(), 31, "{what}");
    }
}

#[test]
fn the_database_itself_is_refused_as_a_backup_target_or_source() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    store_reviewed_article(&mut store);
    let before = database_fingerprint(&temp.path());
    let error = store
        .backup_to(temp.path())
        .expect_err("backup over itself");
    assert!(matches!(error, CoreError::InvalidInput(_)), "{error:?}");
    let wal = temp.dir.path().join("claimtrack.sqlite3-wal");
    assert!(store.backup_to(&wal).is_err());
    let error = restore_from(temp.path(), temp.path()).expect_err("restore from itself");
    assert!(matches!(error, CoreError::InvalidInput(_)), "{error:?}");
    // A regular file where a folder should be cannot hold a backup.
    let under_a_file = temp
        .dir
        .path()
        .join("claimtrack.sqlite3")
        .join("backup.sqlite3");
    assert_eq!(
        store
            .backup_to(&under_a_file)
            .expect_err("file as folder")
            .kind(),
        "io"
    );
    assert_eq!(database_fingerprint(&temp.path()), before);
}
