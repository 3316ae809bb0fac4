import { z } from "zod";
import { dateRangeQuery, endNotBeforeStart, instantRange, isoInstant, localTimeZone, timeZone } from "./dates";

describe("isoInstant", () => {
  const d = isoInstant();

  test.each(["1970-01-01", "2026-11-21", "2026-11-21T08:00:00Z", "2026-11-21T08:00:00.123+05:30", "9999-12-31", "9999-12-31T23:59:59.999Z"])("accepts %s", (s) => {
    expect(d.parse(s)).toEqual(new Date(s));
  });

  test.each(["0000-01-01", "1969-12-31", "1969-12-31T23:59:59Z", "+275760-09-13", "275760-09-13", "-100000-01-01", "+100000-01-01", "9999-12-31T23:00:00-05:00", "2026-02-30", "2026-13-01", "2026-11-21T10:00:00", "yesterday", "1700000000000", ""])(
    "refuses %s",
    (s) => {
      expect(d.safeParse(s).success).toBe(false);
    },
  );

  test("names the range in its message", () => {
    expect(d.safeParse("0000-01-01").error!.issues[0]!.message).toBe("must be between 1970-01-01 and 9999-12-31");
  });
});

describe("date ranges", () => {
  const q = dateRangeQuery.superRefine(endNotBeforeStart);

  test("a date-only end covers its whole day; an end before the start is refused on `to`", () => {
    expect(instantRange("2026-11-21", "2026-11-21")).toEqual({ gte: new Date("2026-11-21"), lt: new Date("2026-11-22") });
    expect(instantRange(undefined, "2026-11-21T10:00:00Z")).toEqual({ lte: new Date("2026-11-21T10:00:00Z") });
    expect(instantRange(undefined, undefined)).toBeUndefined();
    expect(q.safeParse({ from: "2026-11-21", to: "2026-11-21" }).success).toBe(true);
    expect(q.safeParse({ from: "2026-11-22", to: "2026-11-21" }).error!.issues[0]!.path).toEqual(["to"]);
    expect(q.safeParse({ from: "10000-01-01" }).success).toBe(false);
  });
});

describe("timeZone", () => {
  const tz = z.object({ tz: timeZone() });

  test("accepts IANA names, defaults to this runtime's zone, refuses the rest", () => {
    expect(tz.parse({ tz: "Europe/Amsterdam" }).tz).toBe("Europe/Amsterdam");
    expect(tz.parse({}).tz).toBe(localTimeZone());
    for (const bad of ["Mars/Olympus", "", "Europe/Amsterdam\u0000", "x".repeat(65), 5]) expect(tz.safeParse({ tz: bad }).success).toBe(false);
  });
});
