//! Storing whatever a web address points at, found out from one fetch: a page becomes one
//! article, a feed becomes one article per entry. This is what `claimtrack ingest URL`
//! and the desktop app's "import from address" call, so a user never has to say which of
//! the two an address is.

use super::feed::{ingest_feed_entries, parse_feed};
use super::fetch::{draft_from_fetched_page, fetch_document, FetchAccept};
use super::report::{ImportItem, ImportReport, IngestProgress, ReportBuilder};
use super::store_access::StoreAccess;
use super::{DraftOverrides, FetchOptions, FetchedKind};

/// Fetches `url` and stores it: a page as one article (with `overrides` over its
/// metadata), a feed as all its entries' pages (see
/// [`ingest_feed_entries`](super::feed::ingest_feed_entries)). Never fails as a whole: a
/// failed fetch is the report's one failed item, so callers report it like a bad file.
pub fn ingest_url(
    mut store: impl StoreAccess,
    url: &str,
    options: &FetchOptions,
    overrides: &DraftOverrides,
    mut progress: impl FnMut(IngestProgress),
) -> ImportReport {
    let source = url.trim().to_string();
    let single = |item: ImportItem, progress: &mut dyn FnMut(IngestProgress)| {
        let mut report = ReportBuilder::start(1, progress);
        report.push(item);
        report.finish()
    };
    let document = match fetch_document(url, options, FetchAccept::HtmlOrFeed) {
        Ok(document) => document,
        Err(error) => return single(ImportItem::failed(source, &error), &mut progress),
    };
    match document.kind {
        FetchedKind::Feed => match parse_feed(&document.bytes, &document.final_url) {
            Ok(feed) => ingest_feed_entries(store, &feed, options, overrides, progress),
            Err(error) => single(ImportItem::failed(source, &error), &mut progress),
        },
        FetchedKind::Html => {
            let item = match draft_from_fetched_page(&document, overrides)
                .and_then(|draft| store.with_store(|store| store.ingest(&draft)))
            {
                Ok(outcome) => ImportItem::stored(source, outcome),
                Err(error) => ImportItem::failed(source, &error),
            };
            single(item, &mut progress)
        }
    }
}
