//! Helpers of the reliability tests: a fingerprint of every table of a database file (to
//! prove a rejected input or a refused restore changed nothing), the rows an accepted input
//! must leave in place, a check that every stored claim's offsets fit its article, and a
//! seeded article with review work on it (the work that must never be lost).

use std::collections::BTreeMap;
use std::path::Path;

use claimtrack_core::store::{ReviewStatus, Store};
use claimtrack_core::ClaimKind;
use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use crate::support::{draft, span_of, CYCLING_ARTICLE};

/// The tables that hold what analysts care about; FTS shadow tables and `sqlite_sequence`
/// are left out of [`content_rows`] because storing more legitimately rewrites them.
pub const CONTENT_TABLES: [&str; 6] = [
    "articles",
    "claims",
    "claim_corrections",
    "speakers",
    "speaker_aliases",
    "history",
];

/// Every row of every table (including the schema, `sqlite_sequence` and the full-text
/// index's shadow tables) and the schema version, read through a fresh connection, as
/// sorted text lines per table.
pub fn all_rows(path: &Path) -> BTreeMap<String, Vec<String>> {
    let connection = rusqlite::Connection::open(path).expect("open for fingerprint");
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    tables.insert("pragma user_version".into(), vec![version.to_string()]);
    let names: Vec<String> = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.insert(
        "sqlite_master".into(),
        rows_of(&connection, "SELECT type, name, sql FROM sqlite_master"),
    );
    for name in names {
        let rows = rows_of(&connection, &format!("SELECT * FROM \"{name}\""));
        tables.insert(name, rows);
    }
    tables
}

fn rows_of(connection: &rusqlite::Connection, query: &str) -> Vec<String> {
    let mut statement = connection.prepare(query).expect("prepare dump");
    let columns = statement.column_count();
    let mut rows = statement.query([]).expect("dump query");
    let mut lines = Vec::new();
    while let Some(row) = rows.next().expect("dump row") {
        let values: Vec<String> = (0..columns)
            .map(|index| format!("{:?}", row.get::<_, Value>(index).expect("value")))
            .collect();
        lines.push(values.join("|"));
    }
    lines.sort();
    lines
}

/// A short, comparable fingerprint of [`all_rows`]: row counts per table and a SHA-256 over
/// everything, so an assertion failure names the tables that changed.
pub fn database_fingerprint(path: &Path) -> String {
    let tables = all_rows(path);
    let mut hasher = Sha256::new();
    let mut counts = Vec::new();
    for (table, rows) in &tables {
        counts.push(format!("{table}={}", rows.len()));
        hasher.update(table.as_bytes());
        for row in rows {
            hasher.update(row.as_bytes());
            hasher.update(b"\n");
        }
    }
    let digest: String = hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{} sha256={digest}", counts.join(" "))
}

/// The rows of the [`CONTENT_TABLES`].
pub fn content_rows(path: &Path) -> BTreeMap<String, Vec<String>> {
    let mut tables = all_rows(path);
    tables.retain(|table, _| CONTENT_TABLES.contains(&table.as_str()));
    tables
}

/// Asserts that every content row of `before` is still present, unchanged, in `after`:
/// storing more may add rows but never alter or remove one.
pub fn assert_rows_kept(
    before: &BTreeMap<String, Vec<String>>,
    after: &BTreeMap<String, Vec<String>>,
    what: &str,
) {
    for (table, rows) in before {
        let now = &after[table];
        for row in rows {
            assert!(
                now.binary_search(row).is_ok(),
                "{what}: a row of `{table}` was changed or lost: {row}"
            );
        }
    }
}

/// Asserts that every stored claim of `article_id` has offsets (span, parts, mention, cue)
/// inside its article's text, on character boundaries, with parts in order inside the span
/// and the claim text equal to its parts joined by spaces.
pub fn assert_stored_claims_fit(store: &Store, article_id: i64) -> usize {
    let article = store.get_article(article_id).expect("stored article");
    let text = &article.text;
    let fits = |start: usize, end: usize| {
        start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let claims = store
        .list_claims(&claimtrack_core::store::ClaimFilter {
            article_id: Some(article_id),
            ..Default::default()
        })
        .expect("claims");
    for claim in &claims {
        assert!(
            fits(claim.start, claim.end),
            "claim {} span {}..{}",
            claim.id,
            claim.start,
            claim.end
        );
        assert!(!claim.parts.is_empty(), "claim {} has no parts", claim.id);
        let mut previous_end = claim.start;
        for [start, end] in &claim.parts {
            assert!(fits(*start, *end), "claim {} part {start}..{end}", claim.id);
            assert!(
                *start >= previous_end && *end <= claim.end,
                "claim {} parts out of order",
                claim.id
            );
            previous_end = *end;
        }
        let joined: Vec<&str> = claim
            .parts
            .iter()
            .map(|[start, end]| &text[*start..*end])
            .collect();
        assert_eq!(claim.text, joined.join(" "), "claim {} text", claim.id);
        for (start, end) in [
            (claim.mention_start, claim.mention_end),
            (claim.cue_start, claim.cue_end),
        ] {
            if let (Some(start), Some(end)) = (start, end) {
                assert!(
                    fits(start, end),
                    "claim {} mention or cue {start}..{end}",
                    claim.id
                );
            }
        }
    }
    claims.len()
}

/// The review work the reliability tests protect: the cycling article, one claim verified
/// with a corrected speaker, one rejected, and one claim an analyst added by hand.
pub struct ReviewedArticle {
    pub article_id: i64,
    pub verified_claim: i64,
    pub rejected_claim: i64,
    pub human_claim: i64,
}

pub fn store_reviewed_article(store: &mut Store) -> ReviewedArticle {
    let article_id = store
        .ingest(&draft(
            "Westhaven council approves cycling budget",
            CYCLING_ARTICLE,
            None,
        ))
        .expect("ingest")
        .article_id();
    let claims = store
        .list_claims(&claimtrack_core::store::ClaimFilter {
            article_id: Some(article_id),
            ..Default::default()
        })
        .expect("claims");
    assert!(
        claims.len() >= 2,
        "the cycling article should give at least two claims"
    );
    let verified_claim = claims[0].id;
    let rejected_claim = claims[1].id;
    store
        .correct_speaker(verified_claim, "Anna Lindqvist-Holm")
        .expect("correct speaker");
    store
        .set_status(verified_claim, ReviewStatus::Verified)
        .expect("verify");
    store
        .set_status(rejected_claim, ReviewStatus::Rejected)
        .expect("reject");
    let (start, end) = span_of(
        CYCLING_ARTICLE,
        "after a debate that ran late into the evening",
    );
    let human_claim = store
        .add_claim(
            article_id,
            start,
            end,
            ClaimKind::Indirect,
            Some("Westhaven Courier"),
        )
        .expect("add claim");
    ReviewedArticle {
        article_id,
        verified_claim,
        rejected_claim,
        human_claim,
    }
}

/// Asserts that the review work of [`store_reviewed_article`] is all still there.
pub fn assert_review_work_present(store: &Store, work: &ReviewedArticle) {
    let verified = store
        .get_claim(work.verified_claim)
        .expect("verified claim");
    assert_eq!(verified.article_id, work.article_id);
    assert_eq!(verified.status, ReviewStatus::Verified);
    assert_eq!(verified.speaker.as_deref(), Some("Anna Lindqvist-Holm"));
    assert_eq!(
        store
            .get_claim(work.rejected_claim)
            .expect("rejected claim")
            .status,
        ReviewStatus::Rejected
    );
    let human = store.get_claim(work.human_claim).expect("human claim");
    assert_eq!(human.text, "after a debate that ran late into the evening");
    assert_eq!(human.speaker.as_deref(), Some("Westhaven Courier"));
}
