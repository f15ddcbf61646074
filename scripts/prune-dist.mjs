// Deletes what an earlier build left in dist/ for source files that are gone (moved or removed):
// `tsc -b` only writes outputs, it never removes them, and a stale module must not be shipped.
// Runs before the build; dist/node (the Node bundle, rebuilt every time) is left to its builder.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../packages/", import.meta.url));
const OUTPUT = /\.(d\.ts|js)(\.map)?$/;

for (const pkg of readdirSync(root)) {
  const dist = join(root, pkg, "dist");
  if (!existsSync(dist)) continue;
  const prune = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== join(dist, "node")) prune(path);
        continue;
      }
      const source = join(root, pkg, "src", relative(dist, path).replace(OUTPUT, ".ts"));
      if (OUTPUT.test(name) && !existsSync(source)) rmSync(path);
    }
  };
  prune(dist);
}
