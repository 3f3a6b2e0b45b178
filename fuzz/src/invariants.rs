//! The properties extraction must keep on every input, checked by the fuzz targets and by the
//! core's `fuzz_regressions` test module (which includes this file by path, so the fuzzer and
//! the normal test suite check exactly the same things).
//!
//! Every span extraction returns (a claim's span, its parts, its speaker mention, its cue)
//! must lie inside the text on character boundaries, so slicing never panics; a claim's parts
//! must be non-empty, in order, without overlap, and exactly cover its span's ends; the
//! claim text must be its parts joined by single spaces; confidence must be a number in
//! [0, 1]; and running extraction twice on the same input must give the same output.
//!
//! HTML ingest (page bytes -> article draft, as a saved .html file is read) must also be
//! deterministic, refuse only with a one-line `invalid_input` error, and produce drafts the
//! store accepts (a title and a text that are not blank), whose text keeps every
//! extraction invariant.

use chrono::{Days, NaiveDate};
use claimtrack_core::ingest::{decode_html_bytes, draft_from_html, ArticleDraft, DraftOverrides};
use claimtrack_core::{extract_claims, ByteSpan, Extraction};

/// Turns fuzz bytes into the extractor's arguments: the bytes as text (invalid UTF-8 becomes
/// U+FFFD, as a lossy reader would produce), and a publication date taken from the first two
/// bytes when the first byte is odd, so relative dates are resolved on some inputs and left
/// unresolved on others.
pub fn extraction_input(data: &[u8]) -> (String, Option<NaiveDate>) {
    let text = String::from_utf8_lossy(data).into_owned();
    let published = match data {
        [first, second, ..] if first & 1 == 1 => {
            let offset = u64::from(u16::from_le_bytes([*first, *second]));
            NaiveDate::from_ymd_opt(1990, 1, 1)
                .and_then(|base| base.checked_add_days(Days::new(offset)))
        }
        _ => None,
    };
    (text, published)
}

/// Extracts twice and checks every invariant; returns the extraction, or a description of
/// the first broken invariant.
pub fn check_extraction(text: &str, published: Option<NaiveDate>) -> Result<Extraction, String> {
    let first = extract_claims(text, published);
    check_extraction_output(text, &first)?;
    let second = extract_claims(text, published);
    if first != second {
        return Err(format!(
            "extraction is not deterministic: {} claims and {} warnings the first time, {} and {} the second",
            first.claims.len(),
            first.warnings.len(),
            second.claims.len(),
            second.warnings.len()
        ));
    }
    Ok(first)
}

/// Checks the invariants of one extraction of `text` (everything but determinism).
pub fn check_extraction_output(text: &str, extraction: &Extraction) -> Result<(), String> {
    for (index, claim) in extraction.claims.iter().enumerate() {
        let context = |what: &str| {
            format!(
                "claim {index} ({:?} at {:?}): {what}",
                claim.kind, claim.span
            )
        };
        check_span(text, claim.span).map_err(|problem| context(&format!("span {problem}")))?;
        if claim.span.is_empty() {
            return Err(context("the span is empty"));
        }
        let (Some(first), Some(last)) = (claim.parts.first(), claim.parts.last()) else {
            return Err(context("the claim has no parts"));
        };
        if first.start != claim.span.start || last.end != claim.span.end {
            return Err(context(&format!(
                "the parts run {}..{}, not from the span's start to its end",
                first.start, last.end
            )));
        }
        for (part_index, part) in claim.parts.iter().enumerate() {
            check_span(text, *part)
                .map_err(|problem| context(&format!("part {part_index} {problem}")))?;
            if part.is_empty() {
                return Err(context(&format!("part {part_index} is empty")));
            }
            if !claim.span.contains(*part) {
                return Err(context(&format!(
                    "part {part_index} {part:?} lies outside the span"
                )));
            }
        }
        for (part_index, pair) in claim.parts.windows(2).enumerate() {
            if pair[0].end > pair[1].start {
                return Err(context(&format!(
                    "parts {part_index} and {} are out of order or overlap: {:?} then {:?}",
                    part_index + 1,
                    pair[0],
                    pair[1]
                )));
            }
        }
        let joined = claim
            .parts
            .iter()
            .map(|part| part.slice(text))
            .collect::<Vec<_>>()
            .join(" ");
        if claim.text != joined {
            return Err(context(&format!(
                "the claim text {:?} is not its parts joined by spaces ({joined:?})",
                claim.text
            )));
        }
        if let Some(mention) = &claim.mention {
            check_span(text, mention.span)
                .map_err(|problem| context(&format!("mention {problem}")))?;
            if mention.text != mention.span.slice(text) {
                return Err(context("the mention text is not the text at its span"));
            }
        }
        match (&claim.cue, claim.cue_span) {
            (Some(cue), Some(span)) => {
                check_span(text, span).map_err(|problem| context(&format!("cue {problem}")))?;
                if cue != span.slice(text) {
                    return Err(context("the cue text is not the text at its span"));
                }
            }
            (None, None) => {}
            _ => {
                return Err(context(
                    "the cue and its span are not both present or both absent",
                ))
            }
        }
        if !(claim.confidence.is_finite() && (0.0..=1.0).contains(&claim.confidence)) {
            return Err(context(&format!(
                "confidence {} is not in [0, 1]",
                claim.confidence
            )));
        }
    }
    for warning in &extraction.warnings {
        if warning.at > text.len() {
            return Err(format!(
                "warning `{}` points at offset {}, past the end of the text ({} bytes)",
                warning.message,
                warning.at,
                text.len()
            ));
        }
    }
    Ok(())
}

/// A span can index `text`: start not after end, end inside the text, both on character
/// boundaries.
pub fn check_span(text: &str, span: ByteSpan) -> Result<(), String> {
    if span.start > span.end {
        return Err(format!("{span:?} starts after it ends"));
    }
    if span.end > text.len() {
        return Err(format!(
            "{span:?} runs past the end of the text ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{span:?} cuts a multi-byte character"));
    }
    Ok(())
}

/// Page bytes to a draft exactly as `draft_from_file` reads a saved .html page, with the
/// error as text so two runs can be compared.
fn html_draft(data: &[u8]) -> Result<ArticleDraft, (String, String)> {
    let what = "the fuzzed page";
    decode_html_bytes(data, None, what)
        .and_then(|page| draft_from_html(&page.text, None, &DraftOverrides::default(), what))
        .map_err(|error| (error.kind().to_string(), error.to_string()))
}

/// Reads `data` as a saved web page twice and checks every invariant of HTML ingest and of
/// extraction on the draft's text. Returns the draft, if the page gave one.
pub fn check_html_ingest(data: &[u8]) -> Result<Option<ArticleDraft>, String> {
    let first = html_draft(data);
    if first != html_draft(data) {
        return Err("HTML ingest is not deterministic".into());
    }
    let draft = match first {
        Ok(draft) => draft,
        Err((kind, message)) => {
            if kind != "invalid_input" || message.trim().is_empty() || message.contains('\n') {
                return Err(format!(
                    "a page was refused with a `{kind}` error: {message:?}"
                ));
            }
            return Ok(None);
        }
    };
    if draft.title.trim().is_empty() {
        return Err("the draft has a blank title, which the store refuses".into());
    }
    if draft.text.trim().is_empty() {
        return Err("the draft has a blank text, which the store refuses".into());
    }
    if draft.text.contains('\0') {
        return Err("the draft text holds a NUL character".into());
    }
    check_extraction(&draft.text, draft.published)?;
    Ok(Some(draft))
}
