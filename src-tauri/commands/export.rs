//! The export command: the same CSV the CLI writes, to a path the analyst chose in the
//! save dialog, with the claims table's filters.

use std::path::PathBuf;

use claimtrack_core::error::ErrorPayload;
use claimtrack_core::export::{export_claims_csv, ExportOptions, ExportReport};
use tauri::State;

use crate::DesktopState;

#[tauri::command]
pub async fn export_csv(
    path: PathBuf,
    options: ExportOptions,
    state: State<'_, DesktopState>,
) -> Result<ExportReport, ErrorPayload> {
    state.with_store(|store| export_claims_csv(store, &path, &options))
}
