// D1 read replication through the Sessions API: editors get a bookmark of their own write and may send it
// back to read a copy at least that new; readers never get one (nothing on a public page may keep it out of
// a cache); a malformed bookmark is refused before it reaches D1.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";

describe("read replicas", () => {
  it("answers an editor's write with a bookmark, which reads that write back", async () => {
    const editor = await makeKey("editor");
    const section = uniqueSlug("rr");
    await makeSection(section);
    const created = await settledFetch(`${ORIGIN}/api/v1/admin/articles`, {
      method: "POST",
      headers: { ...editor.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ section, title: "副本测试" }),
    });
    const bookmark = created.headers.get("x-d1-bookmark");
    expect(bookmark).toMatch(/^[0-9a-f]+(-[0-9a-f]+)+$/);
    const { id } = (await created.json()) as { id: number };
    const readBack = await settledFetch(`${ORIGIN}/api/v1/admin/articles/${id}`, { headers: { ...editor.headers, "x-d1-bookmark": bookmark ?? "" } });
    expect(readBack.status).toBe(200);
  });

  it("never sends readers a bookmark, ignores one without a verified key, and refuses a malformed one beside a key", async () => {
    const page = await settledFetch(`${ORIGIN}/api/v1/sections`);
    expect(page.headers.get("x-d1-bookmark")).toBeNull();
    expect(page.headers.get("Set-Cookie")).toBeNull();
    const editor = await makeKey("editor");
    for (const bad of ["not-a-bookmark", "0".repeat(500), "12345678-xyz"]) {
      // A reader's bookmark, well-formed or not, changes nothing: the answer comes from the cache like anyone's.
      const reader = await settledFetch(`${ORIGIN}/api/v1/sections`, { headers: { "x-d1-bookmark": bad } });
      expect(reader.status, bad).toBe(200);
      expect(reader.headers.get("X-Cache"), bad).not.toBe("BYPASS");
      const res = await settledFetch(`${ORIGIN}/api/v1/sections`, { headers: { ...editor.headers, "x-d1-bookmark": bad } });
      expect(res.status, bad).toBe(400);
    }
    const wellFormed = await settledFetch(`${ORIGIN}/api/v1/sections`, { headers: { "x-d1-bookmark": "0000000a-00000001-00004f0c-a8e5d0f0c5b6d6a1b6c6d6e6f606a6b6" } });
    expect(wellFormed.headers.get("X-Cache")).not.toBe("BYPASS");
  });
});

describe("which copy a reader's answer is read from", () => {
  /** A D1 binding that records the constraint each session was opened with. */
  function recording() {
    const constraints: string[] = [];
    const db = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "withSession") {
          return (constraint: string) => {
            constraints.push(constraint);
            return target.withSession(constraint);
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return { db, constraints };
  }

  it("reads an answer the edge cache will keep from the primary, and one it will not from a replica", async () => {
    const section = uniqueSlug("rr");
    await makeSection(section);
    const kept = recording();
    await settledFetch(`${ORIGIN}/html/${section}/`, {}, { DB: kept.db });
    expect(kept.constraints).toEqual(["first-primary"]);
    const uncached = recording();
    await settledFetch(`${ORIGIN}/html/${section}/`, {}, { DB: uncached.db, EDGE_CACHE: "off" });
    expect(uncached.constraints).toEqual(["first-unconstrained"]);
    const bypassing = recording();
    const editor = await makeKey("editor");
    await settledFetch(`${ORIGIN}/html/${section}/`, { headers: editor.headers }, { DB: bypassing.db });
    expect(bypassing.constraints).toEqual(["first-unconstrained"]);
  });
});
