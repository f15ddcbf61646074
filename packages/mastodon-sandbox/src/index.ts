// mastodon-sandbox: a local, stateful, Mastodon-compatible server for testing API clients.
export { startSandbox, createSandboxHandler } from "./sandbox.js";
export type { Sandbox, SandboxHandler, SandboxApplication } from "./sandbox.js";
export type { SandboxOptions, SeedUser, RateLimitOptions, RateLimitRule, StreamingOptions } from "./options.js";
export { DEFAULT_USERS, DEFAULT_SCOPES } from "./options.js";
export type { FaultRule, FaultKind } from "./faults/rules.js";
export type { SeededAccount } from "./services/accounts.js";
export { SnowflakeIds } from "./state/ids.js";
