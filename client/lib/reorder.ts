// Reordering the rows of a list, two ways that do the same thing: dragging a row by its handle (HTML drag and
// drop), and 上移 / 下移 buttons for the keyboard (and for anyone a drag does not suit). Only the DOM moves
// here; the screen's `moved` callback sends the new order and says where the row went.

export type Reorder = {
  /** The list whose direct children are the rows. */
  list: HTMLElement;
  /** The handle a row is dragged by (inside each row). */
  handle: string;
  /** After a row changed place: from and to are 0-based. */
  moved: (row: HTMLElement, from: number, to: number) => void;
};

const rowsOf = (list: HTMLElement) => [...list.children].filter((el): el is HTMLElement => el instanceof HTMLElement);

/** Moves `row` by `delta` places (−1 up, +1 down) when it can; true when it moved. */
export function moveBy(r: Reorder, row: HTMLElement, delta: number): boolean {
  const rows = rowsOf(r.list);
  const from = rows.indexOf(row);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= rows.length) return false;
  const target = rows[to];
  if (!target) return false;
  target.insertAdjacentElement(delta < 0 ? "beforebegin" : "afterend", row);
  r.moved(row, from, to);
  return true;
}

/** Lets rows be dragged by their handle and dropped above or below another row. */
export function dragToReorder(r: Reorder): void {
  let dragged: HTMLElement | null = null;
  r.list.addEventListener("dragstart", (event) => {
    const handle = event.target instanceof Element ? event.target.closest(r.handle) : null;
    const row = handle ? rowsOf(r.list).find((el) => el.contains(handle)) : undefined;
    if (!row || !event.dataTransfer) return;
    dragged = row;
    row.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    // Some browsers start no drag without data; the row's place is what it carries.
    event.dataTransfer.setData("text/plain", String(rowsOf(r.list).indexOf(row)));
    event.dataTransfer.setDragImage(row, 16, 16);
  });
  r.list.addEventListener("dragover", (event) => {
    if (dragged) event.preventDefault();
  });
  r.list.addEventListener("drop", (event) => {
    const row = dragged;
    const target = event.target instanceof Element ? rowsOf(r.list).find((el) => el.contains(event.target as Node)) : undefined;
    if (!row || !target) return;
    event.preventDefault();
    if (target === row) return;
    const from = rowsOf(r.list).indexOf(row);
    const box = target.getBoundingClientRect();
    target.insertAdjacentElement(event.clientY < box.top + box.height / 2 ? "beforebegin" : "afterend", row);
    const to = rowsOf(r.list).indexOf(row);
    if (to !== from) r.moved(row, from, to);
  });
  r.list.addEventListener("dragend", () => {
    dragged?.classList.remove("dragging");
    dragged = null;
  });
}

/** 上移 / 下移 enabled where they can move the row; called after every change to the list. */
export function refreshMoveButtons(list: HTMLElement): void {
  const rows = rowsOf(list);
  rows.forEach((row, i) => {
    const up = row.querySelector("[data-up]");
    const down = row.querySelector("[data-down]");
    if (up instanceof HTMLButtonElement) up.disabled = i === 0;
    if (down instanceof HTMLButtonElement) down.disabled = i === rows.length - 1;
  });
}
