// Timing helpers: run workers until a deadline, count operations and keep their latencies.
import { readdirSync, readFileSync } from "node:fs";

export interface PhaseResult {
  ops: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The first few error messages, for the report. */
  errorSamples: string[];
}

/** The q-quantile (0..1) of ascending-sorted samples, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Runs `workers` loops of `op(worker, i)` for `seconds`, counting successes and failures. An op
 * returns false (or throws) when it failed; returning null means "this worker has no work left".
 */
export async function runFor(workers: number, seconds: number, op: (worker: number, i: number) => Promise<boolean | null>): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        let ok: boolean | null;
        try {
          ok = await op(w, i);
        } catch (err) {
          ok = false;
          if (errorSamples.length < 5) errorSamples.push(String((err as Error)?.message ?? err).slice(0, 300));
        }
        if (ok === null) return;
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  return phaseResult(latencies, errors, (performance.now() - start) / 1000, errorSamples);
}

/** A phase's figures from its successful operations' latencies (sorted here), its failures and its length in seconds. */
export function phaseResult(latencies: number[], errors: number, seconds: number, errorSamples: string[]): PhaseResult {
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    errorSamples,
  };
}

/** Adds an error message to a phase's samples (for ops that report failure without throwing). */
export function sampleError(samples: string[], message: string): void {
  if (samples.length < 5) samples.push(message.slice(0, 300));
}

/** The run with the median rate out of several rounds of one phase, with every round's rate (load drifts between rounds). */
export function medianRound(rounds: PhaseResult[]): PhaseResult & { rates: number[] } {
  const sorted = [...rounds].sort((a, b) => a.perSecond - b.perSecond);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...mid, errors: rounds.reduce((s, r) => s + r.errors, 0), errorSamples: rounds.flatMap((r) => r.errorSamples).slice(0, 5), rates: rounds.map((r) => r.perSecond) };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN where unreadable. */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const rest = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by each process named `postgres` (the server's backends and workers), by pid. */
export function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes(" (postgres) ")) continue;
      const rest = stat.split(") ")[1]!.split(" ");
      out.set(Number(entry), (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * The CPU seconds Postgres's processes used between two postgresCpu() snapshots: each process alive at the
 * end, less what it had used at the start (all of it when it started since). A process that ended in between
 * takes its share along, so this is a lower bound (the backends of the pools under test live throughout).
 */
export function postgresCpuBetween(start: Map<number, number>, end: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of end) total += seconds - (start.get(pid) ?? 0);
  return total;
}

const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux this runs on
