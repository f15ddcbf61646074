/**
 * The size budget: fails (exit 1) when a browser bundle of mastodon-ts grows past its limit.
 *   node bench/size-budget.mjs      (after `npm run build`; needs only the root's esbuild)
 * Budgets, gzip bytes: "client + home timeline" on the lean path (mastodon-ts/core +
 * mastodon-ts/api/timelines) ≤ 4,000; the whole client (everything the main entry exports) ≤ 25,000.
 */
import { existsSync } from "node:fs";
import { bundleError, bundleSize } from "./bundle.mjs";
import mastodonTs from "./contenders/mastodon-ts.mjs";

const BUDGETS = [
  { entry: "lean: core + timelines", label: "client + home timeline (lean path)", limit: 4_000 },
  { entry: "whole client", label: "whole client", limit: 25_000 },
];

if (!existsSync(new URL("../packages/mastodon-ts/dist/index.js", import.meta.url))) {
  console.error("size budget: packages/mastodon-ts/dist is missing; run `npm run build` first");
  process.exit(2);
}

const entries = mastodonTs.bundles();
let failed = false;
for (const { entry, label, limit } of BUDGETS) {
  try {
    const { bytes, gzip } = await bundleSize(entries[entry]);
    const ok = gzip <= limit;
    failed ||= !ok;
    console.log(`${ok ? "ok  " : "FAIL"} ${label}: ${gzip.toLocaleString("en-US")} bytes gzip (budget ${limit.toLocaleString("en-US")}; ${bytes.toLocaleString("en-US")} minified)`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${label}: could not bundle: ${bundleError(error)}`);
  }
}
process.exit(failed ? 1 : 0);
