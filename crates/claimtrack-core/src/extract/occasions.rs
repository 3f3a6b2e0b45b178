//! Stage 7b, `occasions`: the day each claim was said, read the way a news reader reads
//! it. A claim whose own sentence names the day takes that day (`dates` finds and
//! resolves it). Otherwise the day comes from the occasion the claim belongs to: the
//! claim it continues, the speaker's earlier words in the same paragraph or the paragraph
//! before, a sentence that sets the scene ("At a meeting in the community hall last
//! Thursday, ..."), the day the lead sets for the people it names, or the live blog's
//! day. Words that move away from that occasion without naming a day ("in November",
//! "at the time", "in an interview", "has said") leave the claim undated, and so do
//! claims reported inside another claim and figures "according to" a source.
//!
//! Everything here is one pass over the claims in text order plus one pass over the
//! words of the sentences that hold claims, so its cost grows with the article, never
//! with claims times article.

use chrono::NaiveDate;

use super::attribute::{ClaimDraft, Document, SpeakerSource};
use super::dates::{self, FoundDate};
use super::lexicon::strip_possessive;
use super::segment::{self, Sentence};

/// Who a claim is attributed to, as far as dating needs it: equal keys are one speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerKey {
    Entity(usize),
    Description(String),
}

/// A claim's speaker for dating: its key, and the words that name it (the canonical name
/// or the description), used to see whether a scene-setting sentence names the speaker.
#[derive(Debug, Clone, Default)]
pub struct DatingSpeaker {
    pub key: Option<SpeakerKey>,
    pub name: Option<String>,
    /// Introduced as an analyst, economist or academic: someone the story asks for
    /// comment, not someone speaking at its occasion.
    pub commentator: bool,
    /// The speaker is an organisation, a body or a country.
    pub organisation: bool,
    /// For a speaker introduced as a member of a body ("its chairman", "the service's
    /// director"): the possessive, lower-cased ("its", "service").
    pub member_of: Option<String>,
}

/// How many claims back (or ahead) in a paragraph the carrying rules look: enough for any
/// paragraph a person writes, and a bound on the work for one that is not.
const LOOKAROUND: usize = 48;

/// What the claim's own sentence says about its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OwnTime {
    Day(NaiveDate),
    /// "said then": when the speaker's words before it were said.
    Then,
    /// Moved away from the occasion without a day ("in March", "at the time").
    Shifted,
    Unstated,
}

/// A date a sentence without claims sets for what follows ("But Bexley was unrepentant
/// last night.").
#[derive(Debug, Clone, Copy)]
struct SceneDate {
    date: NaiveDate,
    sentence: usize,
    paragraph: usize,
    /// The date opens the sentence ("At a meeting on Thursday, ..."), so it sets the scene
    /// for everyone the paragraph goes on to quote, not only for the people it names.
    opens_sentence: bool,
}

/// The day each draft was said, in the drafts' order.
pub fn said_on_dates(
    document: &Document<'_>,
    drafts: &[ClaimDraft],
    speakers: &[DatingSpeaker],
    published: Option<NaiveDate>,
) -> Vec<Option<NaiveDate>> {
    let count = drafts.len();
    let mut order: Vec<usize> = (0..count)
        .filter(|&i| !drafts[i].parts.is_empty())
        .collect();
    order.sort_by_key(|&i| (drafts[i].start(), i));

    let inside_claim = tokens_inside_claims(document, drafts);
    let embedded = embedded_claims(drafts, &order);
    let own = own_times(
        document,
        drafts,
        speakers,
        &order,
        &inside_claim,
        &embedded,
        published,
    );
    let scenes = scene_dates(document, drafts, &order, &inside_claim, published);
    let live_blog_from = live_blog_start(document);
    let lead = lead_paragraph(document);
    let lead_date = match live_blog_from {
        Some(_) => published,
        None => lead.and_then(|lead| lead_occasion_date(document, lead, &inside_claim, published)),
    };
    let perfect: Vec<bool> = drafts
        .iter()
        .map(|draft| present_perfect(document, draft))
        .collect();
    let past_perfect: Vec<bool> = drafts
        .iter()
        .map(|draft| past_perfect(document, draft))
        .collect();
    let whole_story_is_one_occasion = lead.is_some_and(|lead| reports_one_occasion(document, lead));
    let lead_first_sentence = lead.and_then(|lead| {
        let first_token = document.paragraphs[lead].first_token;
        document.sentence_of_token.get(first_token).copied()
    });

    let mut said_on: Vec<Option<NaiveDate>> = vec![None; count];
    // Speakers the lead's occasion dates: their words later in the article are from the
    // same occasion unless the article says otherwise.
    let mut occasion_speakers: Vec<SpeakerKey> = Vec::new();
    if let (Some(_), Some(sentence)) = (lead_date, lead_first_sentence) {
        for speaker in speakers {
            if let (Some(key), Some(name)) = (&speaker.key, &speaker.name) {
                if !occasion_speakers.contains(key) && sentence_names(document, sentence, name) {
                    occasion_speakers.push(key.clone());
                }
            }
        }
    }

    // Speakers the article interviewed on a given day ("In an interview on Monday,
    // Westbrook said ..."): a feature quotes them from that interview throughout.
    let mut interview_days: Vec<(SpeakerKey, NaiveDate)> = Vec::new();
    let mut scene_cursor = 0;
    let mut scene: Option<SceneDate> = None;
    for (position, &index) in order.iter().enumerate() {
        let draft = &drafts[index];
        let paragraph = paragraph_of(document, draft);
        while scene_cursor < scenes.len() && scenes[scene_cursor].sentence < draft.sentence {
            scene = Some(scenes[scene_cursor]);
            scene_cursor += 1;
        }
        let previous = position.checked_sub(1).map(|before| order[before]);
        let key = speakers.get(index).and_then(|speaker| speaker.key.as_ref());
        let same_speaker =
            |other: usize| key.is_some() && speakers.get(other).and_then(|s| s.key.as_ref()) == key;
        // A poll's findings ("in the latest poll") are dated as figures "according to" a
        // source are.
        let according_to = draft
            .cue
            .is_some_and(|cue| cue.form == super::cues::CueForm::AccordingTo);
        let in_live_blog = live_blog_from.is_some_and(|from| paragraph >= from);

        let own_time = match own[index] {
            // A live blog reports in the present perfect ("has told us"): no shift there.
            OwnTime::Unstated if perfect[index] && !in_live_blog => OwnTime::Shifted,
            other => other,
        };
        let date = match own_time {
            OwnTime::Day(date) => Some(date),
            OwnTime::Shifted => None,
            OwnTime::Then => order[..position]
                .iter()
                .rev()
                .copied()
                .take(LOOKAROUND)
                .take_while(|&other| paragraph_of(document, &drafts[other]) + 1 >= paragraph)
                .find(|&other| same_speaker(other))
                .and_then(|other| said_on[other]),
            OwnTime::Unstated if embedded[index] => None,
            OwnTime::Unstated => {
                let continues = matches!(
                    draft.speaker,
                    SpeakerSource::ContinuesPreviousClaim | SpeakerSource::SameAsPreviousInSentence
                );
                // The latest claim of the same speaker in this paragraph; words recalled in
                // the past perfect ("had said") or reported inside another claim set no
                // day for what the speaker says next.
                let earlier_same_speaker =
                    earlier_in_paragraph(document, drafts, &order[..position], paragraph)
                        .find(|&other| same_speaker(other) && !embedded[other])
                        .filter(|&other| !past_perfect[other]);
                // The speaker's words in the paragraph before (the last one with claims),
                // when this paragraph goes on with the same speaker; a live blog's new
                // time-stamped entry starts afresh.
                let previous_paragraph_same_speaker = previous
                    .filter(|&other| {
                        paragraph_of(document, &drafts[other]) < paragraph
                            && !is_time_stamped(document, paragraph)
                    })
                    .and_then(|last| {
                        let last_paragraph = paragraph_of(document, &drafts[last]);
                        earlier_in_paragraph(document, drafts, &order[..position], last_paragraph)
                            .find(|&other| same_speaker(other) && !embedded[other])
                    })
                    .filter(|&other| !is_headline(document, &drafts[other]));
                let names_speaker = |sentence: usize| {
                    speakers
                        .get(index)
                        .and_then(|speaker| speaker.name.as_deref())
                        .is_some_and(|name| sentence_names(document, sentence, name))
                };
                let first_claim_after = |scene: &SceneDate| {
                    previous.is_none_or(|other| drafts[other].sentence < scene.sentence)
                };
                let scene_in_paragraph = scene.filter(|scene| {
                    scene.paragraph == paragraph
                        && (scene.opens_sentence || names_speaker(scene.sentence))
                });
                let scene_before_paragraph = scene.filter(|scene| {
                    scene.paragraph + 1 == paragraph
                        && first_claim_after(scene)
                        && names_speaker(scene.sentence)
                        && !is_time_stamped(document, paragraph)
                });
                // Once the paragraph has moved to another day or away from the occasion,
                // a newcomer in it is not at the occasion either.
                let paragraph_left_occasion =
                    earlier_in_paragraph(document, drafts, &order[..position], paragraph).any(
                        |other| match own[other] {
                            OwnTime::Day(day) => Some(day) != lead_date,
                            OwnTime::Shifted | OwnTime::Then => true,
                            OwnTime::Unstated => false,
                        },
                    );
                if continues {
                    previous.and_then(|other| said_on[other])
                } else if according_to && !in_live_blog {
                    // Figures and documents "according to" a source were not said at the
                    // occasion, even when the source spoke there.
                    None
                } else if let Some(other) = earlier_same_speaker {
                    said_on[other]
                } else if let Some(scene) = scene_in_paragraph {
                    Some(scene.date)
                } else if let Some(date) = body_day_for_member(
                    document,
                    drafts,
                    speakers,
                    index,
                    &order[..position],
                    &said_on,
                    scene.filter(|scene| scene.paragraph == paragraph),
                ) {
                    Some(date)
                } else if let Some(later) = later_day_in_paragraph(
                    document,
                    drafts,
                    &order,
                    position,
                    &own,
                    &embedded,
                    &same_speaker,
                ) {
                    Some(later)
                } else if let Some(other) = previous_paragraph_same_speaker {
                    said_on[other]
                } else if let Some(scene) = scene_before_paragraph {
                    Some(scene.date)
                } else if let Some((_, day)) = interview_days
                    .iter()
                    .find(|(known, _)| key == Some(known))
                    .filter(|_| !in_live_blog)
                {
                    Some(*day)
                } else if in_live_blog {
                    published
                } else if key.is_some_and(|key| occasion_speakers.contains(key))
                    || (whole_story_is_one_occasion
                        && !paragraph_left_occasion
                        && !speakers
                            .get(index)
                            .is_some_and(|speaker| speaker.commentator))
                {
                    // A speaker the lead dates, or anyone in a one-occasion story who
                    // is not there to comment from outside it.
                    lead_date
                } else {
                    None
                }
            }
        };
        said_on[index] = date;
        if let (Some(day), Some(key)) = (date, key) {
            let interview_sentence = match own_time {
                OwnTime::Day(_) => Some(draft.sentence),
                _ => scene
                    .filter(|scene| scene.paragraph == paragraph && scene.date == day)
                    .map(|scene| scene.sentence),
            };
            if interview_sentence.is_some_and(|sentence| mentions_interview(document, sentence))
                && !interview_days.iter().any(|(known, _)| known == key)
            {
                interview_days.push((key.clone(), day));
            }
        }
        if let (Some(date), Some(lead_date), Some(key)) = (date, lead_date, key) {
            if date == lead_date && Some(paragraph) == lead && !occasion_speakers.contains(key) {
                occasion_speakers.push(key.clone());
            }
        }
    }
    date_headlines_from_body(document, drafts, &order, speakers, &own, &mut said_on);
    said_on
}

/// The drafts of `earlier` (indices in text order) at its end that lie in `paragraph`,
/// nearest first, at most `LOOKAROUND` of them.
fn earlier_in_paragraph<'a>(
    document: &'a Document<'_>,
    drafts: &'a [ClaimDraft],
    earlier: &'a [usize],
    paragraph: usize,
) -> impl Iterator<Item = usize> + 'a {
    earlier
        .iter()
        .rev()
        .copied()
        .take(LOOKAROUND)
        .take_while(move |&other| paragraph_of(document, &drafts[other]) == paragraph)
}

fn paragraph_of(document: &Document<'_>, draft: &ClaimDraft) -> usize {
    document
        .sentences
        .get(draft.sentence)
        .map_or(0, |sentence| sentence.paragraph)
}

/// `inside[i]`: token `i` lies in the words of some claim.
fn tokens_inside_claims(document: &Document<'_>, drafts: &[ClaimDraft]) -> Vec<bool> {
    let tokens = document.tokens;
    let mut inside = vec![false; tokens.len()];
    for draft in drafts {
        for part in &draft.parts {
            let first = tokens.partition_point(|token| token.span.start < part.start);
            for (flag, token) in inside[first..].iter_mut().zip(&tokens[first..]) {
                if token.span.end > part.end {
                    break;
                }
                *flag = true;
            }
        }
    }
    inside
}

/// `embedded[i]`: draft `i`'s cue lies inside the words of another claim of its sentence
/// ("Eriksen said Marchetti had assured him that ..."): the inner claim was said on a day
/// of its own, which only its own words can give.
fn embedded_claims(drafts: &[ClaimDraft], order: &[usize]) -> Vec<bool> {
    let mut embedded = vec![false; drafts.len()];
    for group in same_sentence_groups(drafts, order) {
        for &inner in group {
            let Some(cue) = drafts[inner].cue else {
                continue;
            };
            embedded[inner] = group.iter().any(|&outer| {
                outer != inner
                    && drafts[outer]
                        .parts
                        .iter()
                        .any(|part| part.contains(cue.span))
            });
        }
    }
    embedded
}

/// `order` (draft indices in text order) cut into runs of drafts from one sentence.
fn same_sentence_groups<'a>(
    drafts: &'a [ClaimDraft],
    order: &'a [usize],
) -> impl Iterator<Item = &'a [usize]> {
    order.chunk_by(|&left, &right| drafts[left].sentence == drafts[right].sentence)
}

/// Where a claim's sentence places it: the days and shifts outside every claim's words
/// and outside quotations, each given to the claim whose cue is nearest. A day inside
/// another claim's words can only belong to a claim reported inside that one.
fn own_times(
    document: &Document<'_>,
    drafts: &[ClaimDraft],
    speakers: &[DatingSpeaker],
    order: &[usize],
    inside_claim: &[bool],
    embedded: &[bool],
    published: Option<NaiveDate>,
) -> Vec<OwnTime> {
    let mut own = vec![OwnTime::Unstated; drafts.len()];
    let anchor = |index: usize| {
        drafts[index]
            .cue
            .map_or(drafts[index].start(), |cue| cue.span.start)
    };
    for group in same_sentence_groups(drafts, order) {
        let sentence_index = drafts[group[0]].sentence;
        let Some(sentence) = document.sentences.get(sentence_index) else {
            continue;
        };
        let outside_quotes = |token: usize| document.inside_quotation[token];
        let nearest = |token: usize, only_embedded: bool| {
            let position = document.tokens[token].span.start;
            group
                .iter()
                .copied()
                .filter(|&index| !only_embedded || embedded[index])
                .min_by_key(|&index| anchor(index).abs_diff(position))
        };
        let found: Vec<FoundDate> = dates::find_dates(
            document.text,
            document.tokens,
            sentence.first_token,
            sentence.end_token,
            &outside_quotes,
        );
        // The nearest day wins when a claim has several, so go from far to near.
        let mut best: Vec<(usize, usize, NaiveDate)> = Vec::new();
        for date in &found {
            let Some(day) = dates::resolve_date(date.mention, published) else {
                continue;
            };
            let owner = nearest(date.token, inside_claim[date.token]).or_else(|| {
                // A day inside one claim's words, with no claim reported inside it, can
                // still be when the same speaker said the sentence's other claim ("When
                // the minister presented his bill on October 14, he said ..."), if it is
                // not after publication.
                let position = document.tokens[date.token].span.start;
                let holder = group.iter().copied().find(|&index| {
                    drafts[index]
                        .parts
                        .iter()
                        .any(|part| part.start <= position && position < part.end)
                })?;
                // A day in a clause after the claim's cue in which the reporter reached
                // the speaker ("... when she spoke to reporters on Tuesday") is when the
                // claim itself was said, even where its words run on into that clause.
                let reached_then = drafts[holder].cue.is_some_and(|cue| {
                    dates::reporter_contact_clause(
                        document.text,
                        document.tokens,
                        cue.end_token,
                        date.token,
                    )
                    .is_some()
                });
                if reached_then {
                    return Some(holder);
                }
                let holder_key = speakers
                    .get(holder)
                    .and_then(|speaker| speaker.key.as_ref())?;
                if published.is_some_and(|published| day > published) {
                    return None;
                }
                group
                    .iter()
                    .copied()
                    .filter(|&index| {
                        // The day comes before that claim's cue, in the clause that leads
                        // up to it.
                        anchor(index) > position
                            && index != holder
                            && speakers.get(index).and_then(|speaker| speaker.key.as_ref())
                                == Some(holder_key)
                            && !drafts[index]
                                .parts
                                .iter()
                                .any(|part| part.start <= position && position < part.end)
                    })
                    .min_by_key(|&index| anchor(index).abs_diff(position))
            });
            let Some(owner) = owner else { continue };
            let distance = anchor(owner).abs_diff(document.tokens[date.token].span.start);
            match best.iter_mut().find(|(index, _, _)| *index == owner) {
                Some(entry) if entry.1 > distance => *entry = (owner, distance, day),
                Some(_) => {}
                None => best.push((owner, distance, day)),
            }
        }
        for (owner, _, day) in best {
            own[owner] = OwnTime::Day(day);
        }
        let outside_claims = |token: usize| inside_claim[token] || document.inside_quotation[token];
        let shifts = dates::find_time_shifts(
            document.text,
            document.tokens,
            sentence.first_token,
            sentence.end_token,
            &outside_claims,
        );
        for token in shifts {
            if let Some(owner) = nearest(token, false) {
                if own[owner] == OwnTime::Unstated {
                    own[owner] = OwnTime::Shifted;
                }
            }
        }
        for &index in group {
            if own[index] == OwnTime::Unstated {
                if said_later(document, &drafts[index]) {
                    own[index] = OwnTime::Shifted;
                } else if cue_neighbour_is(document, &drafts[index], 1, &["then"]) {
                    own[index] = OwnTime::Then;
                }
            }
        }
    }
    own
}

/// The word `offset` places from the cue (negative: before it), lower-cased, tested
/// against `expected`.
fn cue_neighbour_is(
    document: &Document<'_>,
    draft: &ClaimDraft,
    offset: isize,
    expected: &[&str],
) -> bool {
    let Some(cue) = draft.cue else { return false };
    let index = if offset < 0 {
        cue.first_token.checked_sub(offset.unsigned_abs())
    } else {
        cue.end_token.checked_add(offset as usize - 1)
    };
    index
        .and_then(|index| document.tokens.get(index))
        .filter(|token| token.is_word())
        .is_some_and(|token| {
            super::lexicon::with_lowercase(token.text(document.text), |lower| {
                expected.contains(&lower)
            })
        })
}

/// "said later", "later told", "once said": words right at the cue that take the claim
/// off the occasion.
fn said_later(document: &Document<'_>, draft: &ClaimDraft) -> bool {
    cue_neighbour_is(document, draft, -1, &["later", "once", "previously"])
        || cue_neighbour_is(document, draft, 1, &["later", "previously"])
}

/// "has said", "have long warned": said at some time, not on a day.
fn present_perfect(document: &Document<'_>, draft: &ClaimDraft) -> bool {
    cue_neighbour_is(document, draft, -1, &["has", "have"])
        || (cue_neighbour_is(document, draft, -2, &["has", "have"])
            && cue_neighbour_is(
                document,
                draft,
                -1,
                &["also", "repeatedly", "long", "often", "already", "since"],
            ))
}

/// "had said": a step back in time from the story's occasion.
fn past_perfect(document: &Document<'_>, draft: &ClaimDraft) -> bool {
    cue_neighbour_is(document, draft, -1, &["had"])
}

/// Days set by sentences that hold no claim, in text order: the scene for the claims
/// that follow. A wire dateline ("PORT ALDEN, Jan 14 (Continental Wire) -") is when the
/// story was filed, not a scene, and is skipped.
fn scene_dates(
    document: &Document<'_>,
    drafts: &[ClaimDraft],
    order: &[usize],
    inside_claim: &[bool],
    published: Option<NaiveDate>,
) -> Vec<SceneDate> {
    let mut sentences_with_claims: Vec<usize> =
        order.iter().map(|&index| drafts[index].sentence).collect();
    sentences_with_claims.dedup();
    // Only a paragraph with claims, or the one right before it, can set their scene, so
    // the rest of the article is never read here.
    let mut paragraph_has_claims = vec![false; document.paragraphs.len() + 1];
    for &index in order {
        if let Some(sentence) = document.sentences.get(drafts[index].sentence) {
            paragraph_has_claims[sentence.paragraph] = true;
        }
    }
    let mut scenes = Vec::new();
    let mut with_claims = sentences_with_claims.iter().peekable();
    for (index, sentence) in document.sentences.iter().enumerate() {
        while with_claims.peek().is_some_and(|&&other| other < index) {
            with_claims.next();
        }
        if with_claims.peek() == Some(&&index)
            || !(paragraph_has_claims[sentence.paragraph]
                || paragraph_has_claims[sentence.paragraph + 1])
        {
            continue;
        }
        let Some(first) = first_day_outside_claims(document, sentence, inside_claim) else {
            continue;
        };
        // A day after publication is a schedule ("appears before the committee on June
        // 19"), not a scene anyone spoke in.
        let Some(date) = dates::resolve_date(first.mention, published)
            .filter(|&date| published.is_none_or(|published| date <= published))
        else {
            continue;
        };
        let opens_sentence = opens_with_scene(document, sentence.first_token, first.token);
        scenes.push(SceneDate {
            date,
            sentence: index,
            paragraph: sentence.paragraph,
            opens_sentence,
        });
    }
    scenes
}

/// A date inside an opening phrase that sets a scene: the sentence starts with a
/// preposition or "Speaking" and the date comes before the phrase's comma.
fn opens_with_scene(document: &Document<'_>, first_token: usize, date_token: usize) -> bool {
    let opener = document.tokens[first_token].text(document.text);
    let scene_opener = matches!(
        opener,
        "At" | "In" | "On" | "During" | "Speaking" | "After" | "Late" | "Early"
    );
    scene_opener
        && !(first_token..date_token)
            .any(|token| document.tokens[token].is_punctuation(document.text, ','))
}

/// A month and day followed by an opening bracket: a wire dateline.
/// The first day `sentence` names outside quotations and every claim's words, a
/// dateline's day aside.
fn first_day_outside_claims(
    document: &Document<'_>,
    sentence: &Sentence,
    inside_claim: &[bool],
) -> Option<FoundDate> {
    let excluded = |token: usize| document.inside_quotation[token] || inside_claim[token];
    dates::find_dates(
        document.text,
        document.tokens,
        sentence.first_token,
        sentence.end_token,
        &excluded,
    )
    .into_iter()
    .find(|date| !is_dateline(document, date.token))
}

fn is_dateline(document: &Document<'_>, token: usize) -> bool {
    let tokens = document.tokens;
    tokens.get(token).is_some_and(|token| token.is_word())
        && tokens
            .get(token + 1)
            .is_some_and(|day| day.kind == super::segment::TokenKind::Number)
        && tokens
            .get(token + 2)
            .is_some_and(|next| next.is_punctuation(document.text, '('))
}

/// Whether the whole story reports one occasion, so that everyone it quotes without
/// another time spoke on the lead's day: a wire story filed under a dated dateline
/// ("PORT ALDEN, Jan 14 (Continental Wire) -"), or a news-conference story (the lead or
/// the paragraph after it is at a "news conference" or "press conference").
fn reports_one_occasion(document: &Document<'_>, lead: usize) -> bool {
    let paragraph = document.paragraphs[lead];
    let dated_dateline = (paragraph.first_token
        ..paragraph.end_token.min(paragraph.first_token + 12))
        .any(|token| is_dateline(document, token));
    let news_conference = (lead..(lead + 2).min(document.paragraphs.len())).any(|index| {
        let paragraph = document.paragraphs[index];
        (paragraph.first_token + 1..paragraph.end_token).any(|token| {
            let word = document.tokens[token].text(document.text);
            word.eq_ignore_ascii_case("conference")
                && matches!(
                    document.tokens[token - 1].text(document.text),
                    "news" | "press"
                )
        })
    });
    dated_dateline || news_conference
}

/// Whether paragraph `paragraph` opens with a live blog's time stamp.
fn is_time_stamped(document: &Document<'_>, paragraph: usize) -> bool {
    document
        .paragraphs
        .get(paragraph)
        .is_some_and(|paragraph| opens_with_time_stamp(paragraph.span.slice(document.text)))
}

/// The first paragraph of the story proper: the first with a full sentence of at least
/// a dozen words, which passes over the headline and any standfirst label.
fn lead_paragraph(document: &Document<'_>) -> Option<usize> {
    document.paragraphs.iter().position(|paragraph| {
        let words = document.tokens[paragraph.first_token..paragraph.end_token]
            .iter()
            .filter(|token| token.is_word())
            .count();
        let ends_a_sentence = document.tokens[paragraph.first_token..paragraph.end_token]
            .iter()
            .any(|token| token.is_punctuation(document.text, '.'));
        words >= 12 && ends_a_sentence
    })
}

/// The day the lead's first sentence sets for the story ("told reporters on Wednesday",
/// "last night blasted"), skipping the dateline; none when that sentence names no day.
fn lead_occasion_date(
    document: &Document<'_>,
    lead: usize,
    inside_claim: &[bool],
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let paragraph = document.paragraphs[lead];
    let sentence = document
        .sentences
        .get(*document.sentence_of_token.get(paragraph.first_token)?)?;
    if let Some(first) = first_day_outside_claims(document, sentence, inside_claim) {
        return dates::resolve_date(first.mention, published);
    }
    // "KESTON, July 3 (Agency) - Two workers were killed early on Thursday, the owner
    // said": the day the lead's news happened is the day it was filed, so the story is
    // that day's, even though the day stands inside the reported words.
    let everything = dates::find_dates(
        document.text,
        document.tokens,
        sentence.first_token,
        sentence.end_token,
        &|token: usize| document.inside_quotation[token],
    );
    let filed = everything
        .iter()
        .find(|date| is_dateline(document, date.token))
        .and_then(|date| dates::resolve_date(date.mention, published))?;
    everything
        .iter()
        .filter(|date| !is_dateline(document, date.token))
        .filter_map(|date| dates::resolve_date(date.mention, published))
        .find(|&day| day == filed)
}

/// The paragraph where a live blog's time-stamped entries begin ("21:40 - ..."), when at
/// least two paragraphs open with a time stamp: every entry reports its own day, which
/// is the blog's.
fn live_blog_start(document: &Document<'_>) -> Option<usize> {
    let mut first = None;
    let mut stamped = 0;
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if opens_with_time_stamp(paragraph.span.slice(document.text)) {
            stamped += 1;
            first.get_or_insert(index);
        }
    }
    first.filter(|_| stamped >= 2)
}

fn opens_with_time_stamp(paragraph: &str) -> bool {
    let bytes = paragraph.trim_start().as_bytes();
    let hours = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if !(1..=2).contains(&hours) || !matches!(bytes.get(hours), Some(b':' | b'.')) {
        return false;
    }
    let minutes = &bytes[hours + 1..];
    if minutes.len() < 2 || !minutes[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let rest = std::str::from_utf8(&minutes[2..])
        .unwrap_or("")
        .trim_start();
    rest.starts_with(['-', '\u{2013}', '\u{2014}'])
}

/// Whether the words of `name` (its last word, the one surnames and titles end on) occur
/// in sentence `sentence`, outside quotations.
fn sentence_names(document: &Document<'_>, sentence: usize, name: &str) -> bool {
    let Some(sentence) = document.sentences.get(sentence) else {
        return false;
    };
    let Some(last_word) = name.split_whitespace().last() else {
        return false;
    };
    (sentence.first_token..sentence.end_token).any(|token| {
        !document.inside_quotation[token] && document.tokens[token].is_word() && {
            strip_possessive(document.tokens[token].text(document.text)) == last_word
        }
    })
}

/// "The Selvar Canal Authority said yesterday that ... 'The hull is free,' its chairman,
/// Omar Haddad, told reporters.": a member of a body who speaks right after the body in
/// the same paragraph speaks at the same occasion, whether the body spoke (its latest
/// dated claim in the paragraph) or acted in a sentence that set the scene ("The National
/// Weather Service issued its highest warning yesterday. ... the service's director
/// said."). The speaker of draft `member` names the body by a possessive: "its" stands
/// for the body before, a word ("service") must be in the body's name or in the scene's
/// sentence.
fn body_day_for_member(
    document: &Document<'_>,
    drafts: &[ClaimDraft],
    speakers: &[DatingSpeaker],
    member: usize,
    earlier: &[usize],
    said_on: &[Option<NaiveDate>],
    scene_in_paragraph: Option<SceneDate>,
) -> Option<NaiveDate> {
    let member_of = speakers.get(member)?.member_of.as_deref()?;
    let paragraph = paragraph_of(document, &drafts[member]);
    let names_body = |name: &str| {
        member_of == "its"
            || name
                .split_whitespace()
                .any(|word| word.eq_ignore_ascii_case(member_of))
    };
    let body_claim = earlier_in_paragraph(document, drafts, earlier, paragraph).find(|&other| {
        speakers.get(other).is_some_and(|speaker| {
            speaker.organisation && speaker.name.as_deref().is_some_and(names_body)
        })
    });
    if let Some(date) = body_claim.and_then(|other| said_on[other]) {
        return Some(date);
    }
    let scene = scene_in_paragraph?;
    let sentence = document.sentences.get(scene.sentence)?;
    let scene_names_body = (sentence.first_token..sentence.end_token).any(|token| {
        document.tokens[token].is_word() && {
            strip_possessive(document.tokens[token].text(document.text))
                .eq_ignore_ascii_case(member_of)
        }
    });
    (member_of != "its" && scene_names_body).then_some(scene.date)
}

/// A day the same speaker's next claim in the paragraph names, when nobody else speaks in
/// between ("Stott said he did not recall it. 'It was a priority,' he said in an
/// interview on Monday.").
fn later_day_in_paragraph(
    document: &Document<'_>,
    drafts: &[ClaimDraft],
    order: &[usize],
    position: usize,
    own: &[OwnTime],
    embedded: &[bool],
    same_speaker: &dyn Fn(usize) -> bool,
) -> Option<NaiveDate> {
    let paragraph = paragraph_of(document, &drafts[order[position]]);
    for &other in order[position + 1..].iter().take(LOOKAROUND) {
        if paragraph_of(document, &drafts[other]) != paragraph {
            return None;
        }
        // A claim reported inside another keeps its day to itself.
        if embedded[other] {
            continue;
        }
        let continues = matches!(
            drafts[other].speaker,
            SpeakerSource::ContinuesPreviousClaim | SpeakerSource::SameAsPreviousInSentence
        );
        if !continues && !same_speaker(other) {
            return None;
        }
        match own[other] {
            OwnTime::Day(day) => return Some(day),
            OwnTime::Shifted | OwnTime::Then => return None,
            OwnTime::Unstated => {}
        }
    }
    None
}

/// A headline-like paragraph: one short sentence ([`segment::reads_as_headline`]).
fn is_headline(document: &Document<'_>, draft: &ClaimDraft) -> bool {
    let paragraph = paragraph_of(document, draft);
    let Some(paragraph) = document.paragraphs.get(paragraph) else {
        return false;
    };
    let one_sentence = document
        .sentence_of_token
        .get(paragraph.first_token)
        .zip(
            document
                .sentence_of_token
                .get(paragraph.end_token.saturating_sub(1)),
        )
        .is_some_and(|(first, last)| first == last);
    segment::reads_as_headline(
        document.text,
        document.tokens,
        paragraph.first_token,
        paragraph.end_token,
        one_sentence,
    )
}

/// A headline's quote takes the day of the same words in the story below: the first
/// later claim that repeats at least two of its longer words, or else the same speaker's
/// first claim in the paragraph right under the headline.
fn date_headlines_from_body(
    document: &Document<'_>,
    drafts: &[ClaimDraft],
    order: &[usize],
    speakers: &[DatingSpeaker],
    own: &[OwnTime],
    said_on: &mut [Option<NaiveDate>],
) {
    // A claim's words are compared with several headlines': each claim's are read once.
    let mut words_of: Vec<Option<Vec<&str>>> = vec![None; drafts.len()];
    for (position, &index) in order.iter().enumerate() {
        if own[index] != OwnTime::Unstated || !is_headline(document, &drafts[index]) {
            continue;
        }
        let words = words_of[index]
            .get_or_insert_with(|| content_words(document, &drafts[index]))
            .clone();
        let key = speakers.get(index).and_then(|speaker| speaker.key.as_ref());
        let paragraph = paragraph_of(document, &drafts[index]);
        let repeated = order[position + 1..]
            .iter()
            .copied()
            .take_while(|&other| paragraph_of(document, &drafts[other]) <= paragraph + 3)
            .find(|&other| {
                // A headline labels its speaker by a description ("Brewer:") that the
                // story below names otherwise, so the repeated words decide.
                let other_words =
                    words_of[other].get_or_insert_with(|| content_words(document, &drafts[other]));
                let shared = words
                    .iter()
                    .filter(|word| {
                        other_words
                            .iter()
                            .any(|other| other.eq_ignore_ascii_case(word))
                    })
                    .count();
                shared >= 2.min(words.len()).max(1)
            });
        // A headline over a story that does not repeat its words sums up what the
        // speaker said in the paragraph under it.
        let first_under_it = || {
            order[position + 1..]
                .iter()
                .copied()
                .take_while(|&other| paragraph_of(document, &drafts[other]) <= paragraph + 1)
                .find(|&other| {
                    let other_key = speakers.get(other).and_then(|speaker| speaker.key.as_ref());
                    paragraph_of(document, &drafts[other]) == paragraph + 1
                        && (key.is_none() || other_key == key)
                })
        };
        if let Some(other) = repeated.or_else(first_under_it) {
            said_on[index] = said_on[other];
        }
    }
}

/// The claim's words of four letters or more, as written (compared ignoring case).
fn content_words<'a>(document: &Document<'a>, draft: &ClaimDraft) -> Vec<&'a str> {
    // Sized for about one word in six bytes, so that the vector rarely grows.
    let mut words = Vec::with_capacity(
        draft
            .parts
            .iter()
            .map(|part| (part.end - part.start) / 6 + 1)
            .sum(),
    );
    for part in &draft.parts {
        let first = document
            .tokens
            .partition_point(|token| token.span.start < part.start);
        for token in &document.tokens[first..] {
            if token.span.end > part.end {
                break;
            }
            if token.is_word() {
                let word = token.text(document.text);
                if word.chars().count() >= 4 {
                    words.push(word);
                }
            }
        }
    }
    words
}

/// Roles of people a story asks for comment rather than quotes at its occasion.
pub fn is_commentator_role(role: &str) -> bool {
    // Asked for every claim's speaker: the words are compared ignoring ASCII case in
    // place, as lower-casing them first would.
    role.split(|c: char| !c.is_alphabetic()).any(|word| {
        [
            "analyst",
            "analysts",
            "economist",
            "economists",
            "professor",
            "strategist",
            "researcher",
        ]
        .iter()
        .any(|noun| noun.eq_ignore_ascii_case(word))
    })
}

/// The body a role says its holder belongs to: "its chairman" -> "its", "the service's
/// director" -> "service"; `None` for a role without a possessive ("chairman").
pub fn member_of(role: &str) -> Option<String> {
    let first = role.split_whitespace().next()?;
    if first.eq_ignore_ascii_case("its") || first.eq_ignore_ascii_case("their") {
        return Some("its".to_string());
    }
    role.split_whitespace().find_map(|word| {
        let bare = strip_possessive(word);
        (bare.len() < word.len() && !bare.is_empty()).then(|| bare.to_lowercase())
    })
}

/// Whether sentence `sentence` speaks of an interview ("In an interview at his office on
/// Monday, ..."), outside quotations.
fn mentions_interview(document: &Document<'_>, sentence: usize) -> bool {
    let Some(sentence) = document.sentences.get(sentence) else {
        return false;
    };
    (sentence.first_token..sentence.end_token).any(|token| {
        !document.inside_quotation[token] && {
            let word = document.tokens[token].text(document.text);
            word.eq_ignore_ascii_case("interview") || word.eq_ignore_ascii_case("interviews")
        }
    })
}
