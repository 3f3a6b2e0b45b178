//! HTML ingest throughput: generates news pages in the shape real sites serve (head full of
//! meta tags and JSON-LD, inline scripts and styles, navigation, ads, share bars, related
//! links, a comment thread, a story of ten paragraphs with quotes), then measures on one
//! core how many pages per second go through body and metadata extraction alone, and
//! through extraction plus claim extraction. Run with
//! `cargo bench -p claimtrack-core --bench html`.

use std::hint::black_box;
use std::time::Instant;

use claimtrack_core::extract_claims;
use claimtrack_core::ingest::{decode_html_bytes, draft_from_html, DraftOverrides};

/// The allocator every ClaimTrack program uses (see `claimtrack_core::allocator`).
#[global_allocator]
static ALLOCATOR: claimtrack_core::allocator::ProductAllocator =
    claimtrack_core::allocator::PRODUCT_ALLOCATOR;

const PAGES: usize = 400;
const PASSES: usize = 3;

const PEOPLE: &[(&str, &str)] = &[
    ("Harbour Commissioner", "Elin Marsh"),
    ("Transport Minister", "Oskar Dahl"),
    ("Mayor", "Rosa Iversen"),
    ("union leader", "Pavel Novak"),
    ("Health Minister", "Amira Saleh"),
    ("council leader", "Felix Brandt"),
];
const TOPICS: &[&str] = &[
    "the tram extension",
    "the port levy",
    "school meal prices",
    "the hospital merger",
    "night bus cuts",
];

/// Site furniture every generated page carries, as large as on a real news site: the
/// inline script and style blocks are what make pages ten times bigger than their story.
fn furniture_script(seed: usize) -> String {
    let mut script = String::from("<script>window.siteConfig = {");
    for index in 0..800 {
        script += &format!(
            "\"slot{index}\": {{\"size\": [300, 250], \"targeting\": \"page-{seed}-{index}\"}}, "
        );
    }
    script + "};</script>\n"
}

fn page(seed: usize) -> String {
    let (role, name) = PEOPLE[seed % PEOPLE.len()];
    let (other_role, other) = PEOPLE[(seed * 5 + 1) % PEOPLE.len()];
    let surname = name.rsplit(' ').next().unwrap_or(name);
    let other_surname = other.rsplit(' ').next().unwrap_or(other);
    let topic = TOPICS[seed % TOPICS.len()];
    let day = 1 + seed % 28;
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{surname} defends {topic} plan | Metro Daily</title>\
         <meta property=\"og:site_name\" content=\"Metro Daily\">\
         <meta property=\"og:title\" content=\"{surname} defends {topic} plan\">\
         <meta property=\"article:published_time\" content=\"2025-03-{day:02}T08:00:00+01:00\">\
         <meta name=\"author\" content=\"Staff reporter {seed}\">\
         <link rel=\"canonical\" href=\"https://metro.example/politics/{seed}\">\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@graph\":[\
         {{\"@type\":\"WebPage\",\"name\":\"page {seed}\"}},{{\"@type\":\"NewsArticle\",\
         \"headline\":\"{surname} defends {topic} plan\",\"datePublished\":\"2025-03-{day:02}\",\
         \"author\":[{{\"@type\":\"Person\",\"name\":\"Staff reporter {seed}\"}}]}}]}}</script>\
         <style>body{{font-family:serif}} .ad{{min-height:250px}} .nav li{{display:inline}}</style>\n"
    );
    html += &furniture_script(seed);
    html += "</head><body><header class=\"site-header\"><nav class=\"nav\"><ul>";
    for section in [
        "News", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather",
    ] {
        html += &format!("<li><a href=\"/{section}\">{section}</a></li>");
    }
    html += "</ul></nav></header><div class=\"ad ad-top\">Advertisement</div><main><article>";
    html += &format!(
        "<header><h1>{surname} defends {topic} plan</h1><p class=\"byline\">By Staff reporter {seed}</p>\
         <time datetime=\"2025-03-{day:02}\">March {day}</time>\
         <div class=\"share-bar\"><a href=\"#\">Share</a><a href=\"#\">Post</a></div></header>\
         <figure><img src=\"/img/{seed}.jpg\"><figcaption>{name} at the town hall. Photo: agency</figcaption></figure>\
         <div class=\"article-body\">"
    );
    let paragraphs = [
        format!("{role} {name} on Tuesday defended the plan for {topic}, saying it would pay for itself within a decade."),
        format!("\"We have run the numbers three times, and every time they come out the same way,\" {surname} told reporters after the cabinet meeting."),
        format!("The {other_role}, {other}, said the figures ignored the cost of delays and warned that \"the bill will land on ordinary families\"."),
        format!("\"Nobody voted for this,\" {other_surname} said. \"We will fight it in committee and, if we have to, in court.\""),
        format!("According to the finance office, the first phase would cost about {} million and take two years.", 40 + seed % 60),
        "<div class=\"ad ad-inline\"><script>renderAd('inline')</script>Advertisement</div>".to_string(),
        format!("{surname} added that talks with the regional authority had gone well and that a final vote was expected before the summer."),
        "<ul class=\"related\"><li><a href=\"/a\">Budget talks stall</a></li><li><a href=\"/b\">Tram tender reopened</a></li></ul>".to_string(),
        "Residents' groups said they would hold a public meeting on Thursday. \"We want answers, not slogans,\" said campaigner Lea Brunner.".to_string(),
        format!("A spokesperson for the regional authority declined to comment on {topic} before the vote."),
        format!("The plan now goes to a committee, which meets on {}.", ["Monday", "Wednesday", "Friday"][seed % 3]),
    ];
    for paragraph in paragraphs {
        if paragraph.starts_with('<') {
            html += &paragraph;
        } else {
            html += &format!("<p>{paragraph}</p>\n");
        }
    }
    html += "</div></article><section class=\"comments\"><h2>Comments</h2>";
    for comment in 0..8 {
        html += &format!("<p>Reader comment number {comment} on this story, which says something about the plan.</p>");
    }
    html += "</section></main><aside class=\"sidebar\"><h2>Most read</h2><ol>";
    for item in 0..10 {
        html += &format!("<li><a href=\"/most-read/{item}\">Most read story {item}</a></li>");
    }
    html +=
        "</ol></aside><footer><p>Metro Daily, all rights reserved.</p></footer></body></html>\n";
    html
}

fn main() {
    let pages: Vec<Vec<u8>> = (0..PAGES).map(|seed| page(seed).into_bytes()).collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let none = DraftOverrides::default();
    let draft_of = |page: &[u8]| {
        let decoded = decode_html_bytes(page, None, "page").expect("page decodes");
        draft_from_html(&decoded.text, None, &none, "page").expect("page has a story")
    };

    // Warm-up pass, which also checks that every page yields its story and its claims.
    let mut text_bytes = 0;
    let mut claims = 0;
    for page in &pages {
        let draft = draft_of(page);
        assert!(!draft.text.contains("Advertisement") && !draft.text.contains("Reader comment"));
        text_bytes += draft.text.len();
        claims += extract_claims(&draft.text, draft.published).claims.len();
    }

    let started = Instant::now();
    for _ in 0..PASSES {
        for page in &pages {
            black_box(draft_of(black_box(page)));
        }
    }
    let html_seconds = started.elapsed().as_secs_f64() / PASSES as f64;

    let started = Instant::now();
    for _ in 0..PASSES {
        for page in &pages {
            let draft = draft_of(black_box(page));
            black_box(extract_claims(&draft.text, draft.published));
        }
    }
    let both_seconds = started.elapsed().as_secs_f64() / PASSES as f64;

    println!(
        "html: {PAGES} pages, {:.2} MB of HTML ({:.1} KB per page), {:.2} MB of article text, {claims} claims per pass",
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / PAGES as f64,
        text_bytes as f64 / 1e6
    );
    println!(
        "html: body + metadata extraction: {:.1} ms per pass, {:.0} pages/s, {:.1} MB/s of HTML",
        html_seconds * 1e3,
        PAGES as f64 / html_seconds,
        bytes as f64 / 1e6 / html_seconds
    );
    println!(
        "html: extraction + claims: {:.1} ms per pass, {:.0} pages/s (mean of {PASSES} passes, one core)",
        both_seconds * 1e3,
        PAGES as f64 / both_seconds
    );
}
