// What a service's result looks like after lib/http/serialize.ts `toJson` and JSON.stringify: the
// type the browser receives. The screens derive their API types from the services through it, so a
// changed service breaks the build instead of the screen. Type-only: it imports nothing at run time.
import type { Decimal } from "@prisma/client/runtime/client";

type Primitive = string | number | boolean | null;

/** Keys whose value may be undefined: toJson drops them, so they arrive optional. */
type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

type JsonObject<T> = {
  [K in keyof T as K extends string ? (K extends UndefinedKeys<T> ? never : K) : never]: Jsonify<T[K]>;
} & {
  [K in keyof T as K extends string ? (K extends UndefinedKeys<T> ? K : never) : never]?: Jsonify<Exclude<T[K], undefined>>;
};

/** Flattens an intersection into one object type (readable hovers and error messages). */
type Flat<T> = { [K in keyof T]: T[K] } & {};

/**
 * `T` as JSON through toJson: Date → ISO string, Prisma Decimal → number, bigint → number (a
 * string beyond 2^53), undefined properties dropped (undefined elsewhere → null), arrays and
 * objects converted deeply. `unknown` (e.g. a Json column) stays unknown.
 */
export type Jsonify<T> = unknown extends T
  ? unknown
  : T extends Date
    ? string
    : T extends Decimal
      ? number
      : T extends bigint
        ? number | string
        : T extends Primitive
          ? T
          : T extends undefined
            ? null
            : T extends readonly (infer U)[]
              ? Jsonify<U>[]
              : T extends object
                ? Flat<JsonObject<T>>
                : never;

/** The JSON a service's async function answers with (its resolved return value through toJson). */
export type JsonResult<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

/** The JSON of a write that returns `{ result, events }` (an Outcome): what the route sends is `result`. */
export type JsonOutcome<F extends (...args: never[]) => Promise<{ result: unknown }>> = Jsonify<Awaited<ReturnType<F>>["result"]>;

/** One element of a paged list's `items`. */
export type ItemOf<P extends { items: readonly unknown[] }> = P["items"][number];
