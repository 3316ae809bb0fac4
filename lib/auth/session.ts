import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";
import { prisma } from "../db/client";
import type { UserRole } from "../db/generated/enums";
import { env } from "../env";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

type CookieRequest = IncomingMessage & { cookies?: Partial<Record<string, string>> };

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) {
      try {
        out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        // a malformed cookie value is ignored, like browsers do
      }
    }
  }
  return out;
}

/**
 * The signed-in user of a request, re-read from the database on every call: a deactivated user
 * gets null at once, and a changed role applies on the next request (the JWT only carries the id).
 */
export async function currentUser(req: CookieRequest): Promise<SessionUser | null> {
  // Behind HTTPS next-auth names the cookie __Secure-…; look for the one this browser holds.
  const secureCookie = /(?:^|;\s*)__Secure-next-auth\.session-token(?:\.\d+)?=/.test(String(req.headers.cookie ?? ""));
  // API routes get req.cookies from Next; a Socket.IO handshake is a bare IncomingMessage.
  const cookies = req.cookies ?? parseCookies(String(req.headers.cookie ?? ""));
  const token = await getToken({ req: { headers: req.headers, cookies } as unknown as Parameters<typeof getToken>[0]["req"], secret: env().NEXTAUTH_SECRET, secureCookie });
  const id = typeof token?.id === "string" ? token.id : undefined;
  if (!id) return null;
  const user = await prisma().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
