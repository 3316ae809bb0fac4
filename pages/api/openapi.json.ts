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
import stockTransfers from "@/pages/api/stock/transfers";
import stockCounts from "@/pages/api/stock/counts";
import stockCountSheet from "@/pages/api/stock/counts/sheet";
import locations from "@/pages/api/locations/index";
import locationById from "@/pages/api/locations/[id]";
import lots from "@/pages/api/lots/index";
import lotById from "@/pages/api/lots/[id]";
import lotTrace from "@/pages/api/lots/[id]/trace";
import lotCertificate from "@/pages/api/lots/[id]/certificate";
import { createLocationInput, listLocationsQuery, locationIdParam, updateLocationInput } from "@/lib/locations/schemas";
import { listLotsQuery, lotCertificateQuery, lotIdParam, lotTraceQuery } from "@/lib/lots/schemas";
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
import woLots from "@/pages/api/workorders/[id]/lots";
import woStart from "@/pages/api/workorders/[id]/start";
import scanLabel from "@/pages/api/scan/label";
import { scanLabelQuery } from "@/lib/scan/schemas";
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
import { countInput, countSheetQuery, listLedgerQuery, listLevelsQuery, manualAdjustmentInput, receiptInput, scrapInput, transferInput } from "@/lib/stock/schemas";
import { createUserInput, idParam as userIdParam, listUsersQuery, setLocaleInput, updateUserInput } from "@/lib/users/schemas";
import { createWorkCenterInput, listWorkCentersQuery, updateWorkCenterInput, workCenterIdParam } from "@/lib/workcenters/schemas";
import stationActivity from "@/pages/api/station/activity";
import stationIdentify from "@/pages/api/station/identify";
import station from "@/pages/api/station/index";
import stationOperators from "@/pages/api/station/operators";
import stationQueue from "@/pages/api/station/queue";
import stationRelease from "@/pages/api/station/release";
import stationById from "@/pages/api/stations/[id]/index";
import stationOpen from "@/pages/api/stations/[id]/open";
import stationSessions from "@/pages/api/stations/[id]/sessions";
import stations from "@/pages/api/stations/index";
import mePin from "@/pages/api/me/pin";
import userBadge from "@/pages/api/users/[id]/badge";
import { clearPinInput, createStationInput, emptyInput as stationEmptyInput, identifyInput, setPinInput, stationIdParam, updateStationInput, userIdParam as badgeUserIdParam } from "@/lib/stations/schemas";
import { apiRoute } from "@/lib/http/api";
import importKind from "@/pages/api/import/[kind]/index";
import importTemplate from "@/pages/api/import/[kind]/template";
import { importKindParam, importQuery, templateQuery } from "@/lib/import/schemas";
import { buildOpenApi, type RouteDoc } from "@/lib/http/openapi";
import webhooks from "@/pages/api/webhooks/index";
import webhookById from "@/pages/api/webhooks/[id]/index";
import webhookSecret from "@/pages/api/webhooks/[id]/secret";
import webhookDeliveries from "@/pages/api/webhooks/[id]/deliveries/index";
import webhookRedeliver from "@/pages/api/webhooks/[id]/deliveries/[deliveryId]/redeliver";
import { createWebhookInput, deliveryParam, listDeliveriesQuery, listWebhooksQuery, redeliverInput, rotateSecretInput, updateWebhookInput, webhookIdParam } from "@/lib/webhooks/schemas";

/** The device time of a shop-floor action (lib/manufacturing/action-time.ts, docs/domain.md "Offline tablet"). */
const AT_DOC =
  "`at` (optional): when the action happened on the device, e.g. a tablet replaying what it queued offline. The server books it instead of its own time: more than 60 s in the future → 400 (detail code `AT_IN_FUTURE`), more than 24 h ago → 400 `AT_TOO_OLD`, more than 60 s before the work order's previous step → 400 `AT_BEFORE_PREVIOUS` (less is booked at that step); a start that would overlap the person's own work elsewhere beyond the parallel limit → 409 `INVALID_STATE` (rule `OVERLAP`).";


const paged = "A page of results: `{ items, total, page, pageSize }`.";

// The document's own route: described here without importing it (it imports this file).
const openapiModule = { routeMethods: { GET: "authenticated" } } as const;

export const API_ROUTES: RouteDoc[] = [
  { path: "/api/webhooks", file: "webhooks/index.ts", tag: "Webhooks", module: webhooks, ops: { GET: { summary: "List webhooks (the secret never; its last four characters)", query: listWebhooksQuery, description: paged }, POST: { summary: "Subscribe a URL to event names; the answer carries the secret, the only time it is shown", body: createWebhookInput, success: 201, description: "Each matching event is POSTed as `{ id, event, occurredAt, data }` with `X-MES-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">` (docs/webhooks.md)." } } },
  { path: "/api/webhooks/{id}", file: "webhooks/[id]/index.ts", tag: "Webhooks", module: webhookById, ops: { GET: { summary: "A webhook", params: webhookIdParam }, PATCH: { summary: "Change URL, events, description or on/off (on again resumes its pending deliveries)", params: webhookIdParam, body: updateWebhookInput }, DELETE: { summary: "Delete a webhook and its delivery log", params: webhookIdParam } } },
  { path: "/api/webhooks/{id}/secret", file: "webhooks/[id]/secret.ts", tag: "Webhooks", module: webhookSecret, ops: { POST: { summary: "A new secret (given or generated), answered once", params: webhookIdParam, body: rotateSecretInput, bodyOptional: true } } },
  { path: "/api/webhooks/{id}/deliveries", file: "webhooks/[id]/deliveries/index.ts", tag: "Webhooks", module: webhookDeliveries, ops: { GET: { summary: "A webhook's deliveries, newest first, with their attempts (status, response code, duration, error)", params: webhookIdParam, query: listDeliveriesQuery.omit({ id: true }), description: paged } } },
  { path: "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver", file: "webhooks/[id]/deliveries/[deliveryId]/redeliver.ts", tag: "Webhooks", module: webhookRedeliver, ops: { POST: { summary: "Send a delivered or given-up delivery again (same event id), as a new delivery", params: deliveryParam, body: redeliverInput, bodyOptional: true, success: 201 } } },
  {
    path: "/api/import/{kind}",
    file: "import/[kind]/index.ts",
    tag: "Import",
    module: importKind,
    ops: {
      POST: {
        summary: "Import a CSV or XLSX file of products, BOMs, work centers, opening stock or users",
        params: importKindParam,
        query: importQuery,
        upload: { fields: importQuery.pick({ dryRun: true, decimal: true, mapping: true }), mediaTypes: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] },
        description:
          "The file as multipart part `file` (with the options as form fields or in the query), or as the body itself. `dryRun=1` checks and answers " +
          "`{ ok, rows, created, updated, unchanged, errors: [{ row, column, code, message }], headers, mapping, preview }` and writes nothing; without it the whole " +
          "file is imported in one transaction, or nothing is and 400 `VALIDATION_FAILED` carries the same answer in `details`. Re-importing a file changes nothing. " +
          "Each kind also needs the permission of what it writes (products, boms: products:write; workcenters: workcenters:write; stock: stock:adjust; users: users:manage). Over 10 MB → 413. See docs/import.md.",
      },
    },
  },
  {
    path: "/api/import/{kind}/template",
    file: "import/[kind]/template.ts",
    tag: "Import",
    module: importTemplate,
    ops: { GET: { summary: "The empty file of a kind: its columns and an example row", params: importKindParam, query: templateQuery, produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] } },
  },
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
  { path: "/api/workorders/{id}/start", file: "workorders/[id]/start.ts", tag: "Work orders", module: woStart, ops: { POST: { summary: "Start a work order", params: woRef, body: transitionInput, bodyOptional: true, description: AT_DOC } } },
  { path: "/api/workorders/{id}/pause", file: "workorders/[id]/pause.ts", tag: "Work orders", module: woPause, ops: { POST: { summary: "Pause a work order (with a pause reason)", params: woRef, body: pauseWoInput, bodyOptional: true, description: AT_DOC } } },
  { path: "/api/workorders/{id}/complete", file: "workorders/[id]/complete.ts", tag: "Work orders", module: woComplete, ops: { POST: { summary: "Complete a work order (good and scrap quantities)", params: woRef, body: completeWoInput, bodyOptional: true, description: AT_DOC } } },
  { path: "/api/workorders/{id}/lots", file: "workorders/[id]/lots.ts", tag: "Work orders", module: woLots, ops: { GET: { summary: "The lots a work order's completion may name (whether it finishes the order; per lot-tracked component, its lots first expiry first)", params: woRef } } },
  { path: "/api/scan/label", file: "scan/label.ts", tag: "Work orders", module: scanLabel, ops: { GET: { summary: "A scanned lot or location label: the lot and where it is, or the location and its largest lines", query: scanLabelQuery } } },
  {
    path: "/api/workorders/{id}/comments",
    file: "workorders/[id]/comments.ts",
    tag: "Work orders",
    module: woComments,
    ops: {
      GET: { summary: "A work order's comments", params: woRef, query: listCommentsQuery, description: paged },
      POST: { summary: "Comment on a work order", params: woRef, body: createCommentInput, success: 201, description: "`at` (optional): when it was written on the device; booked as the comment's time (more than 60 s ahead → 400 `AT_IN_FUTURE`, more than 24 h ago → 400 `AT_TOO_OLD`)." },
    },
  },
  { path: "/api/stock", file: "stock/index.ts", tag: "Stock", module: stock, ops: { GET: { summary: "Stock levels", query: listLevelsQuery, description: paged } } },
  { path: "/api/stock/ledger", file: "stock/ledger.ts", tag: "Stock", module: ledger, ops: { GET: { summary: "The stock ledger", query: listLedgerQuery, description: `${paged} Newest first; past 10,000 rows \`total\` is "at least" (\`totalCapped\`). \`nextBefore\` (when older entries follow) is the \`before\` of the next page: the keyset way to page deep.` } } },
  { path: "/api/stock/manual", file: "stock/manual.ts", tag: "Stock", module: stockManual, ops: { POST: { summary: "A manual stock adjustment", body: manualAdjustmentInput, success: 201 } } },
  { path: "/api/stock/scrap", file: "stock/scrap.ts", tag: "Stock", module: stockScrap, ops: { POST: { summary: "Scrap stock (with a reason)", body: scrapInput, success: 201 } } },
  { path: "/api/stock/receipts", file: "stock/receipts.ts", tag: "Stock", module: stockReceipts, ops: { POST: { summary: "Receive stock", body: receiptInput, success: 201 } } },
  { path: "/api/stock/transfers", file: "stock/transfers.ts", tag: "Stock", module: stockTransfers, ops: { POST: { summary: "Move stock between locations (TRANSFER_OUT + TRANSFER_IN)", body: transferInput, success: 201 } } },
  {
    path: "/api/stock/counts",
    file: "stock/counts.ts",
    tag: "Stock",
    module: stockCounts,
    ops: { POST: { summary: "A cycle count at one location (COUNT entries)", body: countInput, success: 201, description: "Refused as a whole (409 `CONFLICT`, nothing written) when a line's on-hand differs from its `expectedOnHand`." } },
  },
  {
    path: "/api/stock/counts/sheet",
    file: "stock/counts/sheet.ts",
    tag: "Stock",
    module: stockCountSheet,
    ops: {
      GET: {
        summary: "The blind count sheet of a location as a file",
        query: countSheetQuery,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"],
        description: "Every product and lot on hand at the location with SKU, name, lot, expiry and unit, and an empty counted column; the on-hand is not printed (docs/locations.md).",
      },
    },
  },
  {
    path: "/api/locations",
    file: "locations/index.ts",
    tag: "Stock",
    module: locations,
    ops: { GET: { summary: "Locations", query: listLocationsQuery }, POST: { summary: "Create a location", body: createLocationInput, success: 201 } },
  },
  {
    path: "/api/locations/{id}",
    file: "locations/[id].ts",
    tag: "Stock",
    module: locationById,
    ops: { GET: { summary: "A location and its stock per product and lot", params: locationIdParam }, PATCH: { summary: "Change a location", params: locationIdParam, body: updateLocationInput } },
  },
  { path: "/api/lots", file: "lots/index.ts", tag: "Stock", module: lots, ops: { GET: { summary: "Lots, first expiry first: one product's, or every lot a page at a time", query: listLotsQuery } } },
  { path: "/api/lots/{id}", file: "lots/[id].ts", tag: "Stock", module: lotById, ops: { GET: { summary: "A lot and where it is", params: lotIdParam } } },
  {
    path: "/api/lots/{id}/trace",
    file: "lots/[id]/trace.ts",
    tag: "Stock",
    module: lotTrace,
    ops: { GET: { summary: "Trace a lot: the orders that made it and what they consumed, the orders that consumed it and what they made", params: lotIdParam, query: lotTraceQuery.omit({ id: true }) } },
  },
  {
    path: "/api/lots/{id}/certificate",
    file: "lots/[id]/certificate.ts",
    tag: "Stock",
    module: lotCertificate,
    ops: {
      GET: {
        summary: "A lot's traceability certificate (PDF, in the reader's language)",
        params: lotIdParam,
        query: lotCertificateQuery.omit({ id: true }),
        produces: ["application/pdf"],
      },
    },
  },
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
  // Stations (docs/stations.md): set up by a manager, used by operators who identify by badge or PIN.
  { path: "/api/me/pin", file: "me/pin.ts", tag: "Stations", module: mePin, ops: { GET: { summary: "Whether one has a station PIN and a badge" }, PATCH: { summary: "Set one's own station PIN (with one's password)", body: setPinInput }, DELETE: { summary: "Remove one's own station PIN (with one's password)", body: clearPinInput } } },
  { path: "/api/users/{id}/badge", file: "users/[id]/badge.ts", tag: "Stations", module: userBadge, ops: { POST: { summary: "Issue a new badge code for a person (in this answer only; the old badge stops working)", params: badgeUserIdParam, body: stationEmptyInput, bodyOptional: true }, DELETE: { summary: "Withdraw a person's badge", params: badgeUserIdParam } } },
  { path: "/api/stations", file: "stations/index.ts", tag: "Stations", module: stations, ops: { GET: { summary: "List stations" }, POST: { summary: "Create a station for one or more work centers", body: createStationInput, success: 201 } } },
  { path: "/api/stations/{id}", file: "stations/[id]/index.ts", tag: "Stations", module: stationById, ops: { PATCH: { summary: "Rename a station or change its work centers", params: stationIdParam, body: updateStationInput } } },
  { path: "/api/stations/{id}/open", file: "stations/[id]/open.ts", tag: "Stations", module: stationOpen, ops: { POST: { summary: "Make this browser the station (sets the station cookie, ends the caller's own session here)", params: stationIdParam, body: stationEmptyInput, bodyOptional: true } } },
  { path: "/api/stations/{id}/sessions", file: "stations/[id]/sessions.ts", tag: "Stations", module: stationSessions, ops: { DELETE: { summary: "Sign every tablet of a station out, with their operators", params: stationIdParam } } },
  { path: "/api/station", file: "station/index.ts", tag: "Stations", module: station, ops: { GET: { summary: "The station this browser is, and the operator on it (station cookie)" } } },
  { path: "/api/station/queue", file: "station/queue.ts", tag: "Stations", module: stationQueue, ops: { GET: { summary: "The station's work centers' open work orders, ranked (station cookie)" } } },
  { path: "/api/station/operators", file: "station/operators.ts", tag: "Stations", module: stationOperators, ops: { GET: { summary: "The names on the station's PIN pad (station cookie)" } } },
  { path: "/api/station/identify", file: "station/identify.ts", tag: "Stations", module: stationIdentify, ops: { POST: { summary: "Identify an operator on this station by PIN or badge (401 wrong, 429 throttled)", body: identifyInput } } },
  { path: "/api/station/release", file: "station/release.ts", tag: "Stations", module: stationRelease, ops: { POST: { summary: "Sign the operator out of this station", body: stationEmptyInput, bodyOptional: true } } },
  { path: "/api/station/activity", file: "station/activity.ts", tag: "Stations", module: stationActivity, ops: { POST: { summary: "The operator is still here: their idle timer starts again", body: stationEmptyInput, bodyOptional: true } } },
];

export const config = { api: { bodyParser: false } };

// For signed-in users and tokens: the document names every route and permission of the factory's API.
export default apiRoute({
  GET: { permission: "authenticated", handler: async () => buildOpenApi(API_ROUTES) },
});
