// Entry point of the ClaimTrack window: owns the window's state, loads data through
// api.ts, and hands it to the views, which only render and report what the analyst did.
// Every change goes through `change()`, which runs it, says what happened, and reloads
// what it may have touched, so no view ever shows stale counts after a correction.
import { open as openFileDialog, save as saveFileDialog } from "@tauri-apps/plugin-dialog";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import * as api from "./api";
import type { Article, ArticleQuery, ArticleSummary, Claim, ClaimFilter, ClaimOrder, HistoryEntry, SpeakerSummary } from "./api";
import { element } from "./dom";
import { CLAIMS_PAGE_SIZE, createClaimsTableView } from "./views/claimsTable";
import { createDatabaseDialog, createExportDialog, createHelpDialog, createImportDialog, createMetadataDialog, createPasteDialog } from "./views/dialogs";
import { createErrorView } from "./views/errors";
import { createHeaderView, TABS, type Tab } from "./views/header";
import { createHistoryView } from "./views/history";
import { createLibraryView } from "./views/library";
import { createReviewView } from "./views/review";
import { createSpeakersView } from "./views/speakers";

interface WindowState {
  tab: Tab;
  articleQuery: ArticleQuery;
  articles: ArticleSummary[];
  article: Article | null;
  articleClaims: Claim[];
  selectedClaimId: number | null;
  claimOrder: ClaimOrder;
  tableFilter: ClaimFilter;
  tableOffset: number;
  speakers: SpeakerSummary[];
  selectedSpeakerId: number | null;
  speakerClaims: Claim[];
  history: HistoryEntry[];
}

const state: WindowState = {
  tab: "review",
  articleQuery: { search: null, order: "published_newest_first" },
  articles: [],
  article: null,
  articleClaims: [],
  selectedClaimId: null,
  claimOrder: "article_offset",
  tableFilter: {},
  tableOffset: 0,
  speakers: [],
  selectedSpeakerId: null,
  speakerClaims: [],
  history: [],
};

const KEY_BINDINGS: ReadonlyArray<[string, string]> = [
  ["j / ↓", "Next claim"],
  ["k / ↑", "Previous claim"],
  ["v", "Verify the selected claim"],
  ["x", "Reject the selected claim"],
  ["p", "Put the selected claim back to pending"],
  ["s", "Edit the speaker (type, pick from the list, Enter)"],
  ["n", "Speaker from the text selected in the article"],
  ["e", "Span from the text selected in the article"],
  ["a", "Add a claim from the text selected in the article"],
  ["d / m / i", "Kind: direct / mixed / indirect"],
  ["l", "Lowest confidence first (or back to reading order)"],
  ["z", "Undo"],
  ["y", "Redo"],
  ["/", "Search"],
  ["1 – 4", "Review, Claims, Speakers, History"],
  ["?", "This help"],
  ["Esc", "Close a dialog or leave a field"],
];

// Views and dialogs.
const header = createHeaderView({ showTab, undo: () => void undoOrRedo("undo"), redo: () => void undoOrRedo("redo"), help: () => help.toggle() });
const errors = createErrorView();
const library = createLibraryView({
  select: (articleId) => void openArticle(articleId, null),
  queryChanged: (query) => {
    state.articleQuery = query;
    void loadArticles();
  },
  importFiles: () => importDialog.open(),
  pasteArticle: () => pasteDialog.open(),
  editMetadata: (articleId) => {
    const article = state.articles.find((entry) => entry.id === articleId);
    if (article !== undefined) {
      metadataDialog.open(article);
    }
  },
});
const review = createReviewView({
  selectClaim: (claimId) => {
    state.selectedClaimId = claimId;
    renderReview();
  },
  orderChanged: (order) => void setClaimOrder(order),
  setStatus: (claimId, status) =>
    void change(`Marked claim ${status}`, () => api.setStatus([claimId], status), { advance: status !== "pending", scope: "article" }),
  correctSpeaker: (claimId, name) =>
    void change(`Speaker set to “${name}”`, () => api.correctSpeaker(claimId, name), { scope: "speakers" }),
  correctKind: (claimId, kind) => void change(`Kind set to ${kind}`, () => api.correctKind(claimId, kind), { scope: "article" }),
  correctSpan: (claimId, start, end) => void change("Span corrected", () => api.correctSpan(claimId, start, end), { scope: "article" }),
  addClaim: (start, end, kind, speaker) => {
    const article = state.article;
    if (article === null) {
      return;
    }
    void change(
      "Claim added",
      async () => {
        state.selectedClaimId = await api.addClaim(article.id, start, end, kind, speaker);
      },
      { scope: "speakers" },
    );
  },
  report: (message) => header.say(message),
});
const claimsTable = createClaimsTableView({
  filterChanged: (filter) => {
    state.tableFilter = filter;
    state.tableOffset = 0;
    void loadTable();
  },
  pageChanged: (offset) => {
    state.tableOffset = offset;
    void loadTable();
  },
  bulkStatus: (claimIds, status) => void change(`Marked ${claimIds.length} claims ${status}`, () => api.setStatus(claimIds, status)),
  openClaim: (claim) => void openClaimInReview(claim),
  exportFiltered: (filter) => exportDialog.open(filter, "Exports the claims the table's filters match."),
});
const speakersView = createSpeakersView({
  select: (speakerId) => void selectSpeaker(speakerId),
  rename: (speakerId, name) => void change(`Renamed to “${name}”`, () => api.renameSpeaker(speakerId, name)),
  merge: (fromId, intoId) => {
    state.selectedSpeakerId = intoId;
    void change("Speakers merged", () => api.mergeSpeakers(fromId, intoId));
  },
  openClaim: (claim) => void openClaimInReview(claim),
  report: (message) => header.say(message),
});
const historyView = createHistoryView(
  () => void undoOrRedo("undo"),
  () => void undoOrRedo("redo"),
  () => databaseDialog.open(),
);
const databaseDialog = createDatabaseDialog(
  (which) => void chooseDatabasePath(which),
  (path) => void backupDatabase(path),
  (path) => void restoreDatabase(path),
);
const pasteDialog = createPasteDialog((article) => void importPasted(article));
const importDialog = createImportDialog(
  () => void chooseFilesToImport(false),
  () => void chooseFilesToImport(true),
  (paths) => void importPaths(paths),
);
const metadataDialog = createMetadataDialog((articleId, metadata) => {
  void change("Article details saved", async () => {
    try {
      await api.updateArticleMetadata(articleId, metadata);
      metadataDialog.close();
    } catch (error) {
      metadataDialog.showError(api.toErrorPayload(error).message);
      throw error;
    }
  });
});
const exportDialog = createExportDialog(
  () => void chooseExportPath(),
  (request) => void exportClaims(request.path, request.excel, request.filter),
);
const help = createHelpDialog(KEY_BINDINGS);

const tabPanels: Record<Tab, HTMLElement> = {
  review: element("div", { className: "tab-panel review-tab", attributes: { id: "view-review" } }, [library.root, review.root]),
  claims: element("div", { className: "tab-panel", attributes: { id: "view-claims" } }, [claimsTable.root]),
  speakers: element("div", { className: "tab-panel", attributes: { id: "view-speakers" } }, [speakersView.root]),
  history: element("div", { className: "tab-panel", attributes: { id: "view-history" } }, [historyView.root]),
};

function mount(): void {
  const root = document.getElementById("app");
  if (root === null) {
    throw new Error("the page has no #app element");
  }
  root.appendChild(header.root);
  root.appendChild(errors.root);
  root.appendChild(element("main", { className: "workspace" }, Object.values(tabPanels)));
  showTab("review");
}

// Tracks commands in flight, so end-to-end tests can wait for the window to settle.
let busy = 0;
async function tracked<T>(work: () => Promise<T>): Promise<T> {
  busy += 1;
  document.body.dataset["busy"] = String(busy);
  try {
    return await work();
  } finally {
    busy -= 1;
    document.body.dataset["busy"] = String(busy);
  }
}

/** Runs a load, showing its failure in the banner rather than throwing. */
async function load(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await tracked(work);
  } catch (error) {
    errors.show(what, api.toErrorPayload(error));
  }
}

/** What a change can have touched, so that only that is reloaded: a status or span edit in
 * the open article touches that article alone (a keyboard review stays quick on a library of
 * thousands of articles), a speaker edit also the speaker list, anything else all views. */
type ChangeScope = "article" | "speakers" | "everything";

/** Runs a change, says what it did, and reloads what it may have touched. */
async function change(
  done: string,
  work: () => Promise<unknown>,
  options: { advance?: boolean; scope?: ChangeScope } = {},
): Promise<void> {
  try {
    await tracked(work);
    errors.clear();
    header.say(done);
  } catch (error) {
    const payload = api.toErrorPayload(error);
    errors.show("The change", payload);
    header.say(`Not done: ${payload.message}`);
    return;
  }
  if (options.advance === true) {
    moveSelection(1);
  }
  const scope = options.scope ?? "everything";
  if (scope === "everything" || state.article === null) {
    await refreshAll();
    return;
  }
  await openArticle(state.article.id, state.selectedClaimId);
  if (scope === "speakers") {
    await loadSpeakers();
  }
}

async function refreshAll(): Promise<void> {
  await loadArticles();
  if (state.article !== null) {
    await openArticle(state.article.id, state.selectedClaimId);
  }
  await loadSpeakers();
  if (state.tab === "claims") {
    await loadTable({ recount: true });
  }
  if (state.tab === "history") {
    await loadHistory();
  }
}

async function loadAppInfo(): Promise<void> {
  await load("Reading app information", async () => header.showAppInfo(await api.fetchAppInfo()));
}

async function loadArticles(): Promise<void> {
  await load("Loading articles", async () => {
    state.articles = await api.fetchArticles(state.articleQuery);
    library.render(state.articles, state.article?.id ?? null);
    claimsTable.setArticles(state.articles);
  });
}

async function openArticle(articleId: number, claimId: number | null): Promise<void> {
  await load("Loading the article", async () => {
    const [article, claims] = await Promise.all([
      api.fetchArticle(articleId),
      api.fetchClaims({ article_id: articleId, order: state.claimOrder }),
    ]);
    state.article = article;
    state.articleClaims = claims;
    // The fetched article carries fresh claim counts: patch its library entry in place
    // rather than reloading the whole library.
    state.articles = state.articles.map((entry) => (entry.id === article.id ? { ...entry, ...summaryOf(article) } : entry));
    const keep = claims.some((claim) => claim.id === claimId);
    state.selectedClaimId = keep ? claimId : (claims[0]?.id ?? null);
    library.render(state.articles, articleId);
    claimsTable.setArticles(state.articles);
    renderReview();
  });
}

function summaryOf(article: Article): ArticleSummary {
  const { text: _text, content_hash: _hash, ...summary } = article;
  return summary;
}

function renderReview(): void {
  review.render(state.article, state.articleClaims, state.selectedClaimId, state.claimOrder);
}

async function setClaimOrder(order: ClaimOrder): Promise<void> {
  state.claimOrder = order;
  if (state.article !== null) {
    await openArticle(state.article.id, state.selectedClaimId);
  }
  header.say(order === "confidence_ascending" ? "Lowest confidence first" : "Reading order");
}

function moveSelection(delta: number): void {
  const claims = state.articleClaims;
  if (claims.length === 0) {
    return;
  }
  const index = claims.findIndex((claim) => claim.id === state.selectedClaimId);
  const next = Math.min(claims.length - 1, Math.max(0, index + delta));
  state.selectedClaimId = claims[next]?.id ?? null;
  renderReview();
}

async function openClaimInReview(claim: Claim): Promise<void> {
  showTab("review");
  await openArticle(claim.article_id, claim.id);
}

/** The last count of the table's filter: turning a page does not change it, and counting
 * 100,000 claims costs as much as fetching a page. */
let tableCount: { key: string; total: number } | null = null;

async function loadTable(options: { recount?: boolean } = {}): Promise<void> {
  await load("Loading claims", async () => {
    const filter: ClaimFilter = { ...state.tableFilter, limit: CLAIMS_PAGE_SIZE, offset: state.tableOffset };
    const key = JSON.stringify(state.tableFilter);
    const cached = options.recount !== true && tableCount?.key === key ? tableCount.total : null;
    const [claims, total] = await Promise.all([
      api.fetchClaims(filter),
      cached === null ? api.countClaims(state.tableFilter) : Promise.resolve(cached),
    ]);
    tableCount = { key, total };
    claimsTable.render(claims, total, state.tableOffset);
  });
}

async function loadSpeakers(): Promise<void> {
  await load("Loading speakers", async () => {
    state.speakers = await api.fetchSpeakers();
    review.setSpeakers(state.speakers);
    if (state.selectedSpeakerId !== null && !state.speakers.some((speaker) => speaker.id === state.selectedSpeakerId)) {
      state.selectedSpeakerId = null;
    }
    state.speakerClaims =
      state.selectedSpeakerId === null ? [] : await api.fetchClaims({ speaker_id: state.selectedSpeakerId, limit: 5000 });
    speakersView.render(state.speakers, state.selectedSpeakerId, state.speakerClaims);
  });
}

async function selectSpeaker(speakerId: number): Promise<void> {
  state.selectedSpeakerId = speakerId;
  await loadSpeakers();
}

async function loadHistory(): Promise<void> {
  await load("Loading the history", async () => {
    state.history = await api.fetchHistory(200, 0);
    historyView.render(state.history);
  });
}

function showTab(tab: Tab): void {
  state.tab = tab;
  header.setTab(tab);
  for (const [name, panel] of Object.entries(tabPanels)) {
    panel.hidden = name !== tab;
  }
  if (tab === "claims") {
    void loadTable({ recount: true });
  } else if (tab === "speakers") {
    void loadSpeakers();
  } else if (tab === "history") {
    void loadHistory();
  }
}

async function undoOrRedo(which: "undo" | "redo"): Promise<void> {
  try {
    const entry = await tracked(() => (which === "undo" ? api.undo() : api.redo()));
    errors.clear();
    header.say(`${which === "undo" ? "Undid" : "Redid"}: ${entry.summary}`);
    if (entry.claim_id !== null) {
      state.selectedClaimId = entry.claim_id;
    }
  } catch (error) {
    const payload = api.toErrorPayload(error);
    // Nothing left to undo is information, not a failure.
    header.say(payload.kind === "nothing_to_undo" ? payload.message : `Not done: ${payload.message}`);
    if (payload.kind !== "nothing_to_undo") {
      errors.show(which === "undo" ? "Undo" : "Redo", payload);
    }
    return;
  }
  await refreshAll();
}

async function importPasted(article: api.PastedArticle): Promise<void> {
  try {
    const outcome = await tracked(() => api.importPasted(article));
    pasteDialog.close();
    header.say(
      outcome.outcome === "inserted"
        ? `Imported “${article.title}”: ${outcome.claims} claims found`
        : "That text is already in the library; showing it",
    );
    await loadArticles();
    await openArticle(outcome.article_id, null);
  } catch (error) {
    pasteDialog.showError(api.toErrorPayload(error).message);
  }
}

async function importPaths(paths: string[]): Promise<void> {
  if (paths.length === 0) {
    return;
  }
  importDialog.start();
  let lastImported: number | null = null;
  try {
    const failures = await tracked(() =>
      api.importSources(paths, (progress) => {
        importDialog.progress(progress);
        if (progress.event === "finished" && progress.item.result !== "failed") {
          lastImported = progress.item.article_id;
        }
      }),
    );
    importDialog.finish(failures);
    header.say(failures === 0 ? "Import finished" : `Import finished; ${failures} items failed`);
  } catch (error) {
    errors.show("Importing", api.toErrorPayload(error));
  }
  await loadArticles();
  if (lastImported !== null) {
    await openArticle(lastImported, null);
  }
}

async function chooseFilesToImport(folders: boolean): Promise<void> {
  const chosen = await openFileDialog({
    multiple: true,
    directory: folders,
    title: folders ? "Import every article in folders" : "Import articles",
    filters: folders ? [] : [{ name: "Articles", extensions: ["txt", "md", "markdown", "html", "htm"] }],
  });
  if (chosen !== null) {
    importDialog.addPaths(Array.isArray(chosen) ? chosen : [chosen]);
  }
}

async function chooseExportPath(): Promise<void> {
  const chosen = await saveFileDialog({
    title: "Export claims as CSV",
    defaultPath: "claimtrack-claims.csv",
    filters: [{ name: "CSV", extensions: ["csv"] }],
  });
  if (chosen !== null) {
    exportDialog.setPath(chosen);
  }
}

async function exportClaims(path: string, excel: boolean, filter: ClaimFilter): Promise<void> {
  try {
    const report = await tracked(() => api.exportCsv(path, { filter, excel }));
    exportDialog.showResult(`Wrote ${report.rows} claims to ${report.path}`, false);
    header.say(`Exported ${report.rows} claims`);
  } catch (error) {
    exportDialog.showResult(api.toErrorPayload(error).message, true);
  }
}

async function chooseDatabasePath(which: "backup" | "restore"): Promise<void> {
  const filters = [{ name: "ClaimTrack database", extensions: ["sqlite3", "sqlite", "db"] }];
  const chosen =
    which === "backup"
      ? await saveFileDialog({ title: "Back up the database", defaultPath: "claimtrack-backup.sqlite3", filters })
      : await openFileDialog({ title: "Restore a backup", multiple: false, directory: false, filters });
  if (typeof chosen === "string") {
    databaseDialog.setPath(which, chosen);
  }
}

async function backupDatabase(path: string): Promise<void> {
  try {
    const report = await tracked(() => api.backupDatabase(path));
    const { articles, claims, history_events: events } = report.contents;
    databaseDialog.showResult(`Backed up ${articles} articles, ${claims} claims and ${events} history events to ${report.path}`, false);
    header.say("Backup written");
  } catch (error) {
    databaseDialog.showResult(api.toErrorPayload(error).message, true);
  }
}

async function restoreDatabase(path: string): Promise<void> {
  try {
    const report = await tracked(() => api.restoreDatabase(path));
    const kept = report.previous_database === null ? "" : ` The previous database is kept as ${report.previous_database}.`;
    databaseDialog.showResult(
      `Restored ${report.contents.articles} articles and ${report.contents.claims} claims from ${report.restored_from}.${kept}`,
      false,
    );
    header.say("Backup restored");
  } catch (error) {
    databaseDialog.showResult(api.toErrorPayload(error).message, true);
    return;
  }
  state.article = null;
  await refreshAll();
  const first = state.articles[0];
  if (first !== undefined) {
    await openArticle(first.id, null);
  }
}

/** Files dropped on the window are imported like files chosen in the dialog. */
async function watchDroppedFiles(): Promise<void> {
  const overlay = element("div", { className: "drop-overlay", attributes: { id: "drop-overlay", hidden: "" } }, [
    "Drop .txt, .md or .html files or folders to import them",
  ]);
  document.body.appendChild(overlay);
  await getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === "enter" || event.payload.type === "over") {
      overlay.hidden = false;
    } else if (event.payload.type === "drop") {
      overlay.hidden = true;
      void importPaths(event.payload.paths);
    } else {
      overlay.hidden = true;
    }
  });
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** One key per action, as listed in KEY_BINDINGS. Keys are ignored while typing in a field
 * or while a dialog is open (Escape there is the dialog's own). */
function handleKey(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  if (isTyping(event.target)) {
    if (event.key === "Escape") {
      (event.target as HTMLElement).blur();
    }
    return;
  }
  if (document.querySelector("dialog[open]") !== null && event.key !== "?") {
    return;
  }
  const tabKey = TABS.find(([, , key]) => key === event.key);
  const inReview = state.tab === "review";
  const actions: Record<string, () => void> = {
    j: () => moveSelection(1),
    ArrowDown: () => moveSelection(1),
    k: () => moveSelection(-1),
    ArrowUp: () => moveSelection(-1),
    v: () => selectedClaimAction((id) => api.setStatus([id], "verified"), "Verified", true),
    x: () => selectedClaimAction((id) => api.setStatus([id], "rejected"), "Rejected", true),
    p: () => selectedClaimAction((id) => api.setStatus([id], "pending"), "Back to pending", false),
    s: () => review.focusSpeakerInput(),
    n: () => review.speakerFromSelection(),
    e: () => review.spanFromSelection(),
    a: () => review.addClaimFromSelection(),
    d: () => review.setKind("direct"),
    m: () => review.setKind("mixed"),
    i: () => review.setKind("indirect"),
    l: () => void setClaimOrder(state.claimOrder === "article_offset" ? "confidence_ascending" : "article_offset"),
  };
  let handled = true;
  if (tabKey !== undefined) {
    showTab(tabKey[0]);
  } else if (event.key === "z") {
    void undoOrRedo("undo");
  } else if (event.key === "y" || event.key === "Z") {
    void undoOrRedo("redo");
  } else if (event.key === "?") {
    help.toggle();
  } else if (event.key === "/") {
    if (state.tab === "claims") {
      claimsTable.focusSearch();
    } else {
      showTab("review");
      library.focusSearch();
    }
  } else if (inReview && actions[event.key] !== undefined) {
    actions[event.key]?.();
  } else {
    handled = false;
  }
  if (handled) {
    event.preventDefault();
  }
}

function selectedClaimAction(work: (claimId: number) => Promise<unknown>, done: string, advance: boolean): void {
  const claimId = state.selectedClaimId;
  if (claimId === null) {
    header.say("Select a claim first (j / k).");
    return;
  }
  void change(done, () => work(claimId), { advance, scope: "article" });
}

/** Counts Content-Security-Policy violations on the body, where the end-to-end tests check
 * that the tight CSP in tauri.conf.json blocks nothing the UI itself needs. */
function watchContentSecurityPolicy(): void {
  let violations = 0;
  document.addEventListener("securitypolicyviolation", (event) => {
    violations += 1;
    document.body.dataset["cspViolations"] = String(violations);
    console.error(`CSP blocked ${event.blockedURI} (${event.violatedDirective})`);
  });
}

async function start(): Promise<void> {
  watchContentSecurityPolicy();
  mount();
  document.addEventListener("keydown", handleKey);
  await loadAppInfo();
  await loadArticles();
  const first = state.articles[0];
  if (first !== undefined) {
    await openArticle(first.id, null);
  } else {
    renderReview();
  }
  await loadSpeakers();
  // Tells end-to-end tests (and anyone inspecting the DOM) that the first load finished.
  document.body.dataset["loaded"] = "true";
  void watchDroppedFiles().catch((error: unknown) => errors.show("Watching for dropped files", api.toErrorPayload(error)));
}

void start();
