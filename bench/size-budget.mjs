/**
 * The size budget: fails (exit 1) when a browser bundle of mastodon-ts grows past its limit.
 * It runs in `npm test` (so in CI), after the build:  node bench/size-budget.mjs
 * It needs only the root's esbuild, not the bench's own install.
 *
 * Limits, gzip bytes:
 * - "client + home timeline" on the lean path (mastodon-ts/core + mastodon-ts/api/timelines):
 *   4,000, the target.
 * - The whole client (everything the main entry exports): the target is 25,000, which is not met
 *   yet; until it is, the limit is the size reached so far, so that the bundle cannot grow unseen.
 */
import { existsSync } from "node:fs";
import { bundleError, bundleSize } from "./bundle.mjs";
import mastodonTs from "./contenders/mastodon-ts.mjs";

export const BUDGETS = [
  { entry: "lean: core + timelines", label: "client + home timeline (lean path)", limit: 4_000, target: 4_000 },
  { entry: "whole client", label: "whole client", limit: 36_000, target: 25_000 },
];

if (!existsSync(new URL("../packages/mastodon-ts/dist/index.js", import.meta.url))) {
  console.error("size budget: packages/mastodon-ts/dist is missing; run `npm run build` first");
  process.exit(2);
}

const entries = mastodonTs.bundles();
let failed = false;
for (const { entry, label, limit, target } of BUDGETS) {
  try {
    const { bytes, gzip } = await bundleSize(entries[entry]);
    const ok = gzip <= limit;
    failed ||= !ok;
    const aim = target < limit ? `; target ${target.toLocaleString("en-US")}, not met yet` : "";
    console.log(`size budget ${ok ? "ok  " : "FAIL"} ${label}: ${gzip.toLocaleString("en-US")} bytes gzip (limit ${limit.toLocaleString("en-US")}${aim}; ${bytes.toLocaleString("en-US")} minified)`);
  } catch (error) {
    failed = true;
    console.log(`size budget FAIL ${label}: could not bundle: ${bundleError(error)}`);
  }
}
process.exit(failed ? 1 : 0);
