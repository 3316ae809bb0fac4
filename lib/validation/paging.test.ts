import { MAX_PAGE, pageArgs, pagingQuery } from "./paging";

test("paging: defaults, coercion from the query string, bounds", () => {
  expect(pagingQuery.parse({})).toEqual({ page: 1, pageSize: 50 });
  expect(pagingQuery.parse({ page: "3", pageSize: "20" })).toEqual({ page: 3, pageSize: 20 });
  for (const bad of [{ page: "-1" }, { page: "0" }, { page: "1.5" }, { page: "abc" }, { page: "1e9" }, { pageSize: "1e9" }, { pageSize: "201" }, { page: ["1", "2"] }, { page: "Infinity" }]) {
    expect([bad, pagingQuery.safeParse(bad).success]).toEqual([bad, false]);
  }
  expect(pageArgs({ page: MAX_PAGE, pageSize: 200 }).skip).toBeLessThan(2 ** 31);
});
