//! A saved or fetched news page to an article: its body text, with paragraph boundaries
//! and without the page furniture around it, and its metadata (title, outlet, author,
//! canonical URL and publication date).
//!
//! The page is parsed by html5ever (through scraper), which repairs malformed markup the
//! way browsers do and decodes entities, so nothing here looks at markup as text.
//!
//! **Which part of the page is the article.** In this order: an element marked
//! `itemprop="articleBody"`; the `<article>` holding the most text; the element whose
//! direct paragraphs (and, at half weight, its children's paragraphs) hold the most text;
//! the whole `<body>`. Inside it, scripts, styles, navigation, asides, footers, forms,
//! figure captions, hidden elements, and elements whose class or id names them as ads,
//! share buttons, related links, newsletters, comments or bylines are dropped, as are lists
//! and paragraphs made mostly of links (the "read more" lists between paragraphs). A
//! `<header>` is dropped unless the article element itself holds it, where it carries the
//! headline.
//!
//! **Metadata, most trusted source first.** Title: `og:title`, `<title>`, JSON-LD
//! `headline`, the first `<h1>`; a trailing or leading " | Outlet" (or " - Outlet"...) is
//! cut when it names the site. Outlet: `og:site_name`, JSON-LD `publisher.name`. Author:
//! `<meta name="author">`, `article:author` (unless it is a profile URL), JSON-LD `author`,
//! a `rel="author"` link, an `itemprop="author"` element. Canonical URL: `<link
//! rel="canonical">`, `og:url`, the address the page was fetched from. Publication date:
//! `article:published_time`, JSON-LD `datePublished` of a NewsArticle (or any Article
//! type, also inside `@graph` and arrays), `<time datetime>` (the one marked as the
//! publication date, else the first in the article, else the first in the page). The date
//! kept is the calendar day as the page writes it, in the page's own time zone.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::{derive_title, tidy, too_large, ArticleDraft, DraftOverrides, MAX_ARTICLE_BYTES};
use crate::error::{CoreError, CoreResult};

/// Pages nested deeper than this are refused before parsing: the HTML parser checks the
/// stack of open elements at many tags, so its time grows with the square of the depth
/// (16,000 levels take seconds), and no real page comes near this.
pub const MAX_NESTING_DEPTH: usize = 4000;

/// Elements that never hold others or close themselves when a sibling starts: they do not
/// add to the nesting depth.
const NON_NESTING_ELEMENTS: &[&str] = &[
    "area", "base", "br", "caption", "col", "colgroup", "dd", "dt", "embed", "hr", "img", "input",
    "li", "link", "meta", "optgroup", "option", "p", "param", "rb", "rp", "rt", "rtc", "source",
    "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Elements whose content is raw text up to their end tag, where `<` starts no tag.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// An `<article>` with less text than this is a teaser card, not the story.
const MIN_ARTICLE_ELEMENT_CHARS: usize = 140;

/// A list or paragraph whose text is at least this share link text is navigation.
const LINK_DENSITY_LIMIT: f64 = 0.6;

/// How many tree nodes of a list or paragraph the link-density check looks at.
const LINK_DENSITY_SAMPLE_NODES: usize = 4000;

/// Class and id words (split at `-`, `_` and spaces) that mark page furniture.
const NOISE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "author",
    "authors",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "bylines",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "credit",
    "credits",
    "dateline",
    "masthead",
    "menu",
    "meta",
    "modal",
    "nav",
    "navbar",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "promoted",
    "pullquote",
    "recirculation",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "timestamp",
    "toolbar",
    "tweet",
    "widget",
];

/// Whole class names of text meant only for screen readers or kept hidden.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Elements whose content is never article text.
const DROPPED_ELEMENTS: &[&str] = &[
    "aside",
    "audio",
    "button",
    "canvas",
    "dialog",
    "embed",
    "figcaption",
    "footer",
    "form",
    "head",
    "iframe",
    "img",
    "input",
    "label",
    "map",
    "math",
    "menu",
    "nav",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "video",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
];

/// Elements that start and end a paragraph of the body text.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Separators between a headline and the site name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " : ", " / "];

/// JSON-LD types that are news articles (compared after any `schema:` or URL prefix).
const ARTICLE_TYPES: &[&str] = &[
    "AnalysisNewsArticle",
    "Article",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "ReportageNews",
    "ReviewNewsArticle",
];

/// One paragraph of the body text; headings are paragraphs of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyParagraph {
    pub text: String,
    pub is_heading: bool,
}

/// What was read from a page. Every field may be missing; `paragraphs` is empty when no
/// article text was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub canonical_url: Option<String>,
    pub paragraphs: Vec<BodyParagraph>,
    /// Feeds the page announces (`<link rel="alternate" type="application/rss+xml">` and
    /// Atom), as absolute URLs; used when a page is given where a feed was asked for.
    pub feed_links: Vec<String>,
}

impl HtmlArticle {
    /// The body as stored: paragraphs separated by a blank line.
    pub fn body_text(&self) -> String {
        self.paragraphs
            .iter()
            .map(|paragraph| paragraph.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Turns a decoded page into a draft: the stored text is the headline, a blank line, then
/// the body paragraphs separated by blank lines (the headline is not repeated when the body
/// already opens with it). `page_url` is the address the page came from, when fetched; it
/// resolves relative links and is the last choice for the draft's URL. `overrides` win
/// over anything read from the page. A page with no article text is refused; `what` names
/// the page in that error.
pub fn draft_from_html(
    html: &str,
    page_url: Option<&str>,
    overrides: &DraftOverrides,
    what: &str,
) -> CoreResult<ArticleDraft> {
    let page = parse_html_article(html, page_url).map_err(|error| match error {
        CoreError::InvalidInput(message) => CoreError::InvalidInput(format!("{what}: {message}")),
        other => other,
    })?;
    if page.paragraphs.is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "{what}: no article text was found in the page"
        )));
    }
    let body = page.body_text();
    let title = tidy(&overrides.title)
        .map(|title| collapse_whitespace(&title))
        .or_else(|| page.title.clone())
        .or_else(|| derive_title(&body))
        .unwrap_or_default();
    let opens_with_title = page
        .paragraphs
        .first()
        .is_some_and(|first| first.is_heading || same_words(&first.text, &title));
    let text = if opens_with_title {
        format!("{body}\n")
    } else {
        format!("{title}\n\n{body}\n")
    };
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(what, text.len() as u64));
    }
    Ok(ArticleDraft {
        title,
        outlet: tidy(&overrides.outlet).or(page.outlet),
        url: tidy(&overrides.url).or(page.canonical_url),
        author: tidy(&overrides.author).or(page.author),
        published: overrides.published.or(page.published),
        source_path: None,
        text,
    })
}

/// Reads a page's article body and metadata. Malformed markup is repaired by the parser,
/// and whatever cannot be found is `None` (or no paragraphs). The one page refused is one
/// nested more than [`MAX_NESTING_DEPTH`] elements deep (see [`estimated_nesting_depth`]).
pub fn parse_html_article(html: &str, page_url: Option<&str>) -> CoreResult<HtmlArticle> {
    let depth = estimated_nesting_depth(html);
    if depth > MAX_NESTING_DEPTH {
        return Err(CoreError::InvalidInput(format!(
            "the page nests its elements about {depth} deep (no news page goes past a few hundred), so it was not read"
        )));
    }
    let document = Html::parse_document(html);
    let facts = PageFacts::gather(&document);
    let root = choose_article_root(&facts, &document);
    let keep_header = root.is_some_and(is_article_element);
    let root = root.unwrap_or_else(|| facts.body.unwrap_or_else(|| document.root_element()));
    let mut paragraphs = body_paragraphs(root, keep_header);

    let outlet = facts
        .meta("og:site_name")
        .and_then(clean_line)
        .or_else(|| facts.json_ld.publisher.clone());
    let title = [
        facts.meta("og:title").map(str::to_string),
        facts.title_element.clone(),
        facts.json_ld.headline.clone(),
        facts.first_h1.clone(),
    ]
    .into_iter()
    .flatten()
    .find_map(|title| clean_line(&title))
    .map(|title| strip_site_name(&title, outlet.as_deref()));
    let author = facts
        .meta("author")
        .and_then(clean_author)
        .or_else(|| facts.meta("article:author").and_then(clean_author))
        .or_else(|| facts.json_ld.author.as_deref().and_then(clean_author))
        .or_else(|| facts.rel_author.as_deref().and_then(clean_author))
        .or_else(|| facts.itemprop_author.as_deref().and_then(clean_author));
    let time_in_article = root
        .descendent_elements()
        .find(|element| element.value().name() == "time")
        .and_then(|element| element.value().attr("datetime"));
    let published = facts
        .meta("article:published_time")
        .and_then(parse_published_date)
        .or(facts.json_ld.date_published)
        .or_else(|| {
            [
                facts.time_marked_published,
                time_in_article,
                facts.time_first,
            ]
            .into_iter()
            .flatten()
            .find_map(parse_published_date)
        });
    // A saved page has no address of its own, but its og:url still anchors relative links.
    let og_url = facts
        .meta("og:url")
        .and_then(|href| absolute_http_url(href, page_url));
    let base_url = page_url
        .and_then(|url| absolute_http_url(url, None))
        .or_else(|| og_url.clone());
    let canonical_url = facts
        .canonical_link
        .and_then(|href| absolute_http_url(href, base_url.as_deref()))
        .or(og_url)
        .or_else(|| page_url.and_then(|url| absolute_http_url(url, None)));
    let feed_links = facts
        .feed_links
        .iter()
        .filter_map(|href| absolute_http_url(href, base_url.as_deref()))
        .collect();

    drop_byline_paragraphs(&mut paragraphs, author.as_deref());
    while paragraphs.last().is_some_and(|last| last.is_heading) {
        // A heading with nothing after it introduced something that was dropped ("Related
        // stories", "Comments").
        paragraphs.pop();
    }
    Ok(HtmlArticle {
        title,
        outlet,
        author,
        published,
        canonical_url,
        paragraphs,
        feed_links,
    })
}

/// Everything the metadata rules need, gathered in one walk over the page.
#[derive(Default)]
struct PageFacts<'page> {
    /// `<meta>` contents by lower-cased `property`, `name` or `itemprop`, first one kept.
    meta: HashMap<String, &'page str>,
    title_element: Option<String>,
    canonical_link: Option<&'page str>,
    feed_links: Vec<&'page str>,
    json_ld: JsonLdArticle,
    first_h1: Option<String>,
    rel_author: Option<String>,
    itemprop_author: Option<String>,
    time_marked_published: Option<&'page str>,
    time_first: Option<&'page str>,
    article_body: Option<ElementRef<'page>>,
    articles: Vec<ElementRef<'page>>,
    body: Option<ElementRef<'page>>,
}

impl<'page> PageFacts<'page> {
    fn gather(document: &'page Html) -> PageFacts<'page> {
        let mut facts = PageFacts::default();
        let mut json_ld_scripts = Vec::new();
        for element in document.root_element().descendent_elements() {
            let value = element.value();
            match value.name() {
                "meta" => {
                    if let Some(content) = value.attr("content") {
                        for key_attribute in ["property", "name", "itemprop"] {
                            if let Some(key) = value.attr(key_attribute) {
                                facts
                                    .meta
                                    .entry(key.trim().to_ascii_lowercase())
                                    .or_insert(content);
                            }
                        }
                    }
                }
                "title" if facts.title_element.is_none() => {
                    facts.title_element = Some(element.text().collect());
                }
                "link" => {
                    let rel = value.attr("rel").unwrap_or_default();
                    let href = value.attr("href");
                    if has_word(rel, "canonical") && facts.canonical_link.is_none() {
                        facts.canonical_link = href;
                    }
                    let link_type = value.attr("type").unwrap_or_default().to_ascii_lowercase();
                    if has_word(rel, "alternate")
                        && (link_type.contains("rss+xml") || link_type.contains("atom+xml"))
                    {
                        facts.feed_links.extend(href);
                    }
                }
                "script" => {
                    let script_type = value.attr("type").unwrap_or_default();
                    if script_type.to_ascii_lowercase().contains("ld+json") {
                        json_ld_scripts.push(element.text().collect::<String>());
                    }
                }
                "h1" if facts.first_h1.is_none() => {
                    facts.first_h1 = Some(element.text().collect());
                }
                "time" => {
                    if let Some(datetime) = value.attr("datetime") {
                        let marked = value.attr("pubdate").is_some()
                            || value
                                .attr("itemprop")
                                .is_some_and(|itemprop| has_word(itemprop, "datePublished"));
                        if marked && facts.time_marked_published.is_none() {
                            facts.time_marked_published = Some(datetime);
                        }
                        facts.time_first.get_or_insert(datetime);
                    }
                }
                "article" => facts.articles.push(element),
                "body" if facts.body.is_none() => facts.body = Some(element),
                _ => {}
            }
            if value.name() == "a"
                && facts.rel_author.is_none()
                && has_word(value.attr("rel").unwrap_or_default(), "author")
            {
                facts.rel_author = Some(element.text().collect());
            }
            if let Some(itemprop) = value.attr("itemprop") {
                if has_word(itemprop, "articleBody") && facts.article_body.is_none() {
                    facts.article_body = Some(element);
                }
                if has_word(itemprop, "author") && facts.itemprop_author.is_none() {
                    facts.itemprop_author = Some(itemprop_author_name(element));
                }
            }
        }
        facts.json_ld = JsonLdArticle::from_scripts(&json_ld_scripts);
        facts
    }

    fn meta(&self, key: &str) -> Option<&'page str> {
        self.meta
            .get(key)
            .copied()
            .filter(|content| !content.trim().is_empty())
    }
}

/// The name inside an `itemprop="author"` element: its `itemprop="name"` child's text
/// when it has one (the element often also holds a job title or a photo credit), else all
/// of its text.
fn itemprop_author_name(element: ElementRef<'_>) -> String {
    element
        .descendent_elements()
        .find(|inner| {
            inner
                .value()
                .attr("itemprop")
                .is_some_and(|itemprop| has_word(itemprop, "name"))
        })
        .map(|inner| {
            inner
                .value()
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| inner.text().collect())
        })
        .unwrap_or_else(|| element.text().collect())
}

/// What the page's JSON-LD says about the article it describes.
#[derive(Debug, Default)]
struct JsonLdArticle {
    headline: Option<String>,
    date_published: Option<NaiveDate>,
    author: Option<String>,
    publisher: Option<String>,
}

impl JsonLdArticle {
    /// Reads every JSON-LD block; the first article node found (at the top, in an array or
    /// in an `@graph`) gives each field it has. Blocks that are not valid JSON are skipped.
    fn from_scripts(scripts: &[String]) -> JsonLdArticle {
        let values: Vec<Value> = scripts
            .iter()
            .filter_map(|script| parse_json_ld(script))
            .collect();
        let mut nodes = Vec::new();
        for value in &values {
            collect_article_nodes(value, &mut nodes, 0);
        }
        let mut article = JsonLdArticle::default();
        for node in nodes {
            if article.headline.is_none() {
                article.headline = node
                    .get("headline")
                    .and_then(Value::as_str)
                    .and_then(clean_line);
            }
            if article.date_published.is_none() {
                article.date_published = node
                    .get("datePublished")
                    .and_then(Value::as_str)
                    .and_then(parse_published_date);
            }
            if article.author.is_none() {
                article.author = node.get("author").and_then(json_ld_names);
            }
            if article.publisher.is_none() {
                article.publisher = node.get("publisher").and_then(json_ld_names);
            }
        }
        article
    }
}

/// Parses one JSON-LD block, tolerating what sites wrap around the JSON: HTML comment
/// markers, CDATA markers, a trailing semicolon, and raw line breaks inside strings.
fn parse_json_ld(script: &str) -> Option<Value> {
    let trimmed = script
        .trim()
        .trim_start_matches("<!--")
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("-->")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    serde_json::from_str(trimmed).ok().or_else(|| {
        let without_controls: String = trimmed
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&without_controls).ok()
    })
}

/// Article nodes in a JSON-LD value, in document order. Depth is capped so a hostile page
/// cannot make this recurse without end.
fn collect_article_nodes<'value>(
    value: &'value Value,
    nodes: &mut Vec<&'value Value>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_article_nodes(item, nodes, depth + 1);
            }
        }
        Value::Object(object) => {
            if is_article_type(object.get("@type")) {
                nodes.push(value);
            }
            if let Some(graph) = object.get("@graph") {
                collect_article_nodes(graph, nodes, depth + 1);
            }
            if let Some(main_entity) = object.get("mainEntity") {
                collect_article_nodes(main_entity, nodes, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article_type(type_value: Option<&Value>) -> bool {
    let is_article = |name: &str| {
        let bare = name.rsplit(['/', ':', '#']).next().unwrap_or(name);
        ARTICLE_TYPES.contains(&bare)
    };
    match type_value {
        Some(Value::String(name)) => is_article(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// The name (or names, joined "A, B and C") in a JSON-LD person or organisation value:
/// a string, an object with `name`, or an array of either.
fn json_ld_names(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(json_ld_name).collect(),
        other => json_ld_name(other).into_iter().collect(),
    };
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

fn json_ld_name(value: &Value) -> Option<String> {
    let name = match value {
        Value::String(name) => name.as_str(),
        Value::Object(object) => object.get("name")?.as_str()?,
        _ => return None,
    };
    clean_line(name).filter(|name| !looks_like_url(name))
}

/// Picks the element holding the article text (see the module documentation for the
/// order); `None` means the whole page body.
fn choose_article_root<'page>(
    facts: &PageFacts<'page>,
    document: &'page Html,
) -> Option<ElementRef<'page>> {
    if let Some(article_body) = facts.article_body {
        if !body_paragraphs(article_body, true).is_empty() {
            return Some(article_body);
        }
    }
    let longest_article = facts
        .articles
        .iter()
        .map(|article| (body_text_chars(*article, true), *article))
        .filter(|(chars, _)| *chars >= MIN_ARTICLE_ELEMENT_CHARS)
        .max_by_key(|(chars, _)| *chars);
    if let Some((_, article)) = longest_article {
        return Some(article);
    }
    densest_text_container(facts.body.unwrap_or_else(|| document.root_element()))
}

fn is_article_element(element: ElementRef<'_>) -> bool {
    element.value().name() == "article"
        || element
            .value()
            .attr("itemprop")
            .is_some_and(|itemprop| has_word(itemprop, "articleBody"))
}

fn body_text_chars(root: ElementRef<'_>, keep_header: bool) -> usize {
    body_paragraphs(root, keep_header)
        .iter()
        .map(|paragraph| paragraph.text.chars().count())
        .sum()
}

/// The element whose paragraphs hold the most text: each `<p>` counts fully for its
/// parent and half for its grandparent, so a story whose paragraphs each sit in their own
/// wrapper still gathers in the wrapper's parent. Page furniture is not counted.
fn densest_text_container(body: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    walk_kept(body, false, |edge| {
        let Edge::Open(node) = edge else {
            return;
        };
        let Some(element) = ElementRef::wrap(node) else {
            return;
        };
        let mut score = 2 * paragraph_chars_among_children(element);
        for child in element.child_elements() {
            if !is_noise(child, false) {
                score += paragraph_chars_among_children(child);
            }
        }
        if score > 0 && best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, element));
        }
    });
    best.map(|(_, element)| element)
}

fn paragraph_chars_among_children(element: ElementRef<'_>) -> usize {
    element
        .child_elements()
        .filter(|child| child.value().name() == "p" && !is_noise(*child, false))
        .map(|paragraph| {
            paragraph
                .text()
                .flat_map(str::chars)
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum()
}

/// Walks `root`'s subtree in document order without recursion (a page may nest elements
/// thousands deep), skipping every element [`is_noise`] drops, with all it contains.
fn walk_kept<'page>(
    root: ElementRef<'page>,
    keep_header: bool,
    mut visit: impl FnMut(Edge<'page, Node>),
) {
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if node.id() != root.id() {
                    if let Some(element) = ElementRef::wrap(node) {
                        if is_noise(element, keep_header) {
                            skipping = Some(node.id());
                            continue;
                        }
                    }
                }
                visit(edge);
            }
            Edge::Close(node) => match skipping {
                Some(skipped) if skipped == node.id() => skipping = None,
                Some(_) => {}
                None => visit(edge),
            },
        }
    }
}

/// True for elements whose text never belongs in the article body.
fn is_noise(element: ElementRef<'_>, keep_header: bool) -> bool {
    let value = element.value();
    let name = value.name();
    if DROPPED_ELEMENTS.contains(&name) || (name == "header" && !keep_header) {
        return true;
    }
    if value.attr("hidden").is_some()
        || value
            .attr("aria-hidden")
            .is_some_and(|hidden| hidden.trim().eq_ignore_ascii_case("true"))
        || value
            .attr("role")
            .is_some_and(|role| DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
        || value.attr("style").is_some_and(hides_element)
    {
        return true;
    }
    if value
        .attr("itemprop")
        .is_some_and(|itemprop| has_word(itemprop, "author") || has_word(itemprop, "datePublished"))
        || (name == "a" && has_word(value.attr("rel").unwrap_or_default(), "author"))
    {
        return true;
    }
    if value.classes().any(|class| {
        let class = class.to_ascii_lowercase();
        HIDDEN_CLASSES.contains(&class.as_str()) || names_noise(&class)
    }) || value
        .id()
        .is_some_and(|id| names_noise(&id.to_ascii_lowercase()))
    {
        return true;
    }
    matches!(name, "ul" | "ol" | "p") && is_mostly_links(element)
}

/// True when a class or id such as `article-share-bar` holds one of [`NOISE_WORDS`].
fn names_noise(name: &str) -> bool {
    name.split(['-', '_', ' '])
        .any(|word| NOISE_WORDS.contains(&word))
}

fn hides_element(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// True for lists and paragraphs whose text is mostly link text: related-story lists, tag
/// lists, "Read more: ..." lines. Only the first [`LINK_DENSITY_SAMPLE_NODES`] nodes are
/// looked at, so nested lists cannot make this quadratic in the page size.
fn is_mostly_links(element: ElementRef<'_>) -> bool {
    let mut all = 0usize;
    let mut linked = 0usize;
    let mut inside_links: Vec<ego_tree::NodeId> = Vec::new();
    for edge in element.traverse().take(LINK_DENSITY_SAMPLE_NODES) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(inner) if inner.name() == "a" => inside_links.push(node.id()),
                Node::Text(text) => {
                    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                    all += chars;
                    if !inside_links.is_empty() {
                        linked += chars;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if inside_links.last() == Some(&node.id()) {
                    inside_links.pop();
                }
            }
        }
    }
    all > 0 && linked as f64 >= LINK_DENSITY_LIMIT * all as f64
}

/// The body paragraphs under `root`: text of kept elements, a paragraph break at every
/// block element and `<br>`, whitespace runs collapsed to one space.
fn body_paragraphs(root: ElementRef<'_>, keep_header: bool) -> Vec<BodyParagraph> {
    let mut writer = ParagraphWriter::default();
    walk_kept(root, keep_header, |edge| match edge {
        Edge::Open(node) => match node.value() {
            Node::Text(text) => writer.push_text(text),
            Node::Element(element) => match element.name() {
                "br" => writer.break_paragraph(),
                "td" | "th" => writer.push_text(" "),
                name if BLOCK_ELEMENTS.contains(&name) => {
                    writer.break_paragraph();
                    writer.heading = is_heading(name);
                }
                _ => {}
            },
            _ => {}
        },
        Edge::Close(node) => {
            if let Node::Element(element) = node.value() {
                if BLOCK_ELEMENTS.contains(&element.name()) {
                    writer.break_paragraph();
                }
            }
        }
    });
    writer.break_paragraph();
    writer.paragraphs
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

#[derive(Default)]
struct ParagraphWriter {
    paragraphs: Vec<BodyParagraph>,
    current: String,
    pending_space: bool,
    heading: bool,
}

impl ParagraphWriter {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else if !is_invisible(c) {
                if self.pending_space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    fn break_paragraph(&mut self) {
        if !self.current.is_empty() {
            self.paragraphs.push(BodyParagraph {
                text: std::mem::take(&mut self.current),
                is_heading: self.heading,
            });
        }
        self.pending_space = false;
        self.heading = false;
    }
}

/// Characters that only steer line breaking or are left over from a BOM: dropped from
/// the text so that words around them stay one word.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Drops "By Jane Doe" lines that reached the body without byline markup: near the top,
/// short, and either naming the known author or made only of capitalised names.
fn drop_byline_paragraphs(paragraphs: &mut Vec<BodyParagraph>, author: Option<&str>) {
    let mut index = 0;
    paragraphs.retain(|paragraph| {
        index += 1;
        !(index <= 4 && is_byline(&paragraph.text, author))
    });
}

fn is_byline(text: &str, author: Option<&str>) -> bool {
    let Some(rest) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .or_else(|| text.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    if author.is_some_and(|author| rest.contains(author)) {
        return true;
    }
    !rest.ends_with('.')
        && words.iter().all(|word| {
            matches!(*word, "and" | "in" | "|" | "-" | "–" | "and," | "&")
                || word.starts_with(|c: char| c.is_uppercase())
        })
}

/// True when two texts hold the same words, ignoring case and spacing.
fn same_words(left: &str, right: &str) -> bool {
    let words = |text: &str| {
        text.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(left) == words(right)
}

fn collapse_whitespace(text: &str) -> String {
    let mut writer = ParagraphWriter::default();
    writer.push_text(text);
    writer.current
}

/// A metadata value as one tidy line, or `None` when nothing is left.
fn clean_line(text: &str) -> Option<String> {
    Some(collapse_whitespace(text)).filter(|line| !line.is_empty())
}

/// An author as stored: one line, without a leading "By", and not a profile URL (which
/// `article:author` often holds) or a paragraph that happened to carry author markup.
fn clean_author(text: &str) -> Option<String> {
    let line = clean_line(text)?;
    let name = ["By ", "by ", "BY "]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix))
        .unwrap_or(&line)
        .trim()
        .trim_end_matches([',', ';', '|'])
        .trim();
    if name.is_empty() || looks_like_url(name) || name.chars().count() > 120 {
        return None;
    }
    Some(name.to_string())
}

fn looks_like_url(text: &str) -> bool {
    text.contains("://") || text.starts_with('/') || text.starts_with("www.")
}

/// Cuts the site name from a headline written "Headline | Site" or "Site - Headline",
/// only when the cut part equals the site name (ASCII case-insensitive).
pub fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site_name) = site_name.map(str::trim).filter(|name| !name.is_empty()) else {
        return title.to_string();
    };
    for separator in TITLE_SEPARATORS {
        let suffix_length = separator.len() + site_name.len();
        if title.len() > suffix_length && title.is_char_boundary(title.len() - suffix_length) {
            let (headline, suffix) = title.split_at(title.len() - suffix_length);
            if suffix.starts_with(separator)
                && suffix[separator.len()..].eq_ignore_ascii_case(site_name)
            {
                return headline.trim().to_string();
            }
        }
        if title.len() > suffix_length && title.is_char_boundary(suffix_length) {
            let (prefix, headline) = title.split_at(suffix_length);
            if prefix.ends_with(separator)
                && prefix[..site_name.len()].eq_ignore_ascii_case(site_name)
            {
                return headline.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The calendar day of a date or timestamp as the page writes it: ISO 8601 / RFC 3339
/// (`2024-03-14`, `2024-03-14T08:30:00+01:00`, `2024-03-14 08:30`) or RFC 2822
/// (`Thu, 14 Mar 2024 08:30:00 +0100`). The day is the one in the timestamp's own zone,
/// which is the day the outlet's readers saw on the page.
pub fn parse_published_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let is_iso_day_end = |rest: &str| rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    if text.len() >= 10 && text.is_char_boundary(10) && is_iso_day_end(&text[10..]) {
        if let Ok(date) = NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d") {
            return Some(date);
        }
    }
    DateTime::parse_from_rfc2822(text)
        .ok()
        .map(|timestamp| timestamp.date_naive())
}

/// `href` as an absolute http(s) URL, resolved against `base` when it is relative.
pub(crate) fn absolute_http_url(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let base = base.and_then(|base| url::Url::parse(base).ok());
    let parsed = url::Url::options()
        .base_url(base.as_ref())
        .parse(href)
        .ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// How deep a page nests its elements, estimated in one pass over the markup without
/// parsing it: start tags add a level and end tags remove one, except for elements that
/// cannot nest (void elements, and ones such as `<p>` and `<li>` that a sibling closes);
/// comments and raw-text elements (`<script>`, `<style>`...) are skipped. Unclosed
/// elements count as open, which is what the parser does with them too.
pub fn estimated_nesting_depth(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let tag_name = |from: usize| {
        let length = bytes[from..]
            .iter()
            .take_while(|byte| byte.is_ascii_alphanumeric())
            .count();
        &lower[from..from + length]
    };
    let (mut depth, mut deepest, mut position) = (0usize, 0usize, 0usize);
    while let Some(found) = bytes[position..].iter().position(|&byte| byte == b'<') {
        let start = position + found + 1;
        if bytes[start..].starts_with(b"!--") {
            position = find_from(bytes, start, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if bytes.get(start) == Some(&b'/') {
            let name = tag_name(start + 1);
            if !name.is_empty() && !NON_NESTING_ELEMENTS.contains(&name) {
                depth = depth.saturating_sub(1);
            }
            position = start + 1;
            continue;
        }
        let name = tag_name(start);
        if name.is_empty() {
            position = start;
            continue;
        }
        let tag_end = find_from(bytes, start, b">").unwrap_or(bytes.len());
        if RAW_TEXT_ELEMENTS.contains(&name) {
            let closing = format!("</{name}");
            position = find_from(bytes, tag_end, closing.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        let self_closing = tag_end > start && bytes[tag_end - 1] == b'/';
        if !self_closing && !NON_NESTING_ELEMENTS.contains(&name) {
            depth += 1;
            deepest = deepest.max(depth);
        }
        position = tag_end.min(bytes.len());
    }
    deepest
}

fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|offset| from + offset)
}

/// True when a space-separated attribute value (`rel`, `itemprop`) holds `word`.
fn has_word(value: &str, word: &str) -> bool {
    value
        .split_ascii_whitespace()
        .any(|candidate| candidate.eq_ignore_ascii_case(word))
}
