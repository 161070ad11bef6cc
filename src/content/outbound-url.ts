// Which URLs the Worker may fetch on an editor's behalf (a pasted picture on another site). The URL comes
// from a person, so it must not turn the Worker into a way into places only it can reach: only http and
// https on their usual ports, no credentials in the URL, and no host that names this machine, a private or
// link-local network, or a cloud metadata service — by name and by literal address (IPv4 in any spelling
// the URL standard accepts, IPv6, and IPv4 inside IPv6). Deployed, a Worker's fetch leaves from Cloudflare's
// network and cannot reach a private one; locally (wrangler dev, tests) it could, which these rules prevent
// for every name and address written in the URL. A public name that resolves to a private address is not
// caught here (the Worker cannot resolve names itself); that only matters where private networks are
// reachable at all, which a deployed Worker's are not. Pure.

/** Why a URL is refused, worded for the person who pasted it. */
type Refusal = { reason: "bad_url" | "refused_host"; message: string };

/** The ports a picture may be fetched from: http's and https's, and the alternates Cloudflare proxies. */
const PORTS = new Set(["", "80", "443", "8080", "8443"]);

/** Names that are this machine or a private network's, whatever they resolve to (RFC 6761, 6762, 8375). */
const PRIVATE_NAME = /(?:^|\.)(?:localhost|local|localdomain|internal|intranet|lan|home|corp|home\.arpa)$/;

type Range = { base: bigint; bits: number; width: 32 | 128 };

const v4 = (cidr: string): Range => {
  const [address = "", bits = "32"] = cidr.split("/");
  return { base: ipv4ToBigInt(address) ?? 0n, bits: Number(bits), width: 32 };
};
const v6 = (cidr: string): Range => {
  const [address = "", bits = "128"] = cidr.split("/");
  return { base: ipv6ToBigInt(address) ?? 0n, bits: Number(bits), width: 128 };
};

/** Addresses that are not the public Internet (RFC 6890 and its IPv6 counterpart, the IANA special-purpose registries). */
const REFUSED: Range[] = [
  v4("0.0.0.0/8"), // "this network"
  v4("10.0.0.0/8"), // private
  v4("100.64.0.0/10"), // carrier-grade NAT
  v4("127.0.0.0/8"), // loopback
  v4("169.254.0.0/16"), // link-local, and cloud metadata at 169.254.169.254
  v4("172.16.0.0/12"), // private
  v4("192.0.0.0/24"), // IETF protocol assignments
  v4("192.0.2.0/24"), // documentation
  v4("192.88.99.0/24"), // 6to4 relay
  v4("192.168.0.0/16"), // private
  v4("198.18.0.0/15"), // benchmarking
  v4("198.51.100.0/24"), // documentation
  v4("203.0.113.0/24"), // documentation
  v4("224.0.0.0/4"), // multicast
  v4("240.0.0.0/4"), // reserved, and the broadcast address
  v6("::/128"), // unspecified
  v6("::1/128"), // loopback
  v6("100::/64"), // discard
  v6("2001:db8::/32"), // documentation
  // Transition tunnels that carry an IPv4 address elsewhere than the last 32 bits (6to4 in bits 16–48, Teredo
  // its server's in 32–64 and its client's inverted): no picture a newsroom needs lives behind one.
  v6("2001::/32"), // Teredo
  v6("2002::/16"), // 6to4
  v6("fc00::/7"), // unique local
  v6("fe80::/10"), // link-local
  v6("fec0::/10"), // site-local (deprecated)
  v6("ff00::/8"), // multicast
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits: that address is judged instead. */
const EMBEDS_V4: Range[] = [v6("::ffff:0:0/96"), v6("::/96"), v6("64:ff9b::/96"), v6("64:ff9b:1::/48")];

function inRange(value: bigint, r: Range): boolean {
  const shift = BigInt(r.width - r.bits);
  return value >> shift === r.base >> shift;
}

function ipv4ToBigInt(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

function ipv6ToBigInt(s: string): bigint | null {
  let text = s;
  // A dotted IPv4 tail (::ffff:127.0.0.1) as two groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const v4value = ipv4ToBigInt(tail[1]);
    if (v4value === null) return null;
    text = `${text.slice(0, -tail[1].length)}${(v4value >> 16n).toString(16)}:${(v4value & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string | undefined) => (h ? h.split(":") : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** Whether a literal address (as the URL standard normalises it: dotted IPv4, or IPv6 in brackets) is refused. */
function refusedAddress(hostname: string): boolean | null {
  const four = ipv4ToBigInt(hostname);
  if (four !== null) return REFUSED.some((r) => r.width === 32 && inRange(four, r));
  if (!hostname.startsWith("[")) return null;
  const six = ipv6ToBigInt(hostname.slice(1, -1));
  if (six === null) return true;
  const embedding = EMBEDS_V4.find((r) => inRange(six, r));
  if (embedding) {
    const inner = six & 0xffffffffn;
    return REFUSED.some((r) => r.width === 32 && inRange(inner, r));
  }
  return REFUSED.some((r) => r.width === 128 && inRange(six, r));
}

const refusedHost = (host: string, why: string): Refusal => ({ reason: "refused_host", message: `${host}: ${why}` });

/** The URL to fetch, or why it may not be: its scheme, credentials, port and host are all checked. */
export function checkOutboundUrl(text: string, base?: URL): URL | Refusal {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { reason: "bad_url", message: "not a URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { reason: "bad_url", message: `only http and https addresses can be fetched, not ${url.protocol}` };
  if (url.username || url.password) return { reason: "bad_url", message: "an address with a user name or password is not fetched" };
  if (!PORTS.has(url.port)) return refusedHost(url.host, `port ${url.port} is not fetched (only 80, 443, 8080 and 8443)`);
  // The URL standard has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1, and lower-cased the name.
  const host = url.hostname.replace(/\.$/, "");
  const literal = refusedAddress(host);
  if (literal === true) return refusedHost(host, "a loopback, private, link-local or reserved address");
  if (literal === null) {
    if (!host.includes(".")) return refusedHost(host, "a name without a domain is a local one");
    // metadata.google.internal, the cloud metadata service's name, is one of these.
    if (PRIVATE_NAME.test(host)) return refusedHost(host, "a name for this machine or a private network");
  }
  return url;
}
