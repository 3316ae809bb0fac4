import { orderOfNote } from "./order-note";

test("reads the order number of the notes MO postings get", () => {
  expect(orderOfNote("MO_CONSUMPTION", "MO-000001: materials consumed")).toBe("MO-000001");
  expect(orderOfNote("MO_OUTPUT", "MO-1234567: produced")).toBe("MO-1234567");
});

test("leaves every other note alone", () => {
  expect(orderOfNote("MANUAL", "MO-000001: materials consumed")).toBeNull();
  expect(orderOfNote("MO_OUTPUT", "MO-000001: produced twice")).toBeNull();
  expect(orderOfNote("MO_OUTPUT", "typed by hand")).toBeNull();
  expect(orderOfNote("MO_OUTPUT", null)).toBeNull();
});
