import type { OrderState, WorkStatus } from "../db/generated/enums";
import { canMo, canWo, isClosed, isOpen, moCanReshape, moFrom, woActionsFor, woCanReassign, woCanStartIn, woRefusalHint, WO_TARGET, type WoAction } from "./states";

const STATUSES: WorkStatus[] = ["PENDING", "STARTED", "PAUSED", "COMPLETED"];
const STATES: OrderState[] = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELED"];
const ACTIONS: WoAction[] = ["start", "pause", "complete"];

describe("work order state machine", () => {
  test("offers the actions of each status in screen order", () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, woActionsFor(s)]))).toEqual({
      PENDING: ["start"],
      STARTED: ["pause", "complete"],
      PAUSED: ["start", "complete"],
      COMPLETED: [],
    });
  });

  test("an action never 'moves' a WO into the status it is already in (that repeat is a no-op, not a transition)", () => {
    for (const a of ACTIONS) expect(canWo(a, WO_TARGET[a])).toBe(false);
  });

  test("COMPLETED is final: no action leaves it", () => {
    for (const a of ACTIONS) expect(canWo(a, "COMPLETED")).toBe(false);
  });

  test("pausing or completing a PENDING WO hints to start it first; other refusals have no hint", () => {
    expect(woRefusalHint("pause", "PENDING")).toBe("start it first");
    expect(woRefusalHint("complete", "PENDING")).toBe("start it first");
    expect(woRefusalHint("start", "COMPLETED")).toBe("");
    expect(woRefusalHint("pause", "PAUSED")).toBe("");
  });

  test("a WO starts only in an open MO and changes hands only when not STARTED", () => {
    expect(STATES.filter(woCanStartIn)).toEqual(["PLANNED", "IN_PROGRESS"]);
    expect(STATUSES.filter(woCanReassign)).toEqual(["PENDING", "PAUSED", "COMPLETED"]);
  });
});

describe("manufacturing order state machine", () => {
  test("DONE and CANCELED are closed, the others open", () => {
    expect(STATES.filter(isClosed)).toEqual(["DONE", "CANCELED"]);
    expect(STATES.filter(isOpen)).toEqual(["PLANNED", "IN_PROGRESS"]);
  });

  test("start leaves PLANNED only; cancel and complete leave any open state; nothing leaves a closed one", () => {
    expect(STATES.filter((s) => canMo("start", s))).toEqual(["PLANNED"]);
    expect(STATES.filter((s) => canMo("cancel", s))).toEqual(["PLANNED", "IN_PROGRESS"]);
    expect(STATES.filter((s) => canMo("complete", s))).toEqual(["PLANNED", "IN_PROGRESS"]);
    expect(moFrom("cancel")).toEqual(["PLANNED", "IN_PROGRESS"]);
  });

  test("moFrom returns a copy, so a caller cannot change the rules", () => {
    moFrom("complete").push("DONE");
    expect(canMo("complete", "DONE")).toBe(false);
  });

  test("product and quantity change only while PLANNED", () => {
    expect(STATES.filter(moCanReshape)).toEqual(["PLANNED"]);
  });
});
