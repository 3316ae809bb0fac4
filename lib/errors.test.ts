import { badRequest, conflict, forbidden, InsufficientStockError, invalidState, notFound } from "./errors";
import { toErrorResponse } from "./http/errors";

const never = () => {
  throw new Error("a domain error must not be logged as unexpected");
};

describe("domain errors through the one HTTP mapper", () => {
  test.each([
    ["not found", notFound("Work order"), 404, "NOT_FOUND", "Work order not found.", undefined],
    ["invalid state", invalidState("WO-000001 is COMPLETED: it cannot start.", { status: "COMPLETED" }), 409, "INVALID_STATE", "WO-000001 is COMPLETED: it cannot start.", { status: "COMPLETED" }],
    ["conflict", conflict("A product with SKU X already exists."), 409, "CONFLICT", "A product with SKU X already exists.", undefined],
    ["forbidden (default message)", forbidden(), 403, "FORBIDDEN", "You are not allowed to do this.", undefined],
    ["validation with field paths", badRequest("assignedToId: not active.", [{ path: "assignedToId", message: "not active" }]), 400, "VALIDATION_FAILED", "assignedToId: not active.", [{ path: "assignedToId", message: "not active" }]],
  ])("%s → status, code, message and details", (_, err, status, code, message, details) => {
    const res = toErrorResponse(err, never);
    expect(res.status).toBe(status);
    // `details` is absent, not undefined, when there are none: responses stay byte-identical.
    expect(JSON.stringify(res.body)).toBe(JSON.stringify({ error: { code, message, ...(details !== undefined ? { details } : {}) } }));
  });

  test("insufficient stock names every short product, in the message and the details", () => {
    const shortages = [{ productId: "p1", sku: "STEEL-01", name: "Steel Plate", uom: "pcs", onHand: 3, required: 10, shortBy: 7 }];
    const err = new InsufficientStockError(shortages);
    expect(err.shortages).toBe(shortages);
    expect(toErrorResponse(err, never)).toEqual({
      status: 409,
      body: { error: { code: "INSUFFICIENT_STOCK", message: "Not enough stock: STEEL-01 short by 7 pcs.", details: { shortages } } },
    });
  });

  test("each error names its class and starts with no events to publish", () => {
    const err = notFound();
    expect(err.name).toBe("NotFoundError");
    expect(err.message).toBe("Record not found.");
    expect(err.events).toEqual([]);
  });
});
