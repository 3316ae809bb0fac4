// A small HTTP client with a cookie jar, signing in through next-auth's real credentials flow.

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The Cookie header this client sends (for Socket.IO handshakes). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(headers: Headers): void {
    for (const c of headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Whether the jar holds a next-auth session cookie. */
  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  /** A copy of this client's cookies (the same person on a second device); `baseUrl`: on another instance. */
  clone(baseUrl = this.baseUrl): Client {
    const c = new Client(baseUrl);
    for (const [k, v] of this.cookies) c.cookies.set(k, v);
    return c;
  }

  async raw(method: string, path: string, init: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    const res = await fetch(this.baseUrl + path, {
      method,
      redirect: "manual",
      headers: { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...init.headers },
      body: init.body,
    });
    this.store(res.headers);
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body, text };
  }

  async request<T = unknown>(method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init = json === undefined ? { headers } : { body: JSON.stringify(json), headers: { "content-type": "application/json", ...headers } };
    return (await this.raw(method, path, init)) as ApiResponse<T>;
  }

  get<T = unknown>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = unknown>(path: string, json?: unknown) {
    return this.request<T>("POST", path, json);
  }
  patch<T = unknown>(path: string, json?: unknown) {
    return this.request<T>("PATCH", path, json);
  }
  put<T = unknown>(path: string, json?: unknown) {
    return this.request<T>("PUT", path, json);
  }

  /** Signs in through next-auth: csrf token → credentials callback → session cookie. Returns the callback response. */
  async signIn(email: string, password: string): Promise<ApiResponse> {
    const csrf = await this.get<{ csrfToken: string }>("/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: "true" });
    return this.raw("POST", "/api/auth/callback/credentials", {
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    });
  }

  /** Signs in and fails loudly when no session cookie came back. */
  async signInOrThrow(email: string, password: string): Promise<this> {
    const res = await this.signIn(email, password);
    if (!this.signedIn) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.text.slice(0, 200)}`);
    return this;
  }
}
