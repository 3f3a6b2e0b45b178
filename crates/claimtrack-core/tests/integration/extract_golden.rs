//! Golden tests for extraction: one article per behaviour, written for these tests, with
//! the expected claims beside it. `UPDATE_EXPECT=1 cargo test` rewrites the expectations;
//! review the diff before committing it.

use chrono::NaiveDate;
use claimtrack_core::{extract_claims, ExtractedClaim};
use expect_test::{expect, Expect};

fn render(text: &str, claim: &ExtractedClaim) -> String {
    let mut line = format!("{} {:?}", claim.kind, claim.text);
    match &claim.speaker {
        Some(speaker) => line += &format!("\n    speaker: {speaker} ({})", claim.speaker_type),
        None => line += "\n    speaker: none",
    }
    if let Some(role) = &claim.speaker_role {
        line += &format!(" role: {role}");
    }
    if let Some(mention) = &claim.mention {
        line += &format!(" mention: {:?}", mention.text);
    }
    if let Some(cue) = &claim.cue {
        line += &format!(" cue: {cue}");
    }
    if let Some(date) = claim.said_on {
        line += &format!(" date: {date}");
    }
    line += &format!(" confidence: {:.2}", claim.confidence);
    assert_spans_slice_back(text, claim);
    line
}

/// Every span must slice the original text on char boundaries, and the claim's text must
/// be exactly its parts as sliced.
fn assert_spans_slice_back(text: &str, claim: &ExtractedClaim) {
    let sliced: Vec<&str> = claim.parts.iter().map(|part| &text[part.range()]).collect();
    assert_eq!(claim.text, sliced.join(" "));
    assert_eq!(claim.span.start, claim.parts[0].start);
    assert_eq!(claim.span.end, claim.parts[claim.parts.len() - 1].end);
    for pair in claim.parts.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "parts out of order: {:?}",
            claim.parts
        );
    }
    if let Some(mention) = &claim.mention {
        assert_eq!(&text[mention.span.range()], mention.text);
    }
    if let Some(cue_span) = claim.cue_span {
        assert_eq!(Some(&text[cue_span.range()]), claim.cue.as_deref());
    }
}

fn check_published(article: &str, published: Option<NaiveDate>, expected: Expect) {
    let extraction = extract_claims(article, published);
    let rendered: Vec<String> = extraction
        .claims
        .iter()
        .map(|claim| render(article, claim))
        .collect();
    let mut output = rendered.join("\n");
    for warning in &extraction.warnings {
        output += &format!("\nwarning at {}: {}", warning.at, warning.message);
    }
    expected.assert_eq(&output);
}

fn check(article: &str, expected: Expect) {
    check_published(article, NaiveDate::from_ymd_opt(2026, 3, 6), expected);
}

#[test]
fn direct_quote_with_cue_after_and_surname_resolution() {
    check(
        "Keller promises tax relief\n\nBERLIN (Wire) - German Finance Minister Maria Keller said on Tuesday that the budget would be balanced by next year.\n\n\"We will cut taxes for families, and we will do it this spring,\" Keller told reporters.\n",
        expect![[r#"
            indirect "the budget would be balanced by next year"
                speaker: Maria Keller (person) role: German Finance Minister mention: "German Finance Minister Maria Keller" cue: said date: 2026-03-03 confidence: 0.90
            direct "We will cut taxes for families, and we will do it this spring"
                speaker: Maria Keller (person) role: German Finance Minister mention: "Keller" cue: told date: 2026-03-03 confidence: 0.97"#]],
    );
}

#[test]
fn curly_and_single_quotes_and_cue_before_quote() {
    check(
        "Harbour plan \u{2018}dead in the water\u{2019}, says mayor\n\nMayor Tomas Brandt told the council on Wednesday: \u{201C}The harbour plan is finished. We start again in May.\u{201D}\n\nCouncillor Ines Vogt said, 'I have never seen a project collapse so quickly.'\n",
        expect![[r#"
            mixed "Harbour plan ‘dead in the water’"
                speaker: Tomas Brandt (person) role: Mayor mention: "mayor" cue: says date: 2026-03-04 confidence: 0.87
            direct "The harbour plan is finished. We start again in May."
                speaker: Tomas Brandt (person) role: Mayor mention: "Mayor Tomas Brandt" cue: told date: 2026-03-04 confidence: 0.97
            direct "I have never seen a project collapse so quickly."
                speaker: Ines Vogt (person) role: Councillor mention: "Councillor Ines Vogt" cue: said confidence: 0.97"#]],
    );
}

#[test]
fn straight_opening_mark_closed_by_curly_mark() {
    check(
        "Union rejects offer\n\n\"This offer insults every nurse in the country,\u{201D} said Petra Lang, head of the nurses' union.\n",
        expect![[r#"
            direct "This offer insults every nurse in the country"
                speaker: Petra Lang (person) role: head of the nurses' union mention: "Petra Lang" cue: said confidence: 0.97"#]],
    );
}

#[test]
fn quote_interrupted_by_its_attribution_is_one_claim() {
    check(
        "Strike talks\n\n\"We are not going back to work tomorrow,\" said union leader Petra Lang, \"and we will not go back next week either.\"\n\n\"The offer is fair,\" the transport minister, Jonas Eck, said on Thursday, \"and it will not get better.\"\n",
        expect![[r#"
            direct "We are not going back to work tomorrow, and we will not go back next week either."
                speaker: Petra Lang (person) mention: "union leader Petra Lang" cue: said confidence: 0.97
            direct "The offer is fair, and it will not get better."
                speaker: Jonas Eck (person) role: transport minister mention: "Jonas Eck" cue: said date: 2026-03-05 confidence: 0.96"#]],
    );
}

#[test]
fn quote_running_over_several_paragraphs() {
    check(
        "Minister defends budget\n\nFinance Minister Maria Keller was unapologetic on Monday. \"Nobody enjoys cutting spending.\n\n\"But the alternative is a debt that our children will pay for,\" she said.\n\n\"And they did not vote for it.\"\n",
        expect![[r#"
            direct "Nobody enjoys cutting spending. But the alternative is a debt that our children will pay for"
                speaker: Maria Keller (person) role: Finance Minister mention: "she" cue: said date: 2026-03-02 confidence: 0.94
            direct "And they did not vote for it."
                speaker: Maria Keller (person) role: Finance Minister mention: "she" date: 2026-03-02 confidence: 0.82"#]],
    );
}

#[test]
fn mixed_quotes_inside_reported_speech() {
    check(
        "Coalition talks\n\nMaria Keller said the coalition is \"ready to listen\" to the opposition's demands.\n\nThe ministry said Friday that the governor had \"categorically\" refused to release the files.\n",
        expect![[r#"
            mixed "the coalition is \"ready to listen\" to the opposition's demands"
                speaker: Maria Keller (person) mention: "Maria Keller" cue: said confidence: 0.93
            mixed "the governor had \"categorically\" refused to release the files"
                speaker: ministry (organisation) mention: "The ministry" cue: said date: 2026-03-06 confidence: 0.82"#]],
    );
}

#[test]
fn indirect_speech_with_and_without_that() {
    check(
        "Fishing quotas\n\nNorway said Thursday that it would not accept the new fishing quotas.\n\nThe European Commission said the quotas were based on the best available science.\n\nThe talks will resume next month, according to the ministry.\n\nAccording to the Commission, about 40 vessels are affected.\n",
        expect![[r#"
            indirect "it would not accept the new fishing quotas"
                speaker: Norway (country) mention: "Norway" cue: said date: 2026-03-05 confidence: 0.90
            indirect "the quotas were based on the best available science"
                speaker: European Commission (organisation) mention: "The European Commission" cue: said confidence: 0.91
            indirect "The talks will resume next month"
                speaker: ministry (organisation) mention: "the ministry" cue: according to confidence: 0.77
            indirect "about 40 vessels are affected"
                speaker: European Commission (organisation) mention: "the Commission" cue: According to confidence: 0.88"#]],
    );
}

#[test]
fn titles_of_shows_and_scare_quotes_are_not_claims() {
    check(
        "Radio interview\n\nKeller said on \"Morning Edition\" that the deal was close.\n\nThe so-called \"bazooka\" fund has not been used. Critics call it a \"paper tiger\".\n\nShe appeared on \"Late Night Live\" last year.\n",
        expect![[r#"
            indirect "the deal was close"
                speaker: Keller (person) mention: "Keller" cue: said confidence: 0.78
            mixed "it a \"paper tiger\""
                speaker: Critics (unknown) mention: "Critics" cue: call confidence: 0.87"#]],
    );
}

#[test]
fn appositive_roles_and_inverted_cues() {
    check(
        "Budget vote\n\nMaria Keller, the German finance minister, said the vote would go ahead.\n\n\"There is no plan B,\" said Keller.\n\nGermany's foreign minister, Lukas Brandt, said the talks had been \"constructive\".\n\n\"We remain hopeful,\" Brandt added.\n",
        expect![[r#"
            indirect "the vote would go ahead"
                speaker: Maria Keller (person) role: German finance minister mention: "Maria Keller" cue: said confidence: 0.87
            direct "There is no plan B"
                speaker: Maria Keller (person) role: German finance minister mention: "Keller" cue: said confidence: 0.95
            mixed "the talks had been \"constructive\""
                speaker: Lukas Brandt (person) role: Germany's foreign minister mention: "Lukas Brandt" cue: said confidence: 0.91
            direct "We remain hopeful"
                speaker: Lukas Brandt (person) role: Germany's foreign minister mention: "Brandt" cue: added confidence: 0.94"#]],
    );
}

#[test]
fn titles_and_descriptions_resolve_to_the_earlier_person() {
    check(
        "Summit ends\n\nPresident Anna Lind opened the summit in Oslo, where Finance Minister Maria Keller also spoke.\n\n\"We owe our voters results,\" the president said.\n\n\"Results are coming,\" the minister said.\n\nThe finance minister added that a deal was possible by June.\n",
        expect![[r#"
            direct "We owe our voters results"
                speaker: Anna Lind (person) role: President mention: "the president" cue: said confidence: 0.90
            direct "Results are coming"
                speaker: Maria Keller (person) role: Finance Minister mention: "the minister" cue: said confidence: 0.90
            indirect "a deal was possible by June"
                speaker: Maria Keller (person) role: Finance Minister mention: "The finance minister" cue: added confidence: 0.83"#]],
    );
}

#[test]
fn pronouns_resolve_to_the_most_recent_compatible_speaker() {
    check(
        "Rival plans\n\n\"The plan will fail,\" said Mr. Jonas Eck, the opposition leader.\n\nMaria Keller disagreed. \"It will work,\" she said.\n\n\"I have seen the numbers,\" he told reporters later.\n",
        expect![[r#"
            direct "The plan will fail"
                speaker: Jonas Eck (person) role: opposition leader mention: "Mr. Jonas Eck" cue: said confidence: 0.95
            direct "It will work"
                speaker: Maria Keller (person) mention: "she" cue: said confidence: 0.90
            direct "I have seen the numbers"
                speaker: Jonas Eck (person) role: opposition leader mention: "he" cue: told confidence: 0.92"#]],
    );
}

#[test]
fn quote_only_paragraph_continues_the_previous_speaker() {
    check(
        "Farmers protest\n\n\"We cannot sell below cost,\" said farmer Lena Hof, who drove her tractor 200 kilometres to the capital.\n\n\"Every week we lose money. Every week more farms close.\"\n\nThe agriculture ministry said it would meet the farmers' union on Monday.\n",
        expect![[r#"
            direct "We cannot sell below cost"
                speaker: Lena Hof (person) mention: "farmer Lena Hof" cue: said confidence: 0.95
            direct "Every week we lose money. Every week more farms close."
                speaker: Lena Hof (person) mention: "farmer Lena Hof" confidence: 0.86
            indirect "it would meet the farmers' union on Monday"
                speaker: agriculture ministry (organisation) mention: "The agriculture ministry" cue: said confidence: 0.85"#]],
    );
}

#[test]
fn organisations_and_countries_as_speakers() {
    check(
        "Drone sale\n\nThe Pentagon said the drones would be delivered within a year.\n\n\"The sale strengthens a key ally,\" the State Department said in a statement.\n\nRussia warned that the sale would \"destabilise the region\".\n\nThe Commission noted that no export licence had been issued.\n",
        expect![[r#"
            indirect "the drones would be delivered within a year"
                speaker: Pentagon (organisation) mention: "The Pentagon" cue: said confidence: 0.90
            direct "The sale strengthens a key ally"
                speaker: State Department (organisation) mention: "the State Department" cue: said confidence: 0.96
            mixed "the sale would \"destabilise the region\""
                speaker: Russia (country) mention: "Russia" cue: warned confidence: 0.92
            indirect "no export licence had been issued"
                speaker: Commission (organisation) mention: "The Commission" cue: noted confidence: 0.89"#]],
    );
}

#[test]
fn weekday_and_calendar_dates_resolve_against_publication() {
    check_published(
        "Port strike\n\nThe port authority said on Monday that traffic had resumed.\n\n\"We lost three days,\" harbour master Ole Berg said last Friday.\n\nOn Aug. 18 the union said it would strike again.\n\nThe company said Friday's talks had failed.\n",
        NaiveDate::from_ymd_opt(2026, 8, 21),
        expect![[r#"
            indirect "traffic had resumed"
                speaker: port authority (organisation) mention: "The port authority" cue: said date: 2026-08-17 confidence: 0.80
            direct "We lost three days"
                speaker: Ole Berg (person) mention: "harbour master Ole Berg" cue: said date: 2026-08-14 confidence: 0.95
            indirect "it would strike again"
                speaker: union (organisation) mention: "the union" cue: said date: 2026-08-18 confidence: 0.75
            indirect "Friday's talks had failed"
                speaker: company (organisation) mention: "The company" cue: said confidence: 0.76"#]],
    );
}

#[test]
fn dates_stay_unresolved_without_a_publication_date() {
    check_published(
        "Port strike\n\nThe port authority said on Monday that traffic had resumed.\n",
        None,
        expect![[r#"
            indirect "traffic had resumed"
                speaker: port authority (organisation) mention: "The port authority" cue: said confidence: 0.80"#]],
    );
}

#[test]
fn cue_verbs_in_many_tenses_and_forms() {
    check(
        "Hospital funding\n\nThe health minister has argued that hospitals need more money.\n\nDoctors insisted that waiting lists were growing.\n\n\"We are at breaking point,\" one nurse wrote in a letter to the minister.\n\nThe minister denied that any hospital would close, saying the budget was secure.\n\nHospital managers warned that \"winter will be worse\".\n",
        expect![[r#"
            indirect "hospitals need more money"
                speaker: health minister (person) role: health minister mention: "The health minister" cue: argued confidence: 0.82
            indirect "waiting lists were growing"
                speaker: Doctors (unknown) mention: "Doctors" cue: insisted confidence: 0.84
            direct "We are at breaking point"
                speaker: nurse (person) role: nurse mention: "one nurse" cue: wrote confidence: 0.79
            indirect "any hospital would close"
                speaker: health minister (person) role: health minister mention: "The minister" cue: denied confidence: 0.82
            indirect "the budget was secure"
                speaker: health minister (person) role: health minister mention: "The minister" cue: saying confidence: 0.79
            mixed "\"winter will be worse\""
                speaker: Hospital managers (unknown) mention: "Hospital managers" cue: warned confidence: 0.86"#]],
    );
}

#[test]
fn anonymous_sources_are_kept_as_descriptions() {
    check(
        "Cabinet reshuffle\n\nA senior official said the reshuffle would take place next week.\n\nPeople familiar with the matter said three ministers would leave.\n",
        expect![[r#"
            indirect "the reshuffle would take place next week"
                speaker: senior official (person) role: senior official mention: "A senior official" cue: said confidence: 0.73
            indirect "three ministers would leave"
                speaker: People familiar with the matter (unknown) mention: "People familiar with the matter" cue: said confidence: 0.84"#]],
    );
}

#[test]
fn hostile_and_degenerate_text_is_safe() {
    for text in [
        "",
        "\"",
        "\"\"\"\"",
        "\u{201C}\u{201D}\u{2018}\u{2019}",
        "said said said",
        "\" said \" said",
        "a\u{0}b\"c",
        "\u{05E9}\u{05DC}\u{05D5}\u{05DD} \"\u{05E2}\u{05D5}\u{05DC}\u{05DD}\" said Keller.",
        "\n\n\n",
        "\"unclosed quote said Keller",
    ] {
        let extraction = extract_claims(text, None);
        for claim in &extraction.claims {
            assert_spans_slice_back(text, claim);
        }
        assert_eq!(
            extraction,
            extract_claims(text, None),
            "extraction must be deterministic"
        );
    }
}

/// A brief's title of a label, a colon and a quote is a claim; a label that names a
/// function or a person speaks, a topic label names nobody.
#[test]
fn headline_label_quotes_are_claims() {
    check(
        "Morning briefing: four things to know\n\nHarbour master: \u{201c}The east quay stays shut until spring\u{201d}\n\nThe harbour master, Oskar Lindgren, said on Thursday that the east quay would stay shut until the spring tides had passed.\n\nHeatwave: \"Drink water and stay indoors\"\n\nThe health agency told residents to drink water and stay indoors until Sunday.\n",
        expect![[r#"
            direct "The east quay stays shut until spring"
                speaker: Oskar Lindgren (person) role: harbour master mention: "Oskar Lindgren" date: 2026-03-05 confidence: 0.84
            indirect "the east quay would stay shut until the spring tides had passed"
                speaker: Oskar Lindgren (person) role: harbour master mention: "Oskar Lindgren" cue: said date: 2026-03-05 confidence: 0.92
            direct "Drink water and stay indoors"
                speaker: Heatwave (person) mention: "Heatwave" cue: : confidence: 0.80"#]],
    );
}

/// A question a reporter puts is not a claim, nor a question put to the speaker before an
/// answer; the answer is.
#[test]
fn reporters_questions_are_not_claims() {
    check(
        "Minister defends hospital targets\n\nThe health minister, Rosa Albescu, said on Wednesday that the new targets were realistic.\n\nAnother reporter asked: \"Will the clinics choose their own patients?\"\n\n\"Is that new money or not?\"\n\n\u{201c}Minister, your last target slipped,\u{201d} one reporter said. \u{201c}Why trust this one?\u{201d}\n\nReporters pressed her on staffing. \"Will the clinics hire abroad?\" one asked.\n\nAsked by a reporter, \"Did you consider resigning?\", Albescu replied: \"I considered everything. Then I stayed.\"\n\nAlbescu was asked as she left whether the budget would hold: \"Will the treasury pay?\"\n",
        expect![[r#"
            indirect "the new targets were realistic"
                speaker: Rosa Albescu (person) role: health minister mention: "Rosa Albescu" cue: said date: 2026-03-04 confidence: 0.88
            direct "I considered everything. Then I stayed."
                speaker: Rosa Albescu (person) role: health minister mention: "Albescu" cue: replied date: 2026-03-04 confidence: 0.96"#]],
    );
}

/// A quotation after a word that introduces a name or a title names something, even with
/// a cue after it.
#[test]
fn quoted_names_and_titles_are_not_claims() {
    check(
        "Regulator sets out rules\n\nIn a speech titled \u{201c}Rules That Work\u{201d}, its chair, Cornelius Achebe, said the cap would push talent abroad.\n\nThe rules rely on what the industry calls \"age assurance\", the chair said.\n",
        expect![[r#"
            indirect "the cap would push talent abroad"
                speaker: Cornelius Achebe (person) role: its chair mention: "Cornelius Achebe" cue: said confidence: 0.89
            mixed "The rules rely on what the industry calls \"age assurance\""
                speaker: Cornelius Achebe (person) role: its chair mention: "the chair" cue: said confidence: 0.88"#]],
    );
}

/// `"...," Reid said. "Nobody listened."`: a short quoted sentence right after a direct
/// quote goes on in its voice and joins that claim.
#[test]
fn short_quote_after_a_direct_quote_joins_it() {
    check(
        "Prison officers warned of staff shortages\n\n\"Officers have been warning about this for two years,\" Declan Reid said. \"Nobody listened.\"\n",
        expect![[r#"
            direct "Officers have been warning about this for two years, Nobody listened."
                speaker: Declan Reid (person) mention: "Declan Reid" cue: said confidence: 0.97"#]],
    );
}

/// `said A and that B` is two claims with one speaker and cue; `said A and B` is one;
/// `said A but warned that B` is two claims by one speaker.
#[test]
fn coordinated_that_clauses_are_two_claims() {
    check(
        "Rail freeze divides operators\n\nThe Rail Operators' Federation said on Monday that the freeze would cost its members 90 million and that the government had not explained who would pay.\n\nIts chairman, Piotr Nowak, said fares had been frozen twice and operators had absorbed the cost both times.\n\nThe passenger council said it welcomed the freeze but warned that services could be cut.\n",
        expect![[r#"
            indirect "the freeze would cost its members 90 million"
                speaker: Rail Operators' Federation (organisation) mention: "The Rail Operators' Federation" cue: said date: 2026-03-02 confidence: 0.90
            indirect "the government had not explained who would pay"
                speaker: Rail Operators' Federation (organisation) mention: "The Rail Operators' Federation" cue: said date: 2026-03-02 confidence: 0.91
            indirect "fares had been frozen twice and operators had absorbed the cost both times"
                speaker: Piotr Nowak (person) role: Its chairman mention: "Piotr Nowak" cue: said confidence: 0.93
            indirect "it welcomed the freeze"
                speaker: passenger council (organisation) mention: "The passenger council" cue: said confidence: 0.81
            indirect "services could be cut"
                speaker: passenger council (organisation) mention: "The passenger council" cue: warned confidence: 0.79"#]],
    );
}

/// The reported clause starts after the listener and adverbials before "that", and ends
/// where the writer takes the sentence back: a semicolon, "while", "as" with a new
/// subject, "and" with a new speaker.
#[test]
fn reported_clause_boundaries_around_listeners_and_writers_clauses() {
    check(
        "Charge splits the old town\n\nMayor Ines Marsh told a meeting of the chamber of commerce on Tuesday that the charge would raise about 60 million a year.\n\nThe mayor said crews had rescued 212 people since Sunday night, while the city engineer said the river had peaked at 6.8 meters.\n\nMarsh said the scheme would start in May, as she stood beside the first camera post; traders were not convinced.\n\nThe chamber said it would go to court, and its president, Ravi Menon, said members would close for a day in protest.\n",
        expect![[r#"
            indirect "the charge would raise about 60 million a year"
                speaker: Ines Marsh (person) role: Mayor mention: "Mayor Ines Marsh" cue: told date: 2026-03-03 confidence: 0.91
            indirect "crews had rescued 212 people since Sunday night"
                speaker: Ines Marsh (person) role: Mayor mention: "The mayor" cue: said date: 2026-03-03 confidence: 0.86
            indirect "the river had peaked at 6.8 meters"
                speaker: city engineer (person) role: city engineer mention: "the city engineer" cue: said confidence: 0.84
            indirect "the scheme would start in May"
                speaker: Ines Marsh (person) role: Mayor mention: "Marsh" cue: said date: 2026-03-03 confidence: 0.88
            indirect "it would go to court"
                speaker: Chamber (unknown) mention: "The chamber" cue: said confidence: 0.63
            indirect "members would close for a day in protest"
                speaker: Ravi Menon (person) role: its president mention: "Ravi Menon" cue: said confidence: 0.90"#]],
    );
}

/// A relative clause between the speaker and the cue (`X, who leads the party, said`),
/// for people and for organisations; an appositive or a participle phrase after the
/// attribution before an interrupted quote resumes; a plural possessive's apostrophe in
/// the speaker's name is not a quote mark.
#[test]
fn speakers_with_relative_clauses_and_appositives() {
    check(
        "Nurses rally in the capital\n\n\u{201c}This government is asking nurses to pay for tax cuts they never received,\u{201d} Duncan Reyes, who leads the Civic Labour Party, told a rally on Sunday.\n\n\u{201c}We have changed our safety procedures since the collapse,\u{201d} Brightwell Construction, which was fined 12 million in a separate case last year, said in a statement.\n\nHarriet Olsen, who runs the hardware shop, said she now drove 22 miles each week to pay in her takings.\n\n23:18 \u{2014} Brandt has posted a short message to her followers: \"Thank you to every volunteer. Stay with us.\"\n\n\"The airline,\" said Ole Brandvold, an aviation analyst at Kestrel Securities, \"can survive a week of this. It cannot survive a month.\"\n\n\u{201c}Every time you say that,\u{201d} Tester said, referring to the one percent excuse, \u{201c}you give ammunition to the people who want to break up the banks.\u{201d}\n\n\u{201c}This is a gift to the boardroom,\u{201d} the Insurance Workers\u{2019} Union said.\n",
        expect![[r#"
            direct "This government is asking nurses to pay for tax cuts they never received"
                speaker: Duncan Reyes (person) role: leader of the Civic Labour Party mention: "Duncan Reyes" cue: told date: 2026-03-01 confidence: 0.97
            direct "We have changed our safety procedures since the collapse"
                speaker: Brightwell Construction (organisation) mention: "Brightwell Construction" cue: said confidence: 0.97
            indirect "she now drove 22 miles each week to pay in her takings"
                speaker: Harriet Olsen (person) mention: "Harriet Olsen" cue: said confidence: 0.91
            direct "Thank you to every volunteer. Stay with us."
                speaker: Brandt (person) mention: "Brandt" cue: posted confidence: 0.90
            direct "The airline, can survive a week of this. It cannot survive a month."
                speaker: Ole Brandvold (person) role: aviation analyst at Kestrel Securities mention: "Ole Brandvold" cue: said confidence: 0.97
            direct "Every time you say that, you give ammunition to the people who want to break up the banks."
                speaker: Tester (person) mention: "Tester" cue: said confidence: 0.91
            indirect "the one percent excuse"
                speaker: Tester (person) mention: "Tester" cue: referring confidence: 0.76
            direct "This is a gift to the boardroom"
                speaker: Insurance Workers’ Union (organisation) mention: "the Insurance Workers’ Union" cue: said confidence: 0.96"#]],
    );
}

/// Reported speech broken by its attribution (`X, she said, pays ...`) is one claim, and a
/// live blog's time stamp or a wire dateline is not part of an inverted claim.
#[test]
fn interrupted_reported_speech_and_time_stamps() {
    check(
        "Rates: live updates\n\nA central bank that looks pushed, the governor said, pays for it in higher borrowing costs for years.\n\n11:40 \u{2014} The ridge road has now been closed to all traffic, the fire service said.\n\nKESTON, July 3 (Harbour Press Agency) - Two workers were hurt in an explosion at the refinery, the company said.\n",
        expect![[r#"
            indirect "A central bank that looks pushed pays for it in higher borrowing costs for years"
                speaker: governor (person) role: governor mention: "the governor" cue: said confidence: 0.77
            indirect "The ridge road has now been closed to all traffic"
                speaker: fire service (organisation) mention: "the fire service" cue: said confidence: 0.80
            indirect "Two workers were hurt in an explosion at the refinery"
                speaker: company (organisation) mention: "the company" cue: said date: 2025-07-03 confidence: 0.80"#]],
    );
}

/// A quote running over the paragraphs after an attributed quote is one claim with it; a
/// quote-only paragraph closed in itself stays a claim of its own.
#[test]
fn running_quote_after_an_attribution_joins_it() {
    check(
        "Last bank in town closes\n\n\u{201c}We are not going to pretend we can replace a bank,\u{201d} said Yusuf Harrington, a retired accountant.\n\n\u{201c}But we can take deposits and lend small amounts.\n\n\u{201c}If two hundred people join, we are viable.\u{201d}\n\nThe bank said the branch had too few customers. \u{201c}It was a difficult decision,\u{201d} its head of branches said.\n\n\u{201c}We looked at every alternative before we chose this one.\u{201d}\n",
        expect![[r#"
            direct "We are not going to pretend we can replace a bank, But we can take deposits and lend small amounts. If two hundred people join, we are viable."
                speaker: Yusuf Harrington (person) mention: "Yusuf Harrington" cue: said confidence: 0.98
            indirect "the branch had too few customers"
                speaker: bank (organisation) mention: "The bank" cue: said confidence: 0.77
            direct "It was a difficult decision"
                speaker: bank head of branches (person) role: bank head of branches mention: "its head of branches" cue: said confidence: 0.80
            direct "We looked at every alternative before we chose this one."
                speaker: bank head of branches (person) role: bank head of branches mention: "its head of branches" confidence: 0.69"#]],
    );
}

/// `X hit back, saying ...`: with no claim before it in its sentence, a participle cue
/// speaks for the sentence's subject, with or without "that"; a tabloid's shouted first
/// word is not part of it.
#[test]
fn participle_after_a_non_speech_verb_speaks_for_the_subject() {
    check(
        "Chef hits back at critic\n\nROVERS manager Vince Malloy hit back at the council on Wednesday, saying its plan was \u{201c}a wrecking ball dressed up as a budget\u{201d}.\n\nOpposition councillor Fiona Braddock slammed the bin decision, saying the savings would be wiped out by the cost of clearing fly-tipping.\n\nBut council leader Deirdre Okafor hit back last night, insisting the ground was \"falling to bits\" and that no decision had been made.\n",
        expect![[r#"
            mixed "its plan was “a wrecking ball dressed up as a budget”"
                speaker: Vince Malloy (person) mention: "manager Vince Malloy" cue: saying date: 2026-03-04 confidence: 0.93
            indirect "the savings would be wiped out by the cost of clearing fly-tipping"
                speaker: Fiona Braddock (person) role: Opposition councillor mention: "Opposition councillor Fiona Braddock" cue: saying confidence: 0.92
            mixed "the ground was \"falling to bits\""
                speaker: Deirdre Okafor (person) mention: "council leader Deirdre Okafor" cue: insisting date: 2026-03-05 confidence: 0.91
            indirect "no decision had been made"
                speaker: Deirdre Okafor (person) mention: "council leader Deirdre Okafor" cue: insisting date: 2026-03-05 confidence: 0.87"#]],
    );
}

/// The article the desktop app seeds an empty database with: what a new user sees first.
#[test]
fn sample_article_shipped_with_the_desktop_app() {
    check_published(
        include_str!("../../../../src-tauri/sample_article.txt"),
        NaiveDate::from_ymd_opt(2025, 3, 13),
        expect![[r#"
            indirect "Plans to replace the ageing ferry fleet in Port Aldane will go ahead despite a stalled budget"
                speaker: city transport chief (person) role: city transport chief mention: "the city's transport chief" cue: said date: 2025-03-11 confidence: 0.77
            direct "We cannot ask people to commute on boats built before they were born, The first two vessels will be ordered this spring."
                speaker: Ilona Varga (person) role: Transport Commissioner mention: "Transport Commissioner Ilona Varga" cue: told confidence: 0.98
            direct "The money exists, but it will not be released until the regional parliament passes the budget."
                speaker: Tomas Reinholt (person) role: finance minister mention: "he" cue: said confidence: 0.91
            indirect "he expected a vote before the summer recess"
                speaker: Tomas Reinholt (person) role: finance minister mention: "Reinholt" cue: added confidence: 0.90
            indirect "his ministry had already set aside funds for the first stage of the project"
                speaker: Tomas Reinholt (person) role: finance minister mention: "Reinholt" cue: said confidence: 0.91
            mixed "the plan \"a glossy brochure with no price tag\""
                speaker: Marta Lindqvist (person) role: Opposition leader mention: "Opposition leader Marta Lindqvist" cue: called confidence: 0.92
            mixed "the government was \"hoping nobody reads the small print.\""
                speaker: Marta Lindqvist (person) role: Opposition leader mention: "Opposition leader Marta Lindqvist" cue: said confidence: 0.92
            indirect "her party would back the ferries only if the contracts were published in full"
                speaker: Marta Lindqvist (person) role: Opposition leader mention: "She" cue: told confidence: 0.86
            indirect "delays had become routine on the northern routes"
                speaker: Port Aldane Ferry Users' Association (organisation) mention: "The Port Aldane Ferry Users' Association" cue: said confidence: 0.91
            indirect "passengers deserved a timetable they could trust"
                speaker: Port Aldane Ferry Users' Association (organisation) mention: "The Port Aldane Ferry Users' Association" cue: said confidence: 0.91"#]],
    );
}

/// A transcript: each turn under a label in capitals is one claim of the person the label
/// names (the article's full name for a surname), running over the next quoted paragraphs
/// without a label and stopping at stage directions. A lone label in capitals is no
/// transcript, and no part of the reported words after it.
#[test]
fn transcript_turns_are_claims_of_their_labels() {
    check(
        "Minister grilled on ferry contract\n\nTransport Minister Ruth Okafor was questioned on Sunday Live about the ferry contract. Partial transcript:\n\n\"HOLLOWAY: Minister, the ferries are four years late. Who is to blame?\n\n\"OKAFOR: The contract was signed before I took office. I have asked for a full review.\n\n\"And I will publish that review in full, whatever it says.\n\n\"(CROSSTALK.)\n\n\"HOLLOWAY: Will anyone lose their job?\n\n\"OKAFOR: That is for the review to decide.\"\n",
        expect![[r#"
            direct "Minister, the ferries are four years late. Who is to blame?"
                speaker: Holloway (person) mention: "HOLLOWAY" cue: : confidence: 0.90
            direct "The contract was signed before I took office. I have asked for a full review. And I will publish that review in full, whatever it says."
                speaker: Ruth Okafor (person) role: Transport Minister mention: "OKAFOR" cue: : date: 2026-03-01 confidence: 0.91
            direct "Will anyone lose their job?"
                speaker: Holloway (person) mention: "HOLLOWAY" cue: : confidence: 0.88
            direct "That is for the review to decide."
                speaker: Ruth Okafor (person) role: Transport Minister mention: "OKAFOR" cue: : date: 2026-03-01 confidence: 0.89"#]],
    );
    check(
        "Bridge reopens\n\nUPDATE: The bridge reopened to traffic at noon, the council said.\n",
        expect![[r#"
            indirect "The bridge reopened to traffic at noon"
                speaker: council (organisation) mention: "the council" cue: said confidence: 0.78"#]],
    );
}

/// Some archives' plain text writes a double quote mark as two apostrophes: the quote
/// is found as with any other mark, and a single apostrophe stays inside its word.
#[test]
fn two_apostrophes_are_a_double_quote_mark() {
    check(
        "Budget row\n\n''This isn't reform,'' said Ruth Adeyemi, the committee's chair. ''It's a tax rise.''\n\nShe said the plan was ''a gift to landlords''.\n",
        expect![[r#"
            direct "This isn't reform, It's a tax rise."
                speaker: Ruth Adeyemi (person) role: committee's chair mention: "Ruth Adeyemi" cue: said confidence: 0.96
            mixed "the plan was ''a gift to landlords''"
                speaker: Ruth Adeyemi (person) role: committee's chair mention: "She" cue: said confidence: 0.88"#]],
    );
}

/// Regression (issue 5): a headline ending in a naming word ("Film") made the story's
/// opening quote a title, and the quote was lost. Only a word in the quote's own paragraph
/// names it.
#[test]
fn issue_5_a_headline_word_does_not_make_the_opening_quote_a_title() {
    check(
        "Film\n\n\"You cannot talk about change if you do not know what we are changing,\" Ava Duval said.\n\nHer film \"Long Road Home\" opens on Friday.\n",
        expect![[r#"
            direct "You cannot talk about change if you do not know what we are changing"
                speaker: Ava Duval (person) mention: "Ava Duval" cue: said confidence: 0.97"#]],
    );
}

/// A manner adverb between the cue and "that" belongs to the cue ("said privately
/// afterwards that", "told him privately last autumn that"); a word ending in "-ly" that
/// starts the clause ("family members") does not.
#[test]
fn manner_adverbs_before_that_belong_to_the_cue() {
    check(
        "Bank talks\n\nNadia Wojcik said privately afterwards that the deal was safe.\n\nTomas Menon said the mayor had told him privately last autumn that the charge would not go ahead.\n\nShe said family members were safe.\n",
        expect![[r#"
            indirect "the deal was safe"
                speaker: Nadia Wojcik (person) mention: "Nadia Wojcik" cue: said confidence: 0.85
            indirect "the mayor had told him privately last autumn that the charge would not go ahead"
                speaker: Tomas Menon (person) mention: "Tomas Menon" cue: said confidence: 0.93
            indirect "the charge would not go ahead"
                speaker: mayor (person) role: mayor mention: "the mayor" cue: told confidence: 0.72
            indirect "family members were safe"
                speaker: mayor (person) role: mayor mention: "She" cue: said confidence: 0.80"#]],
    );
}

/// Regression (issue 5): after an opener ("In March,"), a verb with its own object ("wrote
/// to the council") was read as a parenthetical attribution, so the whole sentence,
/// speaker and cue included, became one claim. Only a bare "advisers say," is a parenthesis;
/// the participle after it starts the claim.
#[test]
fn issue_5_a_verb_with_an_object_after_an_opener_is_no_parenthesis() {
    check(
        "Dust at the quarry\n\nIn March, the residents wrote to the council, saying the dust had closed a playground.\n\nBut in recent days, neighbours say, the lorries have come at night.\n",
        expect![[r#"
            indirect "the dust had closed a playground"
                speaker: residents (unknown) mention: "the residents" cue: saying confidence: 0.85
            indirect "in recent days the lorries have come at night"
                speaker: neighbours (unknown) mention: "neighbours" cue: say confidence: 0.87"#]],
    );
}

/// Regression (issue 5): `X said: "...," adding that ...` gave the quote to "adding" with
/// no speaker and a mixed claim of quote and clause to "said"; the quote is the colon
/// cue's, and the participle after it speaks for the same person. `Said Ellis: "..."`
/// had no speaker, and "Said" crept into the name.
#[test]
fn issue_5_a_participle_after_a_colon_quote_goes_on_from_its_attribution() {
    check(
        "Ferry fares\n\nIn a statement, the operator Nordlys said: \"Fares have not risen in real terms for six years,\" adding that fuel costs had doubled since 2021.\n\nSaid Ellis: \"Nobody here believes that.\"\n",
        expect![[r#"
            direct "Fares have not risen in real terms for six years"
                speaker: Nordlys (organisation) mention: "the operator Nordlys" cue: said confidence: 0.93
            indirect "fuel costs had doubled since 2021"
                speaker: Nordlys (organisation) mention: "the operator Nordlys" cue: adding confidence: 0.84
            direct "Nobody here believes that."
                speaker: Ellis (person) mention: "Ellis" cue: Said confidence: 0.89"#]],
    );
}

/// Regression (issue 5): a title in capitals right before an attribution (`In her 2019
/// book, "Salt and Iron Roads," Ms. Varga argued ...`) was taken for her words, and a
/// paragraph that is only a quoted heading ('Harbour Lights Go Out.') for more of the last
/// speaker's. Neither is a claim; the argument after the title still is.
#[test]
fn issue_5_a_title_in_capitals_is_no_quote_even_before_an_attribution() {
    check(
        "Harbour history\n\nIn her 2019 book, \"Salt and Iron Roads,\" Ms. Varga argued that the port had been built for coal, not for fish.\n\n\"Nobody planned a fishing town,\" she said.\n\n'Harbour Lights Go Out.'\n\nThe council will vote on the plan in June.\n",
        expect![[r#"
            indirect "the port had been built for coal, not for fish"
                speaker: Varga (person) mention: "Ms. Varga" cue: argued confidence: 0.91
            direct "Nobody planned a fishing town"
                speaker: Varga (person) mention: "she" cue: said confidence: 0.92"#]],
    );
}

/// Readers' answers and epigraphs signed after a dash (`"..." ― Sonya Herr, 52, Tucson`)
/// are direct quotes by the name that closes the paragraph; a dash inside a sentence is
/// no signature.
#[test]
fn quotes_signed_after_a_dash_belong_to_the_signature() {
    check(
        "What readers told us\n\n\u{201c}The night bus is the only way I can get to the early shift. Without it I lose the job.\u{201d} \u{2015} Mireille Dassin, hospital cleaner\n\n\u{201c}Nobody asked the people who actually ride it.\u{201d}\u{2015} Tomasz Wiercinski\n\nThe \u{201c}night network\u{201d} \u{2014} six routes in all \u{2014} costs the city about 8 million a year.\n",
        expect![[r#"
            direct "The night bus is the only way I can get to the early shift. Without it I lose the job."
                speaker: Mireille Dassin (person) mention: "Mireille Dassin" confidence: 0.95
            direct "Nobody asked the people who actually ride it."
                speaker: Tomasz Wiercinski (person) mention: "Tomasz Wiercinski" confidence: 0.95"#]],
    );
}

/// A reported clause ends before ", citing ..." (what the speaker pointed to) and before
/// ", though she noted ..." (a second attribution, which is a claim of its own).
#[test]
fn a_reported_clause_ends_before_citing_and_a_joined_attribution() {
    check(
        "Port budget\n\nHarbour analysts said the new berths would pay for themselves within a decade, citing the growth of cruise traffic since 2022.\n\nEngel said the board had moved too slowly on the plan, though she noted that two of its members had only joined in May.\n",
        expect![[r#"
            indirect "the new berths would pay for themselves within a decade"
                speaker: Harbour analysts (unknown) mention: "Harbour analysts" cue: said confidence: 0.88
            indirect "the growth of cruise traffic since 2022"
                speaker: Harbour analysts (unknown) mention: "Harbour analysts" cue: citing confidence: 0.85
            indirect "the board had moved too slowly on the plan"
                speaker: Engel (person) mention: "Engel" cue: said confidence: 0.83
            indirect "two of its members had only joined in May"
                speaker: Engel (person) mention: "she" cue: noted confidence: 0.87"#]],
    );
}

/// Regression (issue 5): a relative clause that holds a quoted title between commas ("The
/// report, whose title, "Lessons Not Learned", reads like a verdict, says ...") lost its
/// speaker, because "report" is also a cue verb and the comma ended the clause; the
/// sentence became one claim. A demonstrative before an inverted speaker ("...," that
/// person said) belongs to the speaker.
#[test]
fn issue_5_a_quoted_title_inside_a_relative_clause_keeps_the_speaker() {
    check(
        "Armoured vehicle audit\n\nThe report, whose title, \"Lessons Not Learned\", reads like a verdict, says the ministry changed the vehicle's design fourteen times.\n\nOne person familiar with the audit said the minister had read it in March. \"He knew everything by the spring,\" that person said.\n\nThe police said in a written answer that thefts had fallen.\n",
        expect![[r#"
            indirect "the ministry changed the vehicle's design fourteen times"
                speaker: report (organisation) mention: "The report" cue: says confidence: 0.80
            indirect "the minister had read it in March"
                speaker: person familiar with the audit (unknown) mention: "One person familiar with the audit" cue: said confidence: 0.85
            direct "He knew everything by the spring"
                speaker: person familiar with the audit (unknown) mention: "that person" cue: said confidence: 0.91
            indirect "thefts had fallen"
                speaker: police (organisation) mention: "The police" cue: said confidence: 0.82"#]],
    );
}

/// A quote that goes on after its attribution and a conjunction (`"...," he said, but
/// "..."`) is one claim: the reporter's "but" stays in it, unquoted, so it is mixed.
#[test]
fn a_quote_resumed_after_but_is_one_claim() {
    check(
        "Harbour levy\n\n\"I like the harbour master,\" Okafor said, but \"when it comes to the levy, she has never listened to the fishermen.\"\n",
        expect![[r#"
            mixed "I like the harbour master, but \"when it comes to the levy, she has never listened to the fishermen.\""
                speaker: Okafor (person) mention: "Okafor" cue: said confidence: 0.88"#]],
    );
}

/// Reported speech broken by its attribution (`The ferry, the mayor said, will run ...`)
/// is one claim whose span runs over the interruption, as the development set draws it,
/// while its parts leave the attribution out, as an interrupted quote's do: the speaker's
/// words are the pieces on either side of `, the mayor said,`.
#[test]
fn reported_speech_broken_by_its_attribution_leaves_it_out_of_the_parts() {
    check(
        "Ferry timetable\n\nThe winter ferry, Mayor Ines Varga said, will run twice a day from November.\n\nAfter the storm closed the pier last year, residents say, the island went without fresh milk for a week.\n",
        expect![[r#"
            indirect "The winter ferry will run twice a day from November"
                speaker: Ines Varga (person) role: Mayor mention: "Mayor Ines Varga" cue: said confidence: 0.91
            indirect "After the storm closed the pier last year the island went without fresh milk for a week"
                speaker: residents (unknown) mention: "residents" cue: say confidence: 0.90"#]],
    );
}

/// A quotation that finishes a clause the writer began (`The levy "will not survive the
/// winter," Ruiz said`) reports the whole clause: the words before the quote are its
/// subject, so the claim runs from them through the closing mark and is mixed. A quoted
/// sentence that goes on after the attribution is more of the same claim. A quote that
/// opens on a capital after an opener (`Asked about ..., "We ..."`) is a sentence of its
/// own and stays direct.
#[test]
fn a_quoted_predicate_takes_the_writers_words_before_it() {
    check(
        "Tram fares \"will rise in spring\", council warns\n\nThe new harbour levy \"will not survive the winter,\" Treasurer Tomas Ruiz said on Monday. \"Nobody on this council wants it.\"\n\nStill, commuters \"want shorter journeys, not more studies,\" said Ada Brenner, the transport minister.\n\nAsked about the delay, \"We are doing everything we can,\" Brenner said.\n",
        expect![[r#"
            mixed "Tram fares \"will rise in spring\""
                speaker: council (organisation) mention: "council" cue: warns confidence: 0.80
            mixed "The new harbour levy \"will not survive the winter,\" \"Nobody on this council wants it.\""
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said date: 2026-03-02 confidence: 0.95
            mixed "Still, commuters \"want shorter journeys, not more studies,\""
                speaker: Ada Brenner (person) role: transport minister mention: "Ada Brenner" cue: said confidence: 0.94
            direct "We are doing everything we can"
                speaker: Ada Brenner (person) role: transport minister mention: "Brenner" cue: said confidence: 0.96"#]],
    );
}

/// The learned tagger sometimes leaves a stretch inside a reported clause unlabelled (an
/// aside after a dash, an appositive after its last noun) and labels the words after it
/// as content again. What lies between two pieces of one content, holding neither the cue
/// nor the speaker, is part of what was reported: the claim is one piece.
#[test]
fn a_gap_inside_tagged_content_without_cue_or_speaker_is_closed() {
    check(
        "Harbour race\n\nVarga wants to emerge as the natural candidate for the coastal towns \u{2014} and the main rival to the governing party in the north.\n\nVarga thought some of the anger at the levy was stirred up, a sign of \"how badly the council has explained it.\"\n",
        expect![[r#"
            indirect "to emerge as the natural candidate for the coastal towns — and the main rival to the governing party in the north"
                speaker: Varga (person) mention: "Varga" cue: wants confidence: 0.82
            mixed "some of the anger at the levy was stirred up, a sign of \"how badly the council has explained it.\""
                speaker: Varga (person) mention: "Varga" cue: thought confidence: 0.92"#]],
    );
}

/// A cue inside a subordinate clause that opens the sentence (`After the mayor said ...,
/// the fishermen called off ...`) reports only up to the comma that closes that clause:
/// what follows is the sentence's main clause, the writer's. A relative clause inside the
/// reported words keeps its commas.
#[test]
fn a_cue_in_a_fronted_subordinate_clause_reports_up_to_its_closing_comma() {
    check(
        "Quay reopens\n\nAfter the mayor said that the quay would reopen in May, the fishermen called off their protest.\n\nWhen Treasurer Tomas Ruiz said the levy, which was introduced in 2019, would be scrapped, shipping firms welcomed the news.\n",
        expect![[r#"
            indirect "the quay would reopen in May"
                speaker: mayor (person) role: mayor mention: "the mayor" cue: said confidence: 0.72
            indirect "the levy, which was introduced in 2019, would be scrapped"
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said confidence: 0.91"#]],
    );
}

/// A quoted sentence after a direct quote and its attribution goes on in that quote's
/// voice, even when a claim hangs from the attribution in between (`"...," Varga said,
/// noting that .... "..."`): the quote is one claim of two parts, and the participle's
/// claim stays its own.
#[test]
fn a_quote_goes_on_after_a_participle_hanging_from_its_attribution() {
    check(
        "Council race\n\n\"We have come a long way since the spring,\" Mayor Ines Varga said, noting that the council had trailed in every poll. \"We will fight for every vote.\"\n",
        expect![[r#"
            direct "We have come a long way since the spring, We will fight for every vote."
                speaker: Ines Varga (person) role: Mayor mention: "Mayor Ines Varga" cue: said confidence: 0.97
            indirect "the council had trailed in every poll"
                speaker: Ines Varga (person) role: Mayor mention: "Mayor Ines Varga" cue: noting confidence: 0.88"#]],
    );
}

/// A role set off after the speaker's name without an article (`said Ines Varga,
/// executive director of the Harbour Tenants Union`) is the speaker's role and part of
/// the attribution, not a resumed piece of the reported clause; a relative clause after
/// the role (`a lawyer who ...`) leaves the attribution where it was.
#[test]
fn a_bare_role_after_an_inverted_speaker_is_no_content() {
    check(
        "Harbour levy\n\nThe levy is a tax on the poorest families in the town, said Ines Varga, executive director of the Harbour Tenants Union.\n\nThe quay needs new piles before the winter, said Tomas Ruiz, an engineer who has inspected it twice.\n",
        expect![[r#"
            indirect "The levy is a tax on the poorest families in the town"
                speaker: Ines Varga (person) role: executive director of the Harbour Tenants Union mention: "Ines Varga" cue: said confidence: 0.91
            indirect "The quay needs new piles before the winter"
                speaker: Tomas Ruiz (person) mention: "Tomas Ruiz" cue: said confidence: 0.90"#]],
    );
}

/// The writer's words before an attribution that interrupts them, finished by a quotation
/// that opens on a lower-case word (`If the levy passes, Ruiz said, "the fishermen will
/// move."`), are one mixed claim in two parts around the attribution. A quote that opens
/// on a capital after its attribution (`"As mayor," Varga said, "I will ..."`) is an
/// interrupted direct quote, as before.
#[test]
fn writers_words_finished_by_a_quote_after_the_attribution_are_one_claim() {
    check(
        "Quay repairs\n\nIf the levy passes, Treasurer Tomas Ruiz said, \"the fishermen will simply move to Kessel.\"\n\n\"As mayor,\" Ines Varga said, \"I will not sign a blank cheque for the harbour.\"\n",
        expect![[r#"
            mixed "If the levy passes \"the fishermen will simply move to Kessel.\""
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said confidence: 0.94
            direct "As mayor, I will not sign a blank cheque for the harbour."
                speaker: Ines Varga (person) mention: "Ines Varga" cue: said confidence: 0.97"#]],
    );
}

/// The "v." of a court case (`Roe v. Wade`) and a title after a hyphen (`then-Sen.`) do
/// not end a sentence, so a reported clause runs on over them.
#[test]
fn case_names_and_hyphenated_titles_do_not_end_a_sentence() {
    check(
        "Court ruling\n\nThe mayor said the ruling in Harlow v. Keston should stand. Critics said then-Sen. Ines Varga had backed the levy in 2019.\n",
        expect![[r#"
            indirect "the ruling in Harlow v. Keston should stand"
                speaker: mayor (person) role: mayor mention: "The mayor" cue: said confidence: 0.74
            indirect "then-Sen. Ines Varga had backed the levy in 2019"
                speaker: Critics (unknown) mention: "Critics" cue: said confidence: 0.87"#]],
    );
}

/// The tagger tends to stop a content at the first comma of a list that ends its
/// sentence (`via leaflets, radio spots and door-to-door visits`); the rest of the list,
/// a few words joined by "and" or "or" with no verb, pronoun or cue, is taken in.
#[test]
fn a_tagged_content_takes_in_the_rest_of_a_list_ending_its_sentence() {
    check(
        "Harbour campaign\n\nThe port authority plans to reach voters via leaflets, radio spots and door-to-door visits.\n\nRuiz announced four new berths for the ferry, two cranes and a larger car park.\n",
        expect![[r#"
            indirect "four new berths for the ferry, two cranes and a larger car park"
                speaker: Ruiz (person) mention: "Ruiz" cue: announced confidence: 0.87"#]],
    );
}

/// The subject of a passive or of a verb of seeming, which names no speaker (`The levy is
/// expected to raise ...`, `the harbour master, who is expected to ...`), opens what is
/// reported: the content is the subject and the words after the verb, the verb left out,
/// and a relative pronoun stands for its antecedent as the written subject.
#[test]
fn the_subject_of_a_passive_cue_opens_its_content() {
    check(
        "Harbour levy\n\nThe new harbour levy is expected to raise four million euros a year for the quay.\n\nThe council will vote on Ines Varga, who is expected to replace the harbour master in June.\n",
        expect![[r#"
            indirect "The new harbour levy to raise four million euros a year for the quay"
                speaker: none cue: expected confidence: 0.33
            indirect "who to replace the harbour master in June"
                speaker: none cue: expected confidence: 0.23"#]],
    );
}

/// A cue inside a relative clause opened by ", which" (`the levy, which Ruiz said would
/// raise four million`) reports a clause whose subject or object is the relative pronoun:
/// "which" opens the content, the speaker and cue left out between its parts.
#[test]
fn a_relative_which_before_the_speaker_opens_the_reported_clause() {
    check(
        "Harbour levy\n\nThe council backed the harbour levy, which Treasurer Tomas Ruiz said would raise four million euros a year.\n",
        expect![[r#"
            indirect "which would raise four million euros a year"
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said confidence: 0.90"#]],
    );
}

/// An attribution that interrupts a sentence after a subordinate clause or a prepositional
/// opener (`If the vote is close, the campaign said, it will ask ...`, `Like the old
/// ferry, Ruiz said, the new one will ...`) breaks into one reported sentence: the claim is
/// the opener and the main clause around the attribution, not the opener alone.
#[test]
fn an_attribution_after_a_subordinate_opener_interrupts_one_claim() {
    check(
        "Ferry vote\n\nIf the vote is close, the campaign said, it will ask for a recount.\n\nLike the old ferry, Treasurer Tomas Ruiz said, the new one will run at a loss for years.\n",
        expect![[r#"
            indirect "If the vote is close it will ask for a recount"
                speaker: campaign (organisation) mention: "the campaign" cue: said confidence: 0.79
            indirect "Like the old ferry the new one will run at a loss for years"
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said confidence: 0.92"#]],
    );
}

/// A reporting verb after "and" in its bare form (`would sit the minister down and tell
/// him ...`) cannot be coordinated with a reporting verb in the past or the third person:
/// it belongs to the reported clause, which goes on over it. One in the same form (`...
/// and said ...`) still starts an attribution of its own.
#[test]
fn a_bare_cue_after_and_stays_inside_the_reported_clause() {
    check(
        "Harbour levy\n\nMayor Ines Varga says she would sit the minister down and tell him to drop the levy.\n\nTreasurer Tomas Ruiz said the levy was fair and said the fishermen would pay less than last year.\n",
        expect![[r#"
            indirect "she would sit the minister down and tell him to drop the levy"
                speaker: Ines Varga (person) role: Mayor mention: "Mayor Ines Varga" cue: says confidence: 0.92
            indirect "the levy was fair"
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said confidence: 0.85
            indirect "the fishermen would pay less than last year"
                speaker: Tomas Ruiz (person) role: Treasurer mention: "Treasurer Tomas Ruiz" cue: said confidence: 0.89"#]],
    );
}

/// Regression (issue 5): reported speech interrupted by its attribution stopped at the
/// attribution when the rest opened with "that", "because", "so" or "to", or when only an infinitive
/// phrase stood before it (`To win their support, residents said, the council must ...`).
#[test]
fn issue_5_reported_speech_resumes_after_its_attribution_with_that_because_so_to_or_after_to() {
    check(
        "Port plans\n\nBut there is a risk, some councillors said, that the mayor would push the board to adopt rules that could later hurt the port.\n\nTo win their support, residents said, the council must reopen the clinic and repair the bridge.\n\nThe toll will stay for now, the harbour master said, because the quay still needs repairs.\n\nIt was impossible, Amsel said, so the county decided to split the work.\n\nNor does the mayor have any plans, aides say, to sell the harbour.\n",
        expect![[r#"
            indirect "there is a risk that the mayor would push the board to adopt rules that could later hurt the port"
                speaker: councillors (unknown) mention: "some councillors" cue: said confidence: 0.90
            indirect "To win their support the council must reopen the clinic and repair the bridge"
                speaker: residents (unknown) mention: "residents" cue: said confidence: 0.89
            indirect "The toll will stay for now because the quay still needs repairs"
                speaker: Harbour master (unknown) mention: "the harbour master" cue: said confidence: 0.70
            indirect "It was impossible so the county decided to split the work"
                speaker: Amsel (person) mention: "Amsel" cue: said confidence: 0.84
            indirect "Nor does the mayor have any plans to sell the harbour"
                speaker: aides (unknown) mention: "aides" cue: say confidence: 0.88"#]],
    );
}

/// Regression (issue 5): in `He said that is a "distortion,"` the "that" was dropped as a
/// conjunction though it is the reported clause's subject; and a participle after a comma
/// inside a closing quote mark (`was "broken," noting that ...`) did not end the claim
/// before it, while the quoted fragment became a direct claim of the participle's.
#[test]
fn issue_5_a_that_before_its_verb_is_the_subject_and_a_quoted_comma_ends_the_clause() {
    check(
        "Audit dispute\n\nThe auditor Jana Holt said that is a \"distortion\" of her findings.\n\nThe minister said the budget was \"broken,\" noting that it is \"very odd that a fund that loses millions is never audited.\"\n",
        expect![[r#"
            mixed "that is a \"distortion\" of her findings"
                speaker: Jana Holt (person) mention: "The auditor Jana Holt" cue: said confidence: 0.92
            mixed "the budget was \"broken,\""
                speaker: minister (person) role: minister mention: "The minister" cue: said confidence: 0.73
            mixed "it is \"very odd that a fund that loses millions is never audited.\""
                speaker: minister (person) role: minister mention: "The minister" cue: noting confidence: 0.76"#]],
    );
}

/// Regression (issue 5): `..., forcing them to sell stock early, said Mara Quist, a grain
/// analyst.` took a noun before the comma ("the harvest") for the speaker and the name
/// after the cue for the reported words; and a list in the reported clause (`on fares,
/// berths and other issues, said Tom Vell`) made the clause before its last comma a name.
/// A clause with a verb of its own after the cue (`said the questioning will start with
/// Ross, but ...`) is no name, even when it ends in one.
#[test]
fn issue_5_a_name_after_a_cue_that_follows_a_comma_is_the_speaker() {
    check(
        "Levy and ferries\n\nThe levy would create a \"winter of pain\" for farmers heading into the harvest, forcing them to sell stock early, said Mara Quist, a grain analyst at a Leeds bank.\n\nThe council lobbied for the ferry company on fares, berths and other issues, said Tom Vell, a critic of the scheme.\n\nLena Morkel, chief economist at Varden Bank, said she expected the first cut in June.\n\nCommittee chairman Tom Vell, a Kent Republican, said the questioning will start with Ross, but not end there.\n",
        expect![[r#"
            mixed "The levy would create a \"winter of pain\" for farmers heading into the harvest, forcing them to sell stock early"
                speaker: Mara Quist (person) role: grain analyst at a Leeds bank mention: "Mara Quist" cue: said confidence: 0.95
            indirect "The council lobbied for the ferry company on fares, berths and other issues"
                speaker: Tom Vell (person) mention: "Tom Vell" cue: said confidence: 0.93
            indirect "she expected the first cut in June"
                speaker: Lena Morkel (person) role: chief economist at Varden Bank mention: "Lena Morkel" cue: said confidence: 0.89
            indirect "the questioning will start with Ross, but not end there"
                speaker: Tom Vell (person) role: a Kent Republican mention: "Committee chairman Tom Vell" cue: said confidence: 0.91"#]],
    );
}

/// Regression (issue 5): after `said in putting the question to the minister` or `said
/// while touring the site`, the gerund's object was read as the reported clause and the
/// words before the attribution were lost; "the same caution" made "caution" a cue.
#[test]
fn issue_5_a_gerund_after_a_cue_is_the_occasion_and_a_noun_after_same_is_no_cue() {
    check(
        "Bridge talks\n\nMany drivers did not recognise themselves in the report and found it insulting, the presenter Ruth Amsel said in putting the question to the minister.\n\nThe bridge will close for a month, Ian Ross said while touring the site with the mayor.\n\nOn the regional front, the mayor displayed the same caution that marked her first term.\n",
        expect![[r#"
            indirect "Many drivers did not recognise themselves in the report and found it insulting"
                speaker: Ruth Amsel (person) mention: "the presenter Ruth Amsel" cue: said confidence: 0.93
            indirect "The bridge will close for a month"
                speaker: Ian Ross (person) mention: "Ian Ross" cue: said confidence: 0.89"#]],
    );
}

/// Regression (issue 5): `To a question on the "future of the toll," Ross said private
/// operators ...` gave Ross the words before his attribution, quote included, as a mixed
/// claim, and lost the clause he reported after "said".
#[test]
fn issue_5_a_cue_with_its_own_clause_does_not_report_a_quote_before_it() {
    check(
        "Toll hearing\n\nTo a question on the \"future of the toll,\" Ross said private operators can be more expensive than the county and cited the decision to run the ferry itself.\n",
        expect![[r#"
            indirect "private operators can be more expensive than the county and cited the decision to run the ferry itself"
                speaker: Ross (person) mention: "Ross" cue: said confidence: 0.87"#]],
    );
}

/// Regression (issue 5): a quotation ending in a quotation of its own (`... someone says,
/// 'We have to keep it alive,' " said Fenn`) lost its attribution, because the comma that
/// hands over stands before the inner closing mark; with no space (`alive,'"`) the inner
/// mark was read as an apostrophe and the pairing broke for the next paragraph too.
#[test]
fn issue_5_a_quote_ending_in_a_quote_of_its_own_keeps_its_attribution() {
    check(
        "Debate night\n\n\"Watch the budget vanish while someone says, 'We have to keep it alive,' \" said former bank executive Carla Fenn during the debate.\n\n\"Nobody asked the towns,\" Fenn said.\n\n\"They tell you, 'Trust the plan,'\" said Ivo Brandt.\n",
        expect![[r#"
            direct "Watch the budget vanish while someone says, 'We have to keep it alive,'"
                speaker: Carla Fenn (person) mention: "former bank executive Carla Fenn" cue: said confidence: 0.97
            direct "Nobody asked the towns"
                speaker: Carla Fenn (person) mention: "Fenn" cue: said confidence: 0.95
            direct "They tell you, 'Trust the plan,'"
                speaker: Ivo Brandt (person) mention: "Ivo Brandt" cue: said confidence: 0.96"#]],
    );
}

/// Regression (issue 5): `said following a vote in 2021 that ...`, `said amid ...` and
/// `said back in the summer of 2015: "..."` took the occasion into the reported words.
#[test]
fn issue_5_following_amid_and_back_in_are_occasions_after_a_cue() {
    check(
        "Harbour votes\n\nThe mayor said following a vote in 2021 that she had \"very serious concerns\" about the toll.\n\nRoss said amid the protests that the bridge would reopen in May.\n\nFenn said back in the summer of 2015: \"I think it is a big mistake for the council to sell the quay.\"\n",
        expect![[r#"
            mixed "she had \"very serious concerns\" about the toll"
                speaker: mayor (person) role: mayor mention: "The mayor" cue: said confidence: 0.76
            indirect "the bridge would reopen in May"
                speaker: Ross (person) mention: "Ross" cue: said confidence: 0.81
            direct "I think it is a big mistake for the council to sell the quay."
                speaker: Fenn (person) mention: "Fenn" cue: said confidence: 0.90"#]],
    );
}

/// Regression (issue 5): in `rules that would end what she said were punitive fines`, the
/// free relative "what" opens the reported clause, as "which" does after a comma.
#[test]
fn issue_5_what_before_the_speaker_opens_the_reported_clause() {
    check(
        "School rules\n\nThe council will end what the mayor said were punitive fines for late parents.\n",
        expect![[r#"
            indirect "what were punitive fines for late parents"
                speaker: mayor (person) role: mayor mention: "the mayor" cue: said confidence: 0.73"#]],
    );
}

/// Regression (issue 5): `Calder responded by noting that ...` gave two identical claims,
/// one for each cue; the analyst gets one.
#[test]
fn issue_5_two_cues_for_the_same_words_and_speaker_give_one_claim() {
    check(
        "Plan\n\nCalder responded by noting that the plan was fair.\n",
        expect![[r#"
            indirect "the plan was fair"
                speaker: Calder (person) mention: "Calder" cue: noting confidence: 0.85"#]],
    );
}

/// Regression (issue 5): a claim the tagger found at a paragraph's start took in the live
/// blog's time stamp or the wire's dateline ("14:40 — Queues are ..."); a capitalised
/// first word with a dash later in the sentence keeps its words.
#[test]
fn issue_5_a_time_stamp_or_dateline_is_not_part_of_the_claim() {
    check(
        "Fuel prices\n\n14:40 — Queues are already forming at petrol stations ahead of the midnight increase, according to the Fuel Retailers' Association.\n\nPORT ALDEN, March 19 (Continental Wire) - The harbour will close for a week, according to people familiar with the plan.\n\nNATO will grow, according to two diplomats — and soon.\n",
        expect![[r#"
            indirect "Queues are already forming at petrol stations ahead of the midnight increase"
                speaker: Fuel Retailers' Association (organisation) mention: "the Fuel Retailers' Association" cue: according to confidence: 0.93
            indirect "The harbour will close for a week"
                speaker: people familiar with the plan (unknown) mention: "people familiar with the plan" cue: according to date: 2026-03-19 confidence: 0.86
            indirect "NATO will grow"
                speaker: diplomats (unknown) mention: "two diplomats" cue: according to confidence: 0.80"#]],
    );
}

/// Regression (issue 5): `would say only that ...` kept "only that" in the claim: a
/// focusing adverb before "that" limits the cue, as a manner adverb does.
#[test]
fn issue_5_only_or_just_before_that_belongs_to_the_cue() {
    check(
        "Coalition talks\n\nThe finance minister would say only that talks between the partners were private.\n\nKeller said just that the vote would be close.\n",
        expect![[r#"
            indirect "talks between the partners were private"
                speaker: finance minister (person) role: finance minister mention: "The finance minister" cue: say confidence: 0.85
            indirect "the vote would be close"
                speaker: Keller (person) mention: "Keller" cue: said confidence: 0.80"#]],
    );
}

/// Regression (issue 5): `said early indications pointed to ...` lost "early", read as the
/// time the words were said; before a word that is no time it describes the subject
/// (`said late on Monday` and `said early Tuesday` still name a time).
#[test]
fn issue_5_early_before_a_noun_opens_the_reported_clause() {
    check(
        "Refinery fire\n\nA company official said early indications pointed to a failed valve.\n\nThe mayor said early Tuesday that the road would reopen.\n",
        expect![[r#"
            indirect "early indications pointed to a failed valve"
                speaker: company official (person) role: company official mention: "A company official" cue: said confidence: 0.74
            indirect "the road would reopen"
                speaker: mayor (person) role: mayor mention: "The mayor" cue: said date: 2026-03-03 confidence: 0.70"#]],
    );
}

/// Regression (issue 5): `According to X, a consumer group, ...` and `According to X,
/// whose figures ..., ...` started the claim at the aside about the source; a clause
/// that only starts like one (`a man was arrested`) is still the claim.
#[test]
fn issue_5_an_aside_about_the_source_of_according_to_is_not_the_claim() {
    check(
        "Bank closures\n\nAccording to the Fair Banking Alliance, a consumer group, 61 towns have lost their last branch.\n\nAccording to the Statistics Office, whose figures were published on Monday, rents rose by 9 percent.\n\nAccording to police, a man was arrested, and two others were questioned.\n",
        expect![[r#"
            indirect "61 towns have lost their last branch"
                speaker: Fair Banking Alliance (organisation) mention: "the Fair Banking Alliance" cue: According to confidence: 0.89
            indirect "rents rose by 9 percent"
                speaker: Statistics Office (organisation) mention: "the Statistics Office" cue: According to date: 2026-03-02 confidence: 0.87
            indirect "a man was arrested, and two others were questioned"
                speaker: police (unknown) mention: "police" cue: According to confidence: 0.88"#]],
    );
}

/// Regression (issue 5): `said in a statement after the news conference that ...` began
/// the claim at "the news conference": the first adjunct's object ran on into the
/// second preposition, which never sits inside a noun phrase.
#[test]
fn issue_5_two_adjuncts_in_a_row_after_a_cue_are_both_skipped() {
    check(
        "Waiting lists\n\nMark Delaney said in a statement after the news conference that the plan was a press release.\n\nKeller said at a rally during the campaign that taxes would fall.\n",
        expect![[r#"
            indirect "the plan was a press release"
                speaker: Mark Delaney (person) mention: "Mark Delaney" cue: said confidence: 0.88
            indirect "taxes would fall"
                speaker: Keller (person) mention: "Keller" cue: said confidence: 0.77"#]],
    );
}

/// Regression (issue 5): `said two days ago that ...` and an interrupted `she said a few
/// minutes ago, "..."` kept the span of time in the claim; with "ago" it is when the words
/// were said.
#[test]
fn issue_5_a_span_of_time_before_ago_is_not_part_of_the_claim() {
    check(
        "Summit text\n\nMara Quist said two days ago that the text was weak.\n\nThe new text, Quist said a few minutes ago, \"goes forwards, slowly\".\n",
        expect![[r#"
            indirect "the text was weak"
                speaker: Mara Quist (person) mention: "Mara Quist" cue: said confidence: 0.85
            mixed "The new text \"goes forwards, slowly\""
                speaker: Mara Quist (person) mention: "Quist" cue: said confidence: 0.92"#]],
    );
}

/// Regression (issue 5): `said night buses were ...` lost "night", skipped as the time of
/// the words; a time noun before a lower-case noun is the first word of a compound.
#[test]
fn issue_5_a_time_noun_before_a_noun_opens_the_reported_clause() {
    check(
        "Night buses\n\nHana Sato said night buses were the most unequal service a city runs.\n\nKeller said Tuesday the service would be cut.\n",
        expect![[r#"
            indirect "night buses were the most unequal service a city runs"
                speaker: Hana Sato (person) mention: "Hana Sato" cue: said confidence: 0.91
            indirect "the service would be cut"
                speaker: Keller (person) mention: "Keller" cue: said date: 2026-03-03 confidence: 0.80"#]],
    );
}

/// Regression (issue 5): `Calder said the plan was fair, and she criticised ...` kept the
/// reporter's account of what the speaker did next inside the claim; so did `..."passengers
/// in the chamber," but he left ...`, whose comma stands inside the closing quote mark.
#[test]
fn issue_5_a_plain_past_after_and_with_a_pronoun_ends_the_reported_clause() {
    check(
        "Harbour vote\n\nCalder said the harbour plan was fair to everyone, and she criticised the trust for delaying the vote.\n\nBrandt said both councillors were \"passengers in the chamber,\" but he left before the vote.\n",
        expect![[r#"
            indirect "the harbour plan was fair to everyone"
                speaker: Calder (person) mention: "Calder" cue: said confidence: 0.82
            indirect "the trust for delaying the vote"
                speaker: Calder (person) mention: "she" cue: criticised confidence: 0.79
            mixed "both councillors were \"passengers in the chamber,\""
                speaker: Brandt (person) mention: "Brandt" cue: said confidence: 0.86"#]],
    );
}

/// Regression (issue 5): an inverted attribution with a listener after its cue (`...,
/// Defence Secretary Ash Carter told a Senate panel Wednesday.`, `..., an official told
/// reporters.`) gave no claim: the listener was not read as part of the attribution.
#[test]
fn issue_5_an_inverted_attribution_may_name_its_listener() {
    check(
        "Defence\n\nThe plan includes a special force to help the Kurdish fighters, Defence Secretary Ash Carter told a Senate panel Wednesday.\n\nThe union will sit out the election, a union official told reporters.\n\nDuring the two-hour service, the pastor told the congregation about his father.\n",
        expect![[r#"
            indirect "The plan includes a special force to help the Kurdish fighters"
                speaker: Ash Carter (person) role: Defence Secretary mention: "Defence Secretary Ash Carter" cue: told date: 2026-03-04 confidence: 0.92
            indirect "The union will sit out the election"
                speaker: union official (person) role: union official mention: "a union official" cue: told confidence: 0.73"#]],
    );
}

/// Regression (issue 5): `..., said a handful of residents who back the plan.` read the
/// speaker's phrase as the claim: a relative clause right after the people an inverted
/// attribution names belongs to the attribution.
#[test]
fn issue_5_a_relative_clause_after_an_inverted_speaker_belongs_to_the_attribution() {
    check(
        "Harbour plan\n\nThe harbour is the town's best chance, said a handful of residents who back the plan.\n",
        expect![[r#"
            indirect "The harbour is the town's best chance"
                speaker: residents who back the plan (unknown) mention: "a handful of residents" cue: said confidence: 0.86"#]],
    );
}

/// Regression (issue 5): an attribution set inside a clause after one opening word
/// (`Still, he said, officials ...`), after a bare subject whose verb the cue lexicon knows
/// (`The council, Brandt said, called ...`), or after a fragment with "according to" in
/// the middle (`At the heart of the row, according to Ross, was ...`) gave no claim or
/// half of one; the clause is one claim around its attribution. A clause with its own
/// verb before "according to" does not go on into the reporter's words after it.
#[test]
fn issue_5_an_attribution_inside_a_clause_after_a_word_or_a_bare_subject() {
    check(
        "Harbour row\n\nTomas Brandt spoke first. Still, he said, officials have to decide who pays for the dredging.\n\nThe council, Brandt said, called the announcement highly significant.\n\nAt the heart of the row, according to Dennis Ross, was a decision by the mayor to delay the vote.\n\nFutures put the chance of a cut at 30 percent, according to data compiled by Lowther Securities, down from 70 percent.\n",
        expect![[r#"
            indirect "officials have to decide who pays for the dredging"
                speaker: Tomas Brandt (person) mention: "he" cue: said confidence: 0.88
            indirect "The council called the announcement highly significant"
                speaker: Tomas Brandt (person) mention: "Brandt" cue: said confidence: 0.91
            indirect "At the heart of the row was a decision by the mayor to delay the vote"
                speaker: Dennis Ross (person) mention: "Dennis Ross" cue: according to confidence: 0.92
            indirect "Futures put the chance of a cut at 30 percent"
                speaker: Lowther Securities (organisation) mention: "data compiled by Lowther Securities" cue: according to confidence: 0.91"#]],
    );
}

/// Regression (issue 5): reporting verbs such as "lamented", "disclosed", "speculated",
/// "retorted" and "hinted" were no cues for the rules, so `Graham said she was impressed,
/// but lamented that ...` was one claim.
#[test]
fn issue_5_less_common_reporting_verbs_with_that_are_cues() {
    check(
        "Harbour plan\n\nGwen Graham said she was impressed with the plan, but lamented that the costs did not match reality.\n\nThe trust disclosed that the survey had cost 2 million.\n",
        expect![[r#"
            indirect "she was impressed with the plan"
                speaker: Gwen Graham (person) mention: "Gwen Graham" cue: said confidence: 0.88
            indirect "the costs did not match reality"
                speaker: Gwen Graham (person) mention: "Gwen Graham" cue: lamented confidence: 0.87
            indirect "the survey had cost 2 million"
                speaker: Trust (unknown) mention: "The trust" cue: disclosed confidence: 0.66"#]],
    );
}

/// Regression (issue 5): "state" and "states" were read as reporting verbs wherever they
/// stood, so `He won several states on Tuesday: Ohio, ...` and `Iowa, the first state to
/// vote, is set to ...` became claims. After a number, a quantifier, a preposition or a
/// possessive, after a lower-case word that is no document ("coastal states that"), or
/// with no clause after it, the word names a place; `The party's charter states that
/// ...` is still a cue.
#[test]
fn issue_5_state_and_states_as_nouns_are_not_cues() {
    check(
        "Primary calendar\n\nThe governor has focused his money on states in the Midwest that vote in March.\n\nHe won several states on Tuesday: Ohio, Kent and Devon.\n\nThe party's charter states that a nominee needs a majority of delegates.\n\nIowa, the first state to vote, is set to host the debate on Friday.\n\nHe also won narrower victories in coastal states that have moved to the Liberals.\n",
        expect![[r#"
            indirect "a nominee needs a majority of delegates"
                speaker: Party's charter (unknown) mention: "The party's charter" cue: states confidence: 0.67"#]],
    );
}

/// Regression (issue 5): a poll's findings (`In a Kent Courier/Harbour Radio poll released
/// Monday, 48 percent ...`, `Brandt led Calder by nine points in the same poll`) were no
/// claims; the poll is their source as "according to" names one. A poll inside the
/// subject (`voters in the poll were undecided`) and standing in polls in general (`in
/// the polls`) are not attributions.
#[test]
fn issue_5_a_polls_findings_are_attributed_to_the_poll() {
    check(
        "Mayoral race tightens\n\nIn a Kent Courier/Harbour Radio poll released Monday, 48 percent of likely voters backed Ines Calder while 41 percent chose Tomas Brandt.\n\nBrandt led Calder by nine points in the same poll a month ago.\n\nFifteen percent of voters in the poll were undecided.\n\nCalder has gained ground in the polls since the debate.\n",
        expect![[r#"
            indirect "48 percent of likely voters backed Ines Calder while 41 percent chose Tomas Brandt"
                speaker: Kent Courier/Harbour Radio poll (organisation) mention: "a Kent Courier/Harbour Radio poll" cue: In date: 2026-03-02 confidence: 0.90
            indirect "Brandt led Calder by nine points"
                speaker: same poll (organisation) mention: "the same poll" cue: in confidence: 0.77"#]],
    );
}

/// Regression (issue 5): an attribution set off after a time that opens the sentence
/// (`Six months ago, the senator said, the press ...`, `Recently, he said, he has ...`)
/// took the time alone for the reported clause, or gave no claim. A time alone opens
/// the clause as a preposition does, and the clause goes on after the attribution.
#[test]
fn issue_5_an_attribution_after_an_opening_time_interrupts_the_clause() {
    check(
        "Harbour race\n\nIrene Falk spoke in Kent.\n\nSix months ago, the independent councillor said, the press considered her a fringe candidate.\n\nRecently, she said, she has realised that the rest of the county is less friendly.\n",
        expect![[r#"
            indirect "Six months ago the press considered her a fringe candidate"
                speaker: independent councillor (person) role: independent councillor mention: "the independent councillor" cue: said confidence: 0.75
            indirect "Recently she has realised that the rest of the county is less friendly"
                speaker: independent councillor (person) role: independent councillor mention: "she" cue: said confidence: 0.85"#]],
    );
}

/// Regression (issue 5): in archives that write a double quote mark as two apostrophes,
/// a single quote closing inside a double one ends in three (`''We hear it daily,
/// 'Kent is a special case,''' Mr. Falk said.`). The three were read as a double mark
/// and then a single one, which left the quotation open and gave no claim.
#[test]
fn issue_5_three_apostrophes_close_a_single_quote_then_a_double_one() {
    check(
        "Harbour row\n\n''We hear it daily, 'Kent is a special case,''' Mr. Falk said.\n\n''I tell other councils, 'Sorry,' and move on,'' said Ms. Reyes.\n",
        expect![[r#"
            direct "We hear it daily, 'Kent is a special case,'"
                speaker: Falk (person) mention: "Mr. Falk" cue: said confidence: 0.96
            direct "I tell other councils, 'Sorry,' and move on"
                speaker: Reyes (person) mention: "Ms. Reyes" cue: said confidence: 0.96"#]],
    );
}

/// Regression (issue 5): `..., said Irene Falk, an assistant professor in the school of
/// marine studies at Kent University.` gave no claim: the role after the name was cut
/// after ten tokens, so the attribution did not seem to end the sentence. Places after a
/// role, and after a name ("according to an interview with The Courier at the time, ..."),
/// belong to the attribution; "at least" after a phrase that is no name does not.
#[test]
fn issue_5_a_long_role_after_an_inverted_name_ends_the_attribution() {
    check(
        "Harbour plan\n\nThe plan may be \"strategic,\" said Irene Falk, an assistant professor in the school of marine studies at Kent University. \"Each council is busy,\" she said.\n\nOne of the authors of that 2013 report, Tomas Brandt, said the plan will at least test their conclusions.\n",
        expect![[r#"
            mixed "The plan may be \"strategic,\""
                speaker: Irene Falk (person) role: an assistant professor mention: "Irene Falk" cue: said confidence: 0.91
            direct "Each council is busy"
                speaker: Irene Falk (person) role: an assistant professor mention: "she" cue: said confidence: 0.92
            indirect "the plan will at least test their conclusions"
                speaker: One of the authors of that 2013 report (unknown) mention: "One of the authors of that 2013 report" cue: said confidence: 0.70"#]],
    );
}

/// Regression (issue 5): `Falk vowed to "take our fight" to the five towns that ...` gave
/// a direct quote of the fragment alone: a quotation opening in lower case after a cue,
/// with the sentence going on after it, is part of the reported clause, which is mixed.
#[test]
fn issue_5_a_quoted_fragment_inside_the_reported_clause_is_mixed_speech() {
    check(
        "Harbour race\n\nIrene Falk vowed to \"take our fight\" to the five towns that have not yet voted.\n\nTomas Brandt admitted \"one or two mistakes\" where the council's money may have \"slipped through the cracks.\"\n",
        expect![[r#"
            mixed "to \"take our fight\" to the five towns that have not yet voted"
                speaker: Irene Falk (person) mention: "Irene Falk" cue: vowed confidence: 0.95
            mixed "\"one or two mistakes\" where the council's money may have \"slipped through the cracks.\""
                speaker: Tomas Brandt (person) mention: "Tomas Brandt" cue: admitted confidence: 0.88"#]],
    );
}

/// Regression (issue 5): `Since last November, according to the Harbour Trust, the
/// council has ...` gave the time alone as the claim: after a time, the clause goes on
/// past the "according to" that interrupts it.
#[test]
fn issue_5_according_to_after_an_opening_time_interrupts_the_clause() {
    check(
        "Harbour levy\n\nSince last November, according to the Harbour Trust, the council has collected more than 400,000 in fees.\n",
        expect![[r#"
            indirect "Since last November the council has collected more than 400,000 in fees"
                speaker: Harbour Trust (organisation) mention: "the Harbour Trust" cue: according to confidence: 0.92"#]],
    );
}

/// Regression (issue 5): `Dana Kreft, senior director for harbour affairs at the Kent
/// Council, said she expects Brandt, Falk and Reyes to agree.` was read as inverted, with
/// "she expects Brandt" for the speaker and the name and role for the claim: a subject
/// pronoun opening several words after the cue begins the reported clause.
#[test]
fn issue_5_a_pronoun_after_the_cue_opens_the_reported_clause() {
    check(
        "Harbour talks\n\nDana Kreft, senior director for harbour affairs at the Kent County Council, said she expects Brandt, Falk and Reyes to agree on the levy.\n",
        expect![[r#"
            indirect "she expects Brandt, Falk and Reyes to agree on the levy"
                speaker: Dana Kreft (person) role: senior director for harbour affairs at the Kent County Council mention: "Dana Kreft" cue: said confidence: 0.91"#]],
    );
}

/// Regression (issue 5): in `Judge Irene Falk imposed a two-year ban on the trawler's
/// owner, Kent Fisheries, saying ...` the participle was given to the noun phrase before
/// its comma. After the main clause's verb and its object, a participle set off by a
/// comma speaks for the sentence's subject.
#[test]
fn issue_5_a_participle_after_the_object_speaks_for_the_subject() {
    check(
        "Harbour court\n\nJudge Irene Falk imposed a two-year ban on the trawler's owner, Kent Fisheries, saying a tough penalty was needed to protect the quay.\n",
        expect![[r#"
            indirect "a two-year ban on the trawler's owner"
                speaker: Irene Falk (person) role: Judge mention: "Judge Irene Falk" cue: imposed confidence: 0.84
            indirect "a tough penalty was needed to protect the quay"
                speaker: Irene Falk (person) role: Judge mention: "Judge Irene Falk" cue: saying confidence: 0.90"#]],
    );
}

/// Regression (issue 5): under `Shift leader: "We will not leave"` the story's first claim
/// was the miners', so the headline's quote went to them, though the story gives the
/// same words to the shift leader a sentence later. The claim that says the headline's
/// words names its speaker; the story's first claim only when none does.
#[test]
fn issue_5_a_headline_quote_takes_the_speaker_of_its_words_in_the_story() {
    check(
        "Mine dispute\n\nShift leader: \"We will not leave\"\n\nMiners occupying the Kent copper mine said on Monday that they would stay underground until the owner paid their wages. \"We will not leave until we have it in writing,\" said Piet Varga, a shift leader.\n",
        expect![[r#"
            direct "We will not leave"
                speaker: Piet Varga (person) role: shift leader mention: "Piet Varga" confidence: 0.84
            indirect "they would stay underground until the owner paid their wages"
                speaker: Miners occupying the Kent copper mine (unknown) mention: "Miners occupying the Kent copper mine" cue: said date: 2026-03-02 confidence: 0.89
            direct "We will not leave until we have it in writing"
                speaker: Piet Varga (person) role: shift leader mention: "Piet Varga" cue: said confidence: 0.97"#]],
    );
}

/// Regression (issue 5): `Shortly before the vote, the minister said, the guards left.` kept
/// only "Shortly before the vote": an adverb leaning on a preposition opens the sentence as
/// the preposition does, so the clause after the attribution is the claim's too. The same
/// holds around "according to" after a short prepositional opener (`At noon on Tuesday,
/// according to the ministry, ...`). A relative clause after an inverted speaker stays the
/// speaker's (`..., said Keller, who ...`).
#[test]
fn issue_5_an_adverbial_opener_before_an_attribution_goes_on_after_it() {
    check(
        "Border post\n\nShortly before the vote, the minister said, the guards left the post.\n\nAt noon on Tuesday, according to the ministry, the last lorry crossed.\n\nEven if the post closes, some checks will go on at the port, said Keller, who chairs the border committee.\n",
        expect![[r#"
            indirect "Shortly before the vote the guards left the post"
                speaker: minister (person) role: minister mention: "the minister" cue: said confidence: 0.74
            indirect "At noon on Tuesday the last lorry crossed"
                speaker: ministry (organisation) mention: "the ministry" cue: according to confidence: 0.79
            indirect "Even if the post closes, some checks will go on at the port"
                speaker: Keller (person) mention: "Keller" cue: said confidence: 0.85"#]],
    );
}

/// Regression (issue 5): `"The risk," said Leamer, an economist who directs the forecast,
/// "is that ..."` kept only "The risk": a relative clause after the speaker's role, or a
/// phrase about the words (`he said of people whose rights were restored,`) or a listener
/// with a time (`told Ortiz of the Herald after the debate,`), may stand between the
/// attribution and the quote it resumes, which is the same claim's second part.
#[test]
fn issue_5_an_aside_after_the_attribution_does_not_end_an_interrupted_quote() {
    check(
        "Wages\n\n\"The risk,\" said Anton Leamer, an economist who is the director of the Harbour Forecast, \"is that we attract workers and repel jobs.\"\n\n\"I have no idea how they voted,\" Mayor Rosa Quint said of people whose voting rights were previously restored, \"But I do know they have a stake in this city.\"\n\n\"The animosity is worse than ever,\" Quint told Lena Ortiz of the Harbour Herald after the debate, \"and I hope we can fix it.\"\n",
        expect![[r#"
            direct "The risk, is that we attract workers and repel jobs."
                speaker: Anton Leamer (person) role: an economist mention: "Anton Leamer" cue: said confidence: 0.97
            direct "I have no idea how they voted, But I do know they have a stake in this city."
                speaker: Rosa Quint (person) role: Mayor mention: "Mayor Rosa Quint" cue: said confidence: 0.97
            direct "The animosity is worse than ever, and I hope we can fix it."
                speaker: Rosa Quint (person) role: Mayor mention: "Quint" cue: told confidence: 0.97"#]],
    );
}

/// Regression (issue 5): `"Elections matter," Kelly said.` gave no claim, and `Mrs. Quilly
/// said` gave the speaker "Mrs.": a word ending in "-ly" before the cue was skipped as an
/// adverb ("reportedly said") even when capitalised, where it is a name.
#[test]
fn issue_5_a_capitalised_word_ending_in_ly_before_a_cue_is_a_name() {
    check(
        "Senate race\n\n\"Elections matter,\" Kelly said. \"Look at the records.\"\n\nMrs. Quilly said she was pleased with the result, and she reportedly said it twice.\n",
        expect![[r#"
            direct "Elections matter, Look at the records."
                speaker: Kelly (person) mention: "Kelly" cue: said confidence: 0.89
            indirect "she was pleased with the result"
                speaker: Quilly (person) mention: "Mrs. Quilly" cue: said confidence: 0.88"#]],
    );
}

/// Regression (issue 5): `Wednesday on Harbour News Channel's "Quist," Gingrich said if
/// the nominee picked him it would be ...` reported the show's quoted name as Gingrich's
/// words: a cue whose own reported clause opens with "if" does not report a quotation
/// before it.
#[test]
fn issue_5_a_reported_clause_opening_with_if_is_the_cues_own() {
    check(
        "Running mates\n\nWednesday on Harbour News Channel’s “Quist,” Newt Gingrich said if presumptive Republican nominee Donald Trump picked him as a running mate it would be a “two-pirate ticket.”\n",
        expect![[r#"
            mixed "if presumptive Republican nominee Donald Trump picked him as a running mate it would be a “two-pirate ticket.”"
                speaker: Newt Gingrich (person) mention: "Newt Gingrich" cue: said date: 2026-03-04 confidence: 0.95"#]],
    );
}

/// Regression (issue 5): `The French are big fans of "Harbour Nights," Mr. Madden said.`
/// gave no claim, since the comma that hands over stands inside the closing mark of the
/// show's name; and a sentence set in brackets (`(The plan is dead, Madden said.)`) kept
/// the opening bracket in its claim.
#[test]
fn issue_5_a_clause_ending_in_a_quoted_title_before_its_attribution() {
    check(
        "Television\n\nThe French are big fans of \"Harbour Nights,\" Mr. Madden said.\n\n(The second series is already sold out in Lyon, Madden said.)\n",
        expect![[r#"
            indirect "The French are big fans of \"Harbour Nights,\""
                speaker: Madden (person) mention: "Mr. Madden" cue: said confidence: 0.90
            indirect "The second series is already sold out in Lyon"
                speaker: Madden (person) mention: "Madden" cue: said confidence: 0.91"#]],
    );
}

/// Regression (issue 5): `This is not about me, Obama told his advisers.` and `..., Obama
/// said as he worked on the speech.` gave no claim: a listener may open with a possessive
/// after "told", and a clause about when the words were said ("as", "while", "when",
/// "before", "after") may end the sentence after the attribution.
#[test]
fn issue_5_a_possessive_listener_or_a_when_clause_after_an_inverted_attribution() {
    check(
        "The speech\n\nThe rehearsal went well.\n\nThis is not about me, Obama told his closest advisers as he worked on the last draft.\n\nThe country is ready, Obama said while the lights were dimmed.\n",
        expect![[r#"
            indirect "This is not about me"
                speaker: Obama (person) mention: "Obama" cue: told confidence: 0.79
            indirect "The country is ready"
                speaker: Obama (person) mention: "Obama" cue: said confidence: 0.86"#]],
    );
}

/// Regression (issue 5): `It has not gone unnoticed: According to recent polls, Varga holds
/// ...` reported the words before the colon, and `While most files were marked
/// "confidential" at first, according to an official, two were ...` only the subordinate
/// clause: after a colon "according to" opens its clause, and after a subordinate clause
/// the source vouches for the main clause that follows.
#[test]
fn issue_5_according_to_after_a_colon_or_a_subordinate_clause() {
    check(
        "Polls\n\nIt has not gone unnoticed: According to recent polls, Varga holds only 14 percent of the rural vote.\n\nWhile most of the files were marked \"confidential\" at first, according to a ministry official, two of them were upgraded to \"secret\" last week.\n",
        expect![[r#"
            indirect "Varga holds only 14 percent of the rural vote"
                speaker: recent polls (unknown) mention: "recent polls" cue: According to confidence: 0.87
            mixed "two of them were upgraded to \"secret\" last week"
                speaker: ministry official (person) role: ministry official mention: "a ministry official" cue: according to confidence: 0.76"#]],
    );
}

/// Regression (issue 5): `..., the people said, asking not to be named because the talks
/// are private.` reported "not to be named because ..." as the people's claim, and so did
/// `who did not want to be named because he was not authorised to speak`: a source's
/// request for anonymity is how the reporter knows the words, not a claim.
#[test]
fn issue_5_a_request_not_to_be_named_is_no_claim() {
    check(
        "Chip sale\n\nThe company has held talks with two private equity firms, the people said, asking not to be named because the discussions are private.\n\nA senior fire service officer, who did not want to be named because he was not authorised to speak, said crews had been working 20-hour shifts.\n",
        expect![[r#"
            indirect "The company has held talks with two private equity firms"
                speaker: people (unknown) mention: "the people" cue: said confidence: 0.88
            indirect "crews had been working 20-hour shifts"
                speaker: senior fire service officer (person) role: senior fire service officer mention: "A senior fire service officer" cue: said confidence: 0.73"#]],
    );
}

/// Regression (issue 5): `Despite two defeats, Senator Ada Quist remains in the race, her
/// top aide, Tad Marlow, told the Harbour Post.` gave the Harbour Post as the speaker, or
/// no claim: after "told" a name is the listener, and a comma after an opening adverbial
/// sets it off from a clause of its own, which is the claim. A joke or a story told is no
/// listener (`..., Quist told a joke.`).
#[test]
fn issue_5_a_listener_after_told_is_never_the_speaker() {
    check(
        "Primary\n\nThe count went on all night.\n\nDespite two costly defeats on Tuesday, Senator Ada Quist remains committed to the race, her top aide, Tad Marlow, told the Harbour Post.\n\nOn Friday morning, the third day of her coastal tour, Quist told a joke.\n",
        expect![[r#"
            indirect "Despite two costly defeats on Tuesday, Senator Ada Quist remains committed to the race"
                speaker: Tad Marlow (person) role: her top aide mention: "Tad Marlow" cue: told confidence: 0.93"#]],
    );
}

/// Regression (issue 5): `Sen. Chuck Grassley (R-Iowa) said` gave the speaker "Chuck
/// Grassley R-Iowa", and with a listener after the cue no claim at all: a short
/// parenthetical after a name belongs to the attribution.
#[test]
fn issue_5_a_parenthetical_after_a_name_is_not_part_of_it() {
    check(
        "Farm vote\n\nBiofuels do not stir the same fervor as in 2000, when ethanol won the caucus, Sen. Chuck Grassley (R-Iowa) told Politico.\n\nThe levy will pass, Rep. Ada Quist (D-Calif.) said.\n",
        expect![[r#"
            indirect "Biofuels do not stir the same fervor as in 2000, when ethanol won the caucus"
                speaker: Chuck Grassley (person) role: Sen. mention: "Sen. Chuck Grassley" cue: told confidence: 0.93
            indirect "The levy will pass"
                speaker: Ada Quist (person) role: Rep. mention: "Rep. Ada Quist" cue: said confidence: 0.85"#]],
    );
}

/// Regression (issue 5): `"...," the annual report said.` gave the speaker "Annual": a cue
/// word right before a verb of saying ("report said", "survey finds") is that verb's
/// subject. And `..., because, according to Quist, the media would ...` reported the whole
/// sentence: a conjunction right before "according to" opens the clause the source vouches
/// for.
#[test]
fn issue_5_a_report_before_said_and_a_conjunction_before_according_to() {
    check(
        "Audit\n\n\"The computer had been hacked by a foreign government,\" the annual report said.\n\nQuist went to that debate, and he will go to the next one, because, according to Quist, the media would call him a coward if he did not.\n",
        expect![[r#"
            direct "The computer had been hacked by a foreign government"
                speaker: annual report (organisation) mention: "the annual report" cue: said confidence: 0.85
            indirect "the media would call him a coward if he did not"
                speaker: Quist (person) mention: "Quist" cue: according to confidence: 0.84"#]],
    );
}

/// Regression (issue 5): `"...," Quist, who has proposed repealing the levy over five
/// years, said at the time.` gave no claim: the cue inside the relative clause about the
/// speaker ("proposed") was taken for the attribution's.
#[test]
fn issue_5_a_cue_inside_a_relative_clause_about_the_speaker_is_not_the_attribution() {
    check(
        "Levy\n\n\"The answer you would like me to give is that I am for the levy,\" Ada Quist, who has proposed repealing the levy over five years, said at the time.\n",
        expect![[r#"
            direct "The answer you would like me to give is that I am for the levy"
                speaker: Ada Quist (person) mention: "Ada Quist" cue: said confidence: 0.97"#]],
    );
}

/// Regression (issue 5): `Beck joked, again using an exaggerated accent, "Amen, brother!"`
/// and `Quist said, smiling, "We will win."` made the aside part of a mixed claim, and
/// `Quist said, and I quote, "..."` gave none: an aside set off by commas that opens with
/// a participle, an adverb or "and I quote" may stand between the cue and its quote.
#[test]
fn issue_5_an_aside_between_a_cue_and_its_quote() {
    check(
        "Rally\n\nWhen someone in the audience shouted his name, Beck joked, again using an exaggerated accent, \"Amen, brother! Come on up!\"\n\nQuist said, smiling, \"We will win this county.\"\n\nQuist then said, and I quote, \"We love the poorly educated.\"\n",
        expect![[r#"
            direct "Amen, brother! Come on up!"
                speaker: Beck (person) mention: "Beck" cue: joked confidence: 0.89
            direct "We will win this county."
                speaker: Quist (person) mention: "Quist" cue: said confidence: 0.88
            direct "We love the poorly educated."
                speaker: Quist (person) mention: "Quist" cue: said confidence: 0.96"#]],
    );
}

/// Regression (issue 5): `Freddy confided to her that his parents had panicked` gave no
/// claim: "confide" reports what it introduces with "that", as "admit" does.
#[test]
fn issue_5_confided_that_is_a_cue() {
    check(
        "Family\n\nFreddy Quist confided to her that his parents had panicked when the family moved.\n",
        expect![[r#"
            indirect "his parents had panicked when the family moved"
                speaker: Freddy Quist (person) mention: "Freddy Quist" cue: confided confidence: 0.91"#]],
    );
}

/// Regression (issue 5): `He crossed the border after, according to him, the network
/// censured his first report.` gave the speaker "Him": an object pronoun standing alone as
/// the source means whom "he" would.
#[test]
fn issue_5_an_object_pronoun_as_the_source_is_resolved() {
    check(
        "Exile\n\nThe reporter Tomas Quist left the capital in 1995.\n\nHe crossed the border after, according to him, the state network censured his first report.\n",
        expect![[r#"
            indirect "He crossed the border after, according to him"
                speaker: Tomas Quist (person) mention: "He" cue: report confidence: 0.87
            indirect "the state network censured his first report"
                speaker: Tomas Quist (person) mention: "him" cue: according to confidence: 0.87"#]],
    );
}

/// Regression (issue 5): `"...," CBS This Morning co-anchor Lena Morgan said.` gave no
/// claim: the subject reader stopped at the "This" of the show's name, so the subject did
/// not start where the quote ended; capitalised words before it belong to the same phrase.
#[test]
fn issue_5_a_show_name_holding_this_before_the_speaker() {
    check(
        "Television\n\nThe interview ran late.\n\n\"But that was the first time in a long time,\" CBS This Morning co-anchor Lena Morgan said.\n",
        expect![[r#"
            direct "But that was the first time in a long time"
                speaker: Lena Morgan (person) mention: "CBS This Morning co-anchor Lena Morgan" cue: said date: 2026-03-06 confidence: 0.96"#]],
    );
}
