// JSON shapes of the products, BOM and work-center API (lib/products, lib/workcenters).

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  isFinished: boolean;
  uom: string;
  unitCost: number | null;
  reorderPoint: number | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProductDetail extends Product {
  bom: { id: string; componentCount: number; operationCount: number; updatedAt: string } | null;
  usedInCount: number;
}

export interface BomComponent {
  id: string;
  materialId: string;
  qtyPerUnit: number;
  material: { id: string; sku: string; name: string; uom: string; archivedAt: string | null };
}

export interface BomOperation {
  id: string;
  sequence: number;
  title: string;
  workCenterId: string | null;
  minutesPerUnit: number | null;
  workCenter: { id: string; name: string; active: boolean } | null;
}

export interface BomView {
  productId: string;
  product: { id: string; sku: string; name: string; uom: string };
  id: string | null;
  updatedAt: string | null;
  components: BomComponent[];
  operations: BomOperation[];
}

export interface ExplosionNode {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  /** Per unit of the parent (1 for the root). */
  qtyPerUnit: number;
  /** For the requested quantity of the root. */
  quantity: number;
  children: ExplosionNode[];
}

export interface RawMaterialTotal {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  quantity: number;
  /** Only for people who may read stock. */
  onHand?: number;
  shortBy?: number;
  short?: boolean;
}

export interface Explosion {
  productId: string;
  quantity: number;
  tree: ExplosionNode;
  materials: RawMaterialTotal[];
}

export interface WorkCenter {
  id: string;
  name: string;
  description: string | null;
  costPerHour: number;
  capacity: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
