/** Test support shared with the cross-package suites in tests/. Never imported by production code. */
export * from "./create-test-app.js";
export * from "./test-db.js";
export * from "./fixtures.js";
export * from "../mail/test-smtp-server.js";
export { backfillResultRollups } from "../db/migrations/2026-11-22T1400-result-rollups.js";
