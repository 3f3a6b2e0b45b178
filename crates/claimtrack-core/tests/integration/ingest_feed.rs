//! RSS 2.0 and Atom feeds served on 127.0.0.1, pointing at pages on the same server: every
//! entry's page is stored, a second run skips what is stored (by address, and by content
//! hash for the same story under another address), and a broken entry stops nothing.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use claimtrack_core::ingest::{
    fetch_feed, ingest_feed, ingest_url, DraftOverrides, FetchOptions, ImportReport, ImportResult,
    IngestProgress,
};
use claimtrack_core::CoreError;

use crate::ingest_html::html_fixture;
use crate::loopback_server::{LoopbackServer, Reply};
use crate::support::{date, table_counts, TempDatabase};

fn options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(html_fixture(name)).unwrap()
}

/// An RSS 2.0 feed of the given absolute links, written like a news site's.
fn rss_feed(links: &[String]) -> String {
    let items: String = links
        .iter()
        .enumerate()
        .map(|(index, link)| {
            format!(
                "<item><title>Story {number}</title><link>{link}</link><guid isPermaLink=\"false\">story-{number}</guid>\
                 <pubDate>0{number} Jan 2024 09:00:00 +0000</pubDate><description>Summary {number}</description></item>\n",
                number = index + 1
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Loopback News</title>\
         <link>http://127.0.0.1/</link><description>Test feed</description>\n{items}</channel></rss>\n"
    )
}

/// Kinds of the report's items, in order, as short words.
fn outcomes(report: &ImportReport) -> Vec<&'static str> {
    report
        .items
        .iter()
        .map(|item| match item.result {
            ImportResult::Inserted { .. } => "inserted",
            ImportResult::AlreadyStored { .. } => "same text",
            ImportResult::KnownUrl { .. } => "known url",
            ImportResult::Failed { .. } => "failed",
        })
        .collect()
}

#[test]
fn an_rss_feed_stores_each_entry_once_and_a_broken_entry_stops_nothing() {
    let port = Arc::new(OnceLock::<u16>::new());
    let port_in_server = Arc::clone(&port);
    let (courier, ledger, tribune) = (
        fixture("courier_open_graph.html"),
        fixture("ledger_json_ld_graph.html"),
        fixture("tribune_time_element.html"),
    );
    let server = LoopbackServer::start(move |path| {
        let base = format!("http://127.0.0.1:{}", port_in_server.get().unwrap());
        let link = |path: &str| format!("{base}{path}");
        match path {
            "/feeds/news.rss" => Reply::new(
                200,
                "application/rss+xml; charset=utf-8",
                rss_feed(&[
                    link("/stories/cycling"),
                    link("/stories/harbour"),
                    link("/stories/missing"),
                    link("/stories/strike"),
                ]),
            ),
            "/feeds/mirror.rss" => Reply::new(
                200,
                "application/rss+xml",
                rss_feed(&[link("/mirror/harbour"), link("/stories/cycling")]),
            ),
            "/stories/cycling" => Reply::html(courier.clone()),
            "/stories/harbour" | "/mirror/harbour" => Reply::html(ledger.clone()),
            "/stories/strike" => Reply::html(tribune.clone()),
            _ => Reply::not_found(),
        }
    });
    port.set(server.port()).unwrap();
    let temp = TempDatabase::new();
    let mut store = temp.open();

    let mut events = Vec::new();
    let first = ingest_feed(
        &mut store,
        &server.url("/feeds/news.rss"),
        &options(),
        |event| events.push(event),
    )
    .unwrap();
    assert_eq!(
        outcomes(&first),
        vec!["inserted", "inserted", "failed", "inserted"]
    );
    assert!(matches!(events[0], IngestProgress::Started { total: 4 }));
    let done: Vec<usize> = events
        .iter()
        .filter_map(|event| match event {
            IngestProgress::Finished { done, total: 4, .. } => Some(*done),
            _ => None,
        })
        .collect();
    assert_eq!(done, vec![1, 2, 3, 4]);
    let ImportResult::Failed { error } = &first.items[2].result else {
        unreachable!()
    };
    assert_eq!(first.items[2].source, server.url("/stories/missing"));
    assert!(error.message.contains("HTTP 404"), "{}", error.message);

    // The pages' own metadata is stored; the feed's date fills in nothing here.
    let articles = store.list_articles().unwrap();
    assert_eq!(articles.len(), 3);
    let harbour = articles
        .iter()
        .find(|article| article.title == "Harbour dredging to start in spring")
        .unwrap();
    assert_eq!(harbour.published, Some(date("2024-01-22")));
    assert_eq!(harbour.source_path, Some(server.url("/stories/harbour")));

    // The second run fetches only the feed and the entry that failed.
    let requests_before = server.requests().len();
    let counts = table_counts(&temp.path());
    let second = ingest_feed(
        &mut store,
        &server.url("/feeds/news.rss"),
        &options(),
        |_| {},
    )
    .unwrap();
    assert_eq!(
        outcomes(&second),
        vec!["known url", "known url", "failed", "known url"]
    );
    assert_eq!(
        server.requests()[requests_before..].to_vec(),
        vec!["/feeds/news.rss", "/stories/missing"]
    );
    assert_eq!(table_counts(&temp.path()), counts);
    for (first_item, second_item) in first.items.iter().zip(&second.items) {
        assert_eq!(first_item.article_id(), second_item.article_id());
    }

    // The same story at another address is recognised by its text.
    let mirror = ingest_feed(
        &mut store,
        &server.url("/feeds/mirror.rss"),
        &options(),
        |_| {},
    )
    .unwrap();
    assert_eq!(outcomes(&mirror), vec!["same text", "known url"]);
    assert_eq!(mirror.items[0].article_id(), Some(harbour.id));
    assert_eq!(table_counts(&temp.path()), counts);
}

#[test]
fn an_atom_feed_with_relative_links_fills_in_what_its_pages_lack() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Gazette</title>
  <id>urn:example:valley-gazette</id>
  <updated>2023-08-04T10:00:00Z</updated>
  <entry>
    <title>Wells exempt from rationing</title>
    <id>urn:example:wells</id>
    <link rel="alternate" type="text/html" href="stories/wells"/>
    <published>2023-08-04T06:30:00Z</published>
    <updated>2023-08-04T09:00:00Z</updated>
    <author><name>Ruth Okafor</name></author>
  </entry>
  <entry>
    <title>Water rationing ordered</title>
    <id>urn:example:rationing</id>
    <link rel="self" href="/api/rationing.json"/>
    <link rel="alternate" href="/local/rationing"/>
    <published>2023-08-02T22:00:00Z</published>
  </entry>
  <entry>
    <title>An entry without a page</title>
    <id>urn:example:no-page</id>
    <updated>2023-08-01T12:00:00Z</updated>
  </entry>
</feed>"#;
    let wells = "<html><head><title>Wells exempt from rationing</title></head><body><article>\
        <p>Households that draw water from their own wells will not be covered by the rationing order, the water board said on Friday.</p>\
        <p>\"A private well is not part of the public supply,\" board spokeswoman Ines Vogt said.</p></article></body></html>";
    let rationing = fixture("gazette_json_ld_array.html");
    let server = LoopbackServer::start(move |path| match path {
        "/feeds/valley.atom" => Reply::new(200, "application/atom+xml", atom),
        "/feeds/stories/wells" => Reply::html(wells),
        "/local/rationing" => Reply::html(rationing.clone()),
        _ => Reply::not_found(),
    });
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let report = ingest_feed(
        &mut store,
        &server.url("/feeds/valley.atom"),
        &options(),
        |_| {},
    )
    .unwrap();
    assert_eq!(outcomes(&report), vec!["inserted", "inserted", "failed"]);
    // "stories/wells" is relative to the feed's address, "/local/..." to its host.
    assert_eq!(report.items[0].source, server.url("/feeds/stories/wells"));
    assert_eq!(report.items[1].source, server.url("/local/rationing"));
    let ImportResult::Failed { error } = &report.items[2].result else {
        unreachable!()
    };
    assert!(error.message.contains("no link"), "{}", error.message);
    assert!(report.items[2].source.contains("An entry without a page"));

    let wells = store
        .get_article(report.items[0].article_id().unwrap())
        .unwrap();
    // The page has no date or author: the feed's are used.
    assert_eq!(wells.summary.published, Some(date("2023-08-04")));
    assert_eq!(wells.summary.author.as_deref(), Some("Ruth Okafor"));
    let rationing = store
        .get_article(report.items[1].article_id().unwrap())
        .unwrap();
    // The page's own JSON-LD date (3 August) wins over the feed's (2 August).
    assert_eq!(rationing.summary.published, Some(date("2023-08-03")));
    assert_eq!(rationing.summary.author.as_deref(), Some("Ruth Okafor"));
}

#[test]
fn a_url_is_recognised_as_a_feed_and_a_page_that_announces_a_feed_leads_to_it() {
    let port = Arc::new(OnceLock::<u16>::new());
    let port_in_server = Arc::clone(&port);
    let tribune = fixture("tribune_time_element.html");
    let server = LoopbackServer::start(move |path| {
        let base = format!("http://127.0.0.1:{}", port_in_server.get().unwrap());
        match path {
            // Generic XML: the body says it is a feed.
            "/rss" => Reply::new(200, "text/xml", rss_feed(&[format!("{base}/strike")])),
            "/strike" => Reply::html(tribune.clone()),
            "/home" => Reply::html(
                "<html><head><title>Home</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head><body><p>Front page</p></body></html>",
            ),
            "/plain-home" => Reply::html("<html><body><p>No feed here.</p></body></html>"),
            "/broken.rss" => Reply::new(200, "application/rss+xml", "<rss><channel><item><title>cut off"),
            _ => Reply::not_found(),
        }
    });
    port.set(server.port()).unwrap();
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let report = ingest_url(
        &mut store,
        &server.url("/rss"),
        &options(),
        &DraftOverrides::default(),
        |_| {},
    );
    assert_eq!(outcomes(&report), vec!["inserted"]);
    assert_eq!(report.items[0].source, server.url("/strike"));

    let feed = fetch_feed(&server.url("/home"), &options()).unwrap();
    assert_eq!(feed.url, server.url("/rss"));
    assert_eq!(feed.title.as_deref(), Some("Loopback News"));
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(feed.entries[0].url, Some(server.url("/strike")));
    assert_eq!(feed.entries[0].published, Some(date("2024-01-01")));

    match fetch_feed(&server.url("/plain-home"), &options()) {
        Err(CoreError::Fetch { failure, .. }) => assert_eq!(failure.code(), "not_a_feed"),
        other => panic!("expected not a feed, got {other:?}"),
    }
    let counts = table_counts(&temp.path());
    match ingest_feed(&mut store, &server.url("/broken.rss"), &options(), |_| {}) {
        Err(CoreError::InvalidInput(message)) => {
            assert!(
                message.contains("not a readable RSS or Atom feed"),
                "{message}"
            )
        }
        other => panic!("expected an unreadable feed, got {other:?}"),
    }
    assert_eq!(table_counts(&temp.path()), counts);
}

#[test]
fn a_store_behind_a_mutex_is_locked_only_for_database_steps_never_while_fetching() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    let temp = TempDatabase::new();
    let shared = Arc::new(Mutex::new(temp.open()));
    let port = Arc::new(OnceLock::<u16>::new());
    let (port_in_server, store_in_server) = (Arc::clone(&port), Arc::clone(&shared));
    let free_while_fetching = Arc::new(AtomicUsize::new(0));
    let free_count = Arc::clone(&free_while_fetching);
    let tribune = fixture("tribune_time_element.html");
    let server = LoopbackServer::start(move |path| {
        // What another window command would do while the import waits on the network.
        if store_in_server.try_lock().is_ok() {
            free_count.fetch_add(1, Ordering::SeqCst);
        }
        let base = format!("http://127.0.0.1:{}", port_in_server.get().unwrap());
        match path {
            "/feed" => Reply::new(
                200,
                "application/rss+xml",
                rss_feed(&[format!("{base}/strike")]),
            ),
            "/strike" => Reply::html(tribune.clone()),
            _ => Reply::not_found(),
        }
    });
    port.set(server.port()).unwrap();
    let report = ingest_url(
        shared.as_ref(),
        &server.url("/feed"),
        &options(),
        &DraftOverrides::default(),
        |_| {
            assert!(
                shared.try_lock().is_ok(),
                "the store stays locked between items"
            )
        },
    );
    assert_eq!(outcomes(&report), vec!["inserted"]);
    assert_eq!(free_while_fetching.load(Ordering::SeqCst), 2);
    assert_eq!(shared.lock().unwrap().list_articles().unwrap().len(), 1);
}
