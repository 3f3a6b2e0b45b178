// The Articles list: one entry per stored article with its claim counts. Selecting an
// article narrows the Claims list to it.
import type { ArticleSummary } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface ArticlesView {
  root: HTMLElement;
  render(articles: readonly ArticleSummary[], selectedArticleId: number | null): void;
}

export function createArticlesView(onSelect: (articleId: number) => void): ArticlesView {
  const list = element("ul", { className: "article-list", attributes: { id: "article-list" } });
  const root = element("section", { className: "panel articles-panel", attributes: { "aria-labelledby": "articles-heading" } }, [
    textElement("h2", "Articles", { attributes: { id: "articles-heading" } }),
    list,
  ]);
  return {
    root,
    render(articles: readonly ArticleSummary[], selectedArticleId: number | null): void {
      if (articles.length === 0) {
        replaceChildren(list, [textElement("li", "No articles yet.", { className: "empty" })]);
        return;
      }
      replaceChildren(
        list,
        articles.map((article) => renderArticle(article, article.id === selectedArticleId, onSelect)),
      );
    },
  };
}

function renderArticle(
  article: ArticleSummary,
  selected: boolean,
  onSelect: (articleId: number) => void,
): HTMLLIElement {
  const metadata = [article.outlet, article.published].filter((part): part is string => part !== null);
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
      textElement("span", claimCountLabel(article), { className: "article-counts" }),
    ],
  );
  button.addEventListener("click", () => onSelect(article.id));
  return element("li", {}, [button]);
}

function claimCountLabel(article: ArticleSummary): string {
  const noun = article.claims === 1 ? "claim" : "claims";
  return `${article.claims} ${noun} · ${article.pending} pending · ${article.verified} verified`;
}
