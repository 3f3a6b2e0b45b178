//! The store on a real SQLite file: ingest, review, corrections surviving re-extraction,
//! undo/redo across restarts, speaker merges, searches, and rejection of bad input.

use claimtrack_core::store::{
    ArticleMetadata, ArticleOrder, ArticleQuery, ClaimFilter, ClaimOrder, ClaimOrigin,
    IngestOutcome, ReviewStatus, Store,
};
use claimtrack_core::{ClaimKind, CoreError};

use crate::support::{
    date, draft, span_of, state_dump, table_counts, TempDatabase, CYCLING_ARTICLE, HARBOUR_ARTICLE,
};

fn ingest_cycling(store: &mut Store) -> i64 {
    store
        .ingest(&draft(
            "Westhaven council approves cycling budget",
            CYCLING_ARTICLE,
            Some(date("2024-03-14")),
        ))
        .expect("ingest")
        .article_id()
}

/// Adds a human claim over `needle` in the cycling article: review features are tested on
/// these so that they do not depend on what the extractor finds.
fn add_human_claim(store: &mut Store, article_id: i64, needle: &str, speaker: Option<&str>) -> i64 {
    let (start, end) = span_of(CYCLING_ARTICLE, needle);
    store
        .add_claim(article_id, start, end, ClaimKind::Direct, speaker)
        .expect("add claim")
}

#[test]
fn opening_creates_parent_folders_and_a_wal_database_at_the_latest_schema() {
    let temp = TempDatabase::new();
    let path = temp
        .dir
        .path()
        .join("nested")
        .join("deeper")
        .join("claimtrack.sqlite3");
    let store = Store::open(&path).expect("open");
    assert!(path.exists());
    assert_eq!(
        store.schema_version().unwrap(),
        claimtrack_core::store::latest_schema_version()
    );
    let connection = rusqlite::Connection::open(&path).unwrap();
    let mode: String = connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn default_database_path_is_the_tauri_app_data_dir() {
    if let Some(path) = claimtrack_core::store::default_database_path() {
        assert!(
            path.ends_with("dev.claimtrack.app/claimtrack.sqlite3"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn ingesting_the_same_text_twice_is_a_no_op() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let first = store
        .ingest(&draft("Cycling", CYCLING_ARTICLE, None))
        .unwrap();
    let counts = table_counts(&temp.path());
    let mut changed_metadata = draft(
        "A different title",
        CYCLING_ARTICLE,
        Some(date("2024-01-01")),
    );
    changed_metadata.outlet = Some("Another Paper".into());
    let second = store.ingest(&changed_metadata).unwrap();
    assert!(matches!(first, IngestOutcome::Inserted { .. }));
    assert_eq!(
        second,
        IngestOutcome::AlreadyStored {
            article_id: first.article_id()
        }
    );
    assert_eq!(table_counts(&temp.path()), counts);
    let articles = store.list_articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, "Cycling");
}

#[test]
fn an_ingested_article_keeps_its_text_metadata_and_hash() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let article = store.get_article(article_id).unwrap();
    assert_eq!(article.text, CYCLING_ARTICLE);
    assert_eq!(article.summary.published, Some(date("2024-03-14")));
    assert_eq!(article.summary.outlet.as_deref(), Some("Westhaven Courier"));
    assert_eq!(article.content_hash.len(), 64);
    assert!(matches!(
        store.get_article(article_id + 100),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn review_actions_are_laid_over_a_human_claim() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let claim_id = add_human_claim(
        &mut store,
        article_id,
        "We will build forty kilometres",
        None,
    );
    let claim = store.get_claim(claim_id).unwrap();
    assert_eq!(claim.origin, ClaimOrigin::Human);
    assert_eq!(claim.status, ReviewStatus::Pending);
    assert_eq!(claim.speaker, None);
    assert!(!claim.corrected);

    // A name the article never mentions, so the extractor cannot have created it first.
    let speaker_id = store.correct_speaker(claim_id, "  ingrid   HOLM ").unwrap();
    store.correct_kind(claim_id, ClaimKind::Mixed).unwrap();
    let (start, end) = span_of(
        CYCLING_ARTICLE,
        "We will build forty kilometres of protected lanes by 2027",
    );
    store.correct_span(claim_id, start, end).unwrap();
    store.set_status(claim_id, ReviewStatus::Verified).unwrap();

    let claim = store.get_claim(claim_id).unwrap();
    assert_eq!(claim.speaker.as_deref(), Some("ingrid HOLM"));
    assert_eq!(claim.speaker_id, Some(speaker_id));
    assert_eq!(claim.kind, ClaimKind::Mixed);
    assert_eq!((claim.start, claim.end), (start, end));
    assert_eq!(claim.parts, vec![[start, end]]);
    assert_eq!(
        claim.text,
        "We will build forty kilometres of protected lanes by 2027"
    );
    assert_eq!(claim.status, ReviewStatus::Verified);
    assert!(claim.reviewed_at.is_some());
    assert!(claim.corrected);

    // The same name in another case resolves to the same speaker instead of a new one.
    let other = add_human_claim(
        &mut store,
        article_id,
        "This is money we simply do not have",
        None,
    );
    assert_eq!(
        store.correct_speaker(other, "Ingrid Holm").unwrap(),
        speaker_id
    );

    let articles = store.list_articles().unwrap();
    assert_eq!(
        (articles[0].verified, articles[0].pending),
        (1, articles[0].claims - 1)
    );
    assert!(articles[0].claims >= 2);
}

#[test]
fn undo_and_redo_work_across_reopening_the_file() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let claim_id = add_human_claim(
        &mut store,
        article_id,
        "This is money we simply do not have",
        Some("Tomas Brenner"),
    );
    store.set_status(claim_id, ReviewStatus::Verified).unwrap();
    store
        .correct_speaker(claim_id, "Opposition Spokesperson")
        .unwrap();
    drop(store);

    let mut store = temp.open();
    let undone = store.undo().unwrap();
    assert_eq!(undone.action, "correct_speaker");
    assert_eq!(undone.state, "undone");
    assert_eq!(
        store.get_claim(claim_id).unwrap().speaker.as_deref(),
        Some("Tomas Brenner")
    );
    // The speaker the undone change created is gone again.
    assert_eq!(store.find_speaker("Opposition Spokesperson").unwrap(), None);
    drop(store);

    let mut store = temp.open();
    store.undo().unwrap();
    assert_eq!(
        store.get_claim(claim_id).unwrap().status,
        ReviewStatus::Pending
    );
    let redone = store.redo().unwrap();
    assert_eq!(redone.action, "set_status");
    assert_eq!(
        store.get_claim(claim_id).unwrap().status,
        ReviewStatus::Verified
    );
    drop(store);

    let mut store = temp.open();
    let redone = store.redo().unwrap();
    assert_eq!(redone.action, "correct_speaker");
    assert_eq!(
        store.get_claim(claim_id).unwrap().speaker.as_deref(),
        Some("Opposition Spokesperson")
    );
    assert!(matches!(
        store.redo(),
        Err(CoreError::NothingToUndo("redo"))
    ));

    // A new change after an undo ends the redo chain, as in an editor.
    store.undo().unwrap();
    store.correct_kind(claim_id, ClaimKind::Indirect).unwrap();
    assert!(matches!(
        store.redo(),
        Err(CoreError::NothingToUndo("redo"))
    ));
    assert_eq!(
        store.get_claim(claim_id).unwrap().speaker.as_deref(),
        Some("Tomas Brenner")
    );

    // Undo all the way back, then there is nothing left.
    store.undo().unwrap(); // kind
    store.undo().unwrap(); // status
    store.undo().unwrap(); // the added claim itself
    assert!(matches!(
        store.get_claim(claim_id),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.undo(),
        Err(CoreError::NothingToUndo("undo"))
    ));
    let history = store.list_history(100, 0).unwrap();
    assert!(history
        .iter()
        .any(|entry| entry.action == "undo" && entry.target_id.is_some()));
    assert!(history
        .iter()
        .any(|entry| entry.action == "ingest" && entry.state == "permanent"));
}

#[test]
fn undoing_everything_restores_the_exact_starting_state() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let starting_state = state_dump(&temp.path());
    let first = add_human_claim(
        &mut store,
        article_id,
        "We will build forty kilometres",
        Some("Anna Lindqvist"),
    );
    let second = add_human_claim(
        &mut store,
        article_id,
        "This is money we simply do not have",
        Some("Brenner"),
    );
    store.correct_speaker(second, "Tomas Brenner").unwrap();
    let brenner = store.find_speaker("Brenner").unwrap().unwrap();
    let tomas = store.find_speaker("Tomas Brenner").unwrap().unwrap();
    store.merge_speakers(brenner, tomas).unwrap();
    store.rename_speaker(tomas, "Tomas B. Brenner").unwrap();
    store.set_status(first, ReviewStatus::Rejected).unwrap();
    let (start, end) = span_of(CYCLING_ARTICLE, "forty kilometres");
    store.correct_span(first, start, end).unwrap();
    let mut metadata = ArticleMetadata {
        title: "Council backs bike lanes".into(),
        outlet: None,
        url: None,
        author: Some("Ida Svensson".into()),
        published: Some(date("2024-03-15")),
    };
    store
        .update_article_metadata(article_id, &metadata)
        .unwrap();
    let finished_state = state_dump(&temp.path());

    while store.undo().is_ok() {}
    assert_eq!(state_dump(&temp.path()), starting_state);
    while store.redo().is_ok() {}
    assert_eq!(state_dump(&temp.path()), finished_state);

    metadata.title = "   ".into();
    assert!(matches!(
        store.update_article_metadata(article_id, &metadata),
        Err(CoreError::InvalidInput(_))
    ));
}

#[test]
fn merging_speakers_moves_claims_and_aliases_and_undo_restores_them() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    // Names the article never mentions, so machine claims cannot share these speakers.
    let machine_like = add_human_claim(
        &mut store,
        article_id,
        "We will build forty kilometres",
        Some("I. Holm"),
    );
    let corrected = add_human_claim(
        &mut store,
        article_id,
        "This is money we simply do not have",
        None,
    );
    store.correct_speaker(corrected, "i. holm").unwrap();
    let from = store.find_speaker("I. Holm").unwrap().unwrap();
    let third = add_human_claim(
        &mut store,
        article_id,
        "approved a new cycling budget",
        Some("Ingrid Holm"),
    );
    let into = store.find_speaker("Ingrid Holm").unwrap().unwrap();
    assert_ne!(from, into);

    store.merge_speakers(from, into).unwrap();
    for claim_id in [machine_like, corrected, third] {
        assert_eq!(store.get_claim(claim_id).unwrap().speaker_id, Some(into));
    }
    let speakers = store.list_speakers().unwrap();
    assert!(speakers.iter().all(|speaker| speaker.id != from));
    let survivor = speakers.iter().find(|speaker| speaker.id == into).unwrap();
    assert_eq!(survivor.claims, 3);
    assert_eq!(
        survivor.aliases,
        vec!["I. Holm".to_string(), "Ingrid Holm".to_string()]
    );
    // The moved alias now resolves to the surviving speaker.
    assert_eq!(store.find_speaker("i. HOLM").unwrap(), Some(into));
    let by_old_name = ClaimFilter {
        speaker: Some("I. Holm".into()),
        ..Default::default()
    };
    assert_eq!(store.list_claims(&by_old_name).unwrap().len(), 3);

    assert!(matches!(
        store.merge_speakers(into, into),
        Err(CoreError::InvalidInput(_))
    ));
    assert!(matches!(
        store.merge_speakers(from, into),
        Err(CoreError::InvalidInput(_))
    ));

    let undone = store.undo().unwrap();
    assert_eq!(undone.action, "merge_speakers");
    assert_eq!(
        store.get_claim(machine_like).unwrap().speaker_id,
        Some(from)
    );
    assert_eq!(store.get_claim(corrected).unwrap().speaker_id, Some(from));
    assert_eq!(store.get_claim(third).unwrap().speaker_id, Some(into));
    assert_eq!(store.find_speaker("I. Holm").unwrap(), Some(from));
    assert!(store
        .list_speakers()
        .unwrap()
        .iter()
        .any(|speaker| speaker.id == from));
}

#[test]
fn renaming_a_speaker_keeps_the_old_name_as_an_alias() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let claim_id = add_human_claim(
        &mut store,
        article_id,
        "We will build forty kilometres",
        Some("Mayor Holm"),
    );
    add_human_claim(
        &mut store,
        article_id,
        "This is money we simply do not have",
        Some("Tomas Brenner"),
    );
    let speaker_id = store.find_speaker("Mayor Holm").unwrap().unwrap();
    store.rename_speaker(speaker_id, "Ingrid Holm").unwrap();
    assert_eq!(
        store.get_claim(claim_id).unwrap().speaker.as_deref(),
        Some("Ingrid Holm")
    );
    assert_eq!(store.find_speaker("mayor holm").unwrap(), Some(speaker_id));
    let before = table_counts(&temp.path());
    let refused = store.rename_speaker(speaker_id, "TOMAS BRENNER");
    assert!(matches!(refused, Err(CoreError::InvalidInput(message)) if message.contains("merge")));
    assert_eq!(table_counts(&temp.path()), before);
}

#[test]
fn rejected_bad_inputs_leave_the_database_unchanged() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let text = "Café owners protest\n\n\"Prices are up by a third,\" said café owner Zoë Brandt.\n";
    let article_id = store
        .ingest(&draft("Café owners protest", text, None))
        .unwrap()
        .article_id();
    let (start, end) = span_of(text, "Prices are up by a third");
    let claim_id = store
        .add_claim(
            article_id,
            start,
            end,
            ClaimKind::Direct,
            Some("Zoë Brandt"),
        )
        .unwrap();
    let counts = table_counts(&temp.path());
    let state = state_dump(&temp.path());
    let inside_e_acute = text.find('é').unwrap() + 1;
    let (blank_start, blank_end) = span_of(text, "\n\n");

    let attempts: Vec<(&str, Result<(), CoreError>)> = vec![
        (
            "span past the end",
            store.correct_span(claim_id, 0, text.len() + 1),
        ),
        ("reversed span", store.correct_span(claim_id, end, start)),
        ("empty span", store.correct_span(claim_id, start, start)),
        (
            "span inside a character",
            store.correct_span(claim_id, 0, inside_e_acute),
        ),
        (
            "whitespace-only span",
            store.correct_span(claim_id, blank_start, blank_end),
        ),
        (
            "unknown claim status",
            store.set_status(claim_id + 99, ReviewStatus::Verified),
        ),
        (
            "unknown claim speaker",
            store.correct_speaker(claim_id + 99, "Somebody").map(|_| ()),
        ),
        (
            "empty speaker name",
            store.correct_speaker(claim_id, "   ").map(|_| ()),
        ),
        (
            "unknown claim kind",
            store.correct_kind(claim_id + 99, ClaimKind::Mixed),
        ),
        (
            "unknown article",
            store
                .add_claim(article_id + 99, 0, 5, ClaimKind::Direct, None)
                .map(|_| ()),
        ),
        (
            "bad added span",
            store
                .add_claim(article_id, 5, 2, ClaimKind::Direct, Some("New Person"))
                .map(|_| ()),
        ),
        ("merge into itself", store.merge_speakers(1, 1)),
        ("merge unknown", store.merge_speakers(1, 999)),
        ("rename unknown", store.rename_speaker(999, "Someone")),
        (
            "empty article",
            store.ingest(&draft("Empty", " \n\t\n", None)).map(|_| ()),
        ),
        (
            "untitled article",
            store
                .ingest(&draft("  ", "Some text that is here.", None))
                .map(|_| ()),
        ),
        (
            "reextract unknown",
            store.reextract_article(article_id + 99).map(|_| ()),
        ),
    ];
    for (what, result) in attempts {
        let error = result.expect_err(what);
        assert!(
            matches!(
                error,
                CoreError::InvalidInput(_) | CoreError::NotFound { .. }
            ),
            "{what}: unexpected error {error:?}"
        );
        assert!(!error.to_string().is_empty());
    }
    assert_eq!(table_counts(&temp.path()), counts);
    assert_eq!(state_dump(&temp.path()), state);
    // The multi-byte text itself round-trips through a correct span.
    let (start, end) = span_of(text, "café owner Zoë Brandt");
    store.correct_span(claim_id, start, end).unwrap();
    assert_eq!(
        store.get_claim(claim_id).unwrap().text,
        "café owner Zoë Brandt"
    );
}

#[test]
fn full_text_search_follows_the_corrected_text_and_tolerates_any_input() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let claim_id = add_human_claim(
        &mut store,
        article_id,
        "We will build forty kilometres",
        None,
    );
    // Only the human claim is looked at: the extractor may find the same quote too.
    let search = |store: &Store, words: &str| -> Vec<i64> {
        let filter = ClaimFilter {
            search: Some(words.into()),
            ..Default::default()
        };
        let found = store.list_claims(&filter).unwrap();
        found
            .into_iter()
            .filter(|claim| claim.origin == ClaimOrigin::Human)
            .map(|claim| claim.id)
            .collect()
    };
    assert_eq!(search(&store, "KILOMETRES forty"), vec![claim_id]);
    assert!(search(&store, "lanes").is_empty());
    let (start, end) = span_of(CYCLING_ARTICLE, "protected lanes by 2027");
    store.correct_span(claim_id, start, end).unwrap();
    assert_eq!(search(&store, "lanes"), vec![claim_id]);
    assert!(search(&store, "kilometres").is_empty());
    store.undo().unwrap();
    assert_eq!(search(&store, "kilometres"), vec![claim_id]);
    for hostile in [
        "\"",
        "lanes\" OR \"",
        "AND",
        "*",
        "NEAR(",
        "'; DROP TABLE claims; --",
        "-x",
        "",
    ] {
        let filter = ClaimFilter {
            search: Some(hostile.into()),
            ..Default::default()
        };
        store
            .list_claims(&filter)
            .unwrap_or_else(|error| panic!("search {hostile:?}: {error}"));
    }
    let everything = store.list_claims(&ClaimFilter::default()).unwrap();
    assert_eq!(
        everything
            .iter()
            .filter(|claim| claim.origin == ClaimOrigin::Human)
            .count(),
        1
    );
}

#[test]
fn claim_listing_filters_pages_and_orders() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let cycling = ingest_cycling(&mut store);
    let harbour = store
        .ingest(&draft(
            "Harbour dredging to start in spring",
            HARBOUR_ARTICLE,
            Some(date("2024-02-05")),
        ))
        .unwrap()
        .article_id();
    let first = add_human_claim(
        &mut store,
        cycling,
        "We will build forty kilometres",
        Some("Anna Lindqvist"),
    );
    let second = add_human_claim(
        &mut store,
        cycling,
        "This is money we simply do not have",
        Some("Tomas Brenner"),
    );
    let (start, end) = span_of(
        HARBOUR_ARTICLE,
        "Larger ferries need at least nine metres of water",
    );
    let third = store
        .add_claim(
            harbour,
            start,
            end,
            ClaimKind::Mixed,
            Some("anna lindqvist"),
        )
        .unwrap();
    store.set_status(second, ReviewStatus::Verified).unwrap();
    store.set_status(third, ReviewStatus::Rejected).unwrap();

    // Only the human claims are compared: the extractor may add its own.
    let ids = |filter: ClaimFilter| -> Vec<i64> {
        store
            .list_claims(&filter)
            .unwrap()
            .into_iter()
            .filter(|claim| claim.origin == ClaimOrigin::Human)
            .map(|claim| claim.id)
            .collect()
    };
    assert_eq!(ids(ClaimFilter::default()), vec![first, second, third]);
    assert_eq!(
        ids(ClaimFilter {
            status: Some(ReviewStatus::Verified),
            ..Default::default()
        }),
        vec![second]
    );
    assert_eq!(
        ids(ClaimFilter {
            status: Some(ReviewStatus::Pending),
            ..Default::default()
        }),
        vec![first]
    );
    assert_eq!(
        ids(ClaimFilter {
            speaker: Some("ANNA LINDQVIST".into()),
            ..Default::default()
        }),
        vec![first, third]
    );
    assert_eq!(
        ids(ClaimFilter {
            speaker: Some("Nobody Known".into()),
            ..Default::default()
        }),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(ClaimFilter {
            article_id: Some(harbour),
            ..Default::default()
        }),
        vec![third]
    );
    assert_eq!(
        ids(ClaimFilter {
            kind: Some(ClaimKind::Mixed),
            ..Default::default()
        }),
        vec![third]
    );
    // Human claims are dated by their article's publication date.
    assert_eq!(
        ids(ClaimFilter {
            date_from: Some(date("2024-03-01")),
            date_to: Some(date("2024-03-31")),
            ..Default::default()
        }),
        vec![first, second]
    );
    let everything = store.list_claims(&ClaimFilter::default()).unwrap();
    let total = store.count_claims(&ClaimFilter::default()).unwrap();
    assert_eq!(total as usize, everything.len());
    let page = store
        .list_claims(&ClaimFilter {
            limit: Some(1),
            offset: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].id, everything[1].id);
    let by_confidence = store
        .list_claims(&ClaimFilter {
            order: ClaimOrder::ConfidenceAscending,
            ..Default::default()
        })
        .unwrap();
    assert!(by_confidence
        .windows(2)
        .all(|pair| pair[0].confidence <= pair[1].confidence));
}

#[test]
fn reextraction_keeps_human_claims_and_flags_reviewed_machine_claims_it_no_longer_finds() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let human = add_human_claim(
        &mut store,
        article_id,
        "We will build forty kilometres",
        Some("Anna Lindqvist"),
    );
    // Two machine claims over the title, which no extractor reads as a quote: one an
    // analyst reviewed, one nobody touched. They stand for claims an older extractor found.
    let connection = rusqlite::Connection::open(temp.path()).unwrap();
    let insert_stale_machine_claim = |start: usize, end: usize| -> i64 {
        connection
            .execute(
                "INSERT INTO claims (article_id, origin, kind, start_offset, end_offset, parts, text,
                                     speaker_type, confidence, extracted_at)
                 VALUES (?1, 'machine', 'indirect', ?2, ?3, ?4, ?5, 'unknown', 0.4, '2024-01-01T00:00:00Z')",
                rusqlite::params![
                    article_id,
                    start as i64,
                    end as i64,
                    format!("[[{start},{end}]]"),
                    &CYCLING_ARTICLE[start..end]
                ],
            )
            .unwrap();
        connection.last_insert_rowid()
    };
    let reviewed = insert_stale_machine_claim(0, 9);
    let untouched = insert_stale_machine_claim(10, 17);
    store.set_status(reviewed, ReviewStatus::Rejected).unwrap();

    let report = store.reextract_article(article_id).unwrap();
    assert_eq!((report.flagged, report.removed), (1, 1));
    let kept = store.get_claim(reviewed).unwrap();
    assert!(kept.no_longer_extracted);
    assert_eq!(kept.status, ReviewStatus::Rejected);
    assert!(matches!(
        store.get_claim(untouched),
        Err(CoreError::NotFound { .. })
    ));
    let human_claim = store.get_claim(human).unwrap();
    assert_eq!(human_claim.origin, ClaimOrigin::Human);
    assert_eq!(human_claim.speaker.as_deref(), Some("Anna Lindqvist"));
    assert!(!human_claim.no_longer_extracted);
    let history = store.list_history(10, 0).unwrap();
    assert_eq!(history[0].action, "reextract");
}

// The tests below need the extractor to find the direct quotes in the test articles.

fn claim_containing(store: &Store, article_id: i64, words: &str) -> claimtrack_core::store::Claim {
    let filter = ClaimFilter {
        article_id: Some(article_id),
        ..Default::default()
    };
    let claims = store.list_claims(&filter).unwrap();
    claims
        .iter()
        .find(|claim| claim.text.contains(words))
        .cloned()
        .unwrap_or_else(|| panic!("no extracted claim contains `{words}`; claims: {claims:#?}"))
}

#[test]
fn ingest_stores_extracted_claims_with_speakers() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let outcome = store
        .ingest(&draft(
            "Westhaven council approves cycling budget",
            CYCLING_ARTICLE,
            Some(date("2024-03-14")),
        ))
        .unwrap();
    let IngestOutcome::Inserted { article_id, claims } = outcome else {
        panic!("not inserted: {outcome:?}")
    };
    assert!(claims >= 2, "expected the two direct quotes, got {claims}");
    let quote = claim_containing(&store, article_id, "forty kilometres of protected lanes");
    assert_eq!(quote.kind, ClaimKind::Direct);
    assert_eq!(quote.origin, ClaimOrigin::Machine);
    assert_eq!(quote.speaker.as_deref(), Some("Anna Lindqvist"));
    assert_eq!(&CYCLING_ARTICLE[quote.start..quote.end], quote.text);
    assert!(store
        .list_speakers()
        .unwrap()
        .iter()
        .any(|speaker| speaker.canonical_name == "Anna Lindqvist"));
}

#[test]
fn a_corrected_speaker_and_status_survive_reextraction() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let quote = claim_containing(&store, article_id, "money we simply do not have");
    store
        .correct_speaker(quote.id, "Tomas Brenner-Aalto")
        .unwrap();
    store.set_status(quote.id, ReviewStatus::Verified).unwrap();
    let report = store.reextract_article(article_id).unwrap();
    assert!(report.kept >= 1);
    let after = store.get_claim(quote.id).unwrap();
    assert_eq!(after.speaker.as_deref(), Some("Tomas Brenner-Aalto"));
    assert_eq!(after.status, ReviewStatus::Verified);
    assert!(after.corrected);
    assert!(!after.no_longer_extracted);
    let all_after = store
        .list_claims(&ClaimFilter {
            article_id: Some(article_id),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all_after.len(), report.kept + report.added + report.flagged);
}

#[test]
fn a_merged_speaker_catches_claims_from_articles_ingested_later() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let cycling = ingest_cycling(&mut store);
    let machine_speaker = store
        .find_speaker("Anna Lindqvist")
        .unwrap()
        .expect("extracted speaker");
    let human = add_human_claim(
        &mut store,
        cycling,
        "approved a new cycling budget",
        Some("Mayor of Westhaven"),
    );
    let survivor = store.get_claim(human).unwrap().speaker_id.unwrap();
    store.merge_speakers(machine_speaker, survivor).unwrap();
    let harbour = store
        .ingest(&draft(
            "Harbour dredging to start in spring",
            HARBOUR_ARTICLE,
            Some(date("2024-02-05")),
        ))
        .unwrap()
        .article_id();
    let quote = claim_containing(&store, harbour, "nine metres of water");
    assert_eq!(quote.speaker_id, Some(survivor));
    assert_eq!(quote.speaker.as_deref(), Some("Mayor of Westhaven"));
}

#[test]
fn changing_the_published_date_moves_relative_claim_dates() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = ingest_cycling(&mut store);
    let quote = claim_containing(&store, article_id, "forty kilometres");
    let original = store.get_claim(quote.id).unwrap().date;
    assert!(original.is_some());
    let article = store.get_article(article_id).unwrap().summary;
    let metadata = ArticleMetadata {
        title: article.title,
        outlet: article.outlet,
        url: article.url,
        author: article.author,
        published: Some(date("2025-06-20")),
    };
    store
        .update_article_metadata(article_id, &metadata)
        .unwrap();
    let moved = store.get_claim(quote.id).unwrap().date;
    assert_ne!(moved, original);
    assert!(moved.unwrap() > date("2025-01-01"));
    store.undo().unwrap();
    assert_eq!(store.get_claim(quote.id).unwrap().date, original);
}

#[test]
fn undoing_the_creation_of_a_speaker_that_ingest_started_using_keeps_it_findable() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let cycling = ingest_cycling(&mut store);
    let claim_id = add_human_claim(&mut store, cycling, "approved a new cycling budget", None);
    let created = store.correct_speaker(claim_id, "Jonas Perlmann").unwrap();
    // The harbour story quotes Perlmann: its machine claim lands on the speaker just created.
    store
        .ingest(&draft(
            "Harbour dredging",
            HARBOUR_ARTICLE,
            Some(date("2024-02-05")),
        ))
        .unwrap()
        .article_id();
    let undone = store.undo().unwrap();
    assert_eq!(undone.action, "correct_speaker");
    assert_eq!(store.get_claim(claim_id).unwrap().speaker, None);
    // The speaker is still in use, so it stays, and its name still finds it.
    assert_eq!(store.find_speaker("jonas perlmann").unwrap(), Some(created));
    let speakers = store.list_speakers().unwrap();
    assert!(speakers
        .iter()
        .any(|speaker| speaker.id == created && speaker.claims >= 1));
}

#[test]
fn bulk_status_is_one_undoable_event_and_skips_claims_already_in_that_status() {
    let database = TempDatabase::new();
    let mut store = database.open();
    let article_id = ingest_cycling(&mut store);
    let first = add_human_claim(&mut store, article_id, "This is money", None);
    let second = add_human_claim(&mut store, article_id, "We will build", None);
    store
        .set_status(first, ReviewStatus::Verified)
        .expect("verify one");
    let before_bulk = state_dump(&database.path());

    let changed = store
        .set_status_many(&[first, second, second], ReviewStatus::Verified)
        .expect("bulk verify");
    assert_eq!(
        changed, 1,
        "the already verified claim and the repeat are skipped"
    );
    assert_eq!(
        store.get_claim(second).expect("claim").status,
        ReviewStatus::Verified
    );
    let history = store.list_history(1, 0).expect("history");
    assert_eq!(history[0].action, "set_status_many");

    store.undo().expect("one undo");
    assert_eq!(state_dump(&database.path()), before_bulk);
    store.redo().expect("redo");
    assert_eq!(
        store.get_claim(second).expect("claim").status,
        ReviewStatus::Verified
    );

    let counts = table_counts(&database.path());
    let error = store
        .set_status_many(&[first, 999_999], ReviewStatus::Rejected)
        .expect_err("an unknown claim refuses the whole bulk change");
    assert!(matches!(error, CoreError::NotFound { .. }), "{error:?}");
    assert_eq!(table_counts(&database.path()), counts);
    assert_eq!(
        store.get_claim(first).expect("claim").status,
        ReviewStatus::Verified
    );
}

#[test]
fn the_library_searches_metadata_and_text_and_sorts_by_publication_date() {
    let database = TempDatabase::new();
    let mut store = database.open();
    let cycling = ingest_cycling(&mut store);
    let harbour = store
        .ingest(&draft(
            "Harbour dredging to start in spring",
            HARBOUR_ARTICLE,
            Some(date("2024-05-02")),
        ))
        .expect("ingest harbour")
        .article_id();
    let mut undated = draft(
        "Undated note",
        "Łukasz Wójcik said the 50% rule_set stays.",
        None,
    );
    undated.url = Some("https://courier.example/undated".into());
    let undated = store.ingest(&undated).expect("ingest undated").article_id();

    let ids = |search: Option<&str>, order: ArticleOrder| -> Vec<i64> {
        store
            .list_articles_matching(&ArticleQuery {
                search: search.map(str::to_string),
                order,
            })
            .expect("list")
            .iter()
            .map(|article| article.id)
            .collect()
    };
    assert_eq!(
        ids(None, ArticleOrder::Stored),
        vec![cycling, harbour, undated]
    );
    assert_eq!(
        ids(None, ArticleOrder::PublishedNewestFirst),
        vec![harbour, cycling, undated]
    );
    assert_eq!(
        ids(None, ArticleOrder::PublishedOldestFirst),
        vec![cycling, harbour, undated]
    );
    // Body text, any case; title; and the characters LIKE would treat as wildcards.
    assert_eq!(ids(Some("SPAWNING"), ArticleOrder::Stored), vec![harbour]);
    assert_eq!(
        ids(Some("cycling budget"), ArticleOrder::Stored),
        vec![cycling]
    );
    assert_eq!(ids(Some("50%"), ArticleOrder::Stored), vec![undated]);
    assert_eq!(ids(Some("n_w"), ArticleOrder::Stored), Vec::<i64>::new());
    assert_eq!(ids(Some("e_s"), ArticleOrder::Stored), vec![undated]);
    assert_eq!(ids(Some("Łukasz"), ArticleOrder::Stored), vec![undated]);
    assert_eq!(
        ids(Some("   "), ArticleOrder::Stored),
        vec![cycling, harbour, undated]
    );
}
