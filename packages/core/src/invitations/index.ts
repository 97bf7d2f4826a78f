// Invitations and interview scheduling: re-exports only.
export * from "./merge-fields";
export * from "./slot-pattern";
export * from "./pipeline";
