//! History commands: undo, redo and the audit list, all read from the stored history so
//! they work across restarts and see changes made from the CLI.

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::store::HistoryEntry;
use tauri::State;

use crate::DesktopState;

/// Undoes the newest applied change and returns it, so the window can say what it undid.
#[tauri::command]
pub async fn undo(state: State<'_, DesktopState>) -> Result<HistoryEntry, ErrorPayload> {
    state.with_store(|store| store.undo())
}

#[tauri::command]
pub async fn redo(state: State<'_, DesktopState>) -> Result<HistoryEntry, ErrorPayload> {
    state.with_store(|store| store.redo())
}

/// Newest first, one page.
#[tauri::command]
pub async fn list_history(
    limit: u32,
    offset: u32,
    state: State<'_, DesktopState>,
) -> Result<Vec<HistoryEntry>, ErrorPayload> {
    state.with_store(|store| store.list_history(limit, offset))
}
