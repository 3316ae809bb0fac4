// The API server the HTTP phases load (bench/http-server.ts), started in a process of its own so the load
// generator does not share its event loop; used by bench/run.ts and bench/mixed.ts.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * Starts bench/http-server.ts on `databaseUrl` (NODE_ENV=production) and resolves with its URL.
 * BENCH_SERVER_NODE_ARGS adds Node flags to it, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (not allowed in
 * NODE_OPTIONS): the profile is written when the bench stops the server.
 */
export async function startBenchServer(databaseUrl: string, opts: { poolSize: number; secret: string; env?: Record<string, string> }): Promise<{ url: string; child: ChildProcess }> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join("bench", "http-server.ts")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(opts.poolSize), NODE_ENV: "production", NEXTAUTH_SECRET: opts.secret, PORT: "0", ...opts.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      try {
        const msg = JSON.parse(line) as { url?: string };
        if (msg.url) resolve(msg.url);
      } catch {
        console.log(`[server] ${line}`);
      }
    });
    child.once("exit", (code) => reject(new Error(`the bench server exited early (code ${code})`)));
    setTimeout(() => reject(new Error("the bench server did not start within 60 s")), 60_000).unref();
  });
  return { url, child };
}

/** SIGTERM, SIGKILL after 5 s; resolves once the server has exited. */
export async function stopBenchServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
