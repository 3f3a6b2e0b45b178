// Entry point of the ClaimTrack window: builds the page from one module per view, then
// asks the Rust side for data. State lives here; views only render what they are given.
import {
  fetchAppInfo,
  fetchArticles,
  fetchClaims,
  toErrorPayload,
  type ArticleSummary,
} from "./api";
import { element } from "./dom";
import { createArticlesView } from "./views/articles";
import { createClaimsView } from "./views/claims";
import { createErrorView } from "./views/errors";
import { createHeaderView } from "./views/header";

interface WindowState {
  articles: ArticleSummary[];
  selectedArticleId: number | null;
}

const state: WindowState = { articles: [], selectedArticleId: null };

const header = createHeaderView();
const errors = createErrorView();
const articlesView = createArticlesView((articleId) => {
  void selectArticle(articleId);
});
const claimsView = createClaimsView();

function mount(): void {
  const root = document.getElementById("app");
  if (root === null) {
    throw new Error("the page has no #app element");
  }
  root.appendChild(header.root);
  root.appendChild(errors.root);
  root.appendChild(element("main", { className: "workspace" }, [articlesView.root, claimsView.root]));
}

async function loadAppInfo(): Promise<void> {
  try {
    header.showAppInfo(await fetchAppInfo());
  } catch (error) {
    errors.show("Reading app information", toErrorPayload(error));
  }
}

async function loadArticles(): Promise<void> {
  try {
    state.articles = await fetchArticles();
  } catch (error) {
    errors.show("Loading articles", toErrorPayload(error));
    markLoaded();
    return;
  }
  const first = state.articles[0];
  await selectArticle(first === undefined ? null : first.id);
  markLoaded();
}

/** Tells end-to-end tests (and anyone inspecting the DOM) that the first load finished. */
function markLoaded(): void {
  document.body.dataset["loaded"] = "true";
}

async function selectArticle(articleId: number | null): Promise<void> {
  state.selectedArticleId = articleId;
  articlesView.render(state.articles, articleId);
  const article = state.articles.find((candidate) => candidate.id === articleId);
  try {
    const claims = await fetchClaims(articleId);
    // A slower answer for an article the analyst has since left must not overwrite the list.
    if (state.selectedArticleId !== articleId) {
      return;
    }
    claimsView.render(claims, article === undefined ? null : article.title);
    errors.clear();
  } catch (error) {
    errors.show("Loading claims", toErrorPayload(error));
  }
}

/** Counts Content-Security-Policy violations on the body, where the end-to-end tests check
 * that the tight CSP in tauri.conf.json blocks nothing the UI itself needs. */
function watchContentSecurityPolicy(): void {
  let violations = 0;
  document.addEventListener("securitypolicyviolation", (event) => {
    violations += 1;
    document.body.dataset["cspViolations"] = String(violations);
    console.error(`CSP blocked ${event.blockedURI} (${event.violatedDirective})`);
  });
}

watchContentSecurityPolicy();
mount();
void loadAppInfo();
void loadArticles();
