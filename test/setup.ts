// Applies the migrations to the test D1 before each test file; applyD1Migrations skips those already applied.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
