// What one sign-in costs in CPU, the number that decides the Workers plan (docs/people.md): a password
// check is one PBKDF2-SHA-256 derivation at PASSWORD_ITERATIONS; a passkey check is one ES256 signature
// verification. Measured inside workerd (Miniflare, where WebCrypto runs on the request's own thread, so
// the time is CPU time) and in Node with process.cpuUsage() as a second opinion.
//
//   node scripts/bench/sign-in-cpu.ts [--runs 20]
import { parseArgs } from "node:util";
import { Miniflare } from "miniflare";
import { PASSWORD_ITERATIONS, hashPassword, verifyPassword } from "../../src/auth/password.ts";
import { wranglerConfig } from "../bindings/local-env.ts";

// Runs each check `runs` times inside workerd and answers the milliseconds of each.
const WORKER = `
export default {
  async fetch(request) {
    const { iterations, runs } = await request.json();
    const enc = new TextEncoder();
    const times = { pbkdf2: [], es256: [] };
    const key = await crypto.subtle.importKey("raw", enc.encode("correct horse battery staple"), "PBKDF2", false, ["deriveBits"]);
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const data = crypto.getRandomValues(new Uint8Array(300));
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, data);
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: crypto.getRandomValues(new Uint8Array(16)), iterations }, key, 256);
      times.pbkdf2.push(performance.now() - t);
      // One verification is below workerd's clock resolution: time a hundred.
      t = performance.now();
      for (let j = 0; j < 100; j++) await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, pair.publicKey, signature, data);
      times.es256.push((performance.now() - t) / 100);
    }
    return Response.json(times);
  },
};`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function inWorkerd(runs: number) {
  const mf = new Miniflare({ modules: true, script: WORKER, compatibilityDate: wranglerConfig().compatibilityDate });
  try {
    const res = await mf.dispatchFetch("http://bench.local/", { method: "POST", body: JSON.stringify({ iterations: PASSWORD_ITERATIONS, runs }) });
    return (await res.json()) as { pbkdf2: number[]; es256: number[] };
  } finally {
    await mf.dispose();
  }
}

async function inNode(runs: number): Promise<number[]> {
  const stored = await hashPassword("correct horse battery staple");
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    await verifyPassword("correct horse battery staple", stored);
    const used = process.cpuUsage(before);
    out.push((used.user + used.system) / 1000);
  }
  return out;
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error("--runs must be a positive whole number");
const workerd = await inWorkerd(runs);
const node = await inNode(runs);
console.log(`PBKDF2-SHA-256 at ${PASSWORD_ITERATIONS.toLocaleString("en-US")} iterations, median of ${runs}:`);
console.log(`  inside workerd   ${ms(median(workerd.pbkdf2))} (min ${ms(Math.min(...workerd.pbkdf2))}, max ${ms(Math.max(...workerd.pbkdf2))})`);
console.log(`  Node CPU time    ${ms(median(node))}`);
console.log(`ES256 signature verification (a passkey sign-in), inside workerd: ${ms(median(workerd.es256))}`);
