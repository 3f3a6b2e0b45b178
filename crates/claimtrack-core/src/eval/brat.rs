//! Brat standoff, the interchange format of annotated attribution corpora such as
//! PolNeAR: a `.txt` article beside a `.ann` file whose lines name text-bound spans
//! (`T5<TAB>Source 159 199<TAB>words`) and join them into attributions
//! (`E2<TAB>Attribution:T8 Content:T7 Cue:T6 Source:T5`).
//!
//! The reader turns every attribution with a Content into a [`ReferenceClaim`], so the
//! harness scores PolNeAR with the same code as ClaimTrack's gold. Offsets in `.ann` files
//! count Unicode code points, not bytes, and a span may be discontinuous
//! (`315 448;463 553`); both are converted to byte spans here. Discuss and Discard flags,
//! relations and attributes carry nothing the scorer uses and are skipped. PolNeAR has
//! no claim kinds, so a kind is inferred from the content's quote marks, unless an
//! annotator note (which ClaimTrack's own export writes) states it.
//!
//! The writer is `claimtrack export --format brat`: the store's claims as `.txt` + `.ann`
//! per article, readable by brat, by this reader, and by other attribution tools. Kind,
//! date and canonical speaker travel in annotator notes, so reviewed claims exported this
//! way are a gold set `claimtrack eval` scores with every figure.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    files_ending_with, read_text_verbatim, EvalOptions, ReferenceArticle, ReferenceClaim,
    ReferenceConvention, ReferenceSet,
};
use crate::error::{CoreError, CoreResult};
use crate::model::{ByteSpan, ClaimKind};
use crate::store::{Claim, ClaimFilter, Store};

/// Reads a folder holding `NAME.ann` beside `NAME.txt` (brat's own layout, and what
/// `claimtrack export --format brat` writes).
pub fn load_brat_flat(
    directory: &Path,
    annotation_files: &[PathBuf],
    options: &EvalOptions,
) -> CoreResult<ReferenceSet> {
    let pairs = annotation_files
        .iter()
        .map(|annotation_file| {
            (
                annotation_file.with_extension("txt"),
                annotation_file.clone(),
            )
        })
        .collect();
    load_brat_pairs(directory, pairs, options)
}

/// Reads PolNeAR's layout: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. Where
/// several annotators annotated one article, the first file in sorted order is used, as
/// the corpus README prescribes, so every run scores against the same gold.
pub fn load_brat_polnear(directory: &Path, options: &EvalOptions) -> CoreResult<ReferenceSet> {
    let annotation_files = files_ending_with(&directory.join("attributions"), ".ann")?;
    let mut first_annotation: BTreeMap<String, PathBuf> = BTreeMap::new();
    for annotation_file in annotation_files {
        let stem = file_stem(&annotation_file);
        // The annotator's id is the last underscore-separated part of the name.
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        first_annotation
            .entry(article.to_string())
            .or_insert(annotation_file);
    }
    let pairs = files_ending_with(&directory.join("text"), ".txt")?
        .into_iter()
        .map(|text_file| {
            let name = file_stem(&text_file);
            let annotation_file = first_annotation.get(&name).cloned().ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "{}: no attributions/{name}_ANNOTATOR.ann file annotates it",
                    text_file.display()
                ))
            })?;
            Ok((text_file, annotation_file))
        })
        .collect::<CoreResult<Vec<_>>>()?;
    load_brat_pairs(directory, pairs, options)
}

/// Reads each `(text file, annotation file)` pair as one article named after its text.
fn load_brat_pairs(
    directory: &Path,
    pairs: Vec<(PathBuf, PathBuf)>,
    options: &EvalOptions,
) -> CoreResult<ReferenceSet> {
    let publication_dates = read_publication_dates(directory, options)?;
    let articles = pairs
        .iter()
        .map(|(text_file, annotation_file)| {
            let name = file_stem(text_file);
            let published = publication_dates.get(&name).copied();
            load_brat_article(text_file, annotation_file, name, published)
        })
        .collect::<CoreResult<Vec<_>>>()?;
    Ok(brat_reference_set(articles))
}

fn brat_reference_set(articles: Vec<ReferenceArticle>) -> ReferenceSet {
    let kinds_derived = articles
        .iter()
        .flat_map(|article| &article.claims)
        .any(|claim| claim.kind_inferred);
    ReferenceSet {
        format: "brat",
        convention: ReferenceConvention::MentionOverlap,
        kinds_derived,
        articles,
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Publication dates from a PolNeAR-style `metadata.tsv` (columns `filename` and
/// `publication_date`, found in the folder or its parent), read only when asked for.
fn read_publication_dates(
    directory: &Path,
    options: &EvalOptions,
) -> CoreResult<HashMap<String, NaiveDate>> {
    let mut dates = HashMap::new();
    if !options.published_from_gold {
        return Ok(dates);
    }
    let candidates = [
        directory.join("metadata.tsv"),
        directory.join("../metadata.tsv"),
    ];
    let Some(path) = candidates.iter().find(|path| path.is_file()) else {
        return Ok(dates);
    };
    let table = read_text_verbatim(path)?;
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| header.iter().position(|cell| *cell == name);
    let (Some(filename_column), Some(date_column)) =
        (column("filename"), column("publication_date"))
    else {
        return Ok(dates);
    };
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(filename), Some(date)) = (cells.get(filename_column), cells.get(date_column))
        else {
            continue;
        };
        if let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            dates.insert(filename.to_string(), date);
        }
    }
    Ok(dates)
}

/// Reads one article and its annotations.
pub fn load_brat_article(
    text_file: &Path,
    annotation_file: &Path,
    name: String,
    published: Option<NaiveDate>,
) -> CoreResult<ReferenceArticle> {
    let text = read_text_verbatim(text_file)?;
    let annotations = read_text_verbatim(annotation_file)?;
    let claims = parse_brat_annotations(&annotations, &text).map_err(|message| {
        CoreError::InvalidInput(format!("{}: {message}", annotation_file.display()))
    })?;
    Ok(ReferenceArticle {
        name,
        text,
        published,
        claims,
    })
}

/// One `T` line: one or more pieces of the text. Its label is not kept: the `E` lines
/// say which role each piece plays.
#[derive(Debug, Clone)]
struct TextBound {
    fragments: Vec<ByteSpan>,
    words: String,
}

/// Parses an `.ann` file against its text into one claim per attribution that has a
/// content. Returns the first malformed line as a message naming its line number.
pub fn parse_brat_annotations(
    annotations: &str,
    text: &str,
) -> Result<Vec<ReferenceClaim>, String> {
    let byte_of_char: Vec<usize> = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain([text.len()])
        .collect();
    let mut bounds: HashMap<&str, TextBound> = HashMap::new();
    let mut notes: HashMap<&str, &str> = HashMap::new();
    let mut events: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (index, line) in annotations.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let body = fields.next().unwrap_or_default();
        let words = fields.next();
        // A line break inside a span's words continues the words on the next line of the
        // file; such a continuation has no `T12`-style id and is skipped with the rest.
        let numbered = id.len() > 1 && id[1..].bytes().all(|byte| byte.is_ascii_digit());
        if !numbered {
            continue;
        }
        match id.chars().next() {
            Some('T') => {
                let bound = parse_text_bound(body, words, text, &byte_of_char)
                    .map_err(|message| format!("line {number} ({id}): {message}"))?;
                bounds.insert(id, bound);
            }
            Some('E') => {
                let roles = body
                    .split_whitespace()
                    .map(|argument| {
                        argument.split_once(':').ok_or_else(|| {
                            format!("line {number} ({id}): `{argument}` is not ROLE:ID")
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if roles.is_empty() {
                    return Err(format!("line {number} ({id}): an event with no arguments"));
                }
                events.push((number, roles));
            }
            Some('#') => {
                if let (Some(target), Some(note)) = (body.strip_prefix("AnnotatorNotes "), words) {
                    notes.insert(target.trim(), note);
                }
            }
            // Relations, attributes and normalisations carry nothing the scorer uses.
            _ => {}
        }
    }

    let mut claims = Vec::new();
    for (number, roles) in events {
        let mut content = Vec::new();
        let mut content_ids = Vec::new();
        let mut mention = Vec::new();
        let mut source_words = Vec::new();
        let mut cue_spans = Vec::new();
        let mut cue_words = Vec::new();
        // The first argument is the event's own type and anchor; the rest are roles.
        for (role, target) in roles.iter().skip(1) {
            let bound = bounds.get(target).ok_or_else(|| {
                format!("line {number}: {role} refers to {target}, which is not defined")
            })?;
            // PolNeAR numbers repeated roles ("Content2"); the role is the name without them.
            match role.trim_end_matches(|character: char| character.is_ascii_digit()) {
                "Content" => {
                    content.extend(&bound.fragments);
                    content_ids.push(*target);
                }
                "Source" => {
                    mention.extend(&bound.fragments);
                    source_words.push(bound.words.as_str());
                }
                "Cue" => {
                    cue_spans.extend(&bound.fragments);
                    cue_words.push(bound.words.as_str());
                }
                _ => {}
            }
        }
        if content.is_empty() {
            // An attribution with no content (the annotator marked only who and how)
            // has nothing a claim could match.
            continue;
        }
        content.sort();
        mention.sort();
        cue_spans.sort();
        let note = content_ids.iter().find_map(|id| notes.get(id).copied());
        let noted_kind = note
            .and_then(|note| note_field(note, "kind"))
            .and_then(|kind| kind.parse().ok());
        let kind = noted_kind.unwrap_or_else(|| derive_kind_from_quote_marks(text, &content));
        let speaker = note
            .and_then(|note| note_field(note, "speaker"))
            .map(str::to_string)
            .or_else(|| (!source_words.is_empty()).then(|| source_words.join(" ")));
        claims.push(ReferenceClaim {
            kind,
            kind_inferred: noted_kind.is_none(),
            content,
            speaker,
            mention,
            cue: (!cue_words.is_empty()).then(|| cue_words.join(" ")),
            cue_spans,
            said_on: note
                .and_then(|note| note_field(note, "said_on"))
                .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()),
        });
    }
    claims.sort_by_key(|claim| claim.content[0]);
    Ok(claims)
}

/// Parses `Label START END[;START END...]` and checks the words against the text.
fn parse_text_bound(
    body: &str,
    words: Option<&str>,
    text: &str,
    byte_of_char: &[usize],
) -> Result<TextBound, String> {
    let (_label, offsets) = body
        .split_once(' ')
        .ok_or_else(|| format!("`{body}` is not LABEL START END"))?;
    let mut fragments = Vec::new();
    for piece in offsets.split(';') {
        let mut numbers = piece.split_whitespace().map(|number| {
            number
                .parse::<usize>()
                .map_err(|_| format!("`{number}` is not a character offset"))
        });
        let (Some(start), Some(end), None) = (numbers.next(), numbers.next(), numbers.next())
        else {
            return Err(format!("`{piece}` is not START END"));
        };
        let (start, end) = (start?, end?);
        if start > end {
            return Err(format!("span {start} {end} starts after it ends"));
        }
        let characters = byte_of_char.len() - 1;
        if end > characters {
            return Err(format!(
                "span {start} {end} runs past the end of the text ({characters} characters)"
            ));
        }
        fragments.push(ByteSpan::new(byte_of_char[start], byte_of_char[end]));
    }
    let covered: Vec<&str> = fragments
        .iter()
        .map(|fragment| fragment.slice(text))
        .collect();
    let covered = covered.join(" ");
    if let Some(words) = words {
        // Brat writes the pieces joined by one space, and some tools write a line break
        // inside the words as it is, which ends the line early: the words then begin the
        // covered text. Words that differ otherwise were written for another version of
        // the text, and the offsets cannot be trusted.
        let same_words = words.split_whitespace().eq(covered.split_whitespace());
        let cut_at_line_break = covered.contains('\n') && {
            let mut covered_words = covered.split_whitespace();
            words
                .split_whitespace()
                .all(|word| covered_words.next() == Some(word))
        };
        if !same_words && !cut_at_line_break {
            return Err(format!(
                "the words {words:?} differ from the text at those offsets, {covered:?}"
            ));
        }
    }
    Ok(TextBound {
        fragments,
        words: covered,
    })
}

/// Reads `name=value` from an annotator note written as
/// `kind=direct; said_on=2026-03-03; speaker=Maria Keller`.
/// The speaker comes last and runs to the end, so a name may hold any character.
fn note_field<'note>(note: &'note str, name: &str) -> Option<&'note str> {
    let prefix = format!("{name}=");
    let position = note
        .match_indices(&prefix)
        .find(|(position, _)| *position == 0 || note[..*position].ends_with("; "))?
        .0;
    let value = &note[position + prefix.len()..];
    let value = if name == "speaker" {
        value
    } else {
        value.split(';').next().unwrap_or_default()
    };
    Some(value.trim()).filter(|value| !value.is_empty())
}

/// Infers how the words reach the reader from the content's own quote marks: content
/// that opens and closes with a quote mark is a direct quote (an interruption between
/// its pieces is the attribution); quote marks only inside reported words make it mixed;
/// no quote marks at all, indirect.
pub fn derive_kind_from_quote_marks(text: &str, content: &[ByteSpan]) -> ClaimKind {
    let is_double_mark = |character: char| matches!(character, '"' | '“' | '”' | '«' | '»' | '„');
    let not_words = |character: char| {
        character.is_whitespace() || matches!(character, '.' | ',' | ';' | ':' | '—' | '–')
    };
    let (Some(first), Some(last)) = (content.first(), content.last()) else {
        return ClaimKind::Indirect;
    };
    // Two straight apostrophes stand for a double mark in some archives' plain text.
    let any_mark = content.iter().any(|piece| {
        let words = piece.slice(text);
        words.contains(is_double_mark) || words.contains("''") || opens_single_quotation(words)
    });
    let opening = first.slice(text).trim_start_matches(not_words);
    let opens = opening.starts_with("''")
        || opening.starts_with(|character: char| is_double_mark(character) || character == '‘');
    let closing = last.slice(text).trim_end_matches(not_words);
    let closes = closing.ends_with("''")
        || closing.ends_with(|character: char| is_double_mark(character) || character == '’');
    match (any_mark, opens && closes) {
        (false, _) => ClaimKind::Indirect,
        (true, true) => ClaimKind::Direct,
        (true, false) => ClaimKind::Mixed,
    }
}

/// A curly single opening mark at the start of a word opens a quotation; the same glyph
/// closing a word ("don’t") is an apostrophe and proves nothing.
fn opens_single_quotation(words: &str) -> bool {
    let mut previous = ' ';
    for character in words.chars() {
        if character == '‘' && !previous.is_alphanumeric() {
            return true;
        }
        previous = character;
    }
    false
}

/// What `claimtrack export --format brat` wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BratExportReport {
    pub directory: PathBuf,
    /// Articles written (each as a `.txt` and an `.ann` file).
    pub articles: usize,
    pub claims: usize,
}

/// Writes every article that has at least one claim passing `filter` as `ID-title.txt`
/// (the stored text, byte for byte) and `ID-title.ann` (the claims with corrections
/// applied), plus a `metadata.tsv` of publication dates, outlets and titles. Each file is
/// written to a temporary name and renamed into place.
pub fn export_claims_brat(
    store: &Store,
    directory: &Path,
    filter: &ClaimFilter,
) -> CoreResult<BratExportReport> {
    if directory.exists() && !directory.is_dir() {
        return Err(CoreError::InvalidInput(format!(
            "{} is a file; brat export writes a folder of .txt and .ann files",
            directory.display()
        )));
    }
    std::fs::create_dir_all(directory).map_err(|error| CoreError::io(directory, error))?;
    let claims = store.list_claims(filter)?;
    let mut by_article: BTreeMap<i64, Vec<Claim>> = BTreeMap::new();
    for claim in claims {
        by_article.entry(claim.article_id).or_default().push(claim);
    }
    let mut report = BratExportReport {
        directory: directory.to_path_buf(),
        articles: 0,
        claims: 0,
    };
    // PolNeAR's metadata table, so `eval --published-from-gold` finds each date.
    let mut metadata = String::from("filename\tpublication_date\toutlet\ttitle\n");
    for (article_id, claims) in &by_article {
        let article = store.get_article(*article_id)?;
        let annotations = render_brat_annotations(&article.text, claims)?;
        let summary = &article.summary;
        let stem = format!("{article_id}-{}", file_name_slug(&summary.title));
        write_file_atomically(directory, &format!("{stem}.txt"), article.text.as_bytes())?;
        write_file_atomically(directory, &format!("{stem}.ann"), annotations.as_bytes())?;
        let cell = |value: Option<&str>| {
            value
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        metadata.push_str(&format!(
            "{stem}\t{}\t{}\t{}\n",
            summary
                .published
                .map(|date| date.to_string())
                .unwrap_or_default(),
            cell(summary.outlet.as_deref()),
            cell(Some(&summary.title)),
        ));
        report.articles += 1;
        report.claims += claims.len();
    }
    write_file_atomically(directory, "metadata.tsv", metadata.as_bytes())?;
    Ok(report)
}

/// The `.ann` text for one article's claims: a Content, Cue, Source and Attribution
/// anchor per claim (PolNeAR's roles), joined by an `E` line, and a note carrying the
/// claim's kind, date and canonical speaker, which brat has no place for.
pub fn render_brat_annotations(text: &str, claims: &[Claim]) -> CoreResult<String> {
    let mut lines = String::new();
    let mut next_bound = 1;
    let mut next_event = 1;
    let mut bound =
        |lines: &mut String, label: &str, spans: &[ByteSpan]| -> CoreResult<Option<String>> {
            let fragments = brat_fragments(text, spans)?;
            if fragments.is_empty() {
                return Ok(None);
            }
            let id = format!("T{next_bound}");
            next_bound += 1;
            let offsets: Vec<String> = fragments
                .iter()
                .map(|(start, end, _)| format!("{start} {end}"))
                .collect();
            let words: Vec<&str> = fragments.iter().map(|(_, _, words)| *words).collect();
            lines.push_str(&format!(
                "{id}\t{label} {}\t{}\n",
                offsets.join(";"),
                words.join(" ")
            ));
            Ok(Some(id))
        };
    for claim in claims {
        let parts: Vec<ByteSpan> = claim
            .parts
            .iter()
            .map(|[start, end]| ByteSpan::new(*start, *end))
            .collect();
        // Written in PolNeAR's convention, as the scorer reads predictions against brat.
        let parts = with_leading_complementiser(text, &parts);
        let Some(content) = bound(&mut lines, "Content", &parts)? else {
            continue;
        };
        let cue_span = claim
            .cue_start
            .zip(claim.cue_end)
            .map(|(start, end)| ByteSpan::new(start, end));
        let mention_span = claim
            .mention_start
            .zip(claim.mention_end)
            .map(|(start, end)| ByteSpan::new(start, end));
        let cue = match cue_span {
            Some(span) => bound(&mut lines, "Cue", &[span])?,
            None => None,
        };
        let source = match mention_span {
            Some(span) => bound(&mut lines, "Source", &[span])?,
            None => None,
        };
        // PolNeAR anchors each attribution on its cue; without one, on who or what.
        let anchor_span = cue_span.or(mention_span).unwrap_or(parts[0]);
        let anchor = bound(&mut lines, "Attribution", &[anchor_span])?.unwrap_or_default();
        let event_type = if source.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let mut event = format!("E{next_event}\t{event_type}:{anchor} Content:{content}");
        next_event += 1;
        if let Some(cue) = cue {
            event += &format!(" Cue:{cue}");
        }
        if let Some(source) = source {
            event += &format!(" Source:{source}");
        }
        lines.push_str(&event);
        lines.push('\n');
        let mut note = format!("kind={}", claim.kind);
        if let Some(date) = claim.date {
            note += &format!("; said_on={date}");
        }
        if let Some(speaker) = &claim.speaker {
            let speaker: Vec<&str> = speaker.split_whitespace().collect();
            note += &format!("; speaker={}", speaker.join(" "));
        }
        lines.push_str(&format!(
            "#{}\tAnnotatorNotes {content}\t{note}\n",
            next_event - 1
        ));
    }
    Ok(lines)
}

/// PolNeAR's content convention, applied to ClaimTrack's claims wherever they meet brat:
/// a reported clause's content there begins with its complementiser ("that the plan
/// will fail"), while ClaimTrack's claims hold the clause alone ("the plan will fail").
/// When the word directly before the first part (across spaces and opening quote marks
/// only, on the same line, or a comma right after it: "that, if elected, ...") is
/// "that", the first part is extended back over it. This
/// looks only at the text, never at any annotation, so the scorer can apply it to
/// predictions and the exporter to what it writes, and both agree with each other.
pub fn with_leading_complementiser(text: &str, parts: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut extended = parts.to_vec();
    let Some(first) = extended.first_mut() else {
        return extended;
    };
    // A part that itself opens with the aside's comma (`that|, if elected, ...`) is read
    // from after it.
    let opening = text.get(first.start..first.end).map_or(0, |words| {
        words.len() - words.trim_start_matches([',', ' ']).len()
    });
    let Some(before) = text.get(..first.start + opening) else {
        return extended;
    };
    let is_gap = |character: char| {
        (character.is_whitespace() && character != '\n')
            || matches!(character, '"' | '\u{201C}' | '\u{2018}')
    };
    let gap_start = before.trim_end_matches(is_gap).len();
    if gap_start == before.len() || !before[gap_start..].contains(char::is_whitespace) {
        return extended;
    }
    // `that, if elected, he would ...`: the clause opens with an aside after the comma.
    let word_end = before[..gap_start]
        .strip_suffix(',')
        .unwrap_or(&before[..gap_start]);
    let Some(word_start) = word_end.len().checked_sub(4) else {
        return extended;
    };
    let is_that = word_end
        .get(word_start..)
        .is_some_and(|word| word.eq_ignore_ascii_case("that"));
    // Only read before the word once it is known to be "that" (so `word_start` is a
    // character boundary).
    let starts_word = || {
        word_end[..word_start]
            .chars()
            .next_back()
            .is_none_or(|character| !character.is_alphanumeric())
    };
    if is_that && starts_word() {
        first.start = word_start;
    }
    extended
}

/// Byte spans as brat fragments: character offsets, split at line breaks (a brat
/// fragment never crosses one), with the words each covers.
fn brat_fragments<'text>(
    text: &'text str,
    spans: &[ByteSpan],
) -> CoreResult<Vec<(usize, usize, &'text str)>> {
    let mut fragments = Vec::new();
    for span in spans {
        let covered = text.get(span.range()).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "span {}..{} does not slice the article text on character boundaries",
                span.start, span.end
            ))
        })?;
        let mut piece_start = span.start;
        for piece in covered.split('\n') {
            let trimmed = piece.trim_end_matches('\r');
            if !trimmed.trim().is_empty() {
                let start = text[..piece_start].chars().count();
                let end = start + trimmed.chars().count();
                fragments.push((start, end, trimmed));
            }
            piece_start += piece.len() + 1;
        }
    }
    Ok(fragments)
}

/// A short, file-system-safe rendering of a title: lower-case ASCII letters and digits
/// joined by hyphens, at most 40 characters.
fn file_name_slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|character: char| !character.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if slug.len() + word.len() + 1 > 40 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        slug.push_str("article");
    }
    slug
}

fn write_file_atomically(directory: &Path, name: &str, contents: &[u8]) -> CoreResult<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".claimtrack-export-")
        .suffix(".tmp")
        .tempfile_in(directory)
        .map_err(|error| CoreError::io(directory, error))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|error| CoreError::io(temp.path(), error))?;
    let path = directory.join(name);
    temp.persist(&path)
        .map_err(|error| CoreError::io(&path, error.error))?;
    Ok(())
}
