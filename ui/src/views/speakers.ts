// The Speakers view: every canonical speaker with aliases and claim counts; renaming one,
// merging an alias into its canonical speaker (all claims follow), and a speaker's page
// listing their claims across articles by date.
import type { Claim, SpeakerSummary } from "../api";
import { element, replaceChildren, textElement } from "../dom";

export interface SpeakersActions {
  select(speakerId: number): void;
  rename(speakerId: number, name: string): void;
  merge(fromId: number, intoId: number): void;
  openClaim(claim: Claim): void;
  report(message: string): void;
}

export interface SpeakersView {
  root: HTMLElement;
  render(speakers: readonly SpeakerSummary[], selectedId: number | null, claims: readonly Claim[]): void;
}

export function createSpeakersView(actions: SpeakersActions): SpeakersView {
  let speakers: readonly SpeakerSummary[] = [];
  let selected: SpeakerSummary | null = null;
  const filterInput = element("input", {
    attributes: { id: "speaker-filter", type: "search", placeholder: "Filter speakers", "aria-label": "Filter speakers" },
  });
  const list = element("ul", { className: "speaker-list", attributes: { id: "speaker-list" } });
  filterInput.addEventListener("input", () => renderList());

  const heading = element("h2", { attributes: { id: "speaker-heading" } });
  const facts = element("p", { className: "article-meta", attributes: { id: "speaker-facts" } });
  const renameInput = element("input", { attributes: { id: "rename-input", type: "text", "aria-label": "New name" } });
  const renameForm = element("form", { className: "inline-form", attributes: { id: "rename-form" } }, [
    renameInput,
    textElement("button", "Rename", { attributes: { type: "submit", id: "rename-speaker" } }),
  ]);
  renameForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = renameInput.value.trim();
    if (selected !== null && name !== "" && name !== selected.canonical_name) {
      actions.rename(selected.id, name);
    }
  });
  const mergeInput = element("input", {
    attributes: { id: "merge-into-input", type: "text", list: "speaker-options", "aria-label": "Merge into speaker", placeholder: "Canonical speaker" },
  });
  const mergeForm = element("form", { className: "inline-form", attributes: { id: "merge-form" } }, [
    textElement("span", "Merge into "),
    mergeInput,
    textElement("button", "Merge", { attributes: { type: "submit", id: "merge-speaker" } }),
  ]);
  mergeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (selected === null) {
      return;
    }
    const wanted = mergeInput.value.trim().toLowerCase();
    const target = speakers.find((speaker) => speaker.canonical_name.toLowerCase() === wanted);
    if (target === undefined) {
      actions.report(`No speaker is called “${mergeInput.value.trim()}”; pick one from the list.`);
      return;
    }
    if (target.id === selected.id) {
      actions.report("A speaker cannot be merged into itself.");
      return;
    }
    actions.merge(selected.id, target.id);
    mergeInput.value = "";
  });
  const claimList = element("ol", { className: "speaker-claims", attributes: { id: "speaker-claims" } });
  const detail = element("section", { className: "panel speaker-detail", attributes: { "aria-labelledby": "speaker-heading" } }, [
    heading,
    facts,
    renameForm,
    mergeForm,
    textElement("h3", "Claims by date"),
    claimList,
  ]);

  function renderList(): void {
    const wanted = filterInput.value.trim().toLowerCase();
    const shown = speakers.filter(
      (speaker) => wanted === "" || [speaker.canonical_name, ...speaker.aliases].some((name) => name.toLowerCase().includes(wanted)),
    );
    if (shown.length === 0) {
      replaceChildren(list, [textElement("li", "No speakers.", { className: "empty" })]);
      return;
    }
    replaceChildren(
      list,
      shown.map((speaker) => {
        const button = element(
          "button",
          {
            className: speaker.id === selected?.id ? "speaker-item selected" : "speaker-item",
            attributes: { type: "button" },
            dataset: { speakerId: String(speaker.id) },
          },
          [
            textElement("span", speaker.canonical_name, { className: "speaker-name" }),
            textElement("span", `${speaker.claims} claims · ${speaker.verified} verified`, { className: "speaker-counts" }),
          ],
        );
        button.addEventListener("click", () => actions.select(speaker.id));
        return element("li", {}, [button]);
      }),
    );
  }

  const root = element("div", { className: "speakers-layout" }, [
    element("section", { className: "panel", attributes: { "aria-label": "Speakers" } }, [
      textElement("h2", "Speakers"),
      filterInput,
      list,
    ]),
    detail,
  ]);

  return {
    root,
    render(nextSpeakers, selectedId, claims): void {
      speakers = nextSpeakers;
      selected = speakers.find((speaker) => speaker.id === selectedId) ?? null;
      renderList();
      detail.hidden = selected === null;
      if (selected === null) {
        return;
      }
      heading.textContent = selected.canonical_name;
      const aliases = selected.aliases.filter((alias) => alias !== selected?.canonical_name);
      facts.textContent = `${selected.speaker_type} · ${selected.claims} claims · also known as: ${aliases.length === 0 ? "none" : aliases.join(", ")}`;
      renameInput.value = selected.canonical_name;
      const byDate = [...claims].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.id - b.id);
      if (byDate.length === 0) {
        replaceChildren(claimList, [textElement("li", "No claims.", { className: "empty" })]);
        return;
      }
      replaceChildren(
        claimList,
        byDate.map((claim) => {
          const open = textElement("button", claim.text, { className: "link-button claim-text", attributes: { type: "button" } });
          open.addEventListener("click", () => actions.openClaim(claim));
          return element("li", { className: `status-${claim.status}`, dataset: { claimId: String(claim.id) } }, [
            textElement("span", `${claim.date ?? "undated"} · ${claim.article_title} · ${claim.status}`, { className: "claim-details" }),
            open,
          ]);
        }),
      );
    },
  };
}
