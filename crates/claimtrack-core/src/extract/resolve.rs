//! Stage 6, `resolve`: turns speaker mentions into canonical speakers within one article.
//! It first reads every name the article introduces (with titles and appositive roles),
//! then walks the claims in order: full names and surnames meet their entity, titles and
//! descriptions ("the finance minister", "the Commission") the entity that held them,
//! pronouns the most recent compatible speaker, and quote-only paragraphs the speaker of
//! the claim before them.

mod given_names;
mod name_words;
mod words;

pub(super) use words::{is_document_noun, is_document_put_out_verb};

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::OnceLock;

use super::attribute::{ClaimDraft, SpeakerSource};
use super::lexicon::{
    calendar_name, country, cue_verb, honorific_gender, is_capitalised_function_word,
    is_determiner, is_group_noun, is_number_word, is_organisation_noun, is_role_noun,
    is_subject_pronoun, pronoun_gender, reads_as_past_tense, role_gender, with_lowercase, Gender,
    AUXILIARIES, DEMONYMS, WEEKDAYS,
};
use super::lexicon::{strip_possessive, PackedWordTable, WordHasher, WordTables};
use super::segment::{is_quote_mark, reads_as_headline, Token, TokenKind};
use super::speakers::{
    skip_auxiliaries_before, skip_opening_adverbials, subject_before, MentionCandidate,
};
use crate::model::{ByteSpan, SpeakerType};
use given_names::{given_name_gender, is_known_given_name};
pub(crate) use name_words::LowerCasedWord;
use name_words::{word_count_and_last_word, LowerCasedNameWords};
use words::{
    is_company_noun, is_extra_office_noun, is_place_name, is_place_named_like_country,
    is_public_body_word, is_registered_body, is_registered_office, is_span_of_time_filler,
    is_span_of_time_noun, is_span_of_time_verb, organisation_name_ending, religious_title,
    singular_group_description, PAST_HOLDER_WORDS, RANK_WORDS,
};

#[derive(Debug, Clone)]
pub struct Entity {
    pub canonical: String,
    pub kind: SpeakerType,
    pub role: Option<String>,
    gender: Option<Gender>,
    /// Lower-cased name words; the last one is the surname for people. Set only through
    /// `set_name_words`, which keeps `last_name_word_key` with them.
    name_words: LowerCasedNameWords,
    /// `name_word_key` of the last name word (0 for none): the resolver's searches by
    /// name compare it before any letters, since every entity a name can mean ends with
    /// the same word.
    last_name_word_key: u64,
    /// A person or body the article names only by title or description ("the transport
    /// minister", "the transport ministry"): a later, fuller description becomes its name.
    title_only: bool,
    /// For "Jazmine Rowe's former manager": the person whose manager this is, whom a
    /// "she" the manager's gender cannot settle more likely means.
    possessor: Option<usize>,
}

impl Entity {
    fn set_name_words(&mut self, name_words: LowerCasedNameWords) {
        self.last_name_word_key = name_word_key(name_words.last().map_or(b"", str::as_bytes));
        self.name_words = name_words;
    }
}

/// A hash of a lower-cased name word, to tell most other words from it in one
/// comparison of integers (equal words always have equal keys).
fn name_word_key(lower_word: &[u8]) -> u64 {
    let mut hasher = WordHasher::default();
    hasher.write(lower_word);
    hasher.finish()
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
    /// The speaker of a claim reported inside another's ("the previous coach" in `Okafor
    /// said the previous coach had told players that ...`): within the outer claim's
    /// paragraph a pronoun means the outer speaker sooner.
    embedded_speaker: bool,
}

/// The mentions of an ordered prefix of `Resolver::mentions`, nearest first (see
/// `Resolver::mentions_before`): the prefix is read from its end one position at a time,
/// and the mentions at one position in the order they were recorded.
struct NearestFirst<'m> {
    /// The mentions not yet reached, ordered by position.
    earlier: &'m [EntityMention],
    /// What is left of the mentions at the position being read.
    group: std::slice::Iter<'m, EntityMention>,
}

impl Iterator for NearestFirst<'_> {
    type Item = EntityMention;

    fn next(&mut self) -> Option<EntityMention> {
        if let Some(found) = self.group.next() {
            return Some(*found);
        }
        let (last, before) = self.earlier.split_last()?;
        let mut start = before.len();
        while start > 0 && before[start - 1].at == last.at {
            start -= 1;
        }
        let earlier = self.earlier;
        self.earlier = &earlier[..start];
        self.group = earlier[start + 1..].iter();
        Some(earlier[start])
    }
}

pub struct Resolver<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentence_first_token: &'a [usize],
    pub entities: Vec<Entity>,
    /// Every mention recorded, ordered by position; mentions at the same byte stay in the
    /// order they were recorded. Kept ordered (`record_mention`) so that the mentions
    /// before a byte, nearest first, are read from the end of a prefix instead of copied
    /// out of the whole list and sorted for every description and pronoun.
    mentions: Vec<EntityMention>,
    /// Cleared while `introduce_mention` reads a run again: the mention it would record
    /// is not kept.
    records_mentions: bool,
    /// Anonymous groups the article has described ("three people familiar with the
    /// matter"), as (head noun, description without number), in text order: "one of the
    /// people" and "one of them" are members of the latest.
    groups: Vec<(String, String)>,
    /// A vector `introduce` fills for every distinct capitalised run and empties again,
    /// kept so that the thousands of runs in an article cost no allocation each.
    run_words: Vec<&'a str>,
    /// What each distinct capitalised run's words say by themselves, by the run's text.
    run_readings: HashMap<&'a str, RunReading<'a>, WordTables>,
}

fn is_capitalised(word: &str) -> bool {
    // Asked of every word of every article: an ASCII first letter needs no decoding.
    match word.as_bytes().first() {
        Some(first) if first.is_ascii() => first.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `is_capitalised(token.text(text))` without making a `str` of the token: slicing a
/// `str` checks both ends for character boundaries, and this is asked of every word of
/// every article; the bytes say it alone when the first is ASCII. Inlined: the call
/// cost as much as the question.
#[inline(always)]
fn token_is_capitalised(text: &str, token: Token) -> bool {
    match text.as_bytes()[token.span.start..token.span.end].first() {
        Some(first) if first.is_ascii() => first.is_ascii_uppercase(),
        _ => is_capitalised(token.text(text)),
    }
}

fn is_temporal_name(word: &str) -> bool {
    // Asked of every capitalised word: one probe of a packed table, no lower-cased copy.
    calendar_name(strip_possessive(word).trim_end_matches('.')).is_some()
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

/// `text.trim_start_matches("the ")`: a run or a name starts with "the " only now and
/// then, and `strip_prefix` asks that with one comparison where `trim_start_matches`
/// sets up a substring search.
fn without_leading_the(text: &str) -> &str {
    let mut rest = text;
    while let Some(after) = rest.strip_prefix("the ") {
        rest = after;
    }
    rest
}

fn organisation_like(words: &[&str]) -> bool {
    words
        .iter()
        .any(|word| is_organisation_noun(strip_possessive(word)))
        || words
            .last()
            .is_some_and(|word| organisation_name_ending(strip_possessive(word)))
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
        sentence_first_token: &'a [usize],
    ) -> Resolver<'a> {
        let mut resolver = Resolver {
            text,
            tokens,
            sentence_first_token,
            entities: Vec::new(),
            mentions: Vec::new(),
            records_mentions: true,
            groups: Vec::new(),
            run_words: Vec::new(),
            // About one token in fifteen opens a capitalised run, about half of them
            // distinct: sized so that the map seldom grows (each growth moves every
            // reading).
            run_readings: HashMap::with_capacity_and_hasher(
                tokens.len() / 30,
                WordTables::default(),
            ),
        };
        let next_is_capitalised = |at: usize| {
            tokens
                .get(at + 1)
                .is_some_and(|&next| next.is_word() && token_is_capitalised(text, next))
        };
        let mut index = 0;
        while index < tokens.len() {
            if inside_quotation[index] || !tokens[index].is_word() {
                index += 1;
                continue;
            }
            if !token_is_capitalised(text, tokens[index]) {
                // "the transport minister", "the transport ministry": an office or body
                // the article names by description, which a later "the minister" or a
                // pronoun may mean.
                if let Some(first) = title_description_before(text, tokens, index) {
                    let prominent = first - sentence_first_token[first] <= 2;
                    resolver.register_title(first, index + 1, prominent);
                }
                index += 1;
                continue;
            }
            let mut end = index;
            let mut conjunction = None;
            while end < tokens.len()
                && !inside_quotation[end]
                && tokens[end].paragraph == tokens[index].paragraph
            {
                // Every word of every run, and the token that ends it, is read here: as
                // bytes, not as a `str` whose ends are checked for character boundaries.
                let word = &text.as_bytes()[tokens[end].span.start..tokens[end].span.end];
                let joins = tokens[end].is_word()
                    && (token_is_capitalised(text, tokens[end])
                        || (matches!(word, b"of" | b"for")
                            && end > index
                            && next_is_capitalised(end)));
                // "Competition and Markets Authority", "Harwick & Lowe", "the Ferry Users'
                // Association": kept whole if the run turns out to name a body.
                // The word itself first: the next word is read only after "and", "&" or
                // a possessive mark.
                let is_conjunction = matches!(word, b"and" | b"&");
                let joins_body = end > index
                    && (is_conjunction
                        || (tokens[end].kind == TokenKind::QuoteMark
                            && (word == b"'" || word == "\u{2019}".as_bytes())
                            && tokens[end - 1].span.end == tokens[end].span.start
                            && text.as_bytes()[..tokens[end - 1].span.end].ends_with(b"s")))
                    && next_is_capitalised(end);
                if joins_body && is_conjunction {
                    conjunction.get_or_insert(end);
                }
                if !joins && !joins_body {
                    break;
                }
                end += 1;
            }
            if is_dateline_or_shouting(text, tokens, index, end) {
                index = end.max(index + 1);
                continue;
            }
            if let Some(conjunction) = conjunction {
                let last = tokens[end - 1].text(text);
                if !organisation_like(&[strip_possessive(last)]) {
                    end = conjunction;
                }
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
        // About half the runs of an article repeat one read before (a name met again):
        // what the words say alone is read once per distinct run, and the words are
        // gathered only then. The run's text is the key: a run starts and ends at token
        // boundaries, so the same text always holds the same words.
        let surface = &self.text[self.tokens[first].span.start..self.tokens[end - 1].span.end];
        let mut readings = std::mem::take(&mut self.run_readings);
        let reading = readings.entry(surface).or_insert_with(|| {
            let mut words = std::mem::take(&mut self.run_words);
            words.clear();
            words.extend(
                self.tokens[first..end]
                    .iter()
                    .filter(|token| token.kind == TokenKind::Word)
                    .map(|token| token.text(self.text)),
            );
            let mut reading = read_run(surface, &words);
            self.run_words = words;
            if let RunReading::Named(NamedRun {
                role: None,
                gender: None,
                name: Some(name),
                ..
            }) = &mut reading
            {
                name.country_by_adjective = name.word_count == 1
                    && name.country.is_none()
                    && !name.organisation
                    && !is_place_named_like_country(&name.text)
                    && demonym_the_article_uses(self.text, &name.text).is_some();
            }
            reading
        });
        let entity = self.introduce_reading(reading, first, prominent);
        self.run_readings = readings;
        entity
    }

    /// Joins what a run's words say (`read_run`) to the entities the article named before
    /// it: returns the entity the run at token `first` names, if it names one.
    fn introduce_reading(
        &mut self,
        reading: &RunReading<'a>,
        first: usize,
        prominent: bool,
    ) -> Option<usize> {
        let at = self.tokens[first].span.start;
        let run = match reading {
            RunReading::Nothing => return None,
            RunReading::Body(canonical) => {
                let entity = self.find_or_add(canonical, SpeakerType::Organisation, None, None);
                self.record_mention(EntityMention {
                    entity,
                    at,
                    prominent,
                    embedded_speaker: false,
                });
                return Some(entity);
            }
            RunReading::Named(run) => run,
        };
        // "Fuming Malloy told the Rocket": a tabloid's adjective capitalised only because
        // it opens the sentence, before the surname of someone already named.
        let name_words = &run.name_words;
        let dropped_adjective;
        let name = if name_words.len() == 2
            && self.sentence_first_token[first] == first
            && run.name_start == 0
            && !is_known_given_name(name_words[0])
            && self.entity_with_surname(name_words[1]).is_some()
        {
            dropped_adjective = run_name(&name_words[1..], run.gender);
            dropped_adjective.as_ref()
        } else {
            run.name.as_ref()
        };
        let name = name?;
        let gender = name.gender;
        // "former UN Ambassador John Bolton": the lower-case word before the run keeps a
        // later "the former ambassador" on him, and "the previous director" off a director
        // in office.
        let role = run
            .role
            .as_ref()
            .map(|role| match self.past_holder_word_before(first) {
                Some(past) => format!("{past} {role}"),
                None => role.clone(),
            });
        let role = &role;
        let entity = if let Some(canonical) = name.country {
            self.find_or_add(canonical, SpeakerType::Country, None, None)
        } else if name.organisation {
            let canonical = without_leading_the(&name.text).to_string();
            self.find_or_add(&canonical, SpeakerType::Organisation, None, None)
        } else if name.word_count == 1 && role.is_none() && gender.is_none() {
            // A lone capitalised word is a surname only if someone already carries it, or
            // the short form of a body already named ("Quillon" for "Quillon
            // Technologies").
            // Both searches compare the word lower-cased: it is lower-cased once for both.
            let lower = LowerCasedWord::of(&name.text);
            // A lone word whose adjective the article uses ("Varenia" beside "Varenian")
            // is a country, which "the country's" later means.
            self.entity_with_lower_cased_surname(&lower)
                .or_else(|| self.organisation_with_lower_cased_first_word(&lower, at))
                .or_else(|| {
                    name.country_by_adjective
                        .then(|| self.find_or_add(&name.text, SpeakerType::Country, None, None))
                })?
        } else {
            self.find_or_add(&name.text, SpeakerType::Person, role.clone(), gender)
        };
        if let Some(role) = role {
            self.entities[entity].role.get_or_insert(role.clone());
        }
        if gender.is_some() {
            self.entities[entity].gender = gender;
        }
        self.record_mention(EntityMention {
            entity,
            at,
            prominent,
            embedded_speaker: false,
        });
        Some(entity)
    }

    /// The past-holder word ("former", "previous") just before token `first`, if any.
    fn past_holder_word_before(&self, first: usize) -> Option<&'a str> {
        let before = self.tokens[..first].last()?;
        let word = before.text(self.text);
        (before.kind == TokenKind::Word && PAST_HOLDER_WORDS.contains(&word)).then_some(word)
    }

    /// A body named before byte `at` whose full name starts with the word `lower`
    /// ("quillon" for "Quillon Technologies").
    fn organisation_with_lower_cased_first_word(
        &self,
        lower: &LowerCasedWord,
        at: usize,
    ) -> Option<usize> {
        // Asked of every lone capitalised word no one carries as a surname, lower-cased on
        // the stack by the caller.
        let fits = |entity: &Entity| {
            entity.kind == SpeakerType::Organisation
                && !entity.title_only
                && entity.name_words.len() >= 2
                && entity
                    .name_words
                    .first()
                    .is_some_and(|first| first.as_bytes() == lower.as_bytes())
        };
        if !self.entities.iter().any(fits) {
            return None;
        }
        self.mentions
            .iter()
            .filter(|found| found.at < at && fits(&self.entities[found.entity]))
            .max_by_key(|found| found.at)
            .map(|found| found.entity)
    }

    fn entity_with_surname(&self, surname: &str) -> Option<usize> {
        self.entity_with_lower_cased_surname(&LowerCasedWord::of(surname))
    }

    /// `entity_with_surname` for a surname already lower-cased.
    fn entity_with_lower_cased_surname(&self, lower: &LowerCasedWord) -> Option<usize> {
        let key = name_word_key(lower.as_bytes());
        self.entities.iter().rposition(|entity| {
            entity.kind == SpeakerType::Person
                && entity.last_name_word_key == key
                && entity
                    .name_words
                    .last()
                    .is_some_and(|last| last.as_bytes() == lower.as_bytes())
        })
    }

    fn find_or_add(
        &mut self,
        name: &str,
        kind: SpeakerType,
        role: Option<String>,
        gender: Option<Gender>,
    ) -> usize {
        // Most calls meet a known entity whose name says as much: the name's lower-cased
        // words are built only for a new entity or a fuller name, and the last word is
        // compared lower-cased on the stack.
        let (word_count, last_word) = word_count_and_last_word(name);
        let existing = with_lowercase(last_word, |lower_last| {
            // Every entity a name with words can meet ends with the same last word: the
            // same name, the same surname, or a body whose name ends with this one. The
            // other entities are passed over by their key alone.
            let last_word_key = name_word_key(lower_last.as_bytes());
            let same_last_word = |entity: &Entity| {
                word_count > 0
                    && entity
                        .name_words
                        .last()
                        .is_some_and(|last| last == lower_last)
            };
            self.entities.iter().position(|entity| {
                (word_count == 0 || entity.last_name_word_key == last_word_key)
                    && (entity.canonical.eq_ignore_ascii_case(name)
                        || (kind == SpeakerType::Person
                            && entity.kind == SpeakerType::Person
                            && word_count == 1
                            && same_last_word(entity))
                        || (kind == SpeakerType::Person
                            && entity.kind == SpeakerType::Person
                            && entity.name_words.len() == 1
                            && same_last_word(entity))
                        || (kind == SpeakerType::Organisation
                            && entity.kind == SpeakerType::Organisation
                            && ends_with_word_ignoring_case(&entity.canonical, name)))
            })
        });
        let lower_words = || LowerCasedNameWords::of(name);
        if let Some(existing) = existing {
            // A fuller form of a known name becomes its canonical spelling.
            let entity = &mut self.entities[existing];
            if word_count > entity.name_words.len() && kind == entity.kind {
                entity.canonical = name.to_string();
                entity.set_name_words(lower_words());
            }
            return existing;
        }
        let mut entity = Entity {
            canonical: name.to_string(),
            kind,
            role,
            gender,
            name_words: LowerCasedNameWords::default(),
            last_name_word_key: 0,
            title_only: false,
            possessor: None,
        };
        entity.set_name_words(lower_words());
        self.entities.push(entity);
        self.entities.len() - 1
    }

    /// Resolves every draft in text order.
    pub fn resolve(&mut self, drafts: &[ClaimDraft]) -> Vec<ResolvedSpeaker> {
        let mut resolved: Vec<ResolvedSpeaker> = Vec::with_capacity(drafts.len());
        // The end of the furthest-reaching claim so far: a claim that lies within it is
        // reported inside another ("Okafor said the previous coach had told players that
        // ..."). A claim that only overlaps it is not.
        let mut furthest_claim_end = 0;
        // The speaker of the latest claim not reported inside another: `She said the chief
        // executive had told her it was "a priority". "I believed him."` goes on in her
        // voice, not in the voice of the claim inside hers.
        let mut latest_outer: Option<ResolvedSpeaker> = None;
        for draft in drafts {
            let draft_end = draft.parts.last().map_or(draft.start(), |part| part.end);
            let embedded = draft.start() < furthest_claim_end && draft_end <= furthest_claim_end;
            furthest_claim_end = furthest_claim_end.max(draft_end);
            let previous = resolved.last().cloned();
            let speaker = match &draft.speaker {
                SpeakerSource::Mention(mention) => {
                    let speaker = self.resolve_mention(mention);
                    self.learn_gender_from_content(draft, &speaker);
                    speaker
                }
                // `..., DuVernay said, emphasizing why ...`: the sentence names the speaker
                // once, and that mention is where the reader finds who said both.
                SpeakerSource::SameAsPreviousInSentence => previous
                    .map(|speaker| ResolvedSpeaker {
                        confidence: speaker.confidence * 0.95,
                        ..speaker
                    })
                    .unwrap_or_else(nobody),
                SpeakerSource::ContinuesPreviousClaim => latest_outer
                    .clone()
                    .or(previous)
                    .map(|speaker| ResolvedSpeaker {
                        mention: None,
                        confidence: speaker.confidence * 0.9,
                        ..speaker
                    })
                    .unwrap_or_else(nobody),
                SpeakerSource::Nobody => nobody(),
            };
            if let Some(entity) = speaker.entity {
                self.record_mention(EntityMention {
                    entity,
                    at: draft.start(),
                    prominent: true,
                    embedded_speaker: embedded,
                });
            }
            if !embedded {
                latest_outer = Some(speaker.clone());
            }
            resolved.push(speaker);
        }
        self.name_described_lead_speaker(drafts, &mut resolved);
        self.name_headline_labels(drafts, &mut resolved);
        self.name_headline_groups(drafts, &mut resolved);
        resolved
    }

    /// `Pool closure "a disgrace", say swimmers` over a brief whose first claim gives the
    /// same words to the Eastside Swimming Club: a title's speaker that is only a group
    /// ("swimmers", "farmers") takes the speaker the story names for the same words in the
    /// two paragraphs under it.
    fn name_headline_groups(&self, drafts: &[ClaimDraft], resolved: &mut [ResolvedSpeaker]) {
        for index in 0..drafts.len() {
            let speaker = &resolved[index];
            let group_only = speaker.entity.is_none()
                && speaker
                    .description
                    .as_ref()
                    .is_some_and(|(description, _)| {
                        !description.contains(' ')
                            && description.starts_with(char::is_lowercase)
                            && description.ends_with('s')
                    });
            if !group_only || !self.is_title_line(drafts[index].start()) {
                continue;
            }
            let words: Vec<String> = drafts[index]
                .parts
                .iter()
                .flat_map(|part| content_words(part.slice(self.text)))
                .collect();
            if words.is_empty() {
                continue;
            }
            let paragraph = self.paragraph_at(drafts[index].start());
            let body = (index + 1..drafts.len())
                .take_while(|&later| self.paragraph_at(drafts[later].start()) <= paragraph + 2)
                // A headline shortens the story's words ("Pool closure 'a disgrace'" over
                // "Closing the pool ... is a disgrace"): most of them, not all.
                .find(|&later| {
                    self.named_speaker_says(&drafts[later], &resolved[later], &words, 6)
                });
            if let Some(body) = body {
                resolved[index] = ResolvedSpeaker {
                    mention: resolved[index].mention,
                    ..resolved[body].clone()
                };
            }
        }
    }

    /// Whether `draft`, whose speaker the article names (not by title alone), says at
    /// least `tenths` tenths of the content `words` a headline holds.
    fn named_speaker_says(
        &self,
        draft: &ClaimDraft,
        speaker: &ResolvedSpeaker,
        words: &[String],
        tenths: usize,
    ) -> bool {
        let named = speaker
            .entity
            .is_some_and(|entity| !self.entities[entity].title_only);
        if !named {
            return false;
        }
        let draft_words: Vec<String> = draft
            .parts
            .iter()
            .flat_map(|part| content_words(part.slice(self.text)))
            .collect();
        let shared = words
            .iter()
            .filter(|word| draft_words.contains(word))
            .count();
        shared * 10 >= words.len() * tenths
    }

    /// Whether byte `at` lies in a paragraph that reads as a headline or a brief's title
    /// ([`reads_as_headline`]).
    fn is_title_line(&self, at: usize) -> bool {
        let paragraph = self.paragraph_at(at);
        let first = self
            .tokens
            .partition_point(|token| token.paragraph < paragraph);
        let end = self
            .tokens
            .partition_point(|token| token.paragraph <= paragraph);
        first < end
            && reads_as_headline(
                self.text,
                self.tokens,
                first,
                end,
                self.sentence_first_token[end - 1] == first,
            )
    }

    /// The speaker `entity`, named at `mention`, with the role the article gave it.
    fn entity_speaker(&self, mention: ByteSpan, entity: usize, confidence: f32) -> ResolvedSpeaker {
        ResolvedSpeaker {
            mention: Some(mention),
            entity: Some(entity),
            description: None,
            role: self.entities[entity].role.clone(),
            confidence,
        }
    }

    /// A tabloid lead describes its speaker before naming them: "POP superstar Jazmine
    /// Rowe's former manager last night claimed ..." and, a paragraph later, "Terry
    /// Gault, 63, who steered the singer to three number-one albums, told the Blaze: ...".
    /// A person first named there with an age beside the name, speaking first after the
    /// lead, is the lead's described speaker, so the lead's claims become theirs. Anonymous
    /// sources ("a senior official", "a friend") are never named this way: the article
    /// keeps them anonymous on purpose.
    fn name_described_lead_speaker(&self, drafts: &[ClaimDraft], resolved: &mut [ResolvedSpeaker]) {
        let Some(first_body) = (0..drafts.len()).find(|&index| !self.in_headline(drafts, index))
        else {
            return;
        };
        let lead = self.paragraph_at(drafts[first_body].start());
        let described: Vec<usize> = (first_body..drafts.len())
            .take_while(|&index| self.paragraph_at(drafts[index].start()) == lead)
            .filter(|&index| self.is_described_person(&resolved[index]))
            .collect();
        let Some(&first_described) = described.first() else {
            return;
        };
        let Some(after_lead) = (first_body..drafts.len())
            .find(|&index| self.paragraph_at(drafts[index].start()) > lead)
        else {
            return;
        };
        if self.paragraph_at(drafts[after_lead].start()) > lead + 2 {
            return;
        }
        let named = resolved[after_lead].clone();
        let (Some(entity), Some(mention)) = (named.entity, named.mention) else {
            return;
        };
        let person = &self.entities[entity];
        let newcomer = !self.mentions.iter().any(|found| {
            found.entity == entity
                && self.paragraph_at(found.at) <= lead
                && found.at < mention.start
        });
        if person.kind != SpeakerType::Person
            || person.title_only
            || !newcomer
            || !followed_by_age(&self.text[mention.end..])
        {
            return;
        }
        let description_key =
            |speaker: &ResolvedSpeaker| (speaker.entity, speaker.description.clone());
        let key = description_key(&resolved[first_described]);
        for speaker in resolved.iter_mut().take(after_lead) {
            if description_key(speaker) == key {
                speaker.entity = Some(entity);
                speaker.description = None;
                speaker.role = named.role.clone().or(speaker.role.take());
            }
        }
    }

    /// Whether draft `index` is a headline above the story (a paragraph of one line with no
    /// final full stop, before any claim of the body).
    fn in_headline(&self, drafts: &[ClaimDraft], index: usize) -> bool {
        let paragraph = self.paragraph_at(drafts[index].start());
        let line_end = self.text[drafts[index].start()..]
            .find('\n')
            .map_or(self.text.len(), |offset| drafts[index].start() + offset);
        paragraph == 0 && !self.text[..line_end].trim_end().ends_with('.')
    }

    /// A speaker the article describes as one person without naming them ("one gran",
    /// "Jazmine Rowe's former manager"), not an anonymous source.
    fn is_described_person(&self, speaker: &ResolvedSpeaker) -> bool {
        let description = match (speaker.entity, &speaker.description) {
            (Some(entity), _) => {
                let entity = &self.entities[entity];
                if !entity.title_only || entity.kind != SpeakerType::Person {
                    return false;
                }
                entity.canonical.as_str()
            }
            (None, Some((description, kind))) => {
                if !matches!(kind, SpeakerType::Person | SpeakerType::Unknown) {
                    return false;
                }
                description.as_str()
            }
            (None, None) => return false,
        };
        let Some(head) = description.split_whitespace().last() else {
            return false;
        };
        let head = head.to_lowercase();
        !super::lexicon::is_group_noun(&head)
            && !head.ends_with('s')
            && !matches!(
                head.as_str(),
                "source"
                    | "official"
                    | "insider"
                    | "spokesperson"
                    | "spokesman"
                    | "spokeswoman"
                    | "aide"
                    | "friend"
                    | "ally"
                    | "person"
                    | "figure"
                    | "member"
                    | "colleague"
            )
    }

    /// `Brewer: "Not in talks with anyone"`: a headline's label that names no one the
    /// article names takes the speaker of the same words in the body.
    fn name_headline_labels(&self, drafts: &[ClaimDraft], resolved: &mut [ResolvedSpeaker]) {
        for index in 0..drafts.len() {
            let speaker = &resolved[index];
            // A lone word taken for a name only because it is capitalised ("Brewer",
            // "Heatwave") is the label itself, not someone the article names.
            let named = speaker.entity.is_some_and(|entity| {
                let entity = &self.entities[entity];
                !entity.title_only
                    && (entity.name_words.len() != 1
                        || speaker.mention.is_none_or(|mention| {
                            !mention
                                .slice(self.text)
                                .eq_ignore_ascii_case(&entity.canonical)
                        }))
            });
            let Some(mention) = speaker.mention.filter(|_| !named) else {
                continue;
            };
            // A headline's label hands over to a quotation; a transcript turn
            // (`HOLLOWAY: Minister, ...`) to the words themselves.
            let after_label = self.text[mention.end..].trim_start();
            let is_label = after_label
                .strip_prefix(':')
                .is_some_and(|rest| rest.trim_start().starts_with(is_quote_mark))
                && drafts[index].kind == crate::model::ClaimKind::Direct;
            if !is_label {
                continue;
            }
            let words = content_words(drafts[index].parts[0].slice(self.text));
            if words.is_empty() {
                continue;
            }
            let body = (index + 1..drafts.len()).find(|&later| {
                self.named_speaker_says(&drafts[later], &resolved[later], &words, 7)
            });
            // `Author: "I wrote it for my grandmother"` over a story that puts it in other
            // words: the label describes the speaker of the paragraph right under it.
            let paragraph = self.paragraph_at(drafts[index].start());
            let body = body.or_else(|| {
                (index + 1..drafts.len())
                    .take_while(|&later| self.paragraph_at(drafts[later].start()) <= paragraph + 1)
                    .find(|&later| {
                        self.paragraph_at(drafts[later].start()) == paragraph + 1
                            && resolved[later]
                                .entity
                                .is_some_and(|entity| !self.entities[entity].title_only)
                    })
            });
            if let Some(body) = body {
                resolved[index] = ResolvedSpeaker {
                    mention: Some(mention),
                    ..resolved[body].clone()
                };
            }
        }
    }

    /// "The interior minister said on Tuesday that she had ordered a review": a reported
    /// clause that opens with "he" or "she" most often means its speaker, which tells the
    /// gender of a speaker named by title.
    fn learn_gender_from_content(&mut self, draft: &ClaimDraft, speaker: &ResolvedSpeaker) {
        let Some(entity) = speaker.entity else { return };
        if draft.kind == crate::model::ClaimKind::Direct
            || self.entities[entity].kind != SpeakerType::Person
            || self.entities[entity].gender.is_some()
        {
            return;
        }
        let Some(part) = draft.parts.first() else {
            return;
        };
        let first_word = part
            .slice(self.text)
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let first_word = if first_word.eq_ignore_ascii_case("that") {
            part.slice(self.text)
                .split_whitespace()
                .nth(1)
                .unwrap_or_default()
        } else {
            first_word
        };
        if matches!(first_word, "he" | "she" | "He" | "She") {
            self.entities[entity].gender = pronoun_gender(first_word);
        }
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
        // `..., according to him, ...`: an object pronoun standing alone as the source
        // means whom its subject form would.
        if words.len() == 1 {
            let subject_form = with_lowercase(words[0], |lower| match lower {
                "him" => Some("he"),
                "her" => Some("she"),
                "them" => Some("they"),
                _ => None,
            });
            if let Some(subject_form) = subject_form {
                return self.resolve_pronoun(mention, subject_form);
            }
        }
        if let Some(subject) = self.subject_spending_time(mention) {
            return subject;
        }
        if words.len() == 1 && words[0].eq_ignore_ascii_case("which") {
            if let Some(document) = self.relative_document_source(mention) {
                return document;
            }
        }
        // A transcript's label in capitals ("PENCE") stands for the person the article
        // names in full.
        let in_capitals = |word: &&str| word.len() > 1 && !word.chars().any(|c| c.is_lowercase());
        let is_label = text[mention.span.end..].starts_with(':');
        let label_entity =
            if is_label && (1..=3).contains(&words.len()) && words.iter().all(in_capitals) {
                // A label the article names nowhere else ("JAKE TAPPER") is spelt as a name;
                // a lone word may be an acronym ("NATO"), left to the rules below unless it
                // heads several turns of a transcript.
                // Read through the article only when the label's own words cannot decide.
                let heads_several_turns = || {
                    let label = mention.span.slice(text);
                    text.match_indices(label)
                        .filter(|&(at, _)| {
                            text[at + label.len()..].starts_with(':')
                                && text[..at]
                                    .trim_end_matches(['"', '\u{201C}'])
                                    .ends_with('\n')
                        })
                        .nth(1)
                        .is_some()
                };
                self.entity_with_surname(words[words.len() - 1])
                    .or_else(|| {
                        (words.len() > 1 || heads_several_turns()).then(|| {
                            let name: Vec<String> = words
                                .iter()
                                .map(|word| capitalise_first(&word.to_lowercase()))
                                .collect();
                            self.find_or_add(&name.join(" "), SpeakerType::Person, None, None)
                        })
                    })
            } else {
                None
            };
        if let Some(entity) = label_entity {
            return self.entity_speaker(mention.span, entity, 0.8);
        }
        // "once he", "Meanwhile she": a subject pronoun closes the subject, and the words
        // before it belong to the clause around it.
        if words.len() > 1
            && matches!(
                words[words.len() - 1],
                "he" | "she" | "they" | "He" | "She" | "They"
            )
        {
            let pronoun_token = mention.end_token - 1;
            if self.tokens[pronoun_token].is_word() {
                let pronoun = MentionCandidate {
                    first_token: pronoun_token,
                    end_token: mention.end_token,
                    span: self.tokens[pronoun_token].span,
                    role: None,
                };
                return self.resolve_pronoun(&pronoun, words[words.len() - 1]);
            }
        }
        // "Yesterday he", "This morning he", "10:30 — A senior fire service officer": a
        // time that opens the sentence is not part of the speaker.
        if let Some(skip) = leading_time_words(&words).filter(|&skip| skip > 0) {
            if skip < words.len() {
                let first_token = self.token_of_word(mention.first_token, mention.end_token, skip);
                let trimmed = MentionCandidate {
                    first_token,
                    end_token: mention.end_token,
                    span: ByteSpan::new(self.tokens[first_token].span.start, mention.span.end),
                    role: mention.role,
                };
                return self.resolve_mention(&trimmed);
            }
        }
        // "Priya Halvorsen of the Green Alliance", "Professor Callum Drysdale of the
        // Institute for Strategic Affairs": the person, not the body they belong to.
        if let Some(preposition) = person_before_preposition(&words) {
            let end_token = self.token_of_word(mention.first_token, mention.end_token, preposition);
            if end_token > mention.first_token {
                let person = MentionCandidate {
                    first_token: mention.first_token,
                    end_token,
                    span: ByteSpan::new(mention.span.start, self.tokens[end_token - 1].span.end),
                    role: mention.role,
                };
                let mut resolved = self.resolve_mention(&person);
                resolved.mention = Some(mention.span);
                return resolved;
            }
        }
        // "Analysts at Harwick & Lowe", "Two diplomats briefed on the talks": a group,
        // whatever names follow.
        // The first word that is no determiner or number, looked for once.
        let first_content_position = words
            .iter()
            .position(|word| !with_lowercase(word, is_determiner_or_number));
        let first_content = first_content_position.map(|position| words[position]);
        let group_first = first_content_position.filter(|&position| {
            words.get(position + 1).is_some_and(|next| {
                !is_capitalised(next) || with_lowercase(next, is_phrase_preposition)
            })
        });
        if words.len() > 1
            && group_first.is_some()
            && first_content.is_some_and(|word| {
                is_group_noun(word) && !is_organisation_noun(word) && word.ends_with('s')
            })
        {
            return self.resolve_description(mention, &words);
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
            with_lowercase(word, |lower| {
                matches!(
                    lower,
                    "the" | "a" | "an" | "one" | "two" | "three" | "several" | "some" | "many"
                )
            })
        });
        // "Office of the Auditor General": "the" inside a name, after its "of".
        let name_like =
            |word: &&str| is_capitalised(word) || matches!(*word, "of" | "for" | "and" | "the");
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
        // "the children's charity SafeHarbour", "the polling firm Civitas Research": a
        // body's name after the noun saying what kind of body it is.
        if trailing_name_from > 0 && trailing_name_from < words.len() {
            let kind_word = words[trailing_name_from - 1];
            if !is_capitalised(kind_word)
                && (is_organisation_noun(kind_word) || is_company_noun(kind_word))
            {
                let name = words[trailing_name_from..]
                    .iter()
                    .map(|word| strip_possessive(word))
                    .collect::<Vec<_>>()
                    .join(" ");
                let entity = self.find_or_add(&name, SpeakerType::Organisation, None, None);
                return ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(entity),
                    description: None,
                    role: None,
                    confidence: 0.9,
                };
            }
        }
        // "a spokesman for the Airline Council" is a description that ends in a name.
        let preposition_before_name = words[..trailing_name_from]
            .iter()
            .any(|word| with_lowercase(word, is_phrase_preposition));
        if !all_capitalised_after
            && words.len() - trailing_name_from >= 2
            && !preposition_before_name
        {
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
        let described_before_name = capitalised_from.is_some_and(|from| {
            words[..from]
                .iter()
                .any(|word| with_lowercase(word, is_phrase_preposition))
        });
        if let Some(from) =
            capitalised_from.filter(|_| all_capitalised_after && !described_before_name)
        {
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
                    return self.entity_speaker(mention.span, entity, 1.0);
                }
            }
            // "Other Republicans", "many Democrats", "young Americans": a capitalised
            // plural that names a group, not a person called so.
            let names_group = words[from..].len() == 1
                && with_lowercase(strip_possessive(words[from]), |lower| {
                    is_group_noun(lower)
                        || lower
                            .strip_suffix('s')
                            .is_some_and(|singular| demonym_country(singular).is_some())
                });
            if names_group {
                return self.resolve_description(mention, &words);
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

    /// "For a government that has spent most of the spring insisting that ...", "the
    /// Fed, which entered the year predicting ...", "Sanders spent much of his campaign
    /// railing against ...": a participle right after a span of time that a verb takes
    /// as its object ("spent", "entered") says what the verb's subject did, and speaks
    /// for that subject (a relative's antecedent), never for the span of time. The
    /// subject resolved, with its words as the mention; `None` for any other mention.
    fn subject_spending_time(&mut self, mention: &MentionCandidate) -> Option<ResolvedSpeaker> {
        let (text, tokens) = (self.text, self.tokens);
        let word = |index: usize| tokens[index].text(text);
        let last = mention.end_token.checked_sub(1)?;
        if !tokens[last].is_word() || !with_lowercase(word(last), is_span_of_time_noun) {
            return None;
        }
        let participle_after = tokens.get(mention.end_token).is_some_and(|next| {
            next.is_word()
                && next.text(text).ends_with("ing")
                && next.paragraph == tokens[last].paragraph
        });
        if !participle_after {
            return None;
        }
        let sentence_first = self.sentence_first_token[last];
        let mut verb = last;
        loop {
            if verb == sentence_first || verb + 6 < last {
                return None;
            }
            verb -= 1;
            if !tokens[verb].is_word() {
                return None;
            }
            let (is_verb, is_filler) = with_lowercase(word(verb), |lower| {
                (
                    is_span_of_time_verb(lower),
                    is_span_of_time_filler(lower) || is_number_word(lower),
                )
            });
            if is_verb {
                break;
            }
            if !is_filler {
                return None;
            }
        }
        // "a government that has spent": the subject of a relative clause is its
        // antecedent, read before the relative (and before its comma).
        let before_verb = skip_auxiliaries_before(text, tokens, sentence_first, verb);
        let subject_end = match before_verb.checked_sub(1) {
            Some(relative)
                if relative >= sentence_first
                    && tokens[relative].is_word()
                    && with_lowercase(word(relative), |lower| {
                        matches!(lower, "that" | "which" | "who")
                    }) =>
            {
                if relative > sentence_first && tokens[relative - 1].is_punctuation(text, ',') {
                    relative - 1
                } else {
                    relative
                }
            }
            _ => verb,
        };
        let subject = subject_before(text, tokens, sentence_first, subject_end)?;
        if subject.end_token > verb {
            return None;
        }
        let mut resolved = self.resolve_mention(&subject);
        if resolved.entity.is_none() && resolved.description.is_none() {
            return None;
        }
        resolved.mention = Some(subject.span);
        Some(resolved)
    }

    /// "The bank's research unit published a paper in March, "Wages and Prices", which
    /// found that ...": a ", which" after a document speaks for the document, and so for
    /// whoever put it out (the subject of "published", "issued", "released"), or else for
    /// the document's own description ("the ministry's report, which found"). `None` when
    /// the relative follows no document.
    fn relative_document_source(&mut self, mention: &MentionCandidate) -> Option<ResolvedSpeaker> {
        let (text, tokens) = (self.text, self.tokens);
        let is_comma = |index: usize| tokens[index].is_punctuation(text, ',');
        let mut end = mention.first_token.checked_sub(1)?;
        if !is_comma(end) {
            return None;
        }
        // A title set off by commas after the document ("a paper, "Wages and Prices",
        // which"): the document stands before it.
        if end > 0 && tokens[end - 1].kind == TokenKind::QuoteMark {
            let open = (end.saturating_sub(20)..end - 1)
                .rev()
                .find(|&index| tokens[index].kind == TokenKind::QuoteMark)?;
            if open == 0 || !is_comma(open - 1) {
                return None;
            }
            end = open - 1;
        }
        // The document noun, at most three words before the comma ("a paper in March").
        let document = (end.saturating_sub(4)..end)
            .rev()
            .take_while(|&index| tokens[index].is_word() || tokens[index].kind == TokenKind::Number)
            .find(|&index| with_lowercase(tokens[index].text(text), is_document_noun))?;
        let first = (document.saturating_sub(3)..document).find(|&index| {
            tokens[index].is_word() && with_lowercase(tokens[index].text(text), is_determiner)
        })?;
        let source = match self.document_issuer(first) {
            Some(issuer) => issuer?,
            None => MentionCandidate {
                first_token: first,
                end_token: document + 1,
                span: ByteSpan::new(tokens[first].span.start, tokens[document].span.end),
                role: None,
            },
        };
        let mut resolved = self.resolve_mention(&source);
        if resolved.entity.is_none() && resolved.description.is_none() {
            return None;
        }
        resolved.mention = Some(mention.span);
        Some(resolved)
    }

    /// "The trust released a letter", "His office put out a statement": when a verb that
    /// puts a document out stands right before the document's phrase at token `first`,
    /// `Some` with the verb's subject (`None` inside when the subject cannot be read);
    /// `None` when no such verb stands there.
    fn document_issuer(&self, first: usize) -> Option<Option<MentionCandidate>> {
        let (text, tokens) = (self.text, self.tokens);
        let sentence_first = self.sentence_first_token[first];
        let lower_word = |index: usize| {
            tokens[index]
                .is_word()
                .then(|| tokens[index].text(text).to_lowercase())
        };
        let mut verb = first.checked_sub(1).filter(|&verb| verb > sentence_first)?;
        let particle_put_out = lower_word(verb).as_deref() == Some("out")
            && verb > sentence_first + 1
            && matches!(
                lower_word(verb - 1).as_deref(),
                Some("put" | "puts" | "putting")
            );
        if particle_put_out {
            verb -= 1;
        } else if !lower_word(verb).is_some_and(|word| is_document_put_out_verb(&word)) {
            return None;
        }
        Some(subject_before(text, tokens, sentence_first, verb))
    }

    fn token_of_word(&self, first: usize, end: usize, word_index: usize) -> usize {
        (first..end)
            .filter(|&index| self.tokens[index].kind == TokenKind::Word)
            .nth(word_index)
            .unwrap_or(first)
    }

    fn introduce_mention(&mut self, first: usize, end: usize) -> Option<usize> {
        self.records_mentions = false;
        let entity = self.introduce(first, end, true);
        self.records_mentions = true;
        entity
    }

    /// "the finance minister", "Germany's finance minister", "the Commission", "a senior
    /// official", "people familiar with the matter", "one of the people", "the statement".
    fn resolve_description(
        &mut self,
        mention: &MentionCandidate,
        words: &[&str],
    ) -> ResolvedSpeaker {
        let lower: Vec<String> = words
            .iter()
            .map(|word| strip_possessive(word).to_lowercase())
            .collect();
        if let Some(group) = self.group_member(&lower) {
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: None,
                description: Some((group, SpeakerType::Unknown)),
                role: None,
                confidence: 0.85,
            };
        }
        let role_text = mention.role.map(|role| role.slice(self.text).to_string());
        let mut core_from = lower
            .iter()
            .position(|word| !is_determiner_or_number(word))
            .unwrap_or(lower.len());
        // "A group of former trustees": the members are the speakers.
        if core_from + 2 < lower.len()
            && matches!(
                lower[core_from].as_str(),
                "group" | "number" | "handful" | "couple" | "pair" | "majority" | "minority"
            )
            && lower[core_from + 1] == "of"
        {
            core_from += 2;
        }
        // "one of them" with no group named before: the number is the description's head.
        if lower.get(core_from).is_some_and(|word| word == "of") {
            core_from = 0;
        }
        if core_from == lower.len() {
            return unknown_description(mention, self.text, role_text);
        }
        let head_position = (core_from..lower.len())
            .find(|&index| index > core_from && is_phrase_preposition(&lower[index]))
            .unwrap_or(lower.len());
        let head = lower[head_position - 1].clone();
        let indefinite = core_from > 0 && lower[0] != "the";
        let at = mention.span.start;
        let possessor = self.possessor(words, &lower, core_from, head_position, at);
        let modifiers_from = possessor.as_ref().map_or(core_from, |found| found.end_word);
        let mut modifiers: Vec<String> = possessor
            .as_ref()
            .map(|found| found.modifiers.clone())
            .unwrap_or_default();
        modifiers.extend(
            lower[modifiers_from..head_position - 1]
                .iter()
                .filter(|word| !matches!(word.as_str(), "current" | "new" | "own"))
                .map(|word| demonym_country(word).unwrap_or_else(|| word.clone())),
        );
        let by_position = (head_position..lower.len()).find(|&index| lower[index] == "by");
        let author_from = by_position.and_then(|by| {
            (by + 1..words.len()).find(|&index| {
                is_capitalised(words[index]) && !is_capitalised_function_word(words[index])
            })
        });
        // "data compiled by Lowther Securities": the document opens the description.
        let names_document = is_document_noun(&head) || is_document_noun(&lower[core_from]);
        if let (true, Some(author_from)) = (names_document, author_from) {
            // "a report by the Office of the Auditor General", "a survey by the polling
            // firm Civitas Research", "data compiled by Lowther Securities": the author.
            let author_end = (author_from..words.len())
                .find(|&index| {
                    !is_capitalised(words[index])
                        && !matches!(lower[index].as_str(), "the" | "of" | "for" | "and")
                })
                .unwrap_or(words.len());
            let first_token =
                self.token_of_word(mention.first_token, mention.end_token, author_from);
            let end_token = if author_end == words.len() {
                mention.end_token
            } else {
                self.token_of_word(mention.first_token, mention.end_token, author_end)
            };
            if author_end > author_from && end_token > first_token {
                let author = MentionCandidate {
                    first_token,
                    end_token,
                    span: ByteSpan::new(
                        self.tokens[first_token].span.start,
                        self.tokens[end_token - 1].span.end,
                    ),
                    role: None,
                };
                let mut resolved = self.resolve_mention(&author);
                resolved.mention = Some(mention.span);
                return resolved;
            }
        }
        // "issued a statement saying ...", "put out a statement": the document's issuer.
        if is_document_noun(&head)
            && indefinite
            && possessor.is_none()
            && core_from + 1 == head_position
        {
            if let Some(Some(issuer)) = self.document_issuer(mention.first_token) {
                // The issuer's words name the speaker, as the rules read `issued a
                // statement saying` (`attribute::names_document_put_out`).
                let resolved = self.resolve_mention(&issuer);
                if resolved.entity.is_some() || resolved.description.is_some() {
                    return resolved;
                }
            }
        }
        if is_document_noun(&head) && (!indefinite || possessor.is_some()) {
            if let Some(entity) = self.document_author(&head, &possessor, &modifiers, at) {
                return ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(entity),
                    description: None,
                    role: None,
                    confidence: 0.75,
                };
            }
        }
        let first_core_token =
            self.token_of_word(mention.first_token, mention.end_token, core_from);
        let rest_end = self.restrictive_clause_end(mention.end_token);
        // The description's words after the possessor, which only a possessor's
        // description reads: joined only then.
        let rest = || {
            let rest_token =
                self.token_of_word(mention.first_token, mention.end_token, modifiers_from);
            words_text(self.text, self.tokens, rest_token, mention.end_token)
        };
        // README convention: "spokesperson for X", "lawyer for X".
        let is_spokesperson = head.starts_with("spokes")
            || matches!(
                head.as_str(),
                "lawyer" | "lawyers" | "attorney" | "solicitor" | "barrister"
            );
        let canonical = match &possessor {
            Some(found) if found.person && is_spokesperson => {
                format!("{} for {}", rest(), found.name)
            }
            Some(found) if found.person => format!("{}'s {}", found.name, rest()),
            // "its chair" of the National Electoral Commission: a public body's office
            // reads "chair of the National Electoral Commission".
            Some(found) if role_of_public_body(&head, found, &self.entities) => {
                format!("{} of the {}", rest(), found.name)
            }
            Some(found) if found.name.is_empty() => rest(),
            Some(found) => format!("{} {}", found.name, rest()),
            None => self
                .description_naming_known_body(words, &lower, core_from, head_position, at)
                .unwrap_or_else(|| {
                    words_text(self.text, self.tokens, first_core_token, mention.end_token)
                }),
        };
        let canonical = if possessor.is_none() {
            self.with_full_names(canonical)
        } else {
            canonical
        };
        // Copied again only when there is an "own" to drop. Looked for among the bytes (an
        // ASCII pattern matches UTF-8 text exactly where the string does): `str::contains`
        // is also the article-wide search of `demonym_the_article_uses`, and shared with it,
        // it was no longer inlined here.
        let canonical = if canonical.as_bytes().windows(5).any(|five| five == b" own ") {
            canonical.replace(" own ", " ")
        } else {
            canonical
        };
        let plural_people = head.ends_with('s')
            && !is_organisation_noun(&head)
            && !is_role_noun(&head)
            && !is_document_noun(&head);
        let role_head = is_role_noun(&head) || is_office_noun(&head);
        if is_group_noun(&head) || plural_people || (indefinite && !role_head) {
            let kind = if is_organisation_noun(&head) {
                SpeakerType::Organisation
            } else {
                SpeakerType::Unknown
            };
            // "two officials who have worked on the programme": the clause that says
            // which officials belongs to the description.
            let description = if rest_end > mention.end_token && possessor.is_none() {
                words_text(self.text, self.tokens, first_core_token, rest_end)
            } else {
                canonical
            };
            self.groups.push((head.clone(), description.clone()));
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: None,
                description: Some((description, kind)),
                role: role_text,
                confidence: 0.9,
            };
        }
        if role_head {
            let person_possessor = possessor.as_ref().is_some_and(|found| found.person);
            if !indefinite && !person_possessor {
                if let Some(entity) = self.entity_holding_role(&head, &modifiers, at) {
                    self.upgrade_title(entity, &canonical, &modifiers);
                    return self.entity_speaker(mention.span, entity, 0.85);
                }
                // "the regulator's chair" when the article named the regulator only by
                // its name ("Zofia Kamińska, who chairs the Competition and Markets
                // Authority"): a body the article never called so says nothing of which
                // chair, and the named holder of a body's chair is meant.
                let unnamed_body = possessor.as_ref().is_some_and(|found| {
                    found.entity.is_none()
                        && !found.person
                        && found
                            .modifiers
                            .last()
                            .is_some_and(|word| is_organisation_noun(word))
                });
                if unnamed_body {
                    if let Some(entity) = self.holder_of_a_bodys_office(&head, at) {
                        return self.entity_speaker(mention.span, entity, 0.75);
                    }
                }
            }
            let canonical = if rest_end > mention.end_token && possessor.is_none() {
                words_text(self.text, self.tokens, first_core_token, rest_end)
            } else {
                canonical
            };
            let entity = self.add_title(&canonical, SpeakerType::Person, role_gender(&head));
            if let Some(found) = possessor.as_ref().filter(|found| found.person) {
                self.entities[entity].possessor = found.entity;
            }
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: Some(entity),
                description: None,
                role: Some(canonical),
                confidence: 0.6,
            };
        }
        if is_organisation_noun(&head) || is_company_noun(&head) {
            if let Some(entity) = self.organisation_by_head(&head, &modifiers, at) {
                return ResolvedSpeaker {
                    mention: Some(mention.span),
                    entity: Some(entity),
                    description: None,
                    role: None,
                    confidence: 0.85,
                };
            }
            let entity = self.add_title(&canonical, SpeakerType::Organisation, None);
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: Some(entity),
                description: None,
                role: None,
                confidence: 0.7,
            };
        }
        // "her supervisor", "his brother": someone the article describes through a person
        // it named, as "Lucía Prieto's supervisor".
        // Through "his" or "her" only when the person's gender is known to match: a
        // pronoun read back to a person of unknown gender is too often a wrong guess to
        // write into the speaker's name.
        let possessive_gender = match lower[core_from].as_str() {
            "his" => Some(Gender::Male),
            "her" => Some(Gender::Female),
            _ => None,
        };
        // "his country" is a place, which "the minister's country" does not name.
        let named_possessor = !matches!(head.as_str(), "country" | "nation")
            && possessor.as_ref().is_some_and(|found| {
                found.person
                    && possessive_gender.is_none_or(|gender| {
                        found
                            .entity
                            .is_some_and(|entity| self.entities[entity].gender == Some(gender))
                    })
            });
        if named_possessor {
            return ResolvedSpeaker {
                mention: Some(mention.span),
                entity: None,
                description: Some((canonical, SpeakerType::Unknown)),
                role: role_text,
                confidence: 0.5,
            };
        }
        unknown_description(mention, self.text, role_text)
    }

    /// "Aides to Reyes" is "Aides to Duncan Reyes": a lone surname after a preposition in
    /// a description, when the article named one person with it, is written as that
    /// person's full name.
    fn with_full_names(&self, description: String) -> String {
        let words: Vec<&str> = description.split(' ').collect();
        let mut replaced = false;
        let written: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(index, word)| {
                let bare = strip_possessive(word);
                let lone_name = index > 0
                    && is_capitalised(bare)
                    && with_lowercase(words[index - 1], |lower| {
                        matches!(lower, "to" | "for" | "of" | "at" | "with" | "near")
                    })
                    && words
                        .get(index + 1)
                        .is_none_or(|next| !is_capitalised(next));
                let person = lone_name
                    .then(|| self.only_full_name_with_surname(bare))
                    .flatten();
                match person {
                    Some(person) => {
                        replaced = true;
                        format!("{}{}", person.canonical, &word[bare.len()..])
                    }
                    None => word.to_string(),
                }
            })
            .collect();
        if replaced {
            written.join(" ")
        } else {
            description
        }
    }

    /// The one person the article names in full ("Duncan Reyes": a known given name, then
    /// capitalised words) with the surname `surname`; `None` when nobody or several
    /// people carry it ("Clinton" may be Bill or Hillary).
    fn only_full_name_with_surname(&self, surname: &str) -> Option<&Entity> {
        let lower = LowerCasedWord::of(surname);
        let mut carriers = self.entities.iter().filter(|entity| {
            entity.kind == SpeakerType::Person
                && entity
                    .name_words
                    .last()
                    .is_some_and(|last| last.as_bytes() == lower.as_bytes())
        });
        let person = carriers.next()?;
        if carriers.next().is_some() || person.title_only || person.name_words.len() < 2 {
            return None;
        }
        let mut words = person.canonical.split(' ');
        let full_name = words.next().is_some_and(is_known_given_name) && words.all(is_capitalised);
        full_name.then_some(person)
    }

    /// "A spokeswoman for the ministry" after "the justice ministry", "One member of that
    /// committee" after "the Treasury committee": the description with the body its phrase
    /// means named as the article first named it. Only bodies whose name ends in a
    /// lower-case noun are named so: "the" reads well before them, and a name such as
    /// "Bank of England" is left to the words the article chose.
    fn description_naming_known_body(
        &self,
        words: &[&str],
        lower: &[String],
        core_from: usize,
        head_position: usize,
        at: usize,
    ) -> Option<String> {
        // An anonymous source keeps its words as written ("two people at the bank"): only
        // a role's holder is named by the body.
        let head = &lower[head_position - 1];
        if !matches!(lower.get(head_position)?.as_str(), "for" | "of" | "at")
            || !(is_role_noun(head) || is_office_noun(head))
        {
            return None;
        }
        // "that committee" points at the last committee the text named, which the
        // resolver may not hold as a body ("parliament's Treasury committee"): only "the"
        // is read.
        if lower.get(head_position + 1)? != "the" {
            return None;
        }
        let body_from = head_position + 2;
        let body_head = lower.last()?;
        if body_from >= words.len()
            || words[body_from..].iter().any(|word| is_capitalised(word))
            || !is_organisation_noun(body_head)
        {
            return None;
        }
        let modifiers = &lower[body_from..lower.len() - 1];
        let entity = self.organisation_by_head(body_head, modifiers, at)?;
        let body = &self.entities[entity].canonical;
        let ends_in_lower_case_noun = body
            .rsplit(' ')
            .next()
            .is_some_and(|last| !is_capitalised(last) && last.eq_ignore_ascii_case(body_head));
        let named_as_written = body.split(' ').count() == lower.len() - body_from;
        if !ends_in_lower_case_noun || named_as_written {
            return None;
        }
        Some(format!(
            "{} the {body}",
            words[core_from..=head_position].join(" ")
        ))
    }

    /// "one of the people", "two of the officials", "one of them", "another", "the
    /// people": members of the anonymous group described last (with that head, if named).
    fn group_member(&self, lower: &[String]) -> Option<String> {
        let words: Vec<&str> = lower.iter().map(String::as_str).collect();
        let (singular, head): (bool, Option<String>) = match words.as_slice() {
            ["another"] | ["one", "of", "them" | "those"] => (true, None),
            ["two" | "three" | "some" | "several" | "both" | "most", "of", "them" | "those"] => {
                (false, None)
            }
            ["one" | "another", "of", "the" | "those", head] => (true, Some(head.to_string())),
            ["two" | "three" | "four" | "some" | "several" | "both" | "most", "of", "the" | "those", head] => {
                (false, Some(head.to_string()))
            }
            ["the" | "those", head] if is_group_noun(head) => (false, Some(head.to_string())),
            // "one of the people said ... that person said": a demonstrative singles out
            // a member of the group named before, whose head is the plural.
            ["that" | "this", "person"] => (true, Some("people".to_string())),
            ["that" | "this", noun] if is_group_noun(&format!("{noun}s")) => {
                (true, Some(format!("{noun}s")))
            }
            _ => return None,
        };
        let (_, description) = self.groups.iter().rev().find(|(group_head, _)| {
            head.as_ref().is_none_or(|head| {
                // "one person familiar with the audit ... that person": a singular
                // description registers its own head.
                group_head == head
                    || (singular && lower.len() == 2 && group_head == lower[1].as_str())
            })
        })?;
        Some(if singular {
            singular_group_description(description)
        } else {
            description.clone()
        })
    }

    /// The words a restrictive relative clause adds after a description ("people who
    /// were in the room"): the token index it ends at, or `end` when there is none.
    fn restrictive_clause_end(&self, end: usize) -> usize {
        let starts = self
            .tokens
            .get(end)
            .is_some_and(|token| token.is_word() && token.text(self.text) == "who");
        if !starts {
            return end;
        }
        let mut index = end + 1;
        while index < self.tokens.len() && index < end + 12 {
            let token = self.tokens[index];
            if token.paragraph != self.tokens[end].paragraph
                || (token.kind != TokenKind::Word && token.kind != TokenKind::Number)
                || super::lexicon::cue_verb(token.text(self.text)).is_some()
            {
                break;
            }
            index += 1;
        }
        if index == end + 12 {
            return end;
        }
        index
    }

    /// The possessor that opens a description ("Germany's foreign minister", "her
    /// campaign manager", "the museum's conservation department"), if any.
    fn possessor(
        &mut self,
        words: &[&str],
        lower: &[String],
        core_from: usize,
        head_position: usize,
        at: usize,
    ) -> Option<Possessor> {
        let pronoun = lower[core_from].as_str();
        if matches!(pronoun, "his" | "her" | "its" | "their") && head_position > core_from + 1 {
            let entity = match pronoun {
                "his" | "her" => {
                    self.pronoun_antecedent(if pronoun == "his" { "he" } else { "she" }, at)
                }
                _ => {
                    if let Some(subject) =
                        self.sentence_subject_possessor(pronoun, at, core_from + 1)
                    {
                        return Some(subject);
                    }
                    self.latest_body(at)
                }
            }?;
            return Some(self.possessor_of_entity(entity, core_from + 1));
        }
        let possessive_at = (core_from..head_position - 1).rev().find(|&index| {
            let word = words[index];
            strip_possessive(word) != word
        })?;
        let mut possessor_words: Vec<&str> = words[core_from..=possessive_at]
            .iter()
            .map(|word| strip_possessive(word))
            .collect();
        // "POP superstar Jazmine Rowe's former manager": the name closing the possessor.
        let capitalised_tail = possessor_words
            .iter()
            .rposition(|word| !is_capitalised(word))
            .map_or(0, |position| position + 1);
        if capitalised_tail > 0 && capitalised_tail < possessor_words.len() {
            possessor_words.drain(..capitalised_tail);
        }
        let possessor_lower: Vec<String> =
            possessor_words.iter().map(|w| w.to_lowercase()).collect();
        let end_word = possessive_at + 1;
        let joined = possessor_words.join(" ");
        if matches!(possessor_lower.as_slice(), [single] if single == "government") {
            return Some(Possessor {
                name: String::new(),
                person: false,
                modifiers: Vec::new(),
                entity: None,
                end_word,
            });
        }
        if matches!(
            possessor_lower.last().map(String::as_str),
            Some("country" | "nation")
        ) {
            let entity = self.latest_of_kind(SpeakerType::Country, at)?;
            return Some(self.possessor_of_entity(entity, end_word));
        }
        let capitalised = possessor_words.iter().all(|word| is_capitalised(word));
        if capitalised {
            if let Some(canonical) = country(&joined) {
                return Some(Possessor {
                    name: self.demonym_for(canonical),
                    person: false,
                    modifiers: vec![canonical.to_lowercase()],
                    entity: None,
                    end_word,
                });
            }
            let last = possessor_words[possessor_words.len() - 1];
            let known = if possessor_words.len() == 1 {
                // A bare name the article uses on its own ("Estmark said") is that name.
                let bare = self.entities.iter().position(|entity| {
                    entity.canonical.eq_ignore_ascii_case(last) && entity.role.is_none()
                });
                if let Some(bare) = bare.filter(|&bare| self.entities[bare].gender.is_none()) {
                    return Some(Possessor {
                        name: self.demonym_for(&self.entities[bare].canonical),
                        person: false,
                        modifiers: vec![last.to_lowercase()],
                        entity: Some(bare),
                        end_word,
                    });
                }
                // A bare word before "'s" is a person's surname or a place ("Caldera's
                // negotiators"), not the short form of a body that starts with it.
                self.entity_with_surname(last)
            } else {
                self.entities
                    .iter()
                    .position(|entity| entity.canonical.eq_ignore_ascii_case(&joined))
            };
            if let Some(entity) = known {
                return Some(self.possessor_of_entity(entity, end_word));
            }
            // An unknown capitalised possessor is most often a place ("Estmark's
            // statistics office"): its demonym if the article uses one.
            return Some(Possessor {
                name: self.demonym_for(&joined),
                person: false,
                modifiers: vec![joined.to_lowercase()],
                entity: None,
                end_word,
            });
        }
        let possessor_head = possessor_lower.last()?.clone();
        // "the city's police", "the town's mayor": a place, named as it is written.
        if matches!(
            possessor_head.as_str(),
            "city" | "town" | "village" | "county" | "region" | "province" | "island"
        ) {
            return Some(Possessor {
                name: possessor_head.clone(),
                person: false,
                modifiers: vec![possessor_head],
                entity: None,
                end_word,
            });
        }
        let modifiers: Vec<String> = possessor_lower[..possessor_lower.len() - 1]
            .iter()
            .filter(|word| !is_determiner_or_number(word))
            .cloned()
            .collect();
        if let Some(entity) = self.organisation_by_head(&possessor_head, &modifiers, at) {
            return Some(self.possessor_of_entity(entity, end_word));
        }
        let name: Vec<&str> = possessor_words
            .iter()
            .copied()
            .filter(|word| !with_lowercase(word, is_determiner_or_number))
            .collect();
        // A possessor the article never named ("the provincial prosecutor's office") is
        // part of the description's name: a person's keeps its possessive as written,
        // since "provincial prosecutor office" is nobody's name.
        // A body's office keeps the compound a reader expects ("the central bank's
        // governor" is the central bank governor).
        let written_possessive = if is_organisation_noun(&possessor_head) {
            ""
        } else {
            &words[possessive_at][strip_possessive(words[possessive_at]).len()..]
        };
        Some(Possessor {
            name: format!("{}{written_possessive}", name.join(" ")),
            person: false,
            modifiers: name.iter().map(|word| word.to_lowercase()).collect(),
            entity: None,
            end_word,
        })
    }

    /// "This year's festival will screen 140 films, according to its organisers",
    /// "Musicians at the orchestra ended their strike, their union said": an "its" or a
    /// "their" after its clause's subject most likely means that subject when it is a thing
    /// ("its") or a group ("their"), sooner than the body the article named last. The
    /// possessor read from the subject of the sentence holding the mention at byte `at`,
    /// if that subject ends before the mention and fits the pronoun.
    fn sentence_subject_possessor(
        &self,
        pronoun: &str,
        at: usize,
        end_word: usize,
    ) -> Option<Possessor> {
        let (text, tokens) = (self.text, self.tokens);
        let mention_first = tokens.partition_point(|token| token.span.start < at);
        let sentence_first = *self.sentence_first_token.get(mention_first)?;
        // The subject's head is the word before the first preposition, auxiliary or past
        // form, within six words: a longer subject is not read. Read past the sentence's
        // openers first, then from its first word ("This year's festival" opens with a
        // word that may open a time adverbial as well).
        let subject_from = |first: usize| {
            let stop = (first..mention_first.min(first + 7)).find(|&index| {
                !tokens[index].is_word()
                    || with_lowercase(tokens[index].text(text), |lower| {
                        is_phrase_preposition(lower)
                            || AUXILIARIES.contains(&lower)
                            || reads_as_past_tense(lower)
                            || cue_verb(lower).is_some()
                    })
            })?;
            (stop > first && tokens[stop].is_word()).then_some((first, stop))
        };
        let (first, stop) = subject_from(skip_opening_adverbials(
            text,
            tokens,
            sentence_first,
            mention_first,
        ))
        .or_else(|| subject_from(sentence_first))?;
        // The possessive must stay in the subject's clause: not after a quotation, a colon
        // or a semicolon, nor far beyond the subject.
        let clause_breaks = tokens[stop..mention_first].iter().any(|token| {
            token.kind == TokenKind::QuoteMark
                || matches!(token.text(text), ":" | ";" | "\u{2014}" | "\u{2013}")
        });
        if clause_breaks || mention_first - stop > 20 {
            return None;
        }
        let core_first = (first..stop)
            .find(|&index| !with_lowercase(tokens[index].text(text), is_determiner_or_number))?;
        let core: Vec<&str> = (core_first..stop)
            .map(|index| tokens[index].text(text))
            .collect();
        let last = strip_possessive(core[core.len() - 1]);
        if with_lowercase(last, |lower| {
            is_subject_pronoun(lower) || is_determiner(lower) || is_role_noun(lower)
        }) {
            return None;
        }
        let capitalised = core.iter().all(|word| is_capitalised(word));
        // "Musicians at ...": a lone word capitalised only because it opens the clause is
        // a common noun, unless the article names someone or something so.
        let clause_opener = core.len() == 1 && core_first == first;
        if capitalised {
            let joined = core
                .iter()
                .map(|word| strip_possessive(word))
                .collect::<Vec<_>>()
                .join(" ");
            let named = self.entities.iter().rposition(|entity| {
                matches!(
                    entity.kind,
                    SpeakerType::Organisation | SpeakerType::Country
                ) && (entity.canonical.eq_ignore_ascii_case(&joined)
                    || ends_with_word_ignoring_case(&entity.canonical, &joined))
            });
            if let Some(entity) = named {
                return Some(self.possessor_of_entity(entity, end_word));
            }
            let known_otherwise = self
                .entities
                .iter()
                .any(|entity| entity.canonical.eq_ignore_ascii_case(&joined));
            if !clause_opener || known_otherwise {
                return None;
            }
        }
        let head = last.to_lowercase();
        let plural = head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us");
        let fits = match pronoun {
            "its" => !plural && !is_group_noun(&head),
            _ => plural || is_group_noun(&head),
        };
        if !fits {
            return None;
        }
        if is_organisation_noun(&head) || is_company_noun(&head) {
            if let Some(entity) = self.organisation_by_head(&head, &[], at) {
                return Some(self.possessor_of_entity(entity, end_word));
            }
        }
        // "This year's book fair": the noun and the nouns before it after the last
        // possessive or determiner, lower-cased where they open the clause.
        let name_from = core
            .iter()
            .rposition(|word| {
                strip_possessive(word) != *word
                    || with_lowercase(word, |lower| is_determiner(lower) || lower == "this")
            })
            .map_or(0, |position| position + 1);
        let mut name_words: Vec<String> = core[name_from..core.len() - 1]
            .iter()
            .map(|word| word.to_string())
            .collect();
        name_words.push(match pronoun {
            "its" => last.to_string(),
            _ if plural => format!("{last}'"),
            _ => format!("{last}'s"),
        });
        if core_first + name_from == first {
            name_words[0] = name_words[0].to_lowercase();
        }
        let name = name_words.join(" ");
        Some(Possessor {
            name,
            person: false,
            modifiers: vec![head],
            entity: None,
            end_word,
        })
    }

    fn possessor_of_entity(&self, entity: usize, end_word: usize) -> Possessor {
        let found = &self.entities[entity];
        let person = found.kind == SpeakerType::Person;
        let name = match found.kind {
            SpeakerType::Country => self.demonym_for(&found.canonical),
            SpeakerType::Person if found.title_only => format!("the {}", found.canonical),
            _ => found.canonical.clone(),
        };
        Possessor {
            name,
            person,
            modifiers: found.name_words.to_vec(),
            entity: Some(entity),
            end_word,
        }
    }

    /// A country's adjective: the shared list's, or one the article itself uses
    /// ("Meravian" beside "Meravia"), or else the name.
    fn demonym_for(&self, country_name: &str) -> String {
        if let Some((demonym, _)) = DEMONYMS
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(country_name))
        {
            return demonym.to_string();
        }
        demonym_the_article_uses(self.text, country_name)
            .unwrap_or_else(|| country_name.to_string())
    }

    /// Who published "the statement", "its latest bulletin", "the board's own figures",
    /// "council figures": the possessor, a body named in the modifiers, or the body the
    /// article named last.
    fn document_author(
        &mut self,
        head: &str,
        possessor: &Option<Possessor>,
        modifiers: &[String],
        at: usize,
    ) -> Option<usize> {
        if let Some(found) = possessor {
            return found.entity;
        }
        if let Some(body) = modifiers
            .iter()
            .rev()
            .find(|word| is_organisation_noun(word) || is_company_noun(word))
        {
            return self.organisation_by_head(body, &[], at);
        }
        // "The minutes, published last week, recorded that ...": minutes are a meeting's
        // record, kept by the committee, board or council that met, sooner than by the
        // body named last.
        if modifiers.is_empty() && head == "minutes" {
            let meeting_body = self.mentions_before(at).find(|found| {
                let entity = &self.entities[found.entity];
                entity.kind == SpeakerType::Organisation
                    && entity.name_words.last().is_some_and(|last| {
                        matches!(
                            last,
                            "committee" | "board" | "council" | "commission" | "panel"
                        )
                    })
            });
            if let Some(found) = meeting_body {
                return Some(found.entity);
            }
        }
        if modifiers.is_empty() {
            return self.latest_body(at);
        }
        None
    }

    /// The body meant by "the ministry", "the company", "the authority": the latest one
    /// named with that word, or for a company noun the latest company.
    fn organisation_by_head(&self, head: &str, modifiers: &[String], at: usize) -> Option<usize> {
        let fits = |entity: &Entity| {
            entity.kind == SpeakerType::Organisation
                && (entity
                    .name_words
                    .iter()
                    .any(|word| strip_possessive(word) == head)
                    || (entity.name_words.last().is_some_and(|last| {
                        head == "airline" && matches!(last, "airways" | "airlines" | "air")
                    })))
                && modifiers
                    .iter()
                    .all(|modifier| entity.name_words.contains(modifier) || !entity.title_only)
        };
        let company_noun = is_company_noun(head);
        // "the company" means a named company before it means an earlier "company".
        let fits_named = |entity: &Entity| fits(entity) && !(company_noun && entity.title_only);
        let is_company = |entity: &Entity| {
            entity.kind == SpeakerType::Organisation
                && !entity.title_only
                && !entity.name_words.iter().any(is_public_body_word)
        };
        if let Some(found) = self
            .mentions_before(at)
            .find(|found| fits_named(&self.entities[found.entity]))
        {
            return Some(found.entity);
        }
        if company_noun {
            if let Some(found) = self
                .mentions_before(at)
                .find(|found| is_company(&self.entities[found.entity]))
            {
                return Some(found.entity);
            }
        }
        if let Some(entity) = self.entities.iter().rposition(fits_named) {
            return Some(entity);
        }
        if company_noun {
            // A headline's "company says" before the body names the company.
            return self.entities.iter().position(is_company);
        }
        None
    }

    fn latest_body(&self, at: usize) -> Option<usize> {
        self.mentions_before(at)
            .find(|found| {
                matches!(
                    self.entities[found.entity].kind,
                    SpeakerType::Organisation | SpeakerType::Country
                )
            })
            .map(|found| found.entity)
    }

    fn latest_of_kind(&self, kind: SpeakerType, at: usize) -> Option<usize> {
        self.mentions_before(at)
            .find(|found| self.entities[found.entity].kind == kind)
            .map(|found| found.entity)
    }

    /// A person or body named only by description: one entity per description, so that
    /// "the minister" and "she" can later mean it.
    fn add_title(&mut self, canonical: &str, kind: SpeakerType, gender: Option<Gender>) -> usize {
        let entity = self.find_or_add(canonical, kind, Some(canonical.to_string()), gender);
        let found = &mut self.entities[entity];
        if found.role.as_deref() == Some(canonical) {
            found.title_only = true;
        }
        entity
    }

    /// A title-only entity met again with a fuller description ("governor", then "the
    /// central bank's governor") takes the fuller one as its name.
    fn upgrade_title(&mut self, entity: usize, canonical: &str, modifiers: &[String]) {
        let found = &mut self.entities[entity];
        if !found.title_only || modifiers.is_empty() {
            return;
        }
        if canonical.split_whitespace().count() > found.canonical.split_whitespace().count() {
            found.canonical = canonical.to_string();
            found.role = Some(canonical.to_string());
            found.set_name_words(LowerCasedNameWords::of(canonical));
        }
    }

    /// "the transport minister" read outside any claim: the office's holder if the article
    /// named them, else an entity for the office itself.
    fn register_title(&mut self, first: usize, end: usize, prominent: bool) {
        let words = self.words(first, end);
        let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
        let head = lower[lower.len() - 1].clone();
        let modifiers: Vec<String> = lower[..lower.len() - 1]
            .iter()
            .map(|word| demonym_country(word).unwrap_or_else(|| word.clone()))
            .collect();
        let at = self.tokens[first].span.start;
        let canonical = words.join(" ");
        let entity = if is_role_noun(&head) || is_office_noun(&head) {
            match self.entity_holding_role(&head, &modifiers, at) {
                Some(entity) => {
                    self.upgrade_title(entity, &canonical, &modifiers);
                    entity
                }
                None => self.add_title(&canonical, SpeakerType::Person, role_gender(&head)),
            }
        } else {
            match self.organisation_by_head(&head, &modifiers, at) {
                Some(entity) => entity,
                None => self.add_title(&canonical, SpeakerType::Organisation, None),
            }
        };
        self.record_mention(EntityMention {
            entity,
            at,
            prominent,
            embedded_speaker: false,
        });
    }

    /// The most recently mentioned person whose role fits `head` and `modifiers` best.
    /// The person named last before byte `at` whose role is the office `head` of a named
    /// body ("chair of the Competition and Markets Authority" for "chair").
    fn holder_of_a_bodys_office(&self, head: &str, at: usize) -> Option<usize> {
        self.mentions_before(at)
            .find(|found| {
                let entity = &self.entities[found.entity];
                entity.kind == SpeakerType::Person
                    && !entity.title_only
                    && entity.role.as_deref().is_some_and(|role| {
                        role.strip_prefix(head)
                            .and_then(|rest| rest.strip_prefix(" of the "))
                            .is_some_and(|body| body.starts_with(char::is_uppercase))
                    })
            })
            .map(|found| found.entity)
    }

    fn entity_holding_role(
        &self,
        head: &str,
        modifiers: &[String],
        before: usize,
    ) -> Option<usize> {
        // An entity is mentioned many times, and its fit depends on the entity alone: each
        // is weighed once per call (long articles made this the resolver's hottest loop).
        let mut fits: Vec<Option<Option<usize>>> = vec![None; self.entities.len()];
        let mut fit_of = |index: usize| -> Option<usize> {
            *fits[index].get_or_insert_with(|| {
                let entity = &self.entities[index];
                if entity.kind != SpeakerType::Person {
                    return None;
                }
                entity
                    .role
                    .as_ref()
                    .and_then(|role| role_fit(role, head, modifiers))
            })
        };
        let mut best: Option<(usize, usize)> = None;
        for mention in self.mentions_before(before) {
            let Some(matched) = fit_of(mention.entity) else {
                continue;
            };
            if best.is_none_or(|(_, best_matched)| matched > best_matched) {
                best = Some((mention.entity, matched));
            }
        }
        if let Some((entity, _)) = best {
            return Some(entity);
        }
        (0..self.entities.len())
            .rev()
            .find(|&index| fit_of(index).is_some())
    }

    /// Records a mention in its place by position, after any recorded at the same byte.
    fn record_mention(&mut self, mention: EntityMention) {
        if !self.records_mentions {
            return;
        }
        // Nearly every mention comes after all recorded ones: the search ends at once.
        let place = if self
            .mentions
            .last()
            .is_none_or(|last| last.at <= mention.at)
        {
            self.mentions.len()
        } else {
            self.mentions
                .partition_point(|found| found.at <= mention.at)
        };
        self.mentions.insert(place, mention);
    }

    /// Mentions before byte `at`, nearest first, as a stable sort of them by position from
    /// the end would give: mentions at the same byte in the order they were recorded.
    /// Read lazily from the ordered list: most callers stop at the first that fits.
    fn mentions_before(&self, at: usize) -> NearestFirst<'_> {
        let end = self.mentions.partition_point(|found| found.at < at);
        NearestFirst {
            earlier: &self.mentions[..end],
            group: [].iter(),
        }
    }

    /// The entity a possessive pronoun ("her campaign manager") refers to.
    fn pronoun_antecedent(&self, pronoun: &str, at: usize) -> Option<usize> {
        self.pronoun_candidates(pronoun, at)
            .0
            .map(|found| found.entity)
    }

    /// The chosen antecedent of `pronoun` at byte `at`, and whether others were possible.
    fn pronoun_candidates(&self, pronoun: &str, at: usize) -> (Option<EntityMention>, bool) {
        // Whether the pronoun wants a person ("he", "she") or a body or country ("it",
        // "they"), told once rather than for every mention it is asked of.
        let wants_person = with_lowercase(pronoun, |lower| match lower {
            "he" | "she" => Some(true),
            "it" | "they" => Some(false),
            _ => None,
        });
        let Some(wants_person) = wants_person else {
            return (None, false);
        };
        let gender = pronoun_gender(pronoun);
        let wanted = |entity: &Entity| {
            if wants_person {
                entity.kind == SpeakerType::Person
                    && (gender.is_none() || entity.gender.is_none() || entity.gender == gender)
            } else {
                matches!(
                    entity.kind,
                    SpeakerType::Organisation | SpeakerType::Country
                )
            }
        };
        // The wanted ones among `mentions_before`, nearest first, read lazily each time:
        // every question below stops early, nearly always within the first few, where a
        // long article's list held hundreds.
        let candidates = || {
            self.mentions_before(at)
                .filter(|found| wanted(&self.entities[found.entity]))
        };
        let mut nearest = None;
        let mut chosen = None;
        let mut nearest_embedded_speaker = None;
        for found in candidates() {
            nearest.get_or_insert(found);
            if found.prominent {
                if found.embedded_speaker && nearest_embedded_speaker.is_none() {
                    nearest_embedded_speaker = Some(found);
                    continue;
                }
                chosen = Some(found);
                break;
            }
        }
        // The outer speaker wins over the one its claim reported only within the
        // pronoun's own paragraph; a pronoun further on means the nearer speaker.
        if let Some(embedded) = nearest_embedded_speaker {
            let paragraph = self.paragraph_at(at);
            if chosen.is_none_or(|outer| self.paragraph_at(outer.at) != paragraph) {
                chosen = Some(embedded);
            }
        }
        let mut chosen = chosen.or(nearest);
        // "... and Brazil's chief negotiator, Ana Paula Rocha, spoke to reporters. ... She
        // said": someone of the pronoun's known gender named earlier in the same paragraph
        // beats a speaker of unknown gender further back.
        if let (Some(found), Some(gender)) = (chosen, gender) {
            if self.entities[found.entity].gender.is_none() {
                let paragraph = self.paragraph_at(at);
                // Nearest first, the mentions after the chosen one all come before it.
                if let Some(nearer) =
                    candidates()
                        .take_while(|other| other.at > found.at)
                        .find(|other| {
                            self.entities[other.entity].gender == Some(gender)
                                && self.paragraph_at(other.at) == paragraph
                        })
                {
                    chosen = Some(nearer);
                }
            }
        }
        // "Jazmine Rowe's former manager ... she": the possessor whose gender the pronoun
        // states, rather than the description of unknown gender.
        if let Some(found) = chosen {
            let entity = &self.entities[found.entity];
            if let Some(possessor) = entity.possessor.filter(|_| entity.gender.is_none()) {
                if gender.is_some() && self.entities[possessor].gender == gender {
                    if let Some(other) = candidates().find(|other| other.entity == possessor) {
                        chosen = Some(other);
                    }
                }
            }
        }
        let others =
            chosen.is_some_and(|found| candidates().any(|other| other.entity != found.entity));
        (chosen, others)
    }

    /// The paragraph of the token at or after byte `at`.
    fn paragraph_at(&self, at: usize) -> usize {
        let index = self.tokens.partition_point(|token| token.span.start < at);
        self.tokens
            .get(index.min(self.tokens.len().saturating_sub(1)))
            .map_or(0, |token| token.paragraph)
    }

    fn resolve_pronoun(&mut self, mention: &MentionCandidate, pronoun: &str) -> ResolvedSpeaker {
        let gender = pronoun_gender(pronoun);
        let (chosen, others) = self.pronoun_candidates(pronoun, mention.span.start);
        match chosen {
            Some(found) => {
                if let Some(gender) = gender {
                    self.entities[found.entity].gender.get_or_insert(gender);
                }
                let confidence = if others { 0.8 } else { 0.9 };
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
        // Asked at every comma after a name: no character but an ASCII letter lower-cases
        // to one of these, so an ASCII comparison ignoring case says it without a copy.
        ["the", "a", "an"]
            .iter()
            .any(|article| word.eq_ignore_ascii_case(article))
            || strip_possessive(word) != word
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
    // "Zofia Kamińska, who chairs the Competition and Markets Authority,": the office a
    // relative clause gives, as "chair of the Competition and Markets Authority".
    if is_comma(end) && end + 3 < tokens.len() && tokens[end + 1].text(text) == "who" {
        let office = office_of_verb(tokens[end + 2].text(text));
        let close = (end + 3..(end + 12).min(tokens.len())).find(|&index| {
            tokens[index].kind != TokenKind::Word
                && !(tokens[index].kind == TokenKind::Punctuation
                    && tokens[index].text(text) == "&")
        });
        if let (Some(office), Some(close)) = (office, close) {
            let body = &text[tokens[end + 3].span.start..tokens[close - 1].span.end];
            let names_body = body.starts_with("the ")
                && tokens[close].is_punctuation(text, ',')
                && tokens[end + 4..close]
                    .iter()
                    .any(|token| is_capitalised(token.text(text)));
            if names_body {
                return Some(format!("{office} of {body}"));
            }
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

/// What `resolve_description` learns from a description's possessor.
#[derive(Debug, Clone)]
struct Possessor {
    /// How the possessor reads inside the speaker's name: "Elsa Brandt", "Meravian",
    /// "central bank"; empty when it adds nothing ("the government's culture ministry").
    name: String,
    /// A person's possessions read "Elsa Brandt's campaign manager".
    person: bool,
    /// Lower-case words that narrow a title ("foreign minister" of "germany").
    modifiers: Vec<String>,
    entity: Option<usize>,
    /// The word index the rest of the description starts at.
    end_word: usize,
}

/// The office a verb says someone holds ("chairs" the authority: its chair), for a
/// relative clause after a name.
fn office_of_verb(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "chairs" => "chair",
        "heads" => "head",
        "leads" => "leader",
        "directs" => "director",
        "manages" => "manager",
        "governs" => "governor",
        "coaches" => "coach",
        "edits" => "editor",
        "owns" => "owner",
        _ => return None,
    })
}

fn is_determiner_or_number(lower: &str) -> bool {
    is_number_word(lower)
        || matches!(
            lower,
            "the" | "a" | "an" | "another" | "dozens" | "several" | "some" | "many" | "both"
        )
        || lower.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// Words after the head of a description that start what narrows it ("people familiar
/// with the matter", "diplomats briefed on the talks", "a spokesman for the ministry").
fn is_phrase_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for"
            | "at"
            | "with"
            | "from"
            | "in"
            | "on"
            | "close"
            | "familiar"
            | "briefed"
            | "who"
            | "occupying"
            | "by"
    )
}

/// Offices the shared role nouns lack ("engineer").
fn is_office_noun(word: &str) -> bool {
    is_extra_office_noun(word)
}

/// The article text from token `first` to token `end` (exclusive), on one line.
fn words_text(text: &str, tokens: &[Token], first: usize, end: usize) -> String {
    if first >= end {
        return String::new();
    }
    let surface = &text[tokens[first].span.start..tokens[end - 1].span.end];
    let mut joined = String::with_capacity(surface.len());
    for word in surface.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

fn unknown_description(
    mention: &MentionCandidate,
    text: &str,
    role: Option<String>,
) -> ResolvedSpeaker {
    ResolvedSpeaker {
        mention: Some(mention.span),
        entity: None,
        description: Some((
            capitalise_first(&description_text(mention.span.slice(text))),
            SpeakerType::Unknown,
        )),
        role,
        confidence: 0.5,
    }
}

/// How well a person's `role` fits a description with `head` and `modifiers`: the number
/// of modifiers it shares, or `None` when it is another office. The foreign minister is
/// not the fisheries minister, and the deputy governor is not the governor; but a
/// description or a role that says less fits one that says more ("the minister").
fn role_fit(role: &str, head: &str, modifiers: &[String]) -> Option<usize> {
    // Most roles do not hold the head at all: they are turned away before any word of
    // theirs is copied.
    let holds_head = |word: &str| {
        word == head
            || word
                .strip_suffix(head)
                .is_some_and(|rest| rest.ends_with('-'))
    };
    if !role.split_whitespace().any(|word| {
        let word = strip_possessive(word);
        match demonym_country(word) {
            Some(country) => holds_head(&country),
            None => with_lowercase(word, holds_head),
        }
    }) {
        return None;
    }
    let role_words: Vec<String> = role
        .split_whitespace()
        .map(|word| strip_possessive(word).to_lowercase())
        .map(|word| demonym_country(&word).unwrap_or(word))
        .collect();
    if !role_words.iter().any(|word| holds_head(word)) {
        return None;
    }
    for rank in RANK_WORDS {
        let in_role = role_words.iter().any(|word| word == rank);
        let in_mention = modifiers.iter().any(|word| word == rank);
        if in_role != in_mention {
            return None;
        }
    }
    // A past holder is someone else than the holder named so far; the reverse ("the
    // director" for a person introduced as the former director) is left to the nearest
    // mention, since articles often drop the "former" once they have said it.
    let is_past_holder_word = |word: &String| PAST_HOLDER_WORDS.contains(&word.as_str());
    if modifiers.iter().any(is_past_holder_word) && !role_words.iter().any(is_past_holder_word) {
        return None;
    }
    let is_country = |word: &str| country(&capitalise_first(word)).is_some();
    let neutral = |word: &str| {
        word == head
            || matches!(
                word,
                "the" | "a" | "an" | "former" | "current" | "new" | "of" | "for"
            )
            || RANK_WORDS.contains(&word)
    };
    let matched = modifiers
        .iter()
        .filter(|modifier| role_words.contains(modifier))
        .count();
    let mention_only = modifiers
        .iter()
        .filter(|modifier| !role_words.contains(modifier) && !neutral(modifier))
        .collect::<Vec<_>>();
    let role_only = role_words
        .iter()
        .filter(|word| !modifiers.contains(word) && !neutral(word))
        .collect::<Vec<_>>();
    // Countries are another dimension than portfolios: "the German minister" may be the
    // finance minister, but not when both name different countries.
    let countries_clash = mention_only.iter().any(|word| is_country(word))
        && role_only.iter().any(|word| is_country(word));
    let portfolios_clash = mention_only.iter().any(|word| !is_country(word))
        && role_only.iter().any(|word| !is_country(word));
    (!countries_clash && !portfolios_clash).then_some(matched)
}

/// `index` is a lower-case office or body noun ("minister", "ministry") that a "the" and
/// one to three lower-case modifiers precede ("the transport minister"): the first
/// modifier's index. A title followed by a name or a possessive is left to the name.
fn title_description_before(text: &str, tokens: &[Token], index: usize) -> Option<usize> {
    // Asked of every lower-case word: only a "the" two or three tokens back can start such
    // a description (the walk below returns nothing otherwise), and looking for it costs
    // less than scanning the two word lists.
    let is_the_at = |at: usize| {
        let token = tokens[at];
        // The length first, then the three bytes as one number, not a `str` (no character
        // boundaries to check) nor a byte-by-byte comparison: `| 0x20` turns an ASCII
        // capital into its small letter, and only 'T' and 't' become 't' by it (so for 'h'
        // and 'e'), which is exactly comparing while ignoring ASCII case.
        token.span.end - token.span.start == 3 && {
            let bytes = &text.as_bytes()[token.span.start..token.span.end];
            (u32::from(bytes[0]) | u32::from(bytes[1]) << 8 | u32::from(bytes[2]) << 16) | 0x20_2020
                == u32::from_le_bytes([b't', b'h', b'e', 0])
        }
    };
    if !((index >= 2 && is_the_at(index - 2)) || (index >= 3 && is_the_at(index - 3))) {
        return None;
    }
    let word = tokens[index].text(text);
    if !(is_registered_office(word) || is_registered_body(word)) {
        return None;
    }
    if tokens.get(index + 1).is_some_and(|next| {
        (next.is_word() && is_capitalised(next.text(text))) || next.kind == TokenKind::QuoteMark
    }) {
        return None;
    }
    let mut first = index;
    while first > 0 && index - first < 3 {
        let before = tokens[first - 1];
        if !before.is_word() || before.paragraph != tokens[index].paragraph {
            return None;
        }
        let before_text = before.text(text);
        if before_text.eq_ignore_ascii_case("the") {
            return (first < index).then_some(first);
        }
        if is_capitalised(before_text)
            || strip_possessive(before_text) != before_text
            || super::lexicon::cue_verb(before_text).is_some()
            || !before_text.chars().all(char::is_alphabetic)
        {
            return None;
        }
        first -= 1;
    }
    None
}

/// "PORT ALDEN, Jan 14 (Wire) -" and a tabloid's "ROVERS boss Vince Malloy": words in
/// capitals at a paragraph's start that name no speaker (a dateline before its comma, or
/// a shouted opening word before lower-case text).
fn is_dateline_or_shouting(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    // Asked of every capitalised run: the cheap question first.
    let opens_paragraph = first == 0 || tokens[first - 1].paragraph != tokens[first].paragraph;
    if !opens_paragraph {
        return false;
    }
    let all_capitals = tokens[first..end].iter().all(|token| {
        let word = token.text(text);
        !token.is_word()
            || (word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase))
    });
    if !all_capitals {
        return false;
    }
    let dateline = tokens
        .get(end)
        .is_some_and(|next| next.is_punctuation(text, ','));
    // A shouted word stands before a lower-case description and a name ("POP superstar
    // Jazmine Rowe"); an acronym before its verb ("NATO said") is a name.
    let shouting = end == first + 1
        && tokens.get(end).is_some_and(|next| {
            next.is_word()
                && next
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && super::lexicon::cue_verb(next.text(text)).is_none()
        })
        && tokens
            .get(end + 1)
            .is_some_and(|after| after.is_word() && is_capitalised(after.text(text)));
    dateline || shouting
}

/// Whether a description's head is an office of the named public body that possesses it
/// ("its chair" of a commission), which news names "chair of the X".
fn role_of_public_body(head: &str, possessor: &Possessor, entities: &[Entity]) -> bool {
    is_role_noun(head)
        && !head.starts_with("spokes")
        && possessor.entity.is_some_and(|entity| {
            let entity = &entities[entity];
            entity.kind == SpeakerType::Organisation
                && !entity.title_only
                && entity.name_words.iter().any(is_public_body_word)
        })
}

/// The lower-cased words of a quote, for comparing a headline's quote with the body's.
fn content_words(text: &str) -> Vec<String> {
    text.split(|character: char| !character.is_alphanumeric() && character != '\'')
        .filter(|word| word.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// What a capitalised run's words say by themselves, whatever the article named before
/// them.
enum RunReading<'a> {
    /// No name: no words, days and months only, or a place.
    Nothing,
    /// A body's name ending in an organisation word, kept as written.
    Body(String),
    Named(NamedRun<'a>),
}

/// A run that may name someone: its titles, and the words of the name after them.
struct NamedRun<'a> {
    /// What an honorific or a title before the name says of the person's gender.
    gender: Option<Gender>,
    /// Where the name starts among the run's words, after honorifics and titles.
    name_start: usize,
    role: Option<String>,
    /// The name's words, possessives stripped, a hyphenated description before it dropped.
    name_words: Vec<&'a str>,
    /// What `name_words` name (`None`: nobody), kept for the runs that keep all of them.
    name: Option<RunName>,
}

/// The name a run's words give, with what those words alone tell about it.
struct RunName {
    text: String,
    word_count: usize,
    gender: Option<Gender>,
    country: Option<&'static str>,
    /// A lone word the shared list does not know as a country, whose adjective the
    /// article uses as well ("Varenia" beside "Varenian"): a country the story invents or
    /// the list lacks. Set by `Resolver::introduce`, which has the article's text.
    country_by_adjective: bool,
    organisation: bool,
}

/// Reads a capitalised run, `surface` in the text, whose words are `words`.
fn read_run<'a>(surface: &'a str, words: &[&'a str]) -> RunReading<'a> {
    if words.is_empty() || words.iter().all(|word| is_temporal_name(word)) || is_place_name(words) {
        return RunReading::Nothing;
    }
    if words.len() >= 2 && organisation_like(&words[words.len() - 1..]) {
        // A body's name is kept as written, inner possessives and "&" included
        // ("Government Actuary's Office", "General Workers' Union"): none of its words
        // is a title, even "General".
        let canonical = strip_possessive(without_leading_the(surface).trim())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return RunReading::Body(canonical);
    }
    let mut gender = None;
    let mut name_start = 0;
    if let Some(found) = honorific_gender(words[0]).or_else(|| religious_title(words[0])) {
        gender = found;
        name_start = 1;
    }
    let last_title = words
        .iter()
        .rposition(|word| is_role_noun(strip_possessive(word)) || honorific_gender(word).is_some());
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
    let mut name_words: Vec<&'a str> = words[name_start..]
        .iter()
        .map(|word| strip_possessive(word))
        .collect();
    // "Dad-of-three Jason Pell": a hyphenated description before the name.
    while name_words.len() >= 2 && is_hyphenated_description(name_words[0]) {
        name_words.remove(0);
    }
    let name = run_name(&name_words, gender);
    RunReading::Named(NamedRun {
        gender,
        name_start,
        role,
        name_words,
        name,
    })
}

/// What the words of a name say alone: `None` if they name nobody (none left, or a lone
/// role noun); `gender` is what the titles before them said.
fn run_name(name_words: &[&str], gender: Option<Gender>) -> Option<RunName> {
    if name_words.is_empty() {
        return None;
    }
    if name_words.len() == 1 && is_role_noun(name_words[0]) {
        return None;
    }
    let gender = if name_words.len() >= 2 {
        gender.or_else(|| given_name_gender(name_words[0]))
    } else {
        gender
    };
    let text = name_words.join(" ");
    let country = country(&text);
    // Asked only when the name is no country, as the resolver asks in that order.
    let organisation = country.is_none() && organisation_like(name_words);
    Some(RunName {
        text,
        word_count: name_words.len(),
        gender,
        country,
        country_by_adjective: false,
        organisation,
    })
}

/// "Dad-of-three", "Mother-of-two": a capitalised description, not part of a name
/// ("Lowe-Barrington" keeps its capitals after the hyphen).
fn is_hyphenated_description(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase))
}

/// How many words at the start of a mention only say when ("Yesterday", "This morning",
/// a live blog's "10:30"): `None` when the mention does not start with one.
fn leading_time_words(words: &[&str]) -> Option<usize> {
    let mut skip = 0;
    for word in words {
        // Asked of the first word of every mention: lower-cased on the stack.
        let is_time = with_lowercase(word, |lower| {
            matches!(
                lower,
                "yesterday"
                    | "today"
                    | "tonight"
                    | "this"
                    | "last"
                    | "earlier"
                    | "later"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "overnight"
                    | "meanwhile"
            ) || WEEKDAYS.contains(&lower)
        });
        if !is_time {
            break;
        }
        skip += 1;
    }
    Some(skip)
}

/// The position of "of"/"at"/"from" after a person's full name ("Priya Halvorsen of the
/// Green Alliance"), if the words before it are one.
fn person_before_preposition(words: &[&str]) -> Option<usize> {
    let position = words
        .iter()
        .position(|word| matches!(*word, "of" | "at" | "from"))?;
    let before = &words[..position];
    let name_words = before
        .iter()
        .filter(|word| !is_role_noun(strip_possessive(word)) && honorific_gender(word).is_none())
        .count();
    (name_words >= 2
        && before
            .iter()
            .all(|word| is_capitalised(word) && !is_capitalised_function_word(word))
        && !organisation_like(before)
        && !before.iter().any(|word| is_temporal_name(word)))
    .then_some(position)
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
    // Asked of every word of every role compared with a description: a packed table
    // rather than a scan of the list. Only an ASCII word can equal a demonym ignoring
    // ASCII case, and the first entry for a demonym wins, as the scan's would.
    static COUNTRIES_BY_DEMONYM: OnceLock<PackedWordTable<&'static str>> = OnceLock::new();
    if !word.is_ascii() {
        return None;
    }
    COUNTRIES_BY_DEMONYM
        .get_or_init(|| {
            PackedWordTable::new(
                DEMONYMS
                    .iter()
                    .rev()
                    .map(|(demonym, country)| (demonym.to_ascii_lowercase(), *country)),
            )
        })
        .get(word)
        .map(str::to_lowercase)
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

/// The adjective `text` makes of the place name `place` ending in "a", written as a word
/// of its own ("Meravian" beside "Meravia"), if the article uses one.
fn demonym_the_article_uses(text: &str, place: &str) -> Option<String> {
    if !place.ends_with('a') || place.contains(' ') {
        return None;
    }
    let adjective = format!("{place}n");
    // Most places' adjectives are nowhere in the article: `contains` tells that in a
    // vectorised pass, where the searcher below reads the text byte by byte (it ran for
    // many capitalised words of every article). Only an article that has the adjective
    // somewhere needs the occurrences read one by one.
    if !text.contains(adjective.as_str()) {
        return None;
    }
    let used = text.match_indices(&adjective).any(|(at, _)| {
        !text[at + adjective.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    });
    used.then_some(adjective)
}

fn capitalise_first(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// "Terry Gault, 63, who ...": the age a tabloid puts beside a name it introduces.
fn followed_by_age(after_name: &str) -> bool {
    let Some(rest) = after_name.strip_prefix(", ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with(',')
}
