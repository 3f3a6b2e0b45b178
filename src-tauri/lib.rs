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
        .plugin(tauri_plugin_dialog::init())
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
            commands::library::list_articles,
            commands::library::get_article,
            commands::library::import_pasted,
            commands::library::import_sources,
            commands::library::update_article_metadata,
            commands::review::list_claims,
            commands::review::count_claims,
            commands::review::get_claim,
            commands::review::set_status,
            commands::review::correct_speaker,
            commands::review::correct_span,
            commands::review::correct_kind,
            commands::review::add_claim,
            commands::speakers::list_speakers,
            commands::speakers::rename_speaker,
            commands::speakers::merge_speakers,
            commands::history::undo,
            commands::history::redo,
            commands::history::list_history,
            commands::export::export_csv,
            commands::database::backup_database,
            commands::database::restore_database,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("ClaimTrack could not start its window");
}
