/**
 * One tour of the client's runtime-dependent parts (tour-steps.mjs), run as a user runs it (the
 * package imported by name) on Node, Bun and Deno by runtimes.test.ts, which compares what each
 * prints. Plain JavaScript so that every runtime runs it as it is.
 *
 * Input: the TOUR_INPUT environment variable (JSON: the sandbox's URL and users, a scratch
 * directory, a helper server's URL, a PNG). Output: one JSON line per step, `[step, facts]`.
 */
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tour } from "./tour-steps.mjs";

const print = (step, facts) => console.log(JSON.stringify([step, facts]));

print("the package entry", {
  module: import.meta.resolve("mastodon-ts").replace(/^.*\/dist\//, "dist/"),
  // What lets the client reach node:http and the file system (Node ≥ 20.16, Bun, Deno).
  getBuiltinModule: typeof process.getBuiltinModule,
});

await tour({
  input: JSON.parse(process.env.TOUR_INPUT ?? "{}"),
  print,
  files: { statSync, writeFileSync, join },
  // Bun and Deno have a global WebSocket; Node 20 users pass the ws package's.
  WebSocket: globalThis.WebSocket ? undefined : (await import("ws")).default,
});
