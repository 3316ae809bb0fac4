import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface Instance {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts tests/instances/instance.ts in a process of its own on the given Postgres database. */
export function startInstance(databaseUrl: string, maxMs = 5 * 60_000): Promise<Instance> {
  // tsx as a loader in this one process (not tsx's CLI, which runs the script in a child of its own):
  // a signal sent to `child` (SIGSTOP, SIGKILL in the outbox crash test) reaches the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/instances/instance.ts"], {
    cwd: path.resolve("."),
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test", INSTANCE_MAX_MS: String(maxMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 4000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`instance did not start within 60 s:\n${out}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/READY (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, stop });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited with ${code}:\n${out}`));
    });
  });
}
