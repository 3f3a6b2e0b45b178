//! The core crate's one integration test binary; each module is one area.

mod export;
mod extract_golden;
mod ingest;
mod migrations;
mod polnear_smoke;
mod store;
mod support;
