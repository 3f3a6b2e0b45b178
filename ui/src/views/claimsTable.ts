// The Claims table: every claim across articles, filtered by status, kind, speaker,
// article, date range and full-text search, one page at a time (the database does the
// filtering and paging, so 100,000 claims cost no more than 100), with bulk review of a
// selection and export of exactly what the filters show.
import type { ArticleSummary, Claim, ClaimFilter, ClaimKind, ReviewStatus } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export const CLAIMS_PAGE_SIZE = 100;

export interface ClaimsTableActions {
  filterChanged(filter: ClaimFilter): void;
  pageChanged(offset: number): void;
  bulkStatus(claimIds: number[], status: ReviewStatus): void;
  openClaim(claim: Claim): void;
  exportFiltered(filter: ClaimFilter): void;
}

export interface ClaimsTableView {
  root: HTMLElement;
  render(claims: readonly Claim[], total: number, offset: number): void;
  setArticles(articles: readonly ArticleSummary[]): void;
  /** The filters as the form shows them, without paging. */
  filter(): ClaimFilter;
  focusSearch(): void;
}

export function createClaimsTableView(actions: ClaimsTableActions): ClaimsTableView {
  const status = select("filter-status", "Status", [["", "Any status"], ["pending", "Pending"], ["verified", "Verified"], ["rejected", "Rejected"]]);
  const kind = select("filter-kind", "Kind", [["", "Any kind"], ["direct", "Direct"], ["mixed", "Mixed"], ["indirect", "Indirect"]]);
  const article = select("filter-article", "Article", [["", "Any article"]]);
  const speaker = input("filter-speaker", "Speaker", "text");
  speaker.setAttribute("list", "speaker-options");
  const dateFrom = input("filter-date-from", "Said from", "date");
  const dateTo = input("filter-date-to", "Said until", "date");
  const search = input("filter-search", "Words in the claim", "search");
  const form = element("form", { className: "table-filters", attributes: { id: "claims-filters" } }, [
    status, kind, article, speaker, dateFrom, dateTo, search,
    textElement("button", "Clear", { attributes: { type: "reset", id: "filters-clear" } }),
  ]);
  let debounce: number | undefined;
  const emit = (): void => actions.filterChanged(readFilter());
  form.addEventListener("change", emit);
  form.addEventListener("input", () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(emit, 250);
  });
  form.addEventListener("reset", () => window.setTimeout(emit, 0));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    emit();
  });

  const selectAll = element("input", { attributes: { type: "checkbox", id: "select-page", "aria-label": "Select every claim on this page" } });
  const body = element("tbody", { attributes: { id: "claims-table-body" } });
  const summary = element("p", { className: "table-summary", attributes: { id: "claims-table-summary" } });
  const previous = textElement("button", "← Previous", { attributes: { type: "button", id: "page-previous" } });
  const next = textElement("button", "Next →", { attributes: { type: "button", id: "page-next" } });
  const bulkVerify = textElement("button", "Verify selected", { attributes: { type: "button", id: "bulk-verify" } });
  const bulkReject = textElement("button", "Reject selected", { attributes: { type: "button", id: "bulk-reject" } });
  const bulkPending = textElement("button", "Back to pending", { attributes: { type: "button", id: "bulk-pending" } });
  const exportButton = textElement("button", "Export these…", { attributes: { type: "button", id: "export-filtered" } });
  // The article list can hold thousands of titles: the <select> is filled only when the
  // analyst opens it, not on every reload of the library.
  let knownArticles: readonly ArticleSummary[] = [];
  let articleOptionsStale = true;
  const fillArticleOptions = (): void => {
    if (!articleOptionsStale) {
      return;
    }
    articleOptionsStale = false;
    const chosen = article.value;
    replaceChildren(article, [
      textElement("option", "Any article", { attributes: { value: "" } }),
      ...knownArticles.map((entry) => textElement("option", entry.title, { attributes: { value: String(entry.id) } })),
    ]);
    article.value = knownArticles.some((entry) => String(entry.id) === chosen) ? chosen : "";
  };
  article.addEventListener("focus", fillArticleOptions);
  article.addEventListener("mousedown", fillArticleOptions);
  let currentOffset = 0;
  let currentTotal = 0;
  let rows: Claim[] = [];

  previous.addEventListener("click", () => actions.pageChanged(Math.max(0, currentOffset - CLAIMS_PAGE_SIZE)));
  next.addEventListener("click", () => actions.pageChanged(currentOffset + CLAIMS_PAGE_SIZE));
  selectAll.addEventListener("change", () => {
    for (const box of body.querySelectorAll<HTMLInputElement>("input.row-select")) {
      box.checked = selectAll.checked;
    }
  });
  const checkedIds = (): number[] =>
    [...body.querySelectorAll<HTMLInputElement>("input.row-select:checked")].map((box) => Number(box.dataset["claimId"]));
  for (const [button, target] of [[bulkVerify, "verified"], [bulkReject, "rejected"], [bulkPending, "pending"]] as const) {
    button.addEventListener("click", () => {
      const ids = checkedIds();
      if (ids.length > 0) {
        actions.bulkStatus(ids, target);
      }
    });
  }
  exportButton.addEventListener("click", () => actions.exportFiltered(readFilter()));

  const table = element("table", { className: "claims-table", attributes: { id: "claims-table" } }, [
    element("thead", {}, [
      element("tr", {}, [
        element("th", {}, [selectAll]),
        ...["Said on", "Speaker", "Kind", "Claim", "Article", "Status", "Conf."].map((label) => textElement("th", label)),
      ]),
    ]),
    body,
  ]);
  const root = element("section", { className: "panel table-panel", attributes: { "aria-labelledby": "table-heading" } }, [
    element("div", { className: "panel-heading" }, [
      textElement("h2", "All claims", { attributes: { id: "table-heading" } }),
      element("div", { className: "button-row" }, [bulkVerify, bulkReject, bulkPending, exportButton]),
    ]),
    form,
    element("div", { className: "table-scroll" }, [table]),
    element("div", { className: "pager" }, [previous, summary, next]),
  ]);

  function readFilter(): ClaimFilter {
    const optional = (value: string): string | null => (value.trim() === "" ? null : value.trim());
    return {
      status: (optional(status.value) as ReviewStatus | null),
      kind: (optional(kind.value) as ClaimKind | null),
      article_id: article.value === "" ? null : Number(article.value),
      speaker: optional(speaker.value),
      date_from: optional(dateFrom.value),
      date_to: optional(dateTo.value),
      search: optional(search.value),
    };
  }

  return {
    root,
    render(claims, total, offset): void {
      rows = [...claims];
      currentOffset = offset;
      currentTotal = total;
      selectAll.checked = false;
      summary.textContent =
        total === 0 ? "No claims match" : `${offset + 1}–${offset + claims.length} of ${total.toLocaleString("en")} claims`;
      previous.disabled = offset === 0;
      next.disabled = offset + CLAIMS_PAGE_SIZE >= currentTotal;
      if (rows.length === 0) {
        replaceChildren(body, [element("tr", {}, [textElement("td", "No claims match these filters.", { className: "empty", attributes: { colspan: "8" } })])]);
        return;
      }
      replaceChildren(body, rows.map((claim) => renderRow(claim, actions)));
    },
    setArticles(articles): void {
      knownArticles = articles;
      articleOptionsStale = true;
    },
    filter: readFilter,
    focusSearch(): void {
      search.focus();
    },
  };
}

function renderRow(claim: Claim, actions: ClaimsTableActions): HTMLTableRowElement {
  const box = element("input", {
    className: "row-select",
    attributes: { type: "checkbox", "aria-label": `Select claim ${claim.id}` },
    dataset: { claimId: String(claim.id) },
  });
  const open = textElement("button", claim.text, {
    className: "link-button claim-cell",
    attributes: { type: "button", title: "Open in the review view" },
  });
  open.addEventListener("click", () => actions.openClaim(claim));
  return element("tr", { className: `status-${claim.status}`, dataset: { claimId: String(claim.id) } }, [
    element("td", {}, [box]),
    textElement("td", claim.date ?? ""),
    textElement("td", claim.speaker ?? claim.mention ?? "Unknown", { className: "cell-speaker" }),
    textElement("td", claim.kind),
    element("td", {}, [open]),
    textElement("td", claim.article_title, { className: "cell-article" }),
    textElement("td", claim.status, { className: "cell-status" }),
    textElement("td", `${Math.round(claim.confidence * 100)}%`),
  ]);
}

function select(id: string, label: string, options: ReadonlyArray<[string, string]>): HTMLSelectElement {
  return element(
    "select",
    { attributes: { id, "aria-label": label, name: id } },
    options.map(([value, text]) => textElement("option", text, { attributes: { value } })),
  );
}

function input(id: string, label: string, type: string): HTMLInputElement {
  return element("input", { attributes: { id, type, name: id, placeholder: label, "aria-label": label, title: label } });
}
