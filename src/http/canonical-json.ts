// One text per JSON value, whatever order its members were sent in: object members sorted by name in
// UTF-16 code units, as RFC 8785 (JCS) §3.2.3 orders them; arrays keep their order; numbers and strings
// serialized as JSON.stringify does (the ECMAScript form JCS §3.2.2 uses). The Idempotency-Key fingerprint.

/** `value` must be what JSON.parse returned, already bounded in depth (readJson checks that first). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
