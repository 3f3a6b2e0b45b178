//! Turning files, pasted text, saved web pages, URLs and feeds into article drafts the
//! store can keep, and storing many of them with a per-item report.
//!
//! What is stored is exactly what claim offsets index into, so the few changes made to a
//! text file happen here, once, before anything is extracted: a leading UTF-8 byte-order
//! mark is dropped and CRLF line ends become LF. (Offsets are therefore into the stored
//! text, not the file's bytes; `claimtrack extract` reads files without this step so its
//! offsets stay valid for the file.) Everything else is refused with a clear error rather
//! than guessed at: empty or whitespace-only text, binary data (NUL bytes), invalid UTF-8,
//! files over [`MAX_ARTICLE_BYTES`], and file types other than .txt, .md and .html.
//!
//! Web pages are different: their stored text is the article body found in the markup
//! ([`html`]), decoded from whatever encoding the page declares ([`encoding`]). Pages come
//! from files, from URLs ([`fetch`]) or from the entries of a feed ([`feed`]); folders
//! ([`folder`]) and URLs ([`web`]) are stored item by item with progress reports
//! ([`report`]), so one bad item never stops the rest.

pub mod encoding;
pub mod feed;
pub mod fetch;
pub mod folder;
pub mod html;
pub mod report;
pub mod store_access;
pub mod web;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};

pub use encoding::{decode_html_bytes, DecodedPage};
pub use feed::{fetch_feed, ingest_feed, ingest_feed_entries, parse_feed, Feed, FeedEntry};
pub use fetch::{
    draft_from_fetched_page, fetch_article_draft, fetch_article_draft_with_overrides,
    fetch_document, parse_http_url, FetchAccept, FetchFailure, FetchOptions, FetchedDocument,
    FetchedKind,
};
pub use folder::{collect_article_files, ingest_files};
pub use html::{draft_from_html, parse_html_article, BodyParagraph, HtmlArticle};
pub use report::{ImportItem, ImportReport, ImportResult, IngestProgress};
pub use store_access::StoreAccess;
pub use web::ingest_url;

/// The largest article text accepted, in bytes.
pub const MAX_ARTICLE_BYTES: usize = 20 * 1024 * 1024;

/// Titles taken from a text's first line are cut to this many characters: a file whose
/// first line is a whole paragraph should not get a paragraph for a title.
pub const MAX_DERIVED_TITLE_CHARS: usize = 200;

/// The file extensions imported as articles (compared case-insensitively).
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// The extensions read as web pages: their article text is found in the markup.
pub const HTML_EXTENSIONS: [&str; 2] = ["html", "htm"];

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

/// Metadata given by the user that takes precedence over what is derived from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftOverrides {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
}

/// True for paths ClaimTrack imports as articles (.txt, .md, .markdown, .html, .htm).
pub fn is_article_file(path: &Path) -> bool {
    lower_extension(path).is_some_and(|extension| ARTICLE_EXTENSIONS.contains(&extension.as_str()))
}

/// True for saved web pages (.html, .htm), whose article text is found in the markup.
pub fn is_html_file(path: &Path) -> bool {
    lower_extension(path).is_some_and(|extension| HTML_EXTENSIONS.contains(&extension.as_str()))
}

fn lower_extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
}

fn check_file_type(path: &Path) -> CoreResult<()> {
    if is_article_file(path) {
        return Ok(());
    }
    let message = match lower_extension(path) {
        None => format!("{}: a file without an extension is not imported; ClaimTrack imports .txt, .md and .html files", path.display()),
        Some(other) => format!("{}: .{other} files are not imported; ClaimTrack imports .txt, .md and .html files", path.display()),
    };
    Err(CoreError::InvalidInput(message))
}

/// Reads a file's bytes after the checks every article file gets: a known type, not a
/// folder, and not over [`MAX_ARTICLE_BYTES`] (checked from its size, before reading).
fn read_article_file_bytes(path: &Path) -> CoreResult<Vec<u8>> {
    check_file_type(path)?;
    let metadata = std::fs::metadata(path).map_err(|error| CoreError::io(path, error))?;
    if metadata.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "{} is a folder, not an article file",
            path.display()
        )));
    }
    if metadata.len() > MAX_ARTICLE_BYTES as u64 {
        return Err(too_large(&path.display().to_string(), metadata.len()));
    }
    std::fs::read(path).map_err(|error| CoreError::io(path, error))
}

/// Reads an article file into a draft.
///
/// A .txt or .md file: the title is the first non-empty line (without a markdown `#`
/// heading marker) unless `overrides.title` is given; the stored text is the whole file,
/// heading marker included, after [`decode_article_text`].
///
/// A saved web page (.html, .htm): decoded from its declared encoding, its article body
/// and metadata found by [`draft_from_html`]; `overrides` win over the page's metadata.
pub fn draft_from_file(path: &Path, overrides: &DraftOverrides) -> CoreResult<ArticleDraft> {
    let bytes = read_article_file_bytes(path)?;
    let what = path.display().to_string();
    let mut draft = if is_html_file(path) {
        let page = decode_html_bytes(&bytes, None, &what)?;
        draft_from_html(&page.text, None, overrides, &what)?
    } else {
        let text = decode_article_text(&bytes, &what)?;
        draft_with_derived_title(text, overrides)?
    };
    draft.source_path = Some(what);
    Ok(draft)
}

/// Reads a .txt or .md file with the same checks as [`draft_from_file`] but returns its
/// text exactly as in the file (BOM and CRLF kept), so offsets into it are offsets into the
/// file. For stateless extraction, where nothing is stored. Web pages are refused: the
/// text claims are found in is not the file's bytes, so offsets could not point into it.
pub fn read_article_file_verbatim(path: &Path) -> CoreResult<String> {
    if is_html_file(path) {
        return Err(CoreError::InvalidInput(format!(
            "{}: offsets from `extract` point into the file, which an HTML page's article text is not; store the page with `claimtrack ingest`, or save its text as .txt",
            path.display()
        )));
    }
    let bytes = read_article_file_bytes(path)?;
    Ok(check_article_bytes(&bytes, &path.display().to_string())?.to_string())
}

/// A draft from text pasted into the app: the stored text is `title`, a blank line, then
/// `body`, so the title is part of the text like a file's first line.
pub fn draft_from_pasted(
    title: &str,
    body: &str,
    overrides: &DraftOverrides,
) -> CoreResult<ArticleDraft> {
    let title = title.trim();
    if title.is_empty() {
        return Err(CoreError::InvalidInput(
            "the pasted article needs a title".into(),
        ));
    }
    if title.contains('\n') || title.contains('\r') {
        return Err(CoreError::InvalidInput(
            "the title must be a single line".into(),
        ));
    }
    let body = body.replace("\r\n", "\n");
    let body = body.trim();
    if body.is_empty() {
        return Err(CoreError::InvalidInput(
            "the pasted article text is empty".into(),
        ));
    }
    let text = format!("{title}\n\n{body}\n");
    let text = decode_article_text(text.as_bytes(), "the pasted text")?;
    let overrides = DraftOverrides {
        title: Some(title.to_string()),
        ..overrides.clone()
    };
    draft_with_derived_title(text, &overrides)
}

/// Checks raw bytes and turns them into the text that is stored: refuses oversize, binary,
/// invalid UTF-8 and empty input; drops a leading BOM; turns CRLF into LF. `what` names the
/// input in error messages.
pub fn decode_article_text(bytes: &[u8], what: &str) -> CoreResult<String> {
    let text = check_article_bytes(bytes, what)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(text.replace("\r\n", "\n"))
}

/// The checks of [`decode_article_text`] without its changes: the bytes as a `&str`.
pub fn check_article_bytes<'bytes>(bytes: &'bytes [u8], what: &str) -> CoreResult<&'bytes str> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(what, bytes.len() as u64));
    }
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Err(CoreError::InvalidInput(format!(
            "{what} looks binary (a NUL byte at offset {offset}); ClaimTrack imports plain text"
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        CoreError::InvalidInput(format!(
            "{what} is not valid UTF-8: the bytes at offset {} are not a UTF-8 character; save it as UTF-8 text",
            error.valid_up_to()
        ))
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "{what} is empty or holds only whitespace"
        )));
    }
    Ok(text)
}

/// The title a text would get: its first non-empty line, without a markdown heading
/// marker, cut to [`MAX_DERIVED_TITLE_CHARS`].
pub fn derive_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    let without_marker = match line.trim_start_matches('#') {
        rest if rest.len() < line.len()
            && (rest.is_empty() || rest.starts_with(char::is_whitespace)) =>
        {
            rest.trim()
        }
        _ => line,
    };
    let title = if without_marker.is_empty() {
        line
    } else {
        without_marker
    };
    let mut chars = title.chars();
    let cut: String = chars.by_ref().take(MAX_DERIVED_TITLE_CHARS).collect();
    Some(if chars.next().is_some() {
        format!("{}…", cut.trim_end())
    } else {
        cut
    })
}

fn draft_with_derived_title(text: String, overrides: &DraftOverrides) -> CoreResult<ArticleDraft> {
    let title = match tidy(&overrides.title) {
        Some(title) => title,
        None => derive_title(&text)
            .ok_or_else(|| CoreError::InvalidInput("the article text is empty".into()))?,
    };
    Ok(ArticleDraft {
        title,
        outlet: tidy(&overrides.outlet),
        url: tidy(&overrides.url),
        author: tidy(&overrides.author),
        published: overrides.published,
        source_path: None,
        text,
    })
}

pub(crate) fn tidy(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

pub(crate) fn too_large(what: &str, size: u64) -> CoreError {
    CoreError::InvalidInput(format!(
        "{what} is {:.1} MB; articles over {} MB are not imported",
        size as f64 / (1024.0 * 1024.0),
        MAX_ARTICLE_BYTES / (1024 * 1024)
    ))
}
