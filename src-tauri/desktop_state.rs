//! The state every command shares: the open store behind a mutex, or the reason it could
//! not be opened, plus the path it was opened from (shown in the window's header).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use claimtrack_core::error::{CoreResult, ErrorPayload};
use claimtrack_core::store::Store;

use crate::sample_article::ingest_sample_article_if_empty;

pub struct DesktopState {
    database_path: Option<PathBuf>,
    store: Result<Mutex<Store>, ErrorPayload>,
}

impl DesktopState {
    /// Opens the database (creating it and its folder when missing) and, when it holds no
    /// article yet, stores the sample article so a new user sees claims at once.
    pub fn open(database_path: Result<PathBuf, ErrorPayload>) -> DesktopState {
        let path = match database_path {
            Ok(path) => path,
            Err(error) => {
                return DesktopState {
                    database_path: None,
                    store: Err(error),
                }
            }
        };
        let store = Store::open(&path).map_err(|error| error.to_payload());
        let store = store.map(|mut store| {
            // The sample is a convenience: if storing it fails the analyst's database is
            // still perfectly usable, so the failure is reported and the app goes on.
            if let Err(error) = ingest_sample_article_if_empty(&mut store) {
                eprintln!("claimtrack: the sample article was not stored: {error}");
            }
            Mutex::new(store)
        });
        DesktopState {
            database_path: Some(path),
            store,
        }
    }

    /// The database file this run uses, when one could be chosen.
    pub fn database_path(&self) -> Option<&Path> {
        self.database_path.as_deref()
    }

    /// Why the store is unavailable, if it is.
    pub fn open_error(&self) -> Option<&ErrorPayload> {
        self.store.as_ref().err()
    }

    /// The store's lock itself, for imports that lock it only for each database step.
    pub fn store_mutex(&self) -> Result<&Mutex<Store>, ErrorPayload> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// Runs `operation` on the store, turning any failure into the payload the UI shows.
    pub fn with_store<T>(
        &self,
        operation: impl FnOnce(&mut Store) -> CoreResult<T>,
    ) -> Result<T, ErrorPayload> {
        let store = self.store_mutex()?;
        // A panic in an earlier command poisons the mutex. Every store write is a single
        // SQLite transaction, which rolls back when dropped mid-way, so the store behind a
        // poisoned lock is still consistent and safe to keep using.
        let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
        operation(&mut store).map_err(|error| error.to_payload())
    }
}
