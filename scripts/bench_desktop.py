"""The measuring half of scripts/bench-desktop: drives the release app through WebDriver and
prints what it measured. Timings are wall-clock from this client, polled every 5 ms, so they
include one WebDriver round trip (a few milliseconds on loopback)."""

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))
from conftest import RunningApp, cli_binary, start_session, write_launcher  # noqa: E402

POLL_SECONDS = 0.005
RUNS = 5

FIRST_NAMES = ["Anna", "Tomas", "Ilse", "Marek", "Sofia", "Jonas", "Leila", "Pavel", "Ines", "Rafael",
               "Maren", "Oskar", "Nadia", "Emil", "Greta", "Viktor", "Hana", "Luca", "Dora", "Felix"]
SURNAMES = ["Lindqvist", "Brenner", "Okafor", "Varga", "Moreau", "Achterberg", "Novak", "Kessler",
            "Dalton", "Ferreira", "Holm", "Sato", "Petrov", "Quinn", "Rahman", "Weiss", "Young", "Zeller",
            "Castell", "Engel"]
ROLES = ["Mayor", "Finance Minister", "council leader", "union chief", "transport director", "opposition leader"]
TOPICS = ["the harbour budget", "the tram extension", "school meals", "the new bridge", "rent controls",
          "the ferry contract", "flood defences", "the hospital wing", "bus fares", "the library closure"]


def generated_article(number: int, rng: random.Random) -> str:
    """An invented council-news article with five direct quotes and five reported claims."""
    topic = rng.choice(TOPICS)
    lines = [f"Council row over {topic} deepens (report {number})", ""]
    for index in range(5):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        role = rng.choice(ROLES)
        lines.append(
            f'"We have waited {index + 2} years for {topic} and we will not wait another one," '
            f"{role} {name} said on Tuesday."
        )
        lines.append("")
        lines.append(f"{name.split()[1]} said the plan for {topic} would cost {rng.randint(2, 90)} million euros more than promised.")
        lines.append("")
    return "\n".join(lines)


def build_large_database(folder: Path, claims_wanted: int) -> Path:
    articles = folder / "articles"
    articles.mkdir()
    rng = random.Random(7)
    for number in range(claims_wanted // 10):
        (articles / f"article-{number:06}.txt").write_text(generated_article(number, rng))
    database = folder / "large.sqlite3"
    started = time.perf_counter()
    subprocess.run(
        [str(cli_binary()), "--db", str(database), "ingest", str(articles), "--published", "2026-03-05"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    with sqlite3.connect(database) as connection:
        claims = connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        stored = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    print(f"built {database}: {stored} articles, {claims} claims, CLI ingest {seconds:.1f} s", file=sys.stderr)
    return database


def app_process_tree_rss_kib(binary: Path) -> int:
    """RSS of the running app and every process below it (WebKit's web and network processes)."""
    parents: dict[int, int] = {}
    app_pids: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            if (entry / "exe").resolve() == binary:
                app_pids.append(int(entry.name))
        except (OSError, ValueError):
            continue
    if len(app_pids) != 1:
        raise RuntimeError(f"expected one running app, found {app_pids}")
    tree = {app_pids[0]}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def wait_until(app: RunningApp, script: str, timeout: float = 120.0) -> float:
    """Seconds until `script` returns true in the page."""
    started = time.perf_counter()
    while not app.driver.execute_script(script):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(script)
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - started


IDLE = "return document.body.dataset.loaded === 'true' && (document.body.dataset.busy ?? '0') === '0'"


def launch(work: Path, database: Path, label: str) -> tuple[RunningApp, float, float]:
    """Starts the app; returns it, seconds from launch to first contentful paint, and to the
    first load finished (articles and the first article's claims shown)."""
    folder = work / f"launch-{label}-{time.monotonic_ns()}"
    folder.mkdir()
    launched_at_epoch_ms = time.time() * 1000
    driver = start_session(write_launcher(folder, database))
    app = RunningApp(driver, database)
    wait_until(app, IDLE)
    loaded_at_epoch_ms = time.time() * 1000
    paint = driver.execute_script(
        "const entry = performance.getEntriesByName('first-contentful-paint')[0];"
        "return entry ? performance.timeOrigin + entry.startTime : null"
    )
    first_paint_seconds = ((paint or loaded_at_epoch_ms) - launched_at_epoch_ms) / 1000
    return app, first_paint_seconds, (loaded_at_epoch_ms - launched_at_epoch_ms) / 1000


def timed_table_actions(app: RunningApp) -> dict[str, float]:
    """Opens the claims table and applies filters, each timed until the window is idle."""
    timings: dict[str, float] = {}

    def act(name: str, script: str) -> None:
        started = time.perf_counter()
        app.driver.execute_script(script)
        time.sleep(POLL_SECONDS)
        wait_until(app, IDLE + " && document.querySelector('#claims-table-body tr') !== null")
        timings[name] = time.perf_counter() - started

    def set_field(selector: str, value: str) -> str:
        return (
            f"const field = document.querySelector('{selector}'); field.value = '{value}';"
            "field.dispatchEvent(new Event('change', {bubbles: true}));"
        )

    started = time.perf_counter()
    app.driver.execute_script("document.getElementById('verify-claim').click()")
    time.sleep(POLL_SECONDS)
    wait_until(app, IDLE)
    timings["verify a claim in the review view (saved, counts reloaded)"] = time.perf_counter() - started

    act("open the claims table (first page of all claims)", "document.getElementById('tab-claims').click()")
    act("next page", "document.getElementById('page-next').click()")
    act("filter by status (pending)", set_field("#filter-status", "pending"))
    act("filter by speaker name", set_field("#filter-speaker", "Anna Lindqvist"))
    act("full-text search (two words)", set_field("#filter-search", "bridge years"))
    act("clear every filter", "document.getElementById('filters-clear').click()")
    return timings


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--claims", type=int, default=100_000)
    arguments = parser.parse_args()
    binary = Path(__import__("os").environ["CLAIMTRACK_APP_BINARY"]).resolve()

    rows: list[tuple[str, str]] = []
    # Cold start on a new database (the sample article is stored on first start).
    paints, loads, memory = [], [], []
    for run in range(RUNS):
        database = arguments.work / f"sample-{run}.sqlite3"
        app, paint, loaded = launch(arguments.work, database, "sample")
        paints.append(paint)
        loads.append(loaded)
        time.sleep(2)
        memory.append(app_process_tree_rss_kib(binary))
        app.driver.quit()
        time.sleep(0.5)
    rows.append(("cold start to first contentful paint, new database with the sample", f"{median(paints) * 1000:.0f} ms"))
    rows.append(("cold start to sample claims shown", f"{median(loads) * 1000:.0f} ms"))
    rows.append(("memory (RSS, app + WebKit processes), sample database", f"{median(memory) / 1024:.0f} MiB"))

    large = build_large_database(arguments.work, arguments.claims)
    paints, loads, memory = [], [], []
    table: dict[str, list[float]] = {}
    for _ in range(RUNS):
        app, paint, loaded = launch(arguments.work, large, "large")
        paints.append(paint)
        loads.append(loaded)
        for name, seconds in timed_table_actions(app).items():
            table.setdefault(name, []).append(seconds)
        time.sleep(2)
        memory.append(app_process_tree_rss_kib(binary))
        app.driver.quit()
        time.sleep(0.5)
    with sqlite3.connect(large) as connection:
        claims = connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    rows.append((f"cold start to first contentful paint, {claims:,} claims", f"{median(paints) * 1000:.0f} ms"))
    rows.append((f"cold start to first article's claims shown, {claims:,} claims", f"{median(loads) * 1000:.0f} ms"))
    rows.append((f"memory (RSS, app + WebKit processes), {claims:,} claims after using the table", f"{median(memory) / 1024:.0f} MiB"))
    for name, values in table.items():
        rows.append((f"claims table, {claims:,} claims: {name}", f"{median(values) * 1000:.0f} ms"))

    print(f"| measure (median of {RUNS} runs) | value |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
