// Server-Timing entries go out as one header line. Two lines of one header are one header to HTTP, but not to
// every proxy on the way (wrangler dev's folds them, the browser's devtools and curl show them apart): one
// line reads the same everywhere.
export function addServerTiming(headers: Headers, entry: string): void {
  const before = headers.get("Server-Timing");
  headers.set("Server-Timing", before ? `${before}, ${entry}` : entry);
}
