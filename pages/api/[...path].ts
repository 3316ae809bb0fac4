// Any /api/* path no route file serves: 404 in the API's JSON error shape (Next would answer its
// HTML 404 page), whatever the method. More specific route files always win over this catch-all.
import type { NextApiRequest, NextApiResponse } from "next";

export const config = { api: { bodyParser: false } };

/** 404 NOT_FOUND for an unknown API path. */
export default function unknownApiRoute(req: NextApiRequest, res: NextApiResponse): void {
  req.resume(); // an ignored body is drained, not buffered
  res.setHeader("Cache-Control", "no-store");
  res.status(404).json({ error: { code: "NOT_FOUND", message: `There is no API at ${(req.url ?? "").split("?")[0]}.` } });
}
