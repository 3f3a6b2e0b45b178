//! Crash safety of batch ingest: a real `claimtrack ingest` process is killed with SIGKILL
//! at seeded random moments, round after round, and after every kill the database must be
//! sound (`PRAGMA integrity_check`), hold no partly stored article (each stored article has
//! exactly the claims and the ingest event a clean run gives it, nothing dangles), and still
//! hold every correction made before the batch. A final clean run then completes the batch.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Workspace, COUNCIL_STORY};

/// The seed of the kill schedule; a failure message names it so a run can be repeated.
const SEED: u64 = 0x6_c1a1_7ac4;
const ROUNDS: usize = 20;
const FILES_PER_ROUND: usize = 25;

/// xorshift64*: a few lines of deterministic randomness, no dependency.
pub struct SeededRandom(u64);

impl SeededRandom {
    pub fn new(seed: u64) -> SeededRandom {
        SeededRandom(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

const PEOPLE: [&str; 6] = [
    "Mayor Petra Holm",
    "Councillor Jonas Berg",
    "harbour master Ida Vik",
    "treasurer Nils Aas",
    "head teacher Eva Sand",
    "engineer Lars Dahl",
];
const TOPICS: [&str; 5] = [
    "the ferry timetable",
    "the school roof",
    "the new cycle lanes",
    "the harbour fees",
    "the library hours",
];

/// Written for these tests: a generated local-news story, different for every number, with
/// a few attributed statements so that storing it writes several claim rows.
pub fn generated_story(number: usize) -> String {
    let person = PEOPLE[number % PEOPLE.len()];
    let other = PEOPLE[(number / PEOPLE.len() + 1) % PEOPLE.len()];
    let topic = TOPICS[number % TOPICS.len()];
    let mut story = format!(
        "Westhaven story {number}: a decision on {topic}\n\n\
         The council discussed {topic} for the {number}th time on Tuesday evening.\n\n\
         \"We have waited long enough for a decision on {topic},\" {person} said after the meeting.\n\n"
    );
    for paragraph in 0..(number % 4) {
        story.push_str(&format!(
            "{other} said the cost of item {paragraph} would rise by {} thousand crowns next year.\n\n",
            number * 3 + paragraph
        ));
    }
    story.push_str(&format!(
        "\"Residents deserve a clear answer by {} March,\" {other} told reporters.\n",
        number % 28 + 1
    ));
    story
}

pub fn claimtrack(workspace: &Workspace, database: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimtrack"));
    command
        .arg("--db")
        .arg(database)
        .current_dir(workspace.dir.path())
        .env("XDG_DATA_HOME", workspace.path("xdg-data"))
        .env("HOME", workspace.dir.path());
    command
}

fn write_batch(workspace: &Workspace, round: usize) -> PathBuf {
    for index in 0..FILES_PER_ROUND {
        let number = round * FILES_PER_ROUND + index;
        workspace.write(
            &format!("batch-{round}/story-{index:02}.txt"),
            generated_story(number).as_bytes(),
        );
    }
    workspace.path(&format!("batch-{round}"))
}

/// content hash -> machine claim count, for every article in the database.
fn claims_by_article(database: &Path) -> BTreeMap<String, i64> {
    let connection = rusqlite::Connection::open(database).unwrap();
    let mut statement = connection
        .prepare(
            "SELECT a.content_hash, (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id AND c.origin = 'machine')
             FROM articles a",
        )
        .unwrap();
    let rows = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows
}

/// The analyst's work before the batch: every correction row and every review event.
fn review_work(database: &Path) -> Vec<String> {
    let connection = rusqlite::Connection::open(database).unwrap();
    let mut lines = Vec::new();
    for query in [
        "SELECT claim_id || '|' || COALESCE(speaker_id, '') || '|' || status || '|' || COALESCE(reviewed_at, '') FROM claim_corrections ORDER BY claim_id",
        "SELECT id || '|' || action || '|' || summary || '|' || state FROM history WHERE action <> 'ingest' ORDER BY id",
        "SELECT k.claim_id || '|' || s.canonical_name FROM claim_corrections k JOIN speakers s ON s.id = k.speaker_id ORDER BY k.claim_id",
    ] {
        let mut statement = connection.prepare(query).unwrap();
        let rows = statement.query_map([], |row| row.get::<_, String>(0)).unwrap();
        lines.extend(rows.map(Result::unwrap));
    }
    lines
}

/// Every check that follows a kill. Returns how many articles are stored.
fn assert_sound_after_kill(
    database: &Path,
    reference: &BTreeMap<String, i64>,
    work_before: &[String],
    context: &str,
) -> usize {
    let connection = rusqlite::Connection::open(database).unwrap();
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{context}");
    let dangling: i64 = connection
        .query_row(
            "SELECT (SELECT COUNT(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles))
                  + (SELECT COUNT(*) FROM claim_corrections WHERE claim_id NOT IN (SELECT id FROM claims))
                  + (SELECT COUNT(*) FROM claims WHERE speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM speakers))
                  + (SELECT COUNT(*) FROM claim_search WHERE rowid NOT IN (SELECT id FROM claims))
                  + (SELECT COUNT(*) FROM claims WHERE id NOT IN (SELECT rowid FROM claim_search))",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(dangling, 0, "{context}: rows pointing at nothing");
    let articles_without_one_ingest_event: i64 = connection
        .query_row(
            "SELECT COUNT(*) FROM articles a
             WHERE (SELECT COUNT(*) FROM history h WHERE h.article_id = a.id AND h.action = 'ingest') <> 1",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(articles_without_one_ingest_event, 0, "{context}");
    drop(connection);
    let stored = claims_by_article(database);
    for (hash, claims) in &stored {
        let expected = reference
            .get(hash)
            .unwrap_or_else(|| panic!("{context}: an article no clean run stored"));
        assert_eq!(
            claims, expected,
            "{context}: article {hash} is partly stored"
        );
    }
    assert_eq!(
        review_work(database),
        work_before,
        "{context}: review work changed"
    );
    // The database still opens for the app and the CLI.
    claimtrack_core::store::Store::open(database)
        .unwrap_or_else(|error| panic!("{context}: {error}"));
    stored.len()
}

#[test]
fn killing_a_batch_ingest_at_random_moments_never_leaves_a_partial_article_or_loses_review_work() {
    let workspace = Workspace::new();
    workspace.write("earlier/council.txt", COUNCIL_STORY.as_bytes());
    let database = workspace.database();
    // Every batch is also stored by a clean run into this database: the claim count each
    // article must have, and how long the batch takes here (the kill moment is drawn
    // below that time, so that it falls inside the batch).
    let reference_database = workspace.path("reference.sqlite3");
    let clean_run = |paths: &[PathBuf], target: &Path| {
        let started = Instant::now();
        let status = claimtrack(&workspace, target)
            .arg("ingest")
            .args(paths)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        started.elapsed()
    };
    clean_run(&[workspace.path("earlier")], &reference_database);

    // Review work made before any batch.
    workspace.run(&["ingest", "earlier"]).ok();
    let claims = workspace.run(&["claims", "--format", "json"]).json();
    let ids: Vec<String> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| claim["id"].as_i64().unwrap().to_string())
        .collect();
    assert!(ids.len() >= 2);
    workspace
        .run(&[
            "review",
            &ids[0],
            "--speaker",
            "Anna Lindqvist-Holm",
            "--verify",
        ])
        .ok();
    workspace.run(&["review", &ids[1], "--reject"]).ok();
    let work_before = review_work(&database);

    let mut random = SeededRandom::new(SEED);
    let mut batches = Vec::new();
    let mut kills = Vec::new();
    let mut stored_before = 1;
    // A batch that finished before its kill proves nothing, so batches go on until ROUNDS
    // kills have landed inside one (the bound only stops a broken test from looping).
    while kills.len() < ROUNDS {
        assert!(
            batches.len() < ROUNDS * 4,
            "seed {SEED:#x}: no kill landed inside a batch"
        );
        let batch = write_batch(&workspace, batches.len());
        let batch_time = clean_run(std::slice::from_ref(&batch), &reference_database);
        batches.push(batch.clone());
        let reference = claims_by_article(&reference_database);
        let delay = Duration::from_micros(random.below(batch_time.as_micros() as u64));
        let mut child = claimtrack(&workspace, &database)
            .arg("ingest")
            .arg(&batch)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // `kill` is SIGKILL on Unix: no destructor, no rollback, no flush runs.
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let context = format!(
            "seed {SEED:#x}, batch {}, killed after {delay:?}",
            batches.len() - 1
        );
        let stored = assert_sound_after_kill(&database, &reference, &work_before, &context);
        assert!(stored >= stored_before, "{context}: articles disappeared");
        stored_before = stored;
        if status.code().is_none() {
            kills.push((delay, batch_time));
        }
    }
    eprintln!(
        "crash safety: {} kills inside a batch out of {} batches (seed {SEED:#x}); (delay, clean batch time): {kills:?}",
        kills.len(),
        batches.len()
    );

    // A clean run completes every batch: the kills cost nothing but time.
    clean_run(&batches, &database);
    assert_eq!(
        claims_by_article(&database),
        claims_by_article(&reference_database)
    );
    assert_eq!(review_work(&database), work_before);
}
