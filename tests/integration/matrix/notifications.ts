import type { MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;

export const entries: MatrixEntry[] = [
  { route: "/api/notifications", method: "GET", path: () => "/api/notifications", allowed: [...ALL] },
  {
    route: "/api/notifications/[id]/read",
    method: "POST",
    // Each caller reads a notification of their own.
    setup: async (prisma, fx, role) => {
      const n = await prisma.notification.create({ data: { userId: fx.users[role ?? "VIEWER"], type: "test", title: "t", body: "b" } });
      return { notification: n.id };
    },
    path: (fx) => `/api/notifications/${fx.extra.notification}/read`,
    allowed: [...ALL],
  },
  { route: "/api/notifications/read-all", method: "POST", path: () => "/api/notifications/read-all", allowed: [...ALL] },
];
