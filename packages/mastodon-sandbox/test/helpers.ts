// Shared test helpers: a sandbox per test, and a tiny fetch wrapper that speaks the
// encodings real clients use (form like Mastodon.py, JSON like web clients, multipart).
import { after, before } from "node:test";
import { startSandbox, type Sandbox, type SandboxOptions } from "../src/index.ts";

export interface CallOptions {
  token?: string | undefined;
  form?: Record<string, string | string[]>;
  json?: unknown;
  multipart?: FormData;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // Parsed JSON, or undefined when the body is not JSON.
  body: unknown;
}

export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers["authorization"] = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.form) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
    }
    body = form;
  } else if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.multipart) {
    body = options.multipart;
  }
  const response = await fetch(base + path, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Narrows unknown JSON to a record for assertions. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`expected an object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return Object.fromEntries(Object.entries(value));
}

export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected an array, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

export function str(value: unknown): string {
  if (typeof value !== "string") throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Starts one sandbox for the surrounding describe() and closes it afterwards.
 * Returns a getter because the sandbox exists only once before() has run.
 */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  before(async () => {
    sandbox = await startSandbox(options);
  });
  after(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error("sandbox not started");
    return sandbox;
  };
}

export function user(sandbox: Sandbox, name: string) {
  const found = sandbox.users[name];
  if (!found) throw new Error(`no seeded user ${name}`);
  return found;
}

/** A valid 2x3 PNG. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDEAAUAHgcCAWBEzr8AAAAASUVORK5CYII=",
    "base64",
  ),
);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
