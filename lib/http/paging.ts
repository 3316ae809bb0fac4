// Moved to lib/validation/paging (a neutral module the domain may import); kept for in-flight importers.
export { pageArgs, pagingQuery, type Page, type Paging } from "../validation/paging";
