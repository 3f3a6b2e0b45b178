//! The database subcommands end to end on a real SQLite file in a temp dir: ingest, list,
//! review, undo/redo, speakers, re-extraction and export.

use crate::support::{Workspace, COUNCIL_STORY, HARBOUR_STORY};

fn claim_with(claims: &serde_json::Value, words: &str) -> serde_json::Value {
    claims
        .as_array()
        .unwrap()
        .iter()
        .find(|claim| claim["text"].as_str().unwrap().contains(words))
        .unwrap_or_else(|| panic!("no claim with `{words}` in {claims:#}"))
        .clone()
}

#[test]
fn ingest_claims_review_export_round_trip() {
    // Depends on the extractor finding the mayor's quote.
    let workspace = Workspace::new();
    workspace.write("news/council.txt", COUNCIL_STORY.as_bytes());
    let stdout = workspace
        .run(&[
            "ingest",
            "news/council.txt",
            "--published",
            "2024-03-14",
            "--outlet",
            "Westhaven Courier",
        ])
        .ok();
    assert!(
        stdout.contains("news/council.txt: inserted as article 1 with"),
        "{stdout}"
    );
    assert!(workspace.database().exists());

    let claims = workspace.run(&["claims", "--format", "json"]).json();
    let lanes = claim_with(&claims, "forty kilometres");
    for key in [
        "id",
        "article_id",
        "status",
        "article",
        "kind",
        "text",
        "start",
        "end",
        "speaker",
        "date",
        "confidence",
    ] {
        assert!(
            lanes.get(key).is_some(),
            "claims JSON lacks `{key}`: {lanes:#}"
        );
    }
    assert_eq!(lanes["status"], "pending");
    assert_eq!(lanes["article_id"], 1);
    let id = lanes["id"].as_i64().unwrap().to_string();

    let review = workspace
        .run(&[
            "review",
            &id,
            "--speaker",
            "Anna Lindqvist-Holm",
            "--verify",
        ])
        .ok();
    assert!(
        review.contains("verified") && review.contains("Anna Lindqvist-Holm"),
        "{review}"
    );
    let verified = workspace
        .run(&["claims", "--status", "verified", "--format", "json"])
        .json();
    assert_eq!(verified.as_array().unwrap().len(), 1);
    assert_eq!(verified[0]["speaker"], "Anna Lindqvist-Holm");
    assert_eq!(verified[0]["corrected"], true);

    let out = workspace.path("exports/claims.csv");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let exported = workspace
        .run(&["export", "--out", out.to_str().unwrap()])
        .ok();
    assert!(exported.contains("exported 1 claims"), "{exported}");
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], id);
    assert_eq!(&rows[0][2], "Westhaven Courier");
    assert_eq!(&rows[0][4], "2024-03-14");
    assert_eq!(&rows[0][5], "Anna Lindqvist-Holm");
    assert_eq!(&rows[0][12], "verified");

    // Undo steps back one change at a time (the verify, then the speaker), redo replays.
    assert!(workspace
        .run(&["undo"])
        .ok()
        .starts_with("undone: marked claim"));
    let after_undo = workspace.run(&["claims", "--format", "json"]).json();
    assert_eq!(
        claim_with(&after_undo, "forty kilometres")["status"],
        "pending"
    );
    assert!(workspace
        .run(&["redo"])
        .ok()
        .starts_with("redone: marked claim"));
    let redo_again = workspace.run(&["redo"]);
    assert_eq!(redo_again.code, Some(1));
    assert_eq!(redo_again.stderr.trim(), "error: nothing to redo");
    let history = workspace.run(&["history", "--format", "json"]).json();
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["redo", "undo", "set_status", "correct_speaker", "ingest"]
    );

    let all = workspace.path("all.csv");
    workspace
        .run(&[
            "export",
            "--out",
            all.to_str().unwrap(),
            "--status",
            "all",
            "--excel",
        ])
        .ok();
    assert!(std::fs::read(&all)
        .unwrap()
        .starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[test]
fn ingesting_a_folder_reports_each_file_and_fails_only_for_bad_ones() {
    let workspace = Workspace::new();
    workspace.write("inbox/council.txt", COUNCIL_STORY.as_bytes());
    workspace.write("inbox/nested/harbour.md", HARBOUR_STORY.as_bytes());
    workspace.write("inbox/broken.txt", b"Caf\xe9 closes\n\nLatin-1 bytes.\n");
    workspace.write("inbox/ignored.pdf", b"%PDF");
    let run = workspace.run(&["ingest", "inbox"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout
            .contains("inbox/council.txt: inserted as article"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("inbox/nested/harbour.md: inserted as article"),
        "{}",
        run.stdout
    );
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(
        errors[0].starts_with("error: ")
            && errors[0].contains("broken.txt")
            && errors[0].contains("UTF-8")
    );

    let again = workspace.run(&["ingest", "inbox/council.txt"]).ok();
    assert!(again.contains("already stored as article"), "{again}");
    let articles = workspace.run(&["articles", "--format", "json"]).json();
    let articles = articles.as_array().unwrap();
    assert_eq!(articles.len(), 2);
    for key in [
        "id",
        "title",
        "outlet",
        "url",
        "author",
        "published",
        "claims",
    ] {
        assert!(
            articles[0].get(key).is_some(),
            "articles JSON lacks `{key}`"
        );
    }
    let titles: Vec<&str> = articles
        .iter()
        .map(|article| article["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Westhaven council approves cycling budget")
            && titles.contains(&"Harbour dredging to start in spring")
    );
    let text = workspace.run(&["articles"]).ok();
    assert!(text.contains("Harbour dredging to start in spring"));
}

#[test]
fn title_and_metadata_options_apply_to_a_single_file() {
    let workspace = Workspace::new();
    workspace.write("a.txt", COUNCIL_STORY.as_bytes());
    workspace.write("b.txt", HARBOUR_STORY.as_bytes());
    let refused = workspace.run(&["ingest", "a.txt", "b.txt", "--title", "Shared"]);
    assert_eq!(refused.code, Some(1));
    assert!(refused.stderr.contains("--title applies to a single file"));
    workspace
        .run(&[
            "ingest",
            "a.txt",
            "--title",
            "Bike lanes vote",
            "--url",
            "https://courier.example/bikes",
            "--author",
            "Ida Svensson",
            "--published",
            "2024-03-14",
        ])
        .ok();
    let articles = workspace.run(&["articles", "--format", "json"]).json();
    assert_eq!(articles[0]["title"], "Bike lanes vote");
    assert_eq!(articles[0]["url"], "https://courier.example/bikes");
    assert_eq!(articles[0]["author"], "Ida Svensson");
    assert_eq!(articles[0]["published"], "2024-03-14");
}

#[test]
fn speakers_can_be_renamed_and_merged_by_name_and_the_merge_undone() {
    // Depends on the extractor attributing the two stories' quotes to named speakers.
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace.write("harbour.txt", HARBOUR_STORY.as_bytes());
    workspace
        .run(&["ingest", "council.txt", "harbour.txt"])
        .ok();
    let speakers = workspace.run(&["speakers", "--format", "json"]).json();
    let names: Vec<&str> = speakers
        .as_array()
        .unwrap()
        .iter()
        .map(|speaker| speaker["canonical_name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Anna Lindqvist") && names.contains(&"Jonas Perlmann"),
        "{names:?}"
    );

    workspace
        .run(&["rename-speaker", "jonas perlmann", "Jonas P. Perlmann"])
        .ok();
    let said = workspace
        .run(&["merge-speakers", "Jonas P. Perlmann", "anna lindqvist"])
        .ok();
    // The confirmation names the speakers canonically, not as typed.
    assert!(
        said.contains("(`Jonas P. Perlmann`) into speaker") && said.contains("(`Anna Lindqvist`)"),
        "{said}"
    );
    let merged = workspace
        .run(&["claims", "--speaker", "JONAS PERLMANN", "--format", "json"])
        .json();
    let merged = merged.as_array().unwrap();
    assert!(
        merged.len() >= 2,
        "both speakers' claims answer to the old name now: {merged:#?}"
    );
    assert!(merged
        .iter()
        .all(|claim| claim["speaker"] == "Anna Lindqvist"));

    workspace.run(&["undo"]).ok();
    let perlmann = workspace
        .run(&[
            "claims",
            "--speaker",
            "Jonas P. Perlmann",
            "--format",
            "json",
        ])
        .json();
    assert!(perlmann
        .as_array()
        .unwrap()
        .iter()
        .all(|claim| claim["speaker"] == "Jonas P. Perlmann"));
    let unknown = workspace.run(&["merge-speakers", "Nobody Known", "Anna Lindqvist"]);
    assert_eq!(unknown.code, Some(1));
    assert!(unknown
        .stderr
        .starts_with("error: no speaker is named `Nobody Known`"));
}

#[test]
fn bad_review_input_is_one_error_line_and_changes_nothing() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace.run(&["ingest", "council.txt"]).ok();
    let history_before = workspace.run(&["history", "--format", "json"]).json();

    let unknown = workspace.run(&["review", "9999", "--verify"]);
    assert_eq!(unknown.code, Some(1));
    assert_eq!(unknown.stderr.trim(), "error: claim 9999 was not found");
    let claims = workspace.run(&["claims", "--format", "json"]).json();
    if let Some(first) = claims.as_array().unwrap().first() {
        let id = first["id"].as_i64().unwrap().to_string();
        let past_end = format!("0:{}", COUNCIL_STORY.len() + 10);
        let bad_span = workspace.run(&["review", &id, "--span", &past_end]);
        assert_eq!(bad_span.code, Some(1));
        assert!(
            bad_span.stderr.starts_with("error: the span 0.."),
            "{}",
            bad_span.stderr
        );
        assert_eq!(bad_span.stderr.lines().count(), 1);
    }
    let malformed = workspace.run(&["review", "1", "--span", "ten:twenty"]);
    assert_eq!(malformed.code, Some(2));
    let nothing = workspace.run(&["review", "1"]);
    assert_eq!(nothing.code, Some(2), "review needs an action");
    assert_eq!(
        workspace.run(&["history", "--format", "json"]).json(),
        history_before
    );
}

#[test]
fn reextract_reports_per_article_and_keeps_reviews() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace.write("harbour.txt", HARBOUR_STORY.as_bytes());
    workspace
        .run(&["ingest", "council.txt", "harbour.txt"])
        .ok();
    let claims = workspace.run(&["claims", "--format", "json"]).json();
    let reviewed: Vec<i64> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| claim["id"].as_i64().unwrap())
        .collect();
    for id in &reviewed {
        workspace.run(&["review", &id.to_string(), "--reject"]).ok();
    }
    let all = workspace.run(&["reextract", "--all"]).ok();
    assert_eq!(all.lines().count(), 2, "{all}");
    assert!(all.starts_with("article 1: "));
    let one = workspace.run(&["reextract", "2"]).ok();
    assert!(one.starts_with("article 2: "));
    let rejected = workspace
        .run(&["claims", "--status", "rejected", "--format", "json"])
        .json();
    let still: Vec<i64> = rejected
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| claim["id"].as_i64().unwrap())
        .collect();
    assert_eq!(still, reviewed);
    let missing = workspace.run(&["reextract", "77"]);
    assert_eq!(missing.code, Some(1));
    assert_eq!(missing.stderr.trim(), "error: article 77 was not found");
}

#[test]
fn an_unusable_database_path_is_a_one_line_error() {
    let workspace = Workspace::new();
    let folder = workspace.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let run = workspace.run_raw(&["--db", folder.to_str().unwrap(), "articles"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr.lines().count(), 1);
    assert!(
        run.stderr.starts_with("error: cannot open the database"),
        "{}",
        run.stderr
    );

    let newer = workspace.path("newer.sqlite3");
    workspace
        .run_raw(&["--db", newer.to_str().unwrap(), "articles"])
        .ok();
    mark_as_written_by_a_newer_build(&newer, 42);
    let refused = workspace.run_raw(&["--db", newer.to_str().unwrap(), "articles"]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains("newer ClaimTrack"),
        "{}",
        refused.stderr
    );
}

/// Marks a database as written by a future build by opening it once with a longer
/// migration list, as a newer ClaimTrack would.
fn mark_as_written_by_a_newer_build(path: &std::path::Path, version: i64) {
    use claimtrack_core::store::{Migration, Store, MIGRATIONS};
    let mut future: Vec<Migration> = MIGRATIONS.to_vec();
    while (future.len() as i64) < version {
        future.push(Migration {
            version: future.len() as i64 + 1,
            name: "future",
            sql: "SELECT 1;",
        });
    }
    drop(Store::open_with_migrations(path, &future).unwrap());
}

#[test]
fn without_db_the_default_path_under_the_data_dir_is_used() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace.run_raw(&["ingest", "council.txt"]).ok();
    let expected = workspace.path("xdg-data/dev.claimtrack.app/claimtrack.sqlite3");
    if cfg!(target_os = "linux") {
        assert!(expected.exists(), "no database at {}", expected.display());
    }
    let articles = workspace.run_raw(&["articles", "--format", "json"]).json();
    assert_eq!(articles.as_array().unwrap().len(), 1);
}
