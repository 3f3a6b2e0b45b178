//! The plain, serde-serialisable values the store hands out and takes in. They travel
//! unchanged to the desktop UI as JSON and to the CLI, so field names are part of the contract.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ClaimKind, SpeakerType};

/// Where an analyst's review of a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    #[default]
    Pending,
    Verified,
    Rejected,
}

/// Who produced a claim row: the extractor, or an analyst who added it by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimOrigin {
    Machine,
    Human,
}

crate::model::string_enum!(ReviewStatus { Pending => "pending", Verified => "verified", Rejected => "rejected" });
crate::model::string_enum!(ClaimOrigin { Machine => "machine", Human => "human" });

/// One claim as the analyst sees it: every corrected field laid over the machine's output.
/// Offsets are byte offsets into the article's stored text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: i64,
    pub article_id: i64,
    pub article_title: String,
    pub kind: ClaimKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The contiguous pieces of the content as `[start, end]` pairs.
    pub parts: Vec<[usize; 2]>,
    pub speaker: Option<String>,
    pub speaker_id: Option<i64>,
    pub speaker_type: SpeakerType,
    pub speaker_role: Option<String>,
    pub mention: Option<String>,
    pub mention_start: Option<usize>,
    pub mention_end: Option<usize>,
    pub cue: Option<String>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    /// The day the words were said (ISO 8601 in JSON).
    pub date: Option<NaiveDate>,
    pub confidence: f32,
    pub status: ReviewStatus,
    /// When the status was last set to verified or rejected (RFC 3339, UTC).
    pub reviewed_at: Option<String>,
    /// True when an analyst overrode the speaker, kind or span.
    pub corrected: bool,
    pub origin: ClaimOrigin,
    /// True for a machine claim the extractor no longer produces but that a human had
    /// reviewed, so it was kept rather than deleted.
    pub no_longer_extracted: bool,
}

/// Which claims a listing or an export covers. Every field narrows; the default is all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimFilter {
    pub status: Option<ReviewStatus>,
    /// A speaker name, matched case-insensitively through the alias table.
    pub speaker: Option<String>,
    pub speaker_id: Option<i64>,
    pub article_id: Option<i64>,
    /// Inclusive bounds on the claim's date (`said_on`).
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// Words that must all occur in the effective claim text (full-text search).
    pub search: Option<String>,
    pub kind: Option<ClaimKind>,
    pub limit: Option<u32>,
    pub offset: u32,
    pub order: ClaimOrder,
}

/// How listed claims are sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimOrder {
    /// By article, then by position in the article: reading order.
    #[default]
    ArticleOffset,
    /// Least confident first: the review queue.
    ConfidenceAscending,
}

/// Which articles a library listing shows, and in what order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleQuery {
    /// Text that must occur (case-insensitively) in the title, outlet, author, URL or body.
    pub search: Option<String>,
    pub order: ArticleOrder,
}

/// How a library listing is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleOrder {
    /// In the order they were stored.
    #[default]
    Stored,
    /// Newest publication date first; undated articles last.
    PublishedNewestFirst,
    /// Oldest publication date first; undated articles last.
    PublishedOldestFirst,
}

/// An article in a listing: metadata and how many of its claims are in each review state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub source_path: Option<String>,
    pub ingested_at: String,
    pub claims: i64,
    pub pending: i64,
    pub verified: i64,
    pub rejected: i64,
}

/// One article with its full text, which all claim offsets index into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub content_hash: String,
    pub text: String,
}

/// The editable metadata of an article. Changing `published` re-extracts the article so
/// relative dates ("on Tuesday") follow the new anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMetadata {
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
}

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum IngestOutcome {
    /// A new article, with how many claims extraction found in it.
    Inserted { article_id: i64, claims: usize },
    /// The same text (same SHA-256) was stored before; nothing changed.
    AlreadyStored { article_id: i64 },
}

impl IngestOutcome {
    pub fn article_id(self) -> i64 {
        match self {
            IngestOutcome::Inserted { article_id, .. } => article_id,
            IngestOutcome::AlreadyStored { article_id } => article_id,
        }
    }
}

/// What re-extracting one article changed among its machine claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReextractReport {
    pub article_id: i64,
    /// New machine claims that matched no existing one.
    pub added: usize,
    /// Existing machine claims matched again; they kept their ids and corrections.
    pub kept: usize,
    /// Machine claims no longer produced and never reviewed: deleted.
    pub removed: usize,
    /// Machine claims no longer produced but reviewed by a human: kept and flagged.
    pub flagged: usize,
}

/// A speaker in a listing, with the names that resolve to it and its claim counts
/// (counted on effective claims, so corrections count for the corrected speaker).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerSummary {
    pub id: i64,
    pub canonical_name: String,
    pub speaker_type: SpeakerType,
    pub aliases: Vec<String>,
    pub claims: i64,
    pub verified: i64,
}

/// One audit event. `before` and `after` are the JSON row images the event replaced and
/// wrote; `state` says whether an undoable change is applied, undone or discarded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    pub action: String,
    pub summary: String,
    pub article_id: Option<i64>,
    pub claim_id: Option<i64>,
    pub speaker_id: Option<i64>,
    pub state: String,
    pub target_id: Option<i64>,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}
