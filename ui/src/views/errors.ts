// A banner for failed commands. It lists each failure's kind and message as plain text
// (several at once when several loads fail, e.g. on a database that cannot be read) and
// stays until the next successful change, so a failure is never silently swallowed.
import type { ErrorPayload } from "../api";
import { element, textElement } from "../dom";

export interface ErrorView {
  root: HTMLElement;
  show(context: string, error: ErrorPayload): void;
  clear(): void;
}

/** More lines than this would push the work area out of the window. */
const MOST_LINES_SHOWN = 3;

export function createErrorView(): ErrorView {
  const root = element("div", {
    className: "error-banner",
    attributes: { id: "error-banner", role: "alert", hidden: "" },
  });
  return {
    root,
    show(context: string, error: ErrorPayload): void {
      const line = element("p", { className: "error-line" }, [
        textElement("strong", `${context} failed`),
        ` (${error.kind}): `,
        textElement("span", error.message, { className: "error-message" }),
      ]);
      root.appendChild(line);
      while (root.childElementCount > MOST_LINES_SHOWN) {
        root.firstElementChild?.remove();
      }
      root.hidden = false;
    },
    clear(): void {
      root.replaceChildren();
      root.hidden = true;
    },
  };
}
