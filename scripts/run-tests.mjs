// Runs every *.test.ts under packages/*/test with Node's own test runner.
// Node 20 cannot glob test files itself, so this script finds them.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findTests(full));
    else if (name.endsWith(".test.ts")) found.push(full);
  }
  return found;
}

const filter = process.argv[2];
const files = readdirSync("packages")
  .map((pkg) => join("packages", pkg, "test"))
  .filter((dir) => { try { return statSync(dir).isDirectory(); } catch { return false; } })
  .flatMap(findTests)
  .filter((file) => !filter || file.includes(filter))
  .sort();

if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
