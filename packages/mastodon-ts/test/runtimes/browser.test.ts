/**
 * The client in real browsers: tour-browser.mjs, bundled with esbuild as a browser app would be
 * (the package's browser build), runs in headless Chromium and Firefox against a sandbox on
 * another origin, so every call to it and every stream is cross-origin, as for a web app. The page
 * reports each step's facts to the server that served it. A browser that is not installed is
 * skipped with the reason (failed, under CI: .ci/run installs both from Debian).
 */
import { test } from "node:test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { startSandbox } from "../../../mastodon-sandbox/src/index.ts";
import { withHttpServer } from "../support/http-server.ts";
import { assertTour, EXPECTED_IN_BROWSERS, findOnPath, png, redirectingGzipServer, requireInstalled, SANDBOX_OPTIONS, skipUnlessInstalled } from "./tour-support.ts";

interface Browser {
  name: string;
  binaries: string[];
  /** The command line that opens `url` headless with a fresh profile in `profile`. */
  args(url: string, profile: string): string[];
}

const BROWSERS: Browser[] = [
  {
    name: "chromium",
    binaries: ["chromium", "chromium-browser", "google-chrome"],
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    args: (url, profile) => ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", `--user-data-dir=${profile}`, url],
  },
  {
    name: "firefox",
    binaries: ["firefox-esr", "firefox"],
    args: (url, profile) => ["--headless", "--no-remote", "--profile", profile, url],
  },
];

/** The tour as a browser app's bundle (the "browser" field puts platform/web.js in). */
async function bundleTour(): Promise<string> {
  const result = await build({
    entryPoints: [new URL("./tour-browser.mjs", import.meta.url).pathname],
    bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function runInBrowser(browser: Browser, binary: string): Promise<Record<string, unknown>> {
  const script = await bundleTour();
  const sandbox = await startSandbox(SANDBOX_OPTIONS);
  const profile = mkdtempSync(join(tmpdir(), `mastodon-ts-${browser.name}-`));
  const facts: Record<string, unknown> = {};
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const helper = redirectingGzipServer();
  try {
    await withHttpServer((req, res) => {
      if (helper(req, res)) return;
      if (req.method === "POST") {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk));
        req.on("end", () => {
          if (req.url === "/results") {
            const [step, value] = JSON.parse(body) as [string, unknown];
            facts[step] = value;
          } else if (req.url === "/done") {
            finish();
          }
          res.writeHead(204).end();
        });
      } else if (req.url === "/tour.js") {
        res.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
      } else if (req.url === "/") {
        res.writeHead(200, { "Content-Type": "text/html" }).end(page);
      } else {
        res.writeHead(404).end();
      }
    }, async (pageUrl) => {
      const { alice, bob } = sandbox.users;
      const input = { url: sandbox.url, alice, bob, dir: null, helperUrl: pageUrl, pngBase64: png };
      page = `<!doctype html><meta charset="utf-8"><title>tour</title><script>globalThis.TOUR_INPUT = ${JSON.stringify(input)};</script>` +
        `<script type="module" src="/tour.js"></script>`;
      const child = spawn(binary, browser.args(`${pageUrl}/`, profile), { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk).slice(-4000)));
      const exited = new Promise((resolve) => child.on("close", resolve));
      const timeout = new Promise<"timeout">((resolve) => setTimeout(resolve, 60_000, "timeout").unref());
      try {
        const ended = await Promise.race([done, exited.then(() => "exited" as const), timeout]);
        if (ended === "timeout" || ended === "exited") {
          throw new Error(`${browser.name} ${ended} before the tour ended; facts so far: ${JSON.stringify(facts)}\n${stderr}`);
        }
      } finally {
        child.kill("SIGKILL");
        await exited;
      }
    });
    return facts;
  } finally {
    await sandbox.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

let page = "";

for (const browser of BROWSERS) {
  const binary = findOnPath(browser.binaries);
  const missing = binary ? null : `${browser.name} is not installed (apt-get install ${browser.binaries[0]})`;
  test(`${browser.name}: the browser build's tour, cross-origin against the sandbox, prints the expected facts`, { skip: skipUnlessInstalled(missing) }, async () => {
    requireInstalled(missing);
    assertTour(await runInBrowser(browser, binary!), EXPECTED_IN_BROWSERS, `in ${browser.name}`);
  });
}
