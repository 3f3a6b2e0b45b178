//! Where the desktop app keeps its database: `CLAIMTRACK_DB` when set (tests and analysts
//! with several case files use it), otherwise Tauri's app data directory, which is the same
//! folder the CLI uses by default, so both work on one file.

use std::ffi::OsString;
use std::path::PathBuf;

use claimtrack_core::error::{CoreError, ErrorPayload};
use claimtrack_core::store::DATABASE_FILE_NAME;
use tauri::{AppHandle, Manager, Runtime};

/// The environment variable that overrides the database path.
pub const DATABASE_PATH_VARIABLE: &str = "CLAIMTRACK_DB";

/// The database path for this run of the app, or why there is none.
pub fn resolve_database_path<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, ErrorPayload> {
    let app_data_dir = app.path().app_data_dir().map_err(|error| error.to_string());
    choose_database_path(std::env::var_os(DATABASE_PATH_VARIABLE), app_data_dir)
}

/// The decision itself, apart from Tauri and the process environment so it can be tested.
/// An empty override counts as unset: `CLAIMTRACK_DB= claimtrack-desktop` must not try to
/// open a database named "".
pub fn choose_database_path(
    override_path: Option<OsString>,
    app_data_dir: Result<PathBuf, String>,
) -> Result<PathBuf, ErrorPayload> {
    if let Some(path) = override_path.filter(|path| !path.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    match app_data_dir {
        Ok(directory) => Ok(directory.join(DATABASE_FILE_NAME)),
        Err(reason) => Err(CoreError::InvalidInput(format!(
            "this system has no application data directory ({reason}); set {DATABASE_PATH_VARIABLE} to a database file path"
        ))
        .to_payload()),
    }
}
