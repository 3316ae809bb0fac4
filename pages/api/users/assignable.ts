import { apiRoute } from "@/lib/http/api";
import { listAssignable } from "@/lib/users/assignable";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // Planners assign work orders: they need names, not the admin's full user list.
  GET: { permission: "wo:write", handler: async () => listAssignable() },
});
