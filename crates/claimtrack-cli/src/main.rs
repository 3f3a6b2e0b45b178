//! The `claimtrack` command-line tool: a thin layer over claimtrack-core.

fn main() {}
