// Calendar helpers: re-exports only.
export * from "./zoned-time";
export * from "./ics";
