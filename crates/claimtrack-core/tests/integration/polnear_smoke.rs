//! Runs extraction over the real news of the PolNeAR corpus when it sits beside the
//! checkout (`../shared/corpus/polnear`), checking on every article that extraction
//! neither panics nor produces a span that fails to slice the text. Skips with a printed
//! reason where the corpus is absent, as in a user's clone.

use std::path::PathBuf;

use claimtrack_core::extract_claims;

/// The PolNeAR corpus folder, from `CLAIMTRACK_POLNEAR` or beside the checkout.
pub(crate) fn polnear_directory() -> Option<PathBuf> {
    let from_environment = std::env::var_os("CLAIMTRACK_POLNEAR").map(PathBuf::from);
    let beside_checkout =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/polnear");
    from_environment
        .into_iter()
        .chain([beside_checkout])
        .find(|path| path.join("dev/text").is_dir())
}

#[test]
fn extraction_is_safe_on_every_polnear_article() {
    let Some(directory) = polnear_directory() else {
        eprintln!(
            "skipped: PolNeAR corpus not found beside the checkout (set CLAIMTRACK_POLNEAR to run)"
        );
        return;
    };
    let mut articles = 0;
    let mut claims = 0;
    for split in ["train", "dev"] {
        let entries = std::fs::read_dir(directory.join(split).join("text"))
            .expect("corpus folder is readable");
        for entry in entries {
            let path = entry.expect("corpus entry").path();
            let text = std::fs::read_to_string(&path).expect("corpus text is UTF-8");
            let extraction = extract_claims(&text, None);
            for claim in &extraction.claims {
                for part in &claim.parts {
                    assert!(
                        text.get(part.range()).is_some(),
                        "{}: span {part:?} does not slice the text",
                        path.display()
                    );
                }
                assert!(claim.span.start <= claim.span.end && claim.span.end <= text.len());
                assert!((0.0..=1.0).contains(&claim.confidence));
            }
            articles += 1;
            claims += extraction.claims.len();
        }
    }
    assert!(
        articles > 900,
        "expected the whole corpus, read {articles} articles"
    );
    assert!(
        claims > articles,
        "expected more than one claim per article on average, got {claims} over {articles}"
    );
}
