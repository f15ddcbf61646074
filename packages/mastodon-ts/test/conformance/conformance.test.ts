/**
 * Conformance with Mastodon.py: every cassette recorded by Mastodon.py 2.2.2's test suite
 * (../shared/cassettes) is replayed to this client, which must send the same requests and
 * parse every response to its declared type. One test per cassette; a cassette the client
 * cannot run yet (a missing method, streaming) is a skipped test that says why.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as facade from "../../src/index.ts";
import { loadCassette } from "./cassette.ts";
import { runCassette } from "./driver.ts";
import { plannedMethods, SEED_METHODS, summarise, type CassetteOutcome } from "./summary.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const cassetteRoot = resolve(repoRoot, "..", "shared", "cassettes");

function cassetteFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) => readdirSync(join(root, folder.name)).filter((name) => name.endsWith(".yaml")).map((name) => join(root, folder.name, name)))
    .sort();
}

if (!existsSync(cassetteRoot)) {
  test("conformance with recorded Mastodon.py traffic", {
    skip: `skipped: no recordings, ${cassetteRoot} is absent (the shared reference folder is not beside the repository)`,
  }, () => {});
} else {
  const results = new Map<string, CassetteOutcome>();
  describe("conformance with recorded Mastodon.py traffic", () => {
    after(() => console.log(summarise(results)));
    for (const file of cassetteFiles(cassetteRoot)) {
      const label = file.slice(cassetteRoot.length + 1);
      test(label, async (t) => {
        const cassette = loadCassette(file);
        const result = await runCassette(cassette, facade);
        const used = [...plannedMethods(cassette), ...result.methods];
        results.set(label, { result, seedOnly: used.every((name) => SEED_METHODS.has(name)), seedAny: used.some((name) => SEED_METHODS.has(name)) });
        if (result.status === "not-exercisable") {
          t.skip(`not exercisable yet: ${result.reasons.join("; ")}`);
          return;
        }
        assert.equal(result.status, "pass", `${label}:\n  ${result.reasons.join("\n  ")}`);
      });
    }
  });
}
