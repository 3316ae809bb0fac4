// Every response carries the same security headers, including the ones Socket.IO writes itself
// (engine.io answers /socket.io/ polling requests before the app's request listener runs).
import { startTestApp, type TestApp } from "../helpers/app";

const NAMES = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy"];

let app: TestApp;
let expected: Record<string, string>;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  const res = await fetch(`${app.url}/api/health`);
  expected = Object.fromEntries(NAMES.map((n) => [n, res.headers.get(n) ?? ""]));
  expect(Object.values(expected).every(Boolean)).toBe(true); // the API's own responses have them
});
afterAll(async () => {
  await app.close();
});

function headersOf(res: Response): Record<string, string | null> {
  return Object.fromEntries(NAMES.map((n) => [n, res.headers.get(n)]));
}

test("the polling handshake and the next poll carry the API's security headers", async () => {
  const hs = await fetch(`${app.url}/socket.io/?EIO=4&transport=polling`);
  expect(hs.status).toBe(200);
  expect(headersOf(hs)).toEqual(expected);
  const sid = (JSON.parse((await hs.text()).slice(1)) as { sid: string }).sid;
  const poll = await fetch(`${app.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "40" });
  expect(poll.status).toBe(200);
  expect(headersOf(poll)).toEqual(expected);
});

test.each([
  ["an unsupported protocol version", "/socket.io/?EIO=9&transport=polling", {}, 400],
  ["an unknown session id", "/socket.io/?EIO=4&transport=polling&sid=nope", {}, 400],
  ["another site's handshake", "/socket.io/?EIO=4&transport=polling", { origin: "https://evil.example" }, 403],
])("Socket.IO's own refusal of %s carries them too", async (_label, path, headers, status) => {
  const res = await fetch(`${app.url}${path}`, { headers });
  expect(res.status).toBe(status);
  expect(headersOf(res)).toEqual(expected);
});
