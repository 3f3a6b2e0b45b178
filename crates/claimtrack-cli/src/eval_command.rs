//! `claimtrack eval`, the measuring instrument for extraction quality, and the brat
//! format of `claimtrack export`, which writes reviewed claims in the interchange format
//! `eval` and other attribution tools read. Both delegate to `claimtrack_core::eval`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use claimtrack_core::eval::brat::export_claims_brat;
use claimtrack_core::eval::score::calibrate;
use claimtrack_core::eval::{
    check_floor, evaluate_directory, load_floor, render_text_report, EvalFloor, EvalOptions,
    EvalReport,
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
    /// Fit the confidence scaling on this set too (repeatable; implies
    /// --fit-confidence-scaling): every set counts equally in the fit, and each one's
    /// calibration error is printed. Give only sets the extractor may learn from (a
    /// corpus's train split, never the split it is measured on).
    #[arg(long, value_name = "DIR")]
    pub fit_confidence_scaling_with: Vec<PathBuf>,
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
    if arguments.fit_confidence_scaling || !arguments.fit_confidence_scaling_with.is_empty() {
        let mut fitted_sets = vec![(arguments.directory.clone(), report)];
        for directory in &arguments.fit_confidence_scaling_with {
            let other = evaluate_directory(directory, &options)
                .with_context(|| format!("cannot score {}", directory.display()))?;
            fitted_sets.push((directory.clone(), other));
        }
        eprintln!("{}", describe_confidence_scaling_fit(&fitted_sets));
        let Some(floor) = floor else {
            return Ok(ExitCode::SUCCESS);
        };
        return floor_exit_code(&fitted_sets[0].1, &floor);
    }
    let Some(floor) = floor else {
        return Ok(ExitCode::SUCCESS);
    };
    floor_exit_code(&report, &floor)
}

/// Prints each figure below its floor on its own line; failure if there was one.
fn floor_exit_code(report: &EvalReport, floor: &EvalFloor) -> anyhow::Result<ExitCode> {
    let shortfalls = check_floor(report, floor)?;
    for shortfall in &shortfalls {
        eprintln!("error: below floor: {shortfall}");
    }
    Ok(if shortfalls.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The confidence scaling fitted on every set at once (each counting equally), composed
/// with the one extraction already applies (the reports' confidences are rescaled ones),
/// and each set's calibration error after it, over all its claims and held out in a
/// two-fold fit by article.
fn describe_confidence_scaling_fit(sets: &[(PathBuf, EvalReport)]) -> String {
    let outcomes_of = |report: &EvalReport, keep_article: &dyn Fn(usize) -> bool| {
        report
            .confidence_outcomes_by_article
            .iter()
            .enumerate()
            .filter(|(index, _)| keep_article(*index))
            .flat_map(|(_, outcomes)| outcomes.iter().copied())
            .collect::<Vec<(f32, bool)>>()
    };
    let all_outcomes: Vec<Vec<(f32, bool)>> = sets
        .iter()
        .map(|(_, report)| outcomes_of(report, &|_| true))
        .collect();
    let fit_on = |outcomes: &[Vec<(f32, bool)>]| {
        let borrowed: Vec<&[(f32, bool)]> = outcomes.iter().map(Vec::as_slice).collect();
        confidence_scaling::fit_sets(&borrowed)
    };
    let (slope, intercept) = fit_on(&all_outcomes);
    let rescaled_by = |outcomes: &[(f32, bool)], slope: f64, intercept: f64| {
        outcomes
            .iter()
            .map(|&(confidence, right)| {
                let rescaled =
                    confidence_scaling::rescale_with(f64::from(confidence), slope, intercept);
                (((rescaled * 100.0).round() / 100.0) as f32, right)
            })
            .collect::<Vec<_>>()
    };
    let mut held_out: Vec<Vec<(f32, bool)>> = vec![Vec::new(); sets.len()];
    for fold in 0..2 {
        let training: Vec<Vec<(f32, bool)>> = sets
            .iter()
            .map(|(_, report)| outcomes_of(report, &|index| index % 2 != fold))
            .collect();
        let (fold_slope, fold_intercept) = fit_on(&training);
        for ((_, report), held_out) in sets.iter().zip(&mut held_out) {
            let testing = outcomes_of(report, &|index| index % 2 == fold);
            held_out.extend(rescaled_by(&testing, fold_slope, fold_intercept));
        }
    }
    let error = |outcomes: &[(f32, bool)]| {
        calibrate(outcomes)
            .expected_calibration_error
            .map_or("-".to_string(), |error| format!("{error:.4}"))
    };
    let mut description = format!(
        "confidence scaling fitted on {} claims in {} set(s): SLOPE = {:.4}, INTERCEPT = \
         {:.4} (composed with the current {} and {})",
        all_outcomes.iter().map(Vec::len).sum::<usize>(),
        sets.len(),
        slope * confidence_scaling::SLOPE,
        slope * confidence_scaling::INTERCEPT + intercept,
        confidence_scaling::SLOPE,
        confidence_scaling::INTERCEPT,
    );
    for (((directory, _), outcomes), held_out) in sets.iter().zip(&all_outcomes).zip(&held_out) {
        description.push_str(&format!(
            "\n  {}: {} claims, expected calibration error {} -> {}, held out in a two-fold \
             fit by article {}",
            directory.display(),
            outcomes.len(),
            error(outcomes),
            error(&rescaled_by(outcomes, slope, intercept)),
            error(held_out),
        ));
    }
    description
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
