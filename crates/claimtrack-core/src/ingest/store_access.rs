//! How the many-item imports reach the store: only for the moment of each database step.
//!
//! A feed import spends nearly all its time waiting on the network, and a folder import
//! reading and parsing files. The desktop app keeps its store behind a mutex; holding that
//! lock for a whole import would freeze every other command in the window. So folder, URL
//! and feed imports take anything that can lend the store for one closure: a plain
//! `&mut Store` (the CLI), or a `&Mutex<Store>` (the app), which is locked for each lookup
//! and each article stored, and free while pages are fetched and parsed.

use std::sync::{Mutex, PoisonError};

use crate::error::CoreResult;
use crate::store::Store;

/// Lends the store for one step of an import.
pub trait StoreAccess {
    fn with_store<T>(&mut self, step: impl FnOnce(&mut Store) -> CoreResult<T>) -> CoreResult<T>;
}

impl StoreAccess for &mut Store {
    fn with_store<T>(&mut self, step: impl FnOnce(&mut Store) -> CoreResult<T>) -> CoreResult<T> {
        step(self)
    }
}

impl StoreAccess for &Mutex<Store> {
    fn with_store<T>(&mut self, step: impl FnOnce(&mut Store) -> CoreResult<T>) -> CoreResult<T> {
        // A panic in another holder cannot leave the store half-written: every write is one
        // SQLite transaction, rolled back if it did not commit. So a poisoned lock is
        // still safe to use.
        let mut store = self.lock().unwrap_or_else(PoisonError::into_inner);
        step(&mut store)
    }
}
