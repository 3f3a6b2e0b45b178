//! Presents an [`EvalReport`]: as text for a developer (every error with its sentence,
//! then the tables, so the figures are what stays on screen), and checked against a floor
//! of minimum figures so that CI fails when quality drops. JSON is the report's own serde
//! form.
//!
//! A floor file (`claimtrack-eval-floor/1`) names figures by their JSON keys, overall and
//! per kind, with dotted paths for the nested matchings (`overlap_30.f1`), and an optional
//! ceiling on the expected calibration error:
//!
//! ```json
//! { "format": "claimtrack-eval-floor/1", "published_from_gold": true,
//!   "overall": { "f1": 0.80, "speaker_accuracy": 0.85 },
//!   "by_kind": { "direct": { "f1": 0.90 } },
//!   "calibration": { "expected_calibration_error": 0.15 } }
//! ```
//!
//! A name the report does not have is an error, not a pass, so a typo cannot switch a
//! check off.

use std::collections::BTreeMap;
use std::fmt::{self, Write};
use std::path::Path;

use serde::Deserialize;

use super::read_text_verbatim;
use super::score::{EvalError, EvalReport, Figures};
use crate::error::{CoreError, CoreResult};
use crate::model::ClaimKind;

/// The value of the `format` key a floor file may carry.
pub const FLOOR_FORMAT: &str = "claimtrack-eval-floor/1";

const KINDS: [ClaimKind; 3] = [ClaimKind::Direct, ClaimKind::Mixed, ClaimKind::Indirect];

/// Renders the whole report for a terminal.
pub fn render_text_report(report: &EvalReport) -> String {
    let mut out = String::new();
    let dates = if report.published_from_gold {
        "publication dates from the gold"
    } else {
        "no publication dates given to the extractor"
    };
    let _ = writeln!(
        out,
        "claimtrack eval: {} articles, {} ({dates}){}",
        report.articles,
        report.format,
        if report.kinds_derived {
            "; gold kinds inferred from quote marks"
        } else {
            ""
        }
    );
    render_errors(&mut out, &report.errors);
    render_detection(&mut out, report);
    render_attribution(&mut out, report);
    render_calibration(&mut out, report);
    let counts: Vec<String> = report
        .error_counts
        .iter()
        .map(|(class, count)| format!("{} {count}", class.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "\nErrors: {}",
        if counts.is_empty() {
            "none".to_string()
        } else {
            counts.join(", ")
        }
    );
    // Column padding leaves spaces at line ends; they would only get in a diff's way.
    let mut trimmed: String = out
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    trimmed.push('\n');
    trimmed
}

fn render_errors(out: &mut String, errors: &[EvalError]) {
    let mut current_article = None;
    for error in errors {
        if current_article != Some(&error.article) {
            let _ = writeln!(out, "\n{}", error.article);
            current_article = Some(&error.article);
        }
        let mut line = format!(
            "  [{}] {} {}..{}",
            error.class.as_str(),
            error.kind,
            error.start,
            error.end
        );
        match (&error.gold_text, &error.predicted_text) {
            (Some(gold), Some(predicted)) if gold != predicted => {
                let _ = write!(line, " gold \"{gold}\", found \"{predicted}\"");
            }
            (Some(gold), _) => {
                let _ = write!(line, " \"{gold}\"");
            }
            (None, Some(predicted)) => {
                let _ = write!(line, " \"{predicted}\"");
            }
            (None, None) => {}
        }
        match (&error.expected, &error.found) {
            (Some(expected), Some(found)) => {
                let _ = write!(line, "; expected {expected}, found {found}");
            }
            (Some(expected), None) => {
                let _ = write!(line, "; expected {expected}, found none");
            }
            (None, Some(found)) => {
                let _ = write!(line, "; found {found}");
            }
            (None, None) => {}
        }
        if let Some(confidence) = error.confidence {
            let _ = write!(line, " (confidence {confidence:.2})");
        }
        let _ = writeln!(out, "{line}\n      sentence: {}", error.sentence);
    }
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |value| format!("{value:.3}"))
}

fn groups(report: &EvalReport) -> Vec<(&'static str, &Figures)> {
    let mut groups = vec![("overall", &report.overall)];
    groups.extend(
        KINDS
            .iter()
            .map(|kind| (kind.as_str(), report.by_kind.get(*kind))),
    );
    groups.push(("1-3 words", &report.by_content_length.up_to_three_words));
    groups.push(("4+ words", &report.by_content_length.four_or_more_words));
    groups
}

fn render_detection(out: &mut String, report: &EvalReport) {
    let _ = writeln!(
        out,
        "\nClaim detection (one-to-one matching; exact = same words after trimming punctuation,\n>80% / >30% = share of the gold content covered)"
    );
    let _ = writeln!(
        out,
        "  {:<9} {:>5} {:>5}   {:<17}   {:<17}   {:<17}",
        "", "gold", "found", "exact P/R/F1", ">80% P/R/F1", ">30% P/R/F1"
    );
    for (name, figures) in groups(report) {
        let triple = |detection: &super::score::Detection| {
            format!(
                "{} {} {}",
                figure(detection.precision),
                figure(detection.recall),
                figure(detection.f1)
            )
        };
        let _ = writeln!(
            out,
            "  {:<9} {:>5} {:>5}   {:<17}   {:<17}   {:<17}",
            name,
            figures.gold,
            figures.predicted,
            triple(&figures.exact),
            triple(&figures.overlap_80),
            triple(&figures.overlap_30)
        );
    }
}

fn render_attribution(out: &mut String, report: &EvalReport) {
    let _ = writeln!(
        out,
        "\nAttribution on claims matched at >30% (accuracy, right/judged; by gold kind and content length)"
    );
    let _ = writeln!(
        out,
        "  {:<9} {:<18} {:<18} {:<18} {:<18}",
        "", "speaker", "cue", "date", "kind"
    );
    let cell = |accuracy: Option<f64>, right: usize, judged: usize| {
        format!("{} ({right}/{judged})", figure(accuracy))
    };
    for (name, figures) in groups(report) {
        let _ = writeln!(
            out,
            "  {:<9} {:<18} {:<18} {:<18} {:<18}",
            name,
            cell(
                figures.speaker_accuracy,
                figures.speaker_right,
                figures.speaker_judged
            ),
            cell(figures.cue_accuracy, figures.cue_right, figures.cue_judged),
            cell(
                figures.date_accuracy,
                figures.date_right,
                figures.date_judged
            ),
            cell(
                figures.kind_accuracy,
                figures.kind_right,
                figures.kind_judged
            ),
        );
    }
}

fn render_calibration(out: &mut String, report: &EvalReport) {
    let calibration = &report.calibration;
    let _ = writeln!(
        out,
        "\nCalibration (a predicted claim is correct when it matches a gold claim with the right speaker)"
    );
    let _ = writeln!(
        out,
        "  {:<10} {:>6} {:>9} {:>9}",
        "confidence", "claims", "mean", "accuracy"
    );
    for bucket in &calibration.buckets {
        let _ = writeln!(
            out,
            "  {:.1}-{:.1}    {:>6} {:>9} {:>9}",
            bucket.lower,
            bucket.upper,
            bucket.count,
            figure(bucket.mean_confidence),
            figure(bucket.accuracy)
        );
    }
    let _ = writeln!(
        out,
        "  expected calibration error: {} over {} claims",
        figure(calibration.expected_calibration_error),
        calibration.claims
    );
}

/// Minimum figures an evaluation must reach, as read from a floor file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalFloor {
    #[serde(default)]
    pub format: Option<String>,
    /// When set, the floor was measured with (or without) `--published-from-gold`, and
    /// checking it under the other setting is refused: the figures would not compare.
    #[serde(default)]
    pub published_from_gold: Option<bool>,
    /// Why the floor is what it is; not read by the check.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub overall: BTreeMap<String, f64>,
    #[serde(default)]
    pub by_kind: BTreeMap<String, BTreeMap<String, f64>>,
    #[serde(default)]
    pub calibration: Option<CalibrationCeiling>,
}

/// The calibration error may not rise above this.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalibrationCeiling {
    pub expected_calibration_error: f64,
}

/// One figure on the wrong side of its floor (or ceiling).
#[derive(Debug, Clone, PartialEq)]
pub struct FloorShortfall {
    /// The figure's path, e.g. `by_kind.direct.f1`.
    pub figure: String,
    /// What was measured; `None` when there was nothing to measure.
    pub measured: Option<f64>,
    pub limit: f64,
    /// True for a ceiling (lower is better), false for a floor.
    pub ceiling: bool,
}

impl fmt::Display for FloorShortfall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.measured, self.ceiling) {
            (None, _) => write!(
                f,
                "{} was not measured (nothing to measure), but the floor asks for {:.4}",
                self.figure, self.limit
            ),
            (Some(measured), false) => write!(
                f,
                "{} = {measured:.4}, below the floor {:.4}",
                self.figure, self.limit
            ),
            (Some(measured), true) => write!(
                f,
                "{} = {measured:.4}, above the ceiling {:.4}",
                self.figure, self.limit
            ),
        }
    }
}

/// Reads and parses a floor file.
pub fn load_floor(path: &Path) -> CoreResult<EvalFloor> {
    let json = read_text_verbatim(path)?;
    parse_floor(&json)
        .map_err(|error| CoreError::InvalidInput(format!("{}: {error}", path.display())))
}

/// Parses a floor from JSON text.
pub fn parse_floor(json: &str) -> CoreResult<EvalFloor> {
    let floor: EvalFloor = serde_json::from_str(json)
        .map_err(|error| CoreError::InvalidInput(format!("not a valid floor file: {error}")))?;
    if let Some(format) = &floor.format {
        if format != FLOOR_FORMAT {
            return Err(CoreError::InvalidInput(format!(
                "floor format is `{format}`, expected `{FLOOR_FORMAT}`"
            )));
        }
    }
    Ok(floor)
}

/// Every figure of `report` below its floor in `floor` (above, for the calibration
/// ceiling). An error when the floor names a figure the report lacks, or was measured
/// with the other publication-date setting.
pub fn check_floor(report: &EvalReport, floor: &EvalFloor) -> CoreResult<Vec<FloorShortfall>> {
    if let Some(expected) = floor.published_from_gold {
        if expected != report.published_from_gold {
            return Err(CoreError::InvalidInput(format!(
                "the floor was measured {} --published-from-gold; run the evaluation the same way",
                if expected { "with" } else { "without" }
            )));
        }
    }
    let mut shortfalls = Vec::new();
    let mut check = |group: &str, figures: &Figures, minimums: &BTreeMap<String, f64>| {
        let figures = serde_json::to_value(figures).unwrap_or_default();
        for (name, minimum) in minimums {
            let pointer = format!("/{}", name.replace('.', "/"));
            let measured = match figures.pointer(&pointer) {
                Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::Number(number)) => number.as_f64(),
                _ => {
                    return Err(CoreError::InvalidInput(format!(
                        "the floor names `{group}.{name}`, which is not a figure of the report"
                    )))
                }
            };
            if measured.is_none_or(|measured| measured < *minimum) {
                shortfalls.push(FloorShortfall {
                    figure: format!("{group}.{name}"),
                    measured,
                    limit: *minimum,
                    ceiling: false,
                });
            }
        }
        Ok(())
    };
    check("overall", &report.overall, &floor.overall)?;
    for (kind, minimums) in &floor.by_kind {
        let parsed: ClaimKind = kind.parse().map_err(|message: String| {
            CoreError::InvalidInput(format!("the floor's by_kind has {message}"))
        })?;
        check(
            &format!("by_kind.{parsed}"),
            report.by_kind.get(parsed),
            minimums,
        )?;
    }
    if let Some(ceiling) = &floor.calibration {
        let measured = report.calibration.expected_calibration_error;
        if measured.is_none_or(|measured| measured > ceiling.expected_calibration_error) {
            shortfalls.push(FloorShortfall {
                figure: "calibration.expected_calibration_error".into(),
                measured,
                limit: ceiling.expected_calibration_error,
                ceiling: true,
            });
        }
    }
    Ok(shortfalls)
}
