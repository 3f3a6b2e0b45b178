//! The CLI's one integration test binary: runs the real `claimtrack` executable.

mod backup_restore;
mod database;
mod extract;
mod support;
