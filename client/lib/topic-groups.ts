// A topic's groups (分组) as controls: each server-rendered row gets a drag handle and 上移 / 下移 / 删除 (删除
// only while the group is empty, as the API allows), a new row can be added, and the list is read back as the
// PATCH body's `groups` — an `id` keeps a group, none makes one, one left out is removed.
import { refreshMoveButtons } from "./reorder.ts";

let fresh = 0;

function button(words: string, hook: string, describedBy: string, kind = "quiet"): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = kind;
  b.setAttribute(hook, "");
  b.setAttribute("aria-describedby", describedBy);
  b.textContent = words;
  return b;
}

/** Adds the handle and the buttons to a row (its input labelled already). */
function equip(row: HTMLElement): void {
  const input = row.querySelector("input");
  const label = row.querySelector("label");
  if (!input || !label) return;
  label.id = `${input.id}-label`;
  const handle = document.createElement("span");
  handle.className = "handle";
  handle.draggable = true;
  handle.title = "拖动以调整顺序";
  handle.setAttribute("aria-hidden", "true");
  handle.textContent = "⠿";
  row.prepend(handle);
  const actions = document.createElement("p");
  actions.className = "actions";
  actions.append(button("上移", "data-up", label.id), button("下移", "data-down", label.id));
  if (Number(row.dataset.members ?? "0") === 0) actions.append(button("删除", "data-delete", label.id, "danger"));
  row.append(actions);
}

/** Each row's label says its place (第 n 个分组的名称), and 上移 / 下移 are enabled where they can move it. */
export function relabel(list: HTMLElement): void {
  list.querySelectorAll<HTMLElement>(":scope > li").forEach((row, i) => {
    const label = row.querySelector("label");
    if (label) label.textContent = `第 ${i + 1} 个分组的名称`;
  });
  refreshMoveButtons(list);
}

export function groupControls(list: HTMLElement): void {
  for (const row of list.querySelectorAll<HTMLElement>(":scope > li")) equip(row);
  relabel(list);
}

/** A new, empty group's row (saved by 保存分组). */
export function newGroupRow(list: HTMLElement): HTMLLIElement {
  fresh += 1;
  const row = document.createElement("li");
  row.className = "row topic-group-row";
  row.dataset.members = "0";
  const field = document.createElement("div");
  field.className = "field";
  const label = document.createElement("label");
  const input = document.createElement("input");
  input.id = `group-new-${fresh}`;
  input.type = "text";
  input.name = "name";
  input.maxLength = Number(list.dataset.nameMax);
  label.htmlFor = input.id;
  field.append(label, input);
  row.append(field);
  equip(row);
  return row;
}

/** The groups in the list's order, as the PATCH body takes them. */
export function groupsOf(list: HTMLElement): { id?: number; name: string }[] {
  return [...list.querySelectorAll<HTMLElement>(":scope > li")].map((row) => {
    const name = row.querySelector("input")?.value.trim() ?? "";
    return row.dataset.group ? { id: Number(row.dataset.group), name } : { name };
  });
}
