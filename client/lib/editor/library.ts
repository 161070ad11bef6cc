// 图片库: the uploads, newest first, searched by alt text and caption (GET /api/v1/admin/images?q=), a page at a
// time (加载更多 follows the cursor); choosing one puts it into 正文 at the cursor. A picture without alt text
// is listed but cannot be chosen, as for 封面.
import { fail } from "../forms.ts";
import { one } from "../dom.ts";
import { type Image, listImages } from "./uploads.ts";

export function imageLibrary(choose: (image: Image) => void): { open(): void } {
  const dialog = one("[data-library]", HTMLDialogElement);
  const search = one("[data-library-search]", HTMLFormElement, dialog);
  const q = one("[data-library-q]", HTMLInputElement, dialog);
  const list = one("[data-library-list]", HTMLUListElement, dialog);
  const state = one("[data-library-state]", HTMLElement, dialog);
  const more = one("[data-library-more]", HTMLButtonElement, dialog);
  let cursor: string | null = null;
  let asked = "";

  function item(image: Image): HTMLLIElement {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const img = document.createElement("img");
    img.src = image.url;
    img.alt = "";
    img.loading = "lazy";
    const words = document.createElement("span");
    words.textContent = image.alt === "" ? "缺少替代文字，不能插入" : image.alt;
    button.append(img, words);
    if (image.caption !== "") {
      const caption = document.createElement("span");
      caption.className = "hint";
      caption.textContent = `图片说明：${image.caption}`;
      button.append(caption);
    }
    button.disabled = image.alt === "";
    button.addEventListener("click", () => {
      dialog.close();
      choose(image);
    });
    li.append(button);
    return li;
  }

  async function load(fresh: boolean): Promise<void> {
    if (fresh) {
      asked = q.value.trim();
      cursor = null;
    }
    state.textContent = "正在载入…";
    more.disabled = true;
    const page = await listImages(asked, cursor);
    more.disabled = false;
    if (!page.ok) {
      state.textContent = "";
      return fail(page.error);
    }
    if (fresh) list.replaceChildren();
    list.append(...page.value.items.map(item));
    cursor = page.value.next_cursor;
    more.hidden = cursor === null;
    const n = list.children.length;
    state.textContent = n === 0 ? (asked === "" ? "图片库里还没有图片。" : `没有替代文字或图片说明含“${asked}”的图片。`) : `${asked === "" ? "最近上传的" : `替代文字或图片说明含“${asked}”的`} ${n} 张图片${cursor === null ? "" : "（还有更多）"}`;
  }

  search.addEventListener("submit", (event) => {
    event.preventDefault();
    void load(true);
  });
  more.addEventListener("click", () => void load(false));
  one("[data-library-close]", HTMLButtonElement, dialog).addEventListener("click", () => dialog.close());

  return {
    open() {
      dialog.showModal();
      q.focus();
      void load(true);
    },
  };
}
