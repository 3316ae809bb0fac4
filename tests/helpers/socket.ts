import { io, type Socket } from "socket.io-client";
import { CLIENT_EVENTS } from "@/lib/realtime/events";
import type { Client } from "./client";

export interface Received {
  name: string;
  payload: Record<string, unknown>;
}

export interface TestSocket {
  socket: Socket;
  received: Received[];
  /** Resolves with the first matching event (already received or arriving within `ms`). */
  waitFor(name: string, match?: (p: Record<string, unknown>) => boolean, ms?: number): Promise<Received>;
  close(): void;
}

/** Opens a Socket.IO connection carrying the client's session cookie; rejects with the server's refusal. */
export function connectSocket(baseUrl: string, client?: Client, headers: Record<string, string> = {}): Promise<TestSocket> {
  const cookie = client?.cookieHeader();
  const socket = io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
  });
  const received: Received[] = [];
  for (const name of CLIENT_EVENTS) socket.on(name, (payload: Record<string, unknown>) => received.push({ name, payload }));
  const t: TestSocket = {
    socket,
    received,
    waitFor(name, match = () => true, ms = 5000) {
      const hit = received.find((r) => r.name === name && match(r.payload));
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.off(name, on);
          reject(new Error(`no ${name} within ${ms} ms (received: ${received.map((r) => r.name).join(", ") || "nothing"})`));
        }, ms);
        const on = (payload: Record<string, unknown>) => {
          if (!match(payload)) return;
          clearTimeout(timer);
          socket.off(name, on);
          resolve({ name, payload });
        };
        socket.on(name, on);
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(t));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Waits long enough for a broadcast that should NOT arrive to have arrived. */
export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
