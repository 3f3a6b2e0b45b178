//! Fetching pages over real HTTP from a server on 127.0.0.1 started by each test: success,
//! redirects, and one clear error for every way a fetch fails (DNS, refused connection,
//! TLS, HTTP status, not HTML, too large, too slow, a scheme that is not http).

use std::time::Duration;

use claimtrack_core::ingest::{
    fetch_article_draft, fetch_document, ingest_url, DraftOverrides, FetchAccept, FetchFailure,
    FetchOptions, ImportResult,
};
use claimtrack_core::CoreError;

use crate::ingest_html::html_fixture;
use crate::loopback_server::{LoopbackServer, Reply};
use crate::support::{date, table_counts, TempDatabase};

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(html_fixture(name)).unwrap()
}

fn quick_options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    }
}

/// The failure of a fetch that had to fail, after checking the error names the address.
fn fetch_failure(url: &str, options: &FetchOptions) -> FetchFailure {
    match fetch_article_draft(url, options) {
        Err(CoreError::Fetch {
            url: failed_url,
            failure,
        }) => {
            assert_eq!(failed_url, url);
            let error = CoreError::Fetch {
                url: failed_url,
                failure: failure.clone(),
            };
            assert_eq!(error.kind(), "fetch");
            assert!(error.to_string().starts_with(url), "{error}");
            failure
        }
        other => panic!("{url}: expected a fetch error, got {other:?}"),
    }
}

#[test]
fn a_served_page_becomes_a_draft_with_its_metadata_and_addresses() {
    let page = fixture_bytes("courier_open_graph.html");
    let server = LoopbackServer::start(move |path| match path {
        "/news/cycling?from=home" => Reply::html(page.clone()),
        _ => Reply::not_found(),
    });
    let url = server.url("/news/cycling?from=home");
    let draft = fetch_article_draft(&url, &quick_options()).unwrap();
    assert_eq!(draft.title, "Westhaven council approves cycling budget");
    assert_eq!(draft.outlet.as_deref(), Some("Westhaven Courier"));
    assert_eq!(draft.author.as_deref(), Some("Ida Svensson"));
    assert_eq!(draft.published, Some(date("2024-03-14")));
    // The page's relative canonical link resolves against the address it was fetched from.
    assert_eq!(draft.url, Some(server.url("/news/2024/03/cycling-budget")));
    assert_eq!(draft.source_path.as_deref(), Some(url.as_str()));
    assert!(draft.text.contains("forty kilometres of protected lanes"));
    assert!(!draft.text.contains("Advertisement"));
    assert_eq!(server.requests(), vec!["/news/cycling?from=home"]);
    assert!(
        server.user_agents()[0].starts_with("ClaimTrack/"),
        "{:?}",
        server.user_agents()
    );
}

#[test]
fn redirects_are_followed_to_the_final_page_which_anchors_relative_links() {
    let page = b"<html><head><title>Ferry back in service</title></head><body><article><p>The ferry to Holm returned to service on Tuesday morning after two days of storms kept it in port, the operator said.</p></article></body></html>".to_vec();
    let server = LoopbackServer::start(move |path| match path {
        "/old" => Reply::redirect(301, "/moved"),
        // A relative Location resolves against the current address.
        "/moved" => Reply::redirect(302, "stories/ferry"),
        "/stories/ferry" => Reply::redirect(307, "/final/ferry.html"),
        "/final/ferry.html" => Reply::html(page.clone()),
        _ => Reply::not_found(),
    });
    let document =
        fetch_document(&server.url("/old"), &quick_options(), FetchAccept::Html).unwrap();
    assert_eq!(document.final_url, server.url("/final/ferry.html"));
    assert_eq!(document.requested_url, server.url("/old"));
    assert_eq!(
        server.requests(),
        vec!["/old", "/moved", "/stories/ferry", "/final/ferry.html"]
    );
    let draft = fetch_article_draft(&server.url("/old"), &quick_options()).unwrap();
    // No canonical link or og:url: the address after redirects is the article's URL.
    assert_eq!(draft.url, Some(server.url("/final/ferry.html")));
    assert_eq!(draft.title, "Ferry back in service");
}

#[test]
fn a_redirect_loop_stops_at_the_cap_and_a_redirect_to_another_scheme_is_refused() {
    let server = LoopbackServer::start(|path| match path {
        "/loop" => Reply::redirect(302, "/loop"),
        "/to-file" => Reply::redirect(301, "file:///etc/passwd"),
        "/nowhere" => Reply {
            headers: Vec::new(),
            ..Reply::redirect(302, "")
        },
        _ => Reply::not_found(),
    });
    let options = FetchOptions {
        max_redirects: 3,
        ..quick_options()
    };
    let failure = fetch_failure(&server.url("/loop"), &options);
    assert_eq!(failure, FetchFailure::TooManyRedirects(3));
    assert_eq!(failure.code(), "too_many_redirects");
    // The first request and three redirects followed; the fourth redirect is refused.
    assert_eq!(server.requests().len(), 4);

    let failure = fetch_failure(&server.url("/to-file"), &options);
    assert_eq!(failure.code(), "bad_redirect");
    assert!(
        failure.to_string().contains("file:///etc/passwd"),
        "{failure}"
    );
    let failure = fetch_failure(&server.url("/nowhere"), &options);
    assert_eq!(failure.code(), "bad_redirect");
    assert!(failure.to_string().contains("Location"), "{failure}");
}

#[test]
fn http_error_statuses_are_reported_with_their_code() {
    let server = LoopbackServer::start(|path| match path {
        "/broken" => Reply::new(500, "text/html", "<p>oops</p>"),
        _ => Reply::not_found(),
    });
    let failure = fetch_failure(&server.url("/missing"), &quick_options());
    assert_eq!(
        failure,
        FetchFailure::HttpStatus {
            code: 404,
            reason: "Not Found".into()
        }
    );
    assert_eq!(
        failure.to_string(),
        "the server answered HTTP 404 Not Found"
    );
    let failure = fetch_failure(&server.url("/broken"), &quick_options());
    assert!(matches!(
        failure,
        FetchFailure::HttpStatus { code: 500, .. }
    ));
}

#[test]
fn content_that_is_not_html_is_refused_by_its_type_or_its_bytes() {
    let server = LoopbackServer::start(|path| {
        match path {
        "/report.pdf" => Reply::new(200, "application/pdf", b"%PDF-1.7 binary".to_vec()),
        "/data.json" => Reply::new(200, "application/json", "{\"a\": 1}"),
        "/untyped-page" => Reply {
            headers: Vec::new(),
            ..Reply::html("<!DOCTYPE html><title>Untyped</title><p>The mayor said the new library would open in the autumn, a year later than first promised.</p>")
        },
        "/untyped-binary" => Reply {
            headers: Vec::new(),
            ..Reply::html(b"\x89PNG\r\n\x1a\n\x00\x00".to_vec())
        },
        "/feed.xml" => Reply::new(200, "application/rss+xml", "<rss version=\"2.0\"><channel></channel></rss>"),
        "/empty" => Reply::html(""),
        _ => Reply::not_found(),
    }
    });
    let failure = fetch_failure(&server.url("/report.pdf"), &quick_options());
    assert_eq!(failure, FetchFailure::NotHtml("application/pdf".into()));
    assert!(failure
        .to_string()
        .contains("application/pdf, not an HTML page"));
    assert_eq!(
        fetch_failure(&server.url("/data.json"), &quick_options()).code(),
        "not_html"
    );
    assert_eq!(
        fetch_failure(&server.url("/untyped-binary"), &quick_options()).code(),
        "not_html"
    );
    // A feed is not a page when a page is asked for.
    assert_eq!(
        fetch_failure(&server.url("/feed.xml"), &quick_options()).code(),
        "not_html"
    );
    // Without a Content-Type, markup that starts like HTML is read as a page.
    let draft = fetch_article_draft(&server.url("/untyped-page"), &quick_options()).unwrap();
    assert_eq!(draft.title, "Untyped");
    // An empty page is an input error, not a fetch error.
    match fetch_article_draft(&server.url("/empty"), &quick_options()) {
        Err(CoreError::InvalidInput(message)) => assert!(message.contains("empty"), "{message}"),
        other => panic!("expected an empty-page error, got {other:?}"),
    }
}

#[test]
fn pages_over_the_size_limit_are_refused_whether_or_not_their_length_is_declared() {
    let big = format!(
        "<html><body><article>{}</article></body></html>",
        "<p>The council met again on Thursday to discuss the budget.</p>".repeat(400)
    );
    let server = LoopbackServer::start(move |path| match path {
        "/declared" => Reply::html(big.clone()),
        "/undeclared" => Reply::html(big.clone()).without_length(),
        "/small" => Reply::html(big[..2000].to_string() + "</p></article>"),
        _ => Reply::not_found(),
    });
    let options = FetchOptions {
        max_bytes: 10_000,
        ..quick_options()
    };
    let failure = fetch_failure(&server.url("/declared"), &options);
    assert_eq!(failure, FetchFailure::TooLarge { limit: 10_000 });
    assert_eq!(
        failure.to_string(),
        "the page is larger than the 9.8 KB limit"
    );
    assert_eq!(
        fetch_failure(&server.url("/undeclared"), &options),
        FetchFailure::TooLarge { limit: 10_000 }
    );
    assert!(fetch_article_draft(&server.url("/small"), &options).is_ok());
}

#[test]
fn a_server_slower_than_the_timeout_is_reported_as_a_timeout() {
    let server =
        LoopbackServer::start(|_| Reply::html("<p>too late</p>").delayed(Duration::from_secs(3)));
    let options = FetchOptions {
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    };
    let failure = fetch_failure(&server.url("/slow"), &options);
    assert_eq!(failure, FetchFailure::Timeout(Duration::from_millis(300)));
    assert!(failure.to_string().contains("within 0.3 s"), "{failure}");
}

#[test]
fn unknown_hosts_refused_connections_and_tls_failures_each_get_their_own_error() {
    let failure = fetch_failure("http://claimtrack-test.invalid/news", &quick_options());
    assert_eq!(
        failure,
        FetchFailure::HostNotFound("claimtrack-test.invalid".into())
    );
    assert!(failure.to_string().contains("DNS"), "{failure}");

    // A port that was free a moment ago has nothing listening on it.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let refused = format!("http://127.0.0.1:{port}/news");
    let failure = fetch_failure(&refused, &quick_options());
    assert_eq!(failure.code(), "connection_refused", "{failure}");

    // https:// to a server that speaks plain HTTP: the TLS handshake fails.
    let server = LoopbackServer::start(|_| Reply::html("<p>plain</p>"));
    let https = format!("https://127.0.0.1:{}/news", server.port());
    let failure = fetch_failure(&https, &quick_options());
    assert_eq!(failure.code(), "tls", "{failure}");
    assert!(failure.to_string().contains("TLS"), "{failure}");
}

#[test]
fn only_http_and_https_addresses_are_fetched() {
    for (url, scheme) in [
        ("file:///etc/passwd", "file"),
        ("ftp://ftp.example.org/news.html", "ftp"),
        ("javascript:alert(1)", "javascript"),
    ] {
        let failure = fetch_failure(url, &quick_options());
        assert_eq!(failure, FetchFailure::UnsupportedScheme(scheme.into()));
        assert!(failure.to_string().contains("only http:// and https://"));
    }
    for url in ["not a url", "http://", "/relative/path"] {
        assert_eq!(
            fetch_failure(url, &quick_options()).code(),
            "invalid_url",
            "{url}"
        );
    }
}

#[test]
fn a_page_declared_in_windows_1252_by_its_header_is_decoded() {
    let body = b"<html><head><title>Caf\xe9 prices</title></head><body><article><p>\x93Prices will not rise this year,\x94 the owner of Caf\xe9 Aurora said on Monday, promising \x8040 lunch menus.</p></article></body></html>".to_vec();
    let server = LoopbackServer::start(move |_| {
        Reply::new(200, "text/html; charset=windows-1252", body.clone())
    });
    let draft = fetch_article_draft(&server.url("/cafe"), &quick_options()).unwrap();
    assert_eq!(draft.title, "Café prices");
    assert!(
        draft
            .text
            .contains("“Prices will not rise this year,” the owner of Café Aurora"),
        "{}",
        draft.text
    );
    assert!(draft.text.contains("€40"));
}

#[test]
fn ingesting_a_url_stores_it_once_and_a_failed_fetch_stores_nothing() {
    let page = fixture_bytes("tribune_time_element.html");
    let server = LoopbackServer::start(move |path| match path {
        "/strike" => Reply::html(page.clone()),
        _ => Reply::not_found(),
    });
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let mut events = Vec::new();
    let report = ingest_url(
        &mut store,
        &server.url("/strike"),
        &quick_options(),
        &DraftOverrides::default(),
        |event| events.push(event),
    );
    assert_eq!((report.inserted(), report.failed()), (1, 0));
    assert_eq!(events.len(), 2, "{events:?}");
    let article_id = report.items[0].article_id().unwrap();
    let article = store.get_article(article_id).unwrap();
    assert_eq!(
        article.summary.url.as_deref(),
        Some("https://tribune.example/2024/02/09/rail-strike-called-off")
    );
    assert_eq!(article.summary.source_path, Some(server.url("/strike")));
    assert_eq!(article.summary.published, Some(date("2024-02-09")));

    let again = ingest_url(
        &mut store,
        &server.url("/strike"),
        &quick_options(),
        &DraftOverrides::default(),
        |_| {},
    );
    assert!(matches!(
        again.items[0].result,
        ImportResult::AlreadyStored { article_id: id } if id == article_id
    ));

    let counts = table_counts(&temp.path());
    let failed = ingest_url(
        &mut store,
        &server.url("/gone"),
        &quick_options(),
        &DraftOverrides::default(),
        |_| {},
    );
    assert_eq!(failed.failed(), 1);
    let ImportResult::Failed { error } = &failed.items[0].result else {
        panic!("expected a failure");
    };
    assert_eq!(error.kind, "fetch");
    assert!(error.message.contains("404"), "{}", error.message);
    assert_eq!(table_counts(&temp.path()), counts);
}
