-- Revocable sign-in sessions: the JWT carries the row's id ("sid") and every request joins it with
-- the user, so sign-out, a password reset or an admin's "end all sessions" take effect at once.
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- next-auth's adapter tables and columns: sessions are JWTs with the row above, and the OIDC
-- provider they served is gone (it had no button and no test). Nothing ever wrote them.
DROP TABLE "Account";
DROP TABLE "Session";
DROP TABLE "VerificationToken";
ALTER TABLE "User" DROP COLUMN "emailVerified";
ALTER TABLE "User" DROP COLUMN "image";
