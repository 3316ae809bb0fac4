// GET /api/openapi.json (docs/domain.md "OpenAPI"): an OpenAPI 3.1 document made from the routes'
// own zod schemas. It must name every route file and method with its permission, carry the body and
// query schemas the handlers parse, and say what the handlers do: a field the spec calls required is
// refused when missing, an unknown field is refused where the spec closes the object.
import { API_ROUTES } from "@/pages/api/openapi.json";
import type { Method } from "@/lib/http/api";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client, ErrorBody } from "../helpers/client";
import { demoFixtures } from "../helpers/demo-fixtures";
import { ROUTES } from "../helpers/server";

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  "x-permission": string;
  security: Json[];
  parameters: { name: string; in: string; required: boolean; schema: Json }[];
  requestBody?: { required: boolean; content: { "application/json"?: { schema: JsonSchema }; "multipart/form-data"?: { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema & { enum?: string[]; maximum?: number }>;
  required?: string[];
  additionalProperties?: boolean;
}
interface Spec {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
  tags: { name: string }[];
}

let app: TestApp;
let admin: Client;
let spec: Spec;
beforeAll(async () => {
  app = await startTestApp();
  admin = await app.as("ADMIN");
  const res = await admin.get<Spec>("/api/openapi.json");
  expect(res.status).toBe(200);
  spec = res.body;
});
afterAll(async () => {
  await app.close();
});

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const operations = () => Object.entries(spec.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })));
/** `/api/mos/[id]/index.ts` → `/api/mos/{id}`. */
const specPath = (segments: string[]) => "/api/" + segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");

test("is an OpenAPI 3.1 document with both security schemes and resolvable references", () => {
  expect(spec.openapi).toBe("3.1.0");
  expect(spec.info.title).toBeTruthy();
  expect(spec.info.version).toBeTruthy();
  expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(["bearerToken", "cookieSession"]);
  expect(spec.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  expect(spec.components.securitySchemes.cookieSession).toMatchObject({ type: "apiKey", in: "cookie" });
  const ids = new Set<string>();
  const tags = new Set(spec.tags.map((t) => t.name));
  for (const { path, method, op } of operations()) {
    const label = `${method} ${path}`;
    expect([label, ids.has(op.operationId)]).toEqual([label, false]);
    ids.add(op.operationId);
    expect(op.summary).toBeTruthy();
    for (const t of op.tags) expect(tags.has(t)).toBe(true);
    for (const req of op.security) for (const name of Object.keys(req)) expect(spec.components.securitySchemes[name]).toBeDefined();
    // Every {param} of the path is a required path parameter.
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: "path", required: true }));
    for (const [status, r] of Object.entries(op.responses)) {
      expect(status).toMatch(/^[1-5]\d\d$/);
      expect(r.description).toBeTruthy();
    }
  }
  // Every reference points at a component that exists.
  const refs = [...JSON.stringify(spec).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(0);
  for (const r of new Set(refs)) expect(spec.components.schemas[r]).toBeDefined();
  expect(spec.components.schemas.ErrorBody).toMatchObject({ type: "object", required: ["error"] });
});

test("names every route file and method with the permission its apiRoute table gives", async () => {
  const problems: string[] = [];
  const files = new Set<string>();
  for (const r of ROUTES) {
    const route = "/api/" + r.segments.join("/");
    if (route.startsWith("/api/auth/") || route === "/api/[...path]") continue; // next-auth's own; the 404 catch-all
    const path = specPath(r.segments);
    files.add(path);
    const mod = (await import(r.file)) as { default: { routeMethods?: Partial<Record<Method, string>> } };
    for (const [m, permission] of Object.entries(mod.default.routeMethods ?? {})) {
      const op = spec.paths[path]?.[m.toLowerCase() as Lowercase<Method>];
      if (!op) problems.push(`${m} ${path} missing (add it to API_ROUTES in pages/api/openapi.json.ts)`);
      else if (op["x-permission"] !== permission) problems.push(`${m} ${path}: x-permission ${op["x-permission"]}, route says ${permission}`);
    }
  }
  for (const path of Object.keys(spec.paths)) if (!files.has(path)) problems.push(`${path} has no route file`);
  expect(problems).toEqual([]);
});

// Routes whose POST takes no body at all (the rest send one, described in the spec).
const NO_BODY = new Set(["post /api/notifications/{id}/read", "post /api/notifications/read-all"]);

test("every write that takes a body carries its JSON schema; answers use the error shape", () => {
  const problems: string[] = [];
  for (const { path, method, op } of operations()) {
    const label = `${method} ${path}`;
    if (["post", "put", "patch"].includes(method) && !NO_BODY.has(label) && !op.requestBody) problems.push(`${label}: no request body schema`);
    if (op.requestBody && (op.requestBody.content["application/json"] ?? op.requestBody.content["multipart/form-data"])?.schema.type !== "object") problems.push(`${label}: body is not an object schema`);
    const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
    for (const s of ["400", "404", "405", "500", "503"]) if (!errors.includes(s)) problems.push(`${label}: no ${s}`);
    if (op["x-permission"] !== "public") for (const s of ["401", "403", "429"]) if (!errors.includes(s)) problems.push(`${label}: no ${s}`);
    if (op["x-permission"] === "public" && op.security.length) problems.push(`${label}: public but needs security`);
    if (op.requestBody) for (const s of ["413", "415"]) if (!errors.includes(s)) problems.push(`${label}: no ${s}`);
    for (const s of errors) if (op.responses[s]!.content?.["application/json"]?.schema.$ref !== "#/components/schemas/ErrorBody") problems.push(`${label} ${s}: not ErrorBody`);
  }
  expect(problems).toEqual([]);
  // Every table line has a summary of its own (no placeholder for a method the table forgot).
  for (const r of API_ROUTES) for (const m of Object.keys(r.module.routeMethods)) expect([r.path, m, r.ops[m as Method]?.summary !== undefined]).toEqual([r.path, m, true]);
});

test("the schemas say what the handlers do: required fields, closed objects, enums, bounds", async () => {
  const fx = await demoFixtures(app);
  const body = (path: string, method: "post" | "patch") => spec.paths[path]![method]!.requestBody!.content["application/json"]!.schema;

  // Valid bodies to take one field from at a time; each has every required field of its schema.
  const samples: { path: string; valid: () => Json; status: number }[] = [
    { path: "/api/products", valid: () => ({ sku: `OA-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`, name: "Spec product", isFinished: false }), status: 201 },
    { path: "/api/tokens", valid: () => ({ name: "Spec token", userId: fx.users.VIEWER }), status: 201 },
    { path: "/api/mos", valid: () => ({ name: "Spec MO", productId: fx.products.table, quantity: 1 }), status: 201 },
  ];
  for (const s of samples) {
    const schema = body(s.path, "post");
    expect(schema.required?.length).toBeGreaterThan(0);
    expect(Object.keys(s.valid()).sort()).toEqual([...schema.required!].sort());
    for (const field of schema.required!) {
      const b = s.valid();
      delete b[field];
      const res = await admin.post(s.path, b);
      expect([s.path, field, res.status]).toEqual([s.path, field, 400]);
      expect((res.body as ErrorBody).error.details).toContainEqual(expect.objectContaining({ path: field }));
    }
    if (schema.additionalProperties === false) expect((await admin.post(s.path, { ...s.valid(), notInTheSpec: 1 })).status).toBe(400);
    expect((await admin.post(s.path, s.valid())).status).toBe(s.status);
  }

  // An enum: every value the spec lists is taken, a value outside it is refused.
  const priority = body("/api/mos", "post").properties!.priority!;
  expect(priority.enum).toContain("URGENT");
  for (const p of priority.enum!) expect((await admin.post("/api/mos", { name: `Spec ${p}`, productId: fx.products.table, quantity: 1, priority: p })).status).toBe(201);
  expect((await admin.post("/api/mos", { name: "Spec", productId: fx.products.table, quantity: 1, priority: "SOON" })).status).toBe(400);

  // A query bound: pageSize's maximum holds, one more is refused.
  const pageSize = spec.paths["/api/products"]!.get!.parameters.find((p) => p.name === "pageSize")!;
  const max = pageSize.schema.maximum as number;
  expect(max).toBeGreaterThan(0);
  expect((await admin.get(`/api/products?pageSize=${max}`)).status).toBe(200);
  expect((await admin.get(`/api/products?pageSize=${max + 1}`)).status).toBe(400);
  // A closed query (no additional properties): an unknown parameter is refused.
  expect((await admin.get("/api/products?notInTheSpec=1")).status).toBe(400);
});

test("is for signed-in users and tokens, not for strangers", async () => {
  const anon = await app.anon().get("/api/openapi.json");
  expect(anon.status).toBe(401);
  const viewer = await app.as("VIEWER");
  expect((await viewer.get("/api/openapi.json")).status).toBe(200);
  const fx = await demoFixtures(app);
  const made = await admin.post<{ token: string }>("/api/tokens", { name: "Spec reader", userId: fx.users.VIEWER });
  const withToken = await app.anon().request("GET", "/api/openapi.json", undefined, { authorization: `Bearer ${made.body.token}` });
  expect(withToken.status).toBe(200);
  expect((withToken.body as Spec).openapi).toBe("3.1.0");
});
