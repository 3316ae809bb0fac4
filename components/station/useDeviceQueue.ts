// Every action queued on this tablet, whoever tapped it (components/offline/queue.ts): the station
// shows those of operators who are no longer signed in, and keeps an operator from switching away
// while their own are still waiting (they can be sent only under that operator's session).
import { useEffect, useState } from "react";
import { allQueued, onQueueChange, type QueuedAction } from "../offline/queue";

/** The entries still waiting to be sent (not the conflicts), in tap order, kept current. */
export function useDeviceQueue(): QueuedAction[] {
  const [entries, setEntries] = useState<QueuedAction[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void allQueued().then((all) => {
        if (live) setEntries(all.filter((e) => e.state === "queued"));
      });
    load();
    const off = onQueueChange(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return entries;
}

/** The operator's entries still waiting, read now (not from a render). */
export async function waitingOf(userId: string): Promise<QueuedAction[]> {
  return (await allQueued()).filter((e) => e.state === "queued" && e.userId === userId);
}

const NAMES_KEY = "mes-station-names";

function readNames(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(NAMES_KEY) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Notes on this tablet who an operator id is (the names of actions still waiting after they left). */
export function rememberName(id: string, name: string): void {
  const names = readNames();
  if (names[id] === name) return;
  try {
    localStorage.setItem(NAMES_KEY, JSON.stringify({ ...names, [id]: name }));
  } catch {
    // Full or unavailable: the list then says "an operator".
  }
}

/** The name noted for an operator id on this tablet, if any. */
export function rememberedName(id: string | undefined): string | undefined {
  if (id === undefined || typeof localStorage === "undefined") return undefined;
  return readNames()[id];
}
