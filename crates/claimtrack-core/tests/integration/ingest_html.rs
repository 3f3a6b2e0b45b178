//! Saved news pages (written for these tests, in the shapes real sites use, under
//! tests/data/html/) to drafts: the body text without page furniture, every metadata field
//! and its order of trust, encodings, and bad pages refused with a clear error.

use std::path::PathBuf;

use claimtrack_core::ingest::html::estimated_nesting_depth;
use claimtrack_core::ingest::{
    decode_html_bytes, draft_from_file, draft_from_html, parse_html_article, ArticleDraft,
    DraftOverrides, MAX_ARTICLE_BYTES,
};
use claimtrack_core::store::IngestOutcome;
use expect_test::{expect, Expect};

use crate::ingest::invalid_input_message;
use crate::support::{date, TempDatabase};

pub fn html_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html")
        .join(name)
}

fn fixture_draft(name: &str) -> ArticleDraft {
    draft_from_file(&html_fixture(name), &DraftOverrides::default())
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn check_text(draft: &ArticleDraft, expected: Expect) {
    expected.assert_eq(&draft.text);
}

#[test]
fn open_graph_page_keeps_the_story_and_trusts_the_published_time_meta_tag() {
    let draft = fixture_draft("courier_open_graph.html");
    assert_eq!(draft.title, "Westhaven council approves cycling budget");
    assert_eq!(draft.outlet.as_deref(), Some("Westhaven Courier"));
    assert_eq!(draft.author.as_deref(), Some("Ida Svensson"));
    // article:published_time (14 March, in its own +01:00 zone) wins over JSON-LD's
    // 13 March and the <time> element's 12 March.
    assert_eq!(draft.published, Some(date("2024-03-14")));
    // The relative canonical link resolves against og:url, and wins over it.
    assert_eq!(
        draft.url.as_deref(),
        Some("https://courier.example/news/2024/03/cycling-budget")
    );
    assert!(draft
        .source_path
        .as_deref()
        .is_some_and(|path| path.ends_with("courier_open_graph.html")));
    check_text(
        &draft,
        expect![[r#"
            Westhaven council approves cycling budget

            The city council of Westhaven approved a new cycling budget on Tuesday after a debate that ran late into the evening.

            “We will build forty kilometres of protected lanes by 2027,” Mayor Anna Lindqvist said after the vote.

            Opposition warns of cost

            Opposition leader Tomas Brenner said the plan was far too expensive for a city of its size.

            "This is money we simply do not have," Brenner told reporters outside the town hall & promised a referendum.

            The budget now goes to the regional authority, which has until the end of April to object.
        "#]],
    );
    for furniture in [
        "Advertisement",
        "Share",
        "Photo:",
        "By Ida",
        "City Hall reporter",
        "Related",
        "Bridge repairs",
        "Map: where",
        "Topics",
        "Finally some sense",
        "Most read",
        "rights reserved",
        "dataLayer",
        "Search",
        "Published",
    ] {
        assert!(
            !draft.text.contains(furniture),
            "`{furniture}` reached the body"
        );
    }
}

#[test]
fn json_ld_graph_gives_the_date_and_authors_and_article_body_markup_gives_the_text() {
    let draft = fixture_draft("ledger_json_ld_graph.html");
    assert_eq!(draft.title, "Harbour dredging to start in spring");
    assert_eq!(draft.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(
        draft.author.as_deref(),
        Some("Jonas Perlmann-Reyes and Mette Aaltonen")
    );
    // The NewsArticle node's date, not the WebPage node's 2020 date nor the <time>.
    assert_eq!(draft.published, Some(date("2024-01-22")));
    assert_eq!(draft.url, None);
    check_text(
        &draft,
        expect![[r#"
            Harbour dredging to start in spring

            Work to deepen the Westhaven harbour channel will begin in April, port officials confirmed on Monday.

            “Larger ferries need at least nine metres of water, and today we have seven,” harbour master Karin Olsen said at a briefing.

            Fishermen's association chair Jonas Perlmann warned that the works could disturb spawning grounds in the outer bay.

            “We are not against the port. We are against doing this in the one month the cod come in.”

            The port authority said it would publish an environmental assessment before the first dredger arrives.
        "#]],
    );
}

#[test]
fn without_article_markup_the_densest_paragraph_block_is_the_story() {
    let draft = fixture_draft("gazette_json_ld_array.html");
    // "Valley Gazette :: " before the headline is the site name, so it is cut.
    assert_eq!(
        draft.title,
        "Water rationing ordered for three valley towns"
    );
    assert_eq!(draft.outlet.as_deref(), Some("Valley Gazette"));
    // A plain-string author in an array-typed node of a top-level JSON-LD array.
    assert_eq!(draft.author.as_deref(), Some("Ruth Okafor"));
    assert_eq!(draft.published, Some(date("2023-08-03")));
    assert_eq!(draft.url, None);
    check_text(
        &draft,
        expect![[r#"
            Water rationing ordered for three valley towns

            The regional water board ordered rationing on Wednesday for Millbrook, Easton and Rye after the reservoir fell to a third of its capacity.

            Board chairman Viktor Hale said households would be limited to 120 litres a day from Monday.

            “Nobody wants to do this, but the alternative is taps running dry in September,” Hale said.

            Farmers in the valley said the limits came too late.

            “We asked for a plan in May,” said Greta Lund, who grows barley outside Easton. “They gave us a press release.”
        "#]],
    );
}

#[test]
fn a_time_element_is_the_last_date_source_and_a_rel_author_link_the_author() {
    let draft = fixture_draft("tribune_time_element.html");
    assert_eq!(draft.title, "Rail strike called off after overnight talks");
    assert_eq!(draft.outlet, None);
    assert_eq!(draft.author.as_deref(), Some("Lea Marchetti"));
    // 11:10 PM in New York on the 9th is the 10th in UTC; the page's own day is kept.
    assert_eq!(draft.published, Some(date("2024-02-09")));
    assert_eq!(
        draft.url.as_deref(),
        Some("https://tribune.example/2024/02/09/rail-strike-called-off")
    );
    check_text(
        &draft,
        expect![[r#"
            Rail strike called off after overnight talks

            A national rail strike planned for Monday was called off late on Friday after ten hours of talks between the operator and the drivers' union.

            Union general secretary Paul Adeyemi said the new offer met the drivers' main demands on rest periods.

            "This is a deal our members can vote for with their heads held high," Adeyemi told reporters at the station.

            The operator's chief executive, Sonja Wirth, said trains would run to the normal timetable.
        "#]],
    );
}

#[test]
fn a_page_without_metadata_gets_its_title_element_and_decoded_entities() {
    let draft = fixture_draft("bare_no_metadata.html");
    assert_eq!(draft.title, "Café owners protest new terrace fees");
    assert_eq!(
        (&draft.outlet, &draft.author, draft.published, &draft.url),
        (&None, &None, None, &None)
    );
    check_text(
        &draft,
        expect![[r#"
            Café owners protest new terrace fees

            Owners of twenty cafés gathered outside the town hall on Thursday to protest a fee of € 400 a year for each outdoor table.

            “It’s a tax on sunshine,” said Marek Nowak, who runs Café Aurora on the main square.

            Deputy mayor Elif Demir said the fees would pay for new paving & lighting in the old town.
        "#]],
    );
}

#[test]
fn a_windows_1252_page_is_decoded_from_its_declared_charset() {
    let bytes = std::fs::read(html_fixture("lakeside_windows_1252.html")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let draft = fixture_draft("lakeside_windows_1252.html");
    assert_eq!(draft.title, "Café chain fined €2m");
    assert_eq!(draft.outlet.as_deref(), Some("Lakeside Post"));
    assert_eq!(draft.author.as_deref(), Some("Hélène Dufour"));
    assert_eq!(draft.published, Some(date("2022-11-30")));
    check_text(
        &draft,
        expect![[r#"
            Café chain fined €2m

            The competition authority fined the café chain Bruno & Fils €2m on Wednesday for fixing prices with two rivals.

            “The evidence left no doubt,” the authority’s director, Amélie Roux, said in a statement.

            The company said it would appeal – and that it had “always played fair”.
        "#]],
    );
}

#[test]
fn charsets_come_from_bom_then_content_type_then_meta_then_the_bytes() {
    let latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u{e9} \u{bd}</p></body></html>";
    let bytes: Vec<u8> = latin.chars().map(|c| c as u8).collect();
    let page = decode_html_bytes(&bytes, None, "page").unwrap();
    assert!(page.text.contains("Café ½"), "{}", page.text);
    assert_eq!((page.encoding, page.declared_by), ("windows-1252", "meta"));

    // The HTTP header wins over the meta tag.
    let utf8 = "<meta charset=\"windows-1252\"><p>Caf\u{e9}</p>".as_bytes();
    let page = decode_html_bytes(utf8, Some("text/html; charset=\"UTF-8\""), "page").unwrap();
    assert!(page.text.contains("Café"));
    assert_eq!(page.declared_by, "content-type");

    // A byte-order mark wins over everything; UTF-16 pages have one.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "<p>Zo\u{eb} said \u{201c}no\u{201d}.</p>".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let page = decode_html_bytes(&utf16, Some("text/html; charset=utf-8"), "page").unwrap();
    assert_eq!(page.text, "<p>Zoë said “no”.</p>");
    assert_eq!((page.encoding, page.declared_by), ("UTF-16LE", "bom"));

    // Undeclared: UTF-8 when the bytes are UTF-8, windows-1252 when they are not.
    let page = decode_html_bytes("<p>Zoë</p>".as_bytes(), None, "page").unwrap();
    assert_eq!(page.declared_by, "utf-8 by content");
    let page = decode_html_bytes(b"<p>Zo\xeb \x93quoted\x94</p>", None, "page").unwrap();
    assert_eq!(page.text, "<p>Zoë “quoted”</p>");
    assert_eq!(page.declared_by, "windows-1252 fallback");
}

#[test]
fn malformed_markup_is_repaired_like_a_browser_would() {
    let draft = fixture_draft("malformed_markup.html");
    assert_eq!(draft.title, "Storm closes ferry link");
    check_text(
        &draft,
        expect![[r#"
            Storm closes ferry link

            The ferry between Westhaven and Holm was cancelled on Sunday as gusts reached 90 km/h.

            "Safety comes first, and the crossing will resume when the wind drops," a spokesman for the operator said.

            Passengers were offered places on Monday's first sailing.

            Some chose to stay overnight in the town.

            The coastguard said no vessel had been in difficulty.
        "#]],
    );
}

#[test]
fn pages_without_article_text_and_bad_files_are_refused_with_a_clear_error() {
    let none = DraftOverrides::default();
    let message =
        invalid_input_message(draft_from_file(&html_fixture("furniture_only.html"), &none));
    assert!(message.contains("no article text"), "{message}");
    assert!(message.contains("furniture_only.html"), "{message}");

    let temp = TempDatabase::new();
    let write = |name: &str, bytes: &[u8]| {
        let path = temp.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let empty = write("empty.html", b"");
    assert!(invalid_input_message(draft_from_file(&empty, &none)).contains("empty"));
    let blank = write("blank.htm", b"  \n\t ");
    assert!(invalid_input_message(draft_from_file(&blank, &none)).contains("empty"));
    let tags_only = write("tags.html", b"<html><head></head><body>  </body></html>");
    assert!(invalid_input_message(draft_from_file(&tags_only, &none)).contains("no article text"));
    let binary = write("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert!(invalid_input_message(draft_from_file(&binary, &none)).contains("binary"));
    let huge = temp.dir.path().join("huge.html");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_ARTICLE_BYTES as u64 + 1)
        .unwrap();
    assert!(invalid_input_message(draft_from_file(&huge, &none)).contains("over 20 MB"));
}

#[test]
fn absurdly_nested_pages_are_refused_before_parsing_and_garbage_never_panics() {
    let nested = |depth: usize| {
        let mut page = String::from("<html><body>");
        for _ in 0..depth {
            page.push_str("<div><span>");
        }
        page.push_str("<p>\"The archive is safe,\" the librarian said.</p>");
        for _ in 0..depth / 2 {
            page.push_str("</span></div>");
        }
        page + "</td></table></p></body>"
    };
    let none = DraftOverrides::default();
    let draft = draft_from_html(&nested(1500), None, &none, "nested page").unwrap();
    assert!(draft
        .text
        .contains("\"The archive is safe,\" the librarian said."));
    let message = invalid_input_message(draft_from_html(&nested(50_000), None, &none, "deep page"));
    assert!(
        message.starts_with("deep page: the page nests"),
        "{message}"
    );
    // Thousands of unclosed paragraphs and list items are not nesting.
    let flat = "<p>Line.<li>Item.".repeat(20_000);
    assert!(estimated_nesting_depth(&flat) < 5);
    // Tags inside scripts and comments do not count.
    let hidden = format!(
        "<script>{}</script><!--{}-->",
        "<div>".repeat(9000),
        "<div>".repeat(9000)
    );
    assert!(estimated_nesting_depth(&hidden) < 5);

    for garbage in [
        "<<<>>>",
        "<p",
        "</p></p></p>",
        "<script>never closed",
        "<!-- comment only",
        "<html><body><p>\u{0}</p>",
        "<title>Only a title</title>",
        "<p>&#xFFFFFFFF; &#0; &bogus; &#x110000;</p>",
        "<div/><div/><span/><b><i></b></i>",
    ] {
        // A page may be refused, but only with an error, never a panic.
        let _ = parse_html_article(garbage, Some("https://example.test/x"));
        if let Err(error) = draft_from_html(garbage, None, &none, "garbage") {
            assert_eq!(error.kind(), "invalid_input", "{garbage}: {error}");
        }
    }
}

#[test]
fn metadata_sources_fall_back_in_their_order_of_trust() {
    let page = |head: &str, body: &str| {
        format!("<html><head>{head}</head><body><article><p>The minister said the bridge would reopen in June after repairs that took most of the winter and cost more than planned.</p>{body}</article></body></html>")
    };
    let published = |head: &str, body: &str| {
        parse_html_article(&page(head, body), None)
            .unwrap()
            .published
    };
    let json_ld = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2021-05-02T10:00:00Z"}</script>"#;
    let time = r#"<time datetime="2021-05-03">3 May</time>"#;
    let meta = r#"<meta property="article:published_time" content="2021-05-01T23:30:00-07:00">"#;
    assert_eq!(
        published(&format!("{meta}{json_ld}"), time),
        Some(date("2021-05-01"))
    );
    assert_eq!(published(json_ld, time), Some(date("2021-05-02")));
    assert_eq!(published("", time), Some(date("2021-05-03")));
    assert_eq!(published("", ""), None);
    // A date that cannot be read falls through to the next source.
    let bad_meta = r#"<meta property="article:published_time" content="last Tuesday">"#;
    assert_eq!(published(bad_meta, time), Some(date("2021-05-03")));
    let rfc2822 =
        r#"<meta property="article:published_time" content="Sun, 02 May 2021 08:00:00 +0200">"#;
    assert_eq!(published(rfc2822, ""), Some(date("2021-05-02")));

    let title = |head: &str| parse_html_article(&page(head, ""), None).unwrap().title;
    assert_eq!(
        title(
            r#"<title>Bridge to reopen - City News</title><meta property="og:title" content="Bridge reopens in June"><meta property="og:site_name" content="City News">"#
        ),
        Some("Bridge reopens in June".into())
    );
    assert_eq!(
        title(
            r#"<title>Bridge to reopen - City News</title><meta property="og:site_name" content="City News">"#
        ),
        Some("Bridge to reopen".into())
    );
    // A suffix that is not the site name stays: it is part of the headline.
    assert_eq!(
        title(
            r#"<title>Minister: bridge to reopen - in June</title><meta property="og:site_name" content="City News">"#
        ),
        Some("Minister: bridge to reopen - in June".into())
    );

    let author =
        |head: &str, body: &str| parse_html_article(&page(head, body), None).unwrap().author;
    let ld_author = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Noor Haddad"}}</script>"#;
    let rel = r#"<a rel="author" href="/p/kim">Kim Berg</a>"#;
    assert_eq!(
        author(
            &format!(r#"<meta name="author" content="By Ana Lima">{ld_author}"#),
            rel
        ),
        Some("Ana Lima".into())
    );
    // A profile URL in article:author is not a name; JSON-LD is next.
    assert_eq!(
        author(
            &format!(
                r#"<meta property="article:author" content="https://facebook.example/ana">{ld_author}"#
            ),
            rel
        ),
        Some("Noor Haddad".into())
    );
    assert_eq!(author("", rel), Some("Kim Berg".into()));
    assert_eq!(author("", ""), None);

    let canonical = |head: &str, url: Option<&str>| {
        parse_html_article(&page(head, ""), url)
            .unwrap()
            .canonical_url
    };
    let og_url = r#"<meta property="og:url" content="https://news.example/og">"#;
    assert_eq!(
        canonical(
            &format!(r#"<link rel="canonical" href="https://news.example/canonical">{og_url}"#),
            Some("https://news.example/fetched")
        ),
        Some("https://news.example/canonical".into())
    );
    assert_eq!(
        canonical(og_url, Some("https://news.example/fetched")),
        Some("https://news.example/og".into())
    );
    assert_eq!(
        canonical("", Some("https://news.example/fetched")),
        Some("https://news.example/fetched".into())
    );
    assert_eq!(
        canonical(
            r#"<link rel="canonical" href="/relative">"#,
            Some("https://news.example/a/b")
        ),
        Some("https://news.example/relative".into())
    );
    assert_eq!(
        canonical(r#"<link rel="canonical" href="javascript:void(0)">"#, None),
        None
    );
}

#[test]
fn overrides_win_over_the_page_and_the_page_url_resolves_feed_links() {
    let overrides = DraftOverrides {
        title: Some("Rationing in the valley".into()),
        outlet: Some("Gazette (print)".into()),
        url: Some("https://gazette.example/print/42".into()),
        author: Some("Desk".into()),
        published: Some(date("2023-08-04")),
    };
    let draft = draft_from_file(&html_fixture("gazette_json_ld_array.html"), &overrides).unwrap();
    assert_eq!(draft.title, "Rationing in the valley");
    assert_eq!(draft.outlet.as_deref(), Some("Gazette (print)"));
    assert_eq!(
        draft.url.as_deref(),
        Some("https://gazette.example/print/42")
    );
    assert_eq!(draft.author.as_deref(), Some("Desk"));
    assert_eq!(draft.published, Some(date("2023-08-04")));
    assert!(draft
        .text
        .starts_with("Rationing in the valley\n\nThe regional water board"));

    let html = std::fs::read_to_string(html_fixture("gazette_json_ld_array.html")).unwrap();
    let page = parse_html_article(&html, Some("https://gazette.example/local/rationing")).unwrap();
    assert_eq!(
        page.feed_links,
        vec!["https://gazette.example/feeds/news.rss".to_string()]
    );
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://gazette.example/local/rationing")
    );
}

#[test]
fn a_stored_page_yields_claims_from_its_story_only_and_is_stored_once() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let draft = fixture_draft("courier_open_graph.html");
    let outcome = store.ingest(&draft).unwrap();
    let IngestOutcome::Inserted { article_id, claims } = outcome else {
        panic!("expected a new article, got {outcome:?}");
    };
    assert!(claims >= 2, "{claims} claims");
    let article = store.get_article(article_id).unwrap();
    assert_eq!(article.text, draft.text);
    assert_eq!(article.summary.published, Some(date("2024-03-14")));
    assert_eq!(article.summary.author.as_deref(), Some("Ida Svensson"));
    let stored = store
        .list_claims(&claimtrack_core::store::ClaimFilter {
            article_id: Some(article_id),
            ..Default::default()
        })
        .unwrap();
    let mayor = stored
        .iter()
        .find(|claim| claim.text.contains("forty kilometres"))
        .expect("the mayor's quote is a claim");
    assert_eq!(mayor.speaker.as_deref(), Some("Anna Lindqvist"));
    for claim in &stored {
        assert!(!claim.text.contains("Finally some sense"), "{}", claim.text);
        let content = article
            .text
            .get(claim.start..claim.end)
            .expect("claim offsets index the stored text");
        assert!(!content.trim().is_empty());
    }
    // The same page saved twice is the same text, so it is stored once.
    let again = fixture_draft("courier_open_graph.html");
    assert_eq!(
        store.ingest(&again).unwrap(),
        IngestOutcome::AlreadyStored { article_id }
    );
}

#[test]
fn a_folder_of_pages_and_text_is_stored_file_by_file_with_progress_and_bad_files_reported() {
    use claimtrack_core::ingest::{ingest_files, ImportResult, IngestProgress};

    let temp = TempDatabase::new();
    let inbox = temp.dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join("pages")).unwrap();
    for name in ["courier_open_graph.html", "furniture_only.html"] {
        std::fs::copy(html_fixture(name), inbox.join("pages").join(name)).unwrap();
    }
    std::fs::write(
        inbox.join("brief.txt"),
        "Bridge reopens\n\n\"It is safe again,\" engineer Pia Lund said on Friday.\n",
    )
    .unwrap();
    std::fs::write(inbox.join("broken.md"), b"Caf\xe9\n").unwrap();
    std::fs::write(inbox.join("notes.pdf"), b"%PDF").unwrap();

    let mut store = temp.open();
    let mut events = Vec::new();
    let report = ingest_files(
        &mut store,
        std::slice::from_ref(&inbox),
        &DraftOverrides::default(),
        |event| events.push(event),
    );
    let sources: Vec<String> = report
        .items
        .iter()
        .map(|item| {
            let name = std::path::Path::new(&item.source).file_name().unwrap();
            name.to_string_lossy().to_string()
        })
        .collect();
    assert_eq!(
        sources,
        vec![
            "brief.txt",
            "broken.md",
            "courier_open_graph.html",
            "furniture_only.html"
        ]
    );
    assert_eq!(
        (report.inserted(), report.skipped(), report.failed()),
        (2, 0, 2)
    );
    let ImportResult::Failed { error } = &report.items[1].result else {
        panic!("broken.md must fail");
    };
    assert_eq!(error.kind, "invalid_input");
    assert!(error.message.contains("UTF-8"), "{}", error.message);
    assert!(matches!(events[0], IngestProgress::Started { total: 4 }));
    assert_eq!(events.len(), 5);
    assert!(matches!(
        &events[4],
        IngestProgress::Finished { done: 4, total: 4, item } if item.is_failure()
    ));
    assert_eq!(store.list_articles().unwrap().len(), 2);

    // Everything again: the stored files are recognised by their text.
    let again = ingest_files(
        &mut store,
        std::slice::from_ref(&inbox),
        &DraftOverrides::default(),
        |_| {},
    );
    assert_eq!(
        (again.inserted(), again.skipped(), again.failed()),
        (0, 2, 2)
    );
}
