import { ZodError } from "zod";
import { COUNTED_UNITS, assertWholeQuantity, isCountedUnit, wholeQuantityIssue } from "./units";

test("counted units are matched case-insensitively; measured units are not counted", () => {
  for (const u of COUNTED_UNITS) expect(isCountedUnit(u.toUpperCase())).toBe(true);
  expect(isCountedUnit(" Pcs ")).toBe(true);
  for (const u of ["kg", "m", "l", "pack", "", null, undefined]) expect(isCountedUnit(u)).toBe(false);
});

test("a fraction of a counted unit is refused with the field, the product and its unit", () => {
  const table = { name: "Metal Table", uom: "pcs" };
  expect(wholeQuantityIssue(2, table)).toBeNull();
  expect(wholeQuantityIssue(1.5, { name: "Steel", uom: "kg" })).toBeNull();
  let err: unknown;
  try {
    assertWholeQuantity(["quantity"], 1.5, table);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ZodError);
  expect((err as ZodError).issues[0]).toMatchObject({ path: ["quantity"], message: "Metal Table is counted in pcs: use a whole number" });
  expect(() => assertWholeQuantity(["quantity"], undefined, table)).not.toThrow();
});
