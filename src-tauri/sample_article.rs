//! The article a new user finds in an empty database. It is original text written for
//! ClaimTrack (invented people and places) and exercises the kinds of attribution the
//! extractor handles: a direct quote, a quote interrupted by its attribution, a mixed quote,
//! reported speech, a title ("the finance minister"), a pronoun and a weekday date.

use chrono::NaiveDate;
use claimtrack_core::error::CoreResult;
use claimtrack_core::ingest::ArticleDraft;
use claimtrack_core::store::{IngestOutcome, Store};

/// Title line, a blank line, then the body; paragraphs are separated by blank lines.
pub const SAMPLE_ARTICLE_TEXT: &str = include_str!("sample_article.txt");

/// The day the sample was "published": a Thursday, so "on Tuesday" means 11 March 2025.
pub const SAMPLE_ARTICLE_PUBLISHED: (i32, u32, u32) = (2025, 3, 13);

pub const SAMPLE_ARTICLE_OUTLET: &str = "ClaimTrack sample";

/// The sample's title: the first line of the text.
pub fn sample_article_title() -> &'static str {
    SAMPLE_ARTICLE_TEXT
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
}

/// The sample as a draft for the store. The stored text keeps the title line, because
/// extraction reads title and body together.
pub fn sample_article_draft() -> ArticleDraft {
    let (year, month, day) = SAMPLE_ARTICLE_PUBLISHED;
    ArticleDraft {
        title: sample_article_title().to_string(),
        outlet: Some(SAMPLE_ARTICLE_OUTLET.to_string()),
        url: None,
        author: None,
        published: NaiveDate::from_ymd_opt(year, month, day),
        source_path: None,
        text: SAMPLE_ARTICLE_TEXT.to_string(),
    }
}

/// Stores the sample when the database has no article at all; otherwise does nothing, so
/// an analyst's own database never gets it added. Returns what the store did, if anything.
pub fn ingest_sample_article_if_empty(store: &mut Store) -> CoreResult<Option<IngestOutcome>> {
    if !store.list_articles()?.is_empty() {
        return Ok(None);
    }
    store.ingest(&sample_article_draft()).map(Some)
}
