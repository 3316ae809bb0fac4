// The screens' API types are the services' result types through Jsonify (types/json.ts); this keeps
// that type honest against what lib/http/serialize.ts `toJson` really produces. tsc checks the type
// half (the assertions below do not compile if Jsonify drifts), jest the value half.
import { Prisma } from "@/lib/db/generated/client";
import { toJson } from "@/lib/http/serialize";
import type { Jsonify } from "@/types/json";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when T is true. */
function assertType<T extends true>(): T | void {}

interface Row {
  at: Date;
  endedAt: Date | null;
  qty: Prisma.Decimal;
  cost: Prisma.Decimal | null;
  id: bigint;
  note?: string;
  maybe: string | undefined;
  payload: unknown;
  lines: { q: Prisma.Decimal; when: Date }[];
  holes: (number | undefined)[];
  tags: readonly string[];
}

type Expected = {
  at: string;
  endedAt: string | null;
  qty: number;
  cost: number | null;
  id: number | string;
  note?: string;
  maybe?: string;
  // unknown may be undefined, and toJson drops undefined properties.
  payload?: unknown;
  lines: { q: number; when: string }[];
  holes: (number | null)[];
  tags: string[];
};

test("Jsonify<T> is the type of toJson(value: T)", () => {
  assertType<Equal<Jsonify<Row>, Expected>>();
  assertType<Equal<Jsonify<Date | null>, string | null>>();
  assertType<Equal<Jsonify<undefined>, null>>();

  const row: Row = {
    at: new Date("2026-01-02T03:04:05.000Z"),
    endedAt: null,
    qty: new Prisma.Decimal("12.5"),
    cost: null,
    id: 7n,
    maybe: undefined,
    payload: { kept: [1, "a"] },
    lines: [{ q: new Prisma.Decimal("0.0001"), when: new Date(0) }],
    holes: [1, undefined],
    tags: ["x"],
  };
  const expected: Jsonify<Row> = {
    at: "2026-01-02T03:04:05.000Z",
    endedAt: null,
    qty: 12.5,
    cost: null,
    id: 7,
    payload: { kept: [1, "a"] },
    lines: [{ q: 0.0001, when: "1970-01-01T00:00:00.000Z" }],
    holes: [1, null],
    tags: ["x"],
  };
  // toStrictEqual: an undefined property must be gone, not present as undefined.
  expect(toJson(row)).toStrictEqual(expected);
  // Beyond 2^53 a bigint id arrives as a string, which is why Jsonify<bigint> is number | string.
  expect(toJson({ ...row, id: 2n ** 60n })).toMatchObject({ id: (2n ** 60n).toString() });
});
