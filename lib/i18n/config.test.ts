import { negotiateLocale, resolveLocale } from "./config";

describe("negotiateLocale", () => {
  it.each([
    ["nl-NL,nl;q=0.9,en;q=0.8", "nl"],
    ["nl-BE", "nl"],
    ["en-GB,nl;q=0.5", "en"],
    ["de-DE,nl;q=0.4,en;q=0.3", "nl"],
    ["fr;q=1, en;q=0.2, nl;q=0.9", "nl"],
    ["de, fr", "en"],
    ["nl;q=0, en", "en"],
    ["", "en"],
    [undefined, "en"],
    ["garbage;;;q=x", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("resolveLocale", () => {
  it("prefers the saved preference over the browser", () => {
    expect(resolveLocale("nl", "en-US")).toBe("nl");
    expect(resolveLocale("en", "nl-NL")).toBe("en");
  });
  it("falls back to the browser for no or an unknown preference", () => {
    expect(resolveLocale(null, "nl-NL")).toBe("nl");
    expect(resolveLocale("xx", "nl-NL")).toBe("nl");
  });
});
