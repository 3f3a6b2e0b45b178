//! Database safety commands: an online backup of the open database to a file the analyst
//! chose, and restoring one (checked before anything is replaced; the previous database is
//! kept beside it).

use std::path::PathBuf;

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::store::{restore_from, BackupReport, RestoreReport};
use tauri::State;

use crate::DesktopState;

#[tauri::command]
pub async fn backup_database(
    path: PathBuf,
    state: State<'_, DesktopState>,
) -> Result<BackupReport, ErrorPayload> {
    state.with_store(|store| store.backup_to(&path))
}

/// Restores over the app's own database file. The lock is held throughout so no command
/// writes while the file is replaced; the open connection sees the restored data next read.
#[tauri::command]
pub async fn restore_database(
    path: PathBuf,
    state: State<'_, DesktopState>,
) -> Result<RestoreReport, ErrorPayload> {
    state.with_store(|store| restore_from(&path, store.path()))
}
