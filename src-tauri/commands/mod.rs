//! The commands the web UI calls, one module per area of the window. Each command is a few
//! lines delegating to claimtrack-core and returns `{kind, message}` on failure. They are
//! `async` so that Tauri runs them off the main thread and a slow query never freezes the
//! window.

pub mod database;
pub mod export;
pub mod history;
pub mod library;
pub mod review;
pub mod speakers;

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
