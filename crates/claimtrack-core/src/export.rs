//! CSV export of reviewed claims, safe to open in Excel and LibreOffice.
//!
//! The file is RFC 4180 CSV (comma separated, CRLF line ends, fields quoted when needed),
//! UTF-8, with a byte-order mark when `excel` is set so Excel detects the encoding. The
//! header is fixed and always in this order (see [`CSV_HEADER`]):
//!
//! `claim_id, article_title, outlet, url, published, speaker, speaker_type, speaker_role,
//! kind, claim_text, cue, claim_date, status, reviewed_at, start, end`
//!
//! Dates are ISO 8601 (`published` and `claim_date` as YYYY-MM-DD, `reviewed_at` as
//! RFC 3339 UTC); `start`/`end` are byte offsets of the claim in the stored article text.
//! Any text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//! `@`, tab, carriage return, line feed, or a full-width or other compatibility form of the
//! first four; see [`FORMULA_TRIGGERS`]) is prefixed with a single quote `'`. The file is
//! written to a temp file beside the target and renamed into place, so a reader never sees
//! half a CSV.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};
use crate::store::{ArticleSummary, ClaimFilter, ReviewStatus, Store};

/// The export's columns, in order. Part of the contract with analysts' spreadsheets.
pub const CSV_HEADER: [&str; 16] = [
    "claim_id",
    "article_title",
    "outlet",
    "url",
    "published",
    "speaker",
    "speaker_type",
    "speaker_role",
    "kind",
    "claim_text",
    "cue",
    "claim_date",
    "status",
    "reviewed_at",
    "start",
    "end",
];

/// The characters that make a spreadsheet treat a cell as a formula: `=`, `+`, `-`, `@`,
/// tab, carriage return and line feed, and every character that Unicode compatibility
/// normalisation (NFKC) turns into one of the first four (full-width, small, superscript and
/// subscript forms), because some spreadsheets normalise before they parse a cell.
pub const FORMULA_TRIGGERS: [char; 20] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    '\u{FE66}', '\u{FE62}', '\u{FE63}', '\u{FE6B}', '\u{207C}', '\u{207A}', '\u{208C}', '\u{208A}',
    '\u{FB29}',
];

/// Which claims to export and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// The claims to export; paging fields are honoured too.
    pub filter: ClaimFilter,
    /// Start the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub excel: bool,
}

impl Default for ExportOptions {
    /// Verified claims only: what analysts publish is what they checked.
    fn default() -> ExportOptions {
        ExportOptions {
            filter: ClaimFilter {
                status: Some(ReviewStatus::Verified),
                ..Default::default()
            },
            excel: false,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportReport {
    pub path: PathBuf,
    pub rows: usize,
}

/// Prefixes `'` to a cell a spreadsheet would otherwise evaluate as a formula.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes the CSV for `options` to `writer`. Returns the number of claim rows.
pub fn write_claims_csv<W: Write>(
    store: &Store,
    writer: W,
    options: &ExportOptions,
) -> CoreResult<usize> {
    let articles: HashMap<i64, ArticleSummary> = store
        .list_articles()?
        .into_iter()
        .map(|article| (article.id, article))
        .collect();
    let claims = store.list_claims(&options.filter)?;
    let mut writer = writer;
    if options.excel {
        writer
            .write_all("\u{feff}".as_bytes())
            .map_err(|error| CoreError::Csv(error.into()))?;
    }
    let mut csv_writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(writer);
    csv_writer.write_record(CSV_HEADER)?;
    for claim in &claims {
        let article = articles.get(&claim.article_id);
        let text = |value: Option<&str>| neutralise_formula(value.unwrap_or_default()).into_owned();
        let date = |value: Option<chrono::NaiveDate>| {
            value
                .map(|date| date.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        let record: [String; 16] = [
            claim.id.to_string(),
            text(Some(&claim.article_title)),
            text(article.and_then(|article| article.outlet.as_deref())),
            text(article.and_then(|article| article.url.as_deref())),
            date(article.and_then(|article| article.published)),
            text(claim.speaker.as_deref()),
            claim.speaker_type.as_str().to_string(),
            text(claim.speaker_role.as_deref()),
            claim.kind.as_str().to_string(),
            text(Some(&claim.text)),
            text(claim.cue.as_deref()),
            date(claim.date),
            claim.status.as_str().to_string(),
            text(claim.reviewed_at.as_deref()),
            claim.start.to_string(),
            claim.end.to_string(),
        ];
        csv_writer.write_record(&record)?;
    }
    csv_writer
        .flush()
        .map_err(|error| CoreError::Csv(error.into()))?;
    Ok(claims.len())
}

/// Exports to the file at `path`, replacing it only once the whole CSV is written and
/// synced: on any failure the previous file (if any) is untouched and no temp file remains.
pub fn export_claims_csv(
    store: &Store,
    path: impl AsRef<Path>,
    options: &ExportOptions,
) -> CoreResult<ExportReport> {
    let path = path.as_ref();
    if path.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "{} is a folder; give a file name for the CSV",
            path.display()
        )));
    }
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !directory.is_dir() {
        return Err(CoreError::io(
            &directory,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the folder for the CSV does not exist",
            ),
        ));
    }
    // The temp file lives in the target's folder so the final rename stays on one file
    // system and is atomic; it is deleted automatically if anything below fails.
    let temp = tempfile::Builder::new()
        .prefix(".claimtrack-export-")
        .suffix(".csv.tmp")
        .tempfile_in(&directory)
        .map_err(|error| CoreError::io(&directory, error))?;
    let rows = write_claims_csv(store, std::io::BufWriter::new(temp.as_file()), options)?;
    temp.as_file()
        .sync_all()
        .map_err(|error| CoreError::io(temp.path(), error))?;
    temp.persist(path)
        .map_err(|error| CoreError::io(path, error.error))?;
    Ok(ExportReport {
        path: path.to_path_buf(),
        rows,
    })
}
