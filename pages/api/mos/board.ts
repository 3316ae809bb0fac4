import { apiRoute } from "@/lib/http/api";
import { getBoard } from "@/lib/manufacturing/board";
import { boardQuery } from "@/lib/manufacturing/board-schemas";

export const config = { api: { bodyParser: false } };

// The stage board: open MOs in columns by their current operation (static route: Next prefers it to /api/mos/[id]).
export default apiRoute({
  GET: { permission: "mo:read", handler: async ({ query, user }) => getBoard(boardQuery.parse(query), user) },
});
