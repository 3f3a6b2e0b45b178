//! Web pages arrive as bytes in whatever encoding their site chose; this finds that
//! encoding the way browsers do and decodes the page to UTF-8 text.
//!
//! The order is the HTML standard's: a byte-order mark, then the charset of the HTTP
//! `Content-Type` header, then a `<meta charset>` or `<meta http-equiv="Content-Type">`
//! declaration near the top of the page. A page that declares nothing is read as UTF-8 when
//! its bytes are valid UTF-8 and as windows-1252 (what browsers assume for Western pages)
//! when they are not, so an old undeclared page still decodes to the characters its
//! author saw instead of failing.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::{too_large, MAX_ARTICLE_BYTES};
use crate::error::{CoreError, CoreResult};

/// How far into the page a `<meta>` charset declaration is looked for. The standard's
/// pre-scan reads 1,024 bytes; real pages often put a long comment or inline styles before
/// their meta tags, so this looks a little further.
const META_PRESCAN_BYTES: usize = 4096;

/// A page decoded to text, with the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedPage {
    pub text: String,
    /// The encoding's WHATWG name, such as `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
    /// Where the encoding came from: `bom`, `content-type`, `meta`, `utf-8 by content` or
    /// `windows-1252 fallback`.
    pub declared_by: &'static str,
}

/// Decodes a web page's bytes. `content_type` is the HTTP header when the page was fetched
/// (`None` for a saved file). Bytes that are invalid in the chosen encoding become U+FFFD,
/// as in a browser. Refuses empty, whitespace-only, oversized and binary input; `what`
/// names the page in error messages.
pub fn decode_html_bytes(
    bytes: &[u8],
    content_type: Option<&str>,
    what: &str,
) -> CoreResult<DecodedPage> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(what, bytes.len() as u64));
    }
    let (encoding, declared_by) = sniff_encoding(bytes, content_type);
    // decode() strips a BOM of the encoding it is given, and switches to the BOM's
    // encoding when there is one, which is the standard's rule as well.
    let (text, _, _) = encoding.decode(bytes);
    if let Some(offset) = text.find('\0') {
        return Err(CoreError::InvalidInput(format!(
            "{what} looks binary (a NUL character at offset {offset}); ClaimTrack imports web pages and plain text"
        )));
    }
    if text.trim().is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "{what} is empty or holds only whitespace"
        )));
    }
    Ok(DecodedPage {
        text: text.into_owned(),
        encoding: encoding.name(),
        declared_by,
    })
}

/// The encoding a page's bytes are in, and what said so.
pub fn sniff_encoding(
    bytes: &[u8],
    content_type: Option<&str>,
) -> (&'static Encoding, &'static str) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, "bom");
    }
    if let Some(encoding) = content_type
        .and_then(charset_parameter)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
    {
        return (encoding.output_encoding(), "content-type");
    }
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    if let Some(encoding) = meta_declared_encoding(head) {
        // A page cannot really be UTF-16 if its meta tag was readable as ASCII, so the
        // standard reads such a declaration as UTF-8; output_encoding() does exactly that.
        return (encoding.output_encoding(), "meta");
    }
    if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, "utf-8 by content")
    } else {
        (WINDOWS_1252, "windows-1252 fallback")
    }
}

/// The `charset=` parameter of a `Content-Type` value such as `text/html; charset=UTF-8`.
pub fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// Looks through the `<meta ...>` tags at the top of a page for a charset, both forms:
/// `<meta charset="windows-1252">` and
/// `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`.
///
/// Every encoding a page may declare in a meta tag is ASCII-compatible, so the tags can be
/// read byte by byte before anything is decoded; that is why this is not done with the
/// HTML parser, which needs text.
fn meta_declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"<meta") {
        let tag_start = from + found + b"<meta".len();
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |end| tag_start + end);
        let tag = &lower[tag_start..tag_end];
        if let Some(encoding) = charset_in_meta_tag(tag) {
            return Some(encoding);
        }
        from = tag_end;
    }
    None
}

/// The charset named inside one (lower-cased) meta tag's attributes, if any names a known
/// encoding.
fn charset_in_meta_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(found) = find(&tag[from..], b"charset") {
        let mut position = from + found + b"charset".len();
        from = position;
        while tag.get(position).is_some_and(u8::is_ascii_whitespace) {
            position += 1;
        }
        if tag.get(position) != Some(&b'=') {
            continue;
        }
        position += 1;
        while tag
            .get(position)
            .is_some_and(|byte| byte.is_ascii_whitespace() || *byte == b'"' || *byte == b'\'')
        {
            position += 1;
        }
        let label_end = tag[position..]
            .iter()
            .position(|byte| {
                byte.is_ascii_whitespace() || matches!(byte, b'"' | b'\'' | b';' | b'/' | b'>')
            })
            .map_or(tag.len(), |end| position + end);
        if let Some(encoding) = Encoding::for_label(&tag[position..label_end]) {
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
