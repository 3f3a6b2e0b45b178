//! Entry point of the ClaimTrack desktop app; everything else lives in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The allocator every ClaimTrack program uses (see `claimtrack_core::allocator`).
#[global_allocator]
static ALLOCATOR: claimtrack_core::allocator::ProductAllocator =
    claimtrack_core::allocator::PRODUCT_ALLOCATOR;

fn main() {
    claimtrack_desktop::run();
}
