// How much of the documented REST API (../shared/spec/endpoints.json) the sandbox routes.
// Prints the count and the endpoints without a route; asserts that the core areas are covered.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { apiRouter } from "../src/routes/index.ts";
import { sharedDir } from "./cassettes.ts";

const specFile = join(sharedDir, "spec", "endpoints.json");
const skip = existsSync(specFile) ? false : `endpoint list not found at ${specFile}`;
if (skip) console.log(`# coverage skipped: ${skip}`);

interface Endpoint {
  verb: string;
  path: string;
  area: string;
  status: string;
}

function isEndpoint(value: unknown): value is Endpoint {
  if (typeof value !== "object" || value === null) return false;
  const fields = new Map(Object.entries(value));
  return ["verb", "path", "area", "status"].every((key) => typeof fields.get(key) === "string");
}

test("documented endpoints answered by a route", { skip }, () => {
  const parsed: unknown = JSON.parse(readFileSync(specFile, "utf8"));
  const endpoints = (Array.isArray(parsed) ? parsed : []).filter(isEndpoint);
  const router = apiRouter();
  const missing: Endpoint[] = [];
  for (const endpoint of endpoints) {
    const path = endpoint.path.replace(/\{[^}]+\}/g, "123");
    // The WebSocket endpoint is served by the upgrade handler, not the router.
    const routed = endpoint.verb === "WS" || router.match(endpoint.verb, path) !== undefined;
    if (!routed) missing.push(endpoint);
  }
  const byArea = new Map<string, number>();
  for (const m of missing) byArea.set(m.area, (byArea.get(m.area) ?? 0) + 1);
  console.log(`# endpoints routed: ${endpoints.length - missing.length} of ${endpoints.length}`);
  console.log(`# without a route, by area: ${[...byArea].map(([area, n]) => `${area} ${n}`).join(", ")}`);
  for (const m of missing) console.log(`#   missing ${m.verb} ${m.path}`);
  const core = ["accounts", "statuses", "timelines", "notifications", "media", "lists", "search", "oauth", "apps", "instance", "streaming", "filters", "markers"];
  // Endpoints Mastodon removed (e.g. GET /api/v1/search) answer 404 there too.
  assert.deepEqual(missing.filter((m) => core.includes(m.area) && m.status !== "removed").map((m) => `${m.verb} ${m.path}`), []);
});
