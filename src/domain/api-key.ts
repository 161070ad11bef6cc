// API keys: one of the two kinds of actor (src/domain/actor.ts), for tools and scripts; its id is an actor id.
import type { Role } from "./role.ts";

export type ApiKey = {
  id: number;
  name: string;
  role: Role;
  /** The 8 characters after `mh_`, shown in listings so people can tell keys apart. */
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

/** A freshly made key: `key` is shown once to whoever asked for it, only `prefix` and `hash` are stored. */
export type KeyMaterial = { key: string; prefix: string; hash: string };
