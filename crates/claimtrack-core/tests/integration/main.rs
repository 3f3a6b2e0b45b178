//! The core crate's one integration test binary; each module is one area.
