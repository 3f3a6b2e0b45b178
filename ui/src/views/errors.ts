// A banner for failed commands. It shows the error's kind and message as plain text and
// stays until the next successful load, so a failure is never silently swallowed.
import type { ErrorPayload } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface ErrorView {
  root: HTMLElement;
  show(context: string, error: ErrorPayload): void;
  clear(): void;
}

export function createErrorView(): ErrorView {
  const root = element("div", {
    className: "error-banner",
    attributes: { id: "error-banner", role: "alert", hidden: "" },
  });
  return {
    root,
    show(context: string, error: ErrorPayload): void {
      replaceChildren(root, [
        textElement("strong", `${context} failed`),
        ` (${error.kind}): `,
        textElement("span", error.message, { className: "error-message" }),
      ]);
      root.hidden = false;
    },
    clear(): void {
      replaceChildren(root, []);
      root.hidden = true;
    },
  };
}
