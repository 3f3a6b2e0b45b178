//! Concurrent use of one database file: a real `claimtrack ingest` process stores a batch
//! while other real `claimtrack review` processes and this test process (through the core,
//! as the desktop app does) record corrections. No writer may fail (no "database is
//! locked"), and no write may be lost: every correction that reported success is in the
//! history and in the final state, and every file of the batch is stored.

use std::process::Stdio;

use claimtrack_core::store::{ClaimFilter, ReviewStatus, Store};

use crate::crash_safety::{claimtrack, generated_story};
use crate::support::{Workspace, COUNCIL_STORY, HARBOUR_STORY};

const BATCH_FILES: usize = 150;
/// The least number of correction rounds; the loop also runs for as long as the ingest.
const MIN_CORRECTION_ROUNDS: usize = 30;

fn history_count(database: &std::path::Path, action: &str) -> i64 {
    let connection = rusqlite::Connection::open(database).unwrap();
    connection
        .query_row(
            "SELECT COUNT(*) FROM history WHERE action = ?1",
            [action],
            |row| row.get(0),
        )
        .unwrap()
}

#[test]
fn an_ingest_process_review_processes_and_an_in_process_store_write_at_once_without_errors_or_lost_writes(
) {
    let workspace = Workspace::new();
    let database = workspace.database();
    workspace.write("first/council.txt", COUNCIL_STORY.as_bytes());
    workspace.write("first/harbour.txt", HARBOUR_STORY.as_bytes());
    workspace.run(&["ingest", "first"]).ok();
    for index in 0..BATCH_FILES {
        workspace.write(
            &format!("batch/story-{index:02}.txt"),
            generated_story(1000 + index).as_bytes(),
        );
    }
    // The app's side: a store opened once and kept open, like the desktop app's.
    let mut app = Store::open(&database).unwrap();
    let claims: Vec<i64> = app
        .list_claims(&ClaimFilter::default())
        .unwrap()
        .iter()
        .map(|claim| claim.id)
        .collect();
    assert!(claims.len() >= 3);
    let (cli_claim, app_claim, renamed_claim) = (claims[0], claims[1], claims[2]);

    let ingest = claimtrack(&workspace, &database)
        .arg("ingest")
        .arg("batch")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let ingest_id = ingest.id();
    let ingest_output = std::thread::spawn(move || ingest.wait_with_output().unwrap());

    // A second script at the same time, naming the speaker of a third claim again and again.
    let speaker_script = {
        let mut commands: Vec<std::process::Command> = (0..MIN_CORRECTION_ROUNDS)
            .map(|round| {
                let mut command = claimtrack(&workspace, &database);
                command.args([
                    "review",
                    &renamed_claim.to_string(),
                    "--speaker",
                    &format!("Ferry Speaker {round}"),
                ]);
                command
            })
            .collect();
        std::thread::spawn(move || {
            for (round, command) in commands.iter_mut().enumerate() {
                let output = command.output().unwrap();
                let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
                assert!(
                    output.status.success() && stderr.is_empty(),
                    "speaker round {round}: claimtrack review failed: {stderr}"
                );
            }
        })
    };

    let mut expected_cli_status = ReviewStatus::Pending;
    let mut expected_app_status = ReviewStatus::Pending;
    let mut cli_reviews = 0;
    let mut rounds = 0;
    let mut rounds_during_ingest = 0;
    let mut speakers_named = Vec::new();
    while rounds < MIN_CORRECTION_ROUNDS || !ingest_output.is_finished() {
        if !ingest_output.is_finished() {
            rounds_during_ingest += 1;
        }
        // A separate `claimtrack review` process per correction, as a script would run it.
        let (flag, status) = if rounds % 2 == 0 {
            ("--verify", ReviewStatus::Verified)
        } else {
            ("--reject", ReviewStatus::Rejected)
        };
        let output = claimtrack(&workspace, &database)
            .args(["review", &cli_claim.to_string(), flag])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stderr.is_empty(),
            "round {rounds}: claimtrack review failed: {stderr}"
        );
        expected_cli_status = status;
        cli_reviews += 1;

        // The app's correction at the same time, on another claim.
        let status = if rounds % 3 == 0 {
            ReviewStatus::Rejected
        } else {
            ReviewStatus::Verified
        };
        app.set_status(app_claim, status)
            .unwrap_or_else(|error| panic!("round {rounds}: the app's write failed: {error}"));
        expected_app_status = status;
        if rounds % 5 == 0 {
            let name = format!("Harbour Speaker {rounds}");
            app.correct_speaker(app_claim, &name)
                .unwrap_or_else(|error| panic!("round {rounds}: the app's write failed: {error}"));
            speakers_named.push(name);
        }
        rounds += 1;
    }
    speaker_script.join().unwrap();
    let output = ingest_output.join().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the ingest process {ingest_id} failed: {stderr}"
    );
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(
        stdout.matches(": inserted as article").count(),
        BATCH_FILES,
        "{stdout}"
    );

    // Nothing lost: all articles, every reported correction in the history, and the last
    // correction of each writer is the state.
    drop(app);
    let store = Store::open(&database).unwrap();
    assert_eq!(store.list_articles().unwrap().len(), BATCH_FILES + 2);
    assert_eq!(
        store.get_claim(cli_claim).unwrap().status,
        expected_cli_status
    );
    assert_eq!(
        store.get_claim(app_claim).unwrap().status,
        expected_app_status
    );
    let last_name = speakers_named.last().unwrap();
    assert_eq!(
        store.get_claim(app_claim).unwrap().speaker.as_deref(),
        Some(last_name.as_str())
    );
    // Every set_status call, from a review process or from the app, is one history event.
    assert_eq!(
        history_count(&database, "set_status"),
        cli_reviews + rounds as i64,
        "cli reviews {cli_reviews}, app set_status calls {rounds}"
    );
    assert_eq!(
        history_count(&database, "correct_speaker"),
        (speakers_named.len() + MIN_CORRECTION_ROUNDS) as i64
    );
    assert_eq!(
        store.get_claim(renamed_claim).unwrap().speaker.as_deref(),
        Some(format!("Ferry Speaker {}", MIN_CORRECTION_ROUNDS - 1).as_str())
    );
    // The test means something only if the writers really overlapped.
    assert!(
        rounds_during_ingest > 0,
        "the ingest ended before the first correction"
    );
    assert_eq!(history_count(&database, "ingest"), BATCH_FILES as i64 + 2);
    eprintln!(
        "concurrency: {rounds} rounds ({rounds_during_ingest} while the ingest of {BATCH_FILES} files ran): {cli_reviews} status review processes, {MIN_CORRECTION_ROUNDS} speaker review processes, {rounds} app status writes, {} app speaker corrections",
        speakers_named.len()
    );
}
