// The environment, validated: `parseEnv` is pure (it reads the object it is given and returns a value;
// it writes nothing), `env()` parses process.env once per process. The side effects that make a first
// run need no configuration (a development secret in .data/, next-auth's host trust) live apart, in
// lib/env-setup.ts, which server.ts and the scripts call before anything reads `env()`.
import { z } from "zod";
import { isTimeZone, localTimeZone } from "./validation/dates";

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
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    NEXTAUTH_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).optional(),
    ALLOW_NEGATIVE_STOCK: bool(false),
    /** Load the demo data on the first start of an empty embedded database (never on Postgres / production). */
    SEED_DEMO: bool(true),
    /** With the demo data, also a month of generated production history of a small shop (lib/demo/history.ts). */
    SEED_DEMO_HISTORY: bool(true),
    /** Trust X-Forwarded-For for the client address (only behind a proxy you control). */
    TRUST_PROXY: bool(false),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(10),
    LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    /**
     * Minutes without an action after which an operator identified on a station (badge or PIN) is
     * dropped from it (lib/stations, docs/stations.md); the station itself stays signed in.
     */
    STATION_IDLE_MINUTES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(720).default(5)),
    /**
     * Operation order (lib/manufacturing/start-rules.ts): starting a WO whose earlier operation (lower
     * sequence, same MO) has not started is refused (strict, 409), allowed and flagged (warn), or not checked (off).
     */
    WO_SEQUENCE: z.preprocess((v) => (v === "" ? undefined : typeof v === "string" ? v.toLowerCase() : v), z.enum(["off", "warn", "strict"]).default("warn")),
    /**
     * Webhook deliveries (lib/webhooks, docs/webhooks.md): the first retry's delay, the longest delay
     * (the delay doubles per attempt up to it), how long a failing delivery is retried (a day), and
     * how long the receiver has to answer. Short values are for tests.
     */
    WEBHOOK_RETRY_BASE_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(10).max(3_600_000).default(30_000)),
    WEBHOOK_RETRY_MAX_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(10).max(86_400_000).default(3_600_000)),
    WEBHOOK_RETRY_WINDOW_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(100).max(7 * 86_400_000).default(86_400_000)),
    WEBHOOK_TIMEOUT_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(100).max(60_000).default(10_000)),
    /** How many deliveries one instance sends at once. */
    WEBHOOK_CONCURRENCY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(50).default(4)),
    /** How many WOs one person may have running (STARTED) at once; 0 = no limit. */
    MAX_RUNNING_WOS_PER_OPERATOR: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(1000).default(1)),
    /**
     * The factory's name, printed as the issuer of documents sent to customers (the lot certificate,
     * lib/lots/certificate.ts); unset, they say "MES", the app's name.
     */
    FACTORY_NAME: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() || undefined : v),
      z.string().max(120, "must be at most 120 characters").default("MES"),
    ),
    /**
     * The factory's IANA time zone: where "today", "this week", the daily buckets and "late" are
     * counted, and how exports and notifications print times. Defaults to the server's zone.
     */
    FACTORY_TIME_ZONE: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .max(64, "must be an IANA time zone, e.g. Europe/Amsterdam")
        .refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Amsterdam")
        .optional()
        .transform((v) => v ?? localTimeZone()),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message:
          v.NODE_ENV === "production"
            ? "is required in production, on either database (generate one with `openssl rand -base64 32`)"
            : "is required (server.ts and the db scripts generate a development one in .data/dev-secret through lib/env-setup.ts)",
      });
    }
  });

export type Env = z.infer<typeof schema> & { NEXTAUTH_SECRET: string; HOST: string; embedded: boolean };

/** Thrown (and printed by server.ts) when the environment is invalid; names every bad variable. */
export class EnvError extends Error {}

/**
 * Validates an environment object and returns the typed settings; pure (writes nothing, reads no
 * file). HOST defaults to 127.0.0.1 in every mode: listening on other interfaces is a choice
 * (`HOST=0.0.0.0`), never a default.
 */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const v = result.data;
  return { ...v, NEXTAUTH_SECRET: v.NEXTAUTH_SECRET!, HOST: v.HOST ?? "127.0.0.1", embedded: !v.DATABASE_URL };
}

// One parsed value per process, on globalThis: the compiled server and Next's bundles of the API
// routes each carry a copy of this module (see docs/architecture.md, "One instance per process").
const g = globalThis as unknown as { __mesEnv?: Env };

/** The validated environment, parsed once per process (lazily, so `next build` never needs it). */
export function env(): Env {
  g.__mesEnv ??= parseEnv(process.env);
  return g.__mesEnv;
}
