// Stations (docs/stations.md): managers and admins set them up; one's own PIN is everyone's; badges
// are the admin's. The station routes (/api/station/*) need the station cookie, which no role's
// browser here has: signed in they answer 403, signed out 401 (tests/integration/stations.test.ts
// covers them on a real station).
import { DEMO_USERS } from "@/lib/demo/seed";
import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;
const MANAGERS = ["ADMIN", "MANAGER"] as const;
const passwordOf = (role: string) => DEMO_USERS.find((u) => u.role === role)!.password;

const station = async (prisma: Parameters<NonNullable<MatrixEntry["setup"]>>[0], fx: Parameters<NonNullable<MatrixEntry["setup"]>>[1]) => ({
  id: (await prisma.station.create({ data: { name: `Matrix ${fx.unique}`, workCenters: { create: [{ workCenterId: fx.workCenters.welding }] } } })).id,
});

export const entries: MatrixEntry[] = [
  { route: "/api/stations", method: "GET", path: () => "/api/stations", allowed: [...MANAGERS] },
  { route: "/api/stations", method: "POST", path: () => "/api/stations", body: (fx) => ({ name: `Matrix ${fx.unique}`, workCenterIds: [fx.workCenters.assembly] }), allowed: [...MANAGERS] },
  { route: "/api/stations/[id]", method: "PATCH", setup: station, path: (fx) => `/api/stations/${fx.extra.id}`, body: (fx) => ({ name: `Matrix renamed ${fx.unique}` }), allowed: [...MANAGERS] },
  { route: "/api/stations/[id]/open", method: "POST", setup: station, path: (fx) => `/api/stations/${fx.extra.id}/open`, allowed: [...MANAGERS] },
  { route: "/api/stations/[id]/sessions", method: "DELETE", setup: station, path: (fx) => `/api/stations/${fx.extra.id}/sessions`, allowed: [...MANAGERS] },
  { route: "/api/station", method: "GET", path: () => "/api/station", allowed: [] },
  { route: "/api/station/queue", method: "GET", path: () => "/api/station/queue", allowed: [] },
  { route: "/api/station/operators", method: "GET", path: () => "/api/station/operators", allowed: [] },
  { route: "/api/station/identify", method: "POST", path: () => "/api/station/identify", body: (fx) => ({ operatorId: fx.users.OPERATOR, pin: "0000" }), allowed: [] },
  { route: "/api/station/release", method: "POST", path: () => "/api/station/release", allowed: [] },
  { route: "/api/station/activity", method: "POST", path: () => "/api/station/activity", allowed: [] },
  { route: "/api/me/pin", method: "GET", path: () => "/api/me/pin", allowed: [...ALL] },
  { route: "/api/me/pin", method: "PATCH", path: () => "/api/me/pin", body: (_fx, role) => ({ pin: "4321", currentPassword: passwordOf(role) }), allowed: [...ALL] },
  { route: "/api/me/pin", method: "DELETE", path: () => "/api/me/pin", body: (_fx, role) => ({ currentPassword: passwordOf(role) }), allowed: [...ALL] },
  { route: "/api/users/[id]/badge", method: "POST", path: (fx) => `/api/users/${fx.users.VIEWER}/badge`, allowed: ["ADMIN"] },
  { route: "/api/users/[id]/badge", method: "DELETE", path: (fx) => `/api/users/${fx.users.VIEWER}/badge`, allowed: ["ADMIN"] },
];
