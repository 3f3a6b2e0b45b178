//! The learned stage of extraction (`extract::tagger`): its output obeys the same span
//! invariants as the rules', it is deterministic, and it finds attributions the rules
//! alone miss. (Training is tested through `claimtrack train-tagger`.) Articles are
//! written for these tests, with invented people.

use claimtrack_core::extract::{embedded_model, extract_claims_with_tagger};
use claimtrack_core::{extract_claims, ClaimKind, ExtractedClaim};

/// Articles that lean on what the tagger adds: beliefs, endorsements, colons and cue
/// nouns, plus awkward typography (curly and unbalanced quotes, dashes, non-ASCII names).
const ARTICLES: &[&str] = &[
    "Harbour plan divides council\n\nMayor Ilse Brandvold believes the new ferry terminal will pay for itself within a decade.\n\nOpposition councillors accused her of ignoring the cost overruns at the old quay, and a local business group backed their call for an independent review.\n\n\u{201C}We will not sign a blank cheque,\u{201D} said Tomasz Wr\u{f3}bel, who leads the opposition group. \u{201C}Nobody in this town would.\u{201D}\n",
    "Brandvold: \u{2018}The terminal is a bargain\u{2019}\n\nAccording to a report by the port authority, traffic at the quay has doubled since 2019.\n\nThe authority\u{2019}s chief engineer, Mar\u{ed}a Oyelaran, described the old pier as \u{201C}tired but safe\u{201D} \u{2014} and said repairs could wait a year.\n\nA poll published on Friday found that most residents want the vote delayed.\n",
    "Strike talks collapse\n\nUnion leader Petra Nyg\u{e5}rd told members on Monday that the offer \"was an insult\" and that a walkout in March was now likely.\n\nThe employers' federation wants a two-year deal. Its spokesman said: \"We have moved a long way.\n\n\"We cannot move further without help from the government.\"\n\nNyg\u{e5}rd has called for mediation -- a step the federation rejected.\n",
];

fn assert_invariants(text: &str, claim: &ExtractedClaim) {
    assert!(!claim.parts.is_empty(), "a claim has at least one part");
    for part in &claim.parts {
        assert!(
            text.get(part.range()).is_some(),
            "part {part:?} is not on char boundaries"
        );
        assert!(!part.is_empty());
    }
    for pair in claim.parts.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "parts overlap: {:?}",
            claim.parts
        );
    }
    assert_eq!(claim.span.start, claim.parts[0].start);
    assert_eq!(claim.span.end, claim.parts[claim.parts.len() - 1].end);
    let joined: Vec<&str> = claim.parts.iter().map(|part| &text[part.range()]).collect();
    assert_eq!(claim.text, joined.join(" "));
    if let Some(mention) = &claim.mention {
        assert_eq!(text.get(mention.span.range()), Some(mention.text.as_str()));
    }
    if let (Some(cue), Some(span)) = (&claim.cue, claim.cue_span) {
        assert_eq!(text.get(span.range()), Some(cue.as_str()));
    }
    assert!((0.0..=1.0).contains(&claim.confidence));
}

#[test]
fn tagged_claims_keep_the_span_invariants() {
    let model = embedded_model().expect("the compiled-in tagger parses");
    for text in ARTICLES {
        for claim in extract_claims_with_tagger(text, None, Some(model)).claims {
            assert_invariants(text, &claim);
        }
    }
}

#[test]
fn spans_stay_valid_on_cut_and_mangled_articles() {
    let model = embedded_model().expect("the compiled-in tagger parses");
    for text in ARTICLES {
        // Every prefix ending on a char boundary, so quotations and sentences are cut
        // at every possible place.
        for (end, _) in text.char_indices().step_by(7) {
            let cut = &text[..end];
            for claim in extract_claims_with_tagger(cut, None, Some(model)).claims {
                assert_invariants(cut, &claim);
            }
        }
        let without_breaks = text.replace('\n', " ");
        for claim in extract_claims_with_tagger(&without_breaks, None, Some(model)).claims {
            assert_invariants(&without_breaks, &claim);
        }
    }
}

#[test]
fn extraction_with_the_tagger_is_deterministic() {
    for text in ARTICLES {
        let first = extract_claims(text, None);
        for _ in 0..3 {
            assert_eq!(extract_claims(text, None), first);
        }
    }
}

#[test]
fn the_tagger_finds_beliefs_and_endorsements_the_rules_miss() {
    let text = ARTICLES[0];
    let content = |claims: &[ExtractedClaim], words: &str| {
        claims.iter().any(|claim| claim.text.contains(words))
    };
    let rules = extract_claims_with_tagger(text, None, None).claims;
    let tagged = extract_claims(text, None).claims;
    let belief = "the new ferry terminal will pay for itself within a decade";
    assert!(!content(&rules, belief), "the rules have no belief cue");
    let claim = tagged
        .iter()
        .find(|claim| claim.text.contains(belief))
        .expect("the tagger reports the mayor's belief");
    assert_eq!(claim.kind, ClaimKind::Indirect);
    assert_eq!(claim.speaker.as_deref(), Some("Ilse Brandvold"));
    assert_eq!(claim.cue.as_deref(), Some("believes"));
    // The direct quote and its continuation are one claim, as annotators mark them.
    let quote = tagged
        .iter()
        .find(|claim| claim.text.starts_with("We will not sign a blank cheque"))
        .expect("the direct quote");
    assert_eq!(quote.parts.len(), 2);
    assert!(quote.text.ends_with("Nobody in this town would."));
}
