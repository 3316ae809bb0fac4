import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v === "true" || v === "1"));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL (leave it unset for the embedded database)")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Where the embedded database keeps its files; `memory://` keeps it in memory (tests). */
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).optional(),
    ALLOW_NEGATIVE_STOCK: bool(false),
    /** Load the demo data on the first start of an empty embedded database (never on Postgres / production). */
    SEED_DEMO: bool(true),
    /** Trust X-Forwarded-For for the client address (only behind a proxy you control). */
    TRUST_PROXY: bool(false),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(10),
    LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production" && v.DATABASE_URL && !v.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required in production on Postgres (generate one with `openssl rand -base64 32`)",
      });
    }
    const oidc = [v.OIDC_ISSUER, v.OIDC_CLIENT_ID, v.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together" });
    }
  });

export type Env = z.infer<typeof schema> & { NEXTAUTH_SECRET: string; HOST: string; embedded: boolean };

/** Thrown (and printed by server.ts) when the environment is invalid; names every bad variable. */
export class EnvError extends Error {}

function devSecret(): string {
  const dir = path.resolve(".data");
  const file = path.join(dir, "dev-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  console.warn(
    `[env] NEXTAUTH_SECRET is not set: generated a development secret in ${file}. Set NEXTAUTH_SECRET for any shared or production deployment.`,
  );
  return secret;
}

/** Parses an environment object; exported for tests, the app uses `env()`. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const v = result.data;
  const secret = v.NEXTAUTH_SECRET ?? devSecret();
  if (!v.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = secret; // next-auth reads it too
  // Without NEXTAUTH_URL, next-auth builds its URLs from the Host header (so localhost, 127.0.0.1 and a
  // tablet's view of the LAN address all work). Set NEXTAUTH_URL in production behind a proxy.
  if (!v.NEXTAUTH_URL && !source.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";
  return {
    ...v,
    NEXTAUTH_SECRET: secret,
    HOST: v.HOST ?? (v.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1"),
    embedded: !v.DATABASE_URL,
  };
}

const g = globalThis as unknown as { __mesEnv?: Env };

/** The validated environment, parsed once per process (lazily, so `next build` never needs it). */
export function env(): Env {
  g.__mesEnv ??= parseEnv(process.env);
  return g.__mesEnv;
}
