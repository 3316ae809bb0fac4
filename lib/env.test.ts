import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EnvError, parseEnv } from "./env";
import { setupEnv } from "./env-setup";

const SECRET = "s".repeat(40);
const base = { NODE_ENV: "test", NEXTAUTH_SECRET: SECRET };
const PG = "postgresql://u@h:5432/db";

describe("parseEnv", () => {
  test("a first run needs nothing but a secret: embedded database, defaults", () => {
    const e = parseEnv({ ...base, NODE_ENV: "development" });
    expect(e.embedded).toBe(true);
    expect(e.PGLITE_DIR).toBe(".data/pglite");
    expect(e.PORT).toBe(3000);
    expect(e.HOST).toBe("127.0.0.1");
    expect(e.ALLOW_NEGATIVE_STOCK).toBe(false);
  });

  test("DATABASE_URL selects Postgres; production listens on 127.0.0.1 unless HOST says otherwise", () => {
    const e = parseEnv({ ...base, NODE_ENV: "production", DATABASE_URL: PG });
    expect(e.embedded).toBe(false);
    expect(e.HOST).toBe("127.0.0.1");
    expect(parseEnv({ ...base, NODE_ENV: "production", HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  test.each([
    ["on Postgres", { DATABASE_URL: PG }],
    ["on the embedded database", {}],
    ["with an empty secret", { NEXTAUTH_SECRET: "" }],
  ])("production %s without NEXTAUTH_SECRET stops with a message naming it", (_label, extra) => {
    const run = () => parseEnv({ NODE_ENV: "production", ...extra });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/NEXTAUTH_SECRET: is required in production/);
  });

  test("outside production a missing secret names the setup step that makes one", () => {
    expect(() => parseEnv({ NODE_ENV: "development" })).toThrow(/NEXTAUTH_SECRET: is required .*\.data\/dev-secret/);
  });

  test("parsing writes nothing: not its input, not process.env", () => {
    const source = Object.freeze({ NODE_ENV: "development", NEXTAUTH_SECRET: SECRET });
    const before = { ...process.env };
    expect(() => parseEnv(source)).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(process.env).toEqual(before);
  });

  test("every bad variable is named at once", () => {
    try {
      parseEnv({ ...base, DATABASE_URL: "mysql://x", PORT: "eighty", ALLOW_NEGATIVE_STOCK: "yes", NEXTAUTH_SECRET: "short" });
      throw new Error("expected parseEnv to throw");
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const msg = (err as Error).message;
      for (const name of ["DATABASE_URL", "PORT", "ALLOW_NEGATIVE_STOCK", "NEXTAUTH_SECRET"]) expect(msg).toContain(`- ${name}:`);
    }
  });

  test("flags accept true/false/1/0", () => {
    expect(parseEnv({ ...base, ALLOW_NEGATIVE_STOCK: "1", TRUST_PROXY: "true" })).toMatchObject({ ALLOW_NEGATIVE_STOCK: true, TRUST_PROXY: true });
    expect(parseEnv({ ...base, ALLOW_NEGATIVE_STOCK: "0" }).ALLOW_NEGATIVE_STOCK).toBe(false);
  });
});

describe("setupEnv (the explicit side-effect step)", () => {
  let dir: string;
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "mes-env-"));
    logs.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("development without a secret: creates .data/dev-secret (mode 600) once, then reuses it", () => {
    const dataDir = path.join(dir, ".data");
    const first: NodeJS.ProcessEnv = { NODE_ENV: "development" };
    const e = setupEnv({ target: first, dataDir, log });
    const file = path.join(dataDir, "dev-secret");
    expect(readFileSync(file, "utf8")).toBe(e.NEXTAUTH_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.NEXTAUTH_SECRET).toBe(e.NEXTAUTH_SECRET); // next-auth reads process.env too
    expect(first.AUTH_TRUST_HOST).toBe("true");
    expect(logs).toHaveLength(1);

    const second: NodeJS.ProcessEnv = { NODE_ENV: "development" };
    expect(setupEnv({ target: second, dataDir, log }).NEXTAUTH_SECRET).toBe(e.NEXTAUTH_SECRET);
    expect(logs).toHaveLength(1);
  });

  test("production never makes a secret up: no file, and the start stops naming NEXTAUTH_SECRET", () => {
    const dataDir = path.join(dir, ".data");
    expect(() => setupEnv({ target: { NODE_ENV: "production" }, dataDir, log })).toThrow(/NEXTAUTH_SECRET: is required in production/);
    expect(existsSync(dataDir)).toBe(false);
  });

  test("a configured secret and NEXTAUTH_URL are left as they are", () => {
    const target: NodeJS.ProcessEnv = { NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://mes.example.com" };
    const e = setupEnv({ target, dataDir: path.join(dir, ".data"), log });
    expect(e.NEXTAUTH_SECRET).toBe(SECRET);
    expect(target.AUTH_TRUST_HOST).toBeUndefined();
    expect(existsSync(path.join(dir, ".data"))).toBe(false);
  });
});
