import { searchText, text, unstorableText } from "./text";

describe("text", () => {
  const t = text({ max: 10 });

  test("trims and accepts ordinary and astral text (a surrogate pair is one character)", () => {
    expect(t.parse("  Weld  ")).toBe("Weld");
    expect(t.parse("Tafel × 2")).toBe("Tafel × 2");
    expect(t.parse("🔧 ok")).toBe("🔧 ok");
  });

  test.each([
    ["NUL", "a\u0000b", "must not contain NUL characters"],
    ["a lone high surrogate", "a\ud800b", "must not contain unpaired surrogates (invalid Unicode)"],
    ["a lone low surrogate", "\udc00", "must not contain unpaired surrogates (invalid Unicode)"],
    ["a high surrogate at the end", "ok\ud83d", "must not contain unpaired surrogates (invalid Unicode)"],
    ["two high surrogates", "\ud83d\ud83d\udd27", "must not contain unpaired surrogates (invalid Unicode)"],
  ])("refuses %s", (_, value, message) => {
    const r = t.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain(message);
  });

  test("refuses empty, too long and non-strings", () => {
    expect(t.safeParse("   ").error!.issues[0]!.message).toBe("must not be empty");
    expect(t.safeParse("x".repeat(11)).error!.issues[0]!.message).toBe("must be at most 10 characters");
    expect(t.safeParse(5).error!.issues[0]!.message).toBe("must be a string");
    expect(t.safeParse(["a"]).success).toBe(false);
  });

  test("search text may be empty but not unstorable", () => {
    expect(searchText().parse(" ")).toBe("");
    expect(searchText().safeParse("\u0000").success).toBe(false);
  });

  test("unstorableText names the reason or returns null", () => {
    expect(unstorableText("fine")).toBeNull();
    expect(unstorableText("\ud83d\udd27")).toBeNull();
    expect(unstorableText(JSON.parse('"\\ud800"') as string)).toMatch(/unpaired/);
  });
});
