// Bundles the built client (dist/) into one ES module for Node, Deno and Bun: loading ~110 small
// files costs Node about 45 ms at start-up, one file a few. Browsers and bundlers keep using the
// separate modules of dist/ (the package's "default" condition), so tree-shaking still works.
// Every Node entry point (".", "./core", "./api/*") resolves to this one file, so there is only
// ever one copy of each class (instanceof keeps working across entry points).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../packages/mastodon-ts/", import.meta.url));

await build({
  stdin: {
    // The API areas, and createApp (a static of Mastodon, so not among the methods of api/index.js).
    contents: 'export * from "./dist/index.js";\nexport * from "./dist/api/index.js";\nexport { createApp } from "./dist/api/apps.js";\n',
    resolveDir: packageDir,
    sourcefile: "node-entry.js",
  },
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  outfile: `${packageDir}dist/node/mastodon-ts.js`,
  sourcemap: true,
  legalComments: "none",
  // Smaller text to parse at start-up; keepNames keeps class names, which errors report as their `name`.
  minify: true,
  keepNames: true,
  logLevel: "warning",
});
