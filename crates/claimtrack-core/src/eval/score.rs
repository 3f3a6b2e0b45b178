//! Scoring: matches the extractor's claims to the reference claims and turns the matches
//! into detection, attribution and calibration figures, and a list of every error with
//! the sentence it sits in.
//!
//! Matching is one-to-one and greedy, the convention of the PolNeAR README. Content is
//! compared after trimming whitespace and punctuation (quote marks included) from both
//! ends of every piece, so conventions on final punctuation never decide a match. Three
//! criteria are scored, each with its own matching:
//!
//! - `exact`: the trimmed contents are the same characters;
//! - `overlap_80` / `overlap_30`: the prediction covers more than 80% / 30% of the gold
//!   content's characters (or matches exactly).
//!
//! Among the eligible pairs, exact ones are taken first, then pairs in decreasing order
//! of overlap measured as intersection over union (so a long prediction does not win over
//! a better-fitting one merely by covering more), ties going to the earlier claims. The
//! headline `precision`, `recall` and `f1` are the exact figures. Speaker, cue, date and
//! kind accuracy, the error list and calibration all use the `overlap_30` matching: a claim
//! found with slightly different boundaries is still judged on who said it.
//!
//! Overall figures match claims whatever their kinds; per-kind recall counts the gold
//! claims of that kind that were found, per-kind precision the predicted claims of that
//! kind that were right, so a direct quote reported as mixed costs only kind accuracy.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{EvalOptions, ReferenceArticle, ReferenceClaim, ReferenceConvention, ReferenceSet};
use crate::model::{ByteSpan, ClaimKind, ExtractedClaim};

/// Everything one evaluation measured. Serialised as the `eval --format json` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// `claimtrack-gold/1` or `brat`.
    pub format: &'static str,
    pub convention: ReferenceConvention,
    /// True when gold kinds were inferred from quote marks (brat has no kinds).
    pub kinds_derived: bool,
    pub published_from_gold: bool,
    pub articles: usize,
    pub overall: Figures,
    pub by_kind: FiguresByKind,
    /// The same figures for short and longer contents: news annotation (PolNeAR) counts
    /// speech acts with a short object ("endorsed Clinton") as attributions, ClaimTrack's
    /// convention does not, and this split shows how much of a score hangs on them.
    pub by_content_length: FiguresByContentLength,
    pub calibration: Calibration,
    pub error_counts: BTreeMap<ErrorClass, usize>,
    pub errors: Vec<EvalError>,
    /// Each article's predicted claims as (confidence, right) pairs, the calibration's
    /// input, kept per article for fitting the confidence scaling by folds of articles.
    #[serde(skip)]
    pub confidence_outcomes_by_article: Vec<Vec<(f32, bool)>>,
}

/// The figures for one kind of claim, keyed as `eval --format json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiguresByKind {
    pub direct: Figures,
    pub mixed: Figures,
    pub indirect: Figures,
}

impl FiguresByKind {
    pub fn get(&self, kind: ClaimKind) -> &Figures {
        match kind {
            ClaimKind::Direct => &self.direct,
            ClaimKind::Mixed => &self.mixed,
            ClaimKind::Indirect => &self.indirect,
        }
    }
}

/// The figures for contents of at most [`SHORT_CONTENT_WORDS`] words and for longer ones:
/// gold claims by the length of their content, predicted claims by their own, as
/// `FiguresByKind` groups claims by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiguresByContentLength {
    pub up_to_three_words: Figures,
    pub four_or_more_words: Figures,
}

/// The longest content that counts as short in [`FiguresByContentLength`].
pub const SHORT_CONTENT_WORDS: usize = 3;

/// 0 for a content of at most [`SHORT_CONTENT_WORDS`] words, 1 for a longer one. A word is
/// a run of characters between spaces that holds a letter or a digit.
fn length_index(text: &str, pieces: &[ByteSpan]) -> usize {
    let words = pieces
        .iter()
        .flat_map(|piece| text[piece.range()].split_whitespace())
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count();
    usize::from(words > SHORT_CONTENT_WORDS)
}

/// Detection and attribution figures over one group of claims. A ratio is `None` (JSON
/// `null`) when nothing was there to measure, never a made-up 0 or 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Gold claims in the group.
    pub gold: usize,
    /// Predicted claims in the group.
    pub predicted: usize,
    /// Exact-span precision, recall and F1 (the same numbers as in `exact`).
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    pub exact: Detection,
    pub overlap_80: Detection,
    pub overlap_30: Detection,
    /// Over `overlap_30` matches: the share with the right speaker.
    pub speaker_accuracy: Option<f64>,
    pub speaker_judged: usize,
    pub speaker_right: usize,
    pub cue_accuracy: Option<f64>,
    pub cue_judged: usize,
    pub cue_right: usize,
    /// Over `overlap_30` matches whose gold states a date.
    pub date_accuracy: Option<f64>,
    pub date_judged: usize,
    pub date_right: usize,
    pub kind_accuracy: Option<f64>,
    pub kind_judged: usize,
    pub kind_right: usize,
}

/// Precision, recall and F1 under one matching criterion.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Detection {
    /// Gold claims of the group that were matched.
    pub matched_gold: usize,
    /// Predicted claims of the group that were matched.
    pub matched_predicted: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

/// Whether the extractor's confidence predicts its correctness: predicted claims grouped
/// by confidence in tenths, each bucket's observed accuracy beside its mean confidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// Predicted claims counted.
    pub claims: usize,
    pub buckets: Vec<CalibrationBucket>,
    /// The claim-weighted mean gap between each bucket's accuracy and its mean confidence.
    pub expected_calibration_error: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationBucket {
    /// The bucket holds confidences in `[lower, upper)`; the last one includes 1.0.
    pub lower: f64,
    pub upper: f64,
    pub count: usize,
    /// Claims in the bucket that matched a gold claim with the right speaker.
    pub correct: usize,
    pub mean_confidence: Option<f64>,
    pub accuracy: Option<f64>,
}

/// What went wrong with one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    /// A gold claim no prediction covers by more than 30%.
    Missed,
    /// A predicted claim that matches no gold claim.
    Spurious,
    WrongSpeaker,
    /// The gold states a date and the prediction has another one, or none.
    WrongDate,
    WrongKind,
    WrongCue,
    /// Matched by overlap, but the trimmed spans differ.
    Boundary,
}

impl ErrorClass {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorClass::Missed => "missed",
            ErrorClass::Spurious => "spurious",
            ErrorClass::WrongSpeaker => "wrong_speaker",
            ErrorClass::WrongDate => "wrong_date",
            ErrorClass::WrongKind => "wrong_kind",
            ErrorClass::WrongCue => "wrong_cue",
            ErrorClass::Boundary => "boundary",
        }
    }
}

/// One error, with enough context for a developer to see why it happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalError {
    pub article: String,
    pub class: ErrorClass,
    /// The gold claim's kind, or the prediction's for a spurious claim.
    pub kind: ClaimKind,
    /// Byte offsets of the gold claim (of the prediction for a spurious claim).
    pub start: usize,
    pub end: usize,
    pub gold_text: Option<String>,
    pub predicted_text: Option<String>,
    /// What the gold says for the field at fault (speaker, date, kind, cue).
    pub expected: Option<String>,
    /// What the extractor said for it.
    pub found: Option<String>,
    pub confidence: Option<f32>,
    /// The sentence (or sentences) holding the claim, on one line.
    pub sentence: String,
}

/// The three matching criteria, in the order `Tally` counts them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Criterion {
    Exact,
    Covers(f64),
}

const CRITERIA: [Criterion; 3] = [
    Criterion::Exact,
    Criterion::Covers(0.8),
    Criterion::Covers(0.3),
];
/// The index in `CRITERIA` of the matching that attribution accuracy is judged on.
const ATTRIBUTION_CRITERION: usize = 2;

/// Counts for one group of claims, turned into [`Figures`] at the end.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    matched_gold: [usize; 3],
    matched_predicted: [usize; 3],
    speaker: (usize, usize),
    cue: (usize, usize),
    date: (usize, usize),
    kind: (usize, usize),
}

fn kind_index(kind: ClaimKind) -> usize {
    match kind {
        ClaimKind::Direct => 0,
        ClaimKind::Mixed => 1,
        ClaimKind::Indirect => 2,
    }
}

/// Scores the extractor's output for each article (`predictions[i]` for
/// `reference.articles[i]`) against the reference.
pub fn score_reference_set(
    reference: &ReferenceSet,
    predictions: &[Vec<ExtractedClaim>],
    options: &EvalOptions,
) -> EvalReport {
    let mut overall = Tally::default();
    let mut by_kind = [Tally::default(); 3];
    let mut by_length = [Tally::default(); 2];
    let mut errors = Vec::new();
    let mut confidence_outcomes = Vec::new();
    let mut confidence_outcomes_by_article = Vec::with_capacity(predictions.len());
    for (article, predicted) in reference.articles.iter().zip(predictions) {
        let scorer = ArticleScorer::new(article, predicted, reference.convention);
        let before = confidence_outcomes.len();
        scorer.score(
            &mut overall,
            &mut by_kind,
            &mut by_length,
            &mut errors,
            &mut confidence_outcomes,
        );
        confidence_outcomes_by_article.push(confidence_outcomes[before..].to_vec());
    }
    let mut error_counts = BTreeMap::new();
    for error in &errors {
        *error_counts.entry(error.class).or_insert(0) += 1;
    }
    EvalReport {
        format: reference.format,
        convention: reference.convention,
        kinds_derived: reference.kinds_derived,
        published_from_gold: options.published_from_gold,
        articles: reference.articles.len(),
        overall: figures_from(&overall),
        by_kind: FiguresByKind {
            direct: figures_from(&by_kind[0]),
            mixed: figures_from(&by_kind[1]),
            indirect: figures_from(&by_kind[2]),
        },
        by_content_length: FiguresByContentLength {
            up_to_three_words: figures_from(&by_length[0]),
            four_or_more_words: figures_from(&by_length[1]),
        },
        calibration: calibrate(&confidence_outcomes),
        error_counts,
        errors,
        confidence_outcomes_by_article,
    }
}

/// A ratio rounded to four decimals, or `None` over nothing.
fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| round4(part as f64 / whole as f64))
}

fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

fn f1_of(precision: Option<f64>, recall: Option<f64>) -> Option<f64> {
    let (precision, recall) = (precision?, recall?);
    Some(if precision + recall == 0.0 {
        0.0
    } else {
        round4(2.0 * precision * recall / (precision + recall))
    })
}

fn figures_from(tally: &Tally) -> Figures {
    let detection = |index: usize| {
        let precision = ratio(tally.matched_predicted[index], tally.predicted);
        let recall = ratio(tally.matched_gold[index], tally.gold);
        Detection {
            matched_gold: tally.matched_gold[index],
            matched_predicted: tally.matched_predicted[index],
            precision,
            recall,
            f1: f1_of(precision, recall),
        }
    };
    let exact = detection(0);
    Figures {
        gold: tally.gold,
        predicted: tally.predicted,
        precision: exact.precision,
        recall: exact.recall,
        f1: exact.f1,
        exact,
        overlap_80: detection(1),
        overlap_30: detection(2),
        speaker_accuracy: ratio(tally.speaker.1, tally.speaker.0),
        speaker_judged: tally.speaker.0,
        speaker_right: tally.speaker.1,
        cue_accuracy: ratio(tally.cue.1, tally.cue.0),
        cue_judged: tally.cue.0,
        cue_right: tally.cue.1,
        date_accuracy: ratio(tally.date.1, tally.date.0),
        date_judged: tally.date.0,
        date_right: tally.date.1,
        kind_accuracy: ratio(tally.kind.1, tally.kind.0),
        kind_judged: tally.kind.0,
        kind_right: tally.kind.1,
    }
}

/// Groups `(confidence, correct)` outcomes into ten buckets of width 0.1 and computes
/// the expected calibration error: the sum over buckets of (bucket share of claims) x
/// |accuracy - mean confidence|. Confidences are taken to two decimals, as the extractor
/// rounds them, so 0.70 falls in 0.7-0.8 whatever its binary representation.
pub fn calibrate(outcomes: &[(f32, bool)]) -> Calibration {
    let mut counts = [0usize; 10];
    let mut correct = [0usize; 10];
    let mut confidence_sums = [0f64; 10];
    for &(confidence, right) in outcomes {
        let hundredths = (f64::from(confidence) * 100.0).round().clamp(0.0, 100.0) as usize;
        let bucket = (hundredths / 10).min(9);
        counts[bucket] += 1;
        correct[bucket] += usize::from(right);
        confidence_sums[bucket] += hundredths as f64 / 100.0;
    }
    let total = outcomes.len();
    let mut gap_sum = 0.0;
    let buckets = (0..10)
        .map(|bucket| {
            let count = counts[bucket];
            let mean_confidence = (count > 0).then(|| confidence_sums[bucket] / count as f64);
            let accuracy = (count > 0).then(|| correct[bucket] as f64 / count as f64);
            if let (Some(mean), Some(accuracy)) = (mean_confidence, accuracy) {
                gap_sum += count as f64 * (accuracy - mean).abs();
            }
            CalibrationBucket {
                lower: bucket as f64 / 10.0,
                upper: (bucket + 1) as f64 / 10.0,
                count,
                correct: correct[bucket],
                mean_confidence: mean_confidence.map(round4),
                accuracy: accuracy.map(round4),
            }
        })
        .collect();
    Calibration {
        claims: total,
        buckets,
        expected_calibration_error: (total > 0).then(|| round4(gap_sum / total as f64)),
    }
}

/// Folds a speaker name for comparison: lower case, Latin diacritics removed, full stops
/// and apostrophes dropped ("U.S." is "us"), other punctuation as spaces, whitespace
/// collapsed, and a leading article removed ("The Commission" is "commission").
pub fn normalise_speaker_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for character in name.chars().flat_map(char::to_lowercase) {
        match character {
            '.' | '\'' | '’' | '‘' => {}
            character if character.is_alphanumeric() => match fold_diacritic(character) {
                Some(replacement) => folded.push_str(replacement),
                None => folded.push(character),
            },
            _ => folded.push(' '),
        }
    }
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words = match words.as_slice() {
        ["the" | "a" | "an", rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    words.join(" ")
}

/// The plain letters for a lower-case Latin letter with a diacritic.
fn fold_diacritic(character: char) -> Option<&'static str> {
    Some(match character {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

/// Whitespace and punctuation, quote marks and dashes included: what scoring trims from
/// the ends of every content piece.
fn is_trimmable(character: char) -> bool {
    character.is_whitespace()
        || character.is_ascii_punctuation()
        || matches!(
            character,
            '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '—' | '–' | '…'
        )
}

/// The content's pieces with whitespace and punctuation trimmed from both ends of each,
/// empty pieces dropped, and pieces merged where only such characters separate them, so
/// that `"We will," she said, "win."` and `We will ... win` compare by their words.
fn significant_pieces(text: &str, pieces: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut trimmed: Vec<ByteSpan> = pieces
        .iter()
        .filter_map(|piece| {
            let words = text.get(piece.range())?;
            let start = piece.start + (words.len() - words.trim_start_matches(is_trimmable).len());
            let end = piece.start + words.trim_end_matches(is_trimmable).len();
            (start < end).then(|| ByteSpan::new(start, end))
        })
        .collect();
    trimmed.sort();
    let mut merged: Vec<ByteSpan> = Vec::with_capacity(trimmed.len());
    for piece in trimmed {
        if let Some(last) = merged.last_mut() {
            let gap_is_trimmable =
                piece.start <= last.end || text[last.end..piece.start].chars().all(is_trimmable);
            if gap_is_trimmable {
                last.end = last.end.max(piece.end);
                continue;
            }
        }
        merged.push(piece);
    }
    merged
}

fn character_count(text: &str, pieces: &[ByteSpan]) -> usize {
    pieces
        .iter()
        .map(|piece| piece.slice(text).chars().count())
        .sum()
}

fn shared_characters(text: &str, left: &[ByteSpan], right: &[ByteSpan]) -> usize {
    let mut shared = 0;
    for a in left {
        for b in right {
            let start = a.start.max(b.start);
            let end = a.end.min(b.end);
            if start < end {
                shared += text[start..end].chars().count();
            }
        }
    }
    shared
}

/// How one gold claim and one predicted claim overlap.
#[derive(Debug, Clone, Copy)]
struct PairOverlap {
    gold: usize,
    predicted: usize,
    exact: bool,
    /// Shared characters over the gold content's characters.
    gold_covered: f64,
    /// Shared characters over the characters of both together.
    intersection_over_union: f64,
}

/// One article's reference claims, the predictions, and what scoring needs from both.
struct ArticleScorer<'a> {
    article: &'a ReferenceArticle,
    predicted: &'a [ExtractedClaim],
    convention: ReferenceConvention,
    pairs: Vec<PairOverlap>,
    /// [`length_index`] of each gold claim's content and of each predicted claim's.
    gold_length: Vec<usize>,
    predicted_length: Vec<usize>,
}

impl<'a> ArticleScorer<'a> {
    fn new(
        article: &'a ReferenceArticle,
        predicted: &'a [ExtractedClaim],
        convention: ReferenceConvention,
    ) -> ArticleScorer<'a> {
        let text = article.text.as_str();
        let gold_pieces: Vec<Vec<ByteSpan>> = article
            .claims
            .iter()
            .map(|claim| significant_pieces(text, &claim.content))
            .collect();
        let predicted_pieces: Vec<Vec<ByteSpan>> = predicted
            .iter()
            .map(|claim| significant_pieces(text, &predicted_content(text, claim, convention)))
            .collect();
        let mut pairs = Vec::new();
        for (gold, gold_piece) in gold_pieces.iter().enumerate() {
            let gold_characters = character_count(text, gold_piece);
            for (index, predicted_piece) in predicted_pieces.iter().enumerate() {
                let shared = shared_characters(text, gold_piece, predicted_piece);
                if shared == 0 {
                    continue;
                }
                let union = gold_characters + character_count(text, predicted_piece) - shared;
                pairs.push(PairOverlap {
                    gold,
                    predicted: index,
                    exact: gold_piece == predicted_piece,
                    gold_covered: shared as f64 / gold_characters.max(1) as f64,
                    intersection_over_union: shared as f64 / union.max(1) as f64,
                });
            }
        }
        pairs.sort_by(|a, b| {
            b.exact
                .cmp(&a.exact)
                .then(
                    b.intersection_over_union
                        .total_cmp(&a.intersection_over_union),
                )
                .then(a.gold.cmp(&b.gold))
                .then(a.predicted.cmp(&b.predicted))
        });
        let gold_length = gold_pieces
            .iter()
            .map(|pieces| length_index(text, pieces))
            .collect();
        let predicted_length = predicted_pieces
            .iter()
            .map(|pieces| length_index(text, pieces))
            .collect();
        ArticleScorer {
            article,
            predicted,
            convention,
            pairs,
            gold_length,
            predicted_length,
        }
    }

    /// The one-to-one greedy matching under `criterion`: for each gold claim, the index
    /// of its predicted claim.
    fn matching(&self, criterion: Criterion) -> Vec<Option<usize>> {
        let mut gold_to_predicted = vec![None; self.article.claims.len()];
        let mut predicted_taken = vec![false; self.predicted.len()];
        for pair in &self.pairs {
            let eligible = match criterion {
                Criterion::Exact => pair.exact,
                Criterion::Covers(threshold) => pair.exact || pair.gold_covered > threshold,
            };
            if eligible
                && gold_to_predicted[pair.gold].is_none()
                && !predicted_taken[pair.predicted]
            {
                gold_to_predicted[pair.gold] = Some(pair.predicted);
                predicted_taken[pair.predicted] = true;
            }
        }
        gold_to_predicted
    }

    fn score(
        &self,
        overall: &mut Tally,
        by_kind: &mut [Tally; 3],
        by_length: &mut [Tally; 2],
        errors: &mut Vec<EvalError>,
        confidence_outcomes: &mut Vec<(f32, bool)>,
    ) {
        let gold_claims = &self.article.claims;
        for (index, claim) in gold_claims.iter().enumerate() {
            overall.gold += 1;
            by_kind[kind_index(claim.kind)].gold += 1;
            by_length[self.gold_length[index]].gold += 1;
        }
        for (index, claim) in self.predicted.iter().enumerate() {
            overall.predicted += 1;
            by_kind[kind_index(claim.kind)].predicted += 1;
            by_length[self.predicted_length[index]].predicted += 1;
        }
        let matchings: Vec<Vec<Option<usize>>> = CRITERIA
            .iter()
            .map(|criterion| self.matching(*criterion))
            .collect();
        for (criterion, matching) in matchings.iter().enumerate() {
            for (gold, predicted) in matching.iter().enumerate() {
                let Some(predicted) = predicted else { continue };
                overall.matched_gold[criterion] += 1;
                overall.matched_predicted[criterion] += 1;
                by_kind[kind_index(gold_claims[gold].kind)].matched_gold[criterion] += 1;
                by_kind[kind_index(self.predicted[*predicted].kind)].matched_predicted
                    [criterion] += 1;
                by_length[self.gold_length[gold]].matched_gold[criterion] += 1;
                by_length[self.predicted_length[*predicted]].matched_predicted[criterion] += 1;
            }
        }

        let attribution_matching = &matchings[ATTRIBUTION_CRITERION];
        let exact_matching = &matchings[0];
        let mut predicted_right = vec![false; self.predicted.len()];
        let mut predicted_matched = vec![false; self.predicted.len()];
        for (gold_index, matched) in attribution_matching.iter().enumerate() {
            let gold = &gold_claims[gold_index];
            let Some(predicted_index) = *matched else {
                errors.push(self.error(
                    ErrorClass::Missed,
                    Some(gold),
                    None,
                    gold.speaker.clone(),
                    None,
                ));
                continue;
            };
            let predicted = &self.predicted[predicted_index];
            predicted_matched[predicted_index] = true;
            let tallies = [
                &mut *overall,
                &mut by_kind[kind_index(gold.kind)],
                &mut by_length[self.gold_length[gold_index]],
            ];
            let speaker_right = self.speaker_is_right(gold, predicted);
            let cue_right = self.cue_is_right(gold, predicted);
            let date_right = gold.said_on.map(|date| predicted.said_on == Some(date));
            let kind_right = gold.kind == predicted.kind;
            for tally in tallies {
                tally.speaker.0 += 1;
                tally.speaker.1 += usize::from(speaker_right);
                tally.cue.0 += 1;
                tally.cue.1 += usize::from(cue_right);
                if let Some(date_right) = date_right {
                    tally.date.0 += 1;
                    tally.date.1 += usize::from(date_right);
                }
                tally.kind.0 += 1;
                tally.kind.1 += usize::from(kind_right);
            }
            predicted_right[predicted_index] = speaker_right;
            if !speaker_right {
                errors.push(self.error(
                    ErrorClass::WrongSpeaker,
                    Some(gold),
                    Some(predicted),
                    gold.speaker.clone(),
                    Some(describe_predicted_speaker(predicted)),
                ));
            }
            if date_right == Some(false) {
                errors.push(self.error(
                    ErrorClass::WrongDate,
                    Some(gold),
                    Some(predicted),
                    gold.said_on.map(|date| date.to_string()),
                    Some(describe_date(predicted.said_on)),
                ));
            }
            if !kind_right {
                errors.push(self.error(
                    ErrorClass::WrongKind,
                    Some(gold),
                    Some(predicted),
                    Some(gold.kind.to_string()),
                    Some(predicted.kind.to_string()),
                ));
            }
            if !cue_right {
                errors.push(self.error(
                    ErrorClass::WrongCue,
                    Some(gold),
                    Some(predicted),
                    gold.cue.clone(),
                    predicted.cue.clone(),
                ));
            }
            if exact_matching[gold_index] != Some(predicted_index) {
                errors.push(self.error(
                    ErrorClass::Boundary,
                    Some(gold),
                    Some(predicted),
                    None,
                    None,
                ));
            }
        }
        for (index, predicted) in self.predicted.iter().enumerate() {
            confidence_outcomes.push((predicted.confidence, predicted_right[index]));
            if !predicted_matched[index] {
                errors.push(self.error(
                    ErrorClass::Spurious,
                    None,
                    Some(predicted),
                    None,
                    Some(describe_predicted_speaker(predicted)),
                ));
            }
        }
    }

    fn speaker_is_right(&self, gold: &ReferenceClaim, predicted: &ExtractedClaim) -> bool {
        match self.convention {
            ReferenceConvention::CanonicalNames => match (&gold.speaker, &predicted.speaker) {
                (None, None) => true,
                (Some(gold), Some(predicted)) => {
                    normalise_speaker_name(gold) == normalise_speaker_name(predicted)
                }
                _ => false,
            },
            ReferenceConvention::MentionOverlap => spans_agree(
                &gold.mention,
                predicted.mention.as_ref().map(|mention| mention.span),
            ),
        }
    }

    fn cue_is_right(&self, gold: &ReferenceClaim, predicted: &ExtractedClaim) -> bool {
        match self.convention {
            ReferenceConvention::CanonicalNames => {
                let fold = |cue: &str| {
                    cue.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                };
                gold.cue.as_deref().map(fold) == predicted.cue.as_deref().map(fold)
            }
            ReferenceConvention::MentionOverlap => spans_agree(&gold.cue_spans, predicted.cue_span),
        }
    }

    fn error(
        &self,
        class: ErrorClass,
        gold: Option<&ReferenceClaim>,
        predicted: Option<&ExtractedClaim>,
        expected: Option<String>,
        found: Option<String>,
    ) -> EvalError {
        let text = self.article.text.as_str();
        let located: Vec<ByteSpan> = match (gold, predicted) {
            (Some(gold), _) => gold.content.clone(),
            (None, Some(predicted)) => predicted_content(text, predicted, self.convention),
            (None, None) => Vec::new(),
        };
        let whole = ByteSpan::new(
            located.first().map_or(0, |piece| piece.start),
            located.last().map_or(0, |piece| piece.end),
        );
        // Pieces on one line, whitespace (line breaks, no-break spaces) as single spaces.
        let words = |pieces: &[ByteSpan]| {
            pieces
                .iter()
                .flat_map(|piece| piece.slice(text).split_whitespace())
                .collect::<Vec<_>>()
                .join(" ")
        };
        EvalError {
            article: self.article.name.clone(),
            class,
            kind: gold.map_or_else(
                || predicted.map_or(ClaimKind::Indirect, |claim| claim.kind),
                |gold| gold.kind,
            ),
            start: whole.start,
            end: whole.end,
            gold_text: gold.map(|gold| words(&gold.content)),
            predicted_text: predicted
                .map(|claim| words(&predicted_content(text, claim, self.convention))),
            expected,
            found,
            confidence: predicted.map(|claim| claim.confidence),
            sentence: sentence_around(text, whole),
        }
    }
}

/// The content of a prediction as the reference delimits content: one span from first
/// to last word for ClaimTrack gold (an interrupted quote is one span there); for brat,
/// whose spans are discontinuous, the pieces without the interruption, in PolNeAR's
/// convention of a leading complementiser ("that ...", see
/// [`super::brat::with_leading_complementiser`]; the brat exporter writes the same).
fn predicted_content(
    text: &str,
    claim: &ExtractedClaim,
    convention: ReferenceConvention,
) -> Vec<ByteSpan> {
    match convention {
        ReferenceConvention::CanonicalNames => vec![claim.span],
        ReferenceConvention::MentionOverlap => {
            super::brat::with_leading_complementiser(text, &claim.parts)
        }
    }
}

/// True when both sides are absent, or both present and overlapping.
fn spans_agree(gold: &[ByteSpan], predicted: Option<ByteSpan>) -> bool {
    match predicted {
        None => gold.is_empty(),
        Some(predicted) => gold.iter().any(|piece| piece.overlaps(predicted)),
    }
}

fn describe_predicted_speaker(claim: &ExtractedClaim) -> String {
    let name = claim.speaker.as_deref().unwrap_or("no speaker");
    match &claim.mention {
        Some(mention) if mention.text != name => format!("{name} (from \"{}\")", mention.text),
        Some(_) => name.to_string(),
        None => format!("{name} (no mention)"),
    }
}

fn describe_date(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "no date".to_string(), |date| date.to_string())
}

/// The sentence or sentences holding `span`, on one line: from the last sentence end
/// before it to the first one after it. A sentence ends at a line break, or at `.`, `!` or
/// `?` (with any closing quote marks) before whitespace, unless the word before a full
/// stop is an initial or a short capitalised abbreviation ("J.", "Gov.", "Dr.").
/// Long contexts are cut in the middle.
pub fn sentence_around(text: &str, span: ByteSpan) -> String {
    let span_start = span.start.min(text.len());
    let span_end = span.end.clamp(span_start, text.len());
    let mut start = 0;
    let mut end = text.len();
    let mut characters = text.char_indices().peekable();
    while let Some((index, character)) = characters.next() {
        let boundary_after = if character == '\n' {
            Some(index + 1)
        } else if matches!(character, '.' | '!' | '?') && !ends_abbreviation(text, index, character)
        {
            let mut after = index + character.len_utf8();
            while let Some(&(next_index, next)) = characters.peek() {
                if matches!(next, '"' | '”' | '’' | '\'' | ')') {
                    after = next_index + next.len_utf8();
                    characters.next();
                } else {
                    break;
                }
            }
            let followed_by_space = text[after..].chars().next().is_none_or(char::is_whitespace);
            followed_by_space.then_some(after)
        } else {
            None
        };
        let Some(boundary) = boundary_after else {
            continue;
        };
        if boundary <= span_start {
            start = boundary;
        } else if boundary >= span_end {
            end = boundary;
            break;
        }
    }
    let words: Vec<&str> = text[start..end].split_whitespace().collect();
    let sentence = words.join(" ");
    const LONGEST: usize = 600;
    if sentence.chars().count() <= LONGEST {
        return sentence;
    }
    let head: String = sentence.chars().take(LONGEST / 2).collect();
    let tail: String = {
        let skipped = sentence.chars().count() - LONGEST / 2;
        sentence.chars().skip(skipped).collect()
    };
    format!("{head} … {tail}")
}

/// Whether the full stop at `index` closes an initial or a short capitalised
/// abbreviation rather than a sentence.
fn ends_abbreviation(text: &str, index: usize, character: char) -> bool {
    if character != '.' {
        return false;
    }
    let word: &str = text[..index]
        .rsplit(|character: char| !character.is_alphabetic())
        .next()
        .unwrap_or_default();
    let letters = word.chars().count();
    (1..=3).contains(&letters) && word.chars().next().is_some_and(char::is_uppercase)
}
