/**
 * What a browser app gets when it bundles the package (esbuild, platform "browser", from the
 * built dist/): the package's "browser" field swaps src/platform/node.ts for web.ts, so no
 * Node-only code comes along, and errors keep their names however the bundle is minified.
 * Sizes are the size budget's business (bench/size-budget.mjs); this checks behaviour.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as nodePlatform from "../../src/platform/node.ts";
import * as webPlatform from "../../src/platform/web.ts";
import type * as CoreEntry from "../../src/core/index.ts";

const DIST = new URL("../../dist/core/index.js", import.meta.url);
const built = existsSync(DIST);
const skip = built ? false : "packages/mastodon-ts/dist is missing: run `npm run build` first";
const REPO_MODULES = fileURLToPath(new URL("../../../../node_modules", import.meta.url));

async function bundle(source: string, minify: boolean): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "js" },
    bundle: true, minify, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
    nodePaths: [REPO_MODULES],
  });
  return result.outputFiles[0]?.text ?? "";
}

test("both platform modules offer the same functions", () => {
  assert.deepEqual(Object.keys(webPlatform).sort(), Object.keys(nodePlatform).sort());
  const viaFetch = async () => { throw new Error("unused"); };
  assert.equal(webPlatform.defaultTransport(viaFetch), viaFetch, "browsers send with fetch");
  const credentials = { api_base_url: "", client_id: "/etc/hostname", client_secret: null, access_token: null, client_name: null };
  webPlatform.readCredentialFiles(credentials);
  assert.equal(credentials.client_id, "/etc/hostname", "a browser reads no files");
});

test("a browser bundle of the client carries no Node-only code", { skip }, async () => {
  const code = await bundle(`export * from "mastodon-ts"; export * from "mastodon-ts/api/timelines";`, false);
  for (const nodeOnly of ["node:http", "node:https", "keepAlive", "readCredentialFiles(client)"]) {
    assert.ok(!code.includes(nodeOnly), `the browser bundle contains ${nodeOnly}`);
  }
  assert.ok(code.includes("AbortSignal.timeout"), "requests go over fetch");
});

test("errors keep their names in a minified browser bundle", { skip }, async () => {
  const code = await bundle(`export { MastodonNotFoundError, MastodonReadTimeout, MastodonClient } from "mastodon-ts/core";`, true);
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`) as typeof CoreEntry;
  const error = new module.MastodonNotFoundError({ status: 404, reason: "", error: "Record not found", error_description: null, headers: {}, method: "GET", url: "u", body: null });
  assert.equal(error.name, "MastodonNotFoundError");
  assert.match(String(error), /^MastodonNotFoundError: GET u failed: 404: Record not found$/);
  assert.equal(new module.MastodonReadTimeout("slow").name, "MastodonReadTimeout");
});
