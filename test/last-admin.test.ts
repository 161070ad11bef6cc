// The API never revokes the last active admin key: nobody could manage keys through it afterwards. The key
// CLI may, since it can always make another. (This file's storage is its own, so the keys made here are the only ones.)
import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { tool } from "../src/domain/actor.ts";
import { listApiKeys, revokeApiKey } from "../src/db/keys.ts";
import { makeKey } from "./keys-fixture.ts";

const revoke = (id: number, headers: Record<string, string>) =>
  exports.default.fetch(`http://localhost/api/v1/admin/keys/${id}/revoke`, { method: "POST", headers });

describe("revoking admin keys", () => {
  it("revokes another admin's key but refuses the last active one", async () => {
    const first = await makeKey("admin");
    const second = await makeKey("admin");
    expect((await revoke(second.key.id, first.headers)).status).toBe(200);
    const last = await revoke(first.key.id, first.headers);
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe("last_admin_key");
    const stillWorks = await exports.default.fetch("http://localhost/api/v1/admin/keys", { headers: first.headers });
    expect(stillWorks.status).toBe(200);
    // Only the revoke that happened is in the audit log.
    const { results } = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'key.revoke'").all<{ detail: string }>();
    expect(results.map((r) => (JSON.parse(r.detail) as { id: number }).id)).toEqual([second.key.id]);
  });

  it("lets the key CLI revoke even the last active admin key, so a leaked one can be stopped", async () => {
    const key = await makeKey("admin");
    const cli = tool("key CLI (test)", "admin");
    for (const admin of (await listApiKeys(env.DB)).filter((k) => k.role === "admin" && k.revokedAt === null)) {
      expect((await revokeApiKey(env.DB, admin.id, cli, { evenLastAdmin: true }))?.revokedAt).not.toBeNull();
    }
    expect((await exports.default.fetch("http://localhost/api/v1/admin/keys", { headers: key.headers })).status).toBe(401);
    const { results } = await env.DB.prepare("SELECT key_name FROM audit_log WHERE action = 'key.revoke' AND detail LIKE ?").bind(`%"id":${key.key.id},%`).all<{ key_name: string }>();
    expect(results).toEqual([{ key_name: "key CLI (test)" }]);
  });
});
