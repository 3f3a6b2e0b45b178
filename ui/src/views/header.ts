// The window's header: the product name, the tabs between views, undo/redo and help, a
// status line saying what the last action did, and which database file is open (analysts
// share files between the CLI and the app, so the path matters to them).
import type { AppInfo } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export type Tab = "review" | "claims" | "speakers" | "history";

export const TABS: ReadonlyArray<[Tab, string, string]> = [
  ["review", "Review", "1"],
  ["claims", "Claims", "2"],
  ["speakers", "Speakers", "3"],
  ["history", "History", "4"],
];

export interface HeaderActions {
  showTab(tab: Tab): void;
  undo(): void;
  redo(): void;
  help(): void;
}

export interface HeaderView {
  root: HTMLElement;
  showAppInfo(info: AppInfo): void;
  setTab(tab: Tab): void;
  /** Shows what the last action did (or why it could not), until the next one. */
  say(message: string): void;
}

export function createHeaderView(actions: HeaderActions): HeaderView {
  const details = element("p", { className: "header-details", attributes: { id: "app-info" } });
  const status = element("p", { className: "status-line", attributes: { id: "status-line", role: "status" } });
  const tabButtons = TABS.map(([tab, label, key]) => {
    const button = textElement("button", label, {
      className: "tab",
      attributes: { type: "button", role: "tab", id: `tab-${tab}`, title: `${label} (${key})` },
      dataset: { tab },
    });
    button.addEventListener("click", () => actions.showTab(tab));
    return button;
  });
  const undo = textElement("button", "Undo", { attributes: { type: "button", id: "undo", title: "Undo the last change (z)" } });
  const redo = textElement("button", "Redo", { attributes: { type: "button", id: "redo", title: "Redo (y)" } });
  const help = textElement("button", "?", { attributes: { type: "button", id: "help", title: "Keyboard help (?)" } });
  undo.addEventListener("click", actions.undo);
  redo.addEventListener("click", actions.redo);
  help.addEventListener("click", actions.help);
  const root = element("header", { className: "app-header" }, [
    textElement("h1", "ClaimTrack", { attributes: { id: "app-title" } }),
    element("nav", { className: "tabs", attributes: { role: "tablist" } }, tabButtons),
    element("div", { className: "header-actions" }, [undo, redo, help]),
    status,
    details,
  ]);
  return {
    root,
    showAppInfo(info): void {
      replaceChildren(details, [
        textElement("span", `v${info.version}`, { className: "app-version" }),
        " · ",
        textElement("span", info.database_path, { className: "database-path", attributes: { title: "Database file" } }),
      ]);
    },
    setTab(tab): void {
      for (const button of tabButtons) {
        const active = button.dataset["tab"] === tab;
        button.classList.toggle("active", active);
        button.setAttribute("aria-selected", String(active));
      }
    },
    say(message): void {
      status.textContent = message;
    },
  };
}
