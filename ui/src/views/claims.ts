// The Claims list: who said what, when, for the selected article, in reading order. The
// review actions arrive in a later issue; each claim already carries its id for them.
import type { Claim } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface ClaimsView {
  root: HTMLElement;
  render(claims: readonly Claim[], articleTitle: string | null): void;
}

export function createClaimsView(): ClaimsView {
  const caption = element("p", { className: "claims-caption", attributes: { id: "claims-caption" } });
  const list = element("ol", { className: "claim-list", attributes: { id: "claim-list" } });
  const root = element("section", { className: "panel claims-panel", attributes: { "aria-labelledby": "claims-heading" } }, [
    textElement("h2", "Claims", { attributes: { id: "claims-heading" } }),
    caption,
    list,
  ]);
  return {
    root,
    render(claims: readonly Claim[], articleTitle: string | null): void {
      caption.textContent = articleTitle === null ? "All articles" : articleTitle;
      if (claims.length === 0) {
        replaceChildren(list, [
          textElement("li", "No claims found in this article.", { className: "empty" }),
        ]);
        return;
      }
      replaceChildren(list, claims.map(renderClaim));
    },
  };
}

function renderClaim(claim: Claim): HTMLLIElement {
  const speaker = claim.speaker ?? claim.mention ?? "Unknown speaker";
  const details = [
    claim.speaker_role,
    claim.cue,
    claim.date,
    `${Math.round(claim.confidence * 100)}% confident`,
  ].filter((part): part is string => part !== null && part !== "");
  return element(
    "li",
    { className: `claim-item claim-${claim.kind} status-${claim.status}`, dataset: { claimId: String(claim.id) } },
    [
      element("div", { className: "claim-header" }, [
        textElement("span", speaker, { className: "claim-speaker" }),
        textElement("span", claim.kind, { className: "claim-kind" }),
        textElement("span", claim.status, { className: "claim-status" }),
      ]),
      textElement("blockquote", claim.text, { className: "claim-text" }),
      textElement("p", details.join(" · "), { className: "claim-details" }),
    ],
  );
}
