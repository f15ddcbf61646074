/**
 * The measurements that need no server: cold start, browser bundle size, install footprint.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, lstatSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { bundleError, bundleSize } from "./bundle.mjs";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of one `node -e` that imports a library and makes a client (cwd: bench, for its packages). */
function spawnTime(code) {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: BENCH_DIR, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(result.stderr.trim().split("\n").slice(0, 3).join(" "));
  return ms;
}

/**
 * Cold start, interleaved: each round spawns an empty Node and then every contender, and
 * the medians are compared. Returns { emptyMs, byName: { name: { ms, overEmptyMs } | { error } } }.
 */
export function coldStart(contenders, rounds) {
  const jobs = [{ name: "(empty)", code: "" }, ...contenders.map((c) => ({ name: c.name, code: c.coldStart() }))];
  const times = new Map(jobs.map((j) => [j.name, []]));
  const errors = new Map();
  for (let round = -2; round < rounds; round++) { // two rounds of warm-up fill the disk cache
    for (const job of jobs) {
      if (errors.has(job.name)) continue;
      try {
        const ms = spawnTime(job.code);
        if (round >= 0) times.get(job.name).push(ms);
      } catch (error) {
        errors.set(job.name, String(error.message ?? error));
      }
    }
  }
  const emptyMs = median(times.get("(empty)"));
  const byName = {};
  for (const c of contenders) {
    byName[c.name] = errors.has(c.name) ? { error: errors.get(c.name) } : { ms: median(times.get(c.name)), overEmptyMs: median(times.get(c.name)) - emptyMs };
  }
  return { emptyMs, byName };
}

/** Every bundle entry of every contender: { name: { entryLabel: { bytes, gzip } | { error } } }. */
export async function bundles(contenders) {
  const out = {};
  for (const c of contenders) {
    out[c.name] = {};
    for (const [label, source] of Object.entries(c.bundles())) {
      try {
        out[c.name][label] = await bundleSize(source);
      } catch (error) {
        out[c.name][label] = { error: bundleError(error) };
      }
    }
  }
  return out;
}

/** Bytes of every file under a folder (apparent size, so the figure does not depend on the file system). */
function diskBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += diskBytes(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

const npm = (args, cwd) => {
  const result = spawnSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 });
  if (result.status !== 0) throw new Error(`npm ${args[0]} failed: ${(result.stderr || result.stdout || String(result.error)).trim().split("\n").slice(-3).join(" ")}`);
  return result.stdout;
};

/**
 * A fresh `npm install` of each library into an empty folder: how many packages land in
 * node_modules (the library included) and their size. mastodon-ts is installed from its
 * `npm pack` tarball, i.e. exactly what would be published.
 */
export function installFootprint(contenders) {
  const out = {};
  for (const c of contenders) {
    const install = c.install();
    if (!install) {
      out[c.name] = { packages: 0, bytes: 0 };
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), "mastodon-ts-bench-install-"));
    try {
      writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
      let spec = install.spec;
      if (install.pack) spec = join(dir, npm(["pack", install.pack, "--pack-destination", dir, "--silent"], dir).trim().split("\n").at(-1));
      npm(["install", "--no-audit", "--no-fund", "--loglevel=error", spec], dir);
      const lock = JSON.parse(readFileSync(join(dir, "node_modules", ".package-lock.json"), "utf8"));
      const packages = Object.keys(lock.packages).filter((key) => key.startsWith("node_modules/")).length;
      out[c.name] = { packages, bytes: diskBytes(join(dir, "node_modules")), spec: install.pack ? "npm pack of packages/mastodon-ts" : spec };
    } catch (error) {
      out[c.name] = { error: String(error.message ?? error) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
