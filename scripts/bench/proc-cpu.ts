// CPU time of the workerd process serving a port, read from /proc (Linux): CPU per request is what
// Workers bills, and on a shared machine it holds steady where requests per second do not.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";

/** Clock ticks per second, the unit of /proc/<pid>/stat's times (`getconf CLK_TCK`, 100 on Linux). */
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** Fields of /proc/<pid>/stat from field 3 on; the name in field 2 may hold spaces and parentheses. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).trim().split(" ");
}

/** User plus system CPU time of `pid`, all threads, in ms (proc(5): fields 14 utime and 15 stime). */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
}

/** The inode of the socket listening on `port` (any address), from /proc/net/tcp and tcp6. */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").split("\n").slice(1);
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of lines) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …; st 0A is LISTEN.
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A" && cols[9]) return cols[9];
    }
  }
  return null;
}

/** Children of `parent`, by the parent pid in field 4 of each process's stat. */
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return Number(statFields(pid)[1]) === parent;
      } catch {
        return false; // exited while we looked
      }
    });
}

/**
 * The child of `parent` that holds the socket listening on `port`: the workerd Miniflare spawned, proven
 * by the socket rather than assumed from its name.
 */
export function processListeningOn(port: number, parent = process.pid): number {
  const inode = listeningInode(port);
  if (!inode) throw new Error(`nothing listens on port ${port}`);
  const socket = `socket:[${inode}]`;
  for (const pid of childrenOf(parent)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    if (fds.some((fd) => { try { return readlinkSync(`/proc/${pid}/fd/${fd}`) === socket; } catch { return false; } })) return pid;
  }
  throw new Error(`port ${port} is not served by a child of process ${parent}`);
}
