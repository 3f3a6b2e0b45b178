//! The CLI's one integration test binary: runs the real `claimtrack` executable.

mod backup_restore;
mod database;
mod eval;
mod extract;
mod support;
