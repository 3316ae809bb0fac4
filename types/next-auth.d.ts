// What our next-auth callbacks read and write: authorize returns the session id, the JWT carries it.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** The server-side session (UserSession.id) started by this sign-in. */
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
