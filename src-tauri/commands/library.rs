//! Library commands: list and search articles, read one, import pasted text or files (with
//! progress per file), and edit an article's metadata.

use std::path::PathBuf;

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::ingest::{
    collect_article_files, draft_from_file, draft_from_pasted, DraftOverrides,
};
use claimtrack_core::store::{
    Article, ArticleMetadata, ArticleQuery, ArticleSummary, IngestOutcome,
};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::State;

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

/// One step of a file import, streamed to the window as it happens.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ImportProgress {
    /// The files found (folders walked); `total` is how many will be tried.
    Started {
        total: usize,
    },
    Imported {
        path: String,
        outcome: IngestOutcome,
    },
    Failed {
        path: String,
        error: ErrorPayload,
    },
}

/// Imports files and folders one file at a time. A file that fails is reported and the
/// rest go on; each file is its own transaction, so a failure never touches stored work.
/// Returns how many files failed.
#[tauri::command]
pub async fn import_files(
    paths: Vec<PathBuf>,
    progress: Channel<ImportProgress>,
    state: State<'_, DesktopState>,
) -> Result<usize, ErrorPayload> {
    let (files, walk_errors) = collect_article_files(&paths);
    let mut failures = walk_errors.len();
    // The window only hears about progress; a closed window must not stop the import.
    let _ = progress.send(ImportProgress::Started {
        total: files.len() + walk_errors.len(),
    });
    for error in walk_errors {
        let _ = progress.send(ImportProgress::Failed {
            path: String::new(),
            error: error.to_payload(),
        });
    }
    for file in files {
        let path = file.display().to_string();
        let outcome = state
            .with_store(|store| store.ingest(&draft_from_file(&file, &DraftOverrides::default())?));
        let _ = progress.send(match outcome {
            Ok(outcome) => ImportProgress::Imported { path, outcome },
            Err(error) => {
                failures += 1;
                ImportProgress::Failed { path, error }
            }
        });
    }
    Ok(failures)
}

#[tauri::command]
pub async fn update_article_metadata(
    article_id: i64,
    metadata: ArticleMetadata,
    state: State<'_, DesktopState>,
) -> Result<(), ErrorPayload> {
    state.with_store(|store| store.update_article_metadata(article_id, &metadata))
}
