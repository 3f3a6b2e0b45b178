//! Speaker commands: the list with claim counts, renaming, and merging aliases into one
//! canonical speaker. A speaker's claims are listed through `list_claims` with a filter.

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::store::SpeakerSummary;
use tauri::State;

use crate::DesktopState;

#[tauri::command]
pub async fn list_speakers(
    state: State<'_, DesktopState>,
) -> Result<Vec<SpeakerSummary>, ErrorPayload> {
    state.with_store(|store| store.list_speakers())
}

#[tauri::command]
pub async fn rename_speaker(
    speaker_id: i64,
    name: String,
    state: State<'_, DesktopState>,
) -> Result<(), ErrorPayload> {
    state.with_store(|store| store.rename_speaker(speaker_id, &name))
}

/// Moves every claim and alias of `from` to `into`; `from` disappears from the list.
#[tauri::command]
pub async fn merge_speakers(
    from: i64,
    into: i64,
    state: State<'_, DesktopState>,
) -> Result<(), ErrorPayload> {
    state.with_store(|store| store.merge_speakers(from, into))
}
