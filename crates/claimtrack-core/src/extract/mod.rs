//! Claim extraction: a pure pipeline from article text to attributed claims. It does no
//! IO and never fails; whatever it cannot make sense of becomes a warning.
//!
//! The stages run in order, each in its own file, each reading the previous stages'
//! output: `segment` (paragraphs and sentences) -> `quotes` (quote marks paired into
//! quotations) -> `cues` (reporting verbs and phrases) -> `speakers` (who each cue
//! points at) -> `resolve` (mentions to canonical speakers) -> `dates` (when it was said).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::ExtractedClaim;

/// Everything extraction produced for one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub claims: Vec<ExtractedClaim>,
    pub warnings: Vec<ExtractionWarning>,
}

/// Something in the text the extractor noticed but could not use, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractionWarning {
    pub at: usize,
    pub message: String,
}

/// Extracts the claims in `text` (title and body; paragraphs separated by newlines).
/// `published` anchors relative dates such as "on Tuesday".
pub fn extract_claims(text: &str, published: Option<NaiveDate>) -> Extraction {
    let _ = (text, published);
    Extraction::default()
}
