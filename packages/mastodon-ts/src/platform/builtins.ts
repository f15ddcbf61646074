/**
 * Node built-ins, reached without a static import so that browser bundles never see them.
 * `process.getBuiltinModule` (Node ≥ 20.16, Deno, Bun) is synchronous, which lets the
 * constructor read credential files as Mastodon.py's does.
 */
import { MastodonIOError } from "../core/errors.js";

interface NodeFs {
  existsSync(path: string): boolean;
  statSync(path: string): { isFile(): boolean };
  readFileSync(path: string, encoding?: "utf8"): string & Uint8Array;
  writeFileSync(path: string, data: string, options: { mode: number; encoding: "utf8" }): void;
  chmodSync(path: string, mode: number): void;
  openSync(path: string, flags: "a"): number;
  closeSync(fd: number): void;
  unlinkSync(path: string): void;
  realpathSync(path: string): string;
}

interface NodeProcess {
  getBuiltinModule?: (name: string) => unknown;
}

function nodeProcess(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

/** A Node built-in module, or undefined where there is none (browsers). */
export function builtin(name: string): unknown {
  return nodeProcess()?.getBuiltinModule?.(name);
}

/** node:fs, or undefined where there is none (browsers). */
export function optionalFs(): NodeFs | undefined {
  return builtin("node:fs") as NodeFs | undefined;
}

/** node:fs, or a clear error for features that need a file system. */
export function requireFs(feature: string): NodeFs {
  const fs = optionalFs();
  if (!fs) throw new MastodonIOError(`${feature} needs a file system (Node.js ≥ 20.16, Deno or Bun)`);
  return fs;
}

/** True when `value` names an existing regular file. */
export function isExistingFile(value: string): boolean {
  const fs = optionalFs();
  if (!fs || value.length > 4096 || value.includes("\n")) return false;
  try {
    return fs.existsSync(value) && fs.statSync(value).isFile();
  } catch {
    return false;
  }
}
