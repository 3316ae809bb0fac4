// The products, BOM and work-center API as the screens receive it: each type is the service's result
// type through Jsonify, so a changed service breaks the build here (`import type` only).
import type { BomView as BomRow } from "@/lib/products/bom";
import type { Explosion as ExplosionRow, ExplosionNode as ExplosionNodeRow, RawMaterialTotal as RawMaterialRow } from "@/lib/products/explode";
import type { getProduct } from "@/lib/products/get";
import type { listProducts } from "@/lib/products/list";
import type { listWorkCenters } from "@/lib/workcenters/list";
import type { ItemOf, JsonResult, Jsonify } from "@/types/json";

/** GET /api/products items (also what create and update answer). */
export type Product = ItemOf<JsonResult<typeof listProducts>>;
/** GET /api/products/:id: the product with a summary of its BOM. */
export type ProductDetail = JsonResult<typeof getProduct>;

/** GET /api/products/:id/bom (and what PUT answers). */
export type BomView = Jsonify<BomRow>;
export type BomComponent = BomView["components"][number];
export type BomOperation = BomView["operations"][number];

/** GET /api/products/:id/bom/explode. */
export type Explosion = Jsonify<ExplosionRow>;
export type ExplosionNode = Jsonify<ExplosionNodeRow>;
export type RawMaterialTotal = Jsonify<RawMaterialRow>;

/** GET /api/workcenters items. */
export type WorkCenter = ItemOf<JsonResult<typeof listWorkCenters>>;
