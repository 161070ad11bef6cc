// Placeholder: the cron handler is being built.
import type { Bindings } from "./env.ts";

export async function runScheduledPublishing(_env: Bindings, _now: number): Promise<void> {}
