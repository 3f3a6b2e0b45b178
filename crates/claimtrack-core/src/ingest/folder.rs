//! Files and folders to stored articles: folders are walked recursively for .txt, .md and
//! .html files, and every file is stored in its own transaction with its own report line,
//! so one bad file never stops the others or touches what is already stored.

use std::path::{Path, PathBuf};

use super::report::{ImportItem, ImportReport, IngestProgress, ReportBuilder};
use super::store_access::StoreAccess;
use super::{draft_from_file, is_article_file, DraftOverrides};
use crate::error::CoreError;

/// Expands the given paths into article files: files are kept as given (their type is
/// checked when read, so a wrong one gets its own error), folders are walked recursively
/// for .txt, .md and .html files in name order. Unreadable folders are reported, not fatal.
pub fn collect_article_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<CoreError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk_folder(path, &mut files, &mut errors);
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

fn walk_folder(folder: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<CoreError>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(CoreError::io(folder, error));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    paths.sort();
    for path in paths {
        // Symlinked folders are not followed, so a link cycle cannot loop forever.
        let is_link = std::fs::symlink_metadata(&path)
            .map(|meta| meta.file_type().is_symlink())
            .unwrap_or(false);
        if path.is_dir() && !is_link {
            walk_folder(&path, files, errors);
        } else if path.is_file() && is_article_file(&path) {
            files.push(path);
        }
    }
}

/// Stores every article file under `paths` (files as given, folders walked recursively),
/// each in its own transaction, calling `progress` once the files are counted and after
/// each one. A file that fails (unreadable, binary, a page with no article text...) is
/// reported and the rest go on; so is a folder that cannot be read.
pub fn ingest_files(
    mut store: impl StoreAccess,
    paths: &[PathBuf],
    overrides: &DraftOverrides,
    progress: impl FnMut(IngestProgress),
) -> ImportReport {
    let (files, walk_errors) = collect_article_files(paths);
    let mut report = ReportBuilder::start(walk_errors.len() + files.len(), progress);
    for error in &walk_errors {
        let source = match error {
            CoreError::Io { path, .. } => path.display().to_string(),
            _ => String::new(),
        };
        report.push(ImportItem::failed(source, error));
    }
    for file in &files {
        let source = file.display().to_string();
        let stored = draft_from_file(file, overrides)
            .and_then(|draft| store.with_store(|store| store.ingest(&draft)));
        let item = match stored {
            Ok(outcome) => ImportItem::stored(source, outcome),
            Err(error) => ImportItem::failed(source, &error),
        };
        report.push(item);
    }
    report.finish()
}
