// Placeholder area: being built.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

export const publicApi = new Hono<AppEnv>();
