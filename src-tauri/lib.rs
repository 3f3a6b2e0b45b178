//! The ClaimTrack desktop app: a Tauri window over claimtrack-core. This file wires the
//! pieces together; the commands, the database location, the managed state and the sample
//! article each live in their own module.

pub mod commands;
pub mod database_location;
pub mod desktop_state;
pub mod sample_article;

pub use desktop_state::DesktopState;

use tauri::Manager;

/// Builds and runs the app until its last window closes.
pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let database_path = database_location::resolve_database_path(app.handle());
            // A database that cannot be opened does not stop the app: the window still
            // opens and every command reports the reason, which is clearer than a crash.
            let state = DesktopState::open(database_path);
            if let Some(error) = state.open_error() {
                eprintln!("claimtrack: {}: {}", error.kind, error.message);
            }
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_articles,
            commands::list_claims,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("ClaimTrack could not start its window");
}
