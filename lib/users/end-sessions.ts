import type { Actor } from "../auth/permissions";
import { endUserSessions } from "../auth/sessions";
import { writeAudit } from "../audit/write";
import { withTx } from "../db/tx";
import { notFound } from "../errors";

/** Ends every open session of a user (an admin's "sign out everywhere"); their next request gets 401. */
export async function endAllSessions(id: string, actor: Actor): Promise<{ ended: number }> {
  return withTx(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id }, select: { id: true } }))) throw notFound("User");
    const ended = await endUserSessions(id, { tx });
    await writeAudit(tx, { actorId: actor.id, action: "user.sessions.end", entityType: "User", entityId: id, payload: { ended } });
    return { ended };
  });
}
