//! The CLI's one integration test binary: runs the real `claimtrack` executable.

mod backup_restore;
mod concurrency;
mod crash_safety;
mod database;
mod eval;
mod extract;
mod ingest_web;
mod support;
mod train_tagger;
