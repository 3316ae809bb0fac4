import { z } from "zod";
import { dateRangeQuery, endNotBeforeStart } from "../validation/dates";
import { pagingQuery } from "../validation/paging";
import { text } from "../validation/text";

export const listAuditQuery = pagingQuery
  .extend({
    entityType: text({ max: 100 }).optional(),
    entityId: text({ max: 200 }).optional(),
    actorId: z.uuid("must be a valid id").optional(),
    action: text({ max: 100 }).optional(),
  })
  .extend(dateRangeQuery.shape)
  .strict()
  .superRefine(endNotBeforeStart);
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
