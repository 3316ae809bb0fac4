// Edges of the HTTP layer: unknown /api/* paths answer 404 in the JSON error shape (any method,
// signed in or not), and the same-origin check of writes compares scheme, host and port.
import type { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { isSameOrigin } from "@/lib/http/origin";
import { startTestApp, type TestApp } from "../helpers/app";
import type { ApiResponse, Client, ErrorBody } from "../helpers/client";

let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.as("ADMIN");
});
afterAll(async () => {
  await app.close();
});

function expectError(res: ApiResponse, status: number, code: string): void {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = res.body as ErrorBody;
  expect({ status: res.status, code: body.error?.code, message: typeof body.error?.message }).toEqual({ status, code, message: "string" });
}

describe("unknown API paths", () => {
  const paths = ["/api/nope", "/api/nope/deeper/still", "/api/stock/nope", "/api/mos/00000000-0000-0000-0000-000000000000/nope/x/y", "/api/health/x"];

  test.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("%s → 404 NOT_FOUND in the error shape, signed in or not", async (method) => {
    for (const path of paths) {
      for (const c of [app.anon(), admin]) {
        const res = await c.request(method, path, method === "GET" ? undefined : { any: "body" });
        expectError(res, 404, "NOT_FOUND");
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
    }
  });

  test("known routes still answer (the catch-all only takes what nothing else serves)", async () => {
    expect((await app.anon().get("/api/health")).status).toBe(200);
    expect((await admin.get("/api/me")).status).toBe(200);
    expect((await admin.get("/api/stock")).status).toBe(200);
  });
});

describe("same-origin check of writes", () => {
  const port = () => new URL(app.url).port;
  const post = (origin: string) => admin.request("POST", "/api/notifications/read-all", {}, { Origin: origin });

  test("the app's own origin passes", async () => {
    expect((await post(`http://127.0.0.1:${port()}`)).status).toBe(200);
  });

  test("another port of the same host is refused (403, nothing done)", async () => {
    expectError(await post(`http://127.0.0.1:${Number(port()) + 1}`), 403, "FORBIDDEN");
    expectError(await post("http://127.0.0.1"), 403, "FORBIDDEN");
  });

  test("another scheme with the same host and port is refused", async () => {
    expectError(await post(`https://127.0.0.1:${port()}`), 403, "FORBIDDEN");
  });

  test("another host, `null` and garbage are refused", async () => {
    expectError(await post(`http://localhost:${port()}`), 403, "FORBIDDEN");
    expectError(await post("null"), 403, "FORBIDDEN");
    expectError(await post("not a url"), 403, "FORBIDDEN");
    expectError(await post(`file://127.0.0.1:${port()}`), 403, "FORBIDDEN");
  });

  test("reads are never refused", async () => {
    const res = await admin.request("GET", "/api/me", undefined, { Origin: "https://evil.example" });
    expect(res.status).toBe(200);
  });
});

describe("same-origin behind a proxy (TRUST_PROXY)", () => {
  const g = globalThis as unknown as { __mesEnv?: unknown };
  const saved = { env: g.__mesEnv, trust: process.env.TRUST_PROXY };

  function req(headers: Record<string, string>, encrypted = false): IncomingMessage {
    const socket = new Socket();
    if (encrypted) Object.assign(socket, { encrypted: true });
    return { method: "POST", headers, socket } as unknown as IncomingMessage;
  }
  function withTrustProxy(value: "true" | "false", fn: () => void): void {
    process.env.TRUST_PROXY = value;
    g.__mesEnv = undefined; // lib/env parses once per process: parse again with the new value
    try {
      fn();
    } finally {
      if (saved.trust === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = saved.trust;
      g.__mesEnv = saved.env;
    }
  }

  test("X-Forwarded-Proto/Host count only with TRUST_PROXY", () => {
    const proxied = { host: "app.internal:3000", "x-forwarded-proto": "https", "x-forwarded-host": "mes.example.com", origin: "https://mes.example.com" };
    withTrustProxy("true", () => {
      expect(isSameOrigin(req(proxied))).toBe(true);
      expect(isSameOrigin(req({ ...proxied, origin: "http://mes.example.com" }))).toBe(false);
      expect(isSameOrigin(req({ ...proxied, origin: "https://mes.example.com:8443" }))).toBe(false);
      expect(isSameOrigin(req({ ...proxied, "x-forwarded-host": "mes.example.com:8443", origin: "https://mes.example.com:8443" }))).toBe(true);
    });
    withTrustProxy("false", () => {
      expect(isSameOrigin(req(proxied))).toBe(false);
      expect(isSameOrigin(req({ host: "app.internal:3000", origin: "http://app.internal:3000" }))).toBe(true);
    });
  });

  test("default ports are the same origin; a TLS connection is https", () => {
    withTrustProxy("false", () => {
      expect(isSameOrigin(req({ host: "mes.example.com", origin: "http://mes.example.com:80" }))).toBe(true);
      expect(isSameOrigin(req({ host: "mes.example.com:443", origin: "https://mes.example.com" }, true))).toBe(true);
      expect(isSameOrigin(req({ host: "mes.example.com", origin: "https://mes.example.com" }))).toBe(false);
      expect(isSameOrigin(req({ host: "mes.example.com", origin: "http://mes.example.com" }, true))).toBe(false);
    });
  });
});
