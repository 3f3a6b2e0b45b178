//! The fuzzers' interesting inputs, replayed in the normal test suite without a fuzzer:
//! every file under `tests/data/fuzz-regressions/<target>/` goes through the same input
//! mapping and the same invariant checks as the fuzz target of that name (the checks are
//! `fuzz/src/invariants.rs`, included here by path). The files are a minimised corpus kept
//! from the fuzz runs reported in docs/RELIABILITY.md, plus every input that ever broke an
//! invariant.

#[path = "../../../../fuzz/src/invariants.rs"]
mod invariants;

use std::path::PathBuf;

use claimtrack_core::{ByteSpan, ExtractedClaim};

fn regression_inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz-regressions")
        .join(target);
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn every_kept_extraction_input_keeps_the_extraction_invariants() {
    let inputs = regression_inputs("extract_claims");
    assert!(inputs.len() >= 50, "only {} kept inputs", inputs.len());
    let mut claims = 0;
    for (path, bytes) in &inputs {
        let (text, published) = invariants::extraction_input(bytes);
        let extraction = invariants::check_extraction(&text, published)
            .unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
        claims += extraction.claims.len();
    }
    // The corpus is worth keeping only if it reaches the attribution rules.
    assert!(claims > 0, "no kept input produced a claim");
}

#[test]
fn every_kept_html_input_keeps_the_html_ingest_invariants() {
    let inputs = regression_inputs("html_ingest");
    assert!(inputs.len() >= 20, "only {} kept inputs", inputs.len());
    let mut drafts = 0;
    for (path, bytes) in &inputs {
        let draft = invariants::check_html_ingest(bytes)
            .unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
        drafts += usize::from(draft.is_some());
    }
    assert!(drafts > 0, "no kept page gave an article");
}

/// One way to break a claim that the checker must notice.
type BreakClaim = fn(&mut ExtractedClaim);

#[test]
fn the_invariant_checks_catch_broken_spans() {
    // The checker itself must be able to fail, or the tests above prove nothing.
    let text = "\"Bridges cost money,\" Mayor Petra Holm said on Tuesday.";
    let mut extraction = claimtrack_core::extract_claims(text, None);
    assert!(invariants::check_extraction_output(text, &extraction).is_ok());
    // The quote as a claim of two parts, "Bridges" and "cost money", which is valid.
    let mut original = extraction.claims[0].clone();
    let span = original.span;
    original.parts = vec![
        ByteSpan::new(span.start, span.start + 7),
        ByteSpan::new(span.start + 8, span.end),
    ];
    original.text = "Bridges cost money".into();
    extraction.claims[0] = original.clone();
    assert!(invariants::check_extraction_output(text, &extraction).is_ok());
    let cases: [(&str, BreakClaim); 6] = [
        ("span past the end", |claim| claim.span.end = 10_000),
        ("parts out of order", |claim| claim.parts.reverse()),
        ("overlapping parts", |claim| claim.parts[1].start -= 3),
        ("text not the parts", |claim| claim.text.push('!')),
        ("mention past the end", |claim| {
            claim.mention = Some(claimtrack_core::SpeakerMention {
                text: String::new(),
                span: ByteSpan::new(0, 10_000),
            })
        }),
        ("confidence out of range", |claim| claim.confidence = 1.5),
    ];
    for (what, break_it) in cases {
        let mut claim = original.clone();
        break_it(&mut claim);
        extraction.claims[0] = claim;
        assert!(
            invariants::check_extraction_output(text, &extraction).is_err(),
            "{what} was not caught"
        );
    }
    assert!(invariants::check_span("Café", ByteSpan::new(0, 4)).is_err());
}
