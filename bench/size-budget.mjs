/**
 * The size budget: fails (exit 1) when a browser bundle of mastodon-ts grows past its limit.
 * It runs in `npm test` (so in CI), after the build:  node bench/size-budget.mjs
 * It needs only the root's esbuild, not the bench's own install.
 * The limits and why they are what they are: budgets.mjs.
 */
import { existsSync } from "node:fs";
import { bundleError, bundleSize } from "./bundle.mjs";
import mastodonTs from "./contenders/mastodon-ts.mjs";
import { BUDGETS } from "./budgets.mjs";

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
