// The Library sidebar: every stored article with its claim counts by status, a search over
// metadata and text, sorting by publication date, and the import and edit entry points.
import type { ArticleOrder, ArticleQuery, ArticleSummary } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface LibraryActions {
  select(articleId: number): void;
  queryChanged(query: ArticleQuery): void;
  importFiles(): void;
  pasteArticle(): void;
  editMetadata(articleId: number): void;
}

export interface LibraryView {
  root: HTMLElement;
  render(articles: readonly ArticleSummary[], selectedArticleId: number | null): void;
  focusSearch(): void;
}

/** How many articles the list shows at first and adds per "Show more": building thousands
 * of entries at once would stall the window; search narrows the list instead. */
const ARTICLES_PER_STEP = 200;

const ORDER_LABELS: ReadonlyArray<[ArticleOrder, string]> = [
  ["published_newest_first", "Newest first"],
  ["published_oldest_first", "Oldest first"],
  ["stored", "Order imported"],
];

export function createLibraryView(actions: LibraryActions): LibraryView {
  const search = element("input", {
    className: "library-search",
    attributes: { id: "library-search", type: "search", placeholder: "Search articles", "aria-label": "Search articles" },
  });
  const order = element(
    "select",
    { attributes: { id: "library-order", "aria-label": "Sort articles" } },
    ORDER_LABELS.map(([value, label]) => textElement("option", label, { attributes: { value } })),
  );
  const list = element("ul", { className: "article-list", attributes: { id: "article-list" } });
  const importButton = textElement("button", "Import files or URLs…", { attributes: { id: "import-files", type: "button" } });
  const pasteButton = textElement("button", "Paste article…", { attributes: { id: "paste-article", type: "button" } });

  let shownArticles: readonly ArticleSummary[] = [];
  let shownSelectedId: number | null = null;
  let limit = ARTICLES_PER_STEP;
  let debounce: number | undefined;
  const emitQuery = (): void => {
    const text = search.value.trim();
    limit = ARTICLES_PER_STEP;
    actions.queryChanged({ search: text === "" ? null : text, order: order.value as ArticleOrder });
  };
  search.addEventListener("input", () => {
    window.clearTimeout(debounce);
    debounce = window.setTimeout(emitQuery, 200);
  });
  order.addEventListener("change", emitQuery);
  importButton.addEventListener("click", () => actions.importFiles());
  pasteButton.addEventListener("click", () => actions.pasteArticle());

  const root = element("section", { className: "panel library-panel", attributes: { "aria-labelledby": "library-heading" } }, [
    element("div", { className: "panel-heading" }, [
      textElement("h2", "Library", { attributes: { id: "library-heading" } }),
      element("div", { className: "button-row" }, [importButton, pasteButton]),
    ]),
    element("div", { className: "library-controls" }, [search, order]),
    list,
  ]);

  function renderList(): void {
    if (shownArticles.length === 0) {
      const message = search.value.trim() === "" ? "No articles yet: import or paste one." : "No article matches the search.";
      replaceChildren(list, [textElement("li", message, { className: "empty" })]);
      return;
    }
    const visible = shownArticles.slice(0, limit);
    // The selected article stays visible even when it lies beyond the first page.
    const selected = shownArticles.find((article) => article.id === shownSelectedId);
    if (selected !== undefined && !visible.includes(selected)) {
      visible.push(selected);
    }
    const entries: HTMLLIElement[] = visible.map((article) => renderArticle(article, article.id === shownSelectedId, actions));
    const hidden = shownArticles.length - visible.length;
    if (hidden > 0) {
      const more = textElement("button", `Show ${Math.min(hidden, ARTICLES_PER_STEP)} more (${hidden} not shown)`, {
        className: "show-more",
        attributes: { type: "button", id: "library-show-more" },
      });
      more.addEventListener("click", () => {
        limit += ARTICLES_PER_STEP;
        renderList();
      });
      entries.push(element("li", {}, [more]));
    }
    replaceChildren(list, entries);
  }

  return {
    root,
    render(articles, selectedArticleId): void {
      shownArticles = articles;
      shownSelectedId = selectedArticleId;
      renderList();
    },
    focusSearch(): void {
      search.focus();
      search.select();
    },
  };
}

function renderArticle(article: ArticleSummary, selected: boolean, actions: LibraryActions): HTMLLIElement {
  const metadata = [article.outlet, article.published, article.author].filter(
    (part): part is string => part !== null && part !== "",
  );
  const button = element(
    "button",
    {
      className: selected ? "article-item selected" : "article-item",
      attributes: { type: "button", "aria-pressed": String(selected) },
      dataset: { articleId: String(article.id) },
    },
    [
      textElement("span", article.title, { className: "article-title" }),
      textElement("span", metadata.join(" · "), { className: "article-meta" }),
      element("span", { className: "article-counts" }, [
        `${article.claims} ${article.claims === 1 ? "claim" : "claims"}`,
        textElement("span", ` · ${article.pending} pending`, { className: "count-pending" }),
        textElement("span", ` · ${article.verified} verified`, { className: "count-verified" }),
        textElement("span", ` · ${article.rejected} rejected`, { className: "count-rejected" }),
      ]),
    ],
  );
  button.addEventListener("click", () => actions.select(article.id));
  const edit = textElement("button", "Edit", {
    className: "article-edit link-button",
    attributes: { type: "button", title: "Edit title, outlet, URL, author and date" },
    dataset: { articleId: String(article.id) },
  });
  edit.addEventListener("click", () => actions.editMetadata(article.id));
  return element("li", { className: "article-entry" }, [button, edit]);
}
