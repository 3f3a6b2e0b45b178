//! The sample article is what a new user judges ClaimTrack by, so it must carry the
//! attribution patterns the extractor is built for, and extraction must find them.

use claimtrack_core::store::{ClaimFilter, Store};
use claimtrack_core::ClaimKind;
use claimtrack_desktop::sample_article::{
    ingest_sample_article_if_empty, sample_article_draft, sample_article_title, SAMPLE_ARTICLE_TEXT,
};

#[test]
fn sample_is_dated_on_a_thursday_and_speaks_of_tuesday() {
    use chrono::Datelike;
    let draft = sample_article_draft();
    let published = draft.published.expect("the sample has a publication date");
    assert_eq!(published.weekday(), chrono::Weekday::Thu);
    assert!(draft.text.contains("on Tuesday"));
    assert_eq!(
        draft.title,
        "Harbour city sets out ferry plan as budget talks stall"
    );
    assert_eq!(sample_article_title(), draft.title);
}

#[test]
fn sample_text_has_the_attribution_patterns_it_is_meant_to_show() {
    // An interrupted quote: the attribution sits between two quoted halves.
    assert!(SAMPLE_ARTICLE_TEXT.contains("\"The money exists,\" he said, \"but"));
    assert!(SAMPLE_ARTICLE_TEXT.contains("The finance minister, Tomas Reinholt"));
    assert!(SAMPLE_ARTICLE_TEXT.contains("called the plan \"a glossy brochure"));
    assert!(SAMPLE_ARTICLE_TEXT.contains("said in a statement that"));
}

#[test]
fn ingesting_the_sample_twice_stores_it_once() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open(folder.path().join("claimtrack.sqlite3")).unwrap();
    assert!(ingest_sample_article_if_empty(&mut store)
        .unwrap()
        .is_some());
    assert!(ingest_sample_article_if_empty(&mut store)
        .unwrap()
        .is_none());
    assert_eq!(store.list_articles().unwrap().len(), 1);
}

/// What a new user sees first, checked through the real store: the interrupted quote goes
/// to the finance minister through the pronoun, the mixed quote to the opposition leader.
#[test]
fn sample_yields_direct_mixed_and_indirect_claims_with_named_speakers() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open(folder.path().join("claimtrack.sqlite3")).unwrap();
    ingest_sample_article_if_empty(&mut store).unwrap();
    let claims = store.list_claims(&ClaimFilter::default()).unwrap();
    let has = |kind: ClaimKind, speaker: &str, fragment: &str| {
        claims.iter().any(|claim| {
            claim.kind == kind
                && claim.speaker.as_deref() == Some(speaker)
                && claim.text.contains(fragment)
        })
    };
    assert!(
        has(
            ClaimKind::Direct,
            "Ilona Varga",
            "We cannot ask people to commute"
        ),
        "{claims:#?}"
    );
    assert!(
        has(ClaimKind::Direct, "Tomas Reinholt", "The money exists"),
        "{claims:#?}"
    );
    assert!(
        has(
            ClaimKind::Mixed,
            "Marta Lindqvist",
            "\"hoping nobody reads the small print"
        ),
        "{claims:#?}"
    );
    assert!(
        has(ClaimKind::Mixed, "Marta Lindqvist", "\"a glossy brochure"),
        "{claims:#?}"
    );
    assert!(
        claims.iter().any(|claim| claim.kind == ClaimKind::Indirect),
        "{claims:#?}"
    );
}
