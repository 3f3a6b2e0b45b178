//! The one error type of the core. Each variant is a kind the user interfaces branch on
//! (the desktop app receives `{ kind, message }`), so variants name situations, not causes.

use std::path::PathBuf;

use serde::Serialize;

pub type CoreResult<T> = Result<T, CoreError>;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    InvalidInput(String),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    #[error("the database was written by a newer ClaimTrack (schema version {found}, this build knows up to {supported}); update ClaimTrack")]
    DatabaseTooNew { found: i64, supported: i64 },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("CSV error: {0}")]
    Csv(#[from] csv::Error),
    #[error("nothing to {0}")]
    NothingToUndo(&'static str),
    #[error("database migration {name} failed, the database was left unchanged: {message}")]
    Migration { name: String, message: String },
    /// A page or feed could not be fetched; `failure` says why (DNS, TLS, HTTP status...).
    #[error("{url}: {failure}")]
    Fetch {
        url: String,
        failure: crate::ingest::fetch::FetchFailure,
    },
}

impl CoreError {
    /// A stable, machine-readable name for the variant: the UI branches on it.
    pub fn kind(&self) -> &'static str {
        match self {
            CoreError::Io { .. } => "io",
            CoreError::InvalidInput(_) => "invalid_input",
            CoreError::NotFound { .. } => "not_found",
            CoreError::DatabaseTooNew { .. } => "database_too_new",
            CoreError::Database(_) => "database",
            CoreError::Csv(_) => "csv",
            CoreError::NothingToUndo(_) => "nothing_to_undo",
            CoreError::Migration { .. } => "migration",
            CoreError::Fetch { .. } => "fetch",
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> CoreError {
        CoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// The shape the desktop app hands to the web UI.
    pub fn to_payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
        }
    }
}

/// What the UI receives for any failed command.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorPayload {
    pub kind: &'static str,
    pub message: String,
}
