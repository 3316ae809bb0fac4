import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "../db/client";
import { env } from "../env";
import { CLIENT_IP_HEADER, checkCredentials } from "./login";

const SESSION_MAX_AGE = 12 * 60 * 60; // one shift and a half; the DB re-check makes revocation immediate anyway

/** next-auth configuration: credentials (bcrypt), JWT sessions carrying id and role, optional OIDC. */
export function authOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const header = req?.headers?.[CLIENT_IP_HEADER];
        const ip = (Array.isArray(header) ? header[0] : header) ?? "unknown";
        const user = await checkCredentials(String(credentials?.email ?? ""), String(credentials?.password ?? ""), ip);
        return user;
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ["pkce", "state"],
      // Accounts link to an existing user by email; the adapter never invents users (see signIn).
      allowDangerousEmailAccountLinking: true,
      profile(p: { sub: string; email?: string; name?: string }) {
        return { id: p.sub, email: p.email?.toLowerCase() ?? null, name: p.name ?? p.email ?? p.sub, role: "VIEWER" };
      },
    });
  }
  return {
    secret: e.NEXTAUTH_SECRET,
    // The generated Prisma 7 client is structurally the client the adapter expects.
    adapter: PrismaAdapter(prisma() as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    jwt: { maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return !!user;
        // OAuth/OIDC: only people an admin created, and only while active.
        const email = user.email?.toLowerCase();
        if (!email) return false;
        const existing = await prisma().user.findUnique({ where: { email }, select: { active: true } });
        return !!existing?.active;
      },
      async jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.role = user.role;
        }
        return token;
      },
      async session({ session, token }) {
        if (token.id && token.role) session.user = { ...session.user, id: token.id, role: token.role };
        return session;
      },
    },
  };
}
