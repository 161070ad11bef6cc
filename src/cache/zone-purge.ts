// Purge by tag through Cloudflare's zone purge API (every plan since April 2025; rate-limited by plan, at
// most 100 tags a request on Free), for Cache API copies in every data centre: cache.put honours Cache-Tag.
const TAGS_PER_REQUEST = 100;

export type ZonePurgeResult = { success: boolean; errors: { code?: number; message: string }[] };

export async function zonePurge(zone: { id: string; token: string }, tags: readonly string[] | "everything"): Promise<ZonePurgeResult> {
  const bodies =
    tags === "everything"
      ? [{ purge_everything: true }]
      : Array.from({ length: Math.ceil(tags.length / TAGS_PER_REQUEST) }, (_, i) => ({ tags: tags.slice(i * TAGS_PER_REQUEST, (i + 1) * TAGS_PER_REQUEST) }));
  const errors: ZonePurgeResult["errors"] = [];
  for (const body of bodies) {
    const res = await fetch(`https://api.cloudflare.com/client/v4/zones/${encodeURIComponent(zone.id)}/purge_cache`, {
      method: "POST",
      headers: { Authorization: `Bearer ${zone.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => null)) as { success?: boolean; errors?: { code?: number; message: string }[] } | null;
    if (!res.ok || answer?.success !== true) errors.push(...(answer?.errors?.length ? answer.errors : [{ code: res.status, message: res.statusText }]));
  }
  return { success: errors.length === 0, errors };
}
