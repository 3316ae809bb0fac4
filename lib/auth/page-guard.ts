// The server-side guard of every page but /signin: a signed-out visitor is redirected to the sign-in
// page before any of the app is sent, and a role that may not see a page gets the Forbidden page
// with status 403. It runs as the page's getServerSideProps, in the same process and bundle as the API
// routes, so it makes the API's own session check (one query: user + session, revocation included).
import type { GetServerSideProps } from "next";
import { isDatabaseUnavailable } from "../db/unavailable";
import { RETRY_AFTER_SECONDS } from "../http/errors";
import { i18nProps, type I18nProps } from "../i18n/page-props";
import { shownMe, type ShownMe } from "./me";
import { can, scopeOf, type Permission } from "./permissions";
import { readSession } from "./session";
import { isStationPage } from "./station-scope";
import { readStationDevice } from "./station-session";

/**
 * What the guard hands to the page (pages/_app.tsx renders the Forbidden page when `forbidden` is set),
 * always with the person's language and its catalogs (their preference, else the browser's).
 */
export interface GuardProps extends I18nProps {
  /** The signed-in user, as GET /api/me answers: the shell renders with it instead of waiting for that request. */
  me?: ShownMe;
  forbidden?: ShownMe;
  /** The database could not be reached to check the session: a 503 page that says so, not a 500. */
  unavailable?: true;
}

/**
 * A getServerSideProps for a page that needs `permission` (null: any signed-in user); with
 * `allRecords`, only roles holding it for every record (the planning lists are not for operators).
 */
export function guardPage(permission: Permission | null, opts: { allRecords?: boolean } = {}): GetServerSideProps<GuardProps> {
  return async ({ req, res, resolvedUrl }) => {
    let session: Awaited<ReturnType<typeof readSession>>;
    try {
      session = await readSession(req);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      res.statusCode = 503;
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      // No user to read a preference from: the browser's language.
      return { props: { ...i18nProps(req, null), unavailable: true } };
    }
    const { user, reason } = session;
    // A station (a tablet a manager signed in for its work centers) opens the station screen only.
    if (user?.station ? !isStationPage(resolvedUrl) : !user && (await readStationDevice(req))) {
      return { redirect: { destination: "/station", permanent: false } };
    }
    if (!user) {
      const query = new URLSearchParams({ callbackUrl: resolvedUrl });
      // A cookie that no longer works: tell the person why they have to sign in again.
      if (reason !== "signed-out") query.set("reason", reason === "deactivated" ? "deactivated" : "expired");
      return { redirect: { destination: `/signin?${query}`, permanent: false } };
    }
    const scope = permission ? scopeOf(user, permission) : "all";
    if (!scope || (opts.allRecords && scope !== "all")) {
      res.statusCode = 403;
      return { props: { ...i18nProps(req, user.locale), forbidden: shownMe(user) } };
    }
    return { props: { ...i18nProps(req, user.locale), me: shownMe(user) } };
  };
}

/**
 * The guard of the station screen (/station, docs/stations.md): a browser signed in as a station gets
 * it, in the language of the operator on it (else the browser's); any other browser goes to the
 * station setup (a manager) or to the sign-in page on the way there.
 */
export function guardStationPage(): GetServerSideProps<GuardProps> {
  return async ({ req, res }) => {
    let session: Awaited<ReturnType<typeof readSession>>;
    let device: Awaited<ReturnType<typeof readStationDevice>>;
    try {
      [session, device] = await Promise.all([readSession(req), readStationDevice(req)]);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      res.statusCode = 503;
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return { props: { ...i18nProps(req, null), unavailable: true } };
    }
    const { user } = session;
    if (!device) {
      if (user && !user.station && can(user, "stations:manage")) return { redirect: { destination: "/station/setup", permanent: false } };
      return { redirect: { destination: `/signin?${new URLSearchParams({ callbackUrl: "/station/setup" })}`, permanent: false } };
    }
    return { props: i18nProps(req, user?.station ? user.locale : null) };
  };
}
