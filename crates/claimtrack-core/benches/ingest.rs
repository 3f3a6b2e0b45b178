//! Benchmark of ingest into SQLite: how many news-style articles per second `Store::ingest`
//! stores (extraction, speaker resolution, claim rows, history, full-text index), each in
//! its own transaction as the app does, into a fresh database file on disk.
//!
//! The articles are generated here from templates written for this benchmark, with
//! invented names, places and topics varied by a fixed-seed generator, so every run stores
//! the same texts. Run with `cargo bench -p claimtrack-core --bench ingest`; set
//! `CLAIMTRACK_BENCH_ARTICLES` to change the count (default 3000).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimtrack_core::ingest::ArticleDraft;
use claimtrack_core::store::{IngestOutcome, Store};

/// The allocator every ClaimTrack program uses (see `claimtrack_core::allocator`).
#[global_allocator]
static ALLOCATOR: claimtrack_core::allocator::ProductAllocator =
    claimtrack_core::allocator::PRODUCT_ALLOCATOR;

const FIRST_NAMES: [&str; 16] = [
    "Anna", "Tomas", "Ingrid", "Jonas", "Mira", "Pavel", "Leila", "Oskar", "Greta", "Samuel",
    "Nadia", "Viktor", "Elin", "Hugo", "Sofia", "Karim",
];
const SURNAMES: [&str; 16] = [
    "Lindqvist",
    "Brenner",
    "Holm",
    "Perlmann",
    "Okafor",
    "Novak",
    "Haddad",
    "Berglund",
    "Marquez",
    "Tanaka",
    "Virtanen",
    "Costa",
    "Nyberg",
    "Adeyemi",
    "Kowalski",
    "Sandoval",
];
const ROLES: [&str; 8] = [
    "Mayor",
    "Finance Minister",
    "opposition leader",
    "union spokesperson",
    "port director",
    "health commissioner",
    "council member",
    "school board chair",
];
const PLACES: [&str; 8] = [
    "Westhaven",
    "Norrby",
    "Port Aldin",
    "Kestrel Bay",
    "Eastmoor",
    "Lindale",
    "Ravensholm",
    "Brightwater",
];
const TOPICS: [(&str, &str); 8] = [
    ("cycling budget", "protected bike lanes"),
    ("harbour dredging", "a deeper shipping channel"),
    ("school meals", "free lunches for every pupil"),
    ("bus fares", "a flat fare across the region"),
    ("housing plan", "two thousand rental homes"),
    ("water tariffs", "new pipes under the old town"),
    ("library hours", "libraries open on Sundays"),
    ("clinic closures", "a night clinic in the centre"),
];
const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A small xorshift generator: deterministic, dependency-free, good enough to vary text.
struct Variety(u64);

impl Variety {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn number(&mut self, below: u64) -> u64 {
        self.next() % below
    }
}

fn person(variety: &mut Variety) -> (String, String) {
    let first = variety.pick(&FIRST_NAMES);
    let last = variety.pick(&SURNAMES);
    (format!("{first} {last}"), last.to_string())
}

/// One article: a headline and five to nine paragraphs mixing direct quotes (cue before
/// and after), an interrupted quote, indirect speech and background without any claim.
fn article(index: usize, variety: &mut Variety) -> ArticleDraft {
    let place = variety.pick(&PLACES);
    let (topic, proposal) = TOPICS[variety.number(TOPICS.len() as u64) as usize];
    let (first_speaker, first_surname) = person(variety);
    let (second_speaker, second_surname) = person(variety);
    let first_role = variety.pick(&ROLES);
    let second_role = variety.pick(&ROLES);
    let day = variety.pick(&WEEKDAYS);
    let amount = 5 + variety.number(95);
    let year = 2025 + variety.number(5);
    let title = format!("{place} debates {topic} as costs climb ({index})");
    let mut paragraphs = vec![
        title.clone(),
        format!(
            "Officials in {place} spent {day} arguing over the {topic}, a plan that would bring {proposal} by {year} at a cost of {amount} million."
        ),
        format!(
            "\"We promised {proposal} and we will deliver it before {year},\" {first_role} {first_speaker} said on {day}."
        ),
        format!(
            "{second_role} {second_speaker} said the {topic} would leave the town with {amount} million in new debt."
        ),
        format!(
            "\"Nobody here is against {proposal},\" {second_surname} said, \"but the numbers in this plan simply do not add up.\""
        ),
    ];
    for extra in 0..variety.number(5) {
        let paragraph = match (extra + variety.number(3)) % 4 {
            0 => format!(
                "According to {first_surname}, the first phase of the {topic} could start within {} months.",
                2 + variety.number(10)
            ),
            1 => format!(
                "\"If we wait another year, the bill will only grow,\" {first_surname} told reporters outside the town hall in {place}."
            ),
            2 => format!(
                "Residents who spoke at the meeting were split, and several asked for a public vote on the {topic}."
            ),
            _ => format!(
                "{second_surname} warned that the council had ignored {} objections filed during the consultation.",
                10 + variety.number(200)
            ),
        };
        paragraphs.push(paragraph);
    }
    let published = NaiveDate::from_ymd_opt(
        2024,
        1 + variety.number(12) as u32,
        1 + variety.number(28) as u32,
    );
    ArticleDraft {
        title,
        outlet: Some(format!("{place} Courier")),
        url: Some(format!("https://courier.example/{place}/{index}").replace(' ', "-")),
        author: Some(person(variety).0),
        published,
        source_path: None,
        text: paragraphs.join("\n\n") + "\n",
    }
}

fn per_second(count: f64, elapsed: Duration) -> f64 {
    count / elapsed.as_secs_f64()
}

fn main() {
    let count: usize = std::env::var("CLAIMTRACK_BENCH_ARTICLES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(3000);
    let mut variety = Variety(0x5eed_c1a1_2024);
    let drafts: Vec<ArticleDraft> = (0..count)
        .map(|index| article(index, &mut variety))
        .collect();
    let bytes: usize = drafts.iter().map(|draft| draft.text.len()).sum();
    let megabytes = bytes as f64 / (1024.0 * 1024.0);

    // Extraction alone, to separate its cost from the database's.
    let started = Instant::now();
    let extracted: usize = drafts
        .iter()
        .map(|draft| {
            claimtrack_core::extract_claims(&draft.text, draft.published)
                .claims
                .len()
        })
        .sum();
    let extraction = started.elapsed();

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite3");
    let mut store = Store::open(&path).expect("open store");
    let started = Instant::now();
    let mut stored_claims = 0;
    for draft in &drafts {
        match store.ingest(draft).expect("ingest") {
            IngestOutcome::Inserted { claims, .. } => stored_claims += claims,
            IngestOutcome::AlreadyStored { .. } => panic!("generated articles must all differ"),
        }
    }
    let ingest = started.elapsed();

    // Re-ingesting the same texts is the hash lookup only.
    let started = Instant::now();
    for draft in &drafts {
        assert!(matches!(
            store.ingest(draft).expect("re-ingest"),
            IngestOutcome::AlreadyStored { .. }
        ));
    }
    let duplicate = started.elapsed();
    drop(store);
    let database_bytes = std::fs::metadata(&path).map(|meta| meta.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("sqlite3-wal"))
            .map(|meta| meta.len())
            .unwrap_or(0);

    println!("articles: {count}, text: {megabytes:.2} MB, claims: {stored_claims} ({extracted} from extraction alone)");
    println!(
        "extract only:      {:>8.2} s  {:>9.0} articles/s  {:>7.2} MB/s",
        extraction.as_secs_f64(),
        per_second(count as f64, extraction),
        per_second(megabytes, extraction)
    );
    println!(
        "ingest to SQLite:  {:>8.2} s  {:>9.0} articles/s  {:>7.2} MB/s  ({:.0} claims/s)",
        ingest.as_secs_f64(),
        per_second(count as f64, ingest),
        per_second(megabytes, ingest),
        per_second(stored_claims as f64, ingest)
    );
    println!(
        "re-ingest (dups):  {:>8.2} s  {:>9.0} articles/s",
        duplicate.as_secs_f64(),
        per_second(count as f64, duplicate)
    );
    println!(
        "database file: {:.2} MB",
        database_bytes as f64 / (1024.0 * 1024.0)
    );
}
