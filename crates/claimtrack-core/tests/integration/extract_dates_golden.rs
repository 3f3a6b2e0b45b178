//! Golden tests for when claims were said: one article per dating behaviour, written for
//! these tests, with each claim's day beside it. `UPDATE_EXPECT=1 cargo test`
//! rewrites the expectations; review the diff before committing it.

use chrono::NaiveDate;
use claimtrack_core::extract_claims;
use expect_test::{expect, Expect};

/// Extracts `article` as published on `published` and lists each claim's first words and
/// day ("none" when the article gives no day). Speakers are left to the other golden
/// tests, so these change only when dating does.
fn check(article: &str, published: &str, expected: Expect) {
    let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("a test date");
    let extraction = extract_claims(article, Some(published));
    let lines: Vec<String> = extraction
        .claims
        .iter()
        .map(|claim| {
            let opening: String = claim.text.chars().take(48).collect();
            format!(
                "{:?} | {}",
                opening,
                claim
                    .said_on
                    .map_or_else(|| "none".to_string(), |date| date.to_string())
            )
        })
        .collect();
    expected.assert_eq(&lines.join("\n"));
}

#[test]
fn the_day_the_lead_sets_carries_to_the_same_speaker_later_in_the_story() {
    check(
        "Baker vows to keep shop open\n\n\
         Village baker Rosa Lindgren last night vowed she would keep her shop open despite \
         a rent rise of 40 percent.\n\n\
         The landlord, Harwick Estates, has asked for the new rent from March.\n\n\
         \"I have baked bread on this street for thirty years,\" Lindgren told the Gazette.\n\n\
         \"I am not going anywhere.\"\n\n\
         Harwick Estates declined to comment.",
        "2026-03-04",
        expect![[r#"
            "she would keep her shop open despite a rent rise" | 2026-03-03
            "I have baked bread on this street for thirty yea" | 2026-03-03
            "I am not going anywhere." | 2026-03-03"#]],
    );
}

#[test]
fn a_month_or_at_the_time_is_not_a_day_and_said_then_is_the_day_before_it() {
    check(
        "Council split over library plan\n\n\
         The council leader, Omar Bekele, said on Tuesday that the library would move to the \
         old post office. \"It is a better building in a better place,\" he said.\n\n\
         His deputy, Ingrid Falk, said in November that the move would cost too much. \
         \"We cannot afford two buildings,\" Falk said at the time.\n\n\
         Bekele had said on Monday that the council would consult residents. \"Everyone will \
         have a say,\" he said then.",
        "2026-02-12",
        expect![[r#"
            "the library would move to the old post office" | 2026-02-10
            "It is a better building in a better place" | 2026-02-10
            "the move would cost too much" | none
            "We cannot afford two buildings" | none
            "the council would consult residents" | 2026-02-09
            "Everyone will have a say" | 2026-02-09"#]],
    );
}

#[test]
fn live_blog_entries_are_the_blog_day_unless_they_name_another() {
    check(
        "Budget day live\n\n\
         12:02 - Welcome to our live coverage of budget day.\n\n\
         12:10 - Yesterday the finance minister, Pavel Strand, told reporters the budget \
         would be \"boring on purpose\".\n\n\
         12:35 - Strand is on his feet. \"This budget pays its own way,\" he tells the \
         chamber.\n\n\
         12:50 - The Taxpayers' League says the plan is \"timid\".",
        "2026-10-07",
        expect![[r#"
            "the budget would be \"boring on purpose\"" | 2026-10-06
            "This budget pays its own way" | 2026-10-07
            "the plan is \"timid\"" | 2026-10-07"#]],
    );
}

#[test]
fn a_wire_story_under_a_dated_dateline_is_one_occasion_except_for_commentators() {
    check(
        "Port workers strike over pay\n\n\
         BRELLHAVEN, May 6 (Northline News) - Dock workers at Brellhaven walked out on \
         Wednesday, and their union said the strike would last until the port offered more \
         than 2 percent.\n\n\
         The port authority said it had made a fair offer.\n\n\
         \"We will not be held hostage,\" the authority's director, Lena Marsh, said.\n\n\
         Karl Veit, an analyst at Fjord Securities, said the strike could cost the port a \
         week of trade.\n\n\
         Exports through the port rose 4 percent last year, according to the statistics \
         office.",
        "2026-05-06",
        expect![[r#"
            "the strike would last until the port offered mor" | 2026-05-06
            "it had made a fair offer" | 2026-05-06
            "We will not be held hostage" | 2026-05-06
            "the strike could cost the port a week of trade" | none
            "Exports through the port rose 4 percent last yea" | none"#]],
    );
}

#[test]
fn a_sentence_that_sets_the_scene_dates_the_claims_after_it_in_its_paragraph() {
    check(
        "Island ferry row\n\n\
         The island's only ferry may sail three days a week from April.\n\n\
         At a meeting in the village hall last Thursday, tempers ran high. The councillor, \
         Mara Quist, said the county would pay for a fourth crossing. The headteacher, Olav \
         Dunn, said pupils would have to board on the mainland.\n\n\
         The ferry company said it was open to a compromise.",
        "2026-02-11",
        expect![[r#"
            "the county would pay for a fourth crossing" | 2026-02-05
            "pupils would have to board on the mainland" | 2026-02-05
            "it was open to a compromise" | none"#]],
    );
}

#[test]
fn a_headline_quote_takes_the_day_of_the_same_words_below_it() {
    check(
        "Mayor: \"The bridge will reopen on Friday\"\n\n\
         The mayor of Estby, Joan Pelletier, said on Monday that the bridge would reopen on \
         Friday after repairs. \"The bridge will reopen on Friday, and it will be safer than \
         ever,\" she told reporters.",
        "2026-08-19",
        expect![[r#"
            "The bridge will reopen on Friday" | 2026-08-17
            "the bridge would reopen on Friday after repairs" | 2026-08-17
            "The bridge will reopen on Friday, and it will be" | 2026-08-17"#]],
    );
}

#[test]
fn newcomers_in_an_analysis_piece_and_perfect_tense_claims_get_no_day() {
    check(
        "The quiet fight over the harbour\n\n\
         For a town that rarely argues about anything, the harbour plan has become a \
         surprisingly bitter affair. The harbourmaster, Ruth Engel, told a public meeting on \
         Tuesday that the plan would double the number of berths.\n\n\
         Fishermen have long said the berths would go to yachts. Their association's \
         chairman, Piotr Lund, said the town would lose its fishing fleet within a decade.\n\n\
         \"They are building a marina and calling it a harbour,\" Lund said.",
        "2026-06-18",
        expect![[r#"
            "about anything, the harbour plan has become a su" | none
            "the plan would double the number of berths" | 2026-06-16
            "the berths would go to yachts" | none
            "the town would lose its fishing fleet within a d" | none
            "They are building a marina and calling it a harb" | none"#]],
    );
}

#[test]
fn a_claim_reported_inside_another_has_a_day_only_when_its_own_words_give_one() {
    check(
        "Coach says he was promised a new contract\n\n\
         The former coach, Anton Reyes, said on Thursday that the chairman had told him in \
         March that his contract would be renewed. Reyes said the chairman had assured him on \
         Monday that nothing had changed.",
        "2026-05-29",
        expect![[r#"
            "he was promised a new contract" | none
            "the chairman had told him in March that his cont" | 2026-05-28
            "his contract would be renewed" | none
            "the chairman had assured him on Monday that noth" | 2026-05-28
            "nothing had changed" | 2026-05-25"#]],
    );
}

/// A member of a body ("its chairman", "the board's secretary") who speaks right after the
/// body in the same paragraph speaks at the body's occasion.
#[test]
fn a_member_of_a_body_speaks_on_the_day_the_body_spoke() {
    check(
        "Ferry firm cuts winter sailings\n\n\
         Islay Ferries said on Tuesday that it would run \
         two winter sailings a day instead of four. \"Fuel has doubled,\" its chairman, \
         Callum Reid, told reporters.\n\n\
         The island council said on Wednesday that the cut would hurt schools. \"Children \
         will miss lessons,\" the council's education convener, Morag Duff, said.\n\n\
         \"This is about survival,\" said Peter Lenz, a transport analyst.",
        "2026-11-06",
        expect![[r#"
            "it would run two winter sailings a day instead o" | 2026-11-03
            "Fuel has doubled" | 2026-11-03
            "the cut would hurt schools" | 2026-11-04
            "Children will miss lessons" | 2026-11-04
            "This is about survival" | none"#]],
    );
}

/// A short one-sentence paragraph of the story is not a headline: it ends with a full
/// stop, so its speaker's day carries to the quote after it.
#[test]
fn a_short_paragraph_with_a_full_stop_is_not_a_headline() {
    check(
        "Minister rejects threat\n\n\
         Meravia said on Wednesday it would take its neighbour to court if talks over a \
         giant upstream dam failed to produce a deal by the end of the month.\n\n\
         Oduya told a news conference on Monday that his country \"will not be rushed\".\n\n\
         \"We are ready to talk, not to be shouted at,\" he said.",
        "2026-04-16",
        expect![[r#"
            "it would take its neighbour to court if talks ov" | 2026-04-15
            "his country \"will not be rushed\"" | 2026-04-13
            "We are ready to talk, not to be shouted at" | 2026-04-13"#]],
    );
}

/// "He insisted yesterday he would ..." and "... - and claimed the council had lied": a
/// reporting verb that otherwise needs "that" takes a clause opened by a personal pronoun
/// or, after "and", one with its own auxiliary; the time after the verb is the day.
#[test]
fn a_pronoun_or_a_coordinated_clause_after_a_verb_that_needs_that() {
    check(
        "Landlord row\n\n\
         Tenant leader Ana Ruiz insisted yesterday she would take the landlord to court - \
         and claimed other tenants had been treated the same way.\n\n\
         The landlord claimed the title of best employer on Sunday.",
        "2026-02-05",
        expect![[r#"
            "she would take the landlord to court" | 2026-02-04
            "other tenants had been treated the same way" | 2026-02-04"#]],
    );
}

/// "In an interview on Monday, Westbrook said ...": a feature quotes the person it
/// interviewed from that interview throughout, even after other voices in between; someone
/// quoted without an interview day gets none.
#[test]
fn a_speaker_interviewed_on_a_day_keeps_that_day_in_later_paragraphs() {
    check(
        "The night buses a city forgot\n\n\
         Six night routes are due to be withdrawn in April.\n\n\
         In an interview on Monday, Westbrook said the authority had no good options.\n\n\
         \"Let her try getting to work at three in the morning,\" said Tom Iles, a baker.\n\n\
         She said the authority was talking to the city's hospitals about a shuttle.\n\n\
         Iles said he would keep writing to his councillor.",
        "2026-02-12",
        expect![[r#"
            "the authority had no good options" | 2026-02-09
            "Let her try getting to work at three in the morn" | none
            "the authority was talking to the city's hospital" | 2026-02-09
            "he would keep writing to his councillor" | none"#]],
    );
}

/// "... when the Courier called him yesterday": a clause in which the reporter reaches the
/// speaker (or the speaker talks to reporters) says when the words were said, not what
/// was said. It stays out of a tagged claim, and its day dates the claim and the
/// speaker's words after it, also where the rules' claim runs on into the clause.
#[test]
fn a_when_clause_in_which_the_reporter_reaches_the_speaker_dates_the_claim() {
    check(
        "Slipway shut for summer\n\n\
         Fishermen in Port Kellan hit out at the harbour board on Thursday for closing the \
         town's only slipway until September.\n\n\
         Harbour master Tomas Weir defended the decision to shut the slipway for the whole \
         summer when the Courier called him yesterday.\n\n\
         \"Safety has to come first,\" he said. \"The concrete is crumbling and someone will \
         get hurt.\"\n\n\
         The board's chairwoman, Ruth Okafor, denied that the repairs had been rushed when \
         she spoke to reporters on Tuesday.\n\n\
         \"We will do our best,\" she said.\n\n\
         Skipper Ailsa Grant, 54, blamed the closure on years of neglect when she spoke to \
         the Courier on Wednesday.",
        "2026-06-12",
        expect![[r#"
            "the decision to shut the slipway for the whole s" | 2026-06-11
            "Safety has to come first, The concrete is crumbl" | 2026-06-11
            "the repairs had been rushed when she spoke to re" | 2026-06-09
            "We will do our best" | 2026-06-09
            "the closure on years of neglect" | 2026-06-10"#]],
    );
}
