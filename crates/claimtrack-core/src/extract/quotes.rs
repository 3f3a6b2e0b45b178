//! Stage 2, `quotes`: pairs quote marks into quotations. Straight and curly, double and
//! single marks; a straight opening mark may be closed by a curly one; a quotation whose
//! paragraph ends without a closing mark continues when the next paragraph reopens it.

use super::segment::{Paragraph, Token, TokenKind};
use super::ExtractionWarning;
use crate::model::ByteSpan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Token index of the mark that opens the quotation.
    pub open_token: usize,
    /// Token index of the mark that closes it, if the text has one.
    pub close_token: Option<usize>,
    /// Token range strictly inside the marks (over several paragraphs if it runs on).
    pub first_inner_token: usize,
    pub end_inner_token: usize,
    /// The quoted words, one span per paragraph, without marks or surrounding spaces.
    pub parts: Vec<ByteSpan>,
    /// Quoted with single marks (a headline style, or a quote inside a quote).
    pub single: bool,
}

impl Quotation {
    /// The token right after the quotation: the closing mark if there is one.
    pub fn last_token(&self) -> usize {
        self.close_token
            .unwrap_or(self.end_inner_token.saturating_sub(1))
    }

    pub fn word_count(&self, tokens: &[Token]) -> usize {
        tokens[self.first_inner_token..self.end_inner_token]
            .iter()
            .filter(|token| token.is_word())
            .count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkFamily {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkRole {
    Opens,
    Closes,
    /// Could do either; the pairing state decides.
    Either,
    /// An apostrophe, not a quote mark.
    Neither,
}

fn classify_mark(text: &str, token: Token) -> (MarkFamily, MarkRole) {
    let mark = token.text(text);
    // `''`: two apostrophes standing for a double mark.
    let character = if mark == "''" {
        '"'
    } else {
        mark.chars().next().unwrap_or('"')
    };
    let before = text[..token.span.start].chars().next_back();
    let after = text[token.span.end..].chars().next();
    let space_or_edge_before = before.is_none_or(|c| {
        c.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(c) || is_opening_mark(c)
    });
    // `alive,'"`: a straight double mark right after a single one closes with it, so the
    // single mark stands at a word's edge.
    let space_or_edge_after = after.is_none_or(|c| {
        c.is_whitespace()
            || ".,;:!?)]}\u{2014}\u{2013}-".contains(c)
            || is_closing_mark(c)
            || (c == '"' && matches!(character, '\'' | '\u{2019}'))
    });
    let positional = match (space_or_edge_before, space_or_edge_after) {
        (true, false) => MarkRole::Opens,
        (false, true) => MarkRole::Closes,
        _ => MarkRole::Either,
    };
    match character {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => (MarkFamily::Double, MarkRole::Opens),
        '\u{201D}' | '\u{00BB}' => (MarkFamily::Double, MarkRole::Closes),
        '"' => (MarkFamily::Double, positional),
        '\u{2018}' => (MarkFamily::Single, MarkRole::Opens),
        // A lone right single mark or straight apostrophe is a quote mark only where it
        // sits at a word's edge; inside words the tokenizer has already kept it.
        '\u{2019}' | '\'' => match positional {
            MarkRole::Opens if character == '\'' => (MarkFamily::Single, MarkRole::Opens),
            MarkRole::Closes => (MarkFamily::Single, MarkRole::Closes),
            _ => (MarkFamily::Single, MarkRole::Neither),
        },
        _ => (MarkFamily::Double, MarkRole::Neither),
    }
}

fn is_opening_mark(character: char) -> bool {
    matches!(character, '\u{201C}' | '\u{2018}' | '\u{201E}' | '\u{00AB}')
}

fn is_closing_mark(character: char) -> bool {
    matches!(character, '\u{201D}' | '\u{2019}' | '\u{00BB}')
}

struct OpenQuotation {
    open_token: usize,
    family: MarkFamily,
    /// Where the current paragraph's part begins (after its opening mark).
    part_start_token: usize,
    parts: Vec<ByteSpan>,
}

/// Finds every quotation. Returns them in text order, with a per-token flag telling
/// whether the token lies strictly inside a quotation.
pub fn find_quotations(
    text: &str,
    paragraphs: &[Paragraph],
    tokens: &[Token],
    warnings: &mut Vec<ExtractionWarning>,
) -> (Vec<Quotation>, Vec<bool>) {
    // Sized for a quotation in every paragraph, so that the vector rarely grows.
    let mut quotations = Vec::with_capacity(paragraphs.len());
    let mut open: Option<OpenQuotation> = None;
    for (paragraph_index, paragraph) in paragraphs.iter().enumerate() {
        let mut index = paragraph.first_token;
        if let Some(current) = open.as_mut() {
            // A quotation left open by the previous paragraph continues only if this
            // paragraph reopens it with a mark of the same family.
            let reopens = index < paragraph.end_token
                && tokens[index].kind == TokenKind::QuoteMark
                && classify_mark(text, tokens[index]).0 == current.family
                && classify_mark(text, tokens[index]).1 != MarkRole::Closes;
            if reopens {
                current.part_start_token = index + 1;
                index += 1;
            } else {
                let unclosed = open.take().expect("checked above");
                warnings.push(ExtractionWarning {
                    at: tokens[unclosed.open_token].span.start,
                    message:
                        "quotation is never closed; it is taken to run to the end of its paragraph"
                            .to_string(),
                });
                finish(
                    tokens,
                    unclosed,
                    None,
                    paragraphs[paragraph_index - 1].end_token,
                    &mut quotations,
                );
            }
        }
        while index < paragraph.end_token {
            // Most tokens are no quote mark: a tight scan finds the next one.
            let Some(skipped) = tokens[index..paragraph.end_token]
                .iter()
                .position(|token| token.kind == TokenKind::QuoteMark)
            else {
                break;
            };
            index += skipped;
            let token = tokens[index];
            let (family, role) = classify_mark(text, token);
            match open.as_mut() {
                Some(current) if current.family == family => {
                    if role == MarkRole::Neither {
                        index += 1;
                        continue;
                    }
                    if role == MarkRole::Opens
                        && family == MarkFamily::Double
                        && !matches!(token.text(text), "\"")
                    {
                        // A second curly opening mark: the first quotation was never closed.
                        warnings.push(ExtractionWarning {
                            at: tokens[current.open_token].span.start,
                            message: "quotation is reopened before it was closed".to_string(),
                        });
                        current.open_token = index;
                        current.part_start_token = index + 1;
                        current.parts.clear();
                        index += 1;
                        continue;
                    }
                    let finished = open.take().expect("matched Some");
                    finish(tokens, finished, Some(index), index, &mut quotations);
                }
                Some(_) => {
                    // Marks of the other family inside a quotation are quotes within the
                    // quote: part of its content.
                }
                None => match (family, role) {
                    (_, MarkRole::Neither) => {}
                    (MarkFamily::Double, MarkRole::Closes) => warnings.push(ExtractionWarning {
                        at: token.span.start,
                        message: "closing quote mark without an opening one".to_string(),
                    }),
                    (MarkFamily::Double, _) => {
                        open = Some(OpenQuotation {
                            open_token: index,
                            family,
                            part_start_token: index + 1,
                            parts: Vec::new(),
                        });
                    }
                    (MarkFamily::Single, MarkRole::Opens) => {
                        // A single mark opens a quotation only if a closing single mark
                        // follows in the same paragraph; otherwise it was an apostrophe.
                        if has_single_closer(text, tokens, index + 1, paragraph.end_token) {
                            open = Some(OpenQuotation {
                                open_token: index,
                                family,
                                part_start_token: index + 1,
                                parts: Vec::new(),
                            });
                        }
                    }
                    (MarkFamily::Single, _) => {}
                },
            }
            index += 1;
        }
        if let Some(current) = open.as_mut() {
            if current.family == MarkFamily::Single {
                // Single marks never run over paragraphs; has_single_closer made this rare.
                open = None;
            } else if let Some(part) =
                part_span(tokens, current.part_start_token, paragraph.end_token)
            {
                current.parts.push(part);
            }
        }
    }
    if let Some(unclosed) = open.take() {
        warnings.push(ExtractionWarning {
            at: tokens[unclosed.open_token].span.start,
            message: "quotation is never closed; it is taken to run to the end of its paragraph"
                .to_string(),
        });
        let end = paragraphs.last().map_or(0, |paragraph| paragraph.end_token);
        finish(tokens, unclosed, None, end, &mut quotations);
    }
    let mut inside = vec![false; tokens.len()];
    for quotation in &quotations {
        for flag in &mut inside[quotation.first_inner_token..quotation.end_inner_token] {
            *flag = true;
        }
    }
    (quotations, inside)
}

fn has_single_closer(text: &str, tokens: &[Token], from: usize, to: usize) -> bool {
    tokens[from..to].iter().any(|token| {
        token.kind == TokenKind::QuoteMark
            && classify_mark(text, *token) == (MarkFamily::Single, MarkRole::Closes)
    })
}

fn part_span(tokens: &[Token], first: usize, end: usize) -> Option<ByteSpan> {
    if first >= end {
        return None;
    }
    Some(ByteSpan::new(
        tokens[first].span.start,
        tokens[end - 1].span.end,
    ))
}

fn finish(
    tokens: &[Token],
    mut quotation: OpenQuotation,
    close_token: Option<usize>,
    end_inner_token: usize,
    quotations: &mut Vec<Quotation>,
) {
    if close_token.is_some() {
        if let Some(part) = part_span(tokens, quotation.part_start_token, end_inner_token) {
            quotation.parts.push(part);
        }
    }
    if quotation.parts.is_empty() {
        return;
    }
    quotations.push(Quotation {
        open_token: quotation.open_token,
        close_token,
        first_inner_token: quotation.open_token + 1,
        end_inner_token,
        parts: quotation.parts,
        single: quotation.family == MarkFamily::Single,
    });
}
