//! How the CLI prints things: the JSON and CSV row shapes (a contract with scripts, so the
//! key names and order are fixed here and nowhere else) and the human-readable listings.

use std::io::Write;

use chrono::NaiveDate;
use claimtrack_core::export::neutralise_formula;
use claimtrack_core::store::{ArticleSummary, Claim, HistoryEntry, SpeakerSummary};
use claimtrack_core::ExtractedClaim;
use clap::ValueEnum;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Csv,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Json,
    Text,
}

/// One claim of `claimtrack extract --format json|csv`. Offsets are byte offsets into the
/// file as read; `start`/`end` bound the whole claim content, `parts` its pieces.
#[derive(Debug, Serialize)]
pub struct ExtractedRow {
    pub article: String,
    pub kind: &'static str,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_type: &'static str,
    pub speaker_role: Option<String>,
    pub mention: Option<String>,
    pub mention_start: Option<usize>,
    pub mention_end: Option<usize>,
    pub cue: Option<String>,
    pub date: Option<NaiveDate>,
    pub confidence: f32,
    pub parts: Vec<[usize; 2]>,
}

impl ExtractedRow {
    pub fn new(article: &str, claim: &ExtractedClaim) -> ExtractedRow {
        ExtractedRow {
            article: article.to_string(),
            kind: claim.kind.as_str(),
            text: claim.text.clone(),
            start: claim.span.start,
            end: claim.span.end,
            speaker: claim.speaker.clone(),
            speaker_type: claim.speaker_type.as_str(),
            speaker_role: claim.speaker_role.clone(),
            mention: claim.mention.as_ref().map(|mention| mention.text.clone()),
            mention_start: claim.mention.as_ref().map(|mention| mention.span.start),
            mention_end: claim.mention.as_ref().map(|mention| mention.span.end),
            cue: claim.cue.clone(),
            date: claim.said_on,
            confidence: claim.confidence,
            parts: claim
                .parts
                .iter()
                .map(|part| [part.start, part.end])
                .collect(),
        }
    }
}

/// One claim of `claimtrack claims --format json`: the extract keys (with `article` the
/// article's title) plus the store's `id`, `article_id`, review `status` and details.
#[derive(Debug, Serialize)]
pub struct StoredClaimRow<'claim> {
    pub id: i64,
    pub article_id: i64,
    pub article: &'claim str,
    pub kind: &'static str,
    pub text: &'claim str,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'claim str>,
    pub speaker_type: &'static str,
    pub speaker_role: Option<&'claim str>,
    pub mention: Option<&'claim str>,
    pub mention_start: Option<usize>,
    pub mention_end: Option<usize>,
    pub cue: Option<&'claim str>,
    pub date: Option<NaiveDate>,
    pub confidence: f32,
    pub parts: &'claim [[usize; 2]],
    pub status: &'static str,
    pub reviewed_at: Option<&'claim str>,
    pub corrected: bool,
    pub origin: &'static str,
}

impl<'claim> StoredClaimRow<'claim> {
    fn new(claim: &'claim Claim) -> StoredClaimRow<'claim> {
        StoredClaimRow {
            id: claim.id,
            article_id: claim.article_id,
            article: &claim.article_title,
            kind: claim.kind.as_str(),
            text: &claim.text,
            start: claim.start,
            end: claim.end,
            speaker: claim.speaker.as_deref(),
            speaker_type: claim.speaker_type.as_str(),
            speaker_role: claim.speaker_role.as_deref(),
            mention: claim.mention.as_deref(),
            mention_start: claim.mention_start,
            mention_end: claim.mention_end,
            cue: claim.cue.as_deref(),
            date: claim.date,
            confidence: claim.confidence,
            parts: &claim.parts,
            status: claim.status.as_str(),
            reviewed_at: claim.reviewed_at.as_deref(),
            corrected: claim.corrected,
            origin: claim.origin.as_str(),
        }
    }
}

/// Articles as JSON: `id, title, outlet, url, author, published, source_path, ingested_at,
/// claims, pending, verified, rejected`.
#[derive(Debug, Serialize)]
struct ArticleRow<'article> {
    id: i64,
    title: &'article str,
    outlet: Option<&'article str>,
    url: Option<&'article str>,
    author: Option<&'article str>,
    published: Option<NaiveDate>,
    source_path: Option<&'article str>,
    ingested_at: &'article str,
    claims: i64,
    pending: i64,
    verified: i64,
    rejected: i64,
}

pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    // Standard output flushes at every line break when it is a terminal or a pipe; pretty
    // JSON of a whole corpus is hundreds of thousands of lines, so it is buffered here and
    // flushed once.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

const EXTRACT_CSV_HEADER: [&str; 15] = [
    "article",
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_type",
    "speaker_role",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "date",
    "confidence",
    "parts",
];

/// The extract keys as CSV columns; empty cells for nulls, `parts` as JSON, and text
/// cells that a spreadsheet would run as formulas prefixed with `'` as in the export.
pub fn print_extracted_csv(rows: &[ExtractedRow]) -> anyhow::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(std::io::stdout().lock());
    writer.write_record(EXTRACT_CSV_HEADER)?;
    let text = |value: Option<&str>| neutralise_formula(value.unwrap_or_default()).into_owned();
    let number = |value: Option<usize>| value.map(|value| value.to_string()).unwrap_or_default();
    for row in rows {
        writer.write_record([
            text(Some(&row.article)),
            row.kind.to_string(),
            text(Some(&row.text)),
            row.start.to_string(),
            row.end.to_string(),
            text(row.speaker.as_deref()),
            row.speaker_type.to_string(),
            text(row.speaker_role.as_deref()),
            text(row.mention.as_deref()),
            number(row.mention_start),
            number(row.mention_end),
            text(row.cue.as_deref()),
            row.date.map(|date| date.to_string()).unwrap_or_default(),
            row.confidence.to_string(),
            serde_json::to_string(&row.parts)?,
        ])?;
    }
    writer.flush()?;
    Ok(())
}

fn describe_speaker(speaker: Option<&str>, speaker_type: &str, role: Option<&str>) -> String {
    match (speaker, role) {
        (Some(name), Some(role)) => format!("{name} ({speaker_type}, {role})"),
        (Some(name), None) => format!("{name} ({speaker_type})"),
        (None, _) => "unknown speaker".to_string(),
    }
}

pub fn print_extracted_text(article: &str, claims: &[ExtractedClaim]) {
    println!("{article}: {} claims", claims.len());
    for (index, claim) in claims.iter().enumerate() {
        println!(
            "  {}. {} {:.2} [{}..{}] {}{}{}",
            index + 1,
            claim.kind,
            claim.confidence,
            claim.span.start,
            claim.span.end,
            describe_speaker(
                claim.speaker.as_deref(),
                claim.speaker_type.as_str(),
                claim.speaker_role.as_deref()
            ),
            claim
                .cue
                .as_ref()
                .map(|cue| format!(", cue \"{cue}\""))
                .unwrap_or_default(),
            claim
                .said_on
                .map(|date| format!(", {date}"))
                .unwrap_or_default(),
        );
        println!("     \u{201c}{}\u{201d}", claim.text);
    }
}

pub fn print_claims(claims: &[Claim], format: ListFormat) -> anyhow::Result<()> {
    if format == ListFormat::Json {
        let rows: Vec<StoredClaimRow<'_>> = claims.iter().map(StoredClaimRow::new).collect();
        return print_json(&rows);
    }
    if claims.is_empty() {
        println!("no claims");
    }
    for claim in claims {
        println!(
            "#{} [{}{}] article {} {} {:.2} [{}..{}] {}{}",
            claim.id,
            claim.status,
            if claim.corrected { ", corrected" } else { "" },
            claim.article_id,
            claim.kind,
            claim.confidence,
            claim.start,
            claim.end,
            describe_speaker(
                claim.speaker.as_deref(),
                claim.speaker_type.as_str(),
                claim.speaker_role.as_deref()
            ),
            claim
                .date
                .map(|date| format!(", {date}"))
                .unwrap_or_default(),
        );
        println!("    \u{201c}{}\u{201d}", claim.text);
    }
    Ok(())
}

pub fn print_articles(articles: &[ArticleSummary], format: ListFormat) -> anyhow::Result<()> {
    if format == ListFormat::Json {
        let rows: Vec<ArticleRow<'_>> = articles
            .iter()
            .map(|article| ArticleRow {
                id: article.id,
                title: &article.title,
                outlet: article.outlet.as_deref(),
                url: article.url.as_deref(),
                author: article.author.as_deref(),
                published: article.published,
                source_path: article.source_path.as_deref(),
                ingested_at: &article.ingested_at,
                claims: article.claims,
                pending: article.pending,
                verified: article.verified,
                rejected: article.rejected,
            })
            .collect();
        return print_json(&rows);
    }
    if articles.is_empty() {
        println!("no articles");
    }
    for article in articles {
        println!(
            "#{} {} ({}{}) — {} claims: {} pending, {} verified, {} rejected",
            article.id,
            article.title,
            article.outlet.as_deref().unwrap_or("no outlet"),
            article
                .published
                .map(|date| format!(", {date}"))
                .unwrap_or_default(),
            article.claims,
            article.pending,
            article.verified,
            article.rejected,
        );
    }
    Ok(())
}

pub fn print_speakers(speakers: &[SpeakerSummary], format: ListFormat) -> anyhow::Result<()> {
    if format == ListFormat::Json {
        return print_json(speakers);
    }
    if speakers.is_empty() {
        println!("no speakers");
    }
    for speaker in speakers {
        let other_names: Vec<&str> = speaker
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|alias| *alias != speaker.canonical_name)
            .collect();
        println!(
            "#{} {} ({}) — {} claims, {} verified{}",
            speaker.id,
            speaker.canonical_name,
            speaker.speaker_type,
            speaker.claims,
            speaker.verified,
            if other_names.is_empty() {
                String::new()
            } else {
                format!("; also: {}", other_names.join(", "))
            },
        );
    }
    Ok(())
}

pub fn print_history(entries: &[HistoryEntry], format: ListFormat) -> anyhow::Result<()> {
    if format == ListFormat::Json {
        return print_json(entries);
    }
    if entries.is_empty() {
        println!("no history");
    }
    for entry in entries {
        println!(
            "#{} {} {} [{}] {}",
            entry.id, entry.at, entry.action, entry.state, entry.summary
        );
    }
    Ok(())
}
