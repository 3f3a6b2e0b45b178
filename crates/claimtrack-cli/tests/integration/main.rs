//! The CLI's one integration test binary: runs the real `claimtrack` executable.

mod database;
mod extract;
mod support;
