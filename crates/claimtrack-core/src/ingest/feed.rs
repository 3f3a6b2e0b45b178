//! RSS 2.0 and Atom feeds (read by feed-rs): every entry's page is fetched and stored as
//! an article, except entries already stored, which are recognised first by address (so
//! reading a feed again fetches nothing it already has) and then by content hash (the same
//! story under a second address). One entry that fails is reported and the rest go on.

use chrono::NaiveDate;

use super::fetch::{draft_from_fetched_page, fetch_document, FetchAccept, FetchFailure};
use super::html::{absolute_http_url, parse_html_article};
use super::report::{ImportItem, ImportReport, ImportResult, IngestProgress, ReportBuilder};
use super::store_access::StoreAccess;
use super::{decode_html_bytes, DraftOverrides, FetchOptions, FetchedDocument, FetchedKind};
use crate::error::{CoreError, CoreResult};

/// One entry of a feed: the address of its page and what the feed says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// The entry's link, absolute; `None` when the entry has none.
    pub url: Option<String>,
    pub title: Option<String>,
    /// The entry's publication (or, failing that, update) day, in UTC.
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
}

/// A feed's entries in the order the feed lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// The address the feed was read from (after redirects).
    pub url: String,
    pub title: Option<String>,
    pub entries: Vec<FeedEntry>,
}

/// Parses an RSS (0.9x, 1.0, 2.0), Atom or JSON feed. Relative entry links are resolved
/// against `feed_url`.
pub fn parse_feed(bytes: &[u8], feed_url: &str) -> CoreResult<Feed> {
    let parsed = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url))
        .build()
        .parse(bytes)
        .map_err(|error| {
            CoreError::InvalidInput(format!(
                "{feed_url} is not a readable RSS or Atom feed ({error})"
            ))
        })?;
    let entries = parsed
        .entries
        .iter()
        .map(|entry| FeedEntry {
            url: entry_link(entry, feed_url),
            title: entry
                .title
                .as_ref()
                .map(|title| title.content.trim().to_string())
                .filter(|title| !title.is_empty()),
            published: entry
                .published
                .or(entry.updated)
                .map(|timestamp| timestamp.date_naive()),
            author: entry
                .authors
                .iter()
                .filter_map(|person| person.name.as_deref().map(str::trim))
                .find(|name| !name.is_empty() && !name.contains('@'))
                .map(str::to_string),
        })
        .collect();
    Ok(Feed {
        url: feed_url.to_string(),
        title: parsed
            .title
            .map(|title| title.content.trim().to_string())
            .filter(|title| !title.is_empty()),
        entries,
    })
}

/// The entry's page: its `alternate` (or first) link, else an id that is a web address
/// (RSS `<guid isPermaLink="true">`). A link that is not http(s) is kept as written, so
/// fetching it reports the scheme.
fn entry_link(entry: &feed_rs::model::Entry, feed_url: &str) -> Option<String> {
    let link = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
        .map(|link| link.href.trim())
        .filter(|href| !href.is_empty());
    match link {
        Some(href) => {
            Some(absolute_http_url(href, Some(feed_url)).unwrap_or_else(|| href.to_string()))
        }
        None => absolute_http_url(&entry.id, None)
            .filter(|id| id.starts_with("http://") || id.starts_with("https://")),
    }
}

/// Fetches and parses a feed. When the address is an HTML page that announces a feed
/// (`<link rel="alternate" type="application/rss+xml">`), that feed is read instead.
pub fn fetch_feed(url: &str, options: &FetchOptions) -> CoreResult<Feed> {
    let document = fetch_document(url, options, FetchAccept::HtmlOrFeed)?;
    feed_from_document(document, options)
}

fn feed_from_document(document: FetchedDocument, options: &FetchOptions) -> CoreResult<Feed> {
    if document.kind == FetchedKind::Feed {
        return parse_feed(&document.bytes, &document.final_url);
    }
    let page = decode_html_bytes(
        &document.bytes,
        document.content_type.as_deref(),
        &document.requested_url,
    )?;
    let announced = parse_html_article(&page.text, Some(&document.final_url))?.feed_links;
    let Some(feed_url) = announced.first() else {
        return Err(CoreError::Fetch {
            url: document.requested_url,
            failure: FetchFailure::NotAFeed("an HTML page that announces no feed".into()),
        });
    };
    let feed = fetch_document(feed_url, options, FetchAccept::Feed)?;
    parse_feed(&feed.bytes, &feed.final_url)
}

/// Reads the feed at `url` and stores every entry's page (see [`ingest_feed_entries`]).
/// Fails only when the feed itself cannot be fetched or read.
pub fn ingest_feed(
    store: impl StoreAccess,
    url: &str,
    options: &FetchOptions,
    progress: impl FnMut(IngestProgress),
) -> CoreResult<ImportReport> {
    let feed = fetch_feed(url, options)?;
    Ok(ingest_feed_entries(
        store,
        &feed,
        options,
        &DraftOverrides::default(),
        progress,
    ))
}

/// Stores every entry's page, each in its own transaction, calling `progress` once the
/// entries are counted and after each one. An entry whose address (its link, or the
/// canonical URL of its page) is already stored is skipped as [`ImportResult::KnownUrl`];
/// one whose text is already stored is [`ImportResult::AlreadyStored`]. The page's own
/// metadata wins; the feed's date and author fill in what the page lacks, and `overrides`
/// (except the title, which is each entry's own) win over both.
pub fn ingest_feed_entries(
    mut store: impl StoreAccess,
    feed: &Feed,
    options: &FetchOptions,
    overrides: &DraftOverrides,
    progress: impl FnMut(IngestProgress),
) -> ImportReport {
    let overrides = DraftOverrides {
        title: None,
        ..overrides.clone()
    };
    let mut report = ReportBuilder::start(feed.entries.len(), progress);
    for (index, entry) in feed.entries.iter().enumerate() {
        let source = entry.url.clone().unwrap_or_else(|| {
            format!(
                "{} entry {} ({})",
                feed.url,
                index + 1,
                entry.title.as_deref().unwrap_or("untitled")
            )
        });
        let item = match ingest_feed_entry(&mut store, entry, options, &overrides) {
            Ok(result) => ImportItem { source, result },
            Err(error) => ImportItem::failed(source, &error),
        };
        report.push(item);
    }
    report.finish()
}

fn ingest_feed_entry(
    store: &mut impl StoreAccess,
    entry: &FeedEntry,
    options: &FetchOptions,
    overrides: &DraftOverrides,
) -> CoreResult<ImportResult> {
    let Some(url) = entry.url.as_deref() else {
        return Err(CoreError::InvalidInput(
            "the feed entry has no link to its page".into(),
        ));
    };
    if let Some(article_id) = store.with_store(|store| store.find_article_by_url(url))? {
        return Ok(ImportResult::KnownUrl { article_id });
    }
    let document = fetch_document(url, options, FetchAccept::Html)?;
    let mut draft = draft_from_fetched_page(&document, overrides)?;
    if let Some(canonical) = draft.url.as_deref().filter(|canonical| *canonical != url) {
        if let Some(article_id) = store.with_store(|store| store.find_article_by_url(canonical))? {
            return Ok(ImportResult::KnownUrl { article_id });
        }
    }
    draft.published = draft.published.or(entry.published);
    draft.author = draft.author.or_else(|| entry.author.clone());
    let outcome = store.with_store(|store| store.ingest(&draft))?;
    Ok(ImportItem::stored(url, outcome).result)
}
