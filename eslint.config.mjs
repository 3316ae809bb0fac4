import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * INSERT INTO / UPDATE / DELETE FROM / TRUNCATE on a stock table, in any case. Only the quoted name
 * can reach the table (Postgres folds unquoted names to lower case), so prose stays allowed.
 */
const STOCK_SQL_WRITE = String.raw`/(insert\s+into|update|delete\s+from|truncate(\s+table)?)\s+"stock(level|entry|balance)"/i`;

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "dist/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "tests/e2e/artifacts/**", "bench/tmp/**", "public/sw.js"],
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
  {
    // lib/stock is the only writer of the stock ledger (StockLevel + StockBalance + StockEntry): every other write
    // would bypass its row locks and break "onHand = sum of changes = newest balanceAfter". Tests
    // and benches that must write it by hand use one documented helper each.
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["lib/stock/**", "tests/helpers/ledger.ts", "bench/ledger.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/][callee.object.property.name=/^stock(Level|Entry|Balance)$/]",
          message: "Only lib/stock writes StockLevel/StockEntry: post through postStock or use a lib/stock export (ensureStockLevel, lockLevels, dropLevel).",
        },
        {
          // Nested writes through a relation, e.g. product.create({ data: { stockLevel: { create: {} } } }).
          selector:
            "Property[key.name=/^(stockLevel|stockEntries|stockBalances)$/] > ObjectExpression > Property[key.name=/^(create|createMany|connectOrCreate|upsert|update|updateMany|set|delete|deleteMany)$/]",
          message: "Only lib/stock writes StockLevel/StockEntry: no nested writes through stockLevel/stockEntries elsewhere.",
        },
        {
          selector: `TemplateElement[value.raw=${STOCK_SQL_WRITE}], Literal[value=${STOCK_SQL_WRITE}]`,
          message: "Raw SQL writes to StockLevel/StockEntry belong in lib/stock (tests: tests/helpers/ledger.ts; bench: bench/ledger.ts).",
        },
      ],
    },
  },
  {
    // components/ run in the browser: from lib/ they take types only (`import type` is erased), except
    // the browser-safe modules below, so no server code (Prisma, pg, node:*) reaches the bundle.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: String.raw`^(@/|(\.\./)+)lib/(?!([\w-]+/schemas|auth/permissions|auth/callback-url|i18n/config|manufacturing/states|manufacturing/board-schemas|products/units|scan/codes|scan/decode|stock/order-note|validation(/[\w-]+)?|db/generated/enums)$)`,
              allowTypeImports: true,
              message: "Components import server modules as types only (`import type`); values only from lib's browser-safe modules (schemas, board-schemas, permissions, callback-url, i18n/config, states, units, scan codes and decoder, stock/order-note, validation, enums).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
