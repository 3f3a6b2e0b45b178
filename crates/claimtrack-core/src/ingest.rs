//! Turning files and pasted text into article drafts the store can keep.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The largest article text accepted, in bytes.
pub const MAX_ARTICLE_BYTES: usize = 20 * 1024 * 1024;

/// An article ready to be stored: metadata and the exact text all claim offsets index into.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDraft {
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub source_path: Option<String>,
    pub text: String,
}
