// Test environment, set before any module reads it (lib/env parses once per test file).
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.BCRYPT_COST ??= "10";
process.env.PGLITE_DIR = "memory://";
process.env.SEED_DEMO = "false";
process.env.SEED_DEMO_HISTORY = "false"; // tests start from the bare demo seed; fake-data.test.ts turns it on
process.env.AUTH_TRUST_HOST ??= "true"; // as server.ts's setupEnv(): next-auth builds its URLs from the Host header
delete process.env.DATABASE_URL; // tests choose their database explicitly (TEST_DATABASE_URL)
