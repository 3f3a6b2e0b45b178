//! Fetching a page or a feed over HTTP(S), with a clear error for every way it can fail.
//!
//! A blocking client (ureq over rustls with bundled root certificates: no OpenSSL, no
//! async runtime) is enough here: imports run one page at a time, on the CLI's thread or a
//! background task of the desktop app. Redirects are followed here rather than by the
//! client so that each hop's scheme is checked (a redirect to `file:` is refused), their
//! number is capped, and the final address is known. Every request has a time limit, and
//! a body larger than [`FetchOptions::max_bytes`] is refused (from `Content-Length` before
//! reading, or while reading when the server does not say).

use std::fmt;
use std::time::Duration;

use super::html::draft_from_html;
use super::{decode_html_bytes, ArticleDraft, DraftOverrides, MAX_ARTICLE_BYTES};
use crate::error::{CoreError, CoreResult};

/// How long one request may take by default, from connecting to the last body byte.
pub const DEFAULT_FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// How many redirects are followed by default before giving up.
pub const DEFAULT_MAX_REDIRECTS: u32 = 5;

/// How pages and feeds are fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// The time limit of each request (each redirect hop gets its own).
    pub timeout: Duration,
    /// The largest body accepted, after decompression.
    pub max_bytes: usize,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            timeout: DEFAULT_FETCH_TIMEOUT,
            max_bytes: MAX_ARTICLE_BYTES,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            user_agent: format!(
                "ClaimTrack/{} (news claim review)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// What the caller can use from an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchAccept {
    Html,
    Feed,
    HtmlOrFeed,
}

impl FetchAccept {
    fn header(self) -> &'static str {
        match self {
            FetchAccept::Html => "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            FetchAccept::Feed => {
                "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
            }
            FetchAccept::HtmlOrFeed => {
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"
            }
        }
    }
}

/// What a fetched body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchedKind {
    Html,
    Feed,
}

/// A successfully fetched page or feed.
#[derive(Debug, Clone)]
pub struct FetchedDocument {
    /// The address as given.
    pub requested_url: String,
    /// The address after redirects, which relative links resolve against.
    pub final_url: String,
    pub content_type: Option<String>,
    pub kind: FetchedKind,
    pub bytes: Vec<u8>,
}

/// Why a fetch failed. [`FetchFailure::code`] names the case for programs; the message
/// says what happened in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchFailure {
    InvalidUrl(String),
    UnsupportedScheme(String),
    HostNotFound(String),
    ConnectionRefused(String),
    Connect { host: String, detail: String },
    Tls(String),
    Timeout(Duration),
    HttpStatus { code: u16, reason: String },
    TooManyRedirects(u32),
    BadRedirect(String),
    NotHtml(String),
    NotAFeed(String),
    TooLarge { limit: usize },
    Other(String),
}

impl FetchFailure {
    /// A stable name for the case: `invalid_url`, `unsupported_scheme`, `dns`,
    /// `connection_refused`, `connect`, `tls`, `timeout`, `http_status`,
    /// `too_many_redirects`, `bad_redirect`, `not_html`, `not_a_feed`, `too_large`, `other`.
    pub fn code(&self) -> &'static str {
        match self {
            FetchFailure::InvalidUrl(_) => "invalid_url",
            FetchFailure::UnsupportedScheme(_) => "unsupported_scheme",
            FetchFailure::HostNotFound(_) => "dns",
            FetchFailure::ConnectionRefused(_) => "connection_refused",
            FetchFailure::Connect { .. } => "connect",
            FetchFailure::Tls(_) => "tls",
            FetchFailure::Timeout(_) => "timeout",
            FetchFailure::HttpStatus { .. } => "http_status",
            FetchFailure::TooManyRedirects(_) => "too_many_redirects",
            FetchFailure::BadRedirect(_) => "bad_redirect",
            FetchFailure::NotHtml(_) => "not_html",
            FetchFailure::NotAFeed(_) => "not_a_feed",
            FetchFailure::TooLarge { .. } => "too_large",
            FetchFailure::Other(_) => "other",
        }
    }
}

impl fmt::Display for FetchFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchFailure::InvalidUrl(detail) => write!(f, "not a valid web address ({detail})"),
            FetchFailure::UnsupportedScheme(scheme) => write!(
                f,
                "only http:// and https:// addresses can be fetched, not {scheme}:"
            ),
            FetchFailure::HostNotFound(host) => {
                write!(f, "the host {host} was not found (DNS lookup failed)")
            }
            FetchFailure::ConnectionRefused(host) => {
                write!(
                    f,
                    "{host} refused the connection (no server is listening there)"
                )
            }
            FetchFailure::Connect { host, detail } => {
                write!(f, "the connection to {host} failed: {detail}")
            }
            FetchFailure::Tls(detail) => {
                write!(f, "the secure (TLS) connection failed: {detail}")
            }
            FetchFailure::Timeout(limit) => write!(
                f,
                "timed out: no complete answer within {:.1} s",
                limit.as_secs_f64()
            ),
            FetchFailure::HttpStatus { code, reason } => {
                write!(f, "the server answered HTTP {code} {reason}")
            }
            FetchFailure::TooManyRedirects(limit) => {
                write!(f, "too many redirects (more than {limit})")
            }
            FetchFailure::BadRedirect(detail) => write!(f, "a redirect was refused: {detail}"),
            FetchFailure::NotHtml(content_type) => {
                write!(f, "the address holds {content_type}, not an HTML page")
            }
            FetchFailure::NotAFeed(content_type) => {
                write!(
                    f,
                    "the address holds {content_type}, not an RSS or Atom feed"
                )
            }
            FetchFailure::TooLarge { limit } => {
                write!(
                    f,
                    "the page is larger than the {} limit",
                    human_size(*limit)
                )
            }
            FetchFailure::Other(detail) => write!(f, "{detail}"),
        }
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

fn fetch_error(url: &str, failure: FetchFailure) -> CoreError {
    CoreError::Fetch {
        url: url.to_string(),
        failure,
    }
}

/// Parses an address and refuses anything but http and https.
pub fn parse_http_url(text: &str) -> Result<url::Url, FetchFailure> {
    let url = url::Url::parse(text.trim())
        .map_err(|error| FetchFailure::InvalidUrl(error.to_string()))?;
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(FetchFailure::UnsupportedScheme(other.to_string())),
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FetchFailure::InvalidUrl("it names no host".into()));
    }
    Ok(url)
}

/// Fetches a page and turns it into a draft (see [`draft_from_html`]). The draft's URL is
/// the page's canonical address, else the address after redirects; its `source_path` is
/// the address as given.
pub fn fetch_article_draft(url: &str, options: &FetchOptions) -> CoreResult<ArticleDraft> {
    fetch_article_draft_with_overrides(url, options, &DraftOverrides::default())
}

/// [`fetch_article_draft`] with metadata given by the user, which wins over the page's.
pub fn fetch_article_draft_with_overrides(
    url: &str,
    options: &FetchOptions,
    overrides: &DraftOverrides,
) -> CoreResult<ArticleDraft> {
    let document = fetch_document(url, options, FetchAccept::Html)?;
    draft_from_fetched_page(&document, overrides)
}

/// A draft from a fetched HTML page.
pub fn draft_from_fetched_page(
    document: &FetchedDocument,
    overrides: &DraftOverrides,
) -> CoreResult<ArticleDraft> {
    let page = decode_html_bytes(
        &document.bytes,
        document.content_type.as_deref(),
        &document.requested_url,
    )?;
    let mut draft = draft_from_html(
        &page.text,
        Some(&document.final_url),
        overrides,
        &document.requested_url,
    )?;
    draft.source_path = Some(document.requested_url.clone());
    Ok(draft)
}

/// Fetches `url`, following up to `options.max_redirects` redirects, and returns the body
/// if it is what `accept` asks for. Every failure is a [`CoreError::Fetch`] naming `url`.
pub fn fetch_document(
    url: &str,
    options: &FetchOptions,
    accept: FetchAccept,
) -> CoreResult<FetchedDocument> {
    let fail = |failure| fetch_error(url, failure);
    let mut current = parse_http_url(url).map_err(fail)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(options.user_agent.as_str())
        .build()
        .into();
    let mut redirects = 0;
    loop {
        let response = agent
            .get(current.as_str())
            .header("Accept", accept.header())
            .call()
            .map_err(|error| fail(classify_error(error, &current, options)))?;
        let status = response.status();
        if status.is_redirection() && status.as_u16() != 304 {
            let location = response
                .headers()
                .get("location")
                .and_then(|value| value.to_str().ok())
                .map(str::to_string);
            let Some(location) = location else {
                return Err(fail(FetchFailure::BadRedirect(format!(
                    "HTTP {} without a Location header",
                    status.as_u16()
                ))));
            };
            if redirects >= options.max_redirects {
                return Err(fail(FetchFailure::TooManyRedirects(options.max_redirects)));
            }
            redirects += 1;
            let next = current.join(&location).map_err(|error| {
                fail(FetchFailure::BadRedirect(format!(
                    "`{location}` is not a valid address ({error})"
                )))
            })?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(fail(FetchFailure::BadRedirect(format!(
                    "to {next}: only http and https redirects are followed"
                ))));
            }
            current = next;
            continue;
        }
        if !status.is_success() {
            return Err(fail(FetchFailure::HttpStatus {
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or_default().to_string(),
            }));
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty());
        let declared_kind =
            kind_from_content_type(content_type.as_deref(), accept).map_err(fail)?;
        let declared_length = response
            .headers()
            .get("content-length")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok());
        if declared_length.is_some_and(|length| length > options.max_bytes as u64) {
            return Err(fail(FetchFailure::TooLarge {
                limit: options.max_bytes,
            }));
        }
        let bytes = response
            .into_body()
            .with_config()
            .limit(options.max_bytes as u64)
            .read_to_vec()
            .map_err(|error| fail(classify_error(error, &current, options)))?;
        let kind = match declared_kind {
            Some(kind) => kind,
            None => sniff_kind(&bytes, content_type.as_deref(), accept).map_err(fail)?,
        };
        return Ok(FetchedDocument {
            requested_url: url.trim().to_string(),
            final_url: current.to_string(),
            content_type,
            kind,
            bytes,
        });
    }
}

/// What the `Content-Type` says the body is: `Ok(None)` when the body must be looked at
/// (no header, or generic XML that may be a feed or XHTML), an error when it is something
/// the caller cannot use, so that a PDF is refused before it is downloaded.
fn kind_from_content_type(
    content_type: Option<&str>,
    accept: FetchAccept,
) -> Result<Option<FetchedKind>, FetchFailure> {
    let Some(content_type) = content_type else {
        return Ok(None);
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let kind = match essence.as_str() {
        "text/html" | "application/xhtml+xml" => FetchedKind::Html,
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => FetchedKind::Feed,
        "application/xml" | "text/xml" => return Ok(None),
        _ => return Err(unusable(content_type, accept)),
    };
    check_accepted(kind, content_type, accept).map(Some)
}

/// The root elements of RSS 2.0, Atom and RSS 1.0 documents.
const FEED_ROOTS: &[&str] = &["<rss", "<feed", "<rdf:rdf"];

/// How a page without a doctype or `<html>` tag may still open.
const HTML_OPENINGS: &[&str] = &[
    "<head", "<body", "<meta", "<title", "<article", "<p", "<div",
];

/// Decides from the first bytes whether an undeclared or generic-XML body is a page or a
/// feed.
fn sniff_kind(
    bytes: &[u8],
    content_type: Option<&str>,
    accept: FetchAccept,
) -> Result<FetchedKind, FetchFailure> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    let described = content_type.unwrap_or("content without a Content-Type");
    let opens_as_html = start.starts_with("<!doctype html") || start.starts_with("<html");
    let kind = if opens_as_html {
        FetchedKind::Html
    } else if FEED_ROOTS.iter().any(|root| head.contains(root)) {
        FetchedKind::Feed
    } else if head.contains("<html") || HTML_OPENINGS.iter().any(|tag| start.starts_with(tag)) {
        FetchedKind::Html
    } else {
        return Err(unusable(described, accept));
    };
    check_accepted(kind, described, accept)
}

fn check_accepted(
    kind: FetchedKind,
    content_type: &str,
    accept: FetchAccept,
) -> Result<FetchedKind, FetchFailure> {
    match (kind, accept) {
        (FetchedKind::Html, FetchAccept::Feed) => {
            Err(FetchFailure::NotAFeed(content_type.to_string()))
        }
        (FetchedKind::Feed, FetchAccept::Html) => {
            Err(FetchFailure::NotHtml(content_type.to_string()))
        }
        _ => Ok(kind),
    }
}

fn unusable(content_type: &str, accept: FetchAccept) -> FetchFailure {
    match accept {
        FetchAccept::Feed => FetchFailure::NotAFeed(content_type.to_string()),
        FetchAccept::Html | FetchAccept::HtmlOrFeed => {
            FetchFailure::NotHtml(content_type.to_string())
        }
    }
}

/// Names a client error in the user's terms.
fn classify_error(error: ureq::Error, url: &url::Url, options: &FetchOptions) -> FetchFailure {
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        _ => url.to_string(),
    };
    match error {
        ureq::Error::Timeout(_) => FetchFailure::Timeout(options.timeout),
        ureq::Error::HostNotFound => FetchFailure::HostNotFound(host_name(url)),
        ureq::Error::BodyExceedsLimit(_) => FetchFailure::TooLarge {
            limit: options.max_bytes,
        },
        ureq::Error::TooManyRedirects => FetchFailure::TooManyRedirects(options.max_redirects),
        ureq::Error::BadUri(detail) => FetchFailure::InvalidUrl(detail),
        ureq::Error::ConnectionFailed => FetchFailure::Connect {
            host,
            detail: "no address of the host could be reached".into(),
        },
        ureq::Error::Tls(detail) => FetchFailure::Tls(detail.to_string()),
        ureq::Error::Pem(detail) => FetchFailure::Tls(format!("{detail:?}")),
        ureq::Error::Rustls(detail) => FetchFailure::Tls(detail.to_string()),
        ureq::Error::StatusCode(code) => FetchFailure::HttpStatus {
            code,
            reason: http_reason(code),
        },
        ureq::Error::Protocol(detail) => {
            FetchFailure::Other(format!("the server's answer is not valid HTTP ({detail})"))
        }
        ureq::Error::Decompress(_, detail) => FetchFailure::Other(format!(
            "the compressed page could not be unpacked ({detail})"
        )),
        ureq::Error::Io(io_error) => classify_io_error(io_error, url, host, options),
        other => FetchFailure::Other(other.to_string()),
    }
}

fn classify_io_error(
    error: std::io::Error,
    url: &url::Url,
    host: String,
    options: &FetchOptions,
) -> FetchFailure {
    use std::io::ErrorKind;
    let message = error.to_string();
    match error.kind() {
        ErrorKind::ConnectionRefused => FetchFailure::ConnectionRefused(host),
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchFailure::Timeout(options.timeout),
        // rustls reports a failed handshake as invalid data on the stream.
        ErrorKind::InvalidData
            if message.to_ascii_lowercase().contains("tls") || url.scheme() == "https" =>
        {
            FetchFailure::Tls(message)
        }
        // The standard library reports a failed name lookup as an uncategorised error
        // whose message starts this way on every platform it supports.
        _ if message.contains("failed to lookup address") => {
            FetchFailure::HostNotFound(host_name(url))
        }
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::UnexpectedEof
        | ErrorKind::BrokenPipe => FetchFailure::Connect {
            host,
            detail: format!("the server closed the connection ({message})"),
        },
        ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable | ErrorKind::NetworkDown => {
            FetchFailure::Connect {
                host,
                detail: message,
            }
        }
        _ => FetchFailure::Other(message),
    }
}

fn host_name(url: &url::Url) -> String {
    url.host_str().unwrap_or_default().to_string()
}

fn http_reason(code: u16) -> String {
    ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or_default()
        .to_string()
}
