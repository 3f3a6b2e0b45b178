//! `CLAIMTRACK_DB` overrides the default path; without it the file lives in the app data
//! directory; without either the user is told what to set.

use std::ffi::OsString;
use std::path::PathBuf;

use claimtrack_desktop::database_location::{choose_database_path, DATABASE_PATH_VARIABLE};

#[test]
fn override_variable_wins_over_the_app_data_directory() {
    let chosen = choose_database_path(
        Some(OsString::from("/srv/cases/harbour.sqlite3")),
        Ok(PathBuf::from(
            "/home/analyst/.local/share/dev.claimtrack.app",
        )),
    )
    .unwrap();
    assert_eq!(chosen, PathBuf::from("/srv/cases/harbour.sqlite3"));
}

#[test]
fn default_is_the_shared_file_name_inside_the_app_data_directory() {
    let chosen = choose_database_path(
        None,
        Ok(PathBuf::from(
            "/home/analyst/.local/share/dev.claimtrack.app",
        )),
    )
    .unwrap();
    assert_eq!(
        chosen,
        PathBuf::from("/home/analyst/.local/share/dev.claimtrack.app/claimtrack.sqlite3")
    );
}

#[test]
fn empty_override_counts_as_unset() {
    let chosen =
        choose_database_path(Some(OsString::new()), Ok(PathBuf::from("/data/app"))).unwrap();
    assert_eq!(chosen, PathBuf::from("/data/app/claimtrack.sqlite3"));
}

#[test]
fn no_data_directory_and_no_override_names_the_variable_to_set() {
    let error = choose_database_path(None, Err("HOME is not set".to_string())).unwrap_err();
    assert_eq!(error.kind, "invalid_input");
    assert!(
        error.message.contains(DATABASE_PATH_VARIABLE),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("HOME is not set"),
        "{}",
        error.message
    );
}
