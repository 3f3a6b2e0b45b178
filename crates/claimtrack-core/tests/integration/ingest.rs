//! Turning files and pasted text into drafts, and refusing what cannot be an article.

use std::path::PathBuf;

use claimtrack_core::ingest::{
    collect_article_files, decode_article_text, derive_title, draft_from_file, draft_from_pasted,
    DraftOverrides, MAX_ARTICLE_BYTES,
};
use claimtrack_core::store::IngestOutcome;
use claimtrack_core::CoreError;

use crate::support::{date, table_counts, TempDatabase};

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn invalid_input_message(result: Result<impl std::fmt::Debug, CoreError>) -> String {
    match result {
        Err(CoreError::InvalidInput(message)) => message,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_text_file_becomes_a_draft_with_lf_line_ends_and_its_first_line_as_title() {
    let temp = TempDatabase::new();
    let path = write(
        temp.dir.path(),
        "ferry.txt",
        b"\r\n  Ferry fares rise in May  \r\n\r\n\"Fuel costs left us no choice,\" the operator said.\r\n",
    );
    let draft = draft_from_file(&path, &DraftOverrides::default()).unwrap();
    assert_eq!(draft.title, "Ferry fares rise in May");
    assert_eq!(
        draft.text,
        "\n  Ferry fares rise in May  \n\n\"Fuel costs left us no choice,\" the operator said.\n"
    );
    assert_eq!(draft.source_path.as_deref(), Some(path.to_str().unwrap()));
    assert_eq!(draft.published, None);
}

#[test]
fn a_markdown_heading_marker_is_dropped_from_the_title_only() {
    let temp = TempDatabase::new();
    let text =
        "\u{feff}## Harbour works delayed\n\nPort officials said the dredging would start later.\n";
    let path = write(temp.dir.path(), "harbour.MD", text.as_bytes());
    let draft = draft_from_file(&path, &DraftOverrides::default()).unwrap();
    assert_eq!(draft.title, "Harbour works delayed");
    // The byte-order mark goes; the heading marker stays in the stored text.
    assert_eq!(draft.text, &text[3..]);
    assert_eq!(
        derive_title("#hashtag first\nbody"),
        Some("#hashtag first".into())
    );
    assert_eq!(derive_title("###\nbody"), Some("###".into()));
    let long_line = "word ".repeat(100);
    let long_title = derive_title(&long_line).unwrap();
    assert!(long_title.chars().count() <= 201 && long_title.ends_with('…'));
}

#[test]
fn overrides_take_precedence_over_derived_metadata() {
    let temp = TempDatabase::new();
    let path = write(
        temp.dir.path(),
        "a.txt",
        b"First line\n\nBody text of the piece.\n",
    );
    let overrides = DraftOverrides {
        title: Some("  Given title ".into()),
        outlet: Some("Westhaven Courier".into()),
        url: Some("https://courier.example/a".into()),
        author: Some("   ".into()),
        published: Some(date("2024-05-02")),
    };
    let draft = draft_from_file(&path, &overrides).unwrap();
    assert_eq!(draft.title, "Given title");
    assert_eq!(draft.outlet.as_deref(), Some("Westhaven Courier"));
    assert_eq!(draft.url.as_deref(), Some("https://courier.example/a"));
    assert_eq!(draft.author, None);
    assert_eq!(draft.published, Some(date("2024-05-02")));
}

#[test]
fn pasted_text_is_stored_as_title_blank_line_body() {
    let draft = draft_from_pasted(
        "  Council votes on budget ",
        "\r\n\"It passed,\" the clerk said.\r\nMore to follow.\r\n\r\n",
        &DraftOverrides {
            published: Some(date("2024-06-01")),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(draft.title, "Council votes on budget");
    assert_eq!(
        draft.text,
        "Council votes on budget\n\n\"It passed,\" the clerk said.\nMore to follow.\n"
    );
    assert_eq!(draft.published, Some(date("2024-06-01")));
    assert!(
        invalid_input_message(draft_from_pasted(" ", "body", &DraftOverrides::default()))
            .contains("title")
    );
    assert!(invalid_input_message(draft_from_pasted(
        "Title",
        " \n ",
        &DraftOverrides::default()
    ))
    .contains("empty"));
    assert!(invalid_input_message(draft_from_pasted(
        "Two\nlines",
        "body",
        &DraftOverrides::default()
    ))
    .contains("single line"));
    assert!(invalid_input_message(draft_from_pasted(
        "Title",
        "a\0b",
        &DraftOverrides::default()
    ))
    .contains("binary"));
}

#[test]
fn bad_files_are_refused_with_clear_messages() {
    let temp = TempDatabase::new();
    let none = DraftOverrides::default();
    let empty = write(temp.dir.path(), "empty.txt", b"");
    assert!(invalid_input_message(draft_from_file(&empty, &none)).contains("empty"));
    let blank = write(temp.dir.path(), "blank.md", b" \r\n\t\n  ");
    assert!(invalid_input_message(draft_from_file(&blank, &none)).contains("whitespace"));
    let binary = write(temp.dir.path(), "binary.txt", b"PK\x03\x04\x00\x00zip data");
    assert!(invalid_input_message(draft_from_file(&binary, &none)).contains("NUL byte at offset 4"));
    let latin1 = write(
        temp.dir.path(),
        "latin1.txt",
        b"Caf\xe9 owners protest\n\nPrices rose.\n",
    );
    let message = invalid_input_message(draft_from_file(&latin1, &none));
    assert!(
        message.contains("not valid UTF-8") && message.contains("offset 3"),
        "{message}"
    );
    // A web page is read as one (see ingest_html); one with no article text is refused.
    let html = write(
        temp.dir.path(),
        "page.html",
        b"<html><body><nav><a href=\"/\">Home</a></nav></body></html>",
    );
    assert!(invalid_input_message(draft_from_file(&html, &none)).contains("no article text"));
    let pdf = write(temp.dir.path(), "report.pdf", b"%PDF-1.7");
    assert!(invalid_input_message(draft_from_file(&pdf, &none)).contains(".pdf"));
    let missing = temp.dir.path().join("missing.txt");
    assert!(matches!(
        draft_from_file(&missing, &none),
        Err(CoreError::Io { .. })
    ));
    let folder = temp.dir.path().join("folder.txt");
    std::fs::create_dir(&folder).unwrap();
    assert!(invalid_input_message(draft_from_file(&folder, &none)).contains("folder"));

    // A sparse file just over the limit: refused from its size, without being read.
    let huge = temp.dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_ARTICLE_BYTES as u64 + 1)
        .unwrap();
    assert!(invalid_input_message(draft_from_file(&huge, &none)).contains("over 20 MB"));
    let exactly = vec![b'a'; MAX_ARTICLE_BYTES];
    assert!(decode_article_text(&exactly, "limit").is_ok());
    let over = vec![b'a'; MAX_ARTICLE_BYTES + 1];
    assert!(invalid_input_message(decode_article_text(&over, "over")).contains("over 20 MB"));
}

#[test]
fn folders_are_walked_recursively_for_text_markdown_and_html_files() {
    let temp = TempDatabase::new();
    let root = temp.dir.path().join("articles");
    write(&root, "b.txt", b"B\n\nbody");
    write(&root, "a.md", b"A\n\nbody");
    write(&root, "notes.pdf", b"%PDF");
    write(&root, "nested/deeper/c.TXT", b"C\n\nbody");
    write(&root, "nested/d.html", b"<p>d</p>");
    let explicit = write(temp.dir.path(), "explicit.html", b"<p>given by name</p>");
    let (files, errors) = collect_article_files(&[root.clone(), explicit.clone()]);
    assert!(errors.is_empty());
    assert_eq!(
        files,
        vec![
            root.join("a.md"),
            root.join("b.txt"),
            root.join("nested/d.html"),
            root.join("nested/deeper/c.TXT"),
            explicit
        ]
    );
}

#[test]
fn storing_a_file_twice_is_a_no_op_and_a_refused_file_stores_nothing() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let path = write(
        temp.dir.path(),
        "bridge.txt",
        b"Bridge reopens\r\n\r\nThe bridge reopened on Friday.\r\n",
    );
    let draft = draft_from_file(&path, &DraftOverrides::default()).unwrap();
    let first = store.ingest(&draft).unwrap();
    let again = draft_from_file(&path, &DraftOverrides::default()).unwrap();
    assert_eq!(
        store.ingest(&again).unwrap(),
        IngestOutcome::AlreadyStored {
            article_id: first.article_id()
        }
    );
    let stored = store.get_article(first.article_id()).unwrap();
    assert_eq!(
        stored.text,
        "Bridge reopens\n\nThe bridge reopened on Friday.\n"
    );
    assert_eq!(stored.summary.title, "Bridge reopens");
    let counts = table_counts(&temp.path());
    let bad = write(temp.dir.path(), "bad.txt", b"\xff\xfe");
    assert!(draft_from_file(&bad, &DraftOverrides::default()).is_err());
    assert_eq!(table_counts(&temp.path()), counts);
}
