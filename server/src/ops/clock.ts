import { randomUUID } from "node:crypto";

/** Time and ids come through these so tests can be deterministic. */
export type Clock = { now(): Date };
export type IdGenerator = { newId(): string };

export const systemClock: Clock = { now: () => new Date() };
export const uuidIds: IdGenerator = { newId: () => randomUUID() };
