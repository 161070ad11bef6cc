// Who a desk page is for: the person of a live desk session, or the one Cloudflare Access vouches for (one
// lookup, shared with the admin API's middleware: src/auth/person.ts). Without one the page is not refused
// but answered with 303 to 登录, which comes back here afterwards; a session that ended, 登录 says so. An API
// key is no person: the desk is for people.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import type { SignedIn } from "../domain/staff.ts";
import { signedInPerson } from "../auth/person.ts";
import { sessionTokenOf } from "../auth/cookie.ts";
import type { DeskPerson } from "./layout.ts";

/** The path of 登录 that brings the person back to the page asked for. */
export function loginUrl(c: Context<AppEnv>, ended: boolean): string {
  const url = new URL(c.req.url);
  const next = encodeURIComponent(`${url.pathname}${url.search}`);
  return `/desk/login?next=${next}${ended ? "&expired=1" : ""}`;
}

/** Sets the person, and the actor the role checks read, for the rest of the request. */
function actAs(c: Context<AppEnv>, person: SignedIn): void {
  const { staff } = person;
  c.set("actor", { kind: "staff", id: staff.id, name: staff.displayName, role: staff.role });
  c.set("signedIn", person);
}

/** Mount before every desk page but 登录 and the link landing: the person, or 303 to 登录. */
export function deskPerson(): MiddlewareHandler<AppEnv> {
  return async function deskPerson(c, next) {
    const person = await signedInPerson(c);
    if (!person) return c.redirect(loginUrl(c, sessionTokenOf(c) !== undefined), 303);
    actAs(c, person);
    await next();
  };
}

/** The person as the desk's frame shows them (set by deskPerson). */
export function personOf(c: Context<AppEnv>): DeskPerson {
  const { staff } = c.get("signedIn");
  return { displayName: staff.displayName, role: staff.role };
}
