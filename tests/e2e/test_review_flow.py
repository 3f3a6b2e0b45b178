"""The analyst's whole day in the real window: import an article, correct a speaker, verify,
undo, redo, export, and a failed import that loses nothing. Screenshots of the main views are
taken on the way, after the DOM settles."""

import csv
from pathlib import Path

from conftest import ingest_with_cli

TRAM_TITLE = "Lakeside council delays tram depot decision"
TRAM_BODY = (
    "Lakeside council postponed its vote on a new tram depot on Wednesday after residents "
    "packed the public gallery.\n\n"
    '"We will not approve a depot that nobody has asked the neighbours about," councillor '
    "Petra Holm said after the meeting.\n\n"
    "Transport director Samir Okafor said the delay would cost the city about two million euros.\n\n"
    '"Every month we wait, the old trams break down more often," Okafor told reporters.\n'
)
HOLM_QUOTE = "We will not approve a depot that nobody has asked the neighbours about"
CORRECTED_SPEAKER = "Petra Holm-Varga"


def selected_claim_id(app):
    return app.driver.execute_script(
        "return document.querySelector('#claim-list .claim-item.selected')?.dataset.claimId ?? null"
    )


def claim_id_containing(app, words: str):
    """The id of the first claim in the list whose text contains `words`, or None."""
    return app.driver.execute_script(
        "return [...document.querySelectorAll('#claim-list .claim-item')]"
        ".find((item) => item.innerText.includes(arguments[0]))?.dataset.claimId ?? null",
        words,
    )


def all_claim_ids(app) -> list[str]:
    return app.driver.execute_script(
        "return [...document.querySelectorAll('#claim-list .claim-item')].map((item) => item.dataset.claimId)"
    )


def history_rows(app) -> list[str]:
    """Each history row as `summary|state`."""
    return [
        f"{summary}|{state}"
        for summary, state in app.driver.execute_script(
            "return [...document.querySelectorAll('#history-body tr')]"
            ".map((row) => [row.querySelector('.history-summary')?.textContent ?? '',"
            " row.querySelector('.history-state')?.textContent ?? ''])"
        )
    ]


def review_with_key(app, claim_id: str, key: str, status: str) -> None:
    """Selects the claim, presses its review key (`v` verify, `x` reject) and waits until the
    list shows the new status and the window is idle."""
    click_claim(app, claim_id)
    app.wait_for(lambda app: selected_claim_id(app) == claim_id, f"claim {claim_id} selected")
    app.press(key)
    app.wait_for(lambda app: claim_status(app, claim_id) == status, f"claim {claim_id} {status}")
    app.wait_until_idle()


def close_dialog(app, dialog_id: str) -> None:
    app.driver.execute_script("document.getElementById(arguments[0]).close()", dialog_id)


def click_claim(app, claim_id: str) -> None:
    app.click(f'#claim-list .claim-item[data-claim-id="{claim_id}"] .claim-text')


def claim_status(app, claim_id: str) -> str:
    """The status as stored (the list shows it in capitals through CSS)."""
    return app.driver.execute_script(
        "return document.querySelector(`#claim-list .claim-item[data-claim-id=\"${arguments[0]}\"] .claim-status`)"
        "?.textContent ?? null",
        claim_id,
    )


def paste_article(app, title: str, body: str, published: str) -> None:
    app.click("#paste-article")
    app.type_into("#paste-title", title)
    app.type_into("#paste-outlet", "Lakeside Ledger")
    app.set_value("#paste-published", published)
    # Pasted, as an analyst would: WebDriver typing would turn the blank lines into Enter keys.
    app.set_value("#paste-body", body)
    app.click("#paste-submit")


def test_import_correct_verify_undo_redo_export(launch_app, tmp_path):
    app = launch_app()
    app.wait_until_loaded()

    # Import by pasting; the claims appear at once in the review view.
    paste_article(app, TRAM_TITLE, TRAM_BODY, "2026-05-14")
    app.wait_for(lambda app: TRAM_TITLE in app.texts(".article-title"), "the pasted article in the library")
    claim_id = app.wait_for(lambda app: claim_id_containing(app, HOLM_QUOTE), "the quote among the claims")
    app.wait_until_idle()
    assert app.text("#review-article-title") == TRAM_TITLE
    assert "Lakeside Ledger" in app.text("#review-article-meta")
    # The paragraphs arrive intact, so the quote's speaker is the councillor.
    assert "Petra Holm" in app.texts("#claim-list .claim-speaker")
    # Every claim is highlighted in the article text.
    highlighted = " ".join(app.texts("#article-text .highlight"))
    assert "nobody has asked the neighbours" in highlighted, highlighted

    # Select the quote and correct its speaker through the autocomplete field.
    click_claim(app, claim_id)
    app.wait_for(lambda app: selected_claim_id(app) == claim_id, "the quote selected")
    assert HOLM_QUOTE in app.text("#detail-text")
    app.type_into("#speaker-input", CORRECTED_SPEAKER)
    app.click("#save-speaker")
    app.wait_for(
        lambda app: app.text(f'#claim-list .claim-item[data-claim-id="{claim_id}"] .claim-speaker') == CORRECTED_SPEAKER,
        "the corrected speaker in the claim list",
    )
    app.wait_until_idle()

    # Verify with the keyboard: `v` verifies and moves on to the next claim.
    review_with_key(app, claim_id, "v", "verified")
    app.save_screenshot("review-view.png")

    # Undo from the header button, then redo with the keyboard.
    app.click("#undo")
    app.wait_for(lambda app: claim_status(app, claim_id) == "pending", "the verification undone")
    assert "Undid" in app.text("#status-line")
    app.wait_until_idle()
    app.press("y")
    app.wait_for(lambda app: claim_status(app, claim_id) == "verified", "the verification redone")
    app.wait_until_idle()

    # The claims table finds it by speaker; export what it shows (verified only).
    app.press("2")
    app.type_into("#filter-speaker", CORRECTED_SPEAKER)
    app.wait_for(
        lambda app: app.texts("#claims-table-body .cell-speaker") == [CORRECTED_SPEAKER],
        "the table filtered to the corrected speaker",
    )
    app.wait_until_idle()
    app.save_screenshot("claims-table.png")
    app.click("#export-filtered")
    export_path = tmp_path / "verified-claims.csv"
    app.type_into("#export-path", str(export_path))
    app.click("#export-submit")
    app.wait_for(lambda app: "Wrote 1 claims" in app.text("#export-result"), "the export report")
    app.save_screenshot("export-dialog.png")

    with export_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1, rows
    assert rows[0]["claim_id"] == claim_id
    assert rows[0]["speaker"] == CORRECTED_SPEAKER
    assert rows[0]["claim_text"] == HOLM_QUOTE
    assert rows[0]["status"] == "verified"
    assert rows[0]["article_title"] == TRAM_TITLE
    assert rows[0]["published"] == "2026-05-14"
    # The Excel option (on by default) starts the file with a byte-order mark.
    assert export_path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_speakers_merge_and_history_survive_a_restart(launch_app, tmp_path):
    article = tmp_path / "tram.txt"
    article.write_text(f"{TRAM_TITLE}\n\n{TRAM_BODY}")
    database_path = tmp_path / "speakers.sqlite3"
    ingest_with_cli(database_path, article, "--published", "2026-05-14")

    app = launch_app(database_path)
    app.wait_until_loaded()
    app.press("3")
    app.wait_for(lambda app: "Samir Okafor" in app.texts(".speaker-name"), "the speakers list")
    names_before = app.texts(".speaker-name")
    assert "Petra Holm" in names_before, names_before

    # Merge Petra Holm into Samir Okafor (as if the extractor had split one person in two).
    app.driver.execute_script(
        "[...document.querySelectorAll('.speaker-item')].find((item) => item.innerText.includes('Petra Holm')).click()"
    )
    app.wait_for(lambda app: app.text("#speaker-heading") == "Petra Holm", "Petra Holm's page")
    app.type_into("#merge-into-input", "Samir Okafor")
    app.click("#merge-speaker")
    app.wait_for(lambda app: "Petra Holm" not in app.texts(".speaker-name"), "the merged speaker gone from the list")
    app.wait_until_idle()
    assert app.text("#speaker-heading") == "Samir Okafor"
    assert any(HOLM_QUOTE in text for text in app.texts("#speaker-claims .claim-text"))
    app.save_screenshot("speakers-view.png")

    # The history lists the merge, and undo (from the History view) brings Petra Holm back.
    app.press("4")
    app.wait_for(lambda app: any("merged" in text for text in app.texts(".history-summary")), "the merge in the history")
    app.click("#history-undo")
    app.wait_for(
        lambda app: any(row.startswith("merged") and row.endswith("|undone") for row in history_rows(app)),
        "the merge marked undone",
    )
    # Undo itself is recorded, newest first, as a permanent event.
    assert history_rows(app)[0].startswith("undo: merged") and history_rows(app)[0].endswith("|permanent"), history_rows(
        app
    )
    app.wait_until_idle()
    app.driver.quit()

    reopened = launch_app(database_path)
    reopened.wait_until_loaded()
    reopened.press("3")
    reopened.wait_for(lambda app: "Petra Holm" in app.texts(".speaker-name"), "Petra Holm back after a restart")
    # Redo reads the stored history, so it works in a new run of the app.
    reopened.press("y")
    reopened.wait_for(lambda app: "Petra Holm" not in app.texts(".speaker-name"), "the merge redone after a restart")


def test_a_failed_import_shows_its_error_and_loses_nothing(launch_app, tmp_path):
    app = launch_app()
    app.wait_until_loaded()
    paste_article(app, TRAM_TITLE, TRAM_BODY, "2026-05-14")
    claim_id = app.wait_for(lambda app: claim_id_containing(app, HOLM_QUOTE), "the pasted article's claims")
    app.wait_until_idle()
    review_with_key(app, claim_id, "v", "verified")
    library_before = app.texts(".article-item")

    # A paste with no text is refused in the form, and nothing is stored.
    app.click("#paste-article")
    app.type_into("#paste-title", "An empty article")
    app.click("#paste-submit")
    app.wait_for(lambda app: "empty" in app.text("#paste-error"), "the paste error")
    close_dialog(app, "paste-dialog")

    # A batch with a binary file, invalid UTF-8, a missing file and one good article: the
    # good one is imported, each failure is listed with its reason.
    good = tmp_path / "good.txt"
    good.write_text("Harbour ferry fares to rise\n\n\"Fares will rise by ten cents in June,\" ferry chief Ines Moreau said on Monday.\n")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    broken = tmp_path / "latin1.md"
    broken.write_bytes("Caf\xe9 owners protest\n\nThe caf\xe9 owners said rents were too high.\n".encode("latin-1"))
    missing = tmp_path / "vanished.txt"
    app.click("#import-files")
    # One path per line, as a file manager's "copy path" pastes them.
    app.set_value("#import-paths", "\n".join(str(path) for path in [binary, good, broken, missing]))
    app.click("#import-submit")
    app.wait_for(lambda app: app.text("#import-status").startswith("Done"), "the import to finish")
    app.wait_until_idle()
    assert "1 of 4 items imported; 3 failed" in app.text("#import-status")
    failures = app.texts("#import-report .import-failed")
    assert len(failures) == 3, failures
    assert any(str(binary) in line and "binary" in line.lower() for line in failures), failures
    assert any(str(broken) in line and "utf-8" in line.lower() for line in failures), failures
    assert any(str(missing) in line for line in failures), failures
    assert any(str(good) in line for line in app.texts("#import-report .import-ok"))
    app.save_screenshot("import-report.png")
    close_dialog(app, "import-dialog")

    # Everything stored before is still there, with its review state.
    titles = app.texts(".article-title")
    assert "Harbour ferry fares to rise" in titles, titles
    for entry in library_before:
        title = entry.splitlines()[0]
        assert title in titles, (title, titles)
    tram = [entry for entry in app.texts(".article-item") if TRAM_TITLE in entry]
    assert len(tram) == 1 and "1 verified" in tram[0], tram


def test_keyboard_help_lists_every_shortcut(launch_app):
    app = launch_app()
    app.wait_until_loaded()
    app.press("?")
    app.wait_for(lambda app: app.element("#help-dialog").is_displayed(), "the help overlay")
    keys = app.texts("#help-table kbd")
    for key in ["j / ↓", "k / ↑", "v", "x", "s", "z", "y", "/", "?"]:
        assert key in keys, (key, keys)
    app.save_screenshot("keyboard-help.png")


def select_text_in_article(app, words: str) -> None:
    """Selects the first occurrence of `words` in the article text, as a mouse drag would."""
    found = app.driver.execute_script(
        """
        const container = document.getElementById('article-text');
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = '';
        while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
        const start = text.indexOf(arguments[0]);
        if (start < 0) return false;
        const end = start + arguments[0].length;
        const locate = (offset) => {
          for (const [node, at] of nodes) { if (offset <= at + node.data.length) return [node, offset - at]; }
          return null;
        };
        const range = document.createRange();
        range.setStart(...locate(start));
        range.setEnd(...locate(end));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
        """,
        words,
    )
    assert found, f"`{words}` is not in the article text"


def press_keeping_selection(app, key: str) -> None:
    """Sends a key to the page without moving the focus, so the text selection survives."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(app.driver).send_keys(key).perform()


def test_spans_and_missed_claims_from_a_selection_in_non_ascii_text(launch_app, tmp_path):
    # Accents, a Polish name and an emoji put multi-byte characters before every span, so a
    # byte/UTF-16 mix-up anywhere between the window and the store would shift the spans.
    body = (
        "Zoë Dupré, the café owners' spokeswoman 🚋, spoke first.\n\n"
        '"Rents in the old town have doubled since the tram opened," Zoë Dupré said on Monday.\n\n'
        "Łukasz Wójcik, who runs the bakery next door, thinks the council should cap rents for small shops.\n"
    )
    app = launch_app()
    app.wait_until_loaded()
    paste_article(app, "Café owners ask for rent cap", body, "2026-06-05")
    claim_id = app.wait_for(lambda app: claim_id_containing(app, "Rents in the old town"), "the direct quote")
    app.wait_until_idle()
    click_claim(app, claim_id)
    app.wait_for(lambda app: selected_claim_id(app) == claim_id, "the quote selected")

    # Narrow the span to part of the quote with `e`.
    select_text_in_article(app, "Rents in the old town have doubled")
    press_keeping_selection(app, "e")
    app.wait_for(lambda app: app.text("#detail-text") == "Rents in the old town have doubled", "the narrowed span")
    app.wait_until_idle()

    # The extractor missed Wójcik's opinion: select it and add it with `a`, then name him
    # from the text with `n`.
    # (The extractor may find a claim over these words too; the analyst's own claim is the
    # new one, which the window selects once it is added.)
    ids_before = set(all_claim_ids(app))
    select_text_in_article(app, "the council should cap rents for small shops")
    press_keeping_selection(app, "a")
    added = app.wait_for(
        lambda app: next(iter(set(all_claim_ids(app)) - ids_before), None), "the added claim"
    )
    app.wait_until_idle()
    assert selected_claim_id(app) == added
    assert app.text("#detail-text") == "the council should cap rents for small shops"
    select_text_in_article(app, "Łukasz Wójcik")
    press_keeping_selection(app, "n")
    app.wait_for(
        lambda app: app.text(f'#claim-list .claim-item[data-claim-id="{added}"] .claim-speaker') == "Łukasz Wójcik",
        "the speaker named from the selection",
    )
    app.wait_until_idle()
    # The highlight in the text covers exactly the added words: the offsets round-tripped.
    highlighted = app.driver.execute_script(
        "return [...document.querySelectorAll(`#article-text .highlight`)]"
        ".filter((node) => node.dataset.claimIds.split(' ').includes(arguments[0])).map((node) => node.textContent).join('')",
        added,
    )
    assert highlighted == "the council should cap rents for small shops"

    # The same through the CLI's export: the stored byte offsets slice the stored text.
    export_path = tmp_path / "all.csv"
    app.press("2")
    app.click("#export-filtered")
    app.click("#export-verified-only")
    app.type_into("#export-path", str(export_path))
    app.click("#export-submit")
    app.wait_for(lambda app: "Wrote" in app.text("#export-result"), "the export report")
    with export_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["claim_id"]: row for row in csv.DictReader(handle) if row["article_title"] == "Café owners ask for rent cap"}
    assert len(rows) >= 2, rows
    stored_text = ("Café owners ask for rent cap\n\n" + body).encode("utf-8")
    for row in rows.values():
        start, end = int(row["start"]), int(row["end"])
        assert stored_text[start:end].decode("utf-8") == row["claim_text"], row
    assert rows[added]["speaker"] == "Łukasz Wójcik"
    assert rows[claim_id]["claim_text"] == "Rents in the old town have doubled"


def claim_details(app) -> list[str]:
    return app.driver.execute_script(
        "return [...document.querySelectorAll('#claim-list .claim-details')].map((node) => node.textContent)"
    )


def test_editing_the_published_date_moves_claim_dates(launch_app):
    app = launch_app()
    app.wait_until_loaded()
    paste_article(app, TRAM_TITLE, TRAM_BODY.replace("said after the meeting", "said on Monday"), "2026-05-14")
    app.wait_until_idle()
    app.wait_for(lambda app: claim_id_containing(app, HOLM_QUOTE), "the claims")
    assert any("2026-05-11" in text for text in claim_details(app)), claim_details(app)
    app.driver.execute_script(
        "[...document.querySelectorAll('.article-entry')].find((entry) => entry.innerText.includes(arguments[0]))"
        ".querySelector('.article-edit').click()",
        TRAM_TITLE,
    )
    app.wait_for(lambda app: app.element("#metadata-dialog").is_displayed(), "the details dialog")
    assert app.element("#meta-published").get_attribute("value") == "2026-05-14"
    app.set_value("#meta-published", "2026-05-21")
    app.type_into("#meta-author", "Ruth Achterberg")
    app.click("#meta-submit")
    app.wait_for(lambda app: "Ruth Achterberg" in app.text("#review-article-meta"), "the new author shown")
    app.wait_until_idle()
    # "on Monday" now means the Monday before 21 May, not the one before 14 May.
    dates = claim_details(app)
    assert any("2026-05-18" in text for text in dates), dates
    assert not any("2026-05-11" in text for text in dates), dates


def test_bulk_review_in_the_table_and_the_export_matches_the_cli_byte_for_byte(launch_app, tmp_path):
    import subprocess

    from conftest import cli_binary

    app = launch_app()
    app.wait_until_loaded()
    paste_article(app, TRAM_TITLE, TRAM_BODY, "2026-05-14")
    app.wait_for(lambda app: claim_id_containing(app, HOLM_QUOTE), "the pasted article's claims")
    app.wait_until_idle()

    # Filter the table to this article's direct quotes, select the page, verify in one step.
    app.press("2")
    app.wait_for(lambda app: len(app.texts("#claims-table-body tr")) > 2, "the table with every claim")
    app.click("#filter-article")
    app.driver.execute_script(
        "const select = document.getElementById('filter-article');"
        "select.value = [...select.options].find((option) => option.text === arguments[0]).value;"
        "select.dispatchEvent(new Event('change', {bubbles: true}));",
        TRAM_TITLE,
    )
    app.set_value("#filter-kind", "direct")
    app.wait_for(lambda app: app.text("#claims-table-summary") == "1–2 of 2 claims", "two direct quotes in the article")
    app.wait_until_idle()
    app.click("#select-page")
    app.click("#bulk-verify")
    app.wait_for(lambda app: app.texts("#claims-table-body .cell-status") == ["verified", "verified"], "both verified")
    app.wait_until_idle()
    assert "Marked 2 claims verified" in app.text("#status-line")

    # One undo takes back the whole bulk change.
    app.press("z")
    app.wait_for(lambda app: app.texts("#claims-table-body .cell-status") == ["pending", "pending"], "both pending again")
    app.wait_until_idle()
    app.press("y")
    app.wait_for(lambda app: app.texts("#claims-table-body .cell-status") == ["verified", "verified"], "both verified again")
    app.wait_until_idle()

    # Export every verified claim without the Excel mark, then the same with the CLI.
    app.click("#filters-clear")
    app.wait_until_idle()
    app.click("#export-filtered")
    app.click("#export-excel")
    from_app = tmp_path / "from-app.csv"
    app.type_into("#export-path", str(from_app))
    app.click("#export-submit")
    app.wait_for(lambda app: "Wrote 2 claims" in app.text("#export-result"), "the export report")
    from_cli = tmp_path / "from-cli.csv"
    subprocess.run(
        [str(cli_binary()), "--db", str(app.database_path), "export", "--out", str(from_cli)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert from_app.read_bytes() == from_cli.read_bytes()
    assert not from_app.read_bytes().startswith(b"\xef\xbb\xbf")
    assert app.driver.execute_script("return document.body.dataset.cspViolations ?? null") is None


def test_backup_then_restore_brings_back_the_reviewed_state(launch_app, tmp_path):
    import sqlite3

    app = launch_app()
    app.wait_until_loaded()
    paste_article(app, TRAM_TITLE, TRAM_BODY, "2026-05-14")
    claim_id = app.wait_for(lambda app: claim_id_containing(app, HOLM_QUOTE), "the pasted article's claims")
    app.wait_until_idle()
    review_with_key(app, claim_id, "v", "verified")

    backup = tmp_path / "backup.sqlite3"
    app.press("4")
    app.click("#open-database-dialog")
    app.type_into("#backup-path", str(backup))
    app.click("#backup-submit")
    app.wait_for(lambda app: "Backed up 2 articles" in app.text("#database-result"), "the backup report")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT status FROM claim_corrections WHERE claim_id = ?", (claim_id,)).fetchone()[0] == "verified"
    close_dialog(app, "database-dialog")

    # After the backup the analyst rejects the claim; restoring brings back "verified".
    app.press("1")
    app.wait_until_idle()
    review_with_key(app, claim_id, "x", "rejected")

    app.press("4")
    app.click("#open-database-dialog")
    app.set_value("#restore-path", str(backup))
    app.click("#restore-submit")
    assert "Click again" in app.text("#database-result")
    app.click("#restore-submit")
    app.wait_for(lambda app: "Restored 2 articles" in app.text("#database-result"), "the restore report")
    app.wait_until_idle()
    close_dialog(app, "database-dialog")
    app.press("1")
    app.driver.execute_script(
        "[...document.querySelectorAll('.article-item')].find((item) => item.innerText.includes(arguments[0])).click()",
        TRAM_TITLE,
    )
    app.wait_for(lambda app: claim_status(app, claim_id) == "verified", "the restored verification")
    # A restore that names a file that is not a database is refused with a clear message.
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("minutes of the Tuesday meeting\n" * 100)
    app.press("4")
    app.click("#open-database-dialog")
    app.set_value("#restore-path", str(not_a_database))
    app.click("#restore-submit")
    app.click("#restore-submit")
    app.wait_for(lambda app: app.element("#database-result").get_attribute("class") == "form-error", "the refusal")
    close_dialog(app, "database-dialog")
    app.press("1")
    app.wait_for(lambda app: claim_status(app, claim_id) == "verified", "nothing lost after the refused restore")


FERRY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry strike called off | Harbour Gazette</title>
<meta property="og:title" content="Ferry strike called off">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Mirela Costa">
<meta property="article:published_time" content="2026-07-09T08:30:00+02:00">
<link rel="canonical" href="https://gazette.example/ferry-strike">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ferry strike called off</h1>
<p class="byline">By Mirela Costa</p>
<p>Ferry crews on the island routes called off Thursday's strike after a late-night offer from the operator.</p>
<p>"We have a deal that our members can vote for," union organiser Kofi Mensah said on Wednesday.</p>
<figure><figcaption>Ferries at the harbour wall.</figcaption></figure>
</article>
<aside><ul><li><a href="/other">Related: bus fares</a></li></ul></aside>
</body></html>
"""


def test_importing_a_web_page_over_loopback_http_reads_its_metadata(launch_app):
    import http.server
    import threading

    class Pages(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            if self.path == "/ferry-strike":
                body = FERRY_PAGE.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
            else:
                body = b"not here"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *arguments):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        app = launch_app()
        app.wait_until_loaded()
        app.click("#import-files")
        app.set_value("#import-paths", f"{base}/ferry-strike\n{base}/missing-page")
        app.click("#import-submit")
        app.wait_for(lambda app: app.text("#import-status").startswith("Done"), "the import to finish")
        app.wait_until_idle()
        assert "1 of 2 items imported; 1 failed" in app.text("#import-status")
        failures = app.texts("#import-report .import-failed")
        assert len(failures) == 1 and "missing-page" in failures[0] and "404" in failures[0], failures
        close_dialog(app, "import-dialog")

        # The page's own metadata, and its body without navigation, byline or caption.
        app.wait_for(lambda app: app.text("#review-article-title") == "Ferry strike called off", "the imported page opened")
        meta = app.text("#review-article-meta")
        for expected in ["Harbour Gazette", "Mirela Costa", "2026-07-09", "https://gazette.example/ferry-strike"]:
            assert expected in meta, (expected, meta)
        body = app.text("#article-text")
        assert "late-night offer" in body
        for furniture in ["Sport", "By Mirela Costa", "Ferries at the harbour wall", "Related: bus fares"]:
            assert furniture not in body, (furniture, body)
        claim_id = app.wait_for(lambda app: claim_id_containing(app, "We have a deal"), "the quote as a claim")
        assert app.text(f'#claim-list .claim-item[data-claim-id="{claim_id}"] .claim-speaker') == "Kofi Mensah"
        assert "2026-07-08" in app.text(f'#claim-list .claim-item[data-claim-id="{claim_id}"] .claim-details')
    finally:
        server.shutdown()


def test_the_app_and_the_cli_write_the_same_database_at_once_and_lose_nothing(launch_app, tmp_path):
    import sqlite3
    import subprocess

    from conftest import cli_binary

    app = launch_app()
    app.wait_until_loaded()
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(60):
        (folder / f"brief-{number:02}.txt").write_text(
            f"Harbour brief number {number}\n\n"
            f'"Berth {number} reopens on Monday," harbour master Ines Moreau said on Friday.\n'
        )
    # The CLI stores sixty articles while the analyst verifies and rejects in the window.
    cli = subprocess.Popen(
        [str(cli_binary()), "--db", str(app.database_path), "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    decisions = {}
    for round_number in range(12):
        claim_id = selected_claim_id(app)
        if claim_id is None:
            break
        status = "verified" if round_number % 2 == 0 else "rejected"
        app.press("v" if status == "verified" else "x")
        app.wait_until_idle()
        decisions[claim_id] = status
        if claim_status(app, claim_id) is None:
            break
    _, stderr = cli.communicate(timeout=120)
    assert cli.returncode == 0, stderr.decode()
    assert app.texts("#error-banner .error-message") == []

    with sqlite3.connect(app.database_path) as connection:
        stored = connection.execute("SELECT COUNT(*) FROM articles WHERE title LIKE 'Harbour brief number %'").fetchone()[0]
        statuses = dict(connection.execute("SELECT claim_id, status FROM claim_corrections").fetchall())
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stored == 60
    assert decisions, "the window made no decision"
    for claim_id, status in decisions.items():
        assert statuses.get(int(claim_id)) == status, (claim_id, status, statuses)
