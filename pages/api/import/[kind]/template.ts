import { apiRoute } from "@/lib/http/api";
import { importTemplate } from "@/lib/import/template";
import { templateQuery } from "@/lib/import/schemas";

export const config = { api: { bodyParser: false } };

// The empty file of a kind (its columns and an example row), for whoever may import at all.
export default apiRoute({
  GET: {
    permission: "import:run",
    handler: async ({ query, res }) => {
      const q = templateQuery.parse(query);
      const t = await importTemplate(q.kind, q.format);
      res.setHeader("Content-Type", t.contentType);
      res.setHeader("Content-Disposition", `attachment; filename="${t.filename}"`);
      res.setHeader("Content-Length", String(t.body.length));
      res.status(200).end(t.body);
    },
  },
});
