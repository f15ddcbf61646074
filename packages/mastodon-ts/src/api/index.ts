/**
 * Every API method, one area module per line. The `Mastodon` facade installs all of them;
 * a small app imports single functions from the area modules instead.
 * Area modules export only API methods (functions over `this: MastodonClient`) and types;
 * shared helpers live in src/internal/.
 */
export * from "./accounts.js";
export * from "./instance.js";
export * from "./media.js";
export * from "./notifications.js";
export * from "./oauth.js";
export * from "./pagination.js";
export * from "./relationships.js";
export * from "./reports.js";
export * from "./search.js";
export * from "./statuses.js";
export * from "./timelines.js";
