//! `claimtrack eval`, the measuring instrument for extraction quality, and the brat
//! format of `claimtrack export`, which writes reviewed claims in the interchange format
//! `eval` and other attribution tools read. Both delegate to `claimtrack_core::eval`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use claimtrack_core::eval::brat::export_claims_brat;
use claimtrack_core::eval::score::calibrate;
use claimtrack_core::eval::{
    check_floor, evaluate_directory, load_floor, render_text_report, EvalOptions, EvalReport,
};
use claimtrack_core::extract::confidence_scaling;
use claimtrack_core::store::{ClaimFilter, Store};
use clap::{Args, ValueEnum};

use crate::output::ListFormat;

#[derive(Debug, Args)]
pub struct EvalArguments {
    /// A folder of gold files (*.gold.json beside their .txt) or brat annotations (*.ann
    /// beside *.txt, or PolNeAR's text/ and attributions/ folders).
    #[arg(value_name = "DIR")]
    pub directory: PathBuf,
    /// Give the extractor each article's publication date from the gold (PolNeAR: from
    /// metadata.tsv), so relative dates ("on Tuesday") can resolve. Without it the
    /// extractor sees no date, as for pasted text.
    #[arg(long)]
    pub published_from_gold: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// A JSON file of minimum figures (see docs/QUALITY.md); any figure below its floor
    /// is reported on its own line and the command exits 1.
    #[arg(long, value_name = "FILE")]
    pub floor: Option<PathBuf>,
    /// Also fit the confidence scaling (slope and intercept on log-odds, see
    /// extract/confidence_scaling.rs) on this set, and print it with the calibration
    /// error of a two-fold fit by article on the articles each fold did not see.
    #[arg(long)]
    pub fit_confidence_scaling: bool,
}

/// Scores the extractor on the directory, prints the report, and checks the floor.
pub fn run_eval(arguments: EvalArguments) -> anyhow::Result<ExitCode> {
    // A broken floor file is reported before minutes of extraction, not after.
    let floor = arguments.floor.as_deref().map(load_floor).transpose()?;
    let options = EvalOptions {
        published_from_gold: arguments.published_from_gold,
    };
    let report = evaluate_directory(&arguments.directory, &options)?;
    match arguments.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        ListFormat::Text => print!("{}", render_text_report(&report)),
    }
    if arguments.fit_confidence_scaling {
        eprintln!("{}", describe_confidence_scaling_fit(&report));
    }
    let Some(floor) = floor else {
        return Ok(ExitCode::SUCCESS);
    };
    let shortfalls = check_floor(&report, &floor)?;
    for shortfall in &shortfalls {
        eprintln!("error: below floor: {shortfall}");
    }
    Ok(if shortfalls.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The fitted confidence scaling, composed with the one extraction already applies (the
/// report's confidences are rescaled ones), and the two-fold calibration error.
fn describe_confidence_scaling_fit(report: &EvalReport) -> String {
    let outcomes: Vec<(f32, bool)> = report
        .confidence_outcomes_by_article
        .iter()
        .flatten()
        .copied()
        .collect();
    let (slope, intercept) = confidence_scaling::fit(&outcomes);
    let composed_slope = slope * confidence_scaling::SLOPE;
    let composed_intercept = slope * confidence_scaling::INTERCEPT + intercept;
    let mut held_out = Vec::new();
    for fold in 0..2 {
        let (training, testing): (Vec<_>, Vec<_>) = report
            .confidence_outcomes_by_article
            .iter()
            .enumerate()
            .partition(|(index, _)| index % 2 != fold);
        let training: Vec<(f32, bool)> = training
            .into_iter()
            .flat_map(|(_, outcomes)| outcomes.iter().copied())
            .collect();
        let (fold_slope, fold_intercept) = confidence_scaling::fit(&training);
        held_out.extend(testing.into_iter().flat_map(|(_, outcomes)| {
            outcomes.iter().map(move |&(confidence, right)| {
                let rescaled = confidence_scaling::rescale_with(
                    f64::from(confidence),
                    fold_slope,
                    fold_intercept,
                );
                (((rescaled * 100.0).round() / 100.0) as f32, right)
            })
        }));
    }
    let error = |outcomes: &[(f32, bool)]| {
        calibrate(outcomes)
            .expected_calibration_error
            .map_or("-".to_string(), |error| format!("{error:.4}"))
    };
    format!(
        "confidence scaling fitted on {} claims: SLOPE = {composed_slope:.4}, INTERCEPT = \
         {composed_intercept:.4} (composed with the current {} and {}); expected calibration \
         error now {}, held out in a two-fold fit by article {}",
        outcomes.len(),
        confidence_scaling::SLOPE,
        confidence_scaling::INTERCEPT,
        error(&outcomes),
        error(&held_out),
    )
}

/// The file formats `claimtrack export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One CSV file for spreadsheets.
    Csv,
    /// A folder of .txt + .ann (brat standoff) files, one pair per article.
    Brat,
}

/// Writes the claims passing `filter` as brat standoff into `directory`.
pub fn export_brat(store: &Store, directory: &Path, filter: ClaimFilter) -> anyhow::Result<()> {
    if directory.as_os_str().is_empty() {
        bail!("give the folder to write the brat files into");
    }
    let report = export_claims_brat(store, directory, &filter)
        .with_context(|| format!("cannot export to {}", directory.display()))?;
    println!(
        "exported {} claims of {} articles as brat standoff to {}",
        report.claims,
        report.articles,
        report.directory.display()
    );
    Ok(())
}
