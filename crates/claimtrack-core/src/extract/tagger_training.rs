//! Training of the learned stage (`tagger`) on annotated news: the reproducible core of
//! `claimtrack train-tagger`. Given the articles of a training split with their gold
//! attributions (content, source and cue spans, as the brat reader gives them), it
//! builds the cue vocabulary, trains the cue classifier and the role tagger with
//! averaged perceptrons, fits the confidence calibration on held-out predictions, and
//! returns the model. Shuffling uses a seeded generator and every loop runs in a fixed
//! order, so the same articles and options give the same bytes.

use std::collections::HashMap;
use std::path::Path;

use super::attribute::{self, ClaimDraft, Document};
use super::features::{
    finish, prior_bucket, word_key, word_keys, ArticleView, CueVocabulary, Side, CONTENT,
    LABEL_COUNT, OUTSIDE, SOURCE,
};
use super::lexicon::AUXILIARIES;
use super::segment::TokenKind;
use super::tagger::{
    cue_site, window_scores, Decoder, TaggerModel, TaggerSettings, Transitions, CALIBRATION_INPUTS,
};
use super::{extract_claims_with_tagger, extract_with_evidence, Analysis};
use crate::error::{CoreError, CoreResult};
use crate::eval::{
    load_reference_directory, score_reference_set, EvalOptions, EvalReport, ReferenceArticle,
};
use crate::model::{ByteSpan, ExtractedClaim};

/// What `train_tagger` may vary. The defaults are the choices made on the development
/// split; `claimtrack train-tagger` uses them.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggerTrainingOptions {
    /// Passes of the cue classifier over the training cues.
    pub cue_epochs: usize,
    /// Passes of the role tagger over the training attributions.
    pub role_epochs: usize,
    pub seed: u64,
    /// The cue table has `2^cue_bits` weights, the role table `3 * 2^role_bits`. A cue
    /// table of 2^17 instead of 2^16 (its features collide half as often; cue threshold
    /// -3 instead of -3.5), measured on PolNeAR dev over three base seeds, each higher
    /// with it: content F1 at 30% overlap 0.761-0.765 -> 0.764-0.767, exact 0.548-0.550
    /// -> 0.551-0.555, speaker 0.906-0.907 -> 0.908-0.911; a weights file of 674 KB
    /// instead of about 640 KB, and the same lookups.
    pub cue_bits: u32,
    pub role_bits: u32,
    /// A word joins the cue vocabulary when it headed at least this many gold cues...
    pub vocabulary_min_count: usize,
    /// ...and at least this share of its occurrences.
    pub vocabulary_min_rate: f64,
    /// Fit the confidence calibration on held-out predictions (one more training per
    /// fold)...
    pub calibrate: bool,
    /// ...in this many folds (articles dealt out in turn). Each fold's model is trained
    /// on all other folds; with five folds it sees four fifths of the training news
    /// instead of half, so its predictions are closer to the final model's. Measured on
    /// PolNeAR dev against two folds: calibration error 0.110 -> 0.107, nothing else
    /// moved.
    pub calibration_folds: usize,
    /// Also train the role tagger on the windows of candidates that are not cues, so
    /// that it can say "nothing is reported here". Measured without it (and the cue
    /// threshold at -3): PolNeAR dev content F1 0.737 -> 0.751 at >30%, but 0.498 ->
    /// 0.492 exact, the development set's exact F1 0.904 -> 0.900, and verbs such as
    /// "drove" read as cues; so it stays on.
    pub negative_sites: bool,
    /// Training runs, each with its own shuffling seed, whose weights are averaged: the
    /// model then depends far less on one run's order of examples (one run's claims
    /// came and went with the seed, while the figures stayed within 0.005).
    pub runs: usize,
    /// The cue classifier also updates on an example it gets right by less than this
    /// score (a margin perceptron): its weights then separate cues from other uses of
    /// the same words by a margin instead of barely. Measured on PolNeAR dev over three
    /// seeds, margin 3 (with the cue threshold moved from -2 to -3.5, as the scores
    /// spread) against none: content F1 at >30% 0.758-0.759 -> 0.761-0.765, exact
    /// 0.533-0.537 -> 0.529-0.534, and the development set's exact F1 0.929-0.933 ->
    /// 0.932-0.933. Training only: inference runs the same lookups.
    pub cue_margin: f32,
    pub settings: TaggerSettings,
}

impl Default for TaggerTrainingOptions {
    fn default() -> TaggerTrainingOptions {
        TaggerTrainingOptions {
            cue_epochs: 8,
            role_epochs: 8,
            seed: 0x5EED_C1A1_77AC_0001,
            cue_bits: 17,
            role_bits: 17,
            vocabulary_min_count: 2,
            vocabulary_min_rate: 0.02,
            calibrate: true,
            calibration_folds: 5,
            negative_sites: true,
            runs: 5,
            cue_margin: 3.0,
            settings: TaggerSettings {
                // Chosen on PolNeAR dev: a lower bar finds more attributions, and the
                // calibrated confidence marks the doubtful ones for review. (With
                // negative sites the role tagger finds no content at most extra cues a
                // lower bar lets through.) -3.5 went with the cue margin of 3 (-2 with
                // none), whose scores spread wider, and -3 with the cue table of 2^17,
                // whose scores collide less.
                cue_threshold: -3.0,
                // ...but words that seldom head a cue must score clearly above zero (4
                // with the cue margin of 3, 2 with none: at 2 the margin's wider scores
                // let "drove" and "Welcome" through as cues in the golden tests).
                rare_cue_threshold: 4.0,
                // ClaimTrack's claims are propositions someone stated, not every
                // attribution news annotation counts (chosen on both development sets).
                min_tagged_words: 4,
                skip_questions_and_headlines: true,
                ..TaggerSettings::default()
            },
        }
    }
}

/// What training saw and did, for the command to print.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggerTrainingReport {
    pub articles: usize,
    pub attributions: usize,
    /// Attributions whose cue holds a vocabulary word (the classifier can find them).
    pub attributions_with_candidate_cue: usize,
    pub vocabulary_words: usize,
    pub cue_examples: usize,
    pub role_examples: usize,
    /// Gold content tokens inside the cue's window, over all gold content tokens.
    pub content_tokens_in_window: f64,
    /// Per epoch: the share of cue examples the classifier got right.
    pub cue_epoch_accuracy: Vec<f64>,
    /// Per epoch: the share of role examples decoded exactly right.
    pub role_epoch_exact: Vec<f64>,
    /// Held-out claims the calibration was fitted on, and how many of them were right.
    pub calibration_claims: usize,
    pub calibration_correct: usize,
}

/// What `claimtrack train-tagger` gets back: the model, what training did, and the
/// model's figures on the development split when the corpus has one.
#[derive(Debug)]
pub struct CorpusTraining {
    pub model: TaggerModel,
    pub report: TaggerTrainingReport,
    /// The evaluation harness's report on `DIR/dev` with the new model, if present...
    pub development: Option<EvalReport>,
    /// ...and the stage-by-stage figures there.
    pub development_diagnosis: Option<TaggerDiagnosis>,
}

/// Trains on `corpus/train` (PolNeAR's layout: `text/` and `attributions/` in brat
/// standoff) and, when `corpus/dev` exists, scores the new model there with the
/// evaluation harness. The development split is only measured, never trained on.
pub fn train_tagger_on_corpus(
    corpus: &Path,
    options: &TaggerTrainingOptions,
) -> CoreResult<CorpusTraining> {
    let evaluation = EvalOptions::default();
    let train = load_reference_directory(&corpus.join("train"), &evaluation)?;
    if train.articles.is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "{}: no training articles",
            corpus.join("train").display()
        )));
    }
    let (model, report) = train_tagger(&train.articles, options);
    let development_directory = corpus.join("dev");
    let (development, development_diagnosis) = if development_directory.is_dir() {
        let development = load_reference_directory(&development_directory, &evaluation)?;
        let predictions: Vec<Vec<ExtractedClaim>> = development
            .articles
            .iter()
            .map(|article| extract_claims_with_tagger(&article.text, None, Some(&model)).claims)
            .collect();
        (
            Some(score_reference_set(&development, &predictions, &evaluation)),
            Some(diagnose_tagger(&development.articles, &model)),
        )
    } else {
        (None, None)
    };
    Ok(CorpusTraining {
        model,
        report,
        development,
        development_diagnosis,
    })
}

/// Trains a tagger on `articles` (the training split only).
pub fn train_tagger(
    articles: &[ReferenceArticle],
    options: &TaggerTrainingOptions,
) -> (TaggerModel, TaggerTrainingReport) {
    let mut report = TaggerTrainingReport::default();
    let mut model = train_once(articles, options, &mut report);
    if options.calibrate && articles.len() >= 2 {
        let folds = options.calibration_folds.clamp(2, articles.len());
        let mut samples = Vec::new();
        for fold in 0..folds {
            let train_part: Vec<ReferenceArticle> = articles
                .iter()
                .enumerate()
                .filter(|(index, _)| index % folds != fold)
                .map(|(_, article)| article.clone())
                .collect();
            let mut scratch = TaggerTrainingReport::default();
            let fold_model = train_once(&train_part, options, &mut scratch);
            for (_, article) in articles
                .iter()
                .enumerate()
                .filter(|(index, _)| index % folds == fold)
            {
                samples.extend(calibration_samples(article, &fold_model));
            }
        }
        report.calibration_claims = samples.len();
        report.calibration_correct = samples.iter().filter(|(_, right)| *right).count();
        model.calibration = fit_logistic(&samples);
    }
    (model, report)
}

/// One article's gold, as token sets of the extractor's own tokenisation.
struct PreparedAttribution {
    content: Vec<bool>,
    source: Vec<bool>,
    /// Tokens of the cue, in order.
    cue_tokens: Vec<usize>,
}

fn covered_tokens(analysis: &Analysis, pieces: &[ByteSpan]) -> Vec<bool> {
    analysis
        .tokens
        .iter()
        .map(|token| pieces.iter().any(|piece| piece.overlaps(token.span)))
        .collect()
}

fn prepare(analysis: &Analysis, article: &ReferenceArticle) -> Vec<PreparedAttribution> {
    article
        .claims
        .iter()
        .map(|claim| {
            let cue = covered_tokens(analysis, &claim.cue_spans);
            PreparedAttribution {
                content: covered_tokens(analysis, &claim.content),
                source: covered_tokens(analysis, &claim.mention),
                cue_tokens: (0..cue.len()).filter(|&index| cue[index]).collect(),
            }
        })
        .collect()
}

/// Words that stand inside cue phrases without carrying them ("has said", "did not
/// immediately respond"): never a cue's head.
fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    AUXILIARIES.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "not" | "n't" | "also" | "to" | "the" | "a" | "an" | "in" | "on" | "of" | "for"
        )
}

/// The head of a gold cue: its first word the rules know as a reporting verb, else its
/// first word that is not a function word, else its first token.
fn cue_head(text: &str, analysis: &Analysis, cue_tokens: &[usize]) -> Option<usize> {
    let rule_cue = cue_tokens
        .iter()
        .copied()
        .find(|&index| analysis.cues.iter().any(|cue| cue.first_token == index));
    rule_cue
        .or_else(|| {
            cue_tokens.iter().copied().find(|&index| {
                let token = analysis.tokens[index];
                match token.kind {
                    TokenKind::Word => !is_function_word(token.text(text)),
                    TokenKind::Number => false,
                    TokenKind::Punctuation | TokenKind::QuoteMark => true,
                }
            })
        })
        .or_else(|| {
            cue_tokens
                .iter()
                .copied()
                .find(|&index| analysis.tokens[index].kind != TokenKind::Number)
        })
}

const SMOOTHING_OCCURRENCES: usize = 10;

fn build_vocabulary(
    prepared: &[(&ReferenceArticle, Analysis, Vec<PreparedAttribution>)],
    options: &TaggerTrainingOptions,
) -> CueVocabulary {
    let mut occurrences: HashMap<u64, (usize, usize)> = HashMap::new();
    for (article, analysis, attributions) in prepared {
        let text = article.text.as_str();
        for (index, token) in analysis.tokens.iter().enumerate() {
            if token.kind == TokenKind::Number || analysis.inside_quotation[index] {
                continue;
            }
            occurrences
                .entry(word_key(token.text(text), token.kind))
                .or_default()
                .1 += 1;
        }
        for attribution in attributions {
            if let Some(head) = cue_head(text, analysis, &attribution.cue_tokens) {
                let token = analysis.tokens[head];
                occurrences
                    .entry(word_key(token.text(text), token.kind))
                    .or_default()
                    .0 += 1;
            }
        }
    }
    let mut entries: Vec<(u64, u8)> = occurrences
        .into_iter()
        .filter_map(|(key, (cues, total))| {
            // Ten pseudo-occurrences pull the rates of rare words towards zero: two cues
            // in sixteen occurrences is weaker evidence than four hundred in five hundred.
            let rate = cues as f64 / (total + SMOOTHING_OCCURRENCES) as f64;
            (cues >= options.vocabulary_min_count && rate >= options.vocabulary_min_rate)
                .then(|| (key, prior_bucket(rate.min(1.0))))
        })
        .collect();
    entries.sort_unstable();
    CueVocabulary::new(&entries)
}

/// Float weights with the running sums an averaged perceptron needs.
struct AveragedWeights {
    current: Vec<f32>,
    /// Sum over updates of (update time x change), for the average.
    timed: Vec<f32>,
    time: f32,
}

impl AveragedWeights {
    fn new(size: usize) -> AveragedWeights {
        AveragedWeights {
            current: vec![0.0; size],
            timed: vec![0.0; size],
            time: 1.0,
        }
    }

    fn update(&mut self, index: usize, change: f32) {
        self.current[index] += change;
        self.timed[index] += self.time * change;
    }

    fn averaged(&self) -> Vec<f32> {
        self.current
            .iter()
            .zip(&self.timed)
            .map(|(current, timed)| current - timed / self.time)
            .collect()
    }
}

/// One role-tagging example: per window token, its feature buckets, whether it is fixed
/// outside (the cue itself), and its gold label.
struct RoleExample {
    offsets: Vec<u32>,
    buckets: Vec<u32>,
    fixed: Vec<bool>,
    gold: Vec<u8>,
}

fn to_bucket(feature: u64, bits: u32) -> u32 {
    (finish(feature) >> (64 - bits)) as u32
}

/// A deterministic generator for shuffling (xorshift64*).
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for index in (1..items.len()).rev() {
            let other = (self.next() % (index as u64 + 1)) as usize;
            items.swap(index, other);
        }
    }
}

/// The gold anchor of each attribution: the first token of its cue that is a candidate,
/// else (for the role tagger only) the cue's head.
fn anchors_of(
    text: &str,
    analysis: &Analysis,
    view: &ArticleView<'_, '_>,
    attributions: &[PreparedAttribution],
) -> Vec<(Option<usize>, Option<usize>)> {
    attributions
        .iter()
        .map(|attribution| {
            let candidate = attribution
                .cue_tokens
                .iter()
                .copied()
                .find(|&index| view.prior[index] > 0);
            let head = candidate.or_else(|| cue_head(text, analysis, &attribution.cue_tokens));
            (candidate, head)
        })
        .collect()
}

/// The features and gold labels of one cue's window.
fn role_example(
    view: &ArticleView<'_, '_>,
    anchor: usize,
    attribution: Option<&PreparedAttribution>,
    bits: u32,
    buffer: &mut Vec<u64>,
) -> RoleExample {
    let site = cue_site(view, anchor);
    let mut example = RoleExample {
        offsets: Vec::new(),
        buckets: Vec::new(),
        fixed: Vec::new(),
        gold: Vec::new(),
    };
    for token in site.window_first..site.window_end {
        let in_cue = token >= site.first_token && token < site.end_token;
        example.offsets.push(example.buckets.len() as u32);
        if !in_cue {
            let side = if token < site.first_token {
                Side::Before
            } else {
                Side::After
            };
            view.role_token_features(token, side, buffer);
            example
                .buckets
                .extend(buffer.iter().map(|&feature| to_bucket(feature, bits)));
            view.role_pair_features(token, &site, buffer);
            example
                .buckets
                .extend(buffer.iter().map(|&feature| to_bucket(feature, bits)));
        }
        let label = match attribution {
            Some(_) if in_cue => OUTSIDE,
            Some(gold) if gold.content[token] => CONTENT,
            Some(gold) if gold.source[token] => SOURCE,
            _ => OUTSIDE,
        };
        example.fixed.push(in_cue);
        example.gold.push(label as u8);
    }
    example.offsets.push(example.buckets.len() as u32);
    example
}

/// The view of a whole article (every sentence active), as training and diagnosis see it.
fn full_view<'d, 'a>(
    document: &'d Document<'a>,
    rule_drafts: &'d [ClaimDraft],
    vocabulary: &CueVocabulary,
) -> ArticleView<'d, 'a> {
    let active = vec![true; document.sentences.len()];
    ArticleView::new(
        document,
        rule_drafts,
        vocabulary,
        word_keys(document),
        &active,
    )
}

fn train_once(
    articles: &[ReferenceArticle],
    options: &TaggerTrainingOptions,
    report: &mut TaggerTrainingReport,
) -> TaggerModel {
    let prepared: Vec<(&ReferenceArticle, Analysis, Vec<PreparedAttribution>)> = articles
        .iter()
        .map(|article| {
            let analysis = Analysis::new(&article.text);
            let attributions = prepare(&analysis, article);
            (article, analysis, attributions)
        })
        .collect();
    let vocabulary = build_vocabulary(&prepared, options);
    report.articles = articles.len();
    report.vocabulary_words = vocabulary.entries().len();
    let runs = options.runs.max(1);
    let mut cue_sum = vec![0f32; 1 << options.cue_bits];
    let mut role_sum = vec![0f32; (1 << options.role_bits) * LABEL_COUNT];
    let mut transition_sum = vec![0f32; (LABEL_COUNT + 1) * LABEL_COUNT];
    for run in 0..runs {
        let seed = options
            .seed
            .wrapping_add((run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let weights = train_weights(&prepared, &vocabulary, options, seed, report);
        for (sum, weights) in [
            (&mut cue_sum, weights.0),
            (&mut role_sum, weights.1),
            (&mut transition_sum, weights.2),
        ] {
            for (total, weight) in sum.iter_mut().zip(weights) {
                *total += weight / runs as f32;
            }
        }
    }
    TaggerModel::from_parts(
        vocabulary,
        (options.cue_bits, &cue_sum),
        (options.role_bits, &role_sum),
        as_transitions(&transition_sum),
        options.settings,
    )
}

/// One training run over the prepared articles with one shuffling seed: the averaged
/// weights of the cue classifier, the role tagger and the transitions.
fn train_weights(
    prepared: &[(&ReferenceArticle, Analysis, Vec<PreparedAttribution>)],
    vocabulary: &CueVocabulary,
    options: &TaggerTrainingOptions,
    seed: u64,
    report: &mut TaggerTrainingReport,
) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let mut buffer = Vec::new();
    let mut shuffler = Shuffler(seed | 1);

    // The cue classifier: every candidate of every article, positive at gold anchors.
    let mut cue_examples: Vec<(Vec<u32>, bool)> = Vec::new();
    report.attributions = 0;
    report.attributions_with_candidate_cue = 0;
    for (article, analysis, attributions) in prepared {
        let text = article.text.as_str();
        let document = analysis.document(text);
        let rule_drafts: Vec<ClaimDraft> = attribute::attribute(&document);
        let view = full_view(&document, &rule_drafts, vocabulary);
        let mut positive = vec![false; analysis.tokens.len()];
        for (candidate, _) in anchors_of(text, analysis, &view, attributions) {
            report.attributions += 1;
            if let Some(candidate) = candidate {
                positive[candidate] = true;
                report.attributions_with_candidate_cue += 1;
            }
        }
        for (token, &prior) in view.prior.iter().enumerate() {
            if prior > 0 {
                view.cue_features(token, &mut buffer);
                let buckets = buffer
                    .iter()
                    .map(|&feature| to_bucket(feature, options.cue_bits))
                    .collect();
                cue_examples.push((buckets, positive[token]));
            }
        }
    }
    report.cue_examples = cue_examples.len();
    let mut cue = AveragedWeights::new(1 << options.cue_bits);
    let mut order: Vec<usize> = (0..cue_examples.len()).collect();
    report.cue_epoch_accuracy.clear();
    for _ in 0..options.cue_epochs {
        shuffler.shuffle(&mut order);
        let mut right = 0usize;
        for &index in &order {
            let (buckets, positive) = &cue_examples[index];
            let score: f32 = buckets.iter().map(|&b| cue.current[b as usize]).sum();
            let is_right = (score > 0.0) == *positive;
            right += usize::from(is_right);
            let signed = if *positive { score } else { -score };
            if !is_right || signed < options.cue_margin {
                let change = if *positive { 1.0 } else { -1.0 };
                for &bucket in buckets {
                    cue.update(bucket as usize, change);
                }
            }
            cue.time += 1.0;
        }
        report
            .cue_epoch_accuracy
            .push(right as f64 / cue_examples.len().max(1) as f64);
    }
    let cue_weights = cue.averaged();
    drop(cue_examples);

    // The role tagger: the window of every gold cue, and of every other candidate the
    // classifier would let through (all outside), so that it learns to find nothing there.
    let mut role_examples: Vec<RoleExample> = Vec::new();
    let (mut content_total, mut content_inside) = (0usize, 0usize);
    for (article, analysis, attributions) in prepared {
        let text = article.text.as_str();
        let document = analysis.document(text);
        let rule_drafts: Vec<ClaimDraft> = attribute::attribute(&document);
        let view = full_view(&document, &rule_drafts, vocabulary);
        let mut anchored = vec![false; analysis.tokens.len()];
        for (attribution, (_, head)) in
            attributions
                .iter()
                .zip(anchors_of(text, analysis, &view, attributions))
        {
            let Some(anchor) = head else { continue };
            anchored[anchor] = true;
            let example = role_example(
                &view,
                anchor,
                Some(attribution),
                options.role_bits,
                &mut buffer,
            );
            let site = cue_site(&view, anchor);
            content_total += attribution.content.iter().filter(|&&inside| inside).count();
            content_inside += (site.window_first..site.window_end)
                .filter(|&token| attribution.content[token])
                .count();
            role_examples.push(example);
        }
        if !options.negative_sites {
            continue;
        }
        for (token, &prior) in view.prior.iter().enumerate() {
            if prior == 0 || anchored[token] {
                continue;
            }
            view.cue_features(token, &mut buffer);
            let score: f32 = buffer
                .iter()
                .map(|&feature| cue_weights[to_bucket(feature, options.cue_bits) as usize])
                .sum();
            if score > options.settings.cue_threshold {
                role_examples.push(role_example(
                    &view,
                    token,
                    None,
                    options.role_bits,
                    &mut buffer,
                ));
            }
        }
    }
    report.role_examples = role_examples.len();
    report.content_tokens_in_window = content_inside as f64 / content_total.max(1) as f64;

    let mut role = AveragedWeights::new((1 << options.role_bits) * LABEL_COUNT);
    let mut transitions = AveragedWeights::new((LABEL_COUNT + 1) * LABEL_COUNT);
    let mut order: Vec<usize> = (0..role_examples.len()).collect();
    let mut decoder = Decoder::default();
    report.role_epoch_exact.clear();
    for _ in 0..options.role_epochs {
        shuffler.shuffle(&mut order);
        let mut exact = 0usize;
        for &index in &order {
            let example = &role_examples[index];
            let range = |position: usize| {
                example.offsets[position] as usize..example.offsets[position + 1] as usize
            };
            let unary: Vec<[f32; LABEL_COUNT]> = (0..example.gold.len())
                .map(|position| {
                    let mut scores = [0f32; LABEL_COUNT];
                    for &bucket in &example.buckets[range(position)] {
                        let row = bucket as usize * LABEL_COUNT;
                        for (label, score) in scores.iter_mut().enumerate() {
                            *score += role.current[row + label];
                        }
                    }
                    scores
                })
                .collect();
            let current_transitions = as_transitions(&transitions.current);
            decoder.decode(&current_transitions, &unary, &example.fixed, false);
            let predicted = &decoder.labels;
            if *predicted == example.gold {
                exact += 1;
            } else {
                let mut previous = (LABEL_COUNT, LABEL_COUNT);
                for (position, (&gold, &guess)) in example.gold.iter().zip(predicted).enumerate() {
                    let (gold, guess) = (usize::from(gold), usize::from(guess));
                    if gold != guess {
                        for &bucket in &example.buckets[range(position)] {
                            let row = bucket as usize * LABEL_COUNT;
                            role.update(row + gold, 1.0);
                            role.update(row + guess, -1.0);
                        }
                    }
                    if (previous.0, gold) != (previous.1, guess) {
                        transitions.update(previous.0 * LABEL_COUNT + gold, 1.0);
                        transitions.update(previous.1 * LABEL_COUNT + guess, -1.0);
                    }
                    previous = (gold, guess);
                }
            }
            role.time += 1.0;
            transitions.time += 1.0;
        }
        report
            .role_epoch_exact
            .push(exact as f64 / role_examples.len().max(1) as f64);
    }

    (cue_weights, role.averaged(), transitions.averaged())
}

fn as_transitions(flat: &[f32]) -> Transitions {
    std::array::from_fn(|from| std::array::from_fn(|to| flat[from * LABEL_COUNT + to]))
}

/// Runs the whole extractor with `model` on a held-out article and pairs each claim's
/// calibration inputs with whether the claim is right: its content covers more than 30%
/// of a gold content (each gold claim matched once, best overlap first) and its speaker
/// mention overlaps that claim's gold source (or both are absent).
fn calibration_samples(
    article: &ReferenceArticle,
    model: &TaggerModel,
) -> Vec<([f32; CALIBRATION_INPUTS], bool)> {
    let (extraction, inputs) = extract_with_evidence(&article.text, None, Some(model));
    let right = claims_right(article, &extraction.claims);
    inputs
        .into_iter()
        .zip(right)
        .filter_map(|(inputs, right)| Some((inputs?, right)))
        .collect()
}

fn shared_bytes(left: &[ByteSpan], right: &[ByteSpan]) -> usize {
    left.iter()
        .flat_map(|a| {
            right
                .iter()
                .map(move |b| a.end.min(b.end).saturating_sub(a.start.max(b.start)))
        })
        .sum()
}

fn claims_right(article: &ReferenceArticle, claims: &[ExtractedClaim]) -> Vec<bool> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gold_index, gold) in article.claims.iter().enumerate() {
        let gold_length: usize = gold.content.iter().map(|piece| piece.len()).sum();
        for (claim_index, claim) in claims.iter().enumerate() {
            let shared = shared_bytes(&gold.content, &claim.parts);
            let claim_length: usize = claim.parts.iter().map(|part| part.len()).sum();
            if shared * 10 > gold_length * 3 {
                let union = gold_length + claim_length - shared;
                pairs.push((shared as f64 / union.max(1) as f64, gold_index, claim_index));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_taken = vec![false; article.claims.len()];
    let mut right = vec![false; claims.len()];
    let mut claim_taken = vec![false; claims.len()];
    for (_, gold_index, claim_index) in pairs {
        if gold_taken[gold_index] || claim_taken[claim_index] {
            continue;
        }
        gold_taken[gold_index] = true;
        claim_taken[claim_index] = true;
        let gold = &article.claims[gold_index];
        right[claim_index] = match &claims[claim_index].mention {
            None => gold.mention.is_empty(),
            Some(mention) => gold
                .mention
                .iter()
                .any(|piece| piece.overlaps(mention.span)),
        };
    }
    right
}

/// Logistic regression by Newton's method with a small ridge, from zero: deterministic,
/// and a handful of iterations suffice for this many inputs.
fn fit_logistic(samples: &[([f32; CALIBRATION_INPUTS], bool)]) -> Vec<f32> {
    const N: usize = CALIBRATION_INPUTS;
    const RIDGE: f64 = 1.0;
    let mut weights = [0f64; N];
    for _ in 0..25 {
        let mut gradient = [0f64; N];
        let mut hessian = [[0f64; N]; N];
        for (inputs, right) in samples {
            let x: [f64; N] = inputs.map(f64::from);
            let logit: f64 = x.iter().zip(&weights).map(|(x, w)| x * w).sum();
            let p = 1.0 / (1.0 + (-logit).exp());
            let y = if *right { 1.0 } else { 0.0 };
            for i in 0..N {
                gradient[i] += (p - y) * x[i];
                for j in 0..N {
                    hessian[i][j] += p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 0..N {
            gradient[i] += RIDGE * weights[i];
            hessian[i][i] += RIDGE;
        }
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        for i in 0..N {
            weights[i] -= step[i];
        }
        if step.iter().all(|s| s.abs() < 1e-7) {
            break;
        }
    }
    weights.iter().map(|&w| w as f32).collect()
}

/// Solves `matrix * x = vector` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut matrix: [[f64; N]; N], mut vector: [f64; N]) -> Option<[f64; N]> {
    for column in 0..N {
        let pivot = (column..N)
            .max_by(|&a, &b| matrix[a][column].abs().total_cmp(&matrix[b][column].abs()))?;
        if matrix[pivot][column].abs() < 1e-12 {
            return None;
        }
        matrix.swap(column, pivot);
        vector.swap(column, pivot);
        let pivot_row = matrix[column];
        let pivot_value = vector[column];
        for row in column + 1..N {
            let factor = matrix[row][column] / pivot_row[column];
            for (cell, pivot_cell) in matrix[row][column..].iter_mut().zip(&pivot_row[column..]) {
                *cell -= factor * pivot_cell;
            }
            vector[row] -= factor * pivot_value;
        }
    }
    let mut solution = [0f64; N];
    for row in (0..N).rev() {
        let tail: f64 = (row + 1..N).map(|k| matrix[row][k] * solution[k]).sum();
        solution[row] = (vector[row] - tail) / matrix[row][row];
    }
    Some(solution)
}

/// How a model does on annotated articles, stage by stage: the cue classifier against
/// the gold cues, and the role tagger at the gold cues (so its figures do not depend on
/// the classifier's).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggerDiagnosis {
    pub gold_cues: usize,
    pub accepted_cues: usize,
    pub accepted_gold_cues: usize,
    /// Gold attributions whose cue holds a candidate word.
    pub reachable_gold_cues: usize,
    /// At gold cues: windows whose content tokens came out exactly right.
    pub content_exact: usize,
    pub source_exact: usize,
    pub role_windows: usize,
    pub content_tokens_gold: usize,
    pub content_tokens_predicted: usize,
    pub content_tokens_right: usize,
}

/// Measures `model` stage by stage on `articles`.
pub fn diagnose_tagger(articles: &[ReferenceArticle], model: &TaggerModel) -> TaggerDiagnosis {
    let mut diagnosis = TaggerDiagnosis::default();
    let mut buffer = Vec::new();
    for article in articles {
        let text = article.text.as_str();
        let analysis = Analysis::new(text);
        let attributions = prepare(&analysis, article);
        let document = analysis.document(text);
        let rule_drafts = attribute::attribute(&document);
        let view = full_view(&document, &rule_drafts, &model.vocabulary);
        let mut accepted = vec![false; analysis.tokens.len()];
        for (token, &prior) in view.prior.iter().enumerate() {
            if prior > 0 {
                view.cue_features(token, &mut buffer);
                accepted[token] = model.cue_score(&buffer) > model.settings.cue_threshold;
            }
        }
        diagnosis.accepted_cues += accepted.iter().filter(|&&a| a).count();
        let mut cache = vec![None; 2 * analysis.tokens.len()];
        let mut unary = Vec::new();
        let mut decoder = Decoder::default();
        for attribution in &attributions {
            if attribution.cue_tokens.is_empty() {
                continue;
            }
            diagnosis.gold_cues += 1;
            let candidate = attribution
                .cue_tokens
                .iter()
                .copied()
                .find(|&index| view.prior[index] > 0);
            let Some(anchor) = candidate else { continue };
            diagnosis.reachable_gold_cues += 1;
            if accepted[anchor] {
                diagnosis.accepted_gold_cues += 1;
            }
            let site = cue_site(&view, anchor);
            let fixed: Vec<bool> = (site.window_first..site.window_end)
                .map(|index| index >= site.first_token && index < site.end_token)
                .collect();
            window_scores(
                &view,
                model,
                &site,
                &fixed,
                &mut cache,
                &mut buffer,
                &mut unary,
            );
            decoder.decode(&model.transitions, &unary, &fixed, false);
            let labels = &decoder.labels;
            diagnosis.role_windows += 1;
            let mut content_exact = true;
            let mut source_exact = true;
            for (offset, &label) in labels.iter().enumerate() {
                let token = site.window_first + offset;
                let gold_content = attribution.content[token] && !fixed[offset];
                let gold_source = attribution.source[token] && !fixed[offset];
                let content = usize::from(label) == CONTENT;
                let source = usize::from(label) == SOURCE;
                content_exact &= gold_content == content;
                source_exact &= gold_source == source;
                diagnosis.content_tokens_gold += usize::from(gold_content);
                diagnosis.content_tokens_predicted += usize::from(content);
                diagnosis.content_tokens_right += usize::from(content && gold_content);
            }
            diagnosis.content_exact += usize::from(content_exact);
            diagnosis.source_exact += usize::from(source_exact);
        }
    }
    diagnosis
}
