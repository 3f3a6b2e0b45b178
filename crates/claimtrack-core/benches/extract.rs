//! Extraction throughput benchmark: generates a corpus of a few thousand news-style
//! articles from templates written for it, runs the pipeline over them on one core and
//! prints MB/s and articles/s. Run with `cargo bench -p claimtrack-core --bench extract`.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use claimtrack_core::extract_claims;

/// The allocator every ClaimTrack program uses (see `claimtrack_core::allocator`).
#[global_allocator]
static ALLOCATOR: claimtrack_core::allocator::ProductAllocator =
    claimtrack_core::allocator::PRODUCT_ALLOCATOR;

const FIRST_NAMES: &[&str] = &[
    "Maria", "Jonas", "Anna", "Lukas", "Petra", "Tomas", "Ines", "Ole", "Lena", "Karim", "Sofia",
    "Emil",
];
const SURNAMES: &[&str] = &[
    "Keller", "Eck", "Lind", "Brandt", "Lang", "Vogt", "Berg", "Hof", "Nowak", "Haddad", "Moreau",
    "Sand",
];
const ROLES: &[&str] = &[
    "Finance Minister",
    "Foreign Minister",
    "Mayor",
    "union leader",
    "President",
    "Health Minister",
];
const ORGANISATIONS: &[&str] = &[
    "European Commission",
    "port authority",
    "Pentagon",
    "health ministry",
    "central bank",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// One synthetic article; `seed` varies names, roles and sentence order.
fn article(seed: usize) -> String {
    let pick = |list: &[&'static str], salt: usize| list[(seed * 7 + salt * 13) % list.len()];
    let first = pick(FIRST_NAMES, 1);
    let surname = pick(SURNAMES, 2);
    let other_first = pick(FIRST_NAMES, 3);
    let other_surname = pick(SURNAMES, 5);
    let role = pick(ROLES, 4);
    let organisation = pick(ORGANISATIONS, 6);
    let weekday = pick(WEEKDAYS, 7);
    let mut text = format!("{surname} sets out plan number {seed}\n\n");
    text += &format!("{role} {first} {surname} said on {weekday} that the budget for the coming year would be balanced without new borrowing.\n\n");
    text += &format!("\"We will cut taxes for working families, and we will do it this spring,\" {surname} told reporters at a news conference in the capital.\n\n");
    text += &format!("The {organisation} said the plan was \"realistic but ambitious\" and warned that growth could slow in the second half of the year.\n\n");
    text += &format!("\"The numbers do not add up,\" said {other_first} {other_surname}, the opposition's spokesperson on economic affairs, \"and voters know it.\"\n\n");
    text += &format!("{other_surname} added that the party would table its own proposal before the summer recess.\n\n");
    text += "\"This is a serious offer. We expect a serious answer.\"\n\n";
    text += &format!("According to the {organisation}, about {} companies would benefit from the change in the first year.\n\n", 1000 + seed % 9000);
    text += &format!("The {role_lower} has insisted she will not resign if the vote fails. Analysts said on {weekday} that a compromise remained likely, but a senior official cautioned that talks could drag on for weeks.\n", role_lower = role.to_lowercase());
    text
}

fn main() {
    let articles: Vec<String> = (0..4000).map(article).collect();
    let bytes: usize = articles.iter().map(String::len).sum();
    let published = NaiveDate::from_ymd_opt(2026, 3, 6);
    // One warm-up pass so that the measured passes do not pay for first-touch page faults.
    let mut claims = 0;
    for text in &articles {
        claims += extract_claims(text, published).claims.len();
    }
    let passes = 5;
    let started = Instant::now();
    for _ in 0..passes {
        for text in &articles {
            black_box(extract_claims(black_box(text), published));
        }
    }
    let seconds = started.elapsed().as_secs_f64() / passes as f64;
    println!(
        "extract: {} articles, {:.2} MB, {} claims per pass",
        articles.len(),
        bytes as f64 / 1e6,
        claims
    );
    println!(
        "extract: {:.1} ms per pass (mean of {passes})",
        seconds * 1e3
    );
    println!(
        "extract: {:.1} MB/s, {:.0} articles/s on one core",
        bytes as f64 / 1e6 / seconds,
        articles.len() as f64 / seconds
    );
    real_news_pass();
}

/// The same measurement over the PolNeAR news corpus when it sits beside the checkout:
/// real articles are longer and messier than the generated ones.
fn real_news_pass() {
    let directory =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/polnear");
    let mut texts = Vec::new();
    for split in ["train", "dev"] {
        let Ok(entries) = std::fs::read_dir(directory.join(split).join("text")) else {
            println!(
                "extract (real news): skipped, PolNeAR corpus not found at {}",
                directory.display()
            );
            return;
        };
        for entry in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                texts.push(text);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let claims: usize = texts
        .iter()
        .map(|text| extract_claims(text, None).claims.len())
        .sum();
    let passes = 5;
    let started = Instant::now();
    for _ in 0..passes {
        for text in &texts {
            black_box(extract_claims(black_box(text), None));
        }
    }
    let seconds = started.elapsed().as_secs_f64() / passes as f64;
    println!(
        "extract (real news): {} articles, {:.2} MB, {claims} claims per pass",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!(
        "extract (real news): {:.1} MB/s, {:.0} articles/s on one core",
        bytes as f64 / 1e6 / seconds,
        texts.len() as f64 / seconds
    );
}
