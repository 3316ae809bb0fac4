// bench/mixed.ts's live screens, in a process of their own: every event each socket receives is parsed
// there, and in the load generator's process that work would delay its own requests and so inflate the
// latencies it measures. Reads MIXED_SOCKETS ([{ url, cookie }]) from the environment, prints one JSON line
// `{"ready": n}` once all are connected, and `{"events": n}` when told to stop (SIGTERM), then exits.
import { io, type Socket } from "socket.io-client";

/** A signed-in browser's live connection (as tests/helpers/socket.ts makes one, without keeping what arrives). */
function connect(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function main(): Promise<void> {
  const wanted = JSON.parse(process.env.MIXED_SOCKETS ?? "[]") as { url: string; cookie: string }[];
  const sockets: Socket[] = [];
  for (let i = 0; i < wanted.length; i += 45) sockets.push(...(await Promise.all(wanted.slice(i, i + 45).map((w) => connect(w.url, w.cookie)))));
  let events = 0;
  for (const s of sockets) s.onAny(() => events++);
  process.stdout.write(`${JSON.stringify({ ready: sockets.length })}\n`);
  process.once("SIGTERM", () => {
    sockets.forEach((s) => s.close());
    process.stdout.write(`${JSON.stringify({ events })}\n`, () => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
