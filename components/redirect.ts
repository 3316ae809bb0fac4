import Router from "next/router";

/** The window event the station screen listens to when an API call finds its operator gone. */
export const STATION_SIGNED_OUT = "mes:station-signed-out";

/** Why the sign-in page is shown instead of the page the user was on (it says so above the form). */
export type SignInReason = "expired" | "deactivated";

/** The reason behind a 401 from our API (its `details.reason`): a deactivated account, else an ended session. */
export function signInReasonOf(err: unknown): SignInReason {
  const details = (err as { details?: { reason?: unknown } } | null)?.details;
  return details?.reason === "deactivated" ? "deactivated" : "expired";
}

/**
 * Sends the browser to the sign-in page, coming back to the current page afterwards. Forms keep
 * their unsent draft themselves (sessionStorage) and find it again on the way back.
 */
export function redirectToSignIn(reason: SignInReason = "expired"): void {
  if (Router.pathname === "/signin") return;
  // On a station the operator was dropped (idle, or signed out elsewhere): the station screen shows
  // its own sign-in (badge / PIN) instead (components/station/StationScreen.tsx).
  if (Router.pathname === "/station") {
    window.dispatchEvent(new Event(STATION_SIGNED_OUT));
    return;
  }
  void Router.replace({ pathname: "/signin", query: { callbackUrl: Router.asPath, reason } });
}
