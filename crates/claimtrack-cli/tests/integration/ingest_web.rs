//! `claimtrack ingest` on web pages, feeds and folders with saved pages, run as the real
//! binary against a real HTTP server on 127.0.0.1, then `claimtrack articles --format json`
//! to see what was stored.

#[path = "../../../claimtrack-core/tests/integration/loopback_server.rs"]
mod loopback_server;

use std::sync::{Arc, OnceLock};

use loopback_server::{LoopbackServer, Reply};

use crate::support::{Workspace, COUNCIL_STORY};

fn saved_page(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../claimtrack-core/tests/data/html")
        .join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn a_url_is_ingested_like_a_file_and_listed_with_its_metadata_as_json() {
    let page = saved_page("courier_open_graph.html");
    let server = LoopbackServer::start(move |path| match path {
        "/news/cycling" => Reply::html(page.clone()),
        _ => Reply::not_found(),
    });
    let workspace = Workspace::new();
    let url = server.url("/news/cycling");
    let stdout = workspace.run(&["ingest", &url]).ok();
    assert!(
        stdout.contains(&format!("{url}: inserted as article 1 with")),
        "{stdout}"
    );
    let again = workspace.run(&["ingest", &url]).ok();
    assert!(again.contains("already stored as article 1"), "{again}");

    let articles = workspace.run(&["articles", "--format", "json"]).json();
    let article = &articles[0];
    assert_eq!(article["id"], 1);
    assert_eq!(
        article["title"],
        "Westhaven council approves cycling budget"
    );
    assert_eq!(article["outlet"], "Westhaven Courier");
    assert_eq!(
        article["url"].as_str(),
        Some(server.url("/news/2024/03/cycling-budget").as_str())
    );
    assert_eq!(article["author"], "Ida Svensson");
    assert_eq!(article["published"], "2024-03-14");
    assert!(article["claims"].as_i64().unwrap() >= 2, "{article:#}");
}

#[test]
fn feeds_are_read_by_flag_or_by_what_the_server_sends_and_read_again_without_refetching() {
    let port = Arc::new(OnceLock::<u16>::new());
    let port_in_server = Arc::clone(&port);
    let (ledger, tribune) = (
        saved_page("ledger_json_ld_graph.html"),
        saved_page("tribune_time_element.html"),
    );
    let server = LoopbackServer::start(move |path| {
        let base = format!("http://127.0.0.1:{}", port_in_server.get().unwrap());
        match path {
            "/feed.rss" => Reply::new(
                200,
                "application/rss+xml",
                format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback</title>\
                     <item><title>Harbour</title><link>{base}/harbour</link></item>\
                     <item><title>Gone</title><link>{base}/gone</link></item>\
                     <item><title>Strike</title><link>{base}/strike</link></item>\
                     </channel></rss>"
                ),
            ),
            "/harbour" => Reply::html(ledger.clone()),
            "/strike" => Reply::html(tribune.clone()),
            _ => Reply::not_found(),
        }
    });
    port.set(server.port()).unwrap();
    let workspace = Workspace::new();
    let feed = server.url("/feed.rss");

    let first = workspace.run(&["ingest", "--feed", &feed]);
    assert_eq!(first.code, Some(1), "{}", first.stderr);
    assert!(
        first
            .stdout
            .contains(&format!("{}: inserted as article", server.url("/harbour"))),
        "{}",
        first.stdout
    );
    assert!(first
        .stdout
        .contains("2 stored, 0 already stored, 1 failed"));
    let errors: Vec<&str> = first.stderr.lines().collect();
    assert_eq!(errors.len(), 1, "{}", first.stderr);
    assert!(
        errors[0].starts_with("error: ")
            && errors[0].contains(&server.url("/gone"))
            && errors[0].contains("HTTP 404"),
        "{}",
        errors[0]
    );

    // The same feed given as a plain address: recognised as a feed, nothing fetched again.
    let requests_before = server.requests().len();
    let second = workspace.run(&["ingest", &feed]);
    assert_eq!(second.code, Some(1));
    assert!(
        second.stdout.contains("(same address), not fetched again"),
        "{}",
        second.stdout
    );
    assert!(second
        .stdout
        .contains("0 stored, 2 already stored, 1 failed"));
    assert_eq!(
        server.requests()[requests_before..].to_vec(),
        vec!["/feed.rss", "/gone"]
    );
    let articles = workspace.run(&["articles", "--format", "json"]).json();
    assert_eq!(articles.as_array().unwrap().len(), 2);
}

#[test]
fn a_folder_of_saved_pages_and_text_gets_a_report_per_file_and_bad_addresses_fail_clearly() {
    let workspace = Workspace::new();
    workspace.write("inbox/council.txt", COUNCIL_STORY.as_bytes());
    workspace.write(
        "inbox/pages/lakeside.html",
        &saved_page("lakeside_windows_1252.html"),
    );
    workspace.write(
        "inbox/pages/furniture.htm",
        &saved_page("furniture_only.html"),
    );
    let run = workspace.run(&["ingest", "inbox", "file:///etc/passwd"]);
    assert_eq!(run.code, Some(1));
    assert!(run
        .stdout
        .contains("inbox/council.txt: inserted as article"));
    assert!(
        run.stdout
            .contains("inbox/pages/lakeside.html: inserted as article"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("2 stored, 0 already stored, 2 failed"));
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(errors[0].contains("furniture.htm") && errors[0].contains("no article text"));
    assert!(
        errors[1].contains("file:///etc/passwd") && errors[1].contains("only http:// and https://"),
        "{}",
        errors[1]
    );
    let articles = workspace.run(&["articles", "--format", "json"]).json();
    let lakeside = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|article| article["outlet"] == "Lakeside Post")
        .expect("the saved page is stored");
    assert_eq!(lakeside["title"], "Café chain fined €2m");
    assert_eq!(lakeside["author"], "Hélène Dufour");
    assert_eq!(lakeside["published"], "2022-11-30");

    let refused = workspace.run(&["ingest", "--feed", "ftp://feeds.example/news.rss"]);
    assert_eq!(refused.code, Some(1));
    assert!(refused.stderr.contains("only http:// and https://"));
    let no_input = workspace.run_raw(&["ingest"]);
    assert_eq!(no_input.code, Some(2));
}
