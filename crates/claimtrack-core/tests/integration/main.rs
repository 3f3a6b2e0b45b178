//! The core crate's one integration test binary; each module is one area.

mod eval;
mod export;
mod extract_dates_golden;
mod extract_golden;
mod extract_speakers_golden;
mod extract_tagger;
mod fuzz_regressions;
mod ingest;
mod ingest_feed;
mod ingest_html;
mod ingest_http;
mod loopback_server;
mod migrations;
mod polnear_smoke;
mod reliability_backup;
mod reliability_bad_input;
mod reliability_migration;
mod reliability_security;
mod reliability_support;
mod store;
mod support;
