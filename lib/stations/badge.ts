// Badges (docs/stations.md): a random code per person, printed as QR and Code128, that identifies them
// on a station. 128 random bits, so it cannot be guessed; only its SHA-256 is kept, so the code is
// shown once, when an admin issues it (issuing again replaces the old badge, e.g. a lost one).
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { withTx } from "../db/tx";
import { notFound } from "../errors";
import { badgeHash } from "./identify";

// Crockford's base 32: no I, L, O or U, so a code read aloud or typed by hand is not misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new badge code: "MESB-" and 26 base-32 characters (16 random bytes). */
export function newBadgeCode(): string {
  let n = BigInt("0x" + randomBytes(16).toString("hex"));
  let out = "";
  for (let i = 0; i < 26; i++) {
    out = ALPHABET[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return `MESB-${out}`;
}

/** Issues a new badge for a user (the old one stops working); the code is in this answer only. */
export async function issueBadge(userId: string, actor: Actor): Promise<{ user: { id: string; name: string; email: string; role: string }; code: string }> {
  const code = newBadgeCode();
  return withTx(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true } });
    if (!u) throw notFound("User");
    await tx.user.update({ where: { id: userId }, data: { badgeHash: badgeHash(code) } });
    await writeAudit(tx, { actorId: actor.id, action: "user.badge.issue", entityType: "User", entityId: userId, payload: { name: u.name } });
    return { user: u, code };
  });
}

/** Withdraws a user's badge (nothing scans as them any more). */
export async function revokeBadge(userId: string, actor: Actor): Promise<{ hasBadge: false }> {
  return withTx(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
    if (!u) throw notFound("User");
    await tx.user.update({ where: { id: userId }, data: { badgeHash: null } });
    await writeAudit(tx, { actorId: actor.id, action: "user.badge.revoke", entityType: "User", entityId: userId, payload: { name: u.name } });
    return { hasBadge: false };
  });
}
