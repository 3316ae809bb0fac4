// A person's language: PATCH /api/me saves it (null follows the browser), GET /api/me shows it, bad
// input is a 400 that writes nothing, the database refuses a language without a catalog; and the
// language each page is rendered in: the page guard's props (preference, else Accept-Language) and
// the sign-in page's (always the browser's), read from their getServerSideProps over real HTTP with
// the session cookie of a real sign-in. (<html lang> itself comes from pages/_document.tsx reading
// those props: the browser tests see the page; this API-only test server serves no pages.)
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GetServerSideProps } from "next";
import { guardPage } from "@/lib/auth/page-guard";
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
