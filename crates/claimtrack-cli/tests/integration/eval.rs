//! `claimtrack eval` and `claimtrack export --format brat` through the real binary: the
//! JSON report's documented keys, the floor failing with one line per figure below it,
//! refusals of bad gold, and stored claims exported as brat scoring perfectly.

use serde_json::{json, Value};

use crate::support::{Workspace, COUNCIL_STORY};

/// The byte span of `words` in `text`, as a gold `[start, end]` pair.
fn span(text: &str, words: &str) -> Value {
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("`{words}` not in the story"));
    json!([start, start + words.len()])
}

fn gold_claim(kind: &str, words: &str, speaker: &str, mention: &str, said_on: Value) -> Value {
    json!({
        "kind": kind,
        "span": span(COUNCIL_STORY, words),
        "text": words,
        "speaker": speaker,
        "mention_span": span(COUNCIL_STORY, mention),
        "mention": mention,
        "cue": "said",
        "said_on": said_on,
    })
}

/// A one-article gold set for the council story, written as the devset README says.
fn write_council_gold(workspace: &Workspace, text_copy: &str) -> std::path::PathBuf {
    workspace.write("gold/01-council.txt", COUNCIL_STORY.as_bytes());
    let direct = gold_claim(
        "direct",
        "We will build forty kilometres of protected lanes by 2027",
        "Anna Lindqvist",
        "Anna Lindqvist",
        json!("2026-03-03"),
    );
    let mut indirect = gold_claim(
        "indirect",
        INDIRECT_WORDS,
        "Tomas Brenner",
        "Tomas Brenner",
        Value::Null,
    );
    indirect["text"] = json!(text_copy);
    let gold = json!({
        "format": "claimtrack-gold/1",
        "text_file": "01-council.txt",
        "style": "wire",
        "title": "Westhaven council approves cycling budget",
        "outlet": "Test Wire",
        "published": "2026-03-06",
        "claims": [direct, indirect],
    });
    workspace.write(
        "gold/01-council.gold.json",
        serde_json::to_string_pretty(&gold).unwrap().as_bytes(),
    );
    workspace.path("gold")
}

const INDIRECT_WORDS: &str = "the plan was far too expensive for a small city";

#[test]
fn eval_json_prints_one_object_with_the_documented_keys() {
    let workspace = Workspace::new();
    write_council_gold(&workspace, INDIRECT_WORDS);
    let report = workspace
        .run_raw(&["eval", "gold", "--format", "json", "--published-from-gold"])
        .json();
    assert_eq!(report["articles"], 1);
    assert_eq!(report["format"], "claimtrack-gold/1");
    let documented = [
        "precision",
        "recall",
        "f1",
        "speaker_accuracy",
        "date_accuracy",
        "cue_accuracy",
    ];
    let mut groups = vec![("overall", &report["overall"])];
    for kind in ["direct", "mixed", "indirect"] {
        groups.push((kind, &report["by_kind"][kind]));
    }
    for (name, figures) in groups {
        for key in documented {
            assert!(
                figures.get(key).is_some(),
                "{name} lacks `{key}`: {figures}"
            );
        }
        for matching in ["exact", "overlap_80", "overlap_30"] {
            assert!(figures[matching]["f1"].is_number() || figures[matching]["f1"].is_null());
        }
    }
    assert_eq!(report["overall"]["gold"], 2);
    assert_eq!(report["by_kind"]["direct"]["gold"], 1);
    assert_eq!(report["by_kind"]["indirect"]["gold"], 1);
    assert_eq!(
        report["calibration"]["buckets"].as_array().unwrap().len(),
        10
    );
    assert!(report["errors"].is_array());
    // The extractor finds both claims of this plain story, with their speakers.
    assert_eq!(report["overall"]["recall"], 1.0);
    assert_eq!(report["overall"]["speaker_accuracy"], 1.0);
}

#[test]
fn floor_above_a_measured_figure_fails_with_one_line_per_figure() {
    let workspace = Workspace::new();
    write_council_gold(&workspace, INDIRECT_WORDS);
    let report = workspace
        .run_raw(&["eval", "gold", "--format", "json"])
        .json();
    let f1 = report["overall"]["f1"].as_f64().unwrap();
    let recall = report["by_kind"]["direct"]["recall"].as_f64().unwrap();

    let floor = json!({
        "format": "claimtrack-eval-floor/1",
        "overall": {"f1": f1 + 0.05, "precision": 0.0},
        "by_kind": {"direct": {"recall": recall + 0.05}},
    });
    workspace.write("floor-high.json", floor.to_string().as_bytes());
    let run = workspace.run_raw(&["eval", "gold", "--floor", "floor-high.json"]);
    assert_eq!(run.code, Some(1), "stdout: {}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].starts_with("error: below floor: overall.f1 = "),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("error: below floor: by_kind.direct.recall = "),
        "{}",
        lines[1]
    );
    assert!(
        run.stdout.contains("Claim detection"),
        "the report is still printed"
    );

    let floor = json!({"overall": {"f1": f1}, "by_kind": {"direct": {"recall": recall}}});
    workspace.write("floor-met.json", floor.to_string().as_bytes());
    let run = workspace.run_raw(&["eval", "gold", "--floor", "floor-met.json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);

    workspace.write("floor-typo.json", br#"{"overall": {"f_1": 0.5}}"#);
    let run = workspace.run_raw(&["eval", "gold", "--floor", "floor-typo.json"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("`overall.f_1`"), "{}", run.stderr);
}

#[test]
fn a_gold_copy_that_differs_from_its_slice_is_refused_with_the_file_named() {
    let workspace = Workspace::new();
    write_council_gold(&workspace, "the plan was too expensive");
    let run = workspace.run_raw(&["eval", "gold"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("01-council.gold.json"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("claim 2"), "{}", run.stderr);

    let run = workspace.run_raw(&["eval", "no-such-folder"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}

#[test]
fn stored_claims_exported_as_brat_score_perfectly_against_extraction() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace
        .run(&["ingest", "council.txt", "--published", "2026-03-06"])
        .ok();
    let printed = workspace
        .run(&["export", "--format", "brat", "--status", "all", "brat-out"])
        .ok();
    assert!(printed.contains("as brat standoff"), "{printed}");
    let annotations = std::fs::read_dir(workspace.path("brat-out"))
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "ann"))
        .count();
    assert_eq!(annotations, 1);

    let report = workspace
        .run_raw(&[
            "eval",
            "brat-out",
            "--format",
            "json",
            "--published-from-gold",
        ])
        .json();
    assert_eq!(report["format"], "brat");
    assert_eq!(report["overall"]["gold"], 2);
    assert_eq!(report["overall"]["f1"], 1.0);
    assert_eq!(report["overall"]["speaker_accuracy"], 1.0);
    assert_eq!(report["overall"]["date_accuracy"], 1.0);
    assert_eq!(report["errors"], json!([]));

    // Verified claims only by default: none are verified, so nothing is written.
    let printed = workspace
        .run(&["export", "--format", "brat", "--out", "verified-only"])
        .ok();
    assert!(
        printed.contains("exported 0 claims of 0 articles"),
        "{printed}"
    );

    let run = workspace.run(&["export", "--format", "brat", "--excel", "x"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("--excel applies to CSV only"),
        "{}",
        run.stderr
    );
}

#[test]
fn confidence_scaling_fitted_on_two_sets_reports_each_set_by_name() {
    let workspace = Workspace::new();
    write_council_gold(&workspace, INDIRECT_WORDS);
    // A second set in the other gold format: the same story exported as brat.
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace
        .run(&["ingest", "council.txt", "--published", "2026-03-06"])
        .ok();
    workspace
        .run(&["export", "--format", "brat", "--status", "all", "brat-out"])
        .ok();

    let run = workspace.run_raw(&[
        "eval",
        "gold",
        "--published-from-gold",
        "--fit-confidence-scaling-with",
        "brat-out",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines[0].starts_with("confidence scaling fitted on 4 claims in 2 set(s): SLOPE = "),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("gold: 2 claims, expected calibration error "),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("brat-out: 2 claims, expected calibration error "),
        "{}",
        lines[2]
    );

    let run = workspace.run_raw(&[
        "eval",
        "gold",
        "--fit-confidence-scaling-with",
        "no-such-folder",
    ]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("no-such-folder"), "{}", run.stderr);
}
