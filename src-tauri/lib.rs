//! The ClaimTrack desktop app: a Tauri window over claimtrack-core.

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("error while running ClaimTrack");
}
