//! `claimtrack train-tagger` through the real binary: it trains on `CORPUS/train` only,
//! writes a weights file the core reads back (and whose model has learned the corpus),
//! writes the same bytes on a second run, and refuses a folder with no training split in
//! one line.

use claimtrack_core::extract::{extract_claims_with_tagger, TaggerModel};

use crate::support::Workspace;

/// Writes a small brat-standoff corpus, written for this test, into `folder`: a dozen
/// one-line reports, each attribution with its source, cue and content.
fn write_corpus(workspace: &Workspace, folder: &str) {
    let statements = [
        ("Keller", "said", "the budget would balance next year"),
        ("Lindqvist", "believes", "the tax cut is unaffordable"),
        ("The ministry", "warned", "growth could slow in the spring"),
        ("Okafor", "argued", "the port needs new cranes"),
    ];
    for index in 0..12 {
        let mut text = format!("Report {index}\n\n");
        let mut annotations = String::new();
        for offset in 0..3 {
            let (source, cue, content) = statements[(index + offset) % statements.len()];
            let start = text.len();
            text += &format!("{source} {cue} that {content}.\n\n");
            let cue_start = start + source.len() + 1;
            let cue_end = cue_start + cue.len();
            let content_start = cue_end + 1;
            let content_end = content_start + "that ".len() + content.len();
            let id = offset * 4;
            annotations += &format!(
                "T{}\tSource {start} {}\t{source}\n",
                id + 1,
                start + source.len()
            );
            annotations += &format!("T{}\tCue {cue_start} {cue_end}\t{cue}\n", id + 2);
            annotations += &format!(
                "T{}\tContent {content_start} {content_end}\tthat {content}\n",
                id + 3
            );
            annotations += &format!("T{}\tAttribution {cue_start} {cue_end}\t{cue}\n", id + 4);
            annotations += &format!(
                "E{offset}\tAttribution:T{} Content:T{} Cue:T{} Source:T{}\n",
                id + 4,
                id + 3,
                id + 2,
                id + 1
            );
        }
        workspace.write(&format!("{folder}/report-{index:02}.txt"), text.as_bytes());
        workspace.write(
            &format!("{folder}/report-{index:02}.ann"),
            annotations.as_bytes(),
        );
    }
}

#[test]
fn train_tagger_writes_a_reproducible_model_and_scores_dev() {
    let workspace = Workspace::new();
    write_corpus(&workspace, "corpus/train");
    write_corpus(&workspace, "corpus/dev");
    let first = workspace
        .run_raw(&["train-tagger", "--corpus", "corpus", "--out", "first.bin"])
        .ok();
    assert!(
        first.contains("trained on 12 articles (36 attributions"),
        "{first}"
    );
    assert!(
        first.contains("dev (12 articles): content F1 exact"),
        "{first}"
    );
    workspace
        .run_raw(&["train-tagger", "--corpus", "corpus", "--out", "second.bin"])
        .ok();
    let bytes = std::fs::read(workspace.path("first.bin")).unwrap();
    assert_eq!(bytes, std::fs::read(workspace.path("second.bin")).unwrap());
    let model = TaggerModel::from_bytes(&bytes).expect("the weights file parses");
    assert!(
        first.contains(&format!("wrote {} bytes", bytes.len())),
        "{first}"
    );
    assert_eq!(
        TaggerModel::from_bytes(&model.to_bytes()).as_ref(),
        Ok(&model)
    );
    // The model learned the corpus: in a new sentence of the same shape it finds the
    // belief, a cue the rules do not know.
    let text = "Budget talks\n\nHaddad believes the deficit will shrink next year.\n";
    let rules = extract_claims_with_tagger(text, None, None).claims;
    assert!(rules.is_empty(), "{rules:#?}");
    let claims = extract_claims_with_tagger(text, None, Some(&model)).claims;
    assert!(
        claims
            .iter()
            .any(|claim| claim.text == "the deficit will shrink next year"
                && claim.speaker.as_deref() == Some("Haddad")),
        "{claims:#?}"
    );
}

#[test]
fn train_tagger_without_a_training_split_fails_in_one_line() {
    let workspace = Workspace::new();
    write_corpus(&workspace, "corpus/dev");
    let run = workspace.run_raw(&["train-tagger", "--corpus", "corpus", "--out", "out.bin"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(run.stderr.contains("train"), "{}", run.stderr);
    assert!(!workspace.path("out.bin").exists());
}
