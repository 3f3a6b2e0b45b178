//! CSV export on real files: the full review round trip, formula neutralisation for every
//! trigger character, status filtering, the Excel BOM and the atomic replace.

use claimtrack_core::export::{
    export_claims_csv, neutralise_formula, write_claims_csv, ExportOptions, CSV_HEADER,
    FORMULA_TRIGGERS,
};
use claimtrack_core::store::{ClaimFilter, ReviewStatus, Store};
use claimtrack_core::ClaimKind;

use crate::support::{date, draft, span_of, TempDatabase, CYCLING_ARTICLE};

fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).expect("open exported CSV");
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|column| column == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_header_is_fixed_and_in_the_documented_order() {
    let temp = TempDatabase::new();
    let store = temp.open();
    let out = temp.dir.path().join("empty.csv");
    let report = export_claims_csv(&store, &out, &ExportOptions::default()).unwrap();
    assert_eq!(report.rows, 0);
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        "claim_id,article_title,outlet,url,published,speaker,speaker_type,speaker_role,kind,claim_text,cue,claim_date,status,reviewed_at,start,end\r\n"
    );
    assert_eq!(CSV_HEADER.len(), 16);
}

#[test]
fn ingest_correct_verify_reextract_then_export_gives_the_corrected_row() {
    // Depends on the extractor finding Brenner's direct quote.
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let article_id = store
        .ingest(&draft(
            "Westhaven council approves cycling budget",
            CYCLING_ARTICLE,
            Some(date("2024-03-14")),
        ))
        .unwrap()
        .article_id();
    let claims = store
        .list_claims(&ClaimFilter {
            article_id: Some(article_id),
            ..Default::default()
        })
        .unwrap();
    let quote = claims
        .iter()
        .find(|claim| claim.text.contains("money we simply do not have"))
        .unwrap_or_else(|| panic!("quote not extracted: {claims:#?}"))
        .clone();
    store
        .correct_speaker(quote.id, "Tomas Brenner-Aalto")
        .unwrap();
    store.set_status(quote.id, ReviewStatus::Verified).unwrap();
    store.reextract_article(article_id).unwrap();

    let out = temp.dir.path().join("claims.csv");
    let report = export_claims_csv(&store, &out, &ExportOptions::default()).unwrap();
    assert_eq!(report.rows, 1);
    let (header, rows) = read_csv(&out);
    assert_eq!(header, CSV_HEADER.map(str::to_string).to_vec());
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let claim = store.get_claim(quote.id).unwrap();
    assert_eq!(row[column(&header, "claim_id")], quote.id.to_string());
    assert_eq!(
        row[column(&header, "article_title")],
        "Westhaven council approves cycling budget"
    );
    assert_eq!(row[column(&header, "outlet")], "Westhaven Courier");
    assert_eq!(row[column(&header, "published")], "2024-03-14");
    assert_eq!(row[column(&header, "speaker")], "Tomas Brenner-Aalto");
    assert_eq!(row[column(&header, "kind")], "direct");
    assert_eq!(row[column(&header, "claim_text")], claim.text);
    assert_eq!(
        row[column(&header, "cue")],
        claim.cue.clone().unwrap_or_default()
    );
    assert_eq!(row[column(&header, "status")], "verified");
    assert_eq!(
        row[column(&header, "reviewed_at")],
        claim.reviewed_at.clone().unwrap()
    );
    assert_eq!(row[column(&header, "start")], claim.start.to_string());
    assert_eq!(row[column(&header, "end")], claim.end.to_string());
    assert_eq!(&CYCLING_ARTICLE[claim.start..claim.end], claim.text);
    assert_eq!(
        row[column(&header, "claim_date")],
        claim.date.map(|date| date.to_string()).unwrap_or_default()
    );
}

#[test]
fn neutralise_formula_prefixes_every_trigger_and_nothing_else() {
    for trigger in FORMULA_TRIGGERS {
        let cell = format!("{trigger}rest");
        assert_eq!(
            neutralise_formula(&cell),
            format!("'{cell}"),
            "trigger {trigger:?}"
        );
    }
    for harmless in [
        "plain",
        " =leading space",
        "'quoted",
        "",
        "5 apples",
        "ünïcode",
    ] {
        assert_eq!(neutralise_formula(harmless), harmless);
    }
}

#[test]
fn exported_cells_starting_with_any_formula_trigger_are_neutralised() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let lines = [
        "=SUM(A1:A9) was the formula on the slide",
        "+44 is the dialling code the caller used",
        "-5 per cent is the forecast for exports",
        "@mention handles were quoted in the post",
        "\tindented words opened the statement",
        "\rcarriage return words opened the note",
    ];
    let text = format!("Spreadsheet safety test\n\n{}\n", lines.join("\n"));
    let mut article = draft(
        "=HYPERLINK(\"https://attacker.example\",\"click\")",
        &text,
        None,
    );
    article.outlet = Some("@Outlet".into());
    article.url = Some("-url".into());
    let article_id = store.ingest(&article).unwrap().article_id();
    let mut expected = Vec::new();
    for line in lines {
        let (start, end) = span_of(&text, line);
        let claim_id = store
            .add_claim(
                article_id,
                start,
                end,
                ClaimKind::Direct,
                Some("+Plus Speaker"),
            )
            .unwrap();
        store.set_status(claim_id, ReviewStatus::Verified).unwrap();
        expected.push((claim_id, format!("'{line}")));
    }
    let out = temp.dir.path().join("safe.csv");
    export_claims_csv(&store, &out, &ExportOptions::default()).unwrap();
    let (header, rows) = read_csv(&out);
    for (claim_id, neutralised) in expected {
        let row = rows
            .iter()
            .find(|row| row[column(&header, "claim_id")] == claim_id.to_string())
            .expect("exported row");
        assert_eq!(row[column(&header, "claim_text")], neutralised);
        assert_eq!(
            row[column(&header, "article_title")],
            "'=HYPERLINK(\"https://attacker.example\",\"click\")"
        );
        assert_eq!(row[column(&header, "outlet")], "'@Outlet");
        assert_eq!(row[column(&header, "url")], "'-url");
        assert_eq!(row[column(&header, "speaker")], "'+Plus Speaker");
    }
    // No cell of the file, parsed back, starts with a trigger.
    for row in &rows {
        for (index, cell) in row.iter().enumerate() {
            let numeric = ["claim_id", "start", "end"].contains(&CSV_HEADER[index]);
            assert!(
                numeric || !cell.starts_with(FORMULA_TRIGGERS),
                "cell {cell:?}"
            );
        }
    }
}

#[test]
fn only_verified_claims_by_default_and_any_status_on_request() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let text = "Ferry timetable changes\n\nThe operator said winter crossings would be cut.\n\nThe union said it would resist.\n";
    let article_id = store
        .ingest(&draft("Ferry timetable changes", text, None))
        .unwrap()
        .article_id();
    let mut add = |needle: &str, status: ReviewStatus| -> i64 {
        let (start, end) = span_of(text, needle);
        let id = store
            .add_claim(
                article_id,
                start,
                end,
                ClaimKind::Indirect,
                Some("Operator"),
            )
            .unwrap();
        store.set_status(id, status).unwrap();
        id
    };
    let verified = add("winter crossings would be cut", ReviewStatus::Verified);
    let rejected = add("it would resist", ReviewStatus::Rejected);
    let ids_for = |store: &Store, options: &ExportOptions| -> Vec<String> {
        let mut buffer = Vec::new();
        write_claims_csv(store, &mut buffer, options).unwrap();
        let mut reader = csv::Reader::from_reader(buffer.as_slice());
        reader
            .records()
            .map(|record| record.unwrap()[0].to_string())
            .collect()
    };
    assert_eq!(
        ids_for(&store, &ExportOptions::default()),
        vec![verified.to_string()]
    );
    let rejected_only = ExportOptions {
        filter: ClaimFilter {
            status: Some(ReviewStatus::Rejected),
            ..Default::default()
        },
        excel: false,
    };
    assert_eq!(ids_for(&store, &rejected_only), vec![rejected.to_string()]);
    let all = ExportOptions {
        filter: ClaimFilter::default(),
        excel: false,
    };
    let every = ids_for(&store, &all);
    assert!(every.contains(&verified.to_string()) && every.contains(&rejected.to_string()));
    assert_eq!(
        every.len() as i64,
        store.count_claims(&ClaimFilter::default()).unwrap()
    );
}

#[test]
fn the_excel_flag_adds_a_utf8_bom_and_text_survives() {
    let temp = TempDatabase::new();
    let mut store = temp.open();
    let text =
        "Zoë Brandt reopens café\n\n\"Prices are up by a third, ça ne va pas,\" said Zoë Brandt.\n";
    let article_id = store
        .ingest(&draft("Zoë Brandt reopens café", text, None))
        .unwrap()
        .article_id();
    let (start, end) = span_of(text, "Prices are up by a third, ça ne va pas,");
    let claim_id = store
        .add_claim(
            article_id,
            start,
            end,
            ClaimKind::Direct,
            Some("Zoë Brandt"),
        )
        .unwrap();
    store.set_status(claim_id, ReviewStatus::Verified).unwrap();
    let out = temp.dir.path().join("excel.csv");
    export_claims_csv(
        &store,
        &out,
        &ExportOptions {
            excel: true,
            ..Default::default()
        },
    )
    .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let (header, rows) = read_csv(&out);
    assert_eq!(
        header[0], "claim_id",
        "the BOM must not leak into the first header"
    );
    let row = rows
        .iter()
        .find(|row| row[0] == claim_id.to_string())
        .unwrap();
    assert_eq!(
        row[column(&header, "claim_text")],
        "Prices are up by a third, ça ne va pas,"
    );
    assert_eq!(row[column(&header, "speaker")], "Zoë Brandt");
    let plain = temp.dir.path().join("plain.csv");
    export_claims_csv(&store, &plain, &ExportOptions::default()).unwrap();
    assert!(!std::fs::read(&plain)
        .unwrap()
        .starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[test]
fn export_replaces_the_target_whole_and_leaves_no_temp_files() {
    let temp = TempDatabase::new();
    let store = temp.open();
    let folder = temp.dir.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    let out = folder.join("claims.csv");
    std::fs::write(&out, "old contents\n").unwrap();
    export_claims_csv(&store, &out, &ExportOptions::default()).unwrap();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("claim_id,"));
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("claims.csv")]);

    let missing_folder = temp.dir.path().join("no-such-folder").join("claims.csv");
    let error = export_claims_csv(&store, &missing_folder, &ExportOptions::default()).unwrap_err();
    assert_eq!(error.kind(), "io");
    assert!(!missing_folder.exists());
    let error = export_claims_csv(&store, &folder, &ExportOptions::default()).unwrap_err();
    assert_eq!(error.kind(), "invalid_input");
}
