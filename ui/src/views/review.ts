// The Review view: the article's text with every claim highlighted by status and its
// speaker mention underlined, the article's claims in reading order (or least confident
// first), and an editor for the selected claim. Corrections that need a piece of the text
// (a new span, a speaker named in the text, a missed claim) read the analyst's selection.
import type { Article, Claim, ClaimKind, ClaimOrder, ReviewStatus, SpeakerSummary } from "../api";
import { element, replaceChildren, textElement } from "../dom";
import { ArticleOffsets } from "../offsets";

export interface ReviewActions {
  selectClaim(claimId: number): void;
  orderChanged(order: ClaimOrder): void;
  setStatus(claimId: number, status: ReviewStatus): void;
  correctSpeaker(claimId: number, name: string): void;
  correctKind(claimId: number, kind: ClaimKind): void;
  correctSpan(claimId: number, start: number, end: number): void;
  addClaim(start: number, end: number, kind: ClaimKind, speaker: string | null): void;
  report(message: string): void;
}

/** A selection in the article text, as byte offsets into the stored text. */
export interface TextSelection {
  start: number;
  end: number;
  text: string;
}

export interface ReviewView {
  root: HTMLElement;
  render(article: Article | null, claims: readonly Claim[], selectedClaimId: number | null, order: ClaimOrder): void;
  setSpeakers(speakers: readonly SpeakerSummary[]): void;
  /** The analyst's current selection inside the article text, or null. */
  textSelection(): TextSelection | null;
  focusSpeakerInput(): void;
  spanFromSelection(): void;
  speakerFromSelection(): void;
  addClaimFromSelection(): void;
  setKind(kind: ClaimKind): void;
}

const KINDS: readonly ClaimKind[] = ["direct", "mixed", "indirect"];

export function createReviewView(actions: ReviewActions): ReviewView {
  let article: Article | null = null;
  let offsets: ArticleOffsets | null = null;
  let claims: readonly Claim[] = [];
  let selected: Claim | null = null;

  const articleHeading = element("h2", { attributes: { id: "review-article-title" } });
  const articleMeta = element("p", { className: "article-meta", attributes: { id: "review-article-meta" } });
  const textContainer = element("div", { className: "article-text", attributes: { id: "article-text", tabindex: "-1" } });
  const addKind = element(
    "select",
    { attributes: { id: "add-claim-kind", "aria-label": "Kind of the claim to add" } },
    KINDS.map((kind) => textElement("option", kind, { attributes: { value: kind } })),
  );
  const addButton = textElement("button", "Add claim from selection (a)", { attributes: { id: "add-claim", type: "button" } });
  addButton.addEventListener("click", () => view.addClaimFromSelection());

  const orderToggle = element("select", { attributes: { id: "claim-order", "aria-label": "Order of claims" } }, [
    textElement("option", "Reading order", { attributes: { value: "article_offset" } }),
    textElement("option", "Lowest confidence first", { attributes: { value: "confidence_ascending" } }),
  ]);
  orderToggle.addEventListener("change", () => actions.orderChanged(orderToggle.value as ClaimOrder));
  const claimList = element("ol", { className: "claim-list", attributes: { id: "claim-list" } });
  const caption = element("p", { className: "claims-caption", attributes: { id: "claims-caption" } });

  // The editor of the selected claim.
  const detailText = element("blockquote", { className: "detail-text", attributes: { id: "detail-text" } });
  const detailFacts = element("dl", { className: "detail-facts", attributes: { id: "detail-facts" } });
  const kindSelect = element(
    "select",
    { attributes: { id: "claim-kind", "aria-label": "Kind" } },
    KINDS.map((kind) => textElement("option", kind, { attributes: { value: kind } })),
  );
  kindSelect.addEventListener("change", () => {
    if (selected !== null && kindSelect.value !== selected.kind) {
      actions.correctKind(selected.id, kindSelect.value as ClaimKind);
    }
  });
  const speakerOptions = element("datalist", { attributes: { id: "speaker-options" } });
  const speakerInput = element("input", {
    attributes: { id: "speaker-input", type: "text", list: "speaker-options", "aria-label": "Speaker", autocomplete: "off" },
  });
  const speakerForm = element("form", { className: "speaker-form", attributes: { id: "speaker-form" } }, [
    speakerInput,
    speakerOptions,
    textElement("button", "Save", { attributes: { id: "save-speaker", type: "submit", title: "Save the speaker (Enter)" } }),
  ]);
  speakerForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (selected === null) {
      return;
    }
    const name = speakerInput.value.trim();
    if (name === "") {
      actions.report("Type a speaker's name first.");
      return;
    }
    if (name !== (selected.speaker ?? "")) {
      actions.correctSpeaker(selected.id, name);
    }
    speakerInput.blur();
  });
  const statusButtons = element("div", { className: "button-row status-buttons" }, [
    statusButton("verify-claim", "Verify (v)", "verified"),
    statusButton("reject-claim", "Reject (x)", "rejected"),
    statusButton("reset-claim", "Back to pending", "pending"),
  ]);
  const spanButton = textElement("button", "Span from selection (e)", { attributes: { id: "span-from-selection", type: "button" } });
  spanButton.addEventListener("click", () => view.spanFromSelection());
  const speakerSelectionButton = textElement("button", "Speaker from selection (n)", {
    attributes: { id: "speaker-from-selection", type: "button" },
  });
  speakerSelectionButton.addEventListener("click", () => view.speakerFromSelection());
  const detail = element("section", { className: "claim-detail", attributes: { id: "claim-detail", hidden: "" } }, [
    textElement("h3", "Selected claim"),
    detailText,
    element("div", { className: "detail-grid" }, [
      textElement("label", "Kind (d/m/i)", { attributes: { for: "claim-kind" } }),
      kindSelect,
      textElement("label", "Speaker (s)", { attributes: { for: "speaker-input" } }),
      speakerForm,
    ]),
    detailFacts,
    statusButtons,
    element("div", { className: "button-row" }, [spanButton, speakerSelectionButton]),
  ]);

  function statusButton(id: string, label: string, status: ReviewStatus): HTMLButtonElement {
    const button = textElement("button", label, { className: `status-button ${status}`, attributes: { id, type: "button" } });
    button.addEventListener("click", () => {
      if (selected !== null) {
        actions.setStatus(selected.id, status);
      }
    });
    return button;
  }

  const root = element("div", { className: "review-layout" }, [
    element("section", { className: "panel article-panel", attributes: { "aria-labelledby": "review-article-title" } }, [
      articleHeading,
      articleMeta,
      element("div", { className: "button-row article-tools" }, [addKind, addButton]),
      textContainer,
    ]),
    element("section", { className: "panel claims-panel", attributes: { "aria-labelledby": "claims-heading" } }, [
      element("div", { className: "panel-heading" }, [textElement("h2", "Claims", { attributes: { id: "claims-heading" } }), orderToggle]),
      caption,
      detail,
      claimList,
    ]),
  ]);

  function renderText(): void {
    if (article === null || offsets === null) {
      replaceChildren(textContainer, [textElement("p", "Select an article in the library.", { className: "empty" })]);
      return;
    }
    replaceChildren(textContainer, highlightedText(offsets, claims, selected));
  }

  function renderDetail(): void {
    if (selected === null) {
      detail.hidden = true;
      return;
    }
    detail.hidden = false;
    detailText.textContent = selected.text;
    kindSelect.value = selected.kind;
    if (document.activeElement !== speakerInput) {
      speakerInput.value = selected.speaker ?? "";
    }
    const facts: Array<[string, string]> = [
      ["Status", selected.status],
      ["Mention", selected.mention ?? "none"],
      ["Role", selected.speaker_role ?? "none"],
      ["Cue", selected.cue ?? "none"],
      ["Said on", selected.date ?? "unknown"],
      ["Confidence", `${Math.round(selected.confidence * 100)}%`],
      ["Origin", selected.origin === "human" ? "added by an analyst" : selected.corrected ? "machine, corrected" : "machine"],
    ];
    if (selected.no_longer_extracted) {
      facts.push(["Note", "the extractor no longer finds this claim; kept because it was reviewed"]);
    }
    replaceChildren(
      detailFacts,
      facts.flatMap(([term, value]) => [textElement("dt", term), textElement("dd", value, { dataset: { fact: term } })]),
    );
  }

  function renderList(): void {
    if (article === null) {
      caption.textContent = "";
      replaceChildren(claimList, []);
      return;
    }
    const verified = claims.filter((claim) => claim.status === "verified").length;
    caption.textContent = `${claims.length} claims · ${verified} verified`;
    if (claims.length === 0) {
      replaceChildren(claimList, [textElement("li", "No claims found in this article. Select text and press a to add one.", { className: "empty" })]);
      return;
    }
    replaceChildren(
      claimList,
      claims.map((claim) => {
        const item = renderClaimItem(claim, claim.id === selected?.id);
        item.addEventListener("click", () => actions.selectClaim(claim.id));
        return item;
      }),
    );
    claimList.querySelector(".claim-item.selected")?.scrollIntoView({ block: "nearest" });
    textContainer.querySelector(".highlight.current")?.scrollIntoView({ block: "nearest" });
  }

  textContainer.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) {
      return;
    }
    // A click that ends a text selection is the analyst selecting, not choosing a claim.
    const selection = window.getSelection();
    if (selection !== null && !selection.isCollapsed) {
      return;
    }
    const ids = target.dataset["claimIds"];
    const first = ids?.split(" ")[0];
    if (first !== undefined && first !== "") {
      actions.selectClaim(Number(first));
    }
  });

  const view: ReviewView = {
    root,
    render(nextArticle, nextClaims, selectedClaimId, order): void {
      if (nextArticle?.id !== article?.id || nextArticle?.text !== article?.text) {
        offsets = nextArticle === null ? null : new ArticleOffsets(nextArticle.text);
      }
      article = nextArticle;
      claims = nextClaims;
      selected = claims.find((claim) => claim.id === selectedClaimId) ?? null;
      orderToggle.value = order;
      articleHeading.textContent = article === null ? "No article selected" : article.title;
      articleMeta.textContent =
        article === null
          ? ""
          : [article.outlet, article.author, article.published, article.url].filter((part) => part !== null && part !== "").join(" · ");
      renderText();
      renderDetail();
      renderList();
    },
    setSpeakers(speakers): void {
      replaceChildren(
        speakerOptions,
        speakers.map((speaker) => element("option", { attributes: { value: speaker.canonical_name } })),
      );
    },
    textSelection(): TextSelection | null {
      if (offsets === null) {
        return null;
      }
      return selectionInside(textContainer, offsets);
    },
    focusSpeakerInput(): void {
      if (selected !== null) {
        speakerInput.focus();
        speakerInput.select();
      }
    },
    spanFromSelection(): void {
      const range = view.textSelection();
      if (selected === null || range === null) {
        actions.report("Select a claim, then select its new span in the text.");
        return;
      }
      actions.correctSpan(selected.id, range.start, range.end);
    },
    speakerFromSelection(): void {
      const range = view.textSelection();
      if (selected === null || range === null) {
        actions.report("Select a claim, then select the speaker's name in the text.");
        return;
      }
      actions.correctSpeaker(selected.id, range.text);
    },
    addClaimFromSelection(): void {
      const range = view.textSelection();
      if (range === null) {
        actions.report("Select the words of the missed claim in the text first.");
        return;
      }
      actions.addClaim(range.start, range.end, addKind.value as ClaimKind, null);
    },
    setKind(kind): void {
      if (selected !== null && selected.kind !== kind) {
        actions.correctKind(selected.id, kind);
      }
    },
  };
  return view;
}

export function renderClaimItem(claim: Claim, selected: boolean): HTMLLIElement {
  const speaker = claim.speaker ?? claim.mention ?? "Unknown speaker";
  const details = [claim.speaker_role, claim.cue, claim.date, `${Math.round(claim.confidence * 100)}% confident`].filter(
    (part): part is string => part !== null && part !== "",
  );
  return element(
    "li",
    {
      className: `claim-item claim-${claim.kind} status-${claim.status}${selected ? " selected" : ""}`,
      dataset: { claimId: String(claim.id) },
      attributes: { "aria-selected": String(selected) },
    },
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

/** The article text cut at every claim part and mention boundary, each piece a text-only
 * span that says which claims cover it. */
function highlightedText(offsets: ArticleOffsets, claims: readonly Claim[], selected: Claim | null): Node[] {
  const boundaries = new Set<number>([0, offsets.byteLength]);
  for (const claim of claims) {
    for (const [start, end] of claim.parts) {
      boundaries.add(start);
      boundaries.add(end);
    }
    if (claim.mention_start !== null && claim.mention_end !== null) {
      boundaries.add(claim.mention_start);
      boundaries.add(claim.mention_end);
    }
  }
  const sorted = [...boundaries].filter((offset) => offset >= 0 && offset <= offsets.byteLength).sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let index = 0; index + 1 < sorted.length; index += 1) {
    const start = sorted[index] ?? 0;
    const end = sorted[index + 1] ?? 0;
    const piece = offsets.slice(start, end);
    const covering = claims.filter((claim) => claim.parts.some(([partStart, partEnd]) => partStart <= start && end <= partEnd));
    const isMention = selected !== null && selected.mention_start !== null && selected.mention_end !== null
      && selected.mention_start <= start && end <= selected.mention_end;
    if (covering.length === 0 && !isMention) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const classes = ["highlight"];
    const first = covering[0];
    if (first !== undefined) {
      classes.push(`status-${first.status}`);
    }
    if (selected !== null && covering.some((claim) => claim.id === selected.id)) {
      classes.push("current");
    }
    if (isMention) {
      classes.push("mention");
    }
    nodes.push(
      textElement("span", piece, {
        className: classes.join(" "),
        dataset: { claimIds: covering.map((claim) => String(claim.id)).join(" ") },
      }),
    );
  }
  return nodes;
}

/** The selection as byte offsets, when it lies inside `container`, with surrounding
 * whitespace trimmed the way an analyst means it. */
function selectionInside(container: HTMLElement, offsets: ArticleOffsets): TextSelection | null {
  const selection = window.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) {
    return null;
  }
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  const text = offsets.text;
  while (start < end && /\s/.test(text.charAt(start))) {
    start += 1;
  }
  while (end > start && /\s/.test(text.charAt(end - 1))) {
    end -= 1;
  }
  if (start === end) {
    return null;
  }
  return { start: offsets.toByte(start), end: offsets.toByte(end), text: text.slice(start, end) };
}
