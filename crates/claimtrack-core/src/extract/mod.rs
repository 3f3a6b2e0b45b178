//! Claim extraction: a pure pipeline from article text to attributed claims. It does no
//! IO and never fails; whatever it cannot make sense of becomes a warning.
//!
//! The stages run in order, each in its own file, each reading the previous stages'
//! output: `segment` (paragraphs, tokens, sentences) -> `quotes` (quote marks paired
//! into quotations) -> `cues` (reporting verbs and phrases) -> `speakers` (the words
//! naming who speaks around a cue) -> `attribute` (quotations, cues and speakers joined
//! into claim drafts) -> `tagger` (a learned model over `features` that finds the
//! attributions the rules miss and redraws reported-speech boundaries) -> `resolve`
//! (mentions to canonical speakers) -> `dates` and `occasions` (when it was said).
//! `lexicon` holds the word lists they share; `tagger_training` trains the learned stage.

mod attribute;
pub mod confidence_scaling;
mod cues;
mod dates;
mod features;
mod lexicon;
mod occasions;
mod quotes;
mod resolve;
mod segment;
mod speakers;
mod tagger;
pub mod tagger_training;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ByteSpan, ExtractedClaim, SpeakerMention, SpeakerType};

pub use tagger::{embedded_model, TaggerModel, TaggerSettings};

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
    extract_claims_with_tagger(text, published, tagger::embedded_model())
}

/// Extraction with a given learned model (`None`: the rules alone). The trainer and the
/// evaluation of a freshly trained model go through here; everything else uses
/// [`extract_claims`], which takes the model compiled into the build.
pub fn extract_claims_with_tagger(
    text: &str,
    published: Option<NaiveDate>,
    model: Option<&TaggerModel>,
) -> Extraction {
    extract_with_evidence(text, published, model).0
}

/// The earlier stages' output for one text, owned, so that extraction and training
/// build the same [`attribute::Document`].
pub(crate) struct Analysis {
    pub paragraphs: Vec<segment::Paragraph>,
    pub tokens: Vec<segment::Token>,
    pub quotations: Vec<quotes::Quotation>,
    pub inside_quotation: Vec<bool>,
    pub sentences: Vec<segment::Sentence>,
    pub sentence_of_token: Vec<usize>,
    pub sentence_first_token: Vec<usize>,
    pub cues: Vec<cues::Cue>,
    pub warnings: Vec<ExtractionWarning>,
}

impl Analysis {
    pub fn new(text: &str) -> Analysis {
        let mut warnings = Vec::new();
        let (paragraphs, tokens) = segment::tokenize(text);
        let (quotations, inside_quotation) =
            quotes::find_quotations(text, &paragraphs, &tokens, &mut warnings);
        let sentences = segment::split_sentences(text, &paragraphs, &tokens, &inside_quotation);
        // Written once each, in sentence order (sentences come in text order and do not
        // overlap), rather than zeroed first and filled after: tokens outside every
        // sentence read 0 as before.
        let mut sentence_of_token = Vec::with_capacity(tokens.len());
        let mut sentence_first_token = Vec::with_capacity(tokens.len());
        for (index, sentence) in sentences.iter().enumerate() {
            sentence_of_token.resize(sentence.first_token, 0);
            sentence_of_token.resize(sentence.end_token, index);
            sentence_first_token.resize(sentence.first_token, 0);
            sentence_first_token.resize(sentence.end_token, sentence.first_token);
        }
        sentence_of_token.resize(tokens.len(), 0);
        sentence_first_token.resize(tokens.len(), 0);
        let cues = cues::find_cues(text, &tokens, &inside_quotation);
        Analysis {
            paragraphs,
            tokens,
            quotations,
            inside_quotation,
            sentences,
            sentence_of_token,
            sentence_first_token,
            cues,
            warnings,
        }
    }

    pub fn document<'a>(&'a self, text: &'a str) -> attribute::Document<'a> {
        attribute::Document {
            text,
            tokens: &self.tokens,
            paragraphs: &self.paragraphs,
            sentences: &self.sentences,
            sentence_of_token: &self.sentence_of_token,
            quotations: &self.quotations,
            inside_quotation: &self.inside_quotation,
            cues: &self.cues,
        }
    }
}

/// Extraction, with each claim's calibration inputs beside it (for fitting the
/// calibration on the trainer's held-out predictions).
pub(crate) fn extract_with_evidence(
    text: &str,
    published: Option<NaiveDate>,
    model: Option<&TaggerModel>,
) -> (Extraction, Vec<Option<[f32; tagger::CALIBRATION_INPUTS]>>) {
    let analysis = Analysis::new(text);
    let document = analysis.document(text);
    let rule_drafts = attribute::attribute(&document);
    let (drafts, evidence) = match model {
        Some(model) => tagger::tag(&document, rule_drafts, model),
        None => {
            let evidence = vec![tagger::Evidence::rules(); rule_drafts.len()];
            (rule_drafts, evidence)
        }
    };
    let mut drafts = drafts;
    attribute::settle_speakers_after_tagging(&document, &mut drafts);
    // Reporters' questions and sources' requests not to be named go only now: before the
    // tagger ran, they kept it from finding the same words again through their cue.
    let mut not_claims = attribute::reporters_questions(&document, &drafts);
    for (dropped, draft) in not_claims.iter_mut().zip(&drafts) {
        *dropped |= attribute::asks_not_to_be_named(&document, draft);
    }
    // Most articles have none, and then the drafts stay as they are, with no new vectors.
    let (drafts, evidence): (Vec<_>, Vec<_>) = if not_claims.contains(&true) {
        drafts
            .into_iter()
            .zip(evidence)
            .zip(not_claims)
            .filter_map(|(pair, not_a_claim)| (!not_a_claim).then_some(pair))
            .unzip()
    } else {
        (drafts, evidence)
    };
    let mut resolver = resolve::Resolver::new(
        text,
        &analysis.tokens,
        &analysis.inside_quotation,
        &analysis.sentence_first_token,
    );
    let speakers = resolver.resolve(&drafts);
    let dating_speakers: Vec<occasions::DatingSpeaker> = speakers
        .iter()
        .map(|speaker| {
            let commentator = speaker
                .role
                .as_deref()
                .is_some_and(occasions::is_commentator_role);
            match (speaker.entity, &speaker.description) {
                (Some(entity), _) => occasions::DatingSpeaker {
                    key: Some(occasions::SpeakerKey::Entity(entity)),
                    name: Some(resolver.entities[entity].canonical.clone()),
                    commentator,
                    organisation: matches!(
                        resolver.entities[entity].kind,
                        SpeakerType::Organisation | SpeakerType::Country
                    ),
                    member_of: speaker.role.as_deref().and_then(occasions::member_of),
                },
                // A description ("the mill's manager") is no name to look for in a
                // sentence.
                (None, Some((description, _))) => occasions::DatingSpeaker {
                    key: Some(occasions::SpeakerKey::Description(description.clone())),
                    name: None,
                    commentator: commentator || occasions::is_commentator_role(description),
                    organisation: false,
                    member_of: occasions::member_of(description),
                },
                (None, None) => occasions::DatingSpeaker::default(),
            }
        })
        .collect();
    let said_on = occasions::said_on_dates(&document, &drafts, &dating_speakers, published);

    let mut claims: Vec<ExtractedClaim> = Vec::with_capacity(drafts.len());
    let mut inputs = Vec::with_capacity(drafts.len());
    for (index, ((draft, speaker), evidence)) in
        drafts.iter().zip(&speakers).zip(&evidence).enumerate()
    {
        let said_on = said_on[index];
        let parts = trimmed_parts(text, &draft.parts);
        let Some(first) = parts.first() else { continue };
        let span = ByteSpan::new(first.start, parts[parts.len() - 1].end);
        // The parts joined by spaces, written into one string of the right size.
        let mut claim_text = String::with_capacity(
            parts
                .iter()
                .map(|part| part.end - part.start + 1)
                .sum::<usize>(),
        );
        for (position, part) in parts.iter().enumerate() {
            if position > 0 {
                claim_text.push(' ');
            }
            claim_text.push_str(part.slice(text));
        }
        let (name, speaker_type) = match (speaker.entity, &speaker.description) {
            (Some(entity), _) => (
                Some(resolver.entities[entity].canonical.clone()),
                resolver.entities[entity].kind,
            ),
            (None, Some((description, kind))) => (Some(description.clone()), *kind),
            (None, None) => (None, SpeakerType::Unknown),
        };
        let mention = match speaker.mention {
            Some(span) => Some(SpeakerMention {
                text: span.slice(text).to_string(),
                span,
            }),
            // `..., adding that ...`: the words naming the previous claim's speaker in the
            // same sentence name this one's too; and a quote that goes on in the same voice
            // (`"...," said Caddell. "..."`) is named by the words that named its first
            // piece.
            None if matches!(
                draft.speaker,
                attribute::SpeakerSource::SameAsPreviousInSentence
                    | attribute::SpeakerSource::ContinuesPreviousClaim
            ) =>
            {
                claims
                    .last()
                    .filter(|previous| previous.speaker == name)
                    .and_then(|previous| previous.mention.clone())
            }
            None => None,
        };
        let confidence = confidence_scaling::rescale(tagger::confidence(
            model,
            evidence,
            draft,
            speaker.confidence,
        ))
        .clamp(0.0, 1.0);
        let claim_inputs = tagger::calibration_inputs(evidence, draft);
        let claim = ExtractedClaim {
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
        };
        // `Calder responded by noting that ...`: two cues can report the same words for
        // the same speaker; the analyst gets one claim, the one held more confidently.
        let same_claim = claim.speaker.is_some().then(|| {
            claims.iter().position(|earlier| {
                earlier.parts == claim.parts && earlier.speaker == claim.speaker
            })
        });
        match same_claim.flatten() {
            Some(earlier) if claims[earlier].confidence >= claim.confidence => {}
            Some(earlier) => {
                claims[earlier] = claim;
                inputs[earlier] = claim_inputs;
            }
            None => {
                claims.push(claim);
                inputs.push(claim_inputs);
            }
        }
    }
    let warnings = analysis.warnings;
    (Extraction { claims, warnings }, inputs)
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
        let kept = content.trim_end_matches([',', ':', ';', ' ', '-', '\u{2014}', '\u{2013}']);
        if !kept.is_empty() {
            last.end = last.start + kept.len();
        }
    }
    // `(The plan is dead, Madden said.)`: the opening bracket of a sentence set in brackets
    // is the writer's, unless the words close it themselves.
    let closes_a_bracket = trimmed.iter().any(|part| part.slice(text).contains(')'));
    if let Some(first) = trimmed.first_mut() {
        if !closes_a_bracket && first.slice(text).starts_with('(') && first.len() > 1 {
            first.start += 1;
        }
    }
    trimmed
}
