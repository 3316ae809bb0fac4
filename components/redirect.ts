import Router from "next/router";

/** Sends the browser to the sign-in page, coming back to the current page afterwards. */
export function redirectToSignIn(): void {
  if (Router.pathname === "/signin") return;
  void Router.replace({ pathname: "/signin", query: { callbackUrl: Router.asPath } });
}
