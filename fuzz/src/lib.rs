//! Shared code of the fuzz targets: the invariants they check on every input. The checks
//! live in `invariants.rs`, a file the core's regression tests include by path.

pub mod invariants;
