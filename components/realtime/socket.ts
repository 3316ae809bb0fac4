// One Socket.IO connection per browser tab, shared by every component that listens.
import { io, type Socket } from "socket.io-client";
import type { ClientEventName } from "@/lib/realtime/events";

type Listener = (payload: Record<string, unknown>) => void;

let socket: Socket | null = null;
const reconnectListeners = new Set<() => void>();
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function open(): Socket {
  if (socket) return socket;
  const s = io({ path: "/socket.io", transports: ["websocket", "polling"], withCredentials: true });
  s.on("connect", () => {
    // Broadcasts reach only connected sockets: after a gap, everything on screen refetches. The first
    // connection counts too: a screen fetches its data while the socket is still shaking hands (a
    // session lookup on the server), and a change committed in between would otherwise never show
    // (seen as a WO assigned right after the tablet opened that did not appear).
    for (const l of reconnectListeners) l();
  });
  s.on("connect_error", () => {
    // A refused handshake (signed out, deactivated) is not retried by the client itself.
    if (!s.active && !retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        s.connect();
      }, 10_000);
    }
  });
  s.on("disconnect", (reason) => {
    // "io server disconnect": the server dropped us (e.g. deactivated); try again later, like a refusal.
    if (reason === "io server disconnect" && !retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        s.connect();
      }, 10_000);
    }
  });
  socket = s;
  return s;
}

/** Subscribes to a server event; returns the unsubscriber. */
export function onEvent(name: ClientEventName, listener: Listener): () => void {
  const s = open();
  s.on(name, listener);
  return () => {
    s.off(name, listener);
  };
}

/** Runs `listener` after each connection, the first included (to refetch what may have been missed). */
export function onReconnect(listener: () => void): () => void {
  open();
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

/** Closes the tab's connection (sign-out). */
export function closeSocket(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  socket?.close();
  socket = null;
}
