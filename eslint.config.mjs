import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "dist/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "tests/e2e/artifacts/**", "bench/tmp/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/ is the server and shared core: it must never reach into the UI.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/pages/**", "**/components/**", "@/pages/*", "@/components/*"], message: "lib/ never imports pages/ or components/." }] }],
    },
  },
];

export default config;
