// The two live regions every desk page has (src/desk/layout.ts): errors in the alert, outcomes in the status.
// A message survives a reload when the page reloads to show what changed (flash), and only that once.
import { one } from "./dom.ts";

const FLASH_KEY = "masthead-desk-flash";

const errorRegion = () => one("#desk-error", HTMLElement);
const statusRegion = () => one("#desk-status", HTMLElement);

export function showError(text: string): void {
  statusRegion().textContent = "";
  errorRegion().textContent = text;
}

export function showOk(text: string): void {
  errorRegion().textContent = "";
  statusRegion().textContent = text;
}

export function clearMessages(): void {
  errorRegion().textContent = "";
  statusRegion().textContent = "";
}

/** Reloads the page (so it shows the server's new state) and says `text` once it is back. */
export function reloadWith(text: string): void {
  sessionStorage.setItem(FLASH_KEY, text);
  location.reload();
}

/** Says what the page before the reload asked to be said. */
export function showFlash(): void {
  const text = sessionStorage.getItem(FLASH_KEY);
  if (text === null) return;
  sessionStorage.removeItem(FLASH_KEY);
  showOk(text);
}
