//! The commands the web UI calls. Each is a few lines delegating to claimtrack-core and
//! returns `{kind, message}` on failure. They are `async` so that Tauri runs them off the
//! main thread and a slow query never freezes the window.

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::store::{ArticleSummary, Claim, ClaimFilter};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::DesktopState;

/// What the header shows: which build is running and which database file it uses.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
}

#[tauri::command]
pub fn app_info<R: Runtime>(app: AppHandle<R>, state: State<'_, DesktopState>) -> AppInfo {
    AppInfo {
        version: app.package_info().version.to_string(),
        database_path: state
            .database_path()
            .map(|path| path.display().to_string())
            .unwrap_or_else(|| "(no database)".to_string()),
    }
}

#[tauri::command]
pub async fn list_articles(
    state: State<'_, DesktopState>,
) -> Result<Vec<ArticleSummary>, ErrorPayload> {
    state.with_store(|store| store.list_articles())
}

/// Claims in reading order, of one article or (with no id) of all of them.
#[tauri::command]
pub async fn list_claims(
    article_id: Option<i64>,
    state: State<'_, DesktopState>,
) -> Result<Vec<Claim>, ErrorPayload> {
    let filter = ClaimFilter {
        article_id,
        ..ClaimFilter::default()
    };
    state.with_store(|store| store.list_claims(&filter))
}
