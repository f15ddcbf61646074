/**
 * The published entry points, as Node resolves them through the package's exports map (run after
 * `npm run build`): one bundled module serves ".", "./core" and "./api/*", so a class is the
 * same object whichever entry point it came from.
 */
import { test } from "node:test";
import assert from "node:assert/strict";

test("the Node entry points share one copy of the client", async () => {
  const root = await import("mastodon-ts");
  const core = await import("mastodon-ts/core");
  const timelines = await import("mastodon-ts/api/timelines");
  const ratelimit = await import("mastodon-ts/ratelimit");
  assert.equal(ratelimit.RateLimiter, root.RateLimiter);
  assert.equal(typeof root.Mastodon, "function");
  assert.equal(core.MastodonClient, root.MastodonClient);
  assert.equal(core.MastodonNotFoundError, root.MastodonNotFoundError);
  const client = new core.MastodonClient({ api_base_url: "https://example.social" });
  assert.equal(typeof timelines.timelineHome, "function");
  assert.ok(new root.Mastodon({ api_base_url: "https://example.social" }) instanceof core.MastodonClient);
  assert.ok(client instanceof root.MastodonClient);
});

test("every name an entry point offers to bundlers is in the Node bundle too", async () => {
  const { readdirSync } = await import("node:fs");
  const nodeBundle = Object.keys(await import("mastodon-ts"));
  const dist = new URL("../../dist/", import.meta.url);
  const areas = (folder: string): string[] => readdirSync(new URL(folder, dist)).filter((f) => f.endsWith(".js")).map((f) => `${folder}${f}`);
  const entries = ["index.js", "core/index.js", "ratelimit.js", ...areas("api/"), ...areas("api/admin/")];
  for (const entry of entries) {
    const missing = Object.keys(await import(new URL(entry, dist).href)).filter((name) => !nodeBundle.includes(name));
    assert.deepEqual(missing, [], `${entry} offers names the Node bundle lacks`);
  }
});
