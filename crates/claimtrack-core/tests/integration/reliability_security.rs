//! Hostile content is data, never code: SQL-looking text in every stored text field is kept
//! and read back byte for byte with the schema intact (SQL only through bound parameters),
//! and every exported CSV cell that a spreadsheet would run as a formula is neutralised,
//! for every leading trigger character and every user-controlled column.

use std::path::Path;

use claimtrack_core::export::{
    export_claims_csv, neutralise_formula, ExportOptions, CSV_HEADER, FORMULA_TRIGGERS,
};
use claimtrack_core::ingest::ArticleDraft;
use claimtrack_core::store::{ArticleMetadata, ArticleQuery, ClaimFilter, ReviewStatus};
use claimtrack_core::ClaimKind;

use crate::support::{span_of, TempDatabase};

/// Text an attacker might hope a careless store would splice into SQL: statement breaks,
/// comment markers, quote escapes, LIKE wildcards, full-text query syntax and markup.
const HOSTILE: [&str; 7] = [
    "'); DROP TABLE claims; --",
    "\" OR 1=1; --",
    "Robert'); DELETE FROM articles WHERE ('1'='1",
    "100% of _all_ \\ backslashes",
    "NEAR(\"tax\" \"cut\") OR title:* AND NOT ^x",
    "<script>alert('stored')</script>",
    "x'; ATTACH DATABASE '/tmp/pwned.sqlite3' AS pwned; --",
];

fn schema(path: &Path) -> Vec<String> {
    let connection = rusqlite::Connection::open(path).unwrap();
    let mut statement = connection
        .prepare("SELECT type || ' ' || name FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let rows = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    rows
}

/// Written for this test: an article whose quote and speaker are hostile strings.
fn hostile_article(index: usize, hostile: &str) -> (String, String) {
    let speaker = format!("Alex {hostile} Morgan");
    let text = format!(
        "Council hearing number {index}\n\n\
         \"{hostile} is what the letter said,\" council clerk Mia Strand said on Tuesday.\n\n\
         The letter was signed by {speaker}.\n"
    );
    (text, speaker)
}

#[test]
fn hostile_text_in_every_text_field_is_stored_and_read_back_intact() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let schema_before = schema(&temp.path());

    for (index, hostile) in HOSTILE.iter().enumerate() {
        let (text, speaker) = hostile_article(index, hostile);
        let draft = ArticleDraft {
            title: format!("{hostile} title {index}"),
            outlet: Some(format!("{hostile} outlet")),
            url: Some(format!("https://news.example/{hostile}")),
            author: Some(format!("{hostile} author")),
            published: None,
            source_path: Some(format!("/imports/{hostile}.txt")),
            text: text.clone(),
        };
        let article_id = store.ingest(&draft).unwrap().article_id();

        let article = store.get_article(article_id).unwrap();
        assert_eq!(article.text, text);
        assert_eq!(article.summary.title, draft.title);
        assert_eq!(article.summary.outlet, draft.outlet);
        assert_eq!(article.summary.url, draft.url);
        assert_eq!(article.summary.author, draft.author);
        assert_eq!(article.summary.source_path, draft.source_path);

        // A claim by hand with a hostile speaker, then review actions that write names.
        let (start, end) = span_of(&text, &format!("{hostile} is what the letter said"));
        let claim_id = store
            .add_claim(article_id, start, end, ClaimKind::Direct, Some(&speaker))
            .unwrap();
        let claim = store.get_claim(claim_id).unwrap();
        assert_eq!(claim.text, format!("{hostile} is what the letter said"));
        assert_eq!(claim.speaker.as_deref(), Some(speaker.as_str()));
        let speaker_id = store
            .find_speaker(&speaker)
            .unwrap()
            .expect("speaker by its hostile name");
        let renamed = format!("{speaker} (renamed)");
        store.rename_speaker(speaker_id, &renamed).unwrap();
        assert_eq!(
            store.get_claim(claim_id).unwrap().speaker.as_deref(),
            Some(renamed.as_str())
        );
        store.set_status(claim_id, ReviewStatus::Verified).unwrap();
        let metadata = ArticleMetadata {
            title: format!("{hostile} edited title"),
            outlet: Some(format!("{hostile} edited outlet")),
            url: draft.url.clone(),
            author: Some(hostile.to_string()),
            published: None,
        };
        store
            .update_article_metadata(article_id, &metadata)
            .unwrap();
        assert_eq!(
            store.get_article(article_id).unwrap().summary.title,
            metadata.title
        );

        // Hostile search input is a search, not a query fragment.
        let found = store
            .list_articles_matching(&ArticleQuery {
                search: Some(hostile.to_string()),
                ..Default::default()
            })
            .unwrap();
        assert!(
            found.iter().any(|article| article.id == article_id),
            "{hostile}"
        );
        store
            .list_claims(&ClaimFilter {
                search: Some(hostile.to_string()),
                ..Default::default()
            })
            .unwrap();
        let by_speaker = store
            .list_claims(&ClaimFilter {
                speaker: Some(speaker.clone()),
                ..Default::default()
            })
            .unwrap();
        assert!(
            by_speaker.iter().any(|claim| claim.id == claim_id),
            "{hostile}"
        );
        let history = store.list_history(5, 0).unwrap();
        assert!(
            history.iter().any(|entry| entry.summary.contains(hostile)),
            "{hostile}"
        );
    }

    assert_eq!(
        schema(&temp.path()),
        schema_before,
        "a table or index changed"
    );
    assert_eq!(store.list_articles().unwrap().len(), HOSTILE.len());
    let connection = rusqlite::Connection::open(temp.path()).unwrap();
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let claims: i64 = connection
        .query_row("SELECT COUNT(*) FROM claims", [], |row| row.get(0))
        .unwrap();
    // At least the claims added by hand; the extractor's own count depends on the quotes.
    assert!(claims >= HOSTILE.len() as i64);
    assert!(!Path::new("/tmp/pwned.sqlite3").exists());
}

#[test]
fn neutralise_formula_prefixes_every_trigger_ascii_and_compatibility_forms() {
    // The ASCII triggers, the control characters, and the full-width forms spreadsheets that
    // normalise Unicode turn into `=`, `+`, `-` and `@`.
    for required in [
        '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫',
    ] {
        assert!(
            FORMULA_TRIGGERS.contains(&required),
            "{required:?} is not a trigger"
        );
    }
    for trigger in FORMULA_TRIGGERS {
        for rest in [
            "",
            "SUM(A1:A9)",
            "cmd|' /C calc'!A0",
            "1+1",
            "HYPERLINK(\"https://x.example\")",
        ] {
            let cell = format!("{trigger}{rest}");
            assert_eq!(neutralise_formula(&cell), format!("'{cell}"), "{cell:?}");
        }
    }
    // Look-alikes that are not formula starts stay as written, and a neutralised cell is not
    // neutralised twice.
    for harmless in [
        "’quoted",
        "−5 (a minus sign, U+2212)",
        "‐hyphen",
        "#hashtag",
        "'=already",
    ] {
        assert_eq!(neutralise_formula(harmless), harmless);
    }
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn every_exported_cell_starting_with_any_trigger_is_neutralised_in_every_text_column() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let mut expected_rows = 0;
    for (index, trigger) in FORMULA_TRIGGERS.iter().enumerate() {
        // Written for this test: one short article per trigger, each line starting with it.
        let quoted = format!("{trigger}SUM(A1:A{index}) was on the slide");
        let text = format!(
            "Budget slides, part {index}\n\n{quoted}\n\n\"{trigger}{index} per cent,\" {trigger}Analyst Kim said.\n"
        );
        let article_id = store
            .ingest(&ArticleDraft {
                title: format!("{trigger}Title {index}"),
                outlet: Some(format!("{trigger}Outlet")),
                url: Some(format!("{trigger}https://news.example/{index}")),
                author: None,
                published: None,
                source_path: None,
                text: text.clone(),
            })
            .unwrap()
            .article_id();
        let (start, end) = span_of(&text, &quoted);
        store
            .add_claim(
                article_id,
                start,
                end,
                ClaimKind::Direct,
                Some(&format!("{trigger}Speaker {index}")),
            )
            .unwrap();
        let ids: Vec<i64> = store
            .list_claims(&ClaimFilter {
                article_id: Some(article_id),
                ..Default::default()
            })
            .unwrap()
            .iter()
            .map(|claim| claim.id)
            .collect();
        expected_rows += ids.len();
        store.set_status_many(&ids, ReviewStatus::Verified).unwrap();
    }
    let out = temp.dir.path().join("claims.csv");
    export_claims_csv(&store, &out, &ExportOptions::default()).unwrap();
    let rows = read_csv(&out);
    assert_eq!(rows[0], CSV_HEADER);
    assert_eq!(rows.len() - 1, expected_rows);

    let claims = store.list_claims(&ClaimFilter::default()).unwrap();
    let articles = store.list_articles().unwrap();
    let column = |name: &str| {
        CSV_HEADER
            .iter()
            .position(|header| *header == name)
            .unwrap()
    };
    let mut neutralised_cells = 0;
    for row in &rows[1..] {
        let claim = claims
            .iter()
            .find(|claim| claim.id.to_string() == row[column("claim_id")])
            .unwrap();
        let article = articles
            .iter()
            .find(|article| article.id == claim.article_id)
            .unwrap();
        let stored = [
            ("article_title", Some(claim.article_title.as_str())),
            ("outlet", article.outlet.as_deref()),
            ("url", article.url.as_deref()),
            ("speaker", claim.speaker.as_deref()),
            ("speaker_role", claim.speaker_role.as_deref()),
            ("claim_text", Some(claim.text.as_str())),
            ("cue", claim.cue.as_deref()),
        ];
        for (name, value) in stored {
            let value = value.unwrap_or_default();
            let cell = &row[column(name)];
            if value.starts_with(FORMULA_TRIGGERS) {
                assert_eq!(cell, &format!("'{value}"), "column {name}");
                neutralised_cells += 1;
            } else {
                assert_eq!(cell, value, "column {name}");
            }
        }
        for (index, cell) in row.iter().enumerate() {
            assert!(
                !cell.starts_with(FORMULA_TRIGGERS),
                "column {} starts with a trigger: {cell:?}",
                CSV_HEADER[index]
            );
        }
    }
    // Titles, outlets, urls and the hand-added claims start with every trigger; the
    // whitespace triggers are trimmed from titles and names, so not all of them count.
    assert!(
        neutralised_cells >= FORMULA_TRIGGERS.len() * 3,
        "only {neutralised_cells} neutralised cells"
    );
}
