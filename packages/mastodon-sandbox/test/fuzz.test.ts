// Fuzz-style robustness: every route gets malformed bodies, huge values, wrong types and
// unknown ids. The server must answer every request below 500 and stay up.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startSandbox, type Sandbox } from "../src/index.ts";
import { apiRouter } from "../src/routes/index.ts";
import { user } from "./helpers.ts";

const HUGE = "x".repeat(200_000);
const IDS = ["999999999", "abc", "-1", "0", "%2e%2e", "1e9999", HUGE.slice(0, 5000), "%F0%9F%92%A9", "%00"];

interface Variant {
  name: string;
  headers: Record<string, string>;
  body?: BodyInit;
  query?: string;
}

const VARIANTS: Variant[] = [
  { name: "no body", headers: {} },
  { name: "malformed JSON", headers: { "content-type": "application/json" }, body: "{\"status\": " },
  { name: "JSON array", headers: { "content-type": "application/json" }, body: "[1,2,3]" },
  { name: "JSON wrong types", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: { a: [1, { b: null }] }, media_ids: "x", poll: "nope", limit: "many", visibility: 7, choices: { x: 1 }, title: [], account_ids: 5, scheduled_at: true, fields_attributes: "f", source: [], keywords_attributes: 3, timeline: {} }) },
  { name: "JSON huge values", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: HUGE, title: HUGE, q: HUGE, display_name: HUGE, note: HUGE, comment: HUGE, phrase: HUGE, name: HUGE, client_name: HUGE, redirect_uris: HUGE, limit: 1e308 }) },
  { name: "deeply nested JSON", headers: { "content-type": "application/json" }, body: "{\"a\":".repeat(500) + "1" + "}".repeat(500) },
  { name: "form with bracket soup", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a[=1&b]]=2&c[][][x]=3&poll[options]=x&poll[options][]=y&media_ids[0][]=1&choices[]=-5&%ZZ=1&status[]=a&&&=" },
  { name: "multipart without boundary", headers: { "content-type": "multipart/form-data" }, body: "garbage" },
  { name: "broken multipart", headers: { "content-type": "multipart/form-data; boundary=xyz" }, body: "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0000\u0001--x" },
  { name: "binary body", headers: { "content-type": "application/octet-stream" }, body: new Uint8Array([0, 255, 1, 254]) },
  { name: "query soup", headers: {}, query: "limit=-999999999999999999999&max_id=../../etc&min_id=%00&since_id=1e400&id[]=&id[][]=x&types[]=&local=maybe&only_media[]=1&tag[x]=y" },
  { name: "huge query value", headers: {}, query: `q=${"y".repeat(30_000)}&limit=${"9".repeat(400)}` },
];

describe("fuzzing every route", () => {
  let sandbox: Sandbox | undefined;
  const internalErrors: unknown[] = [];
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, onError: (error) => internalErrors.push(error) });
  });
  after(async () => {
    await sandbox?.close();
  });

  test("no 5xx, no crash, for malformed input on every route", async () => {
    const s = sandbox;
    assert.ok(s);
    const token = user(s, "admin").access_token;
    const routes = apiRouter().routes.filter((r) => !/^\/api\/v1\/streaming\/(?!health)/.test(r.pattern));
    const failures: string[] = [];
    let requests = 0;
    const jobs: (() => Promise<void>)[] = [];
    for (const route of routes) {
      const paths = route.names.length === 0 ? [route.pattern] : IDS.map((id) => route.pattern.replace(/:[a-z_]+|\*/g, id));
      // Every variant on the first id; the odd ids only need to reach the route.
      paths.forEach((path, index) => {
        for (const variant of index === 0 ? VARIANTS : VARIANTS.slice(0, 1)) {
          for (const auth of [true, false]) {
            if (!auth && variant.name !== "no body") continue;
            jobs.push(async () => {
              const url = `${s.url}${path}${variant.query ? `?${variant.query}` : ""}`;
              const hasBody = route.method !== "GET" && variant.body !== undefined;
              const headers = { ...variant.headers, ...(auth ? { authorization: `Bearer ${token}` } : {}) };
              requests += 1;
              try {
                const response = await fetch(url, { method: route.method, headers, body: hasBody ? variant.body : undefined, redirect: "manual" });
                await response.arrayBuffer();
                if (response.status >= 500) failures.push(`${route.method} ${path.slice(0, 80)} [${variant.name}] -> ${response.status}`);
              } catch (error) {
                failures.push(`${route.method} ${path.slice(0, 80)} [${variant.name}] -> ${String(error)}`);
              }
            });
          }
        }
      });
    }
    const workers = Array.from({ length: 8 }, async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await job();
    });
    await Promise.all(workers);
    console.log(`# fuzz: ${requests} requests over ${routes.length} routes, ${failures.length} failures, ${internalErrors.length} internal errors`);
    assert.deepEqual(failures.slice(0, 20), []);
    assert.deepEqual(internalErrors.map(String).slice(0, 5), []);
    const alive = await fetch(`${s.url}/api/v1/instance`);
    assert.equal(alive.status, 200);
  });
});
