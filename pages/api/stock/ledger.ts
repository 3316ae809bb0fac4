import { apiRoute } from "@/lib/http/api";
import { listLedger } from "@/lib/stock/list-ledger";
import { listLedgerQuery } from "@/lib/stock/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  GET: { permission: "stock:read", handler: async ({ query }) => listLedger(listLedgerQuery.parse(query)) },
});
