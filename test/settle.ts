// A request to the Worker that returns only once everything it started after answering (waitUntil: the
// edge-cache purge of a change) has finished, so the next request sees its effect.
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";

export async function settledFetch(input: string, init: RequestInit = {}, bindings: Partial<typeof env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(input, init), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
