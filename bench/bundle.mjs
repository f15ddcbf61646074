/**
 * The size a browser app pays: an entry bundled by esbuild for the browser, minified, then
 * gzipped (level 9) with node:zlib. Shared by the benchmark and the size budget check, which
 * must work without the bench's own install: "esbuild" then resolves to the root's copy.
 */
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
/** "mastodon-ts" resolves through the root's workspace link to packages/mastodon-ts (its exports map). */
const ROOT_MODULES = fileURLToPath(new URL("../node_modules", import.meta.url));

export async function bundleSize(source) {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: { contents: source, resolveDir: BENCH_DIR, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    nodePaths: [ROOT_MODULES],
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** The first error esbuild reported, in one line. */
export const bundleError = (error) => (error?.errors?.[0] ? `${error.errors[0].text}${error.errors[0].location ? ` (${error.errors[0].location.file})` : ""}` : String(error?.message ?? error));
