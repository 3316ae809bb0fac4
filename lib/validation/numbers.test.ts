import { MAX_DECIMAL, hasAtMost4Decimals, nonNegativeDecimal, positiveDecimal, signedQuantity, wholeNumber } from "./numbers";

test("decimals: at most 4 places, finite, inside Decimal(18,4)", () => {
  expect(hasAtMost4Decimals(0.1 + 0.2)).toBe(false);
  expect(hasAtMost4Decimals(1.2345)).toBe(true);
  expect(positiveDecimal().parse(0.0001)).toBe(0.0001);
  for (const bad of [0, -1, 1.00001, MAX_DECIMAL, Infinity, NaN, "1", null]) expect(positiveDecimal().safeParse(bad).success).toBe(false);
  expect(nonNegativeDecimal().parse(0)).toBe(0);
  expect(nonNegativeDecimal().safeParse(-0.0001).success).toBe(false);
  expect(nonNegativeDecimal().safeParse(JSON.parse("1e400")).success).toBe(false);
});

test("signed quantities and whole numbers", () => {
  expect(signedQuantity().parse(-2.5)).toBe(-2.5);
  expect(signedQuantity().safeParse(1e9 + 1).success).toBe(false);
  expect(wholeNumber(0, 10).safeParse(1.5).error!.issues[0]!.message).toBe("must be a whole number");
  expect(wholeNumber(0, 10).safeParse(11).success).toBe(false);
});
