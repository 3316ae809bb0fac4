import type { NextApiRequest, NextApiResponse } from "next";
import type { Permission } from "../auth/permissions";
import { can } from "../auth/permissions";
import { currentUser, type SessionUser } from "../auth/session";
import { publish, type DomainEvent } from "../realtime/events";
import { readJsonBody } from "./body";
import { HttpError, forbidden, toErrorResponse, unauthenticated } from "./errors";
import { isSameOrigin } from "./origin";
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

type Authed = { permission: Permission | "authenticated"; handler: (ctx: Ctx) => Promise<unknown> };
type Public = { permission: "public"; handler: (ctx: Ctx<SessionUser | null>) => Promise<unknown> };
export type RouteDef = Authed | Public;

/** Next's body parser is off for every route built with apiRoute (readJsonBody enforces the limit). */
export const apiConfig = { api: { bodyParser: false } } as const;

/**
 * Builds an API route from a method table: 405 + Allow, same-origin check for writes,
 * authentication (re-read from the database), permission, 1 MB JSON body, one error mapper,
 * and events published only after the handler (and so its transaction) succeeded.
 */
export function apiRoute(defs: Partial<Record<Method, RouteDef>>) {
  const allow = Object.keys(defs).join(", ");
  const handler = async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
    res.setHeader("Cache-Control", "no-store");
    try {
      const method = (req.method ?? "GET").toUpperCase() as Method;
      const def = defs[method];
      if (!def) {
        res.setHeader("Allow", allow);
        throw new HttpError(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed here. Allowed: ${allow}.`);
      }
      if (!isSameOrigin(req)) throw forbidden("Cross-origin request refused.");
      const user = await currentUser(req);
      if (def.permission !== "public") {
        if (!user) throw unauthenticated();
        if (def.permission !== "authenticated" && !can(user, def.permission)) throw forbidden();
      }
      const body = BODY_METHODS.has(method) ? await readJsonBody(req) : undefined;
      const ctx = { req, res, user, query: req.query, body };
      const out = await (def.handler as (c: Ctx<SessionUser | null>) => Promise<unknown>)(ctx);
      if (res.headersSent) return; // the handler streamed its own response (exports)
      const r: Reply = out && typeof out === "object" && REPLY in out ? (out as Reply) : reply(out);
      for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
      if (r.status === 204) res.status(204).end();
      else res.status(r.status).json(toJson(r.data));
      await publish(r.events);
    } catch (err) {
      if (res.headersSent) {
        console.error(err);
        res.end();
        return;
      }
      const { status, body, headers } = toErrorResponse(err);
      for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
      res.status(status).json(body);
      if (err instanceof HttpError) await publish(err.events);
    }
  };
  /** The method table's permissions, for the role × route matrix test. */
  return Object.assign(handler, { routeMethods: Object.fromEntries(Object.entries(defs).map(([m, d]) => [m, d.permission])) as Partial<Record<Method, RouteDef["permission"]>> });
}
