//! `claimtrack train-tagger`: trains the learned attribution tagger on an annotated
//! corpus's train split and writes the weights file that the build compiles in. The
//! training itself is `claimtrack_core::extract::tagger_training`; this only parses the
//! arguments, writes the file and prints what happened.

use std::path::PathBuf;

use anyhow::Context;
use claimtrack_core::extract::tagger_training::{train_tagger_on_corpus, TaggerTrainingOptions};
use clap::Args;

#[derive(Debug, Args)]
pub struct TrainTaggerArguments {
    /// The corpus folder: `train/` (and optionally `dev/`) in PolNeAR's layout, `text/`
    /// beside `attributions/` in brat standoff. Only `train/` is trained on; `dev/` is
    /// scored with the new model.
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,
    /// Where to write the weights (the build reads
    /// crates/claimtrack-core/src/extract/tagger_weights.bin).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Train with another base seed than the default, to see how far the figures move
    /// with the order of examples alone (a choice is kept only if it holds over seeds).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Another size of the cue classifier's table (2^BITS weights) than the default.
    #[arg(long, value_name = "BITS", value_parser = clap::value_parser!(u32).range(8..=24))]
    pub cue_bits: Option<u32>,
    /// Another score a cue candidate must pass than the default.
    #[arg(long, value_name = "SCORE", allow_hyphen_values = true)]
    pub cue_threshold: Option<f32>,
}

pub fn run_train_tagger(arguments: TrainTaggerArguments) -> anyhow::Result<()> {
    let mut options = TaggerTrainingOptions::default();
    if let Some(seed) = arguments.seed {
        options.seed = seed;
    }
    if let Some(cue_bits) = arguments.cue_bits {
        options.cue_bits = cue_bits;
    }
    if let Some(cue_threshold) = arguments.cue_threshold {
        options.settings.cue_threshold = cue_threshold;
    }
    let training = train_tagger_on_corpus(&arguments.corpus, &options)?;
    let bytes = training.model.to_bytes();
    std::fs::write(&arguments.out, &bytes)
        .with_context(|| format!("cannot write {}", arguments.out.display()))?;
    let report = &training.report;
    println!(
        "trained on {} articles ({} attributions, {} with a cue word the vocabulary of {} words covers)",
        report.articles,
        report.attributions,
        report.attributions_with_candidate_cue,
        report.vocabulary_words
    );
    println!(
        "calibration fitted on {} held-out claims ({} right)",
        report.calibration_claims, report.calibration_correct
    );
    println!("wrote {} bytes to {}", bytes.len(), arguments.out.display());
    if let Some(development) = &training.development {
        let overall = &development.overall;
        let figure = |value: Option<f64>| value.map_or("-".to_string(), |v| format!("{v:.3}"));
        println!(
            "dev ({} articles): content F1 exact {}, >80% {}, >30% {}; speaker {}; calibration error {}",
            development.articles,
            figure(overall.exact.f1),
            figure(overall.overlap_80.f1),
            figure(overall.overlap_30.f1),
            figure(overall.speaker_accuracy),
            figure(development.calibration.expected_calibration_error),
        );
    }
    if let Some(diagnosis) = &training.development_diagnosis {
        let share = |part: usize, whole: usize| part as f64 / whole.max(1) as f64;
        println!(
            "dev stages: cue classifier precision {:.3}, recall {:.3} (vocabulary covers {:.3}); roles at gold cues: content exact {:.3}, source exact {:.3}",
            share(diagnosis.accepted_gold_cues, diagnosis.accepted_cues),
            share(diagnosis.accepted_gold_cues, diagnosis.gold_cues),
            share(diagnosis.reachable_gold_cues, diagnosis.gold_cues),
            share(diagnosis.content_exact, diagnosis.role_windows),
            share(diagnosis.source_exact, diagnosis.role_windows),
        );
    }
    Ok(())
}
