// A person's language: PATCH /api/me saves it (null follows the browser), GET /api/me shows it, bad
// input is a 400 that writes nothing, the database refuses a language without a catalog; and the
// language each page is rendered in: the page guard's props (preference, else Accept-Language) and
// the sign-in page's (always the browser's), read from their getServerSideProps over real HTTP with
// the session cookie of a real sign-in. (<html lang> itself comes from pages/_document.tsx reading
// those props: the browser tests see the page; this API-only test server serves no pages.)
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GetServerSideProps } from "next";
import { ApiError } from "@/components/api";
import { formatDate, formatDateTime, formatMinutes, formatMoney, formatNumber, formatQty, parseDecimal } from "@/components/format";
import { errorTextIn, fieldTextIn, labelled } from "@/components/forms/messages";
import { guardPage } from "@/lib/auth/page-guard";
import { translator } from "@/lib/i18n/translator";
import { getServerSideProps as signInProps } from "@/pages/signin";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

let app: TestApp;
let pages: Server;
let pagesUrl: string;

// One URL per getServerSideProps, answering its result as JSON.
const HANDLERS: Record<string, GetServerSideProps> = {
  "/guarded": guardPage(null),
  "/users-only": guardPage("users:manage"),
  "/signin": signInProps as GetServerSideProps,
};

beforeAll(async () => {
  app = await startTestApp();
  pages = createServer((req, res) => {
    const handler = HANDLERS[req.url ?? ""];
    if (!handler) {
      res.statusCode = 404;
      res.end();
      return;
    }
    void handler({ req, res, resolvedUrl: req.url!, query: {} } as Parameters<GetServerSideProps>[0]).then(
      (out) => res.end(JSON.stringify(out)),
      (err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => pages.close(resolve));
  await app.close();
});

interface PageResult {
  props?: { locale: string; messages: Record<string, Record<string, unknown>>; timeZone: string; now: number; forbidden?: { user: { locale: string | null } } };
  redirect?: { destination: string };
}

/** A page's getServerSideProps result for a client (its cookies) and an Accept-Language header. */
async function page(path: string, who: Client | null, acceptLanguage?: string, status = 200): Promise<PageResult> {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = who.cookieHeader();
  if (acceptLanguage) headers["accept-language"] = acceptLanguage;
  const res = await fetch(pagesUrl + path, { headers });
  expect(res.status).toBe(status);
  return (await res.json()) as PageResult;
}

const localeInDb = async (email: string) => (await app.db.handle.prisma.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale;

describe("PATCH /api/me", () => {
  test("saves a language, GET /api/me shows it, and null goes back to following the browser", async () => {
    const viewer = await app.as("VIEWER");
    expect((await viewer.get<{ user: { locale: string | null } }>("/api/me")).body.user.locale).toBeNull();

    const saved = await viewer.patch<{ user: { locale: string | null; role: string } }>("/api/me", { locale: "nl" });
    expect(saved.status).toBe(200);
    expect(saved.body.user).toMatchObject({ locale: "nl", role: "VIEWER" });
    expect((await viewer.get<{ user: { locale: string } }>("/api/me")).body.user.locale).toBe("nl");
    expect(await localeInDb("viewer@demo.com")).toBe("nl");

    const cleared = await viewer.patch<{ user: { locale: string | null } }>("/api/me", { locale: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.user.locale).toBeNull();
    expect(await localeInDb("viewer@demo.com")).toBeNull();
  });

  test.each([
    ["a language without a catalog", { locale: "de" }],
    ["a tag with a region", { locale: "nl-NL" }],
    ["a number", { locale: 1 }],
    ["no locale at all", {}],
    ["another field of the user (the role)", { locale: "nl", role: "ADMIN" }],
    ["not an object", ["nl"]],
  ])("refuses %s with a 400 and writes nothing", async (_what, body) => {
    const sales = await app.as("SALES");
    const res = await sales.patch<{ error: { code: string; details?: { path: string }[] } }>("/api/me", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(await localeInDb("sales@demo.com")).toBeNull();
    expect((await app.db.handle.prisma.user.findUniqueOrThrow({ where: { email: "sales@demo.com" } })).role).toBe("SALES");
  });

  test("the invalid value's field is named in details, with zod's issue code", async () => {
    const res = await (await app.as("SALES")).patch<{ error: { details: { path: string; code: string }[] } }>("/api/me", { locale: "de" });
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: "locale", code: "invalid_value" })]);
  });

  test("a signed-out caller gets 401", async () => {
    const res = await app.anon().patch("/api/me", { locale: "nl" });
    expect(res.status).toBe(401);
  });

  test("the database itself refuses a language without a catalog", async () => {
    await expect(app.db.handle.prisma.$executeRaw`UPDATE "User" SET "locale" = 'de' WHERE "email" = 'sales@demo.com'`).rejects.toThrow(/User_locale_known|check constraint/i);
    expect(await localeInDb("sales@demo.com")).toBeNull();
  });
});

describe("the language a page is rendered in", () => {
  test("without a preference, a guarded page follows Accept-Language (and English when nothing fits)", async () => {
    const inventory = await app.as("INVENTORY");
    const nl = await page("/guarded", inventory, "nl-NL,nl;q=0.9,en;q=0.8");
    expect(nl.props?.locale).toBe("nl");
    expect(nl.props?.messages.common).toMatchObject({ signin: { title: "Aanmelden bij MES" } });
    expect(typeof nl.props?.timeZone).toBe("string");
    expect((await page("/guarded", inventory, "de-DE,fr;q=0.5")).props?.locale).toBe("en");
    expect((await page("/guarded", inventory)).props?.locale).toBe("en");
  });

  test("a saved preference wins over the browser, at once on the next page", async () => {
    const operator = await app.as("OPERATOR");
    expect((await operator.patch("/api/me", { locale: "nl" })).status).toBe(200);
    expect((await page("/guarded", operator, "en-US")).props?.locale).toBe("nl");
    expect((await operator.patch("/api/me", { locale: "en" })).status).toBe(200);
    const en = await page("/guarded", operator, "nl-NL");
    expect(en.props?.locale).toBe("en");
    expect(en.props?.messages.common).toMatchObject({ signin: { title: "Sign in to MES" } });
    // Another session of the same person (a second tab or device) gets it on its next page too.
    expect((await page("/guarded", operator.clone(), "nl-NL")).props?.locale).toBe("en");
  });

  test("the Forbidden page is in the person's language too, and shows their saved choice", async () => {
    const manager = await app.as("MANAGER");
    expect((await manager.patch("/api/me", { locale: "nl" })).status).toBe(200);
    const res = await page("/users-only", manager, "en", 403);
    expect(res.props?.locale).toBe("nl");
    expect(res.props?.forbidden?.user.locale).toBe("nl");
  });

  test("a signed-out visitor is sent to sign in, whose page follows the browser (never a preference)", async () => {
    expect((await page("/guarded", null, "nl")).redirect?.destination).toMatch(/^\/signin\?/);
    const nl = await page("/signin", null, "nl-BE,nl;q=0.9");
    expect(nl.props?.locale).toBe("nl");
    expect(nl.props?.messages.common).toMatchObject({ signin: { title: "Aanmelden bij MES" } });
    expect((await page("/signin", null, "en-GB")).props?.locale).toBe("en");
    expect((await page("/signin", null)).props?.locale).toBe("en");
  });
});

describe("numbers and dates in the person's language (components/format.ts)", () => {
  const day = "2026-11-29T10:05:00Z";
  test("Dutch: 1.234,5, 29-11-2026, € 1.234,50, 2 u 30 min; English keeps its forms", () => {
    expect(formatNumber(1234.5, "nl")).toBe("1.234,5");
    expect(formatQty(1234.5, "kg", "nl")).toBe("1.234,5 kg");
    // Intl keeps the symbol and amount together with a no-break space.
    expect(formatMoney(1234.5, "EUR", "nl")).toBe("€\u00a01.234,50");
    expect(formatMoney(1234.5, undefined, "nl")).toBe("1.234,50");
    expect(formatDate(day, "nl")).toBe("29-11-2026");
    expect(formatMinutes(150, "nl")).toBe("2 u 30 min");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatDate(day, "en")).toBe("Nov 29, 2026");
    expect(formatMinutes(150, "en")).toBe("2 h 30 min");
    expect(formatDateTime(day, "nl")).toMatch(/^29-11-2026,? \d{2}:05$/);
  });

  test.each([
    ["1,5", "nl", 1.5],
    ["1.234,5", "nl", 1234.5],
    ["1.234", "nl", 1234],
    ["1.5", "nl", 1.5],
    ["-0,25", "nl", -0.25],
    ["1,234.5", "en", 1234.5],
    ["1,234", "en", 1234],
    ["2,5", "en", 2.5],
    ["12", "en", 12],
  ])("%s typed in %s is %d", (text, locale, value) => {
    expect(parseDecimal(text, locale)).toBe(value);
  });

  test.each([
    ["1,234.5", "nl"],
    ["1.2.3", "nl"],
    ["1,2,3", "en"],
    ["12abc", "nl"],
  ])("%s typed in %s is not a number", (text, locale) => {
    expect(parseDecimal(text, locale)).toBeNaN();
  });
});

describe("errors in the person's language (components/forms/messages.ts)", () => {
  const te = (locale: "en" | "nl") => translator(locale, "errors") as unknown as Parameters<typeof errorTextIn>[1];
  const stock = new ApiError(409, "INSUFFICIENT_STOCK", "Not enough stock: STEEL-01 short by 7 pcs.");

  test("English shows the API's own message; Dutch translates by code; an unknown code keeps the English", () => {
    expect(errorTextIn(stock, te("en"), "en")).toBe("Not enough stock: STEEL-01 short by 7 pcs.");
    expect(errorTextIn(stock, te("nl"), "nl")).toBe("Niet genoeg voorraad hiervoor.");
    const named = new ApiError(409, "INSUFFICIENT_STOCK", "Not enough stock: STEEL-01 short by 2.5 kg.", { shortages: [{ sku: "STEEL-01", shortBy: 2.5, uom: "kg" }, { sku: "SCR-01", shortBy: 1200, uom: "pcs" }] });
    expect(errorTextIn(named, te("nl"), "nl")).toBe("Niet genoeg voorraad: STEEL-01 2,5 kg tekort, SCR-01 1.200 pcs tekort.");
    expect(errorTextIn(named, te("en"), "en")).toBe("Not enough stock: STEEL-01 short by 2.5 kg.");
    expect(errorTextIn(new ApiError(0, "NETWORK", "Cannot reach the server."), te("nl"), "nl")).toMatch(/^De server is niet bereikbaar/);
    expect(errorTextIn(new ApiError(502, "HTTP_502", "The server answered with an error (502)."), te("nl"), "nl")).toBe("De server gaf een fout (502). Probeer het opnieuw.");
    expect(errorTextIn(new ApiError(418, "TEAPOT", "I am a teapot."), te("nl"), "nl")).toBe("I am a teapot.");
    expect(errorTextIn(new Error("boom"), te("nl"), "nl")).toBe("Er ging iets mis. Probeer het opnieuw.");
  });

  test("field messages: the schema's known words, else zod's issue code with its bounds, after the label", () => {
    const nl = (issue: Parameters<typeof fieldTextIn>[0], label = "Aantal") => labelled(label, fieldTextIn(issue, te("nl"), "nl"));
    expect(nl({ path: "quantity", message: "must be greater than 0", code: "custom" })).toBe("Aantal moet groter dan 0 zijn");
    expect(nl({ path: "quantity", message: "Too small: expected number to be >=5", code: "too_small", origin: "number", minimum: 5 })).toBe("Aantal moet 5 of meer zijn");
    expect(nl({ path: "name", message: "Too big", code: "too_big", origin: "string", maximum: 120 }, "Naam")).toBe("Naam mag hoogstens 120 tekens hebben");
    expect(nl({ path: "name", message: "is required", code: "invalid_type", missing: true }, "Naam")).toBe("Naam is verplicht");
    expect(nl({ path: "email", message: "Invalid email", code: "invalid_format", format: "email" }, "E-mailadres")).toBe("E-mailadres moet een e-mailadres zijn");
    expect(nl({ path: "x", message: "Metal Table is counted in pcs: use a whole number", code: "weird" })).toBe("Metal Table is counted in pcs: use a whole number");
    expect(labelled("Quantity", fieldTextIn({ path: "quantity", message: "must be greater than 0", code: "custom" }, te("en"), "en"))).toBe("Quantity must be greater than 0");
  });
});
