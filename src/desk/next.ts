// Where 登录 sends a person afterwards: back to the desk page they asked for, and never anywhere else — an
// open redirect on a sign-in page is a phishing kit's favourite part.

/** `/desk`, or a path under it (with its query), up to a sane length; anything else reads as `/desk`. */
const DESK_PATH = /^\/desk(?:[/?#][\x21-\x7e]*)?$/;

export function deskNext(raw: string | undefined | null): string {
  if (!raw || raw.length > 512 || !DESK_PATH.test(raw) || raw.includes("\\")) return "/desk";
  // The login page itself would be a loop.
  if (/^\/desk\/(?:login|logout|welcome)(?:[/?#]|$)/.test(raw)) return "/desk";
  return raw;
}
