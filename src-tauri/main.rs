//! Entry point of the ClaimTrack desktop app; everything else lives in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    claimtrack_desktop::run();
}
