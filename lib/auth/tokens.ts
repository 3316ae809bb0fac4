// API tokens for machine clients (docs/domain.md "API tokens"). A token is `mes_` + 32 random bytes
// (base64url); only its SHA-256 is stored, so the database never holds a usable secret and the token
// is shown once, in the answer that made it. `Authorization: Bearer mes_…` acts as the token's user
// with that user's role and active state as they are now (read on every request, like a session).
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { UserRole } from "../db/generated/enums";
import { withTx } from "../db/tx";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import { clientIp } from "./login";
import { can, type Actor } from "./permissions";
import { hit } from "./rate-limit";
import type { SessionUser } from "./session";
import type { CreateTokenInput, ListTokensQuery, TokenStatus } from "./schemas";

export const TOKEN_PREFIX = "mes_";
/** Characters of the token kept for display ("mes_" + 6). */
const SHOWN = TOKEN_PREFIX.length + 6;
/** lastUsedAt is written at most this often per token (a busy script must not write on every call). */
const LAST_USED_EVERY_MS = 60_000;
/** Failed bearer attempts per client address and window before every bearer request of it gets 429. */
export const BEARER_FAILURE_LIMIT = 20;
export const BEARER_WINDOW_SECONDS = 15 * 60;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A user authenticated by a token: the same fields as a session user, and the token instead of a session. */
export interface TokenUser extends SessionUser {
  tokenId: string;
  locale: string | null;
}

/** Why a bearer request has no user. */
export type BearerFailure = "unknown-token" | "revoked" | "expired" | "deactivated";

export type BearerState = { user: TokenUser; reason?: undefined; retryAfter?: undefined } | { user: null; reason: BearerFailure; retryAfter?: number };

const MESSAGES: Record<BearerFailure, string> = {
  "unknown-token": "The API token is not valid.",
  revoked: "The API token was revoked.",
  expired: "The API token has expired.",
  deactivated: "This account was deactivated.",
};
export const bearerMessage = (reason: BearerFailure) => MESSAGES[reason];

/** The token of an `Authorization: Bearer …` header, or undefined when the request has no bearer header. */
export function bearerOf(req: Pick<IncomingMessage, "headers">): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== "string") return undefined;
  const m = /^Bearer[ \t]+(.*)$/i.exec(h.trim());
  return m ? m[1]!.trim() : undefined;
}

const throttleKey = (ip: string) => `bearer:ip:${ip}`;

/** Seconds until this address may try bearer tokens again (0: it may). Reads only: counting is for failures. */
async function throttledFor(ip: string): Promise<number> {
  const rows = await prisma().$queryRaw<{ wait: number }[]>`
    SELECT GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${BEARER_WINDOW_SECONDS}::int) - now()))))::int AS "wait"
    FROM "RateLimit"
    WHERE "key" = ${throttleKey(ip)} AND "count" >= ${BEARER_FAILURE_LIMIT}
      AND "windowStart" >= now() - make_interval(secs => ${BEARER_WINDOW_SECONDS}::int)`;
  return Number(rows[0]?.wait ?? 0);
}

/**
 * The user of a bearer request. An address with too many failed attempts in the window is refused
 * (retryAfter) before any token is looked at; each failure counts against it.
 */
export async function readBearer(req: Pick<IncomingMessage, "headers" | "socket">, token: string): Promise<BearerState> {
  const ip = clientIp(req);
  const wait = await throttledFor(ip);
  if (wait > 0) return { user: null, reason: "unknown-token", retryAfter: wait };
  const state = await lookUp(token);
  if (!state.user) {
    const h = await hit(throttleKey(ip), BEARER_WINDOW_SECONDS);
    if (h.count > BEARER_FAILURE_LIMIT) return { ...state, retryAfter: h.retryAfter };
  }
  return state;
}

async function lookUp(token: string): Promise<BearerState> {
  // Shape first: a value that cannot be a token (or that Postgres could not store) is never queried.
  if (!/^mes_[A-Za-z0-9_-]{20,100}$/.test(token)) return { user: null, reason: "unknown-token" };
  const row = await prisma().apiToken.findUnique({
    where: { hash: hashToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, locale: true, active: true } } },
  });
  if (!row) return { user: null, reason: "unknown-token" };
  if (row.revokedAt) return { user: null, reason: "revoked" };
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return { user: null, reason: "expired" };
  if (!row.user.active) return { user: null, reason: "deactivated" };
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now - LAST_USED_EVERY_MS) {
    // Conditional, so parallel requests of one script write it once.
    await prisma().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  const u = row.user;
  return { user: { id: u.id, email: u.email, name: u.name, role: u.role as UserRole, locale: u.locale, tokenId: row.id } };
}

const tokenRow = {
  id: true,
  name: true,
  prefix: true,
  userId: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true } },
  createdBy: { select: { id: true, name: true } },
} as const satisfies Prisma.ApiTokenSelect;
type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenRow }>;

/** A token as the API shows it: never the hash, never the secret (except once, on creation). */
export type ApiTokenView = TokenRow & { status: TokenStatus };

function view(row: TokenRow, now = Date.now()): ApiTokenView {
  const status: TokenStatus = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt.getTime() <= now ? "expired" : "active";
  return { ...row, status };
}

/** Makes a token for a user (ADMIN). The answer holds the token; it cannot be read again. */
export async function createToken(input: CreateTokenInput, actor: Actor): Promise<ApiTokenView & { token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return withTx(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: input.userId }, select: { active: true } });
    if (!owner) throw new ValidationError("The user does not exist.", [{ path: "userId", message: "must be an existing user" }]);
    if (!owner.active) throw new ValidationError("The user is deactivated.", [{ path: "userId", message: "must be an active user" }]);
    const row = await tx.apiToken.create({
      data: { userId: input.userId, name: input.name, prefix: token.slice(0, SHOWN), hash: hashToken(token), createdById: actor.id, expiresAt: input.expiresAt ?? null },
      select: tokenRow,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "token.create",
      entityType: "ApiToken",
      entityId: row.id,
      payload: { name: row.name, prefix: row.prefix, userId: row.userId, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { ...view(row), token };
  });
}

function statusWhere(status: TokenStatus | undefined): Prisma.ApiTokenWhereInput {
  const now = new Date();
  switch (status) {
    case "active":
      return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "expired":
      return { revokedAt: null, expiresAt: { lte: now } };
    case "revoked":
      return { revokedAt: { not: null } };
    default:
      return {};
  }
}

/** The caller's tokens, newest first; an ADMIN may list another user's (`userId`) or everyone's (`userId` absent lists the admin's own). */
export async function listTokens(q: ListTokensQuery, actor: Actor): Promise<Page<ApiTokenView>> {
  const userId = q.userId ?? actor.id;
  if (userId !== actor.id && !can(actor, "users:manage")) throw new ForbiddenError("Only an administrator may list another user's tokens.");
  const where: Prisma.ApiTokenWhereInput = { userId, ...statusWhere(q.status) };
  const [items, total] = await Promise.all([
    prisma().apiToken.findMany({ where, select: tokenRow, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().apiToken.count({ where }),
  ]);
  const now = Date.now();
  return { items: items.map((r) => view(r, now)), total, page: q.page, pageSize: q.pageSize };
}

/** Revokes a token (its owner or an ADMIN); it stops at once. Revoking a revoked token changes nothing. */
export async function revokeToken(id: string, actor: Actor): Promise<ApiTokenView> {
  return withTx(async (tx) => {
    const found = await tx.apiToken.findUnique({ where: { id }, select: { userId: true } });
    // Someone else's token is invisible, not forbidden.
    if (!found || (found.userId !== actor.id && !can(actor, "users:manage"))) throw new NotFoundError("Token");
    // Conditional: of two revokes at once, one writes (and audits), the other answers the result.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: tokenRow });
    if (count) await writeAudit(tx, { actorId: actor.id, action: "token.revoke", entityType: "ApiToken", entityId: id, payload: { name: row.name, prefix: row.prefix, userId: row.userId } });
    return view(row);
  });
}
