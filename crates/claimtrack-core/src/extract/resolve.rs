//! Stage 6, `resolve`: turns speaker mentions into canonical speakers within one article.
//! It first reads every name the article introduces (with titles and appositive roles),
//! then walks the claims in order: full names and surnames meet their entity, titles and
//! descriptions ("the finance minister", "the Commission") the entity that held them,
//! pronouns the most recent compatible speaker, and quote-only paragraphs the speaker of
//! the claim before them.

use super::attribute::{ClaimDraft, SpeakerSource};
use super::lexicon::{
    country, honorific_gender, is_capitalised_function_word, is_group_noun, is_organisation_noun,
    is_role_noun, pronoun_gender, role_gender, with_lowercase, Gender, DEMONYMS, MONTHS, WEEKDAYS,
};
use super::segment::{Token, TokenKind};
use super::speakers::MentionCandidate;
use crate::model::{ByteSpan, SpeakerType};

#[derive(Debug, Clone)]
pub struct Entity {
    pub canonical: String,
    pub kind: SpeakerType,
    pub role: Option<String>,
    gender: Option<Gender>,
    /// Lower-cased name words; the last one is the surname for people.
    name_words: Vec<String>,
}

/// One resolved speaker for one draft.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedSpeaker {
    pub mention: Option<ByteSpan>,
    pub entity: Option<usize>,
    /// For speakers that are not entities (anonymous sources, unresolved descriptions).
    pub description: Option<(String, SpeakerType)>,
    pub role: Option<String>,
    /// How much the resolution itself can be trusted, in [0, 1].
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy)]
struct EntityMention {
    entity: usize,
    at: usize,
    /// Speakers and sentence subjects, which pronouns prefer to objects.
    prominent: bool,
}

pub struct Resolver<'a> {
    text: &'a str,
    tokens: &'a [Token],
    pub entities: Vec<Entity>,
    mentions: Vec<EntityMention>,
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

fn is_temporal_name(word: &str) -> bool {
    // Asked of every capitalised word: lower-cased on the stack, not in a new string.
    with_lowercase(strip_possessive(word).trim_end_matches('.'), |lower| {
        WEEKDAYS.contains(&lower) || MONTHS.iter().any(|(name, _)| *name == lower)
    })
}

/// Whether `whole`, lower-cased, ends with a space and `tail` lower-cased ("European
/// Commission" and "commission"), without lower-cased copies when both are ASCII.
fn ends_with_word_ignoring_case(whole: &str, tail: &str) -> bool {
    if whole.is_ascii() && tail.is_ascii() {
        let Some(space) = whole.len().checked_sub(tail.len() + 1) else {
            return false;
        };
        return whole.as_bytes()[space] == b' '
            && whole.as_bytes()[space + 1..].eq_ignore_ascii_case(tail.as_bytes());
    }
    whole
        .to_lowercase()
        .ends_with(&format!(" {}", tail.to_lowercase()))
}

fn organisation_like(words: &[&str]) -> bool {
    words
        .iter()
        .any(|word| is_organisation_noun(strip_possessive(word)))
        || (words.len() == 1
            && words[0].len() >= 2
            && words[0]
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '&'))
}

impl<'a> Resolver<'a> {
    /// Reads the names the whole article introduces, outside quotations.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        inside_quotation: &[bool],
        sentence_first_token: &[usize],
    ) -> Resolver<'a> {
        let mut resolver = Resolver {
            text,
            tokens,
            entities: Vec::new(),
            mentions: Vec::new(),
        };
        let mut index = 0;
        while index < tokens.len() {
            if inside_quotation[index]
                || !tokens[index].is_word()
                || !is_capitalised(tokens[index].text(text))
            {
                index += 1;
                continue;
            }
            let mut end = index;
            while end < tokens.len()
                && !inside_quotation[end]
                && tokens[end].paragraph == tokens[index].paragraph
            {
                let word = tokens[end].text(text);
                let joins = tokens[end].is_word()
                    && (is_capitalised(word)
                        || (matches!(word, "of" | "for")
                            && end > index
                            && tokens
                                .get(end + 1)
                                .is_some_and(|next| is_capitalised(next.text(text)))));
                if !joins {
                    break;
                }
                end += 1;
            }
            let mut first = index;
            while first < end
                && (is_capitalised_function_word(tokens[first].text(text))
                    || is_temporal_name(tokens[first].text(text)))
            {
                first += 1;
            }
            if first < end {
                // Names near the start of their sentence are usually its subject, which a
                // later pronoun most likely means.
                let prominent = index - sentence_first_token[index] <= 6;
                if let Some(entity) = resolver.introduce(first, end, prominent) {
                    if let Some(role) = appositive_role(text, tokens, first, end) {
                        let entity = &mut resolver.entities[entity];
                        if entity.kind == SpeakerType::Person {
                            if let Some(gender) = role.split_whitespace().find_map(role_gender) {
                                entity.gender.get_or_insert(gender);
                            }
                            entity.role.get_or_insert(role);
                        }
                    }
                }
            }
            index = end.max(index + 1);
        }
        resolver
    }

    fn words(&self, first: usize, end: usize) -> Vec<&'a str> {
        self.tokens[first..end]
            .iter()
            .filter(|token| token.kind == TokenKind::Word)
            .map(|token| token.text(self.text))
            .collect()
    }

    /// Registers the capitalised run `first..end` ("Finance Minister Maria Keller"):
    /// returns the entity it names, if it names one.
    fn introduce(&mut self, first: usize, end: usize, prominent: bool) -> Option<usize> {
        let words = self.words(first, end);
        if words.is_empty() || words.iter().all(|word| is_temporal_name(word)) {
            return None;
        }
        let mut gender = None;
        let mut name_start = 0;
        if let Some(found) = honorific_gender(words[0]) {
            gender = found;
            name_start = 1;
        }
        let last_title = words.iter().rposition(|word| {
            is_role_noun(strip_possessive(word)) || honorific_gender(word).is_some()
        });
        let mut role = None;
        if let Some(last_title) = last_title.filter(|&position| position + 1 < words.len()) {
            if name_start == 0 || last_title >= name_start {
                let title_words = &words[..=last_title];
                if honorific_gender(title_words[title_words.len() - 1]).is_none() {
                    role = Some(title_words.join(" "));
                }
                gender = gender.or_else(|| title_words.iter().find_map(|word| role_gender(word)));
                name_start = last_title + 1;
            }
        }
        let name_words: Vec<&str> = words[name_start..]
            .iter()
            .map(|word| strip_possessive(word))
            .collect();
        if name_words.is_empty() {
            return None;
        }
        if name_words.len() == 1 && is_role_noun(name_words[0]) {
            return None;
        }
        let name = name_words.join(" ");
        let at = self.tokens[first].span.start;
        let entity = if let Some(canonical) = country(&name) {
            self.find_or_add(canonical, SpeakerType::Country, None, None)
        } else if organisation_like(&name_words) {
            let canonical = name.trim_start_matches("the ").to_string();
            self.find_or_add(&canonical, SpeakerType::Organisation, None, None)
        } else if name_words.len() == 1 && role.is_none() && gender.is_none() {
            // A lone capitalised word is a surname only if someone already carries it.
            self.entity_with_surname(&name)?
        } else {
            self.find_or_add(&name, SpeakerType::Person, role.clone(), gender)
        };
        if let Some(role) = role {
            self.entities[entity].role.get_or_insert(role);
        }
        if gender.is_some() {
            self.entities[entity].gender = gender;
        }
        self.mentions.push(EntityMention {
            entity,
            at,
            prominent,
        });
        Some(entity)
    }

    fn entity_with_surname(&self, surname: &str) -> Option<usize> {
        with_lowercase(surname, |lower| {
            self.entities.iter().rposition(|entity| {
                entity.kind == SpeakerType::Person
                    && entity.name_words.last().is_some_and(|last| last == lower)
            })
        })
    }

    fn find_or_add(
        &mut self,
        name: &str,
        kind: SpeakerType,
        role: Option<String>,
        gender: Option<Gender>,
    ) -> usize {
        let lower_words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let existing = self.entities.iter().position(|entity| {
            entity.canonical.eq_ignore_ascii_case(name)
                || (kind == SpeakerType::Person
                    && entity.kind == SpeakerType::Person
                    && lower_words.len() == 1
                    && entity.name_words.last() == lower_words.last())
                || (kind == SpeakerType::Person
                    && entity.kind == SpeakerType::Person
                    && entity.name_words.len() == 1
                    && lower_words.last() == entity.name_words.last())
                || (kind == SpeakerType::Organisation
                    && entity.kind == SpeakerType::Organisation
                    && ends_with_word_ignoring_case(&entity.canonical, name))
        });
        if let Some(existing) = existing {
            // A fuller form of a known name becomes its canonical spelling.
            let entity = &mut self.entities[existing];
            if lower_words.len() > entity.name_words.len() && kind == entity.kind {
                entity.canonical = name.to_string();
                entity.name_words = lower_words;
            }
            return existing;
        }
        self.entities.push(Entity {
            canonical: name.to_string(),
            kind,
            role,
            gender,
            name_words: lower_words,
        });
        self.entities.len() - 1
    }

    /// Resolves every draft in text order.
    pub fn resolve(&mut self, drafts: &[ClaimDraft]) -> Vec<ResolvedSpeaker> {
        let mut resolved: Vec<ResolvedSpeaker> = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let previous = resolved.last().cloned();
            let speaker = match &draft.speaker {
                SpeakerSource::Mention(mention) => self.resolve_mention(mention),
                SpeakerSource::SameAsPreviousInSentence => previous
                    .map(|speaker| ResolvedSpeaker {
                        mention: None,
                        confidence: speaker.confidence * 0.95,
                        ..speaker
                    })
                    .unwrap_or_else(nobody),
                SpeakerSource::ContinuesPreviousClaim => previous
                    .map(|speaker| ResolvedSpeaker {
                        mention: None,
                        confidence: speaker.confidence * 0.9,
                        ..speaker
                    })
                    .unwrap_or_else(nobody),
                SpeakerSource::Nobody => nobody(),
            };
            if let Some(entity) = speaker.entity {
                self.mentions.push(EntityMention {
                    entity,
                    at: draft.start(),
                    prominent: true,
                });
            }
            resolved.push(speaker);
        }
        resolved
    }

    fn resolve_mention(&mut self, mention: &MentionCandidate) -> ResolvedSpeaker {
        let text = self.text;
        let words = self.words(mention.first_token, mention.end_token);
        let role_text = mention.role.map(|role| {
            role.slice(text)
                .trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_string()
        });
        if words.len() == 1 && super::lexicon::is_pronoun(words[0]) {
            return self.resolve_pronoun(mention, words[0]);
        }
        // A name: the capitalised tail of the phrase, after any determiner or title.
        if words.len() == 1 && is_group_noun(words[0]) {
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: None,
                description: Some((words[0].to_string(), SpeakerType::Unknown)),
                role: None,
                confidence: 0.9,
            };
        }
        let capitalised_from = words
            .iter()
            .position(|word| is_capitalised(word) && !is_capitalised_function_word(word));
        let determiner_led = words.first().is_some_and(|word| {
            matches!(
                word.to_lowercase().as_str(),
                "the" | "a" | "an" | "one" | "two" | "three" | "several" | "some" | "many"
            )
        });
        let name_like = |word: &&str| is_capitalised(word) || matches!(*word, "of" | "for" | "and");
        let mut all_capitalised_after =
            capitalised_from.is_some_and(|from| words[from..].iter().all(name_like));
        let mut capitalised_from = capitalised_from;
        let mut role_text = role_text;
        // "Opposition leader Marta Lindqvist": a full name after a lower-case title; the
        // words before it are the role.
        let trailing_name_from = words
            .iter()
            .rposition(|word| !name_like(word))
            .map_or(0, |position| position + 1);
        if !all_capitalised_after && words.len() - trailing_name_from >= 2 {
            capitalised_from = Some(trailing_name_from);
            all_capitalised_after = true;
            let title = &words[..trailing_name_from];
            if role_text.is_none()
                && title
                    .iter()
                    .any(|word| is_role_noun(strip_possessive(word)))
            {
                role_text = Some(description_text(&title.join(" ")));
            }
        }
        if let Some(from) = capitalised_from.filter(|_| all_capitalised_after) {
            let first_token = self.token_of_word(mention.first_token, mention.end_token, from);
            let organisation_description = determiner_led && organisation_like(&words[from..]);
            if !determiner_led || organisation_description || words[from..].len() >= 2 {
                if let Some(entity) = self.introduce_mention(first_token, mention.end_token) {
                    if let Some(role) = role_text.clone() {
                        let gender = role.split_whitespace().find_map(role_gender);
                        self.entities[entity].role.get_or_insert(role);
                        if let Some(gender) = gender {
                            self.entities[entity].gender.get_or_insert(gender);
                        }
                    }
                    return ResolvedSpeaker {
                        mention: Some(mention.span),
                        entity: Some(entity),
                        description: None,
                        role: self.entities[entity].role.clone(),
                        confidence: 1.0,
                    };
                }
            }
            if !determiner_led && words[from..].len() == 1 {
                // An unknown single name: a person we have not been introduced to.
                let name = strip_possessive(words[from]).to_string();
                let kind = if organisation_like(&words[from..]) {
                    SpeakerType::Organisation
                } else {
                    SpeakerType::Person
                };
                let entity = self.find_or_add(&name, kind, role_text.clone(), None);
                return ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(entity),
                    description: None,
                    role: role_text,
                    confidence: 0.8,
                };
            }
        }
        self.resolve_description(mention, &words)
    }

    fn token_of_word(&self, first: usize, end: usize, word_index: usize) -> usize {
        (first..end)
            .filter(|&index| self.tokens[index].kind == TokenKind::Word)
            .nth(word_index)
            .unwrap_or(first)
    }

    fn introduce_mention(&mut self, first: usize, end: usize) -> Option<usize> {
        let before = self.mentions.len();
        let entity = self.introduce(first, end, true);
        self.mentions.truncate(before);
        entity
    }

    /// "the finance minister", "Germany's finance minister", "the Commission", "a senior
    /// official", "people familiar with the matter".
    fn resolve_description(
        &mut self,
        mention: &MentionCandidate,
        words: &[&str],
    ) -> ResolvedSpeaker {
        let lower: Vec<String> = words
            .iter()
            .map(|word| strip_possessive(word).to_lowercase())
            .collect();
        let head_position = lower
            .iter()
            .position(|word| {
                matches!(
                    word.as_str(),
                    "of" | "for" | "at" | "with" | "from" | "in" | "close" | "familiar"
                )
            })
            .unwrap_or(lower.len());
        let head = lower[..head_position].last().cloned().unwrap_or_default();
        let indefinite = matches!(
            lower.first().map(String::as_str),
            Some("a" | "an" | "one" | "two" | "three" | "several" | "some" | "many")
        );
        let description = description_text(mention.span.slice(self.text));
        let role_text = mention.role.map(|role| role.slice(self.text).to_string());
        let plural_people =
            head.ends_with('s') && !is_organisation_noun(&head) && !is_role_noun(&head);
        if is_group_noun(&head) || indefinite || plural_people {
            let kind = if is_organisation_noun(&head) {
                SpeakerType::Organisation
            } else {
                SpeakerType::Unknown
            };
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: None,
                description: Some((description, kind)),
                role: role_text,
                confidence: 0.9,
            };
        }
        if is_role_noun(&head) {
            let modifiers: Vec<String> = lower[..head_position.saturating_sub(1)]
                .iter()
                .filter(|word| {
                    !matches!(
                        word.as_str(),
                        "the" | "a" | "an" | "former" | "current" | "new"
                    )
                })
                .map(|word| demonym_country(word).unwrap_or_else(|| word.clone()))
                .collect();
            if let Some(entity) = self.entity_holding_role(&head, &modifiers, mention.span.start) {
                return ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(entity),
                    description: None,
                    role: self.entities[entity].role.clone(),
                    confidence: 0.85,
                };
            }
            let gender = role_gender(&head);
            let entity = self.find_or_add(
                &capitalise_first(&description),
                SpeakerType::Person,
                Some(description.clone()),
                gender,
            );
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: Some(entity),
                description: None,
                role: Some(description),
                confidence: 0.6,
            };
        }
        if is_organisation_noun(&head) {
            if let Some(entity) = self.entities.iter().rposition(|entity| {
                entity.kind == SpeakerType::Organisation && entity.name_words.contains(&head)
            }) {
                return ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(entity),
                    description: None,
                    role: None,
                    confidence: 0.85,
                };
            }
            let name = capitalise_first(&description);
            let entity = self.find_or_add(&name, SpeakerType::Organisation, None, None);
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: Some(entity),
                description: None,
                role: None,
                confidence: 0.7,
            };
        }
        ResolvedSpeaker {
            mention: Some(mention.span),
            entity: None,
            description: Some((capitalise_first(&description), SpeakerType::Unknown)),
            role: role_text,
            confidence: 0.5,
        }
    }

    /// The most recently mentioned person whose role has `head` and the most modifiers.
    fn entity_holding_role(
        &self,
        head: &str,
        modifiers: &[String],
        before: usize,
    ) -> Option<usize> {
        let mut best: Option<(usize, usize, usize)> = None;
        for mention in self.mentions_before(before) {
            let entity = &self.entities[mention.entity];
            let Some(role) = &entity.role else { continue };
            let role_words: Vec<String> = role
                .split_whitespace()
                .map(|word| strip_possessive(word).to_lowercase())
                .map(|word| demonym_country(&word).unwrap_or(word))
                .collect();
            if !role_words
                .iter()
                .any(|word| word == head || word.ends_with(&format!("-{head}")))
            {
                continue;
            }
            let matched = modifiers
                .iter()
                .filter(|modifier| role_words.contains(modifier))
                .count();
            // A role that says "finance" is not "the foreign minister".
            let contradicted = modifiers.len() > matched && role_words.len() > 1;
            if contradicted && matched == 0 {
                continue;
            }
            if best.is_none_or(|(_, best_matched, _)| matched > best_matched) {
                best = Some((mention.entity, matched, mention.at));
            }
        }
        if let Some((entity, _, _)) = best {
            return Some(entity);
        }
        self.entities.iter().rposition(|entity| {
            entity.role.as_ref().is_some_and(|role| {
                role.to_lowercase()
                    .split_whitespace()
                    .any(|word| word == head)
            })
        })
    }

    /// Mentions before byte `at`, nearest first.
    fn mentions_before(&self, at: usize) -> Vec<EntityMention> {
        let mut before: Vec<EntityMention> = self
            .mentions
            .iter()
            .filter(|found| found.at < at)
            .copied()
            .collect();
        before.sort_by_key(|found| std::cmp::Reverse(found.at));
        before
    }

    fn resolve_pronoun(&mut self, mention: &MentionCandidate, pronoun: &str) -> ResolvedSpeaker {
        let lower = pronoun.to_lowercase();
        let at = mention.span.start;
        let gender = pronoun_gender(&lower);
        let wanted = |entity: &Entity| match lower.as_str() {
            "he" | "she" => {
                entity.kind == SpeakerType::Person
                    && (gender.is_none() || entity.gender.is_none() || entity.gender == gender)
            }
            "it" => matches!(
                entity.kind,
                SpeakerType::Organisation | SpeakerType::Country
            ),
            "they" => matches!(
                entity.kind,
                SpeakerType::Organisation | SpeakerType::Country
            ),
            _ => false,
        };
        let candidates: Vec<EntityMention> = self
            .mentions_before(at)
            .into_iter()
            .filter(|found| wanted(&self.entities[found.entity]))
            .collect();
        let chosen = candidates
            .iter()
            .find(|found| found.prominent)
            .or(candidates.first())
            .copied();
        match chosen {
            Some(found) => {
                if let Some(gender) = gender {
                    self.entities[found.entity].gender.get_or_insert(gender);
                }
                let confidence = if candidates
                    .iter()
                    .filter(|other| other.entity != found.entity)
                    .count()
                    > 0
                {
                    0.8
                } else {
                    0.9
                };
                ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(found.entity),
                    description: None,
                    role: self.entities[found.entity].role.clone(),
                    confidence,
                }
            }
            None => ResolvedSpeaker {
                mention: Some(mention.span),
                entity: None,
                description: None,
                role: None,
                confidence: 0.3,
            },
        }
    }
}

/// The role stated beside a name: `Maria Keller, the finance minister,` or `the finance
/// minister, Maria Keller,`. Only descriptions that hold a role noun count.
fn appositive_role(text: &str, tokens: &[Token], first: usize, end: usize) -> Option<String> {
    let is_comma = |index: usize| {
        tokens
            .get(index)
            .is_some_and(|token| token.is_punctuation(text, ','))
    };
    let holds_role = |from: usize, to: usize| {
        tokens[from..to]
            .iter()
            .any(|token| is_role_noun(strip_possessive(token.text(text))))
            && tokens[from..to]
                .iter()
                .all(|token| token.kind != TokenKind::QuoteMark)
    };
    let starts_description = |index: usize| {
        let word = tokens[index].text(text);
        matches!(word.to_lowercase().as_str(), "the" | "a" | "an") || strip_possessive(word) != word
    };
    if is_comma(end) && end + 1 < tokens.len() && starts_description(end + 1) {
        let limit = (end + 10).min(tokens.len());
        let close = (end + 1..limit).find(|&index| {
            tokens[index].kind == TokenKind::Punctuation
                && matches!(tokens[index].text(text), "," | "." | ";")
        });
        if let Some(close) = close.filter(|&close| holds_role(end + 1, close)) {
            return Some(description_text(
                &text[tokens[end + 1].span.start..tokens[close - 1].span.end],
            ));
        }
    }
    if first >= 2 && is_comma(first - 1) {
        let floor = first.saturating_sub(10);
        let open = (floor..first - 1)
            .rev()
            .find(|&index| {
                tokens[index].kind != TokenKind::Word
                    || tokens[index].paragraph != tokens[first].paragraph
            })
            .map_or(floor, |index| index + 1);
        if open < first - 1 && starts_description(open) && holds_role(open, first - 1) {
            return Some(description_text(
                &text[tokens[open].span.start..tokens[first - 2].span.end],
            ));
        }
    }
    None
}

fn nobody() -> ResolvedSpeaker {
    ResolvedSpeaker {
        mention: None,
        entity: None,
        description: None,
        role: None,
        confidence: 0.3,
    }
}

fn demonym_country(word: &str) -> Option<String> {
    DEMONYMS
        .iter()
        .find(|(demonym, _)| demonym.eq_ignore_ascii_case(word))
        .map(|(_, country)| country.to_lowercase())
}

/// "the finance minister" -> "finance minister": the description without its article.
fn description_text(surface: &str) -> String {
    let trimmed = surface.trim();
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = trimmed.strip_prefix(article) {
            return rest.to_string();
        }
    }
    trimmed.to_string()
}

fn capitalise_first(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}
