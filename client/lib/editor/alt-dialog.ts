// 插入图片：填写替代文字 — asked before a picture goes into 正文. A picture without alt text is not inserted:
// the dialog will not close on 插入 while the field is blank, and 取消 answers null. Focus returns where it was.
import { one } from "../dom.ts";

export type AltAnswer = { alt: string; caption: string };

export type AltDialog = { ask(preview: string, name: string, suggested?: string): Promise<AltAnswer | null> };

export function altDialog(): AltDialog {
  const dialog = one("[data-alt-dialog]", HTMLDialogElement);
  const form = one("[data-alt-form]", HTMLFormElement, dialog);
  const alt = one("[data-alt-text]", HTMLInputElement, dialog);
  const caption = one("[data-alt-caption]", HTMLInputElement, dialog);
  const error = one("[data-alt-error]", HTMLElement, dialog);
  const preview = one("[data-alt-preview]", HTMLImageElement, dialog);
  const file = one("[data-alt-file]", HTMLElement, dialog);
  let answer: ((a: AltAnswer | null) => void) | null = null;

  const finish = (a: AltAnswer | null) => {
    const resolve = answer;
    answer = null;
    if (dialog.open) dialog.close();
    resolve?.(a);
  };
  const blank = (show: boolean) => {
    error.textContent = show ? "请填写替代文字：没有替代文字的图片不能插入正文。" : "";
    alt.setAttribute("aria-invalid", show ? "true" : "false");
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = alt.value.trim();
    if (text === "") {
      blank(true);
      alt.focus();
      return;
    }
    finish({ alt: text, caption: caption.value.trim() });
  });
  alt.addEventListener("input", () => {
    if (alt.value.trim() !== "") blank(false);
  });
  one("[data-alt-cancel]", HTMLButtonElement, dialog).addEventListener("click", () => finish(null));
  // Esc closes a modal dialog by itself: that is 取消 too.
  dialog.addEventListener("close", () => finish(null));

  return {
    ask(src, name, suggested = "") {
      finish(null);
      preview.src = src;
      preview.hidden = src === "";
      file.textContent = name === "" ? "" : `文件：${name}`;
      alt.value = suggested;
      caption.value = "";
      blank(false);
      dialog.showModal();
      alt.focus();
      return new Promise((resolve) => {
        answer = resolve;
      });
    },
  };
}
