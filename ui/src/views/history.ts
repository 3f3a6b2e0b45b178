// The History view: the stored audit trail, newest first, and the way to backups. Undo and redo read the same
// table, so what is listed here is exactly what they will act on, across restarts.
import type { HistoryEntry } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface HistoryView {
  root: HTMLElement;
  render(entries: readonly HistoryEntry[]): void;
}

export function createHistoryView(onUndo: () => void, onRedo: () => void, onDatabase: () => void): HistoryView {
  const body = element("tbody", { attributes: { id: "history-body" } });
  const undoButton = textElement("button", "Undo (z)", { attributes: { type: "button", id: "history-undo" } });
  const redoButton = textElement("button", "Redo (y)", { attributes: { type: "button", id: "history-redo" } });
  const databaseButton = textElement("button", "Backup and restore…", { attributes: { type: "button", id: "open-database-dialog" } });
  databaseButton.addEventListener("click", onDatabase);
  undoButton.addEventListener("click", onUndo);
  redoButton.addEventListener("click", onRedo);
  const root = element("section", { className: "panel history-panel", attributes: { "aria-labelledby": "history-heading" } }, [
    element("div", { className: "panel-heading" }, [
      textElement("h2", "History", { attributes: { id: "history-heading" } }),
      element("div", { className: "button-row" }, [undoButton, redoButton, databaseButton]),
    ]),
    element("table", { className: "claims-table" }, [
      element("thead", {}, [element("tr", {}, ["When (UTC)", "Change", "State"].map((label) => textElement("th", label)))]),
      body,
    ]),
  ]);
  return {
    root,
    render(entries): void {
      if (entries.length === 0) {
        replaceChildren(body, [element("tr", {}, [textElement("td", "No changes yet.", { className: "empty", attributes: { colspan: "3" } })])]);
        return;
      }
      replaceChildren(
        body,
        entries.map((entry) =>
          element("tr", { className: `history-${entry.state}`, dataset: { historyId: String(entry.id) } }, [
            textElement("td", entry.at.replace("T", " ").slice(0, 19)),
            textElement("td", entry.summary, { className: "history-summary" }),
            textElement("td", entry.state, { className: "history-state" }),
          ]),
        ),
      );
    },
  };
}
