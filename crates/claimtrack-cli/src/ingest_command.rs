//! `claimtrack ingest`: files, folders, web pages and feeds into the store.
//!
//! Each input is sorted by its shape: text with `://` in it is an address (a page or a
//! feed, which the core tells apart from what the server sends), anything else a file or a
//! folder; `--feed` names feeds explicitly. The core stores item by item and reports each
//! one; this module turns those reports into a progress bar on stderr (drawn only on a
//! terminal, so scripts and tests see none of it) and, at the end, one line per item:
//! stored ones on stdout, failures as `error:` lines on stderr. Any failure makes the exit
//! code 1, after everything else was stored.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::bail;
use claimtrack_core::ingest::{
    collect_article_files, fetch_feed, ingest_feed_entries, ingest_files, ingest_url,
    DraftOverrides, FetchOptions, ImportItem, ImportReport, ImportResult, IngestProgress,
};
use claimtrack_core::store::Store;
use indicatif::{ProgressBar, ProgressStyle};

/// What `claimtrack ingest` was asked to store.
pub struct IngestRequest {
    /// Files, folders and web addresses, as given.
    pub inputs: Vec<PathBuf>,
    /// Addresses to read as feeds (an HTML page that announces a feed also works).
    pub feeds: Vec<String>,
    pub overrides: DraftOverrides,
    /// The time limit of each web request.
    pub timeout: Duration,
}

/// True for inputs written as a web address (any scheme: the core refuses the ones it
/// cannot fetch with a clear error, which is better than "file not found").
fn looks_like_address(input: &str) -> bool {
    input.contains("://")
}

pub fn run(mut store: Store, request: IngestRequest) -> anyhow::Result<ExitCode> {
    let mut paths = Vec::new();
    let mut addresses = Vec::new();
    for input in request.inputs {
        match input.to_str() {
            Some(text) if looks_like_address(text) => addresses.push(text.trim().to_string()),
            _ => paths.push(input),
        }
    }
    let (files, walk_errors) = collect_article_files(&paths);
    let known_items = files.len() + addresses.len() + request.feeds.len();
    if request.overrides.title.is_some() && (known_items > 1 || !request.feeds.is_empty()) {
        bail!(
            "--title applies to a single file or page, but {} inputs were given",
            known_items.max(2)
        );
    }
    if known_items == 0 && walk_errors.is_empty() {
        bail!("no .txt, .md or .html files found in the given paths");
    }
    let options = FetchOptions {
        timeout: request.timeout,
        ..FetchOptions::default()
    };

    let bar = progress_bar(known_items > 1 || !request.feeds.is_empty());
    let mut on_progress = |event: IngestProgress| match event {
        IngestProgress::Started { total } => bar.inc_length(total as u64),
        IngestProgress::Finished { item, .. } => {
            bar.set_message(item.source);
            bar.inc(1);
        }
    };
    let mut report = ImportReport::default();
    for error in &walk_errors {
        report.items.push(ImportItem::failed(String::new(), error));
    }
    if !files.is_empty() {
        let stored = ingest_files(&mut store, &files, &request.overrides, &mut on_progress);
        report.items.extend(stored.items);
    }
    for address in &addresses {
        let stored = ingest_url(
            &mut store,
            address,
            &options,
            &request.overrides,
            &mut on_progress,
        );
        report.items.extend(stored.items);
    }
    for feed_address in &request.feeds {
        bar.set_message(format!("reading {feed_address}"));
        match fetch_feed(feed_address, &options) {
            Ok(feed) => {
                let stored = ingest_feed_entries(
                    &mut store,
                    &feed,
                    &options,
                    &request.overrides,
                    &mut on_progress,
                );
                report.items.extend(stored.items);
            }
            Err(error) => report
                .items
                .push(ImportItem::failed(feed_address.clone(), &error)),
        }
    }
    bar.finish_and_clear();

    print_report(&report);
    Ok(if report.failed() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar on stderr for imports of several items; a single file needs none. indicatif
/// draws only when stderr is a terminal.
fn progress_bar(wanted: bool) -> ProgressBar {
    if !wanted {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// One line per item, in the order they were tried, then a count when there were several.
fn print_report(report: &ImportReport) {
    for item in &report.items {
        let source = &item.source;
        match &item.result {
            ImportResult::Inserted { article_id, claims } => {
                println!("{source}: inserted as article {article_id} with {claims} claims");
            }
            ImportResult::AlreadyStored { article_id } => {
                println!("{source}: already stored as article {article_id}");
            }
            ImportResult::KnownUrl { article_id } => {
                println!(
                    "{source}: already stored as article {article_id} (same address), not fetched again"
                );
            }
            ImportResult::Failed { error } => {
                // Most core errors already name their file or address; others get it added.
                if source.is_empty() || error.message.contains(source.as_str()) {
                    crate::print_error(&error.message);
                } else {
                    crate::print_error(&format!("{source}: {}", error.message));
                }
            }
        }
    }
    if report.items.len() > 1 {
        println!(
            "{} stored, {} already stored, {} failed",
            report.inserted(),
            report.skipped(),
            report.failed()
        );
    }
}
