//! Reads and checks ClaimTrack's gold format, `claimtrack-gold/1` (documented in
//! `tests/data/devset/README.md`): one JSON file per article naming its text file and
//! listing every claim with kind, byte span, speaker, mention, cue and date.
//!
//! Gold is written by hand, so the loader trusts nothing: a span off a character
//! boundary or past the end, a `text` or `mention` copy that differs from its slice, an
//! unknown kind or style, or an unknown key (a typo would otherwise drop a field in
//! silence) refuses the whole file with a message naming the file and the claim.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    read_text_verbatim, ReferenceArticle, ReferenceClaim, ReferenceConvention, ReferenceSet,
};
use crate::error::{CoreError, CoreResult};
use crate::model::{ByteSpan, ClaimKind};

/// The value of the `format` key every gold file carries.
pub const GOLD_FORMAT: &str = "claimtrack-gold/1";

/// The outlet voices the development set is written in.
pub const GOLD_STYLES: [&str; 7] = [
    "wire",
    "broadsheet",
    "tabloid",
    "press-conference",
    "live-blog",
    "feature",
    "headlines",
];

/// One gold file as written, before validation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFile {
    pub format: String,
    pub text_file: String,
    pub style: String,
    pub title: String,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    pub claims: Vec<GoldClaim>,
}

/// One gold claim as written. `kind` stays a string here so an unknown kind is reported
/// with the claim's position rather than as a bare parse error.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    pub kind: String,
    pub span: [usize; 2],
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub mention_span: Option<[usize; 2]>,
    #[serde(default)]
    pub mention: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub said_on: Option<NaiveDate>,
}

/// Loads every gold file given (with its text file, resolved beside it).
pub fn load_gold_files(paths: &[impl AsRef<Path>]) -> CoreResult<ReferenceSet> {
    let articles = paths
        .iter()
        .map(|path| load_gold_file(path.as_ref()))
        .collect::<CoreResult<Vec<_>>>()?;
    Ok(ReferenceSet {
        format: GOLD_FORMAT,
        convention: ReferenceConvention::CanonicalNames,
        kinds_derived: false,
        articles,
    })
}

/// Loads one gold file and the text file it names, and checks one against the other.
pub fn load_gold_file(path: &Path) -> CoreResult<ReferenceArticle> {
    let json = read_text_verbatim(path)?;
    let gold: GoldFile = serde_json::from_str(&json).map_err(|error| {
        CoreError::InvalidInput(format!(
            "{}: not a valid gold file: {error}",
            path.display()
        ))
    })?;
    let text_path = path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(&gold.text_file);
    let text = read_text_verbatim(&text_path)?;
    let name = Path::new(&gold.text_file)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or(&gold.text_file)
        .to_string();
    validate_gold(&gold, &text, name)
        .map_err(|message| CoreError::InvalidInput(format!("{}: {message}", path.display())))
}

/// Checks a parsed gold file against its text and turns it into a reference article.
/// Returns the first problem found as a message (the caller adds the file name).
pub fn validate_gold(
    gold: &GoldFile,
    text: &str,
    name: String,
) -> Result<ReferenceArticle, String> {
    if gold.format != GOLD_FORMAT {
        return Err(format!(
            "format is `{}`, expected `{GOLD_FORMAT}`",
            gold.format
        ));
    }
    if !GOLD_STYLES.contains(&gold.style.as_str()) {
        return Err(format!(
            "unknown style `{}` (expected one of: {})",
            gold.style,
            GOLD_STYLES.join(", ")
        ));
    }
    let mut claims = Vec::with_capacity(gold.claims.len());
    for (index, claim) in gold.claims.iter().enumerate() {
        let claim = validate_claim(claim, text)
            .map_err(|message| format!("claim {} ({:?}): {message}", index + 1, claim.text))?;
        claims.push(claim);
    }
    Ok(ReferenceArticle {
        name,
        text: text.to_string(),
        published: gold.published,
        claims,
    })
}

fn validate_claim(claim: &GoldClaim, text: &str) -> Result<ReferenceClaim, String> {
    let kind: ClaimKind = claim.kind.parse()?;
    let span = checked_span(claim.span, text, "span")?;
    if span.is_empty() {
        return Err("span is empty".into());
    }
    let sliced = span.slice(text);
    if sliced != claim.text {
        return Err(format!(
            "`text` differs from the text at span {}..{}, which reads {sliced:?}",
            span.start, span.end
        ));
    }
    let mention = match (claim.mention_span, &claim.mention) {
        (None, None) => Vec::new(),
        (Some(mention_span), Some(mention)) => {
            let mention_span = checked_span(mention_span, text, "mention_span")?;
            let sliced = mention_span.slice(text);
            if sliced != mention {
                return Err(format!(
                    "`mention` differs from the text at mention_span {}..{}, which reads {sliced:?}",
                    mention_span.start, mention_span.end
                ));
            }
            vec![mention_span]
        }
        (Some(_), None) => return Err("`mention_span` is given without `mention`".into()),
        (None, Some(_)) => return Err("`mention` is given without `mention_span`".into()),
    };
    if claim
        .speaker
        .as_deref()
        .is_some_and(|speaker| speaker.trim().is_empty())
    {
        return Err("`speaker` is blank; use null when no one is named".into());
    }
    Ok(ReferenceClaim {
        kind,
        kind_inferred: false,
        content: vec![span],
        speaker: claim.speaker.clone(),
        mention,
        cue: claim.cue.clone(),
        cue_spans: Vec::new(),
        said_on: claim.said_on,
    })
}

/// A `[start, end)` pair that lies inside `text` on character boundaries.
fn checked_span(pair: [usize; 2], text: &str, what: &str) -> Result<ByteSpan, String> {
    let [start, end] = pair;
    if start > end {
        return Err(format!("{what} {start}..{end} starts after it ends"));
    }
    if end > text.len() {
        return Err(format!(
            "{what} {start}..{end} runs past the end of the text ({} bytes)",
            text.len()
        ));
    }
    for offset in [start, end] {
        if !text.is_char_boundary(offset) {
            return Err(format!(
                "{what} {start}..{end}: byte {offset} is inside a character, not on a boundary"
            ));
        }
    }
    Ok(ByteSpan::new(start, end))
}
