import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "." });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  setupFiles: ["<rootDir>/tests/helpers/env.ts"],
  testMatch: [
    "<rootDir>/tests/integration/**/*.test.ts",
    "<rootDir>/lib/**/*.test.ts",
    // Real parallelism needs a real server: the concurrency suites run against Postgres only
    // (`.ci/run` runs the suite a second time with TEST_DATABASE_URL set).
    ...(process.env.TEST_DATABASE_URL ? ["<rootDir>/tests/concurrency/**/*.test.ts"] : []),
  ],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 60_000,
  // Integration suites share nothing but the machine: each makes its own database.
  maxWorkers: 1,
};

// Prisma 7's runtime loads its query compiler as an ES module and PGlite ships ESM: let SWC
// transform those two (next/jest would skip all of node_modules); next-intl and its ICU parser ship
// ESM only too (the form layer's messages use them). Run jest with
// --experimental-vm-modules (npm test does) for their dynamic imports.
const jestConfig = async () => {
  const resolved = await createJestConfig(config)();
  return {
    ...resolved,
    transformIgnorePatterns: ["/node_modules/(?!(@prisma/client|@electric-sql|next-intl|use-intl|intl-messageformat|@formatjs|icu-minify)/)", "^.+\\.module\\.(css|sass|scss)$"],
  };
};

export default jestConfig;
