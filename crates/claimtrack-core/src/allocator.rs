//! The memory allocator every ClaimTrack program installs: the `claimtrack` CLI, the
//! desktop app and the benchmarks, so that the throughput `docs/PERFORMANCE.md` reports is
//! the throughput analysts get.
//!
//! Extraction allocates many small, short-lived strings and vectors per article (token
//! and sentence tables, names, claim texts). mimalloc serves them from per-thread pages
//! with far less work than the system allocator: about a tenth more articles per second
//! on real news (see `docs/PERFORMANCE.md`). Each binary opts in with two lines, because
//! a library cannot choose the global allocator of the program that links it:
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: claimtrack_core::allocator::ProductAllocator =
//!     claimtrack_core::allocator::PRODUCT_ALLOCATOR;
//! ```

/// The allocator's type, for a binary's `#[global_allocator]` static.
pub type ProductAllocator = mimalloc::MiMalloc;

/// The allocator's value, for a binary's `#[global_allocator]` static.
pub const PRODUCT_ALLOCATOR: ProductAllocator = mimalloc::MiMalloc;
