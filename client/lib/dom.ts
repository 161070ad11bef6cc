// Finding the page's parts by the data-* hooks the server rendered (never by a style class), typed.

/** The one element matching `selector`, of the given kind; a page without it is a server/client mismatch. */
export function one<T extends Element>(selector: string, kind: abstract new () => T, root: ParentNode = document): T {
  const el = root.querySelector(selector);
  if (!(el instanceof kind)) throw new Error(`desk: no ${kind.name} for ${selector}`);
  return el;
}

/** The element matching `selector` if the page has it (a section shown to some people only). */
export function maybe<T extends Element>(selector: string, kind: abstract new () => T, root: ParentNode = document): T | null {
  const el = root.querySelector(selector);
  return el instanceof kind ? el : null;
}

export const all = <T extends Element>(selector: string, kind: abstract new () => T, root: ParentNode = document): T[] =>
  [...root.querySelectorAll(selector)].filter((el): el is T => el instanceof kind);

/** A form's text field, trimmed unless it is a password (whose spaces are the person's own). */
export function field(form: HTMLFormElement, name: string): string {
  const input = form.elements.namedItem(name);
  const value = new FormData(form).get(name);
  const text = typeof value === "string" ? value : "";
  return input instanceof HTMLInputElement && input.type === "password" ? text : text.trim();
}

/** Shows what the server rendered hidden because it only works with a script. */
export const reveal = (...els: (HTMLElement | null)[]) => {
  for (const el of els) el?.removeAttribute("hidden");
};
