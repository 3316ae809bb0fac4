import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { safeCallbackPath } from "./callback-url";
import { CLIENT_IP_HEADER, checkCredentials, normalizeEmail } from "./login";
import { SESSION_MAX_AGE_SECONDS, endSession, startSession } from "./sessions";

const header = (headers: Record<string, unknown> | undefined, name: string): string | undefined => {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
};

/**
 * next-auth configuration: email + password (bcrypt) only, a JWT cookie naming a server-side
 * session row (sid), same-origin redirects only, and sign-out ending that row.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          // The auth route already refused non-string fields and counted this attempt under the same normal form.
          const email = normalizeEmail(credentials?.email);
          const password = credentials?.password;
          if (email === null || typeof password !== "string") return null;
          const ip = header(req?.headers, CLIENT_IP_HEADER) ?? "unknown";
          const user = await checkCredentials(email, password, ip);
          if (!user) return null;
          const sid = await startSession(user.id, { userAgent: header(req?.headers, "user-agent"), ip });
          return { ...user, sid };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // Only at sign-in is `user` set: the token names the user (sub) and the session row (sid).
        if (user) token.sid = user.sid;
        return token;
      },
      // next-auth's default throws on URLs like "http://app.evil.com" (→ 500) and trusts any same-origin
      // string; this one answers a same-origin URL, or the dashboard.
      async redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}
