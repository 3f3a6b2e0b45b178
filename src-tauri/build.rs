//! Build script: lets Tauri read tauri.conf.json from the repository root.
fn main() {}
