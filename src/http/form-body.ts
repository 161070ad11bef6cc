// Reads an HTML form's body (application/x-www-form-urlencoded), bounded like a JSON body: the desk's sign-in
// and sign-out forms, which work without JavaScript.
import type { Context } from "hono";
import { DomainError } from "../domain/errors.ts";
import { readBounded } from "./json-body.ts";

/** The form's fields (WHATWG URL's form parsing); 415 for anything that is not a urlencoded form. */
export async function readForm(c: Context, maxBytes: number): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded\s*(?:;|$)/i.test(c.req.header("Content-Type") ?? "")) {
    throw new DomainError("unsupported_media_type", "Send the form as application/x-www-form-urlencoded");
  }
  return new URLSearchParams(await readBounded(c.req.raw, maxBytes));
}
