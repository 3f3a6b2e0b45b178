//! `claimtrack backup` and `claimtrack restore` on the real binary: a round trip that brings
//! back reviewed work, and refusals that leave the database as it was.

use crate::support::{Run, Workspace, COUNCIL_STORY, HARBOUR_STORY};

fn claims_json(workspace: &Workspace) -> serde_json::Value {
    workspace.run(&["claims", "--format", "json"]).json()
}

fn assert_one_error_line(run: &Run, words: &str) {
    assert_eq!(
        run.code,
        Some(1),
        "stdout: {}\nstderr: {}",
        run.stdout,
        run.stderr
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains(words),
        "{}",
        run.stderr
    );
}

#[test]
fn backup_then_restore_brings_back_the_reviewed_database_and_keeps_the_replaced_one() {
    let workspace = Workspace::new();
    workspace.write("news/council.txt", COUNCIL_STORY.as_bytes());
    workspace.write("later/harbour.txt", HARBOUR_STORY.as_bytes());
    workspace.run(&["ingest", "news"]).ok();
    let first = claims_json(&workspace)[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    workspace
        .run(&[
            "review",
            &first,
            "--speaker",
            "Anna Lindqvist-Holm",
            "--verify",
        ])
        .ok();
    let reviewed = claims_json(&workspace);

    let stdout = workspace.run(&["backup", "monday.sqlite3"]).ok();
    assert!(
        stdout.contains("backed up")
            && stdout.contains("1 articles")
            && stdout.contains("1 corrections"),
        "{stdout}"
    );
    assert!(workspace.path("monday.sqlite3").is_file());

    workspace.run(&["ingest", "later"]).ok();
    workspace.run(&["review", &first, "--reject"]).ok();
    assert_ne!(claims_json(&workspace), reviewed);

    let stdout = workspace.run(&["restore", "monday.sqlite3"]).ok();
    assert!(
        stdout.contains("restored") && stdout.contains("1 articles"),
        "{stdout}"
    );
    assert_eq!(claims_json(&workspace), reviewed);
    let kept_line = stdout
        .lines()
        .find(|line| line.starts_with("the replaced database was kept as "))
        .unwrap_or_else(|| panic!("{stdout}"));
    let kept = kept_line.trim_start_matches("the replaced database was kept as ");
    // The kept database still holds the work done after the backup.
    let later = workspace
        .run_raw(&[
            "--db", kept, "claims", "--status", "rejected", "--format", "json",
        ])
        .json();
    assert_eq!(later.as_array().unwrap().len(), 1);
    assert_eq!(later[0]["id"].as_i64().unwrap().to_string(), first);
}

#[test]
fn a_bad_backup_is_refused_with_one_error_line_and_the_database_is_unchanged() {
    let workspace = Workspace::new();
    workspace.write("news/council.txt", COUNCIL_STORY.as_bytes());
    workspace.run(&["ingest", "news"]).ok();
    let before = claims_json(&workspace);
    workspace.write(
        "notes.sqlite3",
        b"Board minutes, typed up on Friday; not a database.\n",
    );

    let run = workspace.run(&["restore", "notes.sqlite3"]);
    assert_one_error_line(&run, "not a ClaimTrack backup");
    let run = workspace.run(&["restore", "missing.sqlite3"]);
    assert_one_error_line(&run, "missing.sqlite3");
    assert_eq!(claims_json(&workspace), before);
    let leftovers: Vec<String> = std::fs::read_dir(workspace.path("data"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("restore"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn backing_up_a_database_that_does_not_exist_is_an_error_and_creates_nothing() {
    let workspace = Workspace::new();
    let run = workspace.run(&["backup", "copy.sqlite3"]);
    assert_one_error_line(&run, "no database");
    assert!(!workspace.database().exists());
    assert!(!workspace.path("copy.sqlite3").exists());
}
