// Comments and issues on a work order: what the shop floor reports back to planning.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { notFound } from "../errors";
import { pageArgs, type Page, type Paging } from "../validation/paging";
import { notifyRoles } from "../notifications/create";
import type { DomainEvent, Outcome } from "../realtime/events";
import { deviceTime } from "./action-time";
import { woEvent } from "./events";
import type { CreateCommentInput } from "./schemas";
import { assertOwnWo, visibleWos } from "./scope";
import { woWhere } from "./wo-read";

const commentSelect = {
  id: true,
  workOrderId: true,
  content: true,
  kind: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect;
type CommentView = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/** A work order's comments, oldest first (an operator: only on their own WOs, else 404). */
export async function listComments(ref: string, paging: Paging, actor: Actor): Promise<Page<CommentView>> {
  const db = prisma();
  const wo = await db.workOrder.findFirst({ where: { AND: [woWhere(ref), visibleWos(actor)] }, select: { id: true } });
  if (!wo) throw notFound("Work order");
  const where = { workOrderId: wo.id };
  const [items, total] = await Promise.all([
    db.comment.findMany({ where, select: commentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...pageArgs(paging) }),
    db.comment.count({ where }),
  ]);
  return { items, total, page: paging.page, pageSize: paging.pageSize };
}

/** Adds a comment; an ISSUE also notifies the managers. Comments are allowed in every state (a problem may surface late). */
export async function addComment(ref: string, input: CreateCommentInput, actor: Actor): Promise<Outcome<CommentView>> {
  return withTx(async (tx) => {
    const wo = await tx.workOrder.findFirst({
      where: woWhere(ref),
      select: { id: true, code: true, title: true, status: true, moId: true, assignedToId: true, workCenterId: true, mo: { select: { orderNo: true } } },
    });
    if (!wo) throw notFound("Work order");
    assertOwnWo(actor, "wo:comment", wo);
    // A comment written on a tablet while offline keeps the time it was written (`at`, bounded by the clock).
    const createdAt = deviceTime(input.at);
    const comment = await tx.comment.create({ data: { workOrderId: wo.id, authorId: actor.id, content: input.content, kind: input.kind, createdAt }, select: commentSelect });
    await writeAudit(tx, { actorId: actor.id, action: "wo.comment", entityType: "WorkOrder", entityId: wo.id, payload: { code: wo.code, commentId: comment.id, kind: input.kind } });
    const events: DomainEvent[] = [woEvent("wo:updated", wo)];
    if (input.kind === "ISSUE") {
      events.push(
        ...(await notifyRoles(tx, ["MANAGER"], {
          type: "wo.issue",
          key: "wo.issue",
          params: { code: wo.code, orderNo: wo.mo.orderNo, author: comment.author.name, content: input.content.slice(0, 500) },
          link: `/workorders/${wo.id}`,
        })),
      );
    }
    return { result: comment, events };
  });
}
