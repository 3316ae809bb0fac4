// The browser-side rules every form relies on (components/format.ts, components/forms/*): how typed
// numbers are read, how messages name their field, one idempotency key per user action, and the one
// formatMinutes. Pure functions: no database, no browser.
import { ApiError } from "@/components/api";
import { formatMinutes, parseNumber } from "@/components/format";
import { ActionKeys, isRetryable } from "@/components/forms/actionKey";
import { checkFieldsMessage, detailIssues, labelled } from "@/components/forms/messages";

describe("parseNumber", () => {
  test("reads what people type, including a decimal comma and thousands separators", () => {
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber(" 2,5 ")).toBe(2.5);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("-3")).toBe(-3);
  });
  test("empty is null (a cleared optional field); text is NaN, so the form says 'Enter a number'", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("   ")).toBeNull();
    expect(parseNumber("abc")).toBeNaN();
    expect(parseNumber("12abc")).toBeNaN();
    expect(parseNumber("1.2.3")).toBeNaN();
  });
});

describe("formatMinutes", () => {
  test("0 is '0 min', a fraction of a minute 'under a minute', then hours and minutes", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(0.4)).toBe("under a minute");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(150)).toBe("2 h 30 min");
    expect(formatMinutes(null)).toBe("—");
  });
});

describe("messages", () => {
  test("a schema's message gets the field's label; finished sentences stay as they are", () => {
    expect(labelled("SKU", "is required")).toBe("SKU is required");
    expect(labelled("Reorder point", "must be 0 or more")).toBe("Reorder point must be 0 or more");
    expect(labelled("Quantity", "Metal Table is counted in pcs: use a whole number")).toBe("Metal Table is counted in pcs: use a whole number");
    expect(labelled(undefined, "is required")).toBe("is required");
  });
  test("the summary names the fields by label, each once", () => {
    expect(checkFieldsMessage(["Password"])).toBe("Check the marked field: Password.");
    expect(checkFieldsMessage(["SKU", "Unit cost", "SKU"])).toBe("Check the marked fields: SKU, Unit cost.");
  });
  test("details of a 400 are read defensively", () => {
    const err = new ApiError(400, "VALIDATION_FAILED", "sku: is required", [{ path: "sku", message: "is required", code: "too_small" }, { nope: 1 }, { path: ["components", 0, "qtyPerUnit"], message: "must be greater than 0" }]);
    expect(detailIssues(err)).toEqual([
      // The zod issue code is kept: other languages translate the message by it (components/forms/messages.ts).
      { path: "sku", message: "is required", code: "too_small" },
      { path: "components.0.qtyPerUnit", message: "must be greater than 0" },
    ]);
    expect(detailIssues(new ApiError(409, "INSUFFICIENT_STOCK", "Not enough", { shortages: [] }))).toEqual([]);
    expect(detailIssues(new Error("x"))).toEqual([]);
  });
});

describe("ActionKeys: one idempotency key per user action", () => {
  test("a new action gets a new key; the same request re-sent after no answer reuses it", () => {
    const keys = new ActionKeys();
    const first = keys.forBody({ quantity: 1 });
    keys.failed(new ApiError(0, "NETWORK", "offline"));
    expect(keys.forBody({ quantity: 1 })).toBe(first);
    keys.failed(new ApiError(503, "SERVICE_UNAVAILABLE", "away"));
    expect(keys.forBody({ quantity: 1 })).toBe(first);
    // Changed input is another action.
    const second = keys.forBody({ quantity: 2 });
    expect(second).not.toBe(first);
  });
  test("an answered request (success or a refusal) ends the action", () => {
    const keys = new ActionKeys();
    const a = keys.forBody({ x: 1 });
    keys.done();
    const b = keys.forBody({ x: 1 });
    expect(b).not.toBe(a);
    keys.failed(new ApiError(409, "INSUFFICIENT_STOCK", "short"));
    expect(keys.forBody({ x: 1 })).not.toBe(b);
  });
  test("only 'no answer' and 5xx are retryable", () => {
    expect(isRetryable(new ApiError(0, "NETWORK", ""))).toBe(true);
    expect(isRetryable(new ApiError(503, "SERVICE_UNAVAILABLE", ""))).toBe(true);
    expect(isRetryable(new ApiError(400, "VALIDATION_FAILED", ""))).toBe(false);
    expect(isRetryable(new Error("x"))).toBe(false);
  });
});
