//! What storing many articles reports: one item per file, page or feed entry, streamed as
//! progress while the work goes on and gathered into a report at the end. The CLI draws
//! its progress bar from these events and the desktop app forwards them to its window, so
//! both show the same thing from the same code.

use serde::Serialize;

use crate::error::{CoreError, ErrorPayload};
use crate::store::IngestOutcome;

/// What happened to one file, page or feed entry.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum ImportResult {
    /// Stored as a new article, with how many claims extraction found in it.
    Inserted { article_id: i64, claims: usize },
    /// The same text (same SHA-256) was already stored; nothing changed.
    AlreadyStored { article_id: i64 },
    /// A stored article already has this address, so the page was not fetched again.
    KnownUrl { article_id: i64 },
    /// This item failed; the others went on.
    Failed { error: ErrorPayload },
}

/// One item of a report: where it came from (a path or a URL) and what happened to it.
#[derive(Debug, Clone, Serialize)]
pub struct ImportItem {
    pub source: String,
    #[serde(flatten)]
    pub result: ImportResult,
}

impl ImportItem {
    pub fn stored(source: impl Into<String>, outcome: IngestOutcome) -> ImportItem {
        let result = match outcome {
            IngestOutcome::Inserted { article_id, claims } => {
                ImportResult::Inserted { article_id, claims }
            }
            IngestOutcome::AlreadyStored { article_id } => {
                ImportResult::AlreadyStored { article_id }
            }
        };
        ImportItem {
            source: source.into(),
            result,
        }
    }

    pub fn failed(source: impl Into<String>, error: &CoreError) -> ImportItem {
        ImportItem {
            source: source.into(),
            result: ImportResult::Failed {
                error: error.to_payload(),
            },
        }
    }

    pub fn is_failure(&self) -> bool {
        matches!(self.result, ImportResult::Failed { .. })
    }

    /// The stored article this item is now (or already was), if any.
    pub fn article_id(&self) -> Option<i64> {
        match self.result {
            ImportResult::Inserted { article_id, .. }
            | ImportResult::AlreadyStored { article_id }
            | ImportResult::KnownUrl { article_id } => Some(article_id),
            ImportResult::Failed { .. } => None,
        }
    }
}

/// A progress event. `Started` comes once the number of items is known (after a folder
/// walk or after the feed was read); `Finished` follows each item, in order.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum IngestProgress {
    Started {
        total: usize,
    },
    Finished {
        /// How many items are done, this one included.
        done: usize,
        total: usize,
        item: ImportItem,
    },
}

/// Every item of one import, in the order they were tried.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub items: Vec<ImportItem>,
}

impl ImportReport {
    pub fn inserted(&self) -> usize {
        self.count(|result| matches!(result, ImportResult::Inserted { .. }))
    }

    /// Items not stored again because their text or their address was already there.
    pub fn skipped(&self) -> usize {
        self.count(|result| {
            matches!(
                result,
                ImportResult::AlreadyStored { .. } | ImportResult::KnownUrl { .. }
            )
        })
    }

    pub fn failed(&self) -> usize {
        self.count(|result| matches!(result, ImportResult::Failed { .. }))
    }

    fn count(&self, wanted: impl Fn(&ImportResult) -> bool) -> usize {
        self.items
            .iter()
            .filter(|item| wanted(&item.result))
            .count()
    }
}

/// Gathers items into a report while sending each one to the caller's progress callback.
pub(crate) struct ReportBuilder<Progress: FnMut(IngestProgress)> {
    report: ImportReport,
    total: usize,
    progress: Progress,
}

impl<Progress: FnMut(IngestProgress)> ReportBuilder<Progress> {
    pub(crate) fn start(total: usize, mut progress: Progress) -> ReportBuilder<Progress> {
        progress(IngestProgress::Started { total });
        ReportBuilder {
            report: ImportReport::default(),
            total,
            progress,
        }
    }

    pub(crate) fn push(&mut self, item: ImportItem) {
        self.report.items.push(item.clone());
        (self.progress)(IngestProgress::Finished {
            done: self.report.items.len(),
            total: self.total,
            item,
        });
    }

    pub(crate) fn finish(self) -> ImportReport {
        self.report
    }
}
