// The only way this UI creates DOM nodes. Text always goes in through `textContent`, so
// article and claim text (which is untrusted input) can never become markup.

export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  attributes?: Record<string, string>;
  dataset?: Record<string, string>;
}

/** Creates `<tag>` with the given options and children; strings become text nodes. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className !== undefined) {
    created.className = options.className;
  }
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    created.setAttribute(name, value);
  }
  for (const [name, value] of Object.entries(options.dataset ?? {})) {
    created.dataset[name] = value;
  }
  appendChildren(created, children);
  return created;
}

/** A text-only element: the shortest safe way to show a string. */
export function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  options: ElementOptions = {},
): HTMLElementTagNameMap[K] {
  const created = element(tag, options);
  created.textContent = text;
  return created;
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  while (parent.firstChild !== null) {
    parent.removeChild(parent.firstChild);
  }
  appendChildren(parent, children);
}

function appendChildren(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (typeof child === "string") {
      parent.appendChild(document.createTextNode(child));
    } else {
      parent.appendChild(child);
    }
  }
}
