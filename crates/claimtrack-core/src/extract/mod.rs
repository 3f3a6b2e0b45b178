//! Claim extraction: a pure pipeline from article text to attributed claims. It does no
//! IO and never fails; whatever it cannot make sense of becomes a warning.
//!
//! The stages run in order, each in its own file, each reading the previous stages'
//! output: `segment` (paragraphs, tokens, sentences) -> `quotes` (quote marks paired
//! into quotations) -> `cues` (reporting verbs and phrases) -> `speakers` (the words
//! naming who speaks around a cue) -> `attribute` (quotations, cues and speakers joined
//! into claim drafts) -> `resolve` (mentions to canonical speakers) -> `dates` (when it
//! was said). `lexicon` holds the word lists they share.

mod attribute;
mod cues;
mod dates;
mod lexicon;
mod quotes;
mod resolve;
mod segment;
mod speakers;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ByteSpan, ExtractedClaim, SpeakerMention};

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
    let mut warnings = Vec::new();
    let (paragraphs, tokens) = segment::tokenize(text);
    let (quotations, inside_quotation) =
        quotes::find_quotations(text, &paragraphs, &tokens, &mut warnings);
    let sentences = segment::split_sentences(text, &paragraphs, &tokens, &inside_quotation);
    let mut sentence_of_token = vec![0; tokens.len()];
    let mut sentence_first_token = vec![0; tokens.len()];
    for (index, sentence) in sentences.iter().enumerate() {
        sentence_of_token[sentence.first_token..sentence.end_token].fill(index);
        sentence_first_token[sentence.first_token..sentence.end_token].fill(sentence.first_token);
    }
    let cues = cues::find_cues(text, &tokens, &inside_quotation);
    let document = attribute::Document {
        text,
        tokens: &tokens,
        paragraphs: &paragraphs,
        sentences: &sentences,
        sentence_of_token: &sentence_of_token,
        quotations: &quotations,
        inside_quotation: &inside_quotation,
        cues: &cues,
    };
    let drafts = attribute::attribute(&document);
    let mut resolver =
        resolve::Resolver::new(text, &tokens, &inside_quotation, &sentence_first_token);
    let speakers = resolver.resolve(&drafts);

    let mut claims: Vec<ExtractedClaim> = Vec::with_capacity(drafts.len());
    for (draft, speaker) in drafts.iter().zip(&speakers) {
        let said_on = date_of_draft(&document, draft, published).or_else(|| {
            // A quote that only continues the claim before it was said when that was.
            matches!(
                draft.speaker,
                attribute::SpeakerSource::ContinuesPreviousClaim
                    | attribute::SpeakerSource::SameAsPreviousInSentence
            )
            .then(|| claims.last().and_then(|previous| previous.said_on))
            .flatten()
        });
        let parts = trimmed_parts(text, &draft.parts);
        let Some(first) = parts.first() else { continue };
        let span = ByteSpan::new(first.start, parts[parts.len() - 1].end);
        let claim_text = parts
            .iter()
            .map(|part| part.slice(text))
            .collect::<Vec<_>>()
            .join(" ");
        let (name, speaker_type) = match (speaker.entity, &speaker.description) {
            (Some(entity), _) => (
                Some(resolver.entities[entity].canonical.clone()),
                resolver.entities[entity].kind,
            ),
            (None, Some((description, kind))) => (Some(description.clone()), *kind),
            (None, None) => (None, crate::model::SpeakerType::Unknown),
        };
        let mention = speaker.mention.map(|span| SpeakerMention {
            text: span.slice(text).to_string(),
            span,
        });
        let confidence = (draft.pattern_confidence * speaker.confidence).clamp(0.0, 1.0);
        claims.push(ExtractedClaim {
            kind: draft.kind,
            span,
            parts,
            text: claim_text,
            mention,
            speaker: name,
            speaker_type,
            speaker_role: speaker.role.clone(),
            cue: draft.cue.map(|cue| cue.span.slice(text).to_string()),
            cue_span: draft.cue.map(|cue| cue.span),
            said_on,
            confidence: (confidence * 100.0).round() / 100.0,
        });
    }
    Extraction { claims, warnings }
}

/// Trims trailing commas and colons that belong to the sentence, not to the words
/// (`"We will cut taxes," Keller said`), from the last part only: inner parts keep them
/// so the joined text still reads as the speaker said it.
fn trimmed_parts(text: &str, parts: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut trimmed: Vec<ByteSpan> = parts
        .iter()
        .copied()
        .filter(|part| !part.is_empty())
        .collect();
    if let Some(last) = trimmed.last_mut() {
        let content = last.slice(text);
        let kept = content.trim_end_matches([',', ':', ';', ' ', '\u{2014}', '\u{2013}']);
        if !kept.is_empty() {
            last.end = last.start + kept.len();
        }
    }
    trimmed
}

/// The date nearest the cue in the claim's sentence, outside the claim's own words.
fn date_of_draft(
    document: &attribute::Document<'_>,
    draft: &attribute::ClaimDraft,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let sentence = document.sentences.get(draft.sentence)?;
    let inside_claim = |index: usize| {
        let span = document.tokens[index].span;
        draft.parts.iter().any(|part| part.contains(span)) || document.inside_quotation[index]
    };
    let found = dates::find_dates(
        document.text,
        document.tokens,
        sentence.first_token,
        sentence.end_token,
        &inside_claim,
    );
    let anchor = draft.cue.map_or(draft.parts[0].start, |cue| cue.span.start);
    let nearest = found
        .iter()
        .min_by_key(|date| document.tokens[date.token].span.start.abs_diff(anchor))?;
    dates::resolve_date(nearest.mention, published)
}
