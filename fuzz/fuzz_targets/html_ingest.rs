//! Fuzz target: arbitrary bytes as a saved web page through HTML ingest (encoding sniffing,
//! html5ever parsing, article-body and metadata extraction) and then claim extraction.
//! Fails on a panic, a stack overflow, nondeterminism, an unclear refusal, a draft the store
//! would refuse, or any broken extraction invariant on the draft's text.

#![no_main]

use claimtrack_fuzz::invariants::check_html_ingest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = check_html_ingest(data) {
        panic!("HTML ingest invariant broken: {problem}");
    }
});
