"""The main window end to end: the real binary, a real SQLite file, the real WebKitGTK webview.
Claim-level assertions depend on the extraction pipeline in claimtrack-core."""

import shutil
import tempfile
from pathlib import Path

from conftest import ingest_with_cli, quit_app

SAMPLE_TITLE = "Harbour city sets out ferry plan as budget talks stall"


def test_first_start_shows_the_sample_article_and_its_claims(launch_app):
    # A fixed folder rather than pytest's numbered one: the header shows the database path,
    # and a stable path keeps the committed screenshot identical from run to run.
    folder = Path(tempfile.gettempdir()) / "claimtrack-e2e-first-start"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    app = launch_app(folder / "claimtrack.sqlite3")
    app.wait_until_loaded()

    assert app.text("#app-title") == "ClaimTrack"
    assert app.texts(".article-title") == [SAMPLE_TITLE]
    # The header names the file in use: proves CLAIMTRACK_DB reached the app.
    assert app.text(".database-path") == str(app.database_path)
    assert app.database_path.is_file()
    assert app.texts("#error-banner .error-message") == []
    # The tight CSP must not block anything the UI itself loads or does.
    assert app.driver.execute_script("return document.body.dataset.cspViolations ?? null") is None

    claim_texts = app.texts(".claim-text")
    assert any("We cannot ask people to commute" in text for text in claim_texts), claim_texts
    speakers = app.texts(".claim-speaker")
    assert "Ilona Varga" in speakers, speakers
    # The article's count line and the claim list must agree.
    counts = app.text(".article-counts")
    assert counts.startswith(f"{len(claim_texts)} claim"), (counts, claim_texts)

    app.save_screenshot("main-window.png")


def test_second_start_on_the_same_database_does_not_add_the_sample_again(launch_app):
    first = launch_app()
    first.wait_until_loaded()
    first_claims = first.texts(".claim-text")
    quit_app(first)

    second = launch_app(first.database_path)
    second.wait_until_loaded()
    assert second.texts(".article-title") == [SAMPLE_TITLE]
    assert second.texts(".claim-text") == first_claims


def test_a_file_that_is_not_a_database_shows_an_error_and_stays_untouched(launch_app, tmp_path):
    not_a_database = tmp_path / "notes.sqlite3"
    original = b"Meeting notes, Thursday: call the ferry operator.\n" * 200
    not_a_database.write_bytes(original)

    app = launch_app(not_a_database)
    app.wait_until_loaded()
    banner = app.text("#error-banner")
    assert "Loading articles failed" in banner, banner
    assert "(database)" in banner, banner
    assert app.texts(".article-title") == []
    quit_app(app)
    assert Path(not_a_database).read_bytes() == original


def test_markup_in_article_and_claim_text_is_shown_as_text(launch_app, tmp_path):
    # Article text is untrusted: tags in it must appear as characters, never as elements.
    title = 'Mayor <b>vows</b> <img src=x onerror="document.title=1"> to act'
    article = tmp_path / "markup.txt"
    article.write_text(
        f"{title}\n\n"
        '"We will <script>open()</script> the <em>bridge</em> in May," Mayor Ana Brandt said on Monday.\n'
    )
    database_path = tmp_path / "markup.sqlite3"
    ingest_with_cli(database_path, article, "--published", "2025-05-02")

    app = launch_app(database_path)
    app.wait_until_loaded()
    assert app.texts(".article-title") == [title]
    claim_texts = app.texts(".claim-text")
    assert any("<script>open()</script> the <em>bridge</em>" in text for text in claim_texts), claim_texts
    injected = app.driver.execute_script(
        "return document.querySelectorAll('#app b, #app img, #app script, #app em').length"
    )
    assert injected == 0
    assert app.driver.title == "ClaimTrack"
