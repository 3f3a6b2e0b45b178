//! The evaluation harness: measures the extractor against human gold so that quality is
//! a number a build can defend, not an impression.
//!
//! A reference directory holds either ClaimTrack's own gold (`*.gold.json` files in the
//! `claimtrack-gold/1` format, read by [`gold`]) or brat standoff annotations (`*.ann`
//! beside `*.txt`, or PolNeAR's `text/` and `attributions/` folders, read by [`brat`]).
//! Both become the same [`ReferenceSet`]; the extractor runs on every article's text;
//! [`score`] matches its claims to the reference one-to-one and computes detection,
//! attribution and calibration figures; [`report`] prints them as text or JSON and checks
//! them against a floor of minimum figures.

pub mod brat;
pub mod gold;
pub mod report;
pub mod score;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{CoreError, CoreResult};
use crate::extract::extract_claims;
use crate::model::{ByteSpan, ClaimKind};

pub use report::{check_floor, load_floor, render_text_report, EvalFloor, FloorShortfall};
pub use score::{score_reference_set, EvalReport};

/// How the reference decides whether a matched claim's speaker and cue are right. The two
/// formats carry different evidence, so each is judged by what it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceConvention {
    /// ClaimTrack gold: the speaker is right when the canonical names are equal after
    /// normalisation; the cue is right when its words are equal ignoring case.
    CanonicalNames,
    /// Brat standoff (PolNeAR): there are no canonical names, so the speaker is right when
    /// the predicted mention overlaps the gold Source span (or both are absent), and the
    /// cue when the predicted cue overlaps the gold Cue span (or both are absent).
    MentionOverlap,
}

/// Every reference article of one directory, and how they are to be judged.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceSet {
    /// The directory's format as reported: `claimtrack-gold/1` or `brat`.
    pub format: &'static str,
    pub convention: ReferenceConvention,
    /// True when some claim kinds were inferred from the content's quote marks because
    /// the format has no kinds (PolNeAR); false when a human chose every kind.
    pub kinds_derived: bool,
    pub articles: Vec<ReferenceArticle>,
}

/// One article and the claims a human found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceArticle {
    /// The file name the article is known by in reports (the text file's stem).
    pub name: String,
    pub text: String,
    /// The publication date the reference gives, if any.
    pub published: Option<NaiveDate>,
    pub claims: Vec<ReferenceClaim>,
}

/// One gold claim: where its content is, who said it and how.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceClaim {
    pub kind: ClaimKind,
    /// True when no human chose the kind: it was inferred from the content's quote marks.
    pub kind_inferred: bool,
    /// The content's pieces in text order: one for ClaimTrack gold, one or more for brat
    /// annotations, whose spans may be discontinuous.
    pub content: Vec<ByteSpan>,
    /// The canonical speaker for ClaimTrack gold; the Source words for brat.
    pub speaker: Option<String>,
    /// The words naming the speaker, in pieces; empty when the text names no one here.
    pub mention: Vec<ByteSpan>,
    pub cue: Option<String>,
    /// The cue's pieces in the text; empty when the format gives only its words.
    pub cue_spans: Vec<ByteSpan>,
    pub said_on: Option<NaiveDate>,
}

/// Choices that change what the extractor is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EvalOptions {
    /// Give the extractor the reference's publication date (gold `published`, or
    /// PolNeAR's `metadata.tsv`), as the app has it when an analyst enters the metadata.
    /// Without it the extractor works as on pasted text with no date, so only dates that
    /// the text states in full can be right.
    pub published_from_gold: bool,
}

/// Loads the reference directory, runs the extractor on every article and scores it.
pub fn evaluate_directory(directory: &Path, options: &EvalOptions) -> CoreResult<EvalReport> {
    let reference = load_reference_directory(directory, options)?;
    let predictions: Vec<_> = reference
        .articles
        .iter()
        .map(|article| {
            let published = article.published.filter(|_| options.published_from_gold);
            extract_claims(&article.text, published).claims
        })
        .collect();
    Ok(score_reference_set(&reference, &predictions, options))
}

/// Reads a reference directory, recognising its format from the files it holds: gold JSON
/// files win; otherwise brat `.ann` files directly inside, or in an `attributions/` folder
/// beside a `text/` folder (PolNeAR's layout).
pub fn load_reference_directory(
    directory: &Path,
    options: &EvalOptions,
) -> CoreResult<ReferenceSet> {
    if !directory.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "{} is not a folder of gold files or brat annotations",
            directory.display()
        )));
    }
    let gold_files = files_ending_with(directory, ".gold.json")?;
    let flat_annotations = files_ending_with(directory, ".ann")?;
    if !gold_files.is_empty() && !flat_annotations.is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "{} holds both gold JSON files and brat .ann files; keep one format per folder",
            directory.display()
        )));
    }
    if !gold_files.is_empty() {
        return gold::load_gold_files(&gold_files);
    }
    if !flat_annotations.is_empty() {
        return brat::load_brat_flat(directory, &flat_annotations, options);
    }
    let attributions = directory.join("attributions");
    if attributions.is_dir() && directory.join("text").is_dir() {
        return brat::load_brat_polnear(directory, options);
    }
    Err(CoreError::InvalidInput(format!(
        "{} holds neither claimtrack-gold/1 files (*.gold.json) nor brat standoff (*.ann, or attributions/ beside text/)",
        directory.display()
    )))
}

/// The files directly in `directory` whose names end with `suffix`, sorted by name so
/// every run reads them in the same order.
pub(crate) fn files_ending_with(directory: &Path, suffix: &str) -> CoreResult<Vec<PathBuf>> {
    let entries = std::fs::read_dir(directory).map_err(|error| CoreError::io(directory, error))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| CoreError::io(directory, error))?
            .path();
        let matches = path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.ends_with(suffix));
        if matches && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The largest file the harness reads: far beyond any article, gold or annotation file,
/// small enough that a wrong path to a disk image fails at once instead of filling memory.
pub const LARGEST_REFERENCE_FILE: u64 = 64 * 1024 * 1024;

/// Reads a text file as it is on disk (no line-ending or byte-order-mark changes), so
/// offsets into it mean what the annotator meant. Invalid UTF-8 and files over
/// [`LARGEST_REFERENCE_FILE`] are refused by name.
pub(crate) fn read_text_verbatim(path: &Path) -> CoreResult<String> {
    let size = std::fs::metadata(path)
        .map_err(|error| CoreError::io(path, error))?
        .len();
    if size > LARGEST_REFERENCE_FILE {
        return Err(CoreError::InvalidInput(format!(
            "{}: {size} bytes is too large for a reference file (at most {LARGEST_REFERENCE_FILE})",
            path.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(|error| CoreError::io(path, error))?;
    String::from_utf8(bytes).map_err(|error| {
        CoreError::InvalidInput(format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        ))
    })
}
