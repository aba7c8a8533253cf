/** Identifiers are UUIDv7 strings made in code (see services/runtime.ts); this checks their shape. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when the string looks like one of our ids. */
export const isId = (s: string): boolean => UUID.test(s);

/** A function that returns a fresh id; injected so the domain stays deterministic in tests. */
export type NewId = () => string;
/** A function that returns the current instant as an ISO-8601 UTC string. */
export type Clock = () => string;
