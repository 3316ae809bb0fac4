// Socket.IO on the app's HTTP server: authenticated handshakes, per-user and per-role rooms, and the
// outbox relay (lib/outbox/relay.ts) whose events are routed to the rooms allowed to see them, on this
// instance's sockets. With Postgres, @socket.io/postgres-adapter (LISTEN/NOTIFY) carries what is still
// published in memory (sessions:ended) to every app instance.
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import { Pool } from "pg";
import { Server } from "socket.io";
import { ROLES } from "../auth/permissions";
import { currentUser, type RequestUser } from "../auth/session";
import { prisma } from "../db/client";
import { securityHeaders } from "../http/security-headers";
import { affectsAvailability, materialRefreshSettled, scheduleMaterialRefresh } from "../manufacturing/availability";
import { startRelay, type Cursor, type OutboxEvent, type Relay } from "../outbox/relay";
import { isClientEvent, setAfterPublish, setPublisher, type DomainEvent } from "./events";
import { roleRoom, roomsFor, userRoom } from "./routing";

export interface RealtimeHandle {
  io: Server;
  /** Settles when the outbox relay listens (events written from then on reach this instance's sockets). */
  ready: Promise<void>;
  /** The outbox relay of this instance (tests stop and start it; it resumes where it stopped). */
  relay: { stop(): Promise<void>; start(): Promise<void>; idle(): Promise<void> };
  close(): Promise<void>;
}

interface SocketData {
  user: RequestUser;
}

/** Browsers always send Origin on a WebSocket/polling handshake; refuse other sites (cross-site WebSocket hijacking). */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The sockets opened with one sign-in session, closed when it ends. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * The in-memory path, for what is not in the outbox (sessions:ended): carried to every instance by the
 * adapter. Everything else comes from the database through the outbox relay (lib/outbox/relay.ts).
 */
async function deliverInMemory(io: Server, events: DomainEvent[]): Promise<void> {
  for (const event of events) {
    if (event.name !== "sessions:ended") continue;
    const ids = Array.isArray(event.payload.sessionIds) ? event.payload.sessionIds.filter((s): s is string => typeof s === "string") : [];
    if (ids.length) io.in(ids.map(sessionRoom)).disconnectSockets(true);
  }
}

/**
 * Routes and emits the outbox's events to this instance's own sockets only (`io.local`: every instance
 * runs a relay, so a broadcast through the adapter would arrive once per instance). `user:changed`
 * moves or drops that user's sockets here. Clients get the payload plus `eventId` (the webhook's `id`).
 */
export async function deliverLocal(io: Server, events: OutboxEvent[]): Promise<void> {
  for (const event of events) {
    if (event.name === "user:changed") {
      const id = String(event.payload.userId);
      if (event.payload.active === false) {
        io.local.in(userRoom(id)).disconnectSockets(true);
      } else if (typeof event.payload.role === "string") {
        io.local.in(userRoom(id)).socketsLeave(ROLES.map(roleRoom));
        io.local.in(userRoom(id)).socketsJoin(roleRoom(event.payload.role));
      }
      continue;
    }
    if (!isClientEvent(event.name)) continue;
    const rooms = await roomsFor(event, prisma());
    if (rooms.length) io.local.to(rooms).emit(event.name, { ...event.payload, eventId: event.eventId });
  }
}

/**
 * Attaches Socket.IO at /socket.io and installs the event publisher. `headers` (default: the
 * security headers, dev's only under NODE_ENV=development) go on every polling response Socket.IO writes itself.
 */
export function attachRealtime(http: HttpServer, opts: { databaseUrl?: string; headers?: Record<string, string> } = {}): RealtimeHandle {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(http, {
    path: "/socket.io",
    serveClient: false,
    allowRequest: (req, cb) => cb(null, sameOrigin(req.headers.origin, req.headers.host)),
  });
  // engine.io takes over the server's "request" listeners and answers /socket.io itself (handshake,
  // polling, its own 400/403 refusals), so the app's listener never sees those responses. A listener
  // put in front of engine.io's sets the headers before it writes; writeHead keeps them.
  const headers = opts.headers ?? securityHeaders(process.env.NODE_ENV === "development");
  http.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/socket.io/")) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  });
  let pool: Pool | undefined;
  if (opts.databaseUrl) {
    pool = new Pool({ connectionString: opts.databaseUrl, max: 3 });
    pool.on("error", (err) => console.error("[realtime] adapter pool error", err.message));
    // The adapter keeps one client checked out for LISTEN and attaches no "error" listener to it: when
    // the database shuts down, that error would crash the process. Log it; the adapter reconnects on "end".
    pool.on("connect", (client) => client.on("error", (err) => console.warn("[realtime] adapter connection lost", err.message)));
    // It also never gives a LISTEN client whose connection ended back to the pool: every outage would
    // leak a slot (and pool.end() would wait forever). Its connect() alone gets a client that does.
    const listenPool = pool;
    const adapterPool = {
      query: listenPool.query.bind(listenPool),
      async connect() {
        const client = await listenPool.connect();
        client.once("end", () => client.release(true));
        return client;
      },
    };
    io.adapter(createAdapter(adapterPool as unknown as Pool, { errorHandler: (err) => console.error("[realtime] adapter error", err.message) }));
  }

  io.use((socket, next) => {
    // The same check as every API request: a valid session for a user who is still active.
    currentUser(socket.request)
      .then((user) => {
        if (!user) return next(new Error("UNAUTHENTICATED"));
        socket.data.user = user;
        next();
      })
      .catch((err: unknown) => {
        console.error("[realtime] handshake failed", err);
        next(new Error("INTERNAL"));
      });
  });
  io.on("connection", (socket) => {
    const user = socket.data.user;
    void socket.join([userRoom(user.id), roleRoom(user.role), sessionRoom(user.sessionId)]);
  });

  const server = io as unknown as Server;
  setPublisher((events) => deliverInMemory(server, events));
  // Stock moved or an MO changed: re-rank material availability. The MOs whose status changed are
  // announced by the outbox trigger (mo:materialStatus), so the refresh announces nothing itself.
  setAfterPublish((events) => (affectsAvailability(events) ? scheduleMaterialRefresh(async () => undefined, events) : undefined));
  (globalThis as { __mesIo?: Server }).__mesIo = server;

  let relay: Relay | undefined;
  let position: Cursor | undefined;
  let closed = false;
  const start = async () => {
    if (relay || closed) return;
    relay = await startRelay({
      databaseUrl: opts.databaseUrl,
      after: position,
      deliver: async (events) => {
        await deliverLocal(server, events);
        // Stock posted with SQL (mes_post_stock, docs/sql.md) published nothing in memory: re-rank the
        // orders using those products from the outbox instead (app postings already did, above).
        const external = events.filter((e) => e.name === "stock:changed" && e.payload.external === true);
        if (external.length) void scheduleMaterialRefresh(async () => undefined, external);
      },
    });
  };
  const ready = start();
  ready.catch((err: unknown) => console.error("[outbox] relay did not start", err));
  const stopRelay = async () => {
    await ready.catch(() => undefined);
    const r = relay;
    relay = undefined;
    if (!r) return;
    await r.stop();
    position = r.position();
  };
  return {
    io: server,
    ready,
    relay: {
      stop: stopRelay,
      start,
      async idle() {
        await ready;
        await relay?.idle();
      },
    },
    async close() {
      closed = true;
      setPublisher(undefined);
      setAfterPublish(undefined);
      await stopRelay();
      await materialRefreshSettled();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await pool?.end();
    },
  };
}
