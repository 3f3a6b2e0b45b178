//! Review commands: list and count claims through the same filter as the CLI and the
//! export, and every correction an analyst makes to a claim.

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::store::{Claim, ClaimFilter, ReviewStatus};
use claimtrack_core::ClaimKind;
use tauri::State;

use crate::DesktopState;

/// Effective claims matching `filter`, one page of them (the filter carries limit/offset).
#[tauri::command]
pub async fn list_claims(
    filter: ClaimFilter,
    state: State<'_, DesktopState>,
) -> Result<Vec<Claim>, ErrorPayload> {
    state.with_store(|store| store.list_claims(&filter))
}

#[tauri::command]
pub async fn count_claims(
    filter: ClaimFilter,
    state: State<'_, DesktopState>,
) -> Result<i64, ErrorPayload> {
    state.with_store(|store| store.count_claims(&filter))
}

#[tauri::command]
pub async fn get_claim(
    claim_id: i64,
    state: State<'_, DesktopState>,
) -> Result<Claim, ErrorPayload> {
    state.with_store(|store| store.get_claim(claim_id))
}

/// Sets the status of one claim or many; many is one undoable event. Returns how many
/// claims changed.
#[tauri::command]
pub async fn set_status(
    claim_ids: Vec<i64>,
    status: ReviewStatus,
    state: State<'_, DesktopState>,
) -> Result<usize, ErrorPayload> {
    state.with_store(|store| store.set_status_many(&claim_ids, status))
}

/// Returns the id of the speaker the claim now belongs to (created if the name was new).
#[tauri::command]
pub async fn correct_speaker(
    claim_id: i64,
    name: String,
    state: State<'_, DesktopState>,
) -> Result<i64, ErrorPayload> {
    state.with_store(|store| store.correct_speaker(claim_id, &name))
}

/// `start` and `end` are byte offsets into the article text, as every span is.
#[tauri::command]
pub async fn correct_span(
    claim_id: i64,
    start: usize,
    end: usize,
    state: State<'_, DesktopState>,
) -> Result<(), ErrorPayload> {
    state.with_store(|store| store.correct_span(claim_id, start, end))
}

#[tauri::command]
pub async fn correct_kind(
    claim_id: i64,
    kind: ClaimKind,
    state: State<'_, DesktopState>,
) -> Result<(), ErrorPayload> {
    state.with_store(|store| store.correct_kind(claim_id, kind))
}

/// Adds a claim the extractor missed; returns its id.
#[tauri::command]
pub async fn add_claim(
    article_id: i64,
    start: usize,
    end: usize,
    kind: ClaimKind,
    speaker: Option<String>,
    state: State<'_, DesktopState>,
) -> Result<i64, ErrorPayload> {
    state.with_store(|store| store.add_claim(article_id, start, end, kind, speaker.as_deref()))
}
