import type { SWRConfiguration } from "swr";
import { ApiError, fetcher } from "./api";
import { offlineCacheProvider } from "./offline/swrCache";
import { redirectToSignIn, signInReasonOf } from "./redirect";

/** App-wide SWR settings: no retries on 4xx, and an expired session leads to the sign-in page. */
export const swrConfig: SWRConfiguration = {
  fetcher,
  // The tablet's answers kept for a reload without a network (used only when the page loads offline).
  provider: offlineCacheProvider,
  onError(err: unknown) {
    if (err instanceof ApiError && err.status === 401) redirectToSignIn(signInReasonOf(err));
  },
  onErrorRetry(err: unknown, _key, config, revalidate, { retryCount }) {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) return;
    if (retryCount >= 3) return;
    setTimeout(() => void revalidate({ retryCount }), (config.errorRetryInterval ?? 5000) * 2 ** retryCount);
  },
};
