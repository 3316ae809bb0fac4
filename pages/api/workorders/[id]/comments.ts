import { apiRoute, reply } from "@/lib/http/api";
import { createCommentInput, listCommentsQuery, woRef } from "@/lib/manufacturing/schemas";
import { addComment, listComments } from "@/lib/manufacturing/wo-comments";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: {
    permission: "wo:read",
    handler: async ({ query, user }) => {
      const q = listCommentsQuery.parse(query);
      return listComments(q.id, q, user);
    },
  },
  POST: {
    permission: "wo:comment",
    handler: async ({ query, body, user }) => {
      const { result, events } = await addComment(woRef.parse(query).id, createCommentInput.parse(body), user);
      return reply(result, { status: 201, events });
    },
  },
});
