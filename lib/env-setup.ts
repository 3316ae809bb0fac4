// The one step of start-up that writes: before the first `env()`, server.ts and the db scripts call
// `setupEnv()`. Outside production it reads (or creates) a development secret in .data/dev-secret, so
// a first `npm run dev` needs no configuration; production never gets one made up (lib/env.ts refuses
// to start without NEXTAUTH_SECRET). It also tells next-auth to build its URLs from the Host header
// when no NEXTAUTH_URL is set (localhost, 127.0.0.1 and a tablet's LAN address all work).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, parseEnv, type Env } from "./env";

/** Reads the development secret from `dir`, creating it (mode 600) on first use; says so when it creates one. */
export function devSecret(dir: string, log: (m: string) => void = console.warn): string {
  const file = path.join(dir, "dev-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  log(`[env] NEXTAUTH_SECRET is not set: generated a development secret in ${file}. Set NEXTAUTH_SECRET for any shared or production deployment.`);
  return secret;
}

/**
 * Fills the defaults that need a side effect into `target` (process.env: next-auth reads it too),
 * then returns the validated environment. Throws EnvError naming every bad variable.
 */
export function setupEnv(opts: { target?: NodeJS.ProcessEnv; dataDir?: string; log?: (m: string) => void } = {}): Env {
  const target = opts.target ?? process.env;
  if (!target.NEXTAUTH_SECRET && target.NODE_ENV !== "production") {
    target.NEXTAUTH_SECRET = devSecret(opts.dataDir ?? path.resolve(".data"), opts.log);
  }
  if (!target.NEXTAUTH_URL && !target.AUTH_TRUST_HOST) target.AUTH_TRUST_HOST = "true";
  // A private object (tests) is parsed on its own, without touching the process-wide value.
  return target === process.env ? env() : parseEnv(target);
}
