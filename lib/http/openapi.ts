// GET /api/openapi.json: an OpenAPI 3.1 document built from the route table (pages/api/openapi.json.ts)
// and the zod schemas the handlers parse, turned into JSON Schema by zod's own z.toJSONSchema (the
// input side: what a client sends). Nothing in it is written by hand but summaries: a changed schema
// changes the document. Answers have no zod schemas: they are described as JSON objects, with the one
// error shape and every status the wrapper (lib/http/api.ts) can give.
import { z } from "zod";
import { PERMISSIONS } from "../auth/permissions";
import type { Method, RouteDef } from "./api";
import type { ErrorCode } from "./errors";

type Json = Record<string, unknown>;

/** What the document says of one method of a route. */
export interface OperationDoc {
  summary: string;
  /** The JSON body the handler parses (absent: the method takes no body). */
  body?: z.ZodType;
  /** Whether the body may be left out (the handler reads a missing body as `{}`). */
  bodyOptional?: boolean;
  /** The query string the handler parses (path segments of the same name are left out). */
  query?: z.ZodType;
  /** The path segments, e.g. `{ id }`. */
  params?: z.ZodType;
  /** The status of success (default 200). */
  success?: 200 | 201 | 204;
  /** Media types of a file answer instead of JSON (exports). */
  produces?: string[];
  /** A file upload instead of a JSON body (imports): multipart part `file` plus these form fields, or the file itself. */
  upload?: { fields: z.ZodObject; mediaTypes: string[] };
  description?: string;
}

export interface RouteDoc {
  /** The URL with `{param}` segments, e.g. `/api/mos/{id}`. */
  path: string;
  /** The route file under pages/api, e.g. `mos/[id]/index.ts`. */
  file: string;
  tag: string;
  module: { routeMethods: Partial<Record<Method, RouteDef["permission"]>> };
  ops: Partial<Record<Method, OperationDoc>>;
}


const ERROR_CODES = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "INVALID_STATE",
  "INSUFFICIENT_STOCK",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "IDEMPOTENCY_MISMATCH",
  "IN_PROGRESS",
  "INTERNAL",
] as const satisfies readonly ErrorCode[];
// Fails to compile when lib/http/errors.ts gains a code this list lacks.
const everyCode: Record<ErrorCode, true> = Object.fromEntries(ERROR_CODES.map((c) => [c, true])) as Record<(typeof ERROR_CODES)[number], true>;
void everyCode;

/** The error body of every refusal (docs/domain.md "Errors"), as a zod schema so it is described like the inputs. */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

const ERRORS: Record<number, string> = {
  400: "The input is invalid (`VALIDATION_FAILED`; `details` lists each field and what is wrong).",
  401: "Not signed in, or the API token is unknown, revoked or expired, or the user is deactivated (`UNAUTHENTICATED`; `details.reason`).",
  403: "The role lacks the permission, or a cross-origin write with a cookie (`FORBIDDEN`).",
  404: "The record does not exist or is not visible to this user (`NOT_FOUND`).",
  405: "The method is not allowed (`METHOD_NOT_ALLOWED`; header `Allow`).",
  409: "The state does not allow it, a duplicate, not enough stock, or the same Idempotency-Key is still running (`INVALID_STATE`, `CONFLICT`, `INSUFFICIENT_STOCK`, `IN_PROGRESS`).",
  413: "The body is larger than 1 MB (`PAYLOAD_TOO_LARGE`).",
  415: "The body is not JSON (`UNSUPPORTED_MEDIA_TYPE`).",
  422: "The Idempotency-Key was used for a different request (`IDEMPOTENCY_MISMATCH`).",
  429: "Too many failed API token attempts from this address (`RATE_LIMITED`; header `Retry-After`).",
  500: "A fault on the server (`INTERNAL`); logged.",
  503: "The database is unavailable (`SERVICE_UNAVAILABLE`; header `Retry-After`).",
};

const BODY_METHODS = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);

/** The statuses an operation can answer with besides its success. */
export function errorStatuses(method: Method, permission: RouteDef["permission"], hasBody: boolean): number[] {
  const out = [400];
  if (permission !== "public") out.push(401, 403);
  out.push(404, 405);
  if (BODY_METHODS.has(method)) out.push(409);
  if (hasBody) out.push(413, 415);
  if (method === "POST") out.push(422);
  if (permission !== "public") out.push(429);
  out.push(500, 503);
  return out;
}

function toSchema(schema: z.ZodType): Json {
  const s = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete s.$schema;
  return s;
}

function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function parameters(path: string, op: OperationDoc): Json[] {
  const names = pathParams(path);
  const out: Json[] = [];
  const params = op.params ? toSchema(op.params) : undefined;
  const paramProps = (params?.properties ?? {}) as Record<string, Json>;
  for (const name of names) out.push({ name, in: "path", required: true, schema: paramProps[name] ?? { type: "string" } });
  if (op.query) {
    const q = toSchema(op.query);
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>)) {
      if (names.includes(name)) continue; // the path segment of the same name
      out.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  return out;
}

function operation(route: RouteDoc, method: Method, permission: RouteDef["permission"], op: OperationDoc): Json {
  const success = op.success ?? 200;
  const responses: Json = {};
  if (success === 204) responses["204"] = { description: "Done; no content." };
  else if (op.produces) responses[String(success)] = { description: "The file.", content: Object.fromEntries(op.produces.map((t) => [t, { schema: { type: "string", format: "binary" } }])) };
  else responses[String(success)] = { description: op.description ?? (success === 201 ? "Created." : "OK."), content: { "application/json": { schema: { type: "object" } } } };
  for (const status of errorStatuses(method, permission, op.body !== undefined || op.upload !== undefined)) {
    responses[String(status)] = { description: ERRORS[status], content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } } };
  }
  const out: Json = {
    operationId: `${method.toLowerCase()}${route.path.replace(/^\/api/, "").replace(/\{([^}]+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [route.tag],
    "x-permission": permission,
    security: permission === "public" ? [] : [{ cookieSession: [] }, { bearerToken: [] }],
    parameters: parameters(route.path, op),
    responses,
  };
  if (method === "POST") {
    (out.parameters as Json[]).push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Repeating a POST with the same key answers the first answer again instead of doing it twice (24 h, per user).",
      schema: { type: "string", maxLength: 200 },
    });
  }
  if (op.body) out.requestBody = { required: !op.bodyOptional, content: { "application/json": { schema: toSchema(op.body) } } };
  if (op.upload) {
    const form = toSchema(op.upload.fields);
    const props = { file: { type: "string", format: "binary" }, ...((form.properties as Json | undefined) ?? {}) };
    out.requestBody = {
      required: true,
      content: {
        "multipart/form-data": { schema: { type: "object", properties: props, required: ["file"] } },
        ...Object.fromEntries(op.upload.mediaTypes.map((t) => [t, { schema: { type: "string", format: "binary" } }])),
      },
    };
  }
  return out;
}

/** The whole document for a route table; built per request (a few milliseconds). */
export function buildOpenApi(routes: RouteDoc[], opts: { serverUrl?: string } = {}): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const item: Json = {};
    for (const [method, permission] of Object.entries(route.module.routeMethods) as [Method, RouteDef["permission"]][]) {
      const op = route.ops[method] ?? { summary: `${method} ${route.path}` };
      item[method.toLowerCase()] = operation(route, method, permission, op);
    }
    paths[route.path] = item;
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "MES API",
      version: "1",
      description:
        "Every route of the app. Sign in (cookie) or send `Authorization: Bearer mes_…` (an API token, made by an ADMIN at /admin/users). " +
        "`x-permission` names the permission an operation needs (docs/domain.md); `authenticated` means any signed-in user. " +
        `Permissions: ${PERMISSIONS.join(", ")}.`,
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags,
    paths,
    components: {
      schemas: { ErrorBody: toSchema(errorBody) },
      securitySchemes: {
        cookieSession: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session after signing in (`__Secure-next-auth.session-token` over HTTPS)." },
        bearerToken: { type: "http", scheme: "bearer", description: "An API token `mes_…` (POST /api/tokens); acts as its user with that user's current role." },
      },
    },
  };
}
