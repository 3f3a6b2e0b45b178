//! The managed state over a real SQLite file: first start seeds the sample once, an
//! analyst's database is left alone, and a file that is not a database is reported and
//! left byte-for-byte untouched.

use claimtrack_core::ingest::ArticleDraft;
use claimtrack_core::store::{ClaimFilter, Store};
use claimtrack_desktop::sample_article::sample_article_title;
use claimtrack_desktop::DesktopState;

#[test]
fn first_start_creates_the_database_folder_and_stores_the_sample_article() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nested/folder/claimtrack.sqlite3");
    let state = DesktopState::open(Ok(path.clone()));
    assert!(state.open_error().is_none());
    assert_eq!(state.database_path(), Some(path.as_path()));
    assert!(path.is_file());
    let articles = state.with_store(|store| store.list_articles()).unwrap();
    let titles: Vec<&str> = articles
        .iter()
        .map(|article| article.title.as_str())
        .collect();
    assert_eq!(titles, [sample_article_title()]);
    assert_eq!(
        articles[0].published.map(|date| date.to_string()),
        Some("2025-03-13".to_string())
    );
}

#[test]
fn second_start_does_not_store_the_sample_again() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("claimtrack.sqlite3");
    drop(DesktopState::open(Ok(path.clone())));
    let state = DesktopState::open(Ok(path));
    let articles = state.with_store(|store| store.list_articles()).unwrap();
    assert_eq!(articles.len(), 1);
}

#[test]
fn a_database_with_articles_of_its_own_gets_no_sample() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("claimtrack.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .ingest(&ArticleDraft {
                title: "Council approves bridge repairs".to_string(),
                text: "Council approves bridge repairs\n\n\"The bridge will reopen in May,\" council leader Ana Brandt said.".to_string(),
                ..ArticleDraft::default()
            })
            .unwrap();
    }
    let state = DesktopState::open(Ok(path));
    let articles = state.with_store(|store| store.list_articles()).unwrap();
    let titles: Vec<&str> = articles
        .iter()
        .map(|article| article.title.as_str())
        .collect();
    assert_eq!(titles, ["Council approves bridge repairs"]);
}

#[test]
fn a_file_that_is_not_a_database_is_reported_and_left_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notes.sqlite3");
    let original: Vec<u8> = b"These are an analyst's notes, not a database.\n"
        .iter()
        .copied()
        .cycle()
        .take(8192)
        .collect();
    std::fs::write(&path, &original).unwrap();

    let state = DesktopState::open(Ok(path.clone()));
    let error = state.open_error().expect("opening a text file must fail");
    assert_eq!(error.kind, "database");
    let command_error = state
        .with_store(|store| store.list_claims(&ClaimFilter::default()))
        .unwrap_err();
    assert_eq!(command_error.kind, "database");
    drop(state);
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[test]
fn a_missing_database_location_is_reported_by_every_command() {
    let reason = claimtrack_core::CoreError::InvalidInput("no data directory".to_string());
    let state = DesktopState::open(Err(reason.to_payload()));
    assert_eq!(state.database_path(), None);
    let error = state.with_store(|store| store.list_articles()).unwrap_err();
    assert_eq!(error.kind, "invalid_input");
    assert_eq!(error.message, "no data directory");
}
