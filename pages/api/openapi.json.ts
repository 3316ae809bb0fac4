// GET /api/openapi.json: the OpenAPI 3.1 document (lib/http/openapi.ts builds it). Below, every API
// route: the route module itself (its methods and their permissions come from its apiRoute table)
// and, per method, the zod schemas its handler parses, the same objects, from lib/**/schemas.ts.
// tests/integration/openapi.test.ts fails when a route file or method is missing here, so a new
// route gets its line, with its schemas, here.
import audit from "@/pages/api/audit";
import health from "@/pages/api/health";
import me from "@/pages/api/me";
import moCancel from "@/pages/api/mos/[id]/cancel";
import moComplete from "@/pages/api/mos/[id]/complete";
import moById from "@/pages/api/mos/[id]/index";
import moWorkorders from "@/pages/api/mos/[id]/workorders";
import moAvailability from "@/pages/api/mos/availability";
import moBoard from "@/pages/api/mos/board";
import mos from "@/pages/api/mos/index";
import notificationRead from "@/pages/api/notifications/[id]/read";
import notifications from "@/pages/api/notifications/index";
import notificationsReadAll from "@/pages/api/notifications/read-all";
import pauseReasonById from "@/pages/api/pause-reasons/[id]";
import pauseReasons from "@/pages/api/pause-reasons/index";
import bomExplode from "@/pages/api/products/[id]/bom/explode";
import bom from "@/pages/api/products/[id]/bom/index";
import productById from "@/pages/api/products/[id]/index";
import products from "@/pages/api/products/index";
import reportExport from "@/pages/api/reports/export";
import kpis from "@/pages/api/reports/kpis";
import oee from "@/pages/api/reports/oee";
import stock from "@/pages/api/stock/index";
import ledger from "@/pages/api/stock/ledger";
import stockManual from "@/pages/api/stock/manual";
import stockReceipts from "@/pages/api/stock/receipts";
import stockScrap from "@/pages/api/stock/scrap";
import tokenById from "@/pages/api/tokens/[id]";
import tokens from "@/pages/api/tokens/index";
import userById from "@/pages/api/users/[id]/index";
import userSessions from "@/pages/api/users/[id]/sessions";
import assignable from "@/pages/api/users/assignable";
import users from "@/pages/api/users/index";
import workCenterById from "@/pages/api/workcenters/[id]";
import workCenters from "@/pages/api/workcenters/index";
import woComments from "@/pages/api/workorders/[id]/comments";
import woComplete from "@/pages/api/workorders/[id]/complete";
import woById from "@/pages/api/workorders/[id]/index";
import woPause from "@/pages/api/workorders/[id]/pause";
import woStart from "@/pages/api/workorders/[id]/start";
import workOrders from "@/pages/api/workorders/index";
import { listAuditQuery } from "@/lib/audit/schemas";
import { createTokenInput, listTokensQuery, tokenIdParam } from "@/lib/auth/schemas";
import { boardQuery } from "@/lib/manufacturing/board-schemas";
import {
  availabilityPreviewQuery,
  cancelMoInput,
  completeMoInput,
  completeWoInput,
  createPauseReasonInput,
  createCommentInput,
  createMoInput,
  createWoInput,
  idParam as moIdParam,
  listCommentsQuery,
  listMosQuery,
  listMoWosQuery,
  listPauseReasonsQuery,
  listWosQuery,
  pauseWoInput,
  transitionInput,
  updateMoInput,
  updatePauseReasonInput,
  updateWoInput,
  woRef,
} from "@/lib/manufacturing/schemas";
import { listNotificationsQuery, notificationIdParam } from "@/lib/notifications/schemas";
import { createProductInput, explodeQuery, listProductsQuery, productIdParam, replaceBomInput, updateProductInput } from "@/lib/products/schemas";
import { periodQuery } from "@/lib/reports/schemas";
import { listLedgerQuery, listLevelsQuery, manualAdjustmentInput, receiptInput, scrapInput } from "@/lib/stock/schemas";
import { createUserInput, idParam as userIdParam, listUsersQuery, setLocaleInput, updateUserInput } from "@/lib/users/schemas";
import { createWorkCenterInput, listWorkCentersQuery, updateWorkCenterInput, workCenterIdParam } from "@/lib/workcenters/schemas";
import { apiRoute } from "@/lib/http/api";
import { buildOpenApi, type RouteDoc } from "@/lib/http/openapi";


const paged = "A page of results: `{ items, total, page, pageSize }`.";

// The document's own route: described here without importing it (it imports this file).
const openapiModule = { routeMethods: { GET: "authenticated" } } as const;

export const API_ROUTES: RouteDoc[] = [
  { path: "/api/health", file: "health.ts", tag: "System", module: health, ops: { GET: { summary: "Liveness and database check (503 while the database is away)" } } },
  { path: "/api/openapi.json", file: "openapi.json.ts", tag: "System", module: openapiModule, ops: { GET: { summary: "This OpenAPI 3.1 document" } } },
  {
    path: "/api/me",
    file: "me.ts",
    tag: "Users",
    module: me,
    ops: { GET: { summary: "The signed-in user and their permissions" }, PATCH: { summary: "Set one's own language", body: setLocaleInput } },
  },
  {
    path: "/api/users",
    file: "users/index.ts",
    tag: "Users",
    module: users,
    ops: { GET: { summary: "List users", query: listUsersQuery, description: paged }, POST: { summary: "Create a user", body: createUserInput, success: 201 } },
  },
  {
    path: "/api/users/{id}",
    file: "users/[id]/index.ts",
    tag: "Users",
    module: userById,
    ops: { GET: { summary: "One user", params: userIdParam }, PATCH: { summary: "Change a user", params: userIdParam, body: updateUserInput } },
  },
  { path: "/api/users/{id}/sessions", file: "users/[id]/sessions.ts", tag: "Users", module: userSessions, ops: { DELETE: { summary: "Sign a user out everywhere", params: userIdParam } } },
  { path: "/api/users/assignable", file: "users/assignable.ts", tag: "Users", module: assignable, ops: { GET: { summary: "Active users work orders can be assigned to" } } },
  {
    path: "/api/tokens",
    file: "tokens/index.ts",
    tag: "API tokens",
    module: tokens,
    ops: {
      GET: { summary: "List API tokens (one's own; an ADMIN may name a user)", query: listTokensQuery, description: paged },
      POST: { summary: "Create an API token for a user (the token is in this answer only)", body: createTokenInput, success: 201 },
    },
  },
  { path: "/api/tokens/{id}", file: "tokens/[id].ts", tag: "API tokens", module: tokenById, ops: { DELETE: { summary: "Revoke an API token", params: tokenIdParam } } },
  {
    path: "/api/products",
    file: "products/index.ts",
    tag: "Products",
    module: products,
    ops: { GET: { summary: "List products", query: listProductsQuery, description: paged }, POST: { summary: "Create a product", body: createProductInput, success: 201 } },
  },
  {
    path: "/api/products/{id}",
    file: "products/[id]/index.ts",
    tag: "Products",
    module: productById,
    ops: {
      GET: { summary: "One product", params: productIdParam },
      PATCH: { summary: "Change a product", params: productIdParam, body: updateProductInput },
      DELETE: { summary: "Archive or delete a product", params: productIdParam, success: 204 },
    },
  },
  {
    path: "/api/products/{id}/bom",
    file: "products/[id]/bom/index.ts",
    tag: "Products",
    module: bom,
    ops: { GET: { summary: "A product's bill of materials", params: productIdParam }, PUT: { summary: "Replace a product's bill of materials", params: productIdParam, body: replaceBomInput } },
  },
  { path: "/api/products/{id}/bom/explode", file: "products/[id]/bom/explode.ts", tag: "Products", module: bomExplode, ops: { GET: { summary: "Materials needed for a quantity, all levels", params: productIdParam, query: explodeQuery } } },
  {
    path: "/api/workcenters",
    file: "workcenters/index.ts",
    tag: "Work centers",
    module: workCenters,
    ops: { GET: { summary: "List work centers", query: listWorkCentersQuery, description: paged }, POST: { summary: "Create a work center", body: createWorkCenterInput, success: 201 } },
  },
  {
    path: "/api/workcenters/{id}",
    file: "workcenters/[id].ts",
    tag: "Work centers",
    module: workCenterById,
    ops: { GET: { summary: "One work center", params: workCenterIdParam }, PATCH: { summary: "Change a work center", params: workCenterIdParam, body: updateWorkCenterInput } },
  },
  {
    path: "/api/mos",
    file: "mos/index.ts",
    tag: "Manufacturing orders",
    module: mos,
    ops: { GET: { summary: "List manufacturing orders", query: listMosQuery, description: paged }, POST: { summary: "Create a manufacturing order", body: createMoInput, success: 201 } },
  },
  {
    path: "/api/mos/availability",
    file: "mos/availability.ts",
    tag: "Manufacturing orders",
    module: moAvailability,
    ops: { GET: { summary: "Material availability of a draft order, ranked as if created now", query: availabilityPreviewQuery } },
  },
  { path: "/api/mos/board", file: "mos/board.ts", tag: "Manufacturing orders", module: moBoard, ops: { GET: { summary: "The stage board: open orders by current operation", query: boardQuery } } },
  {
    path: "/api/mos/{id}",
    file: "mos/[id]/index.ts",
    tag: "Manufacturing orders",
    module: moById,
    ops: { GET: { summary: "One manufacturing order with its work orders", params: moIdParam }, PATCH: { summary: "Change a manufacturing order", params: moIdParam, body: updateMoInput } },
  },
  { path: "/api/mos/{id}/cancel", file: "mos/[id]/cancel.ts", tag: "Manufacturing orders", module: moCancel, ops: { POST: { summary: "Cancel a manufacturing order", params: moIdParam, body: cancelMoInput, bodyOptional: true } } },
  { path: "/api/mos/{id}/complete", file: "mos/[id]/complete.ts", tag: "Manufacturing orders", module: moComplete, ops: { POST: { summary: "Complete a manufacturing order", params: moIdParam, body: completeMoInput, bodyOptional: true } } },
  {
    path: "/api/mos/{id}/workorders",
    file: "mos/[id]/workorders.ts",
    tag: "Manufacturing orders",
    module: moWorkorders,
    ops: {
      GET: { summary: "A manufacturing order's work orders", params: moIdParam, query: listMoWosQuery, description: paged },
      POST: { summary: "Add a work order to a manufacturing order", params: moIdParam, body: createWoInput, success: 201 },
    },
  },
  { path: "/api/workorders", file: "workorders/index.ts", tag: "Work orders", module: workOrders, ops: { GET: { summary: "List work orders", query: listWosQuery, description: paged } } },
  {
    path: "/api/workorders/{id}",
    file: "workorders/[id]/index.ts",
    tag: "Work orders",
    module: woById,
    ops: { GET: { summary: "One work order (by id or code)", params: woRef }, PATCH: { summary: "Change a work order", params: woRef, body: updateWoInput } },
  },
  { path: "/api/workorders/{id}/start", file: "workorders/[id]/start.ts", tag: "Work orders", module: woStart, ops: { POST: { summary: "Start a work order", params: woRef, body: transitionInput, bodyOptional: true } } },
  { path: "/api/workorders/{id}/pause", file: "workorders/[id]/pause.ts", tag: "Work orders", module: woPause, ops: { POST: { summary: "Pause a work order (with a pause reason)", params: woRef, body: pauseWoInput, bodyOptional: true } } },
  { path: "/api/workorders/{id}/complete", file: "workorders/[id]/complete.ts", tag: "Work orders", module: woComplete, ops: { POST: { summary: "Complete a work order (good and scrap quantities)", params: woRef, body: completeWoInput, bodyOptional: true } } },
  {
    path: "/api/workorders/{id}/comments",
    file: "workorders/[id]/comments.ts",
    tag: "Work orders",
    module: woComments,
    ops: {
      GET: { summary: "A work order's comments", params: woRef, query: listCommentsQuery, description: paged },
      POST: { summary: "Comment on a work order", params: woRef, body: createCommentInput, success: 201 },
    },
  },
  { path: "/api/stock", file: "stock/index.ts", tag: "Stock", module: stock, ops: { GET: { summary: "Stock levels", query: listLevelsQuery, description: paged } } },
  { path: "/api/stock/ledger", file: "stock/ledger.ts", tag: "Stock", module: ledger, ops: { GET: { summary: "The stock ledger", query: listLedgerQuery, description: paged } } },
  { path: "/api/stock/manual", file: "stock/manual.ts", tag: "Stock", module: stockManual, ops: { POST: { summary: "A manual stock adjustment", body: manualAdjustmentInput, success: 201 } } },
  { path: "/api/stock/scrap", file: "stock/scrap.ts", tag: "Stock", module: stockScrap, ops: { POST: { summary: "Scrap stock (with a reason)", body: scrapInput, success: 201 } } },
  { path: "/api/stock/receipts", file: "stock/receipts.ts", tag: "Stock", module: stockReceipts, ops: { POST: { summary: "Receive stock", body: receiptInput, success: 201 } } },
  {
    path: "/api/reports/oee",
    file: "reports/oee.ts",
    tag: "Reports",
    module: oee,
    ops: { GET: { summary: "OEE per work center and downtime per reason", query: periodQuery, description: "Also `workCenterId` (optional, a work center id) to limit it to one work center." } },
  },
  { path: "/api/reports/kpis", file: "reports/kpis.ts", tag: "Reports", module: kpis, ops: { GET: { summary: "Key figures for a period", query: periodQuery } } },
  {
    path: "/api/reports/export",
    file: "reports/export.ts",
    tag: "Reports",
    module: reportExport,
    ops: {
      GET: {
        summary: "Export a report as a file",
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"],
        description: "Query: `report`, `format` (csv, xlsx, pdf), `dialect`, the period `from`/`to`/`tz` and the report's filters (docs/domain.md \"Exports\").",
      },
    },
  },
  {
    path: "/api/pause-reasons",
    file: "pause-reasons/index.ts",
    tag: "Work orders",
    module: pauseReasons,
    ops: { GET: { summary: "Pause reasons", query: listPauseReasonsQuery, description: paged }, POST: { summary: "Create a pause reason", body: createPauseReasonInput, success: 201 } },
  },
  { path: "/api/pause-reasons/{id}", file: "pause-reasons/[id].ts", tag: "Work orders", module: pauseReasonById, ops: { PATCH: { summary: "Change a pause reason", params: moIdParam, body: updatePauseReasonInput } } },
  { path: "/api/audit", file: "audit.ts", tag: "Audit", module: audit, ops: { GET: { summary: "The audit trail", query: listAuditQuery, description: paged } } },
  { path: "/api/notifications", file: "notifications/index.ts", tag: "Notifications", module: notifications, ops: { GET: { summary: "One's notifications", query: listNotificationsQuery, description: paged } } },
  { path: "/api/notifications/{id}/read", file: "notifications/[id]/read.ts", tag: "Notifications", module: notificationRead, ops: { POST: { summary: "Mark a notification read", params: notificationIdParam } } },
  { path: "/api/notifications/read-all", file: "notifications/read-all.ts", tag: "Notifications", module: notificationsReadAll, ops: { POST: { summary: "Mark all one's notifications read" } } },
];

export const config = { api: { bodyParser: false } };

// For signed-in users and tokens: the document names every route and permission of the factory's API.
export default apiRoute({
  GET: { permission: "authenticated", handler: async () => buildOpenApi(API_ROUTES) },
});
