import { useRouter } from "next/router";
import { useCallback, useMemo } from "react";

/**
 * Screen filters kept in the address (?state=&q=&page=), so a filtered list can be bookmarked,
 * linked from a dashboard and survives reload and the back button. Empty values are left out.
 */
export function useUrlState<K extends string>(keys: readonly K[]): { values: Record<K, string>; set: (patch: Partial<Record<K, string>>) => void; ready: boolean } {
  const router = useRouter();
  const { query, isReady } = router;
  const keyList = keys.join(",");
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const k of keyList.split(",") as K[]) {
      const v = query[k];
      out[k] = (Array.isArray(v) ? v[0] : v) ?? "";
    }
    return out;
  }, [query, keyList]);

  const set = useCallback(
    (patch: Partial<Record<K, string>>) => {
      const next: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...router.query, ...patch })) {
        const s = Array.isArray(v) ? v[0] : v;
        if (typeof s === "string" && s !== "") next[k] = s;
      }
      void router.replace({ pathname: router.pathname, query: next }, undefined, { shallow: true, scroll: false });
    },
    [router],
  );
  return { values, set, ready: isReady };
}
