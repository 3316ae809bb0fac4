import type { Actor } from "../auth/permissions";
import { endUserSessions, sessionsEnded } from "../auth/sessions";
import { writeAudit } from "../audit/write";
import { withTx } from "../db/tx";
import { notFound } from "../errors";
import type { Outcome } from "../realtime/events";

/** Ends every open session of a user (an admin's "sign out everywhere"): their next request gets 401, their sockets close. */
export async function endAllSessions(id: string, actor: Actor): Promise<Outcome<{ ended: number }>> {
  return withTx(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id }, select: { id: true } }))) throw notFound("User");
    const ids = await endUserSessions(id, { tx });
    await writeAudit(tx, { actorId: actor.id, action: "user.sessions.end", entityType: "User", entityId: id, payload: { ended: ids.length } });
    return { result: { ended: ids.length }, events: ids.length ? [sessionsEnded(ids)] : [] };
  });
}
