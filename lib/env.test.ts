import { EnvError, parseEnv } from "./env";

const base = { NODE_ENV: "test", NEXTAUTH_SECRET: "s".repeat(40) } as NodeJS.ProcessEnv;

describe("parseEnv", () => {
  test("a first run needs nothing: embedded database, defaults", () => {
    const e = parseEnv({ ...base, NODE_ENV: "development" });
    expect(e.embedded).toBe(true);
    expect(e.PGLITE_DIR).toBe(".data/pglite");
    expect(e.PORT).toBe(3000);
    expect(e.HOST).toBe("127.0.0.1");
    expect(e.ALLOW_NEGATIVE_STOCK).toBe(false);
  });

  test("DATABASE_URL selects Postgres; production binds all interfaces", () => {
    const e = parseEnv({ ...base, NODE_ENV: "production", DATABASE_URL: "postgresql://u@h:5432/db" });
    expect(e.embedded).toBe(false);
    expect(e.HOST).toBe("0.0.0.0");
  });

  test("production on Postgres without NEXTAUTH_SECRET stops with a message naming it", () => {
    const run = () => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@h:5432/db" } as NodeJS.ProcessEnv);
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/NEXTAUTH_SECRET: is required in production/);
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
