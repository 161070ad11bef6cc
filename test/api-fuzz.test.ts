// The API fuzzed from its own document, as Schemathesis would fuzz it: for every operation, requests generated
// from the document's schemas — valid, at the bounds, and forbidden — with keys of each role and none, sent to
// the Worker; no answer may be a server error, have a status the document does not list or a body its schema
// does not allow, accept what the document forbids, or refuse with 400 a field the document allows. A bounded,
// seeded run here; `npm run check:api` runs ten times as many requests from another seed.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { apiDocument } from "../src/openapi/api.ts";
import { makeWorld } from "./fuzz/world.ts";
import { fuzz, summary } from "./fuzz/run.ts";

const scale = Number(env.FUZZ_SCALE ?? "1");
const seed = Number(env.FUZZ_SEED ?? "20261202");
const PER_OPERATION = Math.max(1, Math.round(90 * scale));

describe("the API, fuzzed from its OpenAPI document", () => {
  it(`answers ${PER_OPERATION} generated requests per operation as the document says`, { timeout: 600_000 * Math.max(1, scale) }, async () => {
    const report = await fuzz(apiDocument(), await makeWorld(), { seed, perOperation: PER_OPERATION });
    console.log(`seed ${seed}: ${summary(report)}`);
    expect(report.problems.map((p) => `${p.operation}: ${p.problem}\n    ${p.request}\n    → ${p.status} ${p.answer}`)).toEqual([]);
    // Every operation was reached, and not only with what it refuses — but the passkey ceremonies, whose
    // answers need a live authenticator's signature over a fresh challenge (test/openapi.test.ts makes them).
    const ceremonies = new Set(["passkeySignIn", "addPasskey"]);
    const neverSucceeded = [...report.statuses].filter(([id, counts]) => !ceremonies.has(id) && ![...counts.keys()].some((s) => s < 300)).map(([id]) => id);
    expect(neverSucceeded).toEqual([]);
  });
});
