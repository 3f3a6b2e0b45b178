//! Tests of the evaluation harness: the scorer on tiny hand-made gold and predictions
//! whose figures are worked out by hand below, the gold loader's refusals, the brat reader
//! on a sample written for these tests (`tests/data/eval-brat-sample`), the brat writer's
//! round trip through a real store, the floor check, and the whole harness on PolNeAR
//! when the corpus sits beside the checkout.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimtrack_core::eval::brat::{
    export_claims_brat, parse_brat_annotations, with_leading_complementiser,
};
use claimtrack_core::eval::gold::load_gold_file;
use claimtrack_core::eval::report::parse_floor;
use claimtrack_core::eval::score::{calibrate, normalise_speaker_name, ErrorClass};
use claimtrack_core::eval::{
    check_floor, evaluate_directory, load_reference_directory, render_text_report,
    score_reference_set, EvalOptions, EvalReport, ReferenceArticle, ReferenceClaim,
    ReferenceConvention, ReferenceSet,
};
use claimtrack_core::store::ClaimFilter;
use claimtrack_core::{ByteSpan, ClaimKind, ExtractedClaim, SpeakerType};
use expect_test::expect;

use crate::polnear_smoke::polnear_directory;
use crate::support::{draft, TempDatabase};

/// Written for these tests: a budget story with one claim of each difficulty.
const BUDGET_STORY: &str = "Keller promises tax relief\n\n\
Finance Minister Maria Keller said on Tuesday that taxes for families would fall next year.\n\n\
\"We will cut taxes for families,\" Keller told reporters. \"Nobody will pay more.\"\n\n\
The opposition leader, Tomas Brenner, said the plan was unaffordable and would hurt schools.\n\n\
According to the European Commission, the deficit is already too high.\n";

fn span_of(text: &str, words: &str) -> ByteSpan {
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("`{words}` is not in the test text"));
    ByteSpan::new(start, start + words.len())
}

fn gold(
    kind: ClaimKind,
    words: &str,
    speaker: &str,
    cue: Option<&str>,
    said_on: Option<&str>,
) -> ReferenceClaim {
    ReferenceClaim {
        kind,
        kind_inferred: false,
        content: vec![span_of(BUDGET_STORY, words)],
        speaker: Some(speaker.to_string()),
        mention: Vec::new(),
        cue: cue.map(str::to_string),
        cue_spans: Vec::new(),
        said_on: said_on.map(|date| date.parse().expect("test date")),
    }
}

fn predicted(
    kind: ClaimKind,
    words: &str,
    speaker: Option<&str>,
    cue: Option<&str>,
    confidence: f32,
) -> ExtractedClaim {
    let span = span_of(BUDGET_STORY, words);
    ExtractedClaim {
        kind,
        span,
        parts: vec![span],
        text: words.to_string(),
        mention: None,
        speaker: speaker.map(str::to_string),
        speaker_type: SpeakerType::Person,
        speaker_role: None,
        cue: cue.map(str::to_string),
        cue_span: None,
        said_on: None,
        confidence,
    }
}

/// The hand-made case. Gold: five claims. Predictions: an exact match with the speaker in
/// other case and no date (G1), an exact match up to the comma (G2), a duplicate inside
/// G2 that one-to-one matching must leave spurious, nothing for G3, half of G4 with the
/// wrong speaker, G5 exactly but as mixed with "The" before the speaker, and a headline.
fn budget_case() -> EvalReport {
    use ClaimKind::{Direct, Indirect, Mixed};
    let reference = ReferenceSet {
        format: "claimtrack-gold/1",
        convention: ReferenceConvention::CanonicalNames,
        kinds_derived: false,
        articles: vec![ReferenceArticle {
            name: "budget".into(),
            text: BUDGET_STORY.into(),
            published: None,
            claims: vec![
                gold(
                    Indirect,
                    "taxes for families would fall next year",
                    "Maria Keller",
                    Some("said"),
                    Some("2026-03-03"),
                ),
                gold(
                    Direct,
                    "We will cut taxes for families",
                    "Maria Keller",
                    Some("told"),
                    None,
                ),
                gold(Direct, "Nobody will pay more.", "Maria Keller", None, None),
                gold(
                    Indirect,
                    "the plan was unaffordable and would hurt schools",
                    "Tomas Brenner",
                    Some("said"),
                    None,
                ),
                gold(
                    Indirect,
                    "the deficit is already too high",
                    "European Commission",
                    Some("according to"),
                    None,
                ),
            ],
        }],
    };
    let predictions = vec![vec![
        predicted(
            Indirect,
            "taxes for families would fall next year",
            Some("maria keller"),
            Some("said"),
            0.85,
        ),
        predicted(
            Direct,
            "We will cut taxes for families,",
            Some("Maria Keller"),
            Some("told"),
            0.95,
        ),
        predicted(Direct, "cut taxes", Some("Maria Keller"), None, 0.40),
        predicted(
            Indirect,
            "the plan was unaffordable",
            Some("Thomas Brenner"),
            Some("said"),
            0.72,
        ),
        predicted(
            Mixed,
            "the deficit is already too high",
            Some("The European Commission"),
            Some("According to"),
            0.65,
        ),
        predicted(Indirect, "Keller promises tax relief", None, None, 0.15),
    ]];
    score_reference_set(&reference, &predictions, &EvalOptions::default())
}

#[test]
fn exact_and_overlap_matching_count_what_the_hand_count_says() {
    let report = budget_case();
    let overall = &report.overall;
    assert_eq!((overall.gold, overall.predicted), (5, 6));
    // Exact: G1, G2 (the comma is trimmed) and G5. G4 is only 25 of 48 characters.
    assert_eq!(overall.exact.matched_gold, 3);
    assert_eq!(overall.precision, Some(0.5));
    assert_eq!(overall.recall, Some(0.6));
    assert_eq!(overall.f1, Some(0.5455));
    assert_eq!(overall.overlap_80.matched_gold, 3);
    // Over 30%: G4 too; "cut taxes" stays spurious because G2 is taken.
    assert_eq!(overall.overlap_30.matched_gold, 4);
    assert_eq!(overall.overlap_30.precision, Some(0.6667));
    assert_eq!(overall.overlap_30.recall, Some(0.8));
    assert_eq!(overall.overlap_30.f1, Some(0.7273));
    // Speakers: "maria keller" and "The European Commission" normalise; Thomas is not Tomas.
    assert_eq!((overall.speaker_right, overall.speaker_judged), (3, 4));
    assert_eq!(overall.speaker_accuracy, Some(0.75));
    // Only G1 states a date, and the prediction has none.
    assert_eq!((overall.date_right, overall.date_judged), (0, 1));
    assert_eq!(overall.date_accuracy, Some(0.0));
    assert_eq!(overall.cue_accuracy, Some(1.0));
    assert_eq!(overall.kind_accuracy, Some(0.75));

    let direct = &report.by_kind.direct;
    assert_eq!((direct.gold, direct.predicted), (2, 2));
    assert_eq!((direct.precision, direct.recall), (Some(0.5), Some(0.5)));
    let mixed = &report.by_kind.mixed;
    assert_eq!((mixed.gold, mixed.predicted), (0, 1));
    assert_eq!(
        (mixed.precision, mixed.recall, mixed.f1),
        (Some(1.0), None, None)
    );
    let indirect = &report.by_kind.indirect;
    assert_eq!(
        (indirect.precision, indirect.recall),
        (Some(0.3333), Some(0.6667))
    );

    // By content length: every gold content is four words or more; of the predictions,
    // only "cut taxes" is short, and it is spurious.
    let short = &report.by_content_length.up_to_three_words;
    assert_eq!((short.gold, short.predicted), (0, 1));
    assert_eq!(
        (short.overlap_30.precision, short.overlap_30.recall),
        (Some(0.0), None)
    );
    let longer = &report.by_content_length.four_or_more_words;
    assert_eq!((longer.gold, longer.predicted), (5, 5));
    assert_eq!(
        (longer.exact.precision, longer.exact.recall),
        (Some(0.6), Some(0.6))
    );
    assert_eq!(longer.overlap_30.f1, Some(0.8));
    assert_eq!((longer.speaker_right, longer.speaker_judged), (3, 4));

    let count = |class| report.error_counts.get(&class).copied().unwrap_or(0);
    assert_eq!(count(ErrorClass::Missed), 1);
    assert_eq!(count(ErrorClass::Spurious), 2);
    assert_eq!(count(ErrorClass::WrongSpeaker), 1);
    assert_eq!(count(ErrorClass::WrongDate), 1);
    assert_eq!(count(ErrorClass::WrongKind), 1);
    assert_eq!(count(ErrorClass::Boundary), 1);
    assert_eq!(count(ErrorClass::WrongCue), 0);
}

#[test]
fn calibration_of_the_hand_made_case_matches_the_hand_computed_error() {
    let report = budget_case();
    let calibration = &report.calibration;
    assert_eq!(calibration.claims, 6);
    let counts: Vec<usize> = calibration
        .buckets
        .iter()
        .map(|bucket| bucket.count)
        .collect();
    assert_eq!(counts, [0, 1, 0, 0, 1, 0, 1, 1, 1, 1]);
    // Gaps |accuracy - confidence|: 0.15, 0.40, 0.35, 0.72, 0.15, 0.05; mean 1.82 / 6.
    assert_eq!(calibration.expected_calibration_error, Some(0.3033));
}

#[test]
fn calibration_buckets_by_tenths_and_weights_the_gaps_by_claims() {
    let calibration = calibrate(&[
        (0.95, true),
        (0.91, false),
        (0.35, true),
        (0.70, true),
        (0.70, false),
    ]);
    let top = &calibration.buckets[9];
    assert_eq!((top.count, top.correct), (2, 1));
    assert_eq!((top.mean_confidence, top.accuracy), (Some(0.93), Some(0.5)));
    // 0.70 as f32 is 0.69999..., yet it belongs with 0.7, not 0.6.
    assert_eq!(calibration.buckets[6].count, 0);
    assert_eq!(calibration.buckets[7].count, 2);
    // (2 x 0.43 + 1 x 0.65 + 2 x 0.20) / 5 = 0.382.
    assert_eq!(calibration.expected_calibration_error, Some(0.382));
    assert_eq!(calibrate(&[]).expected_calibration_error, None);
    // A confidence of exactly 1.0 is in the last bucket, not an eleventh.
    assert_eq!(calibrate(&[(1.0, true)]).buckets[9].count, 1);
}

#[test]
fn one_to_one_matching_takes_exact_pairs_before_wide_overlaps() {
    let text = "Alpha beta gamma delta, said one. Epsilon zeta, said two.";
    let claim = |words: &str| ReferenceClaim {
        kind: ClaimKind::Indirect,
        kind_inferred: false,
        content: vec![span_of_in(text, words)],
        speaker: None,
        mention: Vec::new(),
        cue: None,
        cue_spans: Vec::new(),
        said_on: None,
    };
    let guess = |words: &str| {
        let span = span_of_in(text, words);
        ExtractedClaim {
            kind: ClaimKind::Indirect,
            span,
            parts: vec![span],
            text: words.into(),
            mention: None,
            speaker: None,
            speaker_type: SpeakerType::Unknown,
            speaker_role: None,
            cue: None,
            cue_span: None,
            said_on: None,
            confidence: 0.5,
        }
    };
    let reference = ReferenceSet {
        format: "claimtrack-gold/1",
        convention: ReferenceConvention::CanonicalNames,
        kinds_derived: false,
        articles: vec![ReferenceArticle {
            name: "greedy".into(),
            text: text.into(),
            published: None,
            claims: vec![claim("Alpha beta gamma delta"), claim("Epsilon zeta")],
        }],
    };
    // The wide guess covers both gold claims entirely; taken first, it would leave the
    // exact guess and the second gold claim unmatched.
    let predictions = vec![vec![
        guess("Alpha beta gamma delta, said one. Epsilon zeta"),
        guess("Alpha beta gamma delta"),
    ]];
    let report = score_reference_set(&reference, &predictions, &EvalOptions::default());
    assert_eq!(report.overall.overlap_30.matched_gold, 2);
    assert_eq!(report.overall.overlap_30.precision, Some(1.0));
    assert_eq!(report.overall.exact.matched_gold, 1);
}

fn span_of_in(text: &str, words: &str) -> ByteSpan {
    let start = text.find(words).expect("words in text");
    ByteSpan::new(start, start + words.len())
}

#[test]
fn speaker_names_compare_without_case_articles_diacritics_or_full_stops() {
    let same = |a: &str, b: &str| normalise_speaker_name(a) == normalise_speaker_name(b);
    assert!(same("The European Commission", "european  commission"));
    assert!(same("José Álvarez", "Jose Alvarez"));
    assert!(same("U.S. State Department", "US State Department"));
    assert!(same("Jean-Luc Moreau", "Jean Luc Moreau"));
    assert!(same("A senior official", "senior official"));
    assert!(same("Łukasz Wójcik", "lukasz wojcik"));
    assert!(!same("Maria Keller", "Mario Keller"));
    assert!(!same("Keller", "Maria Keller"));
    // An article that is the whole name is the name.
    assert_eq!(normalise_speaker_name("The"), "the");
}

#[test]
fn text_report_lists_each_error_with_its_sentence_then_the_tables() {
    let report = budget_case();
    let text = render_text_report(&report);
    expect![[r#"
        claimtrack eval: 1 articles, claimtrack-gold/1 (no publication dates given to the extractor)

        budget
          [wrong_date] indirect 79..118 "taxes for families would fall next year"; expected 2026-03-03, found no date (confidence 0.85)
              sentence: Finance Minister Maria Keller said on Tuesday that taxes for families would fall next year.
          [missed] direct 179..200 "Nobody will pay more."; expected Maria Keller, found none
              sentence: "Nobody will pay more."
          [wrong_speaker] indirect 246..294 gold "the plan was unaffordable and would hurt schools", found "the plan was unaffordable"; expected Tomas Brenner, found Thomas Brenner (no mention) (confidence 0.72)
              sentence: The opposition leader, Tomas Brenner, said the plan was unaffordable and would hurt schools.
          [boundary] indirect 246..294 gold "the plan was unaffordable and would hurt schools", found "the plan was unaffordable" (confidence 0.72)
              sentence: The opposition leader, Tomas Brenner, said the plan was unaffordable and would hurt schools.
          [wrong_kind] indirect 335..366 "the deficit is already too high"; expected indirect, found mixed (confidence 0.65)
              sentence: According to the European Commission, the deficit is already too high.
          [spurious] direct 130..139 "cut taxes"; found Maria Keller (no mention) (confidence 0.40)
              sentence: "We will cut taxes for families," Keller told reporters.
          [spurious] indirect 0..26 "Keller promises tax relief"; found no speaker (no mention) (confidence 0.15)
              sentence: Keller promises tax relief

        Claim detection (one-to-one matching; exact = same words after trimming punctuation,
        >80% / >30% = share of the gold content covered)
                     gold found   exact P/R/F1        >80% P/R/F1         >30% P/R/F1
          overall       5     6   0.500 0.600 0.545   0.500 0.600 0.545   0.667 0.800 0.727
          direct        2     2   0.500 0.500 0.500   0.500 0.500 0.500   0.500 0.500 0.500
          mixed         0     1   1.000 - -           1.000 - -           1.000 - -
          indirect      3     3   0.333 0.667 0.444   0.333 0.667 0.444   0.667 1.000 0.800
          1-3 words     0     1   0.000 - -           0.000 - -           0.000 - -
          4+ words      5     5   0.600 0.600 0.600   0.600 0.600 0.600   0.800 0.800 0.800

        Attribution on claims matched at >30% (accuracy, right/judged; by gold kind and content length)
                    speaker            cue                date               kind
          overall   0.750 (3/4)        1.000 (4/4)        0.000 (0/1)        0.750 (3/4)
          direct    1.000 (1/1)        1.000 (1/1)        - (0/0)            1.000 (1/1)
          mixed     - (0/0)            - (0/0)            - (0/0)            - (0/0)
          indirect  0.667 (2/3)        1.000 (3/3)        0.000 (0/1)        0.667 (2/3)
          1-3 words - (0/0)            - (0/0)            - (0/0)            - (0/0)
          4+ words  0.750 (3/4)        1.000 (4/4)        0.000 (0/1)        0.750 (3/4)

        Calibration (a predicted claim is correct when it matches a gold claim with the right speaker)
          confidence claims      mean  accuracy
          0.0-0.1         0         -         -
          0.1-0.2         1     0.150     0.000
          0.2-0.3         0         -         -
          0.3-0.4         0         -         -
          0.4-0.5         1     0.400     0.000
          0.5-0.6         0         -         -
          0.6-0.7         1     0.650     1.000
          0.7-0.8         1     0.720     0.000
          0.8-0.9         1     0.850     1.000
          0.9-1.0         1     0.950     1.000
          expected calibration error: 0.303 over 6 claims

        Errors: missed 1, spurious 2, wrong_speaker 1, wrong_date 1, wrong_kind 1, boundary 1
    "#]]
    .assert_eq(&text);
}

/// A gold directory in a temp dir: one article and its gold file, with `claims` as JSON.
fn write_gold(directory: &Path, text: &str, claims: &str) -> PathBuf {
    std::fs::write(directory.join("01-sample.txt"), text).unwrap();
    let gold = format!(
        r#"{{"format": "claimtrack-gold/1", "text_file": "01-sample.txt", "style": "wire",
            "title": "Sample", "outlet": "Test Wire", "published": "2026-03-06",
            "claims": {claims}}}"#
    );
    let path = directory.join("01-sample.gold.json");
    std::fs::write(&path, gold).unwrap();
    path
}

const GOLD_TEXT: &str = "Café owners protest\n\nRenée Duval said rents were too high.\n";

fn gold_error(claims: &str) -> String {
    let directory = tempfile::tempdir().unwrap();
    let path = write_gold(directory.path(), GOLD_TEXT, claims);
    load_gold_file(&path)
        .expect_err("the gold file must be refused")
        .to_string()
}

#[test]
fn gold_loader_reads_a_good_file_and_refuses_each_kind_of_bad_one() {
    let directory = tempfile::tempdir().unwrap();
    // "Café" and "Renée" make byte offsets differ from character offsets.
    let rents = span_of_in(GOLD_TEXT, "rents were too high");
    let name = span_of_in(GOLD_TEXT, "Renée Duval");
    let good = format!(
        r#"[{{"kind": "indirect", "span": [{}, {}], "text": "rents were too high",
             "speaker": "Renée Duval", "mention_span": [{}, {}], "mention": "Renée Duval",
             "cue": "said", "said_on": null}}]"#,
        rents.start, rents.end, name.start, name.end
    );
    let path = write_gold(directory.path(), GOLD_TEXT, &good);
    let article = load_gold_file(&path).expect("a good gold file loads");
    assert_eq!(article.name, "01-sample");
    assert_eq!(article.published, NaiveDate::from_ymd_opt(2026, 3, 6));
    assert_eq!(article.claims.len(), 1);
    assert_eq!(article.claims[0].content, vec![rents]);
    assert_eq!(article.claims[0].mention, vec![name]);

    let with = |replace: &str, by: &str| good.replacen(replace, by, 1);
    let message = gold_error(&with(
        "\"text\": \"rents were too high\"",
        "\"text\": \"rents were high\"",
    ));
    assert!(message.contains("`text` differs"), "{message}");
    assert!(message.contains("01-sample.gold.json"), "{message}");

    let message = gold_error(&with(
        "\"mention\": \"Renée Duval\"",
        "\"mention\": \"Renee Duval\"",
    ));
    assert!(message.contains("`mention` differs"), "{message}");

    // Byte 26 is inside the "é" of "Renée" (bytes 25 and 26).
    let inside = GOLD_TEXT.find("ée").unwrap() + 1;
    assert!(!GOLD_TEXT.is_char_boundary(inside));
    let message = gold_error(&with(
        &format!("\"mention_span\": [{}, {}]", name.start, name.end),
        &format!("\"mention_span\": [{}, {}]", name.start, inside),
    ));
    assert!(message.contains("not on a boundary"), "{message}");

    let message = gold_error(&with("\"kind\": \"indirect\"", "\"kind\": \"quote\""));
    assert!(message.contains("unknown ClaimKind `quote`"), "{message}");

    let message = gold_error(&with("\"said_on\": null", "\"said-on\": null"));
    assert!(message.contains("unknown field `said-on`"), "{message}");

    let message = gold_error(&with(&format!("{}]", rents.end), "9999]"));
    assert!(message.contains("runs past the end"), "{message}");

    let message = gold_error(&with(
        &format!("\"mention_span\": [{}, {}], ", name.start, name.end),
        "",
    ));
    assert!(
        message.contains("`mention` is given without `mention_span`"),
        "{message}"
    );
}

fn sample_directory() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/eval-brat-sample")
}

#[test]
fn brat_reader_turns_the_sample_into_claims_with_byte_spans() {
    let reference = load_reference_directory(&sample_directory(), &EvalOptions::default())
        .expect("the sample loads");
    assert_eq!(reference.format, "brat");
    assert_eq!(reference.convention, ReferenceConvention::MentionOverlap);
    assert!(reference.kinds_derived);
    let article = &reference.articles[0];
    assert_eq!(article.name, "harbour-tolls");
    let text = article.text.as_str();
    let pieces = |spans: &[ByteSpan]| -> Vec<String> {
        spans
            .iter()
            .map(|span| span.slice(text).to_string())
            .collect()
    };
    let summary: Vec<String> = article
        .claims
        .iter()
        .map(|claim| {
            format!(
                "{} {:?} source {:?} cue {:?}",
                claim.kind,
                pieces(&claim.content),
                pieces(&claim.mention),
                claim.cue
            )
        })
        .collect();
    expect![[r#"
        indirect ["harbour tolls would rise by 12 per cent next year"] source ["Port director Élise Moreau"] cue Some("said")
        direct ["“We cannot keep the cranes running on goodwill,”", "“and the ferries know it.”"] source ["Moreau"] cue Some("told")
        indirect ["that smaller fishing boats would be exempt"] source ["She"] cue Some("added")
        mixed ["Shipping firms were “deeply disappointed”"] source ["a statement from the Carriers’ Association"] cue Some("according to")
        direct ["“Nobody likes paying more,”", "“But nobody likes a closed port either.”"] source ["Moreau"] cue Some("said")
        indirect ["The rise had been expected"] source [] cue Some("was reported")"#]]
    .assert_eq(&summary.join("\n"));
    // Character offsets 87..136 in the .ann are bytes 88..137: "É" takes two bytes.
    assert_eq!(article.claims[0].content, vec![ByteSpan::new(88, 137)]);
    // The Discard and Discuss flags and the relation make no claims.
    assert_eq!(article.claims.len(), 6);
}

/// PolNeAR's content begins with the complementiser ("that smaller fishing boats would
/// be exempt"); ClaimTrack's claims leave it out. Against brat, a prediction is read in
/// PolNeAR's convention, from the text alone: exact where only "that" differs, and no
/// other word is ever taken in.
#[test]
fn brat_scoring_reads_predictions_with_polnears_leading_that() {
    let text = "Budget row\nShe added that smaller boats would be exempt.\n\
        He said that, in his view, tolls would rise.\n\
        Nobody knew whathat meant. They said that\nthe port would close.\n";
    let extended = |words: &str| -> String {
        let parts = with_leading_complementiser(text, &[span_of_in(text, words)]);
        parts[0].slice(text).to_string()
    };
    assert_eq!(
        extended("smaller boats would be exempt"),
        "that smaller boats would be exempt"
    );
    // An aside after "that," is the clause's beginning, whether or not the part holds
    // the comma.
    assert_eq!(extended("in his view"), "that, in his view");
    assert_eq!(extended(", in his view"), "that, in his view");
    // Another word before, another word ending in "hat", or a line break: nothing is
    // taken in.
    assert_eq!(extended("tolls would rise"), "tolls would rise");
    assert_eq!(extended("meant"), "meant");
    assert_eq!(extended("the port would close"), "the port would close");
    assert!(with_leading_complementiser(text, &[]).is_empty());

    // Scored against the sample's gold "that smaller fishing boats would be exempt", the
    // claim without "that" is exact.
    let reference = load_reference_directory(&sample_directory(), &EvalOptions::default())
        .expect("the sample loads");
    let article = &reference.articles[0];
    let sample = article.text.as_str();
    let clause = span_of_in(sample, "smaller fishing boats would be exempt");
    let prediction = ExtractedClaim {
        kind: ClaimKind::Indirect,
        span: clause,
        parts: vec![clause],
        text: clause.slice(sample).to_string(),
        mention: None,
        speaker: None,
        speaker_type: SpeakerType::Unknown,
        speaker_role: None,
        cue: None,
        cue_span: None,
        said_on: None,
        confidence: 0.5,
    };
    let report = score_reference_set(
        &ReferenceSet {
            articles: vec![article.clone()],
            ..reference.clone()
        },
        &[vec![prediction]],
        &EvalOptions::default(),
    );
    assert_eq!(report.overall.exact.matched_gold, 1);
    assert_eq!(report.overall.exact.matched_predicted, 1);
}

#[test]
fn brat_reader_refuses_words_that_differ_from_the_text_and_offsets_past_its_end() {
    let text = "Moreau said tolls would rise.\n";
    let good = "T1\tContent 12 28\ttolls would rise\nE1\tAttribution-no-source:T1 Content:T1\n";
    assert_eq!(parse_brat_annotations(good, text).unwrap().len(), 1);
    let shifted = "T1\tContent 11 27\ttolls would rise\n";
    let message = parse_brat_annotations(shifted, text).unwrap_err();
    assert!(
        message.contains("line 1 (T1)") && message.contains("differ"),
        "{message}"
    );
    let past_end = "T1\tContent 12 99\ttolls would rise\n";
    let message = parse_brat_annotations(past_end, text).unwrap_err();
    assert!(message.contains("runs past the end"), "{message}");
    let dangling = "E1\tAttribution:T9 Content:T9\n";
    let message = parse_brat_annotations(dangling, text).unwrap_err();
    assert!(message.contains("T9, which is not defined"), "{message}");
}

#[test]
fn brat_export_of_stored_claims_scores_perfectly_against_a_fresh_extraction() {
    let database = TempDatabase::new();
    let mut store = database.open();
    let published = NaiveDate::from_ymd_opt(2026, 3, 6);
    store
        .ingest(&draft(
            "Keller promises tax relief",
            BUDGET_STORY,
            published,
        ))
        .expect("ingest");
    let exported = database.dir.path().join("brat");
    let report = export_claims_brat(&store, &exported, &ClaimFilter::default()).expect("export");
    assert_eq!(report.articles, 1);
    assert!(report.claims >= 4, "the story has at least four claims");
    // Contents are written in PolNeAR's convention, with their leading "that".
    let annotations = std::fs::read_dir(&exported)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|extension| extension == "ann"))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .expect("an .ann file");
    assert!(
        annotations.contains("\tthat taxes for families would fall next year\n"),
        "{annotations}"
    );

    // The exported annotations are the extractor's own output with its dates, so
    // re-extracting the exported text with the exported publication date agrees fully.
    let options = EvalOptions {
        published_from_gold: true,
    };
    let evaluation = evaluate_directory(&exported, &options).expect("evaluate the export");
    assert!(!evaluation.kinds_derived, "kinds travel in the notes");
    let overall = &evaluation.overall;
    assert_eq!(overall.gold, report.claims);
    assert_eq!(overall.f1, Some(1.0));
    assert_eq!(overall.speaker_accuracy, Some(1.0));
    assert_eq!(overall.kind_accuracy, Some(1.0));
    assert!(overall.date_judged >= 1, "the story dates Keller's claim");
    assert_eq!(overall.date_accuracy, Some(1.0));
    assert!(evaluation.errors.is_empty(), "{:?}", evaluation.errors);

    // Exporting over a file instead of a folder is refused.
    let file = database.dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let error = export_claims_brat(&store, &file, &ClaimFilter::default()).unwrap_err();
    assert!(error.to_string().contains("is a file"), "{error}");
}

#[test]
fn floor_check_reports_each_figure_below_its_floor_and_refuses_unknown_names() {
    let report = budget_case();
    let floor = parse_floor(
        r#"{"format": "claimtrack-eval-floor/1",
            "overall": {"f1": 0.50, "overlap_30.recall": 0.9, "speaker_accuracy": 0.75},
            "by_kind": {"mixed": {"recall": 0.1}},
            "calibration": {"expected_calibration_error": 0.25}}"#,
    )
    .unwrap();
    let shortfalls: Vec<String> = check_floor(&report, &floor)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    expect![[r#"
        overall.overlap_30.recall = 0.8000, below the floor 0.9000
        by_kind.mixed.recall was not measured (nothing to measure), but the floor asks for 0.1000
        calibration.expected_calibration_error = 0.3033, above the ceiling 0.2500"#]]
    .assert_eq(&shortfalls.join("\n"));

    let typo = parse_floor(r#"{"overall": {"f_1": 0.5}}"#).unwrap();
    let error = check_floor(&report, &typo).unwrap_err().to_string();
    assert!(error.contains("`overall.f_1`"), "{error}");
    let kind = parse_floor(r#"{"by_kind": {"quotes": {"f1": 0.5}}}"#).unwrap();
    assert!(check_floor(&report, &kind).is_err());
    let other_dates = parse_floor(r#"{"published_from_gold": true}"#).unwrap();
    let error = check_floor(&report, &other_dates).unwrap_err().to_string();
    assert!(error.contains("--published-from-gold"), "{error}");
    assert!(parse_floor(r#"{"overall": {"f1": "high"}}"#).is_err());
}

#[test]
fn polnear_dev_is_read_and_scored_consistently() {
    let corpus = polnear_directory().filter(|path| path.join("dev/attributions").is_dir());
    let Some(corpus) = corpus else {
        eprintln!(
            "skipped: PolNeAR corpus not found beside the checkout (set CLAIMTRACK_POLNEAR to run)"
        );
        return;
    };
    // Every annotation file of the training split parses against its text.
    let train = load_reference_directory(&corpus.join("train"), &EvalOptions::default())
        .expect("the training split reads");
    assert_eq!(train.articles.len(), 840);

    let report = evaluate_directory(&corpus.join("dev"), &EvalOptions::default())
        .expect("the dev split scores");
    assert_eq!(report.articles, 84);
    let overall = &report.overall;
    assert!(
        overall.gold > 2000,
        "dev has over 2000 attributions, read {}",
        overall.gold
    );
    // Stricter criteria never match more; every ratio is a ratio.
    assert!(overall.exact.matched_gold <= overall.overlap_80.matched_gold);
    assert!(overall.overlap_80.matched_gold <= overall.overlap_30.matched_gold);
    for value in [overall.precision, overall.recall, overall.speaker_accuracy] {
        assert!(value.is_some_and(|value| (0.0..=1.0).contains(&value)));
    }
    // Every gold claim is matched or listed as missed, every prediction matched or spurious.
    let count = |class| report.error_counts.get(&class).copied().unwrap_or(0);
    assert_eq!(
        overall.overlap_30.matched_gold + count(ErrorClass::Missed),
        overall.gold
    );
    assert_eq!(
        overall.overlap_30.matched_predicted + count(ErrorClass::Spurious),
        overall.predicted
    );
    let by_kind_gold: usize = [ClaimKind::Direct, ClaimKind::Mixed, ClaimKind::Indirect]
        .iter()
        .map(|kind| report.by_kind.get(*kind).gold)
        .sum();
    assert_eq!(by_kind_gold, overall.gold);
    let by_length = &report.by_content_length;
    assert_eq!(
        by_length.up_to_three_words.gold + by_length.four_or_more_words.gold,
        overall.gold
    );
    assert_eq!(
        by_length.up_to_three_words.overlap_30.matched_gold
            + by_length.four_or_more_words.overlap_30.matched_gold,
        overall.overlap_30.matched_gold
    );
    assert_eq!(report.calibration.claims, overall.predicted);
}

#[test]
fn a_folder_with_neither_format_is_refused_by_name() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("notes.txt"), "nothing to score").unwrap();
    let error = load_reference_directory(directory.path(), &EvalOptions::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("neither claimtrack-gold/1 files"), "{error}");
}

#[test]
fn binary_and_oversized_reference_files_are_refused_by_name() {
    let directory = tempfile::tempdir().unwrap();
    let path = write_gold(directory.path(), GOLD_TEXT, "[]");
    assert!(
        load_gold_file(&path).is_ok(),
        "an article with no claims is fine"
    );
    std::fs::write(directory.path().join("01-sample.txt"), b"caf\xe9 \x00\xff").unwrap();
    let error = load_gold_file(&path).unwrap_err().to_string();
    assert!(error.contains("01-sample.txt: not UTF-8 text"), "{error}");

    // A sparse file: large on paper, nothing written to disk.
    let huge = std::fs::File::create(directory.path().join("01-sample.txt")).unwrap();
    huge.set_len(claimtrack_core::eval::LARGEST_REFERENCE_FILE + 1)
        .unwrap();
    let error = load_gold_file(&path).unwrap_err().to_string();
    assert!(error.contains("too large for a reference file"), "{error}");
}

/// Gold kinds inferred from quote marks count two apostrophes as a double mark, as the
/// extractor does, and a lone apostrophe in a word as nothing.
#[test]
fn derived_kinds_read_two_apostrophes_as_a_double_quote_mark() {
    let kind_of = |text: &str| {
        claimtrack_core::eval::brat::derive_kind_from_quote_marks(
            text,
            &[ByteSpan::new(0, text.len())],
        )
    };
    assert_eq!(kind_of("''This isn't reform,''"), ClaimKind::Direct);
    assert_eq!(
        kind_of("the plan was ''a gift to landlords''"),
        ClaimKind::Mixed
    );
    assert_eq!(kind_of("the plan isn't a gift"), ClaimKind::Indirect);
}
