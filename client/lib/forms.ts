// A form the desk sends with a script: the page stays put, the button waits while the request is out, a
// failure is said in the alert region (or, for a signed-out person, leads back to 登录).
import type { Answer, ApiError } from "./api.ts";
import { maybe } from "./dom.ts";
import { clearMessages, showError } from "./live.ts";
import { messageFor } from "./messages.ts";

/** The session ended (expired, signed out elsewhere, disabled): back to 登录, then back here. */
export function toLogin(): void {
  const next = `${location.pathname}${location.search}`;
  location.assign(`/desk/login?expired=1&next=${encodeURIComponent(next)}`);
}

/** Says what went wrong; a 401 on a signed-in page means the session is gone, so it goes to 登录 instead. */
export function fail(error: ApiError): void {
  if (error.status === 401 && error.code !== "invalid_credentials") return toLogin();
  showError(messageFor(error));
}

/** Runs `action` with `button` disabled, so a second press cannot send it twice. */
export async function busy<T>(button: HTMLButtonElement | null, action: () => Promise<T>): Promise<T> {
  if (button) button.disabled = true;
  try {
    return await action();
  } finally {
    if (button) button.disabled = false;
  }
}

/** Takes over `form`'s submit: `handler` gets the form; its answer is checked for failure here. */
export function onSubmit(form: HTMLFormElement, handler: (form: HTMLFormElement) => Promise<Answer<unknown> | null>): void {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearMessages();
    const button = maybe("button[type=submit]", HTMLButtonElement, form);
    void busy(button, async () => {
      const answer = await handler(form);
      if (answer && !answer.ok) fail(answer.error);
    });
  });
}

/** Takes over a button's click, the same way. */
export function onClick(button: HTMLButtonElement, handler: () => Promise<Answer<unknown> | null>): void {
  button.addEventListener("click", () => {
    clearMessages();
    void busy(button, async () => {
      const answer = await handler();
      if (answer && !answer.ok) fail(answer.error);
    });
  });
}
