"""Fixtures of the end-to-end suite: each test launches the real ClaimTrack binary in a real
WebKitGTK window through WebKitWebDriver (started by tests/e2e/run), on a database of its own.
"""

import os
import stat
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection
from selenium.webdriver.support.ui import WebDriverWait

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_FOLDER = REPOSITORY_ROOT / "docs" / "screenshots"
# The first load waits on SQLite and WebKit start-up; generous so a busy CI machine passes.
LOAD_TIMEOUT_SECONDS = 30


def built_binary(variable: str, name: str, package: str) -> Path:
    """A binary from the workspace build; tests/e2e/run builds both and names them."""
    configured = os.environ.get(variable)
    binary = Path(configured) if configured else REPOSITORY_ROOT / "target" / "debug" / name
    if not binary.is_file():
        raise RuntimeError(f"{binary} does not exist: run `cargo build -p {package}` first")
    return binary.resolve()


def app_binary() -> Path:
    return built_binary("CLAIMTRACK_APP_BINARY", "claimtrack-desktop", "claimtrack-desktop")


def cli_binary() -> Path:
    return built_binary("CLAIMTRACK_CLI_BINARY", "claimtrack", "claimtrack-cli")


def ingest_with_cli(database_path: Path, article_path: Path, *extra_arguments: str) -> None:
    """Stores an article the way an analyst would before opening the app: with the CLI."""
    subprocess.run(
        [str(cli_binary()), "--db", str(database_path), "ingest", str(article_path), *extra_arguments],
        check=True,
        capture_output=True,
        timeout=60,
    )


def webdriver_url() -> str:
    return os.environ.get("CLAIMTRACK_WEBDRIVER_URL", "http://127.0.0.1:4445")


class RunningApp:
    """One launched app window and the WebDriver session that drives it."""

    def __init__(self, driver: webdriver.Remote, database_path: Path):
        self.driver = driver
        self.database_path = database_path

    def wait_until_loaded(self) -> None:
        """Waits until main.ts has finished its first load of articles and claims."""
        WebDriverWait(self.driver, LOAD_TIMEOUT_SECONDS).until(
            lambda driver: driver.execute_script("return document.body.dataset.loaded === 'true'")
        )

    def wait_for(self, condition, what: str, timeout: float = LOAD_TIMEOUT_SECONDS):
        """Waits until `condition(app)` returns something truthy and returns it."""
        # The views re-render whole lists after each change, so an element found a moment
        # ago can be gone; such a condition is simply asked again.
        return WebDriverWait(self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda _driver: condition(self), message=what
        )

    def wait_until_idle(self) -> None:
        """Waits until no command is in flight (main.ts counts them in data-busy)."""
        self.wait_for(
            lambda app: app.driver.execute_script("return (document.body.dataset.busy ?? '0') === '0'"),
            "the window to finish its commands",
        )

    def element(self, css_selector: str):
        return self.driver.find_element(By.CSS_SELECTOR, css_selector)

    def click(self, css_selector: str) -> None:
        self.element(css_selector).click()

    def type_into(self, css_selector: str, text: str) -> None:
        field = self.element(css_selector)
        field.clear()
        field.send_keys(text)

    def set_value(self, css_selector: str, value: str) -> None:
        """Sets a field that WebDriver cannot type into portably (date inputs) and tells the
        page, as the browser would after a user's edit."""
        self.driver.execute_script(
            "const field = document.querySelector(arguments[0]); field.value = arguments[1];"
            "field.dispatchEvent(new Event('input', {bubbles: true}));"
            "field.dispatchEvent(new Event('change', {bubbles: true}));",
            css_selector,
            value,
        )

    def press(self, keys: str) -> None:
        """Types keys with the focus on the page itself, as the keyboard shortcuts expect."""
        self.driver.execute_script("document.activeElement && document.activeElement.blur()")
        ActionChains(self.driver).send_keys(keys).perform()

    def texts(self, css_selector: str) -> list[str]:
        """The visible text of every match, read in one script so a re-render between two
        reads cannot leave a stale element behind."""
        return self.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map((node) => node.innerText.trim())",
            css_selector,
        )

    def text(self, css_selector: str) -> str:
        return self.driver.find_element(By.CSS_SELECTOR, css_selector).text

    def save_screenshot(self, name: str) -> Path:
        """Saves the window after a short pause: a picture taken right after a DOM change
        can show the previous frame, while the DOM assertions have already passed."""
        time.sleep(1.0)
        SCREENSHOT_FOLDER.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_FOLDER / name
        if not self.driver.save_screenshot(str(path)):
            raise AssertionError(f"WebDriver could not save a screenshot to {path}")
        return path


def write_launcher(folder: Path, database_path: Path) -> Path:
    """WebKitWebDriver starts the binary with its own environment and lets a test choose
    only the program and its arguments, so each test gets a tiny launcher script that sets
    CLAIMTRACK_DB and then becomes the real app."""
    launcher = folder / "launch-claimtrack"
    launcher.write_text(
        "#!/bin/sh\n"
        "# Written by tests/e2e/conftest.py: runs ClaimTrack on this test's own database.\n"
        f"CLAIMTRACK_DB='{database_path}'\n"
        "export CLAIMTRACK_DB\n"
        f"exec '{app_binary()}' \"$@\"\n"
    )
    launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return launcher


# How long one WebDriver command may take. A session start is about half a second, but
# once in a few dozen starts on a loaded machine the app never reaches WebKitWebDriver
# and the request would wait forever; a bounded wait and one more start recover from it.
COMMAND_TIMEOUT_SECONDS = 90
SESSION_START_ATTEMPTS = 2


def start_session(launcher: Path) -> webdriver.Remote:
    options = ArgOptions()
    options.set_capability("webkitgtk:browserOptions", {"binary": str(launcher), "args": []})
    for attempt in range(1, SESSION_START_ATTEMPTS + 1):
        connection = RemoteConnection(
            client_config=ClientConfig(remote_server_addr=webdriver_url(), timeout=COMMAND_TIMEOUT_SECONDS)
        )
        try:
            return webdriver.Remote(command_executor=connection, options=options)
        except Exception as error:  # noqa: BLE001 - a timed-out start is retried once
            if attempt == SESSION_START_ATTEMPTS:
                raise
            print(f"session start failed ({type(error).__name__}: {error}); starting the app again")
    raise AssertionError("unreachable")


@pytest.fixture
def launch_app(tmp_path):
    """Returns a function that launches the app on a database path (a fresh one inside the
    test's temporary folder by default); every app launched is closed after the test."""
    sessions: list[webdriver.Remote] = []

    def launch(database_path: Path | None = None) -> RunningApp:
        database_path = database_path or tmp_path / "claimtrack.sqlite3"
        launcher_folder = tmp_path / f"launcher-{len(sessions)}"
        launcher_folder.mkdir()
        driver = start_session(write_launcher(launcher_folder, database_path))
        sessions.append(driver)
        return RunningApp(driver, database_path)

    yield launch
    for driver in sessions:
        # Ending the session closes the app; a session already ended raises, which is fine.
        try:
            driver.quit()
        except Exception:  # noqa: BLE001 - cleanup must reach every session
            pass


def quit_app(app: RunningApp) -> None:
    """Closes an app before the test ends, so the next launch opens the file on its own."""
    app.driver.quit()
