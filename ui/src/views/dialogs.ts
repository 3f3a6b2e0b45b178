// The window's modal dialogs: paste an article, watch a file import, edit an article's
// metadata, export claims as CSV, and the keyboard help. Each is a native <dialog>, so
// Escape closes it and focus stays inside it while it is open.
import type { ArticleMetadata, ArticleSummary, ClaimFilter, ImportProgress, PastedArticle } from "../api";
import { element, replaceChildren, textElement } from "../dom";

function modal(id: string, title: string, children: readonly Node[]): HTMLDialogElement {
  const close = textElement("button", "Close", { className: "dialog-close", attributes: { type: "button", "aria-label": "Close" } });
  const dialog = element("dialog", { className: "dialog", attributes: { id, "aria-label": title } }, [
    element("div", { className: "panel-heading" }, [textElement("h2", title), close]),
    ...children,
  ]);
  close.addEventListener("click", () => dialog.close());
  document.body.appendChild(dialog);
  return dialog;
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return element("label", { className: "field" }, [textElement("span", label), control]);
}

function textInput(id: string, type = "text"): HTMLInputElement {
  return element("input", { attributes: { id, type, name: id } });
}

function optional(input: HTMLInputElement): string | null {
  const value = input.value.trim();
  return value === "" ? null : value;
}

export interface PasteDialog {
  open(): void;
  close(): void;
  showError(message: string): void;
}

/** The paste form: the body is required, the metadata is what the analyst knows. */
export function createPasteDialog(onSubmit: (article: PastedArticle) => void): PasteDialog {
  const title = textInput("paste-title");
  const outlet = textInput("paste-outlet");
  const url = textInput("paste-url", "url");
  const author = textInput("paste-author");
  const published = textInput("paste-published", "date");
  const body = element("textarea", { attributes: { id: "paste-body", rows: "14", name: "paste-body" } });
  const error = element("p", { className: "form-error", attributes: { id: "paste-error", role: "alert" } });
  const form = element("form", { className: "dialog-form", attributes: { id: "paste-form" } }, [
    field("Title", title),
    element("div", { className: "field-row" }, [field("Outlet", outlet), field("Author", author), field("Published", published)]),
    field("URL", url),
    field("Article text", body),
    error,
    element("div", { className: "button-row" }, [textElement("button", "Import", { attributes: { type: "submit", id: "paste-submit" } })]),
  ]);
  const dialog = modal("paste-dialog", "Paste an article", [form]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    onSubmit({
      title: title.value.trim(),
      body: body.value,
      outlet: optional(outlet),
      url: optional(url),
      author: optional(author),
      published: optional(published),
    });
  });
  return {
    open(): void {
      form.reset();
      error.textContent = "";
      dialog.showModal();
      title.focus();
    },
    close(): void {
      dialog.close();
    },
    showError(message: string): void {
      error.textContent = message;
    },
  };
}

export interface ImportDialog {
  open(): void;
  /** Adds paths chosen in a native dialog to the list. */
  addPaths(paths: readonly string[]): void;
  start(): void;
  progress(event: ImportProgress): void;
  finish(failures: number): void;
}

/** Import: paths chosen in the native dialog (or typed, or pasted from a file manager) and
 * web addresses, then a progress bar and one line per item, failures first. */
export function createImportDialog(
  onChooseFiles: () => void,
  onChooseFolder: () => void,
  onImport: (paths: string[]) => void,
): ImportDialog {
  const paths = element("textarea", {
    attributes: { id: "import-paths", rows: "5", name: "import-paths", placeholder: "/home/me/articles/monday.html or https://news.example/feed.xml" },
  });
  const chooseFiles = textElement("button", "Choose files…", { attributes: { type: "button", id: "import-choose-files" } });
  const chooseFolder = textElement("button", "Choose folder…", { attributes: { type: "button", id: "import-choose-folder" } });
  chooseFiles.addEventListener("click", onChooseFiles);
  chooseFolder.addEventListener("click", onChooseFolder);
  const submit = textElement("button", "Import", { attributes: { type: "submit", id: "import-submit" } });
  const bar = element("progress", { attributes: { id: "import-progress", max: "1", value: "0" } });
  const status = element("p", { attributes: { id: "import-status", role: "status" } });
  const list = element("ul", { className: "import-report", attributes: { id: "import-report" } });
  const form = element("form", { className: "dialog-form", attributes: { id: "import-form" } }, [
    field("Files, folders or web addresses (article pages or RSS/Atom feeds), one per line", paths),
    element("div", { className: "button-row" }, [chooseFiles, chooseFolder, submit]),
    bar,
    status,
    list,
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = paths.value
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    if (chosen.length === 0) {
      status.textContent = "Choose or type at least one file or folder.";
      return;
    }
    onImport(chosen);
  });
  const dialog = modal("import-dialog", "Import files", [form]);
  let total = 0;
  let done = 0;
  return {
    open(): void {
      paths.value = "";
      bar.value = 0;
      status.textContent = "";
      replaceChildren(list, []);
      if (!dialog.open) {
        dialog.showModal();
      }
      paths.focus();
    },
    addPaths(chosen): void {
      const existing = paths.value.trim();
      paths.value = [existing, ...chosen].filter((line) => line !== "").join("\n");
    },
    start(): void {
      if (!dialog.open) {
        dialog.showModal();
      }
      total = 0;
      done = 0;
      bar.value = 0;
      submit.disabled = true;
      status.textContent = "Looking for .txt, .md and .html files and fetching pages…";
      replaceChildren(list, []);
    },
    progress(event): void {
      if (event.event === "started") {
        // Files come as one group and each web address as another, so totals add up.
        total += event.total;
        bar.max = Math.max(1, total);
        status.textContent = `${done} of ${total} items`;
        return;
      }
      done += 1;
      bar.value = done;
      status.textContent = `${done} of ${total} items`;
      const item = event.item;
      const name = item.source === "" ? "(folder)" : item.source;
      if (item.result === "failed") {
        // Most messages already name the file; saying it twice makes long paths unreadable.
        const line = item.error.message.includes(name) ? item.error.message : `${name}: ${item.error.message}`;
        list.prepend(textElement("li", line, { className: "import-failed" }));
        return;
      }
      const what =
        item.result === "inserted"
          ? `imported, ${item.claims} ${item.claims === 1 ? "claim" : "claims"}`
          : item.result === "known_url"
            ? "this address is already in the library"
            : "already in the library";
      list.appendChild(textElement("li", `${name}: ${what}`, { className: "import-ok" }));
    },
    finish(failures): void {
      submit.disabled = false;
      status.textContent =
        failures === 0
          ? `Done: ${total} of ${total} items imported.`
          : `Done: ${total - failures} of ${total} items imported; ${failures} failed (listed first).`;
    },
  };
}

export interface MetadataDialog {
  open(article: ArticleSummary): void;
  close(): void;
  showError(message: string): void;
}

export function createMetadataDialog(onSubmit: (articleId: number, metadata: ArticleMetadata) => void): MetadataDialog {
  const title = textInput("meta-title");
  const outlet = textInput("meta-outlet");
  const url = textInput("meta-url", "url");
  const author = textInput("meta-author");
  const published = textInput("meta-published", "date");
  const error = element("p", { className: "form-error", attributes: { id: "meta-error", role: "alert" } });
  let articleId = 0;
  const form = element("form", { className: "dialog-form", attributes: { id: "metadata-form" } }, [
    field("Title", title),
    element("div", { className: "field-row" }, [field("Outlet", outlet), field("Author", author), field("Published", published)]),
    field("URL", url),
    textElement("p", "Changing the published date re-resolves every “on Tuesday” in the article.", { className: "hint" }),
    error,
    element("div", { className: "button-row" }, [textElement("button", "Save", { attributes: { type: "submit", id: "meta-submit" } })]),
  ]);
  const dialog = modal("metadata-dialog", "Article details", [form]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit(articleId, {
      title: title.value.trim(),
      outlet: optional(outlet),
      url: optional(url),
      author: optional(author),
      published: optional(published),
    });
  });
  return {
    open(article): void {
      articleId = article.id;
      title.value = article.title;
      outlet.value = article.outlet ?? "";
      url.value = article.url ?? "";
      author.value = article.author ?? "";
      published.value = article.published ?? "";
      error.textContent = "";
      dialog.showModal();
      title.focus();
    },
    close(): void {
      dialog.close();
    },
    showError(message): void {
      error.textContent = message;
    },
  };
}

export interface ExportRequest {
  path: string;
  excel: boolean;
  filter: ClaimFilter;
}

export interface ExportDialog {
  open(filter: ClaimFilter, description: string): void;
  setPath(path: string): void;
  showResult(message: string, failed: boolean): void;
}

/** Where to write the CSV (typed, or chosen in the native save dialog), which claims, and
 * whether to add the byte-order mark Excel needs. */
export function createExportDialog(onChoosePath: () => void, onExport: (request: ExportRequest) => void): ExportDialog {
  const path = element("input", { attributes: { id: "export-path", type: "text", placeholder: "/home/me/claims.csv", name: "export-path" } });
  const choose = textElement("button", "Choose…", { attributes: { type: "button", id: "export-choose" } });
  choose.addEventListener("click", onChoosePath);
  const verifiedOnly = element("input", { attributes: { id: "export-verified-only", type: "checkbox", checked: "" } });
  const excel = element("input", { attributes: { id: "export-excel", type: "checkbox", checked: "" } });
  const description = element("p", { className: "hint", attributes: { id: "export-description" } });
  const result = element("p", { attributes: { id: "export-result", role: "status" } });
  let filter: ClaimFilter = {};
  const form = element("form", { className: "dialog-form", attributes: { id: "export-form" } }, [
    description,
    element("div", { className: "field-row" }, [field("File", path), choose]),
    element("label", { className: "check" }, [verifiedOnly, " Verified claims only (what you have checked)"]),
    element("label", { className: "check" }, [excel, " For Excel (adds a byte-order mark so accents survive)"]),
    result,
    element("div", { className: "button-row" }, [textElement("button", "Export CSV", { attributes: { type: "submit", id: "export-submit" } })]),
  ]);
  const dialog = modal("export-dialog", "Export claims as CSV", [form]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = path.value.trim();
    if (chosen === "") {
      result.textContent = "Choose where to save the CSV first.";
      result.className = "form-error";
      return;
    }
    const effective: ClaimFilter = { ...filter, limit: null, offset: 0 };
    if (verifiedOnly.checked) {
      effective.status = "verified";
    }
    onExport({ path: chosen, excel: excel.checked, filter: effective });
  });
  return {
    open(nextFilter, text): void {
      filter = nextFilter;
      verifiedOnly.checked = nextFilter.status === undefined || nextFilter.status === null || nextFilter.status === "verified";
      description.textContent = text;
      result.textContent = "";
      dialog.showModal();
      path.focus();
    },
    setPath(chosen): void {
      path.value = chosen;
    },
    showResult(message, failed): void {
      result.textContent = message;
      result.className = failed ? "form-error" : "form-ok";
    },
  };
}

/** The keys of the window, listed by the `?` key. */
export function createHelpDialog(bindings: ReadonlyArray<[string, string]>): { toggle(): void } {
  const table = element(
    "table",
    { className: "help-table", attributes: { id: "help-table" } },
    bindings.map(([key, what]) => element("tr", {}, [element("td", {}, [textElement("kbd", key)]), textElement("td", what)])),
  );
  const dialog = modal("help-dialog", "Keyboard", [table]);
  return {
    toggle(): void {
      if (dialog.open) {
        dialog.close();
      } else {
        dialog.showModal();
      }
    },
  };
}

export interface DatabaseDialog {
  open(): void;
  setPath(which: "backup" | "restore", path: string): void;
  showResult(message: string, failed: boolean): void;
}

/** Back up the open database to a file, or restore one. Restoring asks for a second click,
 * because it replaces what is open (the previous database is kept beside it). */
export function createDatabaseDialog(
  onChoose: (which: "backup" | "restore") => void,
  onBackup: (path: string) => void,
  onRestore: (path: string) => void,
): DatabaseDialog {
  const backupPath = element("input", { attributes: { id: "backup-path", type: "text", placeholder: "/home/me/claimtrack-backup.sqlite3" } });
  const restorePath = element("input", { attributes: { id: "restore-path", type: "text", placeholder: "/home/me/claimtrack-backup.sqlite3" } });
  const chooseBackup = textElement("button", "Choose…", { attributes: { type: "button", id: "backup-choose" } });
  const chooseRestore = textElement("button", "Choose…", { attributes: { type: "button", id: "restore-choose" } });
  chooseBackup.addEventListener("click", () => onChoose("backup"));
  chooseRestore.addEventListener("click", () => onChoose("restore"));
  const backupButton = textElement("button", "Back up now", { attributes: { type: "button", id: "backup-submit" } });
  const restoreButton = textElement("button", "Restore…", { attributes: { type: "button", id: "restore-submit" } });
  const result = element("p", { attributes: { id: "database-result", role: "status" } });
  let restoreArmed = false;
  const showResult = (message: string, failed: boolean): void => {
    result.textContent = message;
    result.className = failed ? "form-error" : "form-ok";
  };
  backupButton.addEventListener("click", () => {
    const path = backupPath.value.trim();
    if (path === "") {
      showResult("Choose where to write the backup first.", true);
      return;
    }
    onBackup(path);
  });
  restoreButton.addEventListener("click", () => {
    const path = restorePath.value.trim();
    if (path === "") {
      showResult("Choose the backup to restore first.", true);
      return;
    }
    if (!restoreArmed) {
      restoreArmed = true;
      restoreButton.textContent = "Replace the open database";
      showResult("Restoring replaces everything open now with the backup; the current database is kept beside it. Click again to go ahead.", false);
      return;
    }
    restoreArmed = false;
    restoreButton.textContent = "Restore…";
    onRestore(path);
  });
  const dialog = modal("database-dialog", "Back up or restore the database", [
    element("div", { className: "dialog-form" }, [
      textElement("p", "A backup is a consistent copy taken while the app keeps working; the command line's “claimtrack backup” writes the same kind of file.", { className: "hint" }),
      element("div", { className: "field-row" }, [field("Back up to", backupPath), chooseBackup, backupButton]),
      element("div", { className: "field-row" }, [field("Restore from", restorePath), chooseRestore, restoreButton]),
      result,
    ]),
  ]);
  return {
    open(): void {
      restoreArmed = false;
      restoreButton.textContent = "Restore…";
      result.textContent = "";
      dialog.showModal();
      backupPath.focus();
    },
    setPath(which, path): void {
      (which === "backup" ? backupPath : restorePath).value = path;
    },
    showResult,
  };
}
