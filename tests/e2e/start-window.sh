# Sourced by tests/e2e/run and scripts/bench-desktop: sets up everything a real ClaimTrack
# window needs and exports where to find it. Needs REPOSITORY_ROOT, VENV, WEBDRIVER_PORT.
# Defines WORK (a temp folder removed on exit), DISPLAY, CLAIMTRACK_APP_BINARY,
# CLAIMTRACK_CLI_BINARY and CLAIMTRACK_WEBDRIVER_URL; the caller runs its Python client.
WORK=$(mktemp -d /tmp/claimtrack-e2e.XXXXXX)

BACKGROUND_PIDS=()
cleanup() {
    # Only the processes this script started, by PID; the app windows end with their sessions.
    for pid in "${BACKGROUND_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${BACKGROUND_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# The venv is reused across runs; it is rebuilt when requirements.txt changes.
STAMP="$VENV/.claimtrack-requirements.sha256"
WANTED=$(sha256sum tests/e2e/requirements.txt | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANTED" ]; then
    echo "e2e: installing Python test packages into $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
    echo "$WANTED" > "$STAMP"
fi

echo "e2e: building the app and the CLI (some tests prepare databases with it)"
# BUILD_PROFILE is "debug" for tests (fast to build) and "release" for benchmarks.
BUILD_PROFILE=${BUILD_PROFILE:-debug}
if [ "$BUILD_PROFILE" = release ]; then
    cargo build --locked --release -p claimtrack-desktop -p claimtrack-cli
else
    cargo build --locked -p claimtrack-desktop -p claimtrack-cli
fi
BINARY_FOLDER="$REPOSITORY_ROOT/target/$BUILD_PROFILE"
if [ -n "${CARGO_TARGET_DIR:-}" ]; then
    BINARY_FOLDER="$(cd "$CARGO_TARGET_DIR" && pwd)/$BUILD_PROFILE"
fi
export CLAIMTRACK_APP_BINARY="$BINARY_FOLDER/claimtrack-desktop"
export CLAIMTRACK_CLI_BINARY="$BINARY_FOLDER/claimtrack"

# Always a private X server, even when $DISPLAY exists, so tests never open windows on a
# developer's desktop; -displayfd makes Xvfb pick a free display number itself.
exec {DISPLAY_FD}>"$WORK/display"
Xvfb -displayfd "$DISPLAY_FD" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
BACKGROUND_PIDS+=($!)
exec {DISPLAY_FD}>&-
for _ in $(seq 1 100); do
    [ -s "$WORK/display" ] && break
    sleep 0.1
done
[ -s "$WORK/display" ] || { echo "e2e: Xvfb did not start"; cat "$WORK/xvfb.log"; exit 1; }
export DISPLAY=":$(head -n1 "$WORK/display")"
echo "e2e: Xvfb on $DISPLAY"

if (exec 3<>"/dev/tcp/127.0.0.1/$WEBDRIVER_PORT") 2>/dev/null; then
    echo "e2e: port $WEBDRIVER_PORT is already in use; set CLAIMTRACK_WEBDRIVER_PORT"
    exit 1
fi
# Without TAURI_WEBVIEW_AUTOMATION=true the app's webview refuses automation and session
# creation hangs.
TAURI_WEBVIEW_AUTOMATION=true WebKitWebDriver --host=127.0.0.1 --port="$WEBDRIVER_PORT" \
    >"$WORK/webdriver.log" 2>&1 &
BACKGROUND_PIDS+=($!)
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$WEBDRIVER_PORT") 2>/dev/null && break
    sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$WEBDRIVER_PORT") 2>/dev/null \
    || { echo "e2e: WebKitWebDriver did not start"; cat "$WORK/webdriver.log"; exit 1; }
export CLAIMTRACK_WEBDRIVER_URL="http://127.0.0.1:$WEBDRIVER_PORT"

