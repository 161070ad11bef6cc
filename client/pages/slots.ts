// 推荐位's script. On the list, an admin's 新建推荐位. On a slot's page, its items as controls: reorder by drag
// or 上移/下移, 推荐位标题, 下线时间, 图片, 移除, and 加入 from search — each change a PUT of the whole list with
// If-Match on the version on screen, one at a time. A 412 loads the slot as the other person left it and puts
// back what this person typed (unsaved, for 保存我的修改); their reorder or removal is said to be lost.
import { request } from "../lib/api.ts";
import { searchArticles, showHits } from "../lib/article-search.ts";
import { notInFuture } from "../lib/beijing-input.ts";
import { field, maybe, one, reveal } from "../lib/dom.ts";
import { fail, onClick, onSubmit } from "../lib/forms.ts";
import { clearMessages, showError, showFlash, showOk } from "../lib/live.ts";
import { dragToReorder, moveBy, refreshMoveButtons, type Reorder } from "../lib/reorder.ts";
import { type Item, SlotJson, type SlotSettings, itemRow, itemsOf, markSaved, renumber, restoreTyped, unsaved } from "../lib/slot-items.ts";

showFlash();

const create = maybe('[data-form="create-slot"]', HTMLFormElement);
if (create) {
  reveal(create);
  onSubmit(create, async () => {
    const slug = field(create, "slug");
    const description = field(create, "description");
    const answer = await request("POST", "/api/v1/admin/slots", SlotJson, {
      body: {
        slug,
        name: field(create, "name"),
        capacity: Number(field(create, "capacity")),
        needs_picture: new FormData(create).get("needs_picture") !== null,
        ...(description && { description }),
      },
    });
    if (answer.ok) location.assign(`/desk/slots/${slug}`);
    return answer;
  });
}

const list = maybe("[data-items]", HTMLOListElement);
if (list) slotScreen(list);

function slotScreen(list: HTMLOListElement): void {
  const slug = list.dataset.slug ?? "";
  const capacity = Number(list.dataset.capacity);
  let version = Number(list.dataset.version);
  const settings: SlotSettings = {
    name: list.dataset.name ?? "",
    needsPicture: list.dataset.needsPicture === "1",
    titleMax: Number(list.dataset.titleMax),
    pictures: maybe("template[data-picture-options]", HTMLTemplateElement),
  };
  const saveMine = one("[data-save-mine]", HTMLElement);
  const reorder: Reorder = { list, handle: ".handle", moved: (row, _from, to) => void save(`已把“${row.dataset.title ?? ""}”移到第 ${to + 1} 条。`, () => load()) };
  const titleOf = (row: HTMLElement) => row.dataset.title ?? "";

  function render(items: readonly Item[]): void {
    list.replaceChildren(...items.map((item, i) => itemRow(item, i + 1, settings)));
    renumber(list, capacity);
    refreshMoveButtons(list);
  }

  async function load(): Promise<boolean> {
    const answer = await request("GET", `/api/v1/admin/slots/${slug}`, SlotJson);
    if (!answer.ok) {
      fail(answer.error);
      return false;
    }
    version = answer.value.version;
    render(answer.value.items);
    return true;
  }

  // One PUT at a time: a change made while one is out is sent after it, from the list as it then stands.
  let sending: Promise<void> = Promise.resolve();
  function save(done: string, undo: () => void | Promise<unknown>): Promise<void> {
    sending = sending.then(() => put(done, undo));
    return sending;
  }

  async function put(done: string, undo: () => void | Promise<unknown>): Promise<void> {
    const answer = await request("PUT", `/api/v1/admin/slots/${slug}/items`, SlotJson, { body: { items: itemsOf(list) }, ifMatch: `"${version}"` });
    if (answer.ok) {
      version = answer.value.version;
      markSaved(list);
      renumber(list, capacity);
      refreshMoveButtons(list);
      saveMine.hidden = true;
      showOk(done);
      return;
    }
    if (answer.error.status === 412) return conflict();
    await undo();
    renumber(list, capacity);
    refreshMoveButtons(list);
    fail(answer.error);
  }

  /** Someone else changed the slot: theirs on screen, what this person typed put back where it still fits. */
  async function conflict(): Promise<void> {
    const typed = unsaved(list);
    if (!(await load())) return;
    const restored = restoreTyped(list, typed);
    saveMine.hidden = restored === 0;
    showError(
      restored > 0
        ? "别人刚刚修改了这个推荐位，下面已换成最新的内容。你填写的标题、下线时间或图片还在输入框里，尚未保存：核对后按“保存我的修改”。"
        : "别人刚刚修改了这个推荐位，下面已换成最新的内容；你刚才的调整没有保存，请在最新的内容上重做。",
    );
  }

  /** After a row moved, focus goes back to the button pressed, or its twin when the row reached an end. */
  function refocus(row: HTMLElement, hook: "data-up" | "data-down"): void {
    const pressed = row.querySelector(`[${hook}]`);
    const other = row.querySelector(hook === "data-up" ? "[data-down]" : "[data-up]");
    const target = pressed instanceof HTMLButtonElement && !pressed.disabled ? pressed : other;
    if (target instanceof HTMLElement) target.focus();
  }

  list.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const row = button?.closest<HTMLLIElement>("li[data-article]");
    if (!button || !row) return;
    clearMessages();
    if (button.hasAttribute("data-up") || button.hasAttribute("data-down")) {
      const hook = button.hasAttribute("data-up") ? "data-up" : "data-down";
      if (moveBy(reorder, row, hook === "data-up" ? -1 : 1)) {
        refreshMoveButtons(list);
        refocus(row, hook);
      }
    } else if (button.hasAttribute("data-remove")) {
      const next = row.nextElementSibling ?? row.previousElementSibling;
      const place = row.previousElementSibling;
      row.remove();
      const focusTarget = next?.querySelector("[data-remove]");
      if (focusTarget instanceof HTMLElement) focusTarget.focus();
      else one("#items-title", HTMLElement).focus();
      void save(`已从${settings.name}移除“${titleOf(row)}”。`, () => (place ? place.after(row) : list.prepend(row)));
    } else if (button.hasAttribute("data-clear-expiry")) {
      const expires = row.querySelector('[data-field="expires"]');
      if (expires instanceof HTMLInputElement && expires.value !== "") {
        expires.value = "";
        expires.removeAttribute("aria-invalid");
        void save(`“${titleOf(row)}”不再自动下线。`, () => load());
      }
    }
  });

  list.addEventListener("change", (event) => {
    const el = event.target;
    const row = el instanceof Element ? el.closest<HTMLElement>("li[data-article]") : null;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !row) return;
    clearMessages();
    if (el.dataset.field === "expires" && el.value !== "" && notInFuture(el.value)) {
      el.setAttribute("aria-invalid", "true");
      showError(`“${titleOf(row)}”的下线时间必须晚于现在（北京时间），没有保存。`);
      return;
    }
    el.removeAttribute("aria-invalid");
    const what = el.dataset.field === "expires" ? "下线时间" : el.dataset.field === "picture" ? "图片" : "推荐位标题";
    void save(`已保存“${titleOf(row)}”的${what}。`, () => load());
  });

  onClick(one("[data-save-mine] button", HTMLButtonElement), async () => {
    await save("已保存你的修改。", () => load());
    return null;
  });

  const search = one('[data-form="search"]', HTMLFormElement);
  const results = one("[data-results]", HTMLElement);
  const inSlot = (id: number) => list.querySelector(`li[data-article="${id}"]`) !== null;
  onSubmit(search, async () => {
    const answer = await searchArticles(field(search, "q"), true);
    if (!answer.ok) return answer;
    showHits(results, answer.value.items, {
      label: () => `加入${settings.name}`,
      refused: (hit) => (inSlot(hit.id) ? `已在${settings.name}中` : null),
      pick: async (hit, button) => {
        if (inSlot(hit.id)) return null;
        const row = itemRow({ article_id: hit.id, title: "", image: null, expires_at: null, article: { title: hit.title, url: hit.url, cover_image: null } }, 1, settings);
        list.prepend(row);
        await save(`已把“${hit.title}”加入${settings.name}，排在第 1 条。`, () => row.remove());
        if (row.isConnected) {
          const added = document.createElement("span");
          added.className = "hint";
          added.textContent = `已加入${settings.name}`;
          button.replaceWith(added);
          const heading = one("h3", HTMLElement, row);
          heading.tabIndex = -1;
          heading.focus();
        }
        return null;
      },
    });
    return null;
  });

  dragToReorder(reorder);
  reveal(search, maybe("[data-reorder-hint]", HTMLElement));
  one("#items-title", HTMLElement).setAttribute("tabindex", "-1");
  void load();
}
