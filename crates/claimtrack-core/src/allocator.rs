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

/// mimalloc behind Rust's allocator interface. The `mimalloc` crate's own wrapper asks
/// for every block through mimalloc's aligned entry points, whose fast path serves only
/// small blocks: every vector of more than a kilobyte (an article's token, sentence and
/// feature tables) took the over-allocating fallback, which asks for a block a little
/// larger than needed and aligns inside it. Every block mimalloc hands out is at least
/// word-aligned (its size classes are whole words), so a request with an alignment of a
/// word or less goes through the plain entry points; only the rare larger alignments take
/// the aligned ones.
pub struct ProductAllocator;

/// The alignment every mimalloc block has: one machine word.
const NATURAL_ALIGNMENT: usize = std::mem::size_of::<usize>();

/// Whether a plain mimalloc block is aligned enough for `layout`.
#[inline]
fn naturally_aligned(layout: std::alloc::Layout) -> bool {
    layout.align() <= NATURAL_ALIGNMENT
}

/// Asks mimalloc's `plain` entry point for a block when its alignment suffices for
/// `layout`, the `aligned` one otherwise.
#[inline(always)]
unsafe fn allocate(
    layout: std::alloc::Layout,
    plain: unsafe extern "C" fn(usize) -> *mut std::ffi::c_void,
    aligned: unsafe extern "C" fn(usize, usize) -> *mut std::ffi::c_void,
) -> *mut u8 {
    if naturally_aligned(layout) {
        plain(layout.size()).cast()
    } else {
        aligned(layout.size(), layout.align()).cast()
    }
}

// SAFETY: every function hands the request to mimalloc, which returns null on failure
// and a block of at least `layout.size()` bytes otherwise; plain blocks are used only
// when `naturally_aligned` says their alignment suffices, and `mi_free` and
// `mi_realloc` accept blocks from either family of entry points.
unsafe impl std::alloc::GlobalAlloc for ProductAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        allocate(
            layout,
            libmimalloc_sys::mi_malloc,
            libmimalloc_sys::mi_malloc_aligned,
        )
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        allocate(
            layout,
            libmimalloc_sys::mi_zalloc,
            libmimalloc_sys::mi_zalloc_aligned,
        )
    }

    #[inline]
    unsafe fn dealloc(&self, pointer: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(pointer.cast());
    }

    #[inline]
    unsafe fn realloc(
        &self,
        pointer: *mut u8,
        layout: std::alloc::Layout,
        new_size: usize,
    ) -> *mut u8 {
        if naturally_aligned(layout) {
            libmimalloc_sys::mi_realloc(pointer.cast(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(pointer.cast(), new_size, layout.align()).cast()
        }
    }
}

/// The allocator's value, for a binary's `#[global_allocator]` static.
pub const PRODUCT_ALLOCATOR: ProductAllocator = ProductAllocator;

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout};

    /// Blocks from either family of entry points honour the requested alignment, keep
    /// their contents through a reallocation, and come zeroed when asked.
    #[test]
    fn blocks_are_aligned_zeroed_and_kept_through_reallocation() {
        for align in [1, 2, 4, 8, 16, 64, 4096] {
            for size in [1, 3, 8, 24, 100, 1000, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).expect("a valid layout");
                // SAFETY: the layout has a non-zero size; each block is freed once, with
                // the layout it was last given.
                unsafe {
                    let zeroed = PRODUCT_ALLOCATOR.alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "size {size}, align {align}");
                    assert!(std::slice::from_raw_parts(zeroed, size)
                        .iter()
                        .all(|&b| b == 0));
                    PRODUCT_ALLOCATOR.dealloc(zeroed, layout);

                    let block = PRODUCT_ALLOCATOR.alloc(layout);
                    assert_eq!(block as usize % align, 0, "size {size}, align {align}");
                    for offset in 0..size {
                        *block.add(offset) = (offset % 251) as u8;
                    }
                    let grown = PRODUCT_ALLOCATOR.realloc(block, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "size {size}, align {align}");
                    let kept = std::slice::from_raw_parts(grown, size);
                    assert!(kept.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
                    let grown_layout = Layout::from_size_align(size * 3, align).expect("valid");
                    PRODUCT_ALLOCATOR.dealloc(grown, grown_layout);
                }
            }
        }
    }
}
