// The window's header: the product name and, once known, which database file is open
// (analysts share files between the CLI and the app, so the path matters to them).
import type { AppInfo } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface HeaderView {
  root: HTMLElement;
  showAppInfo(info: AppInfo): void;
}

export function createHeaderView(): HeaderView {
  const details = element("p", { className: "header-details", attributes: { id: "app-info" } });
  const root = element("header", { className: "app-header" }, [
    textElement("h1", "ClaimTrack", { attributes: { id: "app-title" } }),
    details,
  ]);
  return {
    root,
    showAppInfo(info: AppInfo): void {
      replaceChildren(details, [
        textElement("span", `v${info.version}`, { className: "app-version" }),
        " · ",
        textElement("span", info.database_path, {
          className: "database-path",
          attributes: { title: "Database file" },
        }),
      ]);
    },
  };
}
