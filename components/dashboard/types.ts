// GET /api/reports/kpis as the browser receives it: the service's result type through Jsonify.
import type { Kpis } from "@/lib/reports/kpis";
import type { Jsonify } from "@/types/json";

export type KpisView = Jsonify<Kpis>;
