//! Fuzz target: arbitrary bytes, read as lossy UTF-8 text, through claim extraction. Fails on
//! a panic or on any broken invariant (spans off character boundaries or outside the text,
//! parts out of order or outside their claim, nondeterministic output).

#![no_main]

use claimtrack_fuzz::invariants::{check_extraction, extraction_input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, published) = extraction_input(data);
    if let Err(problem) = check_extraction(&text, published) {
        panic!("extraction invariant broken: {problem}");
    }
});
