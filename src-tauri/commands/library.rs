//! Library commands: list and search articles, read one, import pasted text, files, folders,
//! pages and feeds (with progress per item), and edit an article's metadata.

use std::path::PathBuf;

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::ingest::{
    draft_from_pasted, ingest_files, ingest_url, DraftOverrides, FetchOptions, IngestProgress,
};
use claimtrack_core::store::{
    Article, ArticleMetadata, ArticleQuery, ArticleSummary, IngestOutcome,
};
use serde::Deserialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::DesktopState;

#[tauri::command]
pub async fn list_articles(
    query: Option<ArticleQuery>,
    state: State<'_, DesktopState>,
) -> Result<Vec<ArticleSummary>, ErrorPayload> {
    state.with_store(|store| store.list_articles_matching(&query.unwrap_or_default()))
}

#[tauri::command]
pub async fn get_article(
    article_id: i64,
    state: State<'_, DesktopState>,
) -> Result<Article, ErrorPayload> {
    state.with_store(|store| store.get_article(article_id))
}

/// What the paste form sends: the body and whatever metadata the analyst filled in (the
/// title is required; the core says so if it is missing).
#[derive(Debug, Clone, Deserialize)]
pub struct PastedArticle {
    pub body: String,
    #[serde(flatten)]
    pub metadata: DraftOverrides,
}

#[tauri::command]
pub async fn import_pasted(
    article: PastedArticle,
    state: State<'_, DesktopState>,
) -> Result<IngestOutcome, ErrorPayload> {
    let title = article.metadata.title.as_deref().unwrap_or_default();
    let draft = draft_from_pasted(title, &article.body, &article.metadata);
    state.with_store(|store| store.ingest(&draft?))
}

/// Imports what the analyst chose: files and folders (walked for .txt, .md and .html),
/// and web addresses (an article page, or a feed whose entries are each imported). Each
/// item is its own transaction and one failure never stops the rest; progress for every
/// item streams to the window. Runs on a blocking thread because pages are fetched over
/// the network; the store is locked only for each database step, so the window stays
/// usable meanwhile. Returns how many items failed.
#[tauri::command]
pub async fn import_sources<R: Runtime>(
    sources: Vec<String>,
    progress: Channel<IngestProgress>,
    app: AppHandle<R>,
) -> Result<usize, ErrorPayload> {
    let task = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<DesktopState>();
        let store = state.store_mutex()?;
        let (addresses, paths): (Vec<String>, Vec<String>) = sources
            .into_iter()
            .partition(|source| is_web_address(source));
        // The window only hears about progress; a closed window must not stop the import.
        let mut report = |event: IngestProgress| {
            let _ = progress.send(event);
        };
        let mut failures = 0;
        if !paths.is_empty() {
            let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
            let files = ingest_files(store, &paths, &DraftOverrides::default(), &mut report);
            failures += files.failed();
        }
        for address in addresses {
            let options = FetchOptions::default();
            let pages = ingest_url(
                store,
                &address,
                &options,
                &DraftOverrides::default(),
                &mut report,
            );
            failures += pages.failed();
        }
        Ok(failures)
    });
    task.await.map_err(|error| ErrorPayload {
        kind: "ui",
        message: format!("the import stopped unexpectedly: {error}"),
    })?
}

/// True for a line the analyst meant as a web address rather than a file path.
fn is_web_address(source: &str) -> bool {
    let lower = source.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[tauri::command]
pub async fn update_article_metadata(
    article_id: i64,
    metadata: ArticleMetadata,
    state: State<'_, DesktopState>,
) -> Result<(), ErrorPayload> {
    state.with_store(|store| store.update_article_metadata(article_id, &metadata))
}
