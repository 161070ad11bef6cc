// A stand-in WebSub hub for the tests, run by Miniflare as the test Worker's outbound service (vitest.config.ts):
// every fetch the Worker makes arrives here, in Node, instead of on the network. A hub URL names its behaviour:
//
//   http://hub.test/<run>/            answers 204 to every publish ping
//   http://hub.test/<run>/fail-<n>/   answers 503 to the first n pings of each feed, then 204
//   http://hub.test/<run>/refuse/     answers 400 to every ping
//   GET http://hub.test/<run>/…/received   what that hub has received, as JSON: [{ mode, url, status }]
//
// Any other host is refused (502): the tests reach nothing else.

type Received = { mode: string | null; url: string | null; status: number };

type Outbound = { method: string; url: string; text(): Promise<string> };

export function standInHub() {
  const received = new Map<string, Received[]>();
  return async function hub(request: Outbound): Promise<Response> {
    const url = new URL(request.url);
    if (url.hostname !== "hub.test") return new Response(`no network in the tests: ${url.origin}`, { status: 502 });
    if (request.method === "GET" && url.pathname.endsWith("/received")) {
      const base = url.pathname.slice(0, -"received".length);
      return Response.json(received.get(base) ?? []);
    }
    const form = new URLSearchParams(await request.text());
    const base = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
    const list = received.get(base) ?? [];
    const failFirst = Number(/\/fail-(\d+)\/$/.exec(base)?.[1] ?? 0);
    const tries = list.filter((r) => r.url === form.get("hub.url")).length;
    const status = base.endsWith("/refuse/") ? 400 : tries < failFirst ? 503 : 204;
    list.push({ mode: form.get("hub.mode"), url: form.get("hub.url"), status });
    received.set(base, list);
    return new Response(null, { status });
  };
}
