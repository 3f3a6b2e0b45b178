//! `claimtrack extract`: the stateless JSON/CSV/text contract. These tests need the
//! extractor to find the direct quotes in the test stories.

use std::collections::BTreeSet;

use crate::support::{text_of, Workspace, COUNCIL_STORY, HARBOUR_STORY};

const CONTRACT_KEYS: [&str; 15] = [
    "article",
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_type",
    "speaker_role",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "date",
    "confidence",
    "parts",
];

#[test]
fn extract_json_is_one_array_with_the_contract_keys_and_valid_offsets() {
    let workspace = Workspace::new();
    let council = workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    let harbour = workspace.write("harbour.md", HARBOUR_STORY.as_bytes());
    let claims = workspace
        .run_raw(&[
            "extract",
            "council.txt",
            "harbour.md",
            "--published",
            "2024-03-14",
            "--format",
            "json",
        ])
        .json();
    let claims = claims.as_array().expect("one JSON array");
    assert!(claims.len() >= 2, "{claims:#?}");
    let expected_keys: BTreeSet<&str> = CONTRACT_KEYS.into_iter().collect();
    for claim in claims {
        let object = claim.as_object().expect("claim object");
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys, expected_keys);
        let article = object["article"].as_str().unwrap();
        assert!(
            article == "council.txt" || article == "harbour.md",
            "{article}"
        );
        let text = if article == "council.txt" {
            text_of(&council)
        } else {
            text_of(&harbour)
        };
        let (start, end) = (
            object["start"].as_u64().unwrap() as usize,
            object["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= text.len());
        for part in object["parts"].as_array().unwrap() {
            let (part_start, part_end) = (
                part[0].as_u64().unwrap() as usize,
                part[1].as_u64().unwrap() as usize,
            );
            assert!(start <= part_start && part_end <= end);
        }
        if let (Some(mention_start), Some(mention_end)) = (
            object["mention_start"].as_u64(),
            object["mention_end"].as_u64(),
        ) {
            assert_eq!(
                &text[mention_start as usize..mention_end as usize],
                object["mention"].as_str().unwrap()
            );
        }
        assert!(["direct", "mixed", "indirect"].contains(&object["kind"].as_str().unwrap()));
        let confidence = object["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        if let Some(date) = object["date"].as_str() {
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{date}"
            );
        }
    }
    let lanes = claims
        .iter()
        .find(|claim| claim["text"].as_str().unwrap().contains("forty kilometres"))
        .expect("the mayor's quote");
    assert_eq!(lanes["speaker"], "Anna Lindqvist");
    assert_eq!(lanes["kind"], "direct");
    assert_eq!(lanes["article"], "council.txt");
    let (start, end) = (
        lanes["start"].as_u64().unwrap() as usize,
        lanes["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&COUNCIL_STORY[start..end], lanes["text"].as_str().unwrap());
    assert!(claims.iter().any(|claim| claim["article"] == "harbour.md"));
}

#[test]
fn extract_offsets_index_the_file_bytes_even_with_crlf_line_ends() {
    let workspace = Workspace::new();
    let crlf = COUNCIL_STORY.replace('\n', "\r\n");
    let path = workspace.write("windows.txt", crlf.as_bytes());
    let claims = workspace
        .run_raw(&["extract", "windows.txt", "--format", "json"])
        .json();
    let lanes = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|claim| claim["text"].as_str().unwrap().contains("forty kilometres"))
        .expect("the mayor's quote")
        .clone();
    let bytes = std::fs::read(&path).unwrap();
    let (start, end) = (
        lanes["start"].as_u64().unwrap() as usize,
        lanes["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        std::str::from_utf8(&bytes[start..end]).unwrap(),
        lanes["text"].as_str().unwrap()
    );
}

#[test]
fn an_unreadable_file_is_one_stderr_line_and_the_others_are_still_printed() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace.write("binary.txt", b"\x00\x01\x02 not text");
    let run = workspace.run_raw(&[
        "extract",
        "missing.txt",
        "council.txt",
        "binary.txt",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, Some(1));
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains("missing.txt"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("error: ")
            && lines[1].contains("binary.txt")
            && lines[1].contains("binary")
    );
    let claims: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("JSON despite the failures");
    let claims = claims.as_array().unwrap();
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|claim| claim["article"] == "council.txt"));
}

#[test]
fn extract_csv_has_the_contract_columns_and_text_is_readable() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    let stdout = workspace
        .run_raw(&[
            "extract",
            "council.txt",
            "--format",
            "csv",
            "--published",
            "2024-03-14",
        ])
        .ok();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CONTRACT_KEYS.map(str::to_string).to_vec());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let lanes = rows
        .iter()
        .find(|row| row[2].contains("forty kilometres"))
        .expect("the mayor's quote");
    assert_eq!(&lanes[0], "council.txt");
    assert_eq!(&lanes[5], "Anna Lindqvist");
    let (start, end): (usize, usize) = (lanes[3].parse().unwrap(), lanes[4].parse().unwrap());
    assert_eq!(&COUNCIL_STORY[start..end], &lanes[2]);

    let text = workspace.run_raw(&["extract", "council.txt"]).ok();
    assert!(text.starts_with("council.txt: "), "{text}");
    assert!(text.contains("Anna Lindqvist") && text.contains("forty kilometres"));
}

#[test]
fn extract_needs_no_database_and_rejects_bad_arguments() {
    let workspace = Workspace::new();
    workspace.write("council.txt", COUNCIL_STORY.as_bytes());
    workspace
        .run(&["extract", "council.txt", "--format", "json"])
        .ok();
    assert!(
        !workspace.database().exists(),
        "extract must not create a database"
    );
    let bad_date = workspace.run_raw(&["extract", "council.txt", "--published", "14/03/2024"]);
    assert_eq!(bad_date.code, Some(2));
    assert!(bad_date.stderr.contains("--published"));
    let html = workspace.write("page.html", b"<p>hello</p>");
    let run = workspace.run_raw(&["extract", html.to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("claimtrack ingest"), "{}", run.stderr);
}

/// Regression (issue 2's closing note): `claimtrack extract ... | head` printed
/// "error: Broken pipe" when the reader stopped early. It must end quietly.
#[test]
fn issue_2_extract_into_a_pipe_closed_early_ends_without_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};

    let workspace = Workspace::new();
    // Enough output that the writer is still writing when the reader goes away.
    let story = COUNCIL_STORY.repeat(400);
    workspace.write("long.txt", story.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .args(["extract", "long.txt", "--format", "json"])
        .current_dir(workspace.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimtrack");
    let mut first_bytes = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first_bytes)
        .expect("some output");
    // Dropping the read end closes the pipe, as `head` does after its lines.
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("error") && !stderr.contains("panicked"),
        "stderr: {stderr}"
    );
    assert!(first_bytes.starts_with(b"["));
}
