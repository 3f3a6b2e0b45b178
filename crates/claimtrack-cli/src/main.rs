//! The `claimtrack` command-line tool: a thin layer over claimtrack-core.
//!
//! Each subcommand parses its arguments, calls one or two core functions and prints the
//! result. Errors travel as `anyhow` errors to `main`, which prints `error: <one line>` on
//! stderr and exits with status 1. Commands that work through several inputs (`extract`,
//! `ingest`) report each failed input on its own stderr line, carry on with the rest, and
//! exit 1 at the end if any failed.

mod backup_command;
mod eval_command;
mod ingest_command;
mod output;
mod train_tagger_command;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDate;
use claimtrack_core::export::{export_claims_csv, ExportOptions};
use claimtrack_core::ingest::{read_article_file_verbatim, DraftOverrides};
use claimtrack_core::store::{default_database_path, ClaimFilter, ReviewStatus, Store};
use claimtrack_core::{extract_claims, ClaimKind};
use clap::{ArgGroup, Parser, Subcommand};

use output::{ExtractedRow, ListFormat, OutputFormat};

/// The allocator every ClaimTrack program uses (see `claimtrack_core::allocator`).
#[global_allocator]
static ALLOCATOR: claimtrack_core::allocator::ProductAllocator =
    claimtrack_core::allocator::PRODUCT_ALLOCATOR;

#[derive(Debug, Parser)]
#[command(
    name = "claimtrack",
    version,
    about = "Who said what, when: extract, review and export claims from news articles."
)]
struct Cli {
    /// The database file (default: the desktop app's, in the platform data directory).
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the claims found in text files, without storing anything.
    Extract {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The publication date that relative dates ("on Tuesday") count from.
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Store articles and their claims: .txt, .md and .html files, folders (searched
    /// recursively), web pages by URL, and feeds (a URL that serves RSS or Atom, or --feed).
    Ingest {
        #[arg(required_unless_present = "feed", value_name = "PATH|URL")]
        paths: Vec<PathBuf>,
        /// An RSS or Atom feed whose entries' pages are stored (repeatable).
        #[arg(long, value_name = "URL")]
        feed: Vec<String>,
        /// The time limit of each web request, in seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<NaiveDate>,
        /// The title (only with a single file; otherwise each file's first line is its title).
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        outlet: Option<String>,
        #[arg(long)]
        author: Option<String>,
    },
    /// List stored articles with their claim counts.
    Articles {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List stored claims (with corrections applied).
    Claims {
        #[arg(long, value_parser = parse_status)]
        status: Option<ReviewStatus>,
        /// A speaker name or alias, any case.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        #[arg(long, value_name = "ID")]
        article: Option<i64>,
        /// Words that must all appear in the claim text.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<ClaimKind>,
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Review one claim: set its status or correct its speaker, kind or span.
    #[command(group(ArgGroup::new("action").required(true).multiple(true)
        .args(["verify", "reject", "pending", "speaker", "kind", "span"])))]
    Review {
        id: i64,
        #[arg(long, conflicts_with_all = ["reject", "pending"])]
        verify: bool,
        #[arg(long, conflicts_with = "pending")]
        reject: bool,
        #[arg(long)]
        pending: bool,
        /// Attribute the claim to this speaker (created if new).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<ClaimKind>,
        /// New byte span of the claim in the article text.
        #[arg(long, value_name = "START:END", value_parser = parse_span)]
        span: Option<(usize, usize)>,
    },
    /// Undo the last review change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show the audit history, newest first.
    History {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List speakers with their aliases and claim counts.
    Speakers {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Merge speaker FROM into INTO (names or ids): claims and aliases follow.
    MergeSpeakers { from: String, into: String },
    /// Rename a speaker (name or id); the old name stays an alias.
    RenameSpeaker { from: String, to: String },
    /// Re-run extraction on one article or all; corrections survive.
    #[command(group(ArgGroup::new("which").required(true).args(["id", "all"])))]
    Reextract {
        id: Option<i64>,
        #[arg(long)]
        all: bool,
    },
    /// Write a checked copy of the database to FILE (safe while the app is open).
    Backup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Replace the database with the backup in FILE after checking it; the replaced
    /// database is kept beside it.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Export claims to a CSV file, or as brat standoff to a folder (verified ones by default).
    Export {
        /// The CSV file, or with `--format brat` the folder to write.
        #[arg(long, value_name = "PATH", required_unless_present = "target")]
        out: Option<PathBuf>,
        /// The same as --out.
        #[arg(value_name = "PATH", conflicts_with = "out")]
        target: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = eval_command::ExportFormat::Csv)]
        format: eval_command::ExportFormat,
        /// verified, rejected, pending or all.
        #[arg(long, default_value = "verified", value_parser = parse_export_status)]
        status: ExportStatus,
        /// Add a UTF-8 byte-order mark so Excel reads accents correctly.
        #[arg(long)]
        excel: bool,
    },
    /// Score the extractor against gold files or brat annotations in DIR.
    Eval(eval_command::EvalArguments),
    /// Train the learned attribution tagger on a corpus's train split; write its weights.
    TrainTagger(train_tagger_command::TrainTaggerArguments),
}

#[derive(Debug, Clone, Copy)]
struct ExportStatus(Option<ReviewStatus>);

fn parse_status(text: &str) -> Result<ReviewStatus, String> {
    text.parse()
}

fn parse_kind(text: &str) -> Result<ClaimKind, String> {
    text.parse()
}

fn parse_export_status(text: &str) -> Result<ExportStatus, String> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(ExportStatus(None));
    }
    text.parse().map(|status| ExportStatus(Some(status)))
}

fn parse_span(text: &str) -> Result<(usize, usize), String> {
    let (start, end) = text
        .split_once(':')
        .ok_or_else(|| format!("`{text}` is not START:END (two byte offsets, e.g. 120:180)"))?;
    let offset = |value: &str| {
        value
            .trim()
            .parse::<usize>()
            .map_err(|_| format!("`{value}` in `{text}` is not a byte offset"))
    };
    Ok((offset(start)?, offset(end)?))
}

fn main() -> ExitCode {
    end_quietly_when_the_reader_goes_away();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            print_error(&format!("{error:#}"));
            ExitCode::FAILURE
        }
    }
}

/// Rust ignores SIGPIPE, so a write to a closed pipe (`claimtrack extract ... | head`)
/// becomes an error or a panic in `println!`. The default action ends the process silently
/// instead, as every Unix tool does. Safe for the store: each write is one transaction,
/// which SQLite rolls back if the process ends inside it.
fn end_quietly_when_the_reader_goes_away() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Prints one error line: whatever the message holds, it stays on a single line.
fn print_error(message: &str) {
    let one_line: Vec<&str> = message.split_whitespace().collect();
    eprintln!("error: {}", one_line.join(" "));
}

fn open_store(db: Option<PathBuf>) -> anyhow::Result<Store> {
    let path = match db {
        Some(path) => path,
        None => default_database_path()
            .ok_or_else(|| anyhow!("this platform has no data directory; pass --db PATH"))?,
    };
    Store::open(&path).with_context(|| format!("cannot open the database {}", path.display()))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract {
            files,
            published,
            format,
        } => extract(&files, published, format),
        Command::Ingest {
            paths,
            feed,
            timeout,
            published,
            title,
            url,
            outlet,
            author,
        } => {
            let request = ingest_command::IngestRequest {
                inputs: paths,
                feeds: feed,
                overrides: DraftOverrides {
                    title,
                    outlet,
                    url,
                    author,
                    published,
                },
                timeout: std::time::Duration::from_secs(timeout),
            };
            ingest_command::run(open_store(cli.db)?, request)
        }
        Command::Articles { format } => {
            let articles = open_store(cli.db)?.list_articles()?;
            output::print_articles(&articles, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims {
            status,
            speaker,
            article,
            search,
            kind,
            limit,
            format,
        } => {
            let filter = ClaimFilter {
                status,
                speaker,
                article_id: article,
                search,
                kind,
                limit,
                ..Default::default()
            };
            let claims = open_store(cli.db)?.list_claims(&filter)?;
            output::print_claims(&claims, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Review {
            id,
            verify,
            reject,
            pending,
            speaker,
            kind,
            span,
        } => {
            let mut store = open_store(cli.db)?;
            // Each change is its own history event, so `undo` steps back one at a time.
            if let Some((start, end)) = span {
                store.correct_span(id, start, end)?;
            }
            if let Some(kind) = kind {
                store.correct_kind(id, kind)?;
            }
            if let Some(name) = speaker {
                store.correct_speaker(id, &name)?;
            }
            let status = match (verify, reject, pending) {
                (true, _, _) => Some(ReviewStatus::Verified),
                (_, true, _) => Some(ReviewStatus::Rejected),
                (_, _, true) => Some(ReviewStatus::Pending),
                _ => None,
            };
            if let Some(status) = status {
                store.set_status(id, status)?;
            }
            output::print_claims(&[store.get_claim(id)?], ListFormat::Text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Undo => {
            let entry = open_store(cli.db)?.undo()?;
            println!("undone: {}", entry.summary);
            Ok(ExitCode::SUCCESS)
        }
        Command::Redo => {
            let entry = open_store(cli.db)?.redo()?;
            println!("redone: {}", entry.summary);
            Ok(ExitCode::SUCCESS)
        }
        Command::History { limit, format } => {
            let entries = open_store(cli.db)?.list_history(limit, 0)?;
            output::print_history(&entries, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Speakers { format } => {
            let speakers = open_store(cli.db)?.list_speakers()?;
            output::print_speakers(&speakers, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::MergeSpeakers { from, into } => {
            let mut store = open_store(cli.db)?;
            let from_id = speaker_id(&store, &from)?;
            let into_id = speaker_id(&store, &into)?;
            store.merge_speakers(from_id, into_id)?;
            // The history's summary names both speakers canonically, whether the analyst
            // typed names, aliases or ids.
            match store.list_history(1, 0)?.first() {
                Some(entry) => println!("{}", entry.summary),
                None => println!("merged speaker {from_id} into speaker {into_id}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::RenameSpeaker { from, to } => {
            let mut store = open_store(cli.db)?;
            let id = speaker_id(&store, &from)?;
            store.rename_speaker(id, &to)?;
            println!("renamed speaker {id} to {to}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Reextract { id, all } => {
            let mut store = open_store(cli.db)?;
            let reports = match (id, all) {
                (Some(id), _) => vec![store.reextract_article(id)?],
                (None, true) => store.reextract_all()?,
                (None, false) => bail!("give an article id or --all"),
            };
            for report in reports {
                println!(
                    "article {}: {} kept, {} added, {} removed, {} kept for their review but no longer extracted",
                    report.article_id, report.kept, report.added, report.removed, report.flagged
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { file } => {
            backup_command::backup(cli.db, &file)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { file } => {
            backup_command::restore(cli.db, &file)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            out,
            target,
            format,
            status,
            excel,
        } => {
            let store = open_store(cli.db)?;
            let out = out.or(target).ok_or_else(|| anyhow!("give --out PATH"))?;
            let filter = ClaimFilter {
                status: status.0,
                ..Default::default()
            };
            if format == eval_command::ExportFormat::Brat {
                if excel {
                    bail!("--excel applies to CSV only");
                }
                eval_command::export_brat(&store, &out, filter)?;
                return Ok(ExitCode::SUCCESS);
            }
            let options = ExportOptions { filter, excel };
            let report = export_claims_csv(&store, &out, &options)?;
            println!(
                "exported {} claims to {}",
                report.rows,
                report.path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(arguments) => eval_command::run_eval(arguments),
        Command::TrainTagger(arguments) => {
            train_tagger_command::run_train_tagger(arguments)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A speaker given on the command line as an id or as a name (any case, any alias).
fn speaker_id(store: &Store, given: &str) -> anyhow::Result<i64> {
    if let Ok(id) = given.trim().parse::<i64>() {
        return Ok(id);
    }
    store
        .find_speaker(given)?
        .ok_or_else(|| anyhow!("no speaker is named `{given}` (see `claimtrack speakers`)"))
}

fn extract(
    files: &[PathBuf],
    published: Option<NaiveDate>,
    format: OutputFormat,
) -> anyhow::Result<ExitCode> {
    let mut rows = Vec::new();
    let mut failed = false;
    for file in files {
        // The text is used as it is in the file (no CRLF or BOM changes), so every offset
        // printed is a byte offset into the file itself.
        let text = match read_article_file_verbatim(file) {
            Ok(text) => text,
            Err(error) => {
                print_error(&error.to_string());
                failed = true;
                continue;
            }
        };
        let extraction = extract_claims(&text, published);
        let article = file.display().to_string();
        if format == OutputFormat::Text {
            output::print_extracted_text(&article, &extraction.claims);
        } else {
            rows.extend(
                extraction
                    .claims
                    .iter()
                    .map(|claim| ExtractedRow::new(&article, claim)),
            );
        }
    }
    match format {
        OutputFormat::Json => output::print_json(&rows)?,
        OutputFormat::Csv => output::print_extracted_csv(&rows)?,
        OutputFormat::Text => {}
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
