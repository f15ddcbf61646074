/**
 * mastodon-ts, from the lead's build (packages/mastodon-ts/dist): dates parsed to Date and
 * pagination info attached to every page, rate-limit headers read ("throw" mode).
 */
import { readFileSync } from "node:fs";

const DIST = new URL("../../packages/mastodon-ts/dist/index.js", import.meta.url);
const PKG = new URL("../../packages/mastodon-ts/package.json", import.meta.url);

export default {
  name: "mastodon-ts",
  label: "mastodon-ts",
  version: () => JSON.parse(readFileSync(PKG, "utf8")).version,
  async create({ base, token }) {
    const [{ Mastodon, CallbackStreamListener }, { default: WebSocket }] = await Promise.all([import(DIST.href), import("ws")]);
    const m = new Mastodon({ api_base_url: base, access_token: token, ratelimit_method: "throw", WebSocket });
    return { m, CallbackStreamListener };
  },
  home: (ctx) => ctx.m.timelineHome({ limit: 40 }),
  async walk(ctx, onStatus) {
    // paginationIterator fetches page after page while the loop runs: memory should stay flat.
    for await (const status of ctx.m.paginationIterator(await ctx.m.timelineHome({ limit: 40 }))) onStatus(status);
  },
  streamSupport: () => null,
  async stream(ctx, transport, onUpdate) {
    const listener = new ctx.CallbackStreamListener({ update_handler: onUpdate });
    const handle = ctx.m.streamUser(listener, { transport, catch_up: false });
    return { close: () => handle.close() };
  },
  // Through the package's exports map, as a Node user imports it (its "node" entry is one bundled module).
  coldStart: () => `const { Mastodon } = await import("mastodon-ts");
new Mastodon({ api_base_url: "http://127.0.0.1:9", access_token: "t" });`,
  bundles: () => ({
    "client + home timeline": `import { Mastodon } from "mastodon-ts";
const m = new Mastodon({ api_base_url: "https://example.social", access_token: "t" });
console.log((await m.timelineHome({ limit: 40 })).length);`,
    "lean: core + timelines": `import { MastodonClient } from "mastodon-ts/core";
import { timelineHome } from "mastodon-ts/api/timelines";
const client = new MastodonClient({ api_base_url: "https://example.social", access_token: "t" });
console.log((await timelineHome.call(client, { limit: 40 })).length);`,
    "lean + RateLimiter": `import { MastodonClient } from "mastodon-ts/core";
import { RateLimiter } from "mastodon-ts/ratelimit";
import { timelineHome } from "mastodon-ts/api/timelines";
const client = new MastodonClient({ api_base_url: "https://example.social", access_token: "t", ratelimiter: new RateLimiter("pace") });
console.log((await timelineHome.call(client, { limit: 40 })).length);`,
    "whole client": `export * from "mastodon-ts";`,
  }),
  install: () => ({ pack: new URL("../../packages/mastodon-ts/", import.meta.url).pathname }),
};
