//! Build script: lets tauri-build read tauri.conf.json and the capabilities from where this
//! repository keeps them (the config at the root, the capabilities under src-tauri/).

fn main() {
    // tauri-build watches its default folders only; these are ours. The built UI is listed
    // so that a new `npm run build` re-embeds the assets into the next cargo build.
    for watched in ["src-tauri/capabilities", "src-tauri/icons", "ui/dist"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    // Cargo runs build scripts with the package root as the working directory, and the
    // package root is the repository root, so paths here are relative to it.
    let attributes = tauri_build::Attributes::new()
        .config_path("tauri.conf.json")
        .capabilities_path_pattern("src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        // `try_build` returns the reason instead of panicking, so the build log shows it.
        panic!("tauri-build failed: {error:#}");
    }
}
