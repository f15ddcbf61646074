// API coverage, read from the code itself (no hand-kept list):
//  - endpoints: scans packages/mastodon-ts/src for request specs ({ method: "GET", path: ... }),
//    follows a non-literal path to where its value comes from (a local variable, a helper function,
//    the callers' arguments), adds URLs built on a base URL (`${base}/oauth/authorize`: browser and
//    streaming URLs) and streaming subscriptions ({ stream: "public:local" }), and matches all of it
//    against the current endpoints of ../shared/spec/endpoints.json;
//  - methods: loads the built facade (packages/mastodon-ts/dist/index.js) and looks up each
//    Mastodon.py 2.2.2 method of ../shared/spec/mastodonpy-methods.json in lowerCamelCase, on
//    Mastodon.prototype or as a static.
// Usage: node scripts/coverage-api.mjs [--verbose]   (after `npm run build`)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tokenize } from "./coverage-api/tokens.mjs";
import { analyseFile, endpointsOfFile } from "./coverage-api/analyse.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "packages/mastodon-ts");
const spec = join(root, "../shared/spec");
const verbose = process.argv.includes("--verbose");

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "entities" ? [] : sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** "/api/v1/accounts/{id}/" → ["api", "v1", "accounts", "{}"] */
function documentedSegments(path) {
  return path.replace(/\/+$/, "").split("/").filter(Boolean).map((segment) => (/^\{.*\}$|^:/.test(segment) ? "{}" : segment));
}

/**
 * Whether a path found in the code reaches a documented one. "{}" (a `path` template value) is one
 * parameter segment; "{*}" (a plain template value) may span segments, and a literal segment it
 * spans counts only when that literal appears in the same file (timeline("home") → /timelines/home).
 */
function matches(code, documented, evidence) {
  const walk = (i, j) => {
    if (i === code.length) return j === documented.length;
    const part = code[i];
    if (part === "{*}") {
      for (let end = j + 1; end <= documented.length; end++) {
        const spanned = documented.slice(j, end);
        const known = spanned.every((segment, k) => segment === "{}" || (k === 0 ? evidence.has(segment) : true));
        if (known && walk(i + 1, end)) return true;
      }
      return false;
    }
    if (j >= documented.length) return false;
    if (part === "{}" ? documented[j] !== "{}" : part !== documented[j]) return false;
    return walk(i + 1, j + 1);
  };
  return walk(0, 0);
}

const endpoints = JSON.parse(readFileSync(join(spec, "endpoints.json"), "utf8")).filter((e) => e.current);
const found = []; // { verb, segments, file, where, evidence }
for (const file of sourceFiles(join(pkg, "src"))) {
  const analysis = analyseFile(tokenize(readFileSync(file, "utf8")));
  for (const item of endpointsOfFile(analysis)) found.push({ ...item, file: relative(pkg, file) });
}

const covered = new Map();
for (const endpoint of endpoints) {
  const documented = documentedSegments(endpoint.path);
  const reachedBy = found.filter((f) => f.verb === endpoint.verb && matches(f.segments, documented, f.evidence));
  if (reachedBy.length > 0) covered.set(endpoint, reachedBy);
}

// Methods of the built facade.
const dist = join(pkg, "dist/index.js");
if (!existsSync(dist)) {
  console.error("packages/mastodon-ts/dist/index.js is missing: run `npm run build` first");
  process.exit(1);
}
const { Mastodon } = await import(pathToFileURL(dist).href);
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
function hasMember(target, name) {
  for (let object = target; object && object !== Object.prototype && object !== Function.prototype; object = Object.getPrototypeOf(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    if (descriptor) return typeof descriptor.value === "function" || typeof descriptor.get === "function";
  }
  return false;
}
const methods = JSON.parse(readFileSync(join(spec, "mastodonpy-methods.json"), "utf8")).filter((m) => m.name !== "__init__");
const missingMethods = methods.filter((m) => !hasMember(Mastodon.prototype, camel(m.name)) && !hasMember(Mastodon, camel(m.name)));

console.log(`endpoints covered: ${covered.size} / ${endpoints.length}`);
console.log(`methods present: ${methods.length - missingMethods.length} / ${methods.length}`);
const missingEndpoints = endpoints.filter((e) => !covered.has(e));
if (missingEndpoints.length > 0) {
  console.log(`\nendpoints not reached (${missingEndpoints.length}):`);
  for (const e of missingEndpoints) console.log(`  ${e.verb} ${e.path}`);
}
if (missingMethods.length > 0) {
  console.log(`\nmethods missing (${missingMethods.length}):`);
  for (const m of missingMethods) console.log(`  ${camel(m.name)} (${m.name})`);
}
if (verbose) {
  console.log("\nendpoints reached:");
  for (const [e, by] of covered) {
    const where = [...new Set(by.map((f) => `${f.file}${f.where ? `:${f.where}` : ""}`))].join(", ");
    console.log(`  ${e.verb} ${e.path} ← ${where}`);
  }
}
