// Reading the recorded Mastodon traffic in ../shared/cassettes (VCR YAML files). The folder
// lives beside the repository and is never copied into it; tests skip when it is absent.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const sharedDir = resolve(repoRoot, "../shared");
export const cassetteDir = join(sharedDir, "cassettes");

export function cassettesAvailable(): boolean {
  return existsSync(cassetteDir);
}

export interface Interaction {
  method: string;
  uri: string;
  requestBody: string | null;
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

const cache = new Map<string, Interaction[]>();

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? new Map(Object.entries(value)).get(key) : undefined;
}

export function loadCassette(relativePath: string): Interaction[] {
  const cached = cache.get(relativePath);
  if (cached) return cached;
  const document: unknown = parse(readFileSync(join(cassetteDir, relativePath), "utf8"), { logLevel: "silent" });
  const interactions = field(document, "interactions");
  const result = (Array.isArray(interactions) ? interactions : []).map((item: unknown): Interaction => {
    const request = field(item, "request");
    const response = field(item, "response");
    const body = field(field(response, "body"), "string");
    const headers = field(response, "headers");
    return {
      method: String(field(request, "method")),
      uri: String(field(request, "uri")),
      requestBody: typeof field(request, "body") === "string" ? String(field(request, "body")) : null,
      status: Number(field(field(response, "status"), "code")),
      headers: typeof headers === "object" && headers !== null ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.map(String) : [String(v)]])) : {},
      body: typeof body === "string" ? body : "",
    };
  });
  cache.set(relativePath, result);
  return result;
}

/** The JSON body of the first matching interaction. */
export function recordedJson(relativePath: string, method: string, uriPattern: RegExp, pick?: (body: unknown) => unknown): unknown {
  const found = loadCassette(relativePath).find((i) => i.method === method && uriPattern.test(i.uri) && i.status < 300 && i.body !== "");
  if (!found) throw new Error(`no ${method} ${uriPattern} in ${relativePath}`);
  const json: unknown = JSON.parse(found.body);
  return pick ? pick(json) : json;
}
