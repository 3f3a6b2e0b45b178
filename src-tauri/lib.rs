//! The ClaimTrack desktop app: a Tauri window over claimtrack-core.

pub fn run() {}
