// The API's shared input types (text, dates, numbers, paging): one home for each rule, used by every
// lib/*/schemas.ts and by the forms. Browser-safe: imports zod only.
export * from "./dates";
export * from "./numbers";
export * from "./paging";
export * from "./text";
