//! Shared helpers for the integration tests: a real SQLite file in a temp dir, the test
//! articles (written for these tests, in news style, about invented people), row counts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimtrack_core::ingest::ArticleDraft;
use claimtrack_core::store::Store;

/// A temp dir holding one database file; the dir is deleted when the value is dropped.
pub struct TempDatabase {
    pub dir: tempfile::TempDir,
}

impl TempDatabase {
    pub fn new() -> TempDatabase {
        TempDatabase {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("claimtrack.sqlite3")
    }

    /// Opens the file; tests drop the store and call this again to simulate a restart.
    pub fn open(&self) -> Store {
        Store::open(self.path()).expect("open store")
    }
}

pub const CYCLING_ARTICLE: &str = "Westhaven council approves cycling budget\n\n\
The city council of Westhaven approved a new cycling budget on Tuesday after a debate that ran late into the evening.\n\n\
\"We will build forty kilometres of protected lanes by 2027,\" Mayor Anna Lindqvist said on Tuesday after the vote.\n\n\
Opposition leader Tomas Brenner said the plan was far too expensive for a city of its size.\n\n\
\"This is money we simply do not have,\" Brenner told reporters outside the town hall.\n";

pub const HARBOUR_ARTICLE: &str = "Harbour dredging to start in spring\n\n\
Work to deepen the Westhaven harbour channel will begin in April, port officials confirmed on Monday.\n\n\
\"Larger ferries need at least nine metres of water, and today we have seven,\" Anna Lindqvist said at a briefing.\n\n\
Fishermen's association chair Jonas Perlmann warned that the works could disturb spawning grounds.\n";

pub fn draft(title: &str, text: &str, published: Option<NaiveDate>) -> ArticleDraft {
    ArticleDraft {
        title: title.to_string(),
        outlet: Some("Westhaven Courier".into()),
        url: Some(format!("https://courier.example/{}", title.len())),
        author: Some("Ida Svensson".into()),
        published,
        source_path: None,
        text: text.to_string(),
    }
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// The byte span of the first occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str) -> (usize, usize) {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the test text"));
    (start, start + needle.len())
}

/// Row counts of every table, read through a separate connection: the fingerprint used to
/// prove that a rejected action changed nothing.
pub fn table_counts(path: &Path) -> Vec<(String, i64)> {
    let connection = rusqlite::Connection::open(path).expect("second connection");
    [
        "articles",
        "speakers",
        "speaker_aliases",
        "claims",
        "claim_corrections",
        "history",
        "claim_search",
    ]
    .iter()
    .map(|table| {
        let count: i64 = connection
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .expect("count rows");
        (table.to_string(), count)
    })
    .collect()
}

/// A dump of the review-relevant state, for before/after comparisons of whole databases.
pub fn state_dump(path: &Path) -> String {
    let connection = rusqlite::Connection::open(path).expect("second connection");
    let mut dump = String::new();
    for query in [
        "SELECT id, canonical_name, speaker_type, merged_into FROM speakers ORDER BY id",
        "SELECT alias_key, alias, speaker_id FROM speaker_aliases ORDER BY alias_key",
        "SELECT id, origin, kind, start_offset, end_offset, text, speaker_id, no_longer_extracted FROM claims ORDER BY id",
        "SELECT claim_id, speaker_id, kind, start_offset, end_offset, text, status FROM claim_corrections ORDER BY claim_id",
        "SELECT id, title, outlet, url, author, published FROM articles ORDER BY id",
    ] {
        let mut statement = connection.prepare(query).expect("prepare dump");
        let columns = statement.column_count();
        let mut rows = statement.query([]).expect("dump query");
        while let Some(row) = rows.next().expect("dump row") {
            let values: Vec<String> = (0..columns)
                .map(|index| format!("{:?}", row.get::<_, rusqlite::types::Value>(index).expect("value")))
                .collect();
            dump.push_str(&values.join("|"));
            dump.push('\n');
        }
        dump.push_str("--\n");
    }
    dump
}
