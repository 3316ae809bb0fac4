// A deadline picked as a calendar day means the end of that day in the FACTORY's time zone, whatever
// zone the browser runs in (jest runs in the server's zone, which is not the zones below), and a stored
// instant shows as the factory's calendar day.
import { endOfLocalDayIso, localDayOf, setFormatLocale } from "@/components/format";

afterEach(() => setFormatLocale("en"));

test.each([
  ["Europe/Amsterdam", "2026-12-05", "2026-12-05T22:59:59.000Z"], // winter, UTC+1
  ["Europe/Amsterdam", "2026-07-01", "2026-07-01T21:59:59.000Z"], // summer, UTC+2
  ["Europe/Amsterdam", "2026-03-29", "2026-03-29T21:59:59.000Z"], // the day DST starts
  ["Europe/Amsterdam", "2026-10-25", "2026-10-25T22:59:59.000Z"], // the day DST ends
  ["America/New_York", "2026-12-05", "2026-12-06T04:59:59.000Z"],
  ["Asia/Kolkata", "2026-12-05", "2026-12-05T18:29:59.000Z"],
  ["UTC", "2026-12-05", "2026-12-05T23:59:59.000Z"],
])("in %s the day %s ends at %s", (zone, day, iso) => {
  setFormatLocale("nl", zone);
  expect(endOfLocalDayIso(day)).toBe(iso);
  // …and that instant is shown as the same calendar day in the factory.
  expect(localDayOf(iso)).toBe(day);
  // An explicit zone wins over the active one.
  expect(endOfLocalDayIso(day, zone)).toBe(iso);
});

test("an instant near midnight UTC is the factory's day, not UTC's", () => {
  setFormatLocale("en", "Europe/Amsterdam");
  expect(localDayOf("2026-12-05T23:30:00Z")).toBe("2026-12-06");
  setFormatLocale("en", "America/New_York");
  expect(localDayOf("2026-12-06T03:00:00Z")).toBe("2026-12-05");
});

test("anything but YYYY-MM-DD is refused", () => {
  expect(endOfLocalDayIso("5-12-2026")).toBeNull();
  expect(endOfLocalDayIso("")).toBeNull();
  expect(localDayOf(null)).toBe("");
});
