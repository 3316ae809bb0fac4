import type { NextApiRequest, NextApiResponse } from "next";
import type { Permission } from "../auth/permissions";
import { DomainError } from "../errors";
import { can } from "../auth/permissions";
import { readSession, signedOutMessage, type SessionUser } from "../auth/session";
import { bearerMessage, bearerOf, readBearer } from "../auth/tokens";
import { publish, type DomainEvent } from "../realtime/events";
import { withCommitGuard } from "../db/tx";
import { parseJsonBody, readRawBody } from "./body";
import { dropUpload, spoolBody, type Upload } from "./upload";
import { HttpError, forbidden, toErrorResponse } from "./errors";
import { claimIdempotencyKey, idempotencyKeyOf, requestHash, REPLAYED_HEADER, type IdempotentRun, type StoredResponse } from "./idempotency";
import { isSameOrigin, needsOriginCheck } from "./origin";
import { confineStation } from "./station-confine";
import { toJson } from "./serialize";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const BODY_METHODS = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);

export interface Ctx<U = SessionUser> {
  req: NextApiRequest;
  res: NextApiResponse;
  user: U;
  /** Query string and dynamic route segments, unparsed: parse with a zod schema. */
  query: NextApiRequest["query"];
  /** The JSON body, unparsed (undefined when empty). */
  body: unknown;
  /** Routes marked `upload`: the raw body, streamed to a temporary file (removed after the handler). */
  upload?: Upload;
}

const REPLY = Symbol("reply");
export interface Reply {
  [REPLY]: true;
  status: number;
  data: unknown;
  events: DomainEvent[];
  headers?: Record<string, string>;
}

/** A response with a status other than 200, events to publish after the commit, or headers. */
export function reply(data: unknown, opts: { status?: number; events?: DomainEvent[]; headers?: Record<string, string> } = {}): Reply {
  return { [REPLY]: true, status: opts.status ?? 200, data, events: opts.events ?? [], headers: opts.headers };
}

/** `upload`: the body is a file (not JSON), streamed to disk up to `maxBytes` (413 beyond) and handed over as `ctx.upload`. */
type Authed = { permission: Permission | "authenticated"; handler: (ctx: Ctx) => Promise<unknown>; upload?: { maxBytes: number } };
type Public = { permission: "public"; handler: (ctx: Ctx<SessionUser | null>) => Promise<unknown> };
export type RouteDef = Authed | Public;

/** Sends an answer; the body is JSON text, so a replay is byte for byte what the first request got. */
function send(res: NextApiResponse, a: StoredResponse): void {
  for (const [k, v] of Object.entries(a.headers)) res.setHeader(k, v);
  if (a.status === 204 || a.body === null) {
    res.status(a.status).end();
    return;
  }
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.status(a.status).end(a.body);
}

/**
 * Builds an API route from a method table: 405 + Allow, same-origin check for writes,
 * authentication (re-read from the database), permission, 1 MB JSON body, Idempotency-Key on POST
 * (lib/http/idempotency.ts), one error mapper, and events published only after the handler (and so
 * its transaction) succeeded. Next's body parser must be off for these routes (`bodyParser: false`).
 */
export function apiRoute(defs: Partial<Record<Method, RouteDef>>) {
  const allow = Object.keys(defs).join(", ");
  const handler = async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
    res.setHeader("Cache-Control", "no-store");
    let run: IdempotentRun | undefined;
    let upload: Upload | undefined;
    try {
      const method = (req.method ?? "GET").toUpperCase() as Method;
      const def = defs[method];
      if (!def) {
        res.setHeader("Allow", allow);
        throw new HttpError(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed here. Allowed: ${allow}.`);
      }
      if (needsOriginCheck(req) && !isSameOrigin(req)) throw forbidden("Cross-origin request refused.");
      // An Authorization: Bearer header is the credential (an API token); a cookie beside it is ignored.
      const token = bearerOf(req);
      let user: SessionUser | null;
      let refusal: { reason: string; message: string } | undefined;
      if (token !== undefined) {
        const b = await readBearer(req, token);
        if (b.retryAfter !== undefined) {
          throw new HttpError(429, "RATE_LIMITED", `Too many failed token attempts. Try again in ${Math.ceil(b.retryAfter / 60)} minute(s).`, { retryAfterSeconds: b.retryAfter }, { "Retry-After": String(b.retryAfter) });
        }
        user = b.user;
        if (b.reason) refusal = { reason: b.reason, message: bearerMessage(b.reason) };
      } else {
        const s = await readSession(req);
        user = s.user;
        if (s.reason) refusal = { reason: s.reason, message: signedOutMessage(s.reason) };
      }
      // An operator on a station reaches only the station's routes (lib/auth/station-scope.ts).
      if (user) await confineStation(user, method, req.url ?? "");
      if (def.permission !== "public") {
        if (!user) throw new HttpError(401, "UNAUTHENTICATED", refusal?.message ?? signedOutMessage(undefined), { reason: refusal?.reason ?? "signed-out" });
        if (def.permission !== "authenticated" && !can(user, def.permission)) throw forbidden();
      }
      const key = method === "POST" ? idempotencyKeyOf(req) : undefined;
      const fileLimit = "upload" in def ? def.upload?.maxBytes : undefined;
      if (fileLimit !== undefined && BODY_METHODS.has(method)) upload = await spoolBody(req, fileLimit);
      const raw = BODY_METHODS.has(method) && !upload ? await readRawBody(req) : undefined;
      const body = raw ? parseJsonBody(req, raw) : undefined;
      // Keys are per user; a signed-out caller of a public POST has no one to keep answers for.
      if (key !== undefined && user) {
        const claim = await claimIdempotencyKey(user.id, key, requestHash(method, req.url ?? "", upload ? Buffer.from(`upload:${upload.sha256}`) : raw));
        if (claim.kind === "replay") {
          send(res, { ...claim.response, headers: { ...claim.response.headers, [REPLAYED_HEADER]: "true" } });
          return;
        }
        run = claim;
      }
      const ctx = { req, res, user, query: req.query, body, upload };
      const call = () => (def.handler as (c: Ctx<SessionUser | null>) => Promise<unknown>)(ctx);
      const out = run ? await withCommitGuard(run.guard, call) : await call();
      if (res.headersSent) {
        await run?.finish(undefined); // the handler streamed its own response (exports): nothing to keep
        return;
      }
      const r: Reply = out && typeof out === "object" && REPLY in out ? (out as Reply) : reply(out);
      const answer: StoredResponse = { status: r.status, body: r.status === 204 ? null : JSON.stringify(toJson(r.data) ?? null), headers: r.headers ?? {} };
      // Kept before it is sent: a client that got the answer and repeats the request gets it again.
      await run?.finish(answer);
      send(res, answer);
      await publish(r.events);
    } catch (err) {
      if (res.headersSent) {
        console.error(err);
        await run?.finish(undefined);
        res.end();
        return;
      }
      const { status, body, headers } = toErrorResponse(err);
      const answer: StoredResponse = { status, body: JSON.stringify(body), headers: headers ?? {} };
      await run?.finish(answer);
      send(res, answer);
      if (err instanceof HttpError || err instanceof DomainError) await publish(err.events);
    } finally {
      await dropUpload(upload);
    }
  };
  /** The method table's permissions, for the role × route matrix test. */
  return Object.assign(handler, { routeMethods: Object.fromEntries(Object.entries(defs).map(([m, d]) => [m, d.permission])) as Partial<Record<Method, RouteDef["permission"]>> });
}
